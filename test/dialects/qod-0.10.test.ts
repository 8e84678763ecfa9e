// qod-0.10 (CAMARA 0.10.1): its schema and the rules under its facts, with 0.10's own answers
// (400 INVALID_ARGUMENT and OUT_OF_RANGE only: no 404, no 422, no INVALID_SINK).
import { describe, expect, it } from 'vitest';
import { toErrorInfo, validate, type QosProfile } from '../../src/index.js';
import { dialectCases } from './cases.js';

const body = {
  device: { phoneNumber: '+34600000001' },
  applicationServer: { ipv4Address: '198.51.100.0/24' },
  qosProfile: 'QOS_E',
  webhook: { notificationUrl: 'https://application-server.example.com/notifications' },
};
const token = 'c8974e592c2fa383d4a3960714';
const catalogue: QosProfile[] = [
  { name: 'QOS_E', status: 'ACTIVE', maxDuration: { value: 1, unit: 'Hours' } },
  { name: 'QOS_OLD', status: 'DEPRECATED' },
];

dialectCases('qod-0.10', 'schema', [
  { name: 'the minimal body', body, issues: [] },
  { name: 'every field', body: { ...body, device: { phoneNumber: '+34600000001', networkAccessIdentifier: '123456789@domain.com', ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '10.0.0.1' }, ipv6Address: '2001:db8::1' }, applicationServer: { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:1::/48' }, devicePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060] }, applicationServerPorts: { ports: [443] }, webhook: { notificationUrl: 'https://application-server.example.com/n', notificationAuthToken: token }, duration: 3600 }, issues: [] },
  { name: 'device is required', body: { ...body, device: undefined }, issues: ['schema/required@ 400 INVALID_ARGUMENT'] },
  { name: 'applicationServer is required', body: { ...body, applicationServer: undefined }, issues: ['schema/required@ 400 INVALID_ARGUMENT'] },
  { name: 'qosProfile is required', body: { ...body, qosProfile: undefined }, issues: ['schema/required@ 400 INVALID_ARGUMENT'] },
  { name: 'duration is optional', body: { ...body, duration: undefined }, issues: [] },
  { name: 'an empty device', body: { ...body, device: {} }, issues: ['schema/minProperties@/device 400 INVALID_ARGUMENT'] },
  { name: 'an empty application server', body: { ...body, applicationServer: {} }, issues: ['schema/minProperties@/applicationServer 400 INVALID_ARGUMENT'] },
  { name: 'a profile name of two characters', body: { ...body, qosProfile: 'QE' }, issues: ['schema/minLength@/qosProfile 400 INVALID_ARGUMENT'] },
  { name: 'a profile name with a space', body: { ...body, qosProfile: 'QOS E' }, issues: ['schema/pattern@/qosProfile 400 INVALID_ARGUMENT'] },
  { name: 'a webhook without notificationUrl', body: { ...body, webhook: { notificationAuthToken: token } }, issues: ['schema/required@/webhook 400 INVALID_ARGUMENT'] },
  { name: 'a notification token of 19 characters', body: { ...body, webhook: { ...body.webhook, notificationAuthToken: 'x'.repeat(19) } }, issues: ['schema/minLength@/webhook/notificationAuthToken 400 INVALID_ARGUMENT'] },
  { name: 'a notification token of 257 characters', body: { ...body, webhook: { ...body.webhook, notificationAuthToken: 'x'.repeat(257) } }, issues: ['schema/maxLength@/webhook/notificationAuthToken 400 INVALID_ARGUMENT'] },
  { name: 'duration 1, ports 0 and 65535', body: { ...body, duration: 1, devicePorts: { ports: [0, 65535] } }, issues: [] },
  { name: 'duration 86400', body: { ...body, duration: 86400 }, issues: [] },
  { name: 'duration 0', body: { ...body, duration: 0 }, issues: ['duration-bounds/belowMinimum@/duration 400 OUT_OF_RANGE'] },
  { name: 'duration 86401', body: { ...body, duration: 86401 }, issues: ['duration-bounds/aboveMaximum@/duration 400 OUT_OF_RANGE'] },
  { name: 'a duration that is not an integer', body: { ...body, duration: 60.5 }, issues: ['schema/type@/duration 400 INVALID_ARGUMENT'] },
  { name: 'port 65536', body: { ...body, applicationServerPorts: { ports: [65536] } }, issues: ['port-ranges/aboveMaximum@/applicationServerPorts/ports/0 400 OUT_OF_RANGE'] },
  { name: 'a public port of -1', body: { ...body, device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: -1 } } }, issues: ['port-ranges/belowMinimum@/device/ipv4Address/publicPort 400 OUT_OF_RANGE'] },
  { name: 'a range that runs downwards', body: { ...body, devicePorts: { ranges: [{ from: 5020, to: 5010 }] } }, issues: ['port-ranges/reversedRange@/devicePorts/ranges/0 400 OUT_OF_RANGE'] },
  { name: 'a phone number without + (optional before 0.11)', body: { ...body, device: { phoneNumber: '34600000001' } }, issues: [] },
  { name: 'a phone number with letters', body: { ...body, device: { phoneNumber: '+3460000000A' } }, issues: ['phone-number/nonDigit@/device/phoneNumber 400 INVALID_ARGUMENT'] },
  { name: 'a phone number of 16 digits', body: { ...body, device: { phoneNumber: '+3460000000112345' } }, issues: ['phone-number/tooLong@/device/phoneNumber 400 INVALID_ARGUMENT'] },
  { name: 'a device IPv6 address in capitals (format ipv6 accepts it)', body: { ...body, device: { ipv6Address: '2001:DB8::1' }, applicationServer: { ipv6Address: '2001:db8:1::/48' } }, issues: [] },
  { name: 'a device IPv6 address with a prefix (a single address since 0.10)', body: { ...body, device: { ipv6Address: '2001:db8::/64' }, applicationServer: { ipv6Address: '2001:db8:1::/48' } }, issues: ['ip-address/prefixNotAllowed@/device/ipv6Address 400 INVALID_ARGUMENT'] },
  { name: 'a device IPv4 address with a leading zero (format ipv4)', body: { ...body, device: { ipv4Address: { publicAddress: '084.125.93.10', publicPort: 1 } } }, issues: ['ip-address/leadingZeros@/device/ipv4Address/publicAddress 400 INVALID_ARGUMENT'] },
  { name: 'a device IPv4 address without privateAddress or publicPort', body: { ...body, device: { ipv4Address: { publicAddress: '84.125.93.10' } } }, issues: ['schema/anyOf@/device/ipv4Address 400 INVALID_ARGUMENT'] },
  { name: 'a server address the schema does not constrain, read by the prose', body: { ...body, applicationServer: { ipv4Address: 'hello' } }, issues: ['ip-address/notIpv4@/applicationServer/ipv4Address 400 INVALID_ARGUMENT'] },
  { name: 'a server IPv6 subnet too wide for the family', body: { ...body, applicationServer: { ipv6Address: '2001:db8::/129' } }, issues: ['ip-address/badPrefix@/applicationServer/ipv6Address 400 INVALID_ARGUMENT'] },
  { name: 'the network access identifier alone (supported before 0.11)', body: { ...body, device: { networkAccessIdentifier: '123456789@domain.com' } }, issues: [] },
  { name: 'unknown properties at any depth are allowed', body: { ...body, extra: 1, device: { phoneNumber: '+34600000001', imei: '1' }, webhook: { ...body.webhook, retries: 3 } }, issues: [] },
  {
    name: 'known-properties turned on reports them, as 400 INVALID_ARGUMENT',
    body: { ...body, extra: 1, webhook: { ...body.webhook, retries: 3 } },
    options: { rules: { 'known-properties': 'error' } },
    issues: ['known-properties/unknownProperty@/webhook/retries 400 INVALID_ARGUMENT', 'known-properties/unknownProperty@/extra 400 INVALID_ARGUMENT'],
  },
]);

dialectCases('qod-0.10', 'rules and answers', [
  { name: 'a webhook over http is a warning', body: { ...body, webhook: { notificationUrl: 'http://application-server.example.com/n' } }, issues: ['warn:sink/plainHttp@/webhook/notificationUrl 400 INVALID_ARGUMENT'] },
  { name: 'a webhook URL that is not a URI: INVALID_ARGUMENT (INVALID_SINK starts in 1.1)', body: { ...body, webhook: { notificationUrl: 'not a url' } }, issues: ['sink/notUri@/webhook/notificationUrl 400 INVALID_ARGUMENT'] },
  { name: 'a webhook with another scheme', body: { ...body, webhook: { notificationUrl: 'ftp://application-server.example.com/n' } }, issues: ['sink/notHttps@/webhook/notificationUrl 400 INVALID_ARGUMENT'] },
  { name: 'a profile that is not ACTIVE: INVALID_ARGUMENT (QOS_PROFILE_NOT_APPLICABLE starts in 1.1)', body: { ...body, qosProfile: 'QOS_OLD' }, options: { policy: { qosProfiles: catalogue } }, issues: ['qos-profile/notApplicable@/qosProfile 400 INVALID_ARGUMENT'] },
  { name: "a duration above the profile's maximum: OUT_OF_RANGE (DurationOutOfRangeForQoSProfile)", body: { ...body, duration: 7200 }, options: { policy: { qosProfiles: catalogue } }, issues: ['duration-bounds/aboveProfileMaximum@/duration 400 OUT_OF_RANGE'] },
  { name: "no duration: the default of 86400 s is checked against the profile", body, options: { policy: { qosProfiles: catalogue } }, issues: ['duration-bounds/aboveProfileMaximum@ 400 OUT_OF_RANGE'] },
  { name: 'an unsupported identifier: INVALID_ARGUMENT (0.10 has no 422)', body: { ...body, device: { networkAccessIdentifier: 'a@b' } }, options: { policy: { supportedIdentifiers: ['phoneNumber'] } }, issues: ['device-identifiers/unsupportedIdentifier@/device 400 INVALID_ARGUMENT'] },
  { name: 'no token rules before 1.0: a 3-legged token with a device', body, options: { context: { tokenIdentifiesDevice: true } }, issues: [] },
  {
    name: 'identifiers naming different devices: INVALID_ARGUMENT (InconsistentDeviceProperties)',
    body: { ...body, device: { phoneNumber: '+34600000001', networkAccessIdentifier: 'a@b' } },
    options: { policy: { resolveDevice: (id) => id.type } },
    issues: ['device-identifiers/identifierMismatch@/device 400 INVALID_ARGUMENT'],
  },
  { name: 'no identifier names a device: INVALID_ARGUMENT (CannotIdentifyDevice)', body, options: { policy: { resolveDevice: () => undefined } }, issues: ['device-identifiers/identifierNotFound@/device 400 INVALID_ARGUMENT'] },
]);

describe('qod-0.10: toErrorInfo', () => {
  it('answers {status, code, message}', () => {
    const info = toErrorInfo(validate({ ...body, duration: 0 }, { dialect: 'qod-0.10' }));
    expect(JSON.parse(JSON.stringify(info))).toEqual({ status: 400, code: 'OUT_OF_RANGE', message: 'duration 0 s is below the minimum of 1 s that qod-0.10 accepts.' });
  });
});

// The createSession scenarios of the v0.9.0 and v0.10.1 test definitions (QoD_API_Test.feature, the
// same file in both releases) that the body decides: the mandatory parameters and all parameters are
// accepted; an invalid payload is a 400. (The 5XX scenario is about an unreachable endpoint.)
for (const dialect of ['qod-0.10', 'qod-0.9'] as const) {
  dialectCases(dialect, 'test definitions (QoD_API_Test.feature)', [
    { name: 'Create QoD session with mandatory parameters', body: { device: body.device, applicationServer: body.applicationServer, qosProfile: 'QOS_E' }, issues: [] },
    {
      name: 'Create QoD session with all parameters & Deletion of Session id',
      body: {
        device: { phoneNumber: '+34600000001', networkAccessIdentifier: '123456789@domain.com', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 }, ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344' },
        applicationServer: { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:1::/48' },
        devicePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
        applicationServerPorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
        qosProfile: 'QOS_E',
        webhook: { notificationUrl: 'https://application-server.example.com/notifications', notificationAuthToken: token },
        duration: 3600,
      },
      issues: [],
    },
    { name: 'QoD session with invalid payload 4XX', body: { ...body, qosProfile: 42 }, issues: ['schema/type@/qosProfile 400 INVALID_ARGUMENT'] },
  ]);
}
