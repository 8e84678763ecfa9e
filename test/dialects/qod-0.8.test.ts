// qod-0.8 (CAMARA 0.8.1): ueId, asId, uePorts/asPorts, qos and a top-level notificationUrl, read
// into the neutral model; every 400 answers INVALID_INPUT and toErrorInfo answers {code, message}.
import { describe, expect, it } from 'vitest';
import { toErrorInfo, validate, validateJson, type DeviceIdentifier } from '../../src/index.js';
import { dialectCases } from './cases.js';

const body = { ueId: { msisdn: '+34600000001' }, asId: { ipv4addr: '198.51.100.0/24' }, qos: 'QOS_E' };
const ue = (ueId: Record<string, unknown>) => ({ ...body, ueId });

dialectCases('qod-0.8', 'schema', [
  { name: 'the minimal body', body, issues: [] },
  {
    name: 'every field',
    body: { ...body, ueId: { externalId: '123456789@domain.com', msisdn: '34600000001', ipv4addr: '198.51.100.9', ipv6addr: '2001:db8::9' }, asId: { ipv4addr: '198.51.100.0/24', ipv6addr: '2001:db8:1::/48' }, uePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060] }, asPorts: { ports: [0] }, duration: 86400, notificationUrl: 'https://application-server.example.com/n', notificationAuthToken: 'short' },
    issues: [],
  },
  { name: 'ueId is required', body: { ...body, ueId: undefined }, issues: ['schema/required@ 400 INVALID_INPUT'] },
  { name: 'asId is required', body: { ...body, asId: undefined }, issues: ['schema/required@ 400 INVALID_INPUT'] },
  { name: 'qos is required', body: { ...body, qos: undefined }, issues: ['schema/required@ 400 INVALID_INPUT'] },
  { name: 'an empty ueId', body: ue({}), issues: ['schema/minProperties@/ueId 400 INVALID_INPUT'] },
  { name: 'an empty asId', body: { ...body, asId: {} }, issues: ['schema/minProperties@/asId 400 INVALID_INPUT'] },
  { name: 'qos outside its enum', body: { ...body, qos: 'QOS_XL' }, issues: ['schema/enum@/qos 400 INVALID_INPUT'] },
  { name: 'each qos of the enum', body: { ...body, qos: 'QOS_S' }, issues: [] },
  { name: 'a UE IPv4 subnet (address/mask is allowed in 0.8)', body: ue({ ipv4addr: '198.51.100.0/28' }), issues: [] },
  { name: 'a UE IPv4 mask above 32', body: ue({ ipv4addr: '198.51.100.0/33' }), issues: ['ip-address/badPrefix@/ueId/ipv4addr 400 INVALID_INPUT'] },
  { name: 'a UE IPv4 address that is not one', body: ue({ ipv4addr: 'hello' }), issues: ['ip-address/notIpv4@/ueId/ipv4addr 400 INVALID_INPUT'] },
  { name: 'a UE IPv6 subnet', body: ue({ ipv6addr: '2001:db8::/64' }), issues: [] },
  { name: 'an AS IPv6 address in capitals: the pattern is the floor', body: { ...body, asId: { ipv6addr: '2001:DB8::1' } }, issues: ['schema/pattern@/asId/ipv6addr 400 INVALID_INPUT'] },
  { name: 'an msisdn with letters', body: ue({ msisdn: '+34600ABC' }), issues: ['phone-number/nonDigit@/ueId/msisdn 400 INVALID_INPUT'] },
  { name: 'duration 0', body: { ...body, duration: 0 }, issues: ['duration-bounds/belowMinimum@/duration 400 INVALID_INPUT'] },
  { name: 'duration 86401', body: { ...body, duration: 86401 }, issues: ['duration-bounds/aboveMaximum@/duration 400 INVALID_INPUT'] },
  { name: 'port 65536', body: { ...body, uePorts: { ports: [65536] } }, issues: ['port-ranges/aboveMaximum@/uePorts/ports/0 400 INVALID_INPUT'] },
  { name: 'a range that runs downwards', body: { ...body, asPorts: { ranges: [{ from: 5020, to: 5010 }] } }, issues: ['port-ranges/reversedRange@/asPorts/ranges/0 400 INVALID_INPUT'] },
  { name: 'a notificationUrl that is not a URI', body: { ...body, notificationUrl: 'not a url' }, issues: ['sink/notUri@/notificationUrl 400 INVALID_INPUT'] },
  { name: 'a notificationUrl over http is a warning', body: { ...body, notificationUrl: 'http://application-server.example.com/n' }, issues: ['warn:sink/plainHttp@/notificationUrl 400 INVALID_INPUT'] },
  { name: "0.8.0's notificationUri is an unknown property, allowed", body: { ...body, notificationUri: 'not a url' }, issues: [] },
  { name: 'known-properties turned on', body: { ...body, notificationUri: 'x', ueId: { msisdn: '+34600000001', imsi: '1' } }, options: { rules: { 'known-properties': 'error' } }, issues: ['known-properties/unknownProperty@/ueId/imsi 400 INVALID_INPUT', 'known-properties/unknownProperty@/notificationUri 400 INVALID_INPUT'] },
]);

dialectCases('qod-0.8', 'rules and answers', [
  { name: 'a ueId without an identifier names it as ueId', body: ue({ imsi: '214010000000001' }), issues: ['device-identifiers/noIdentifier@/ueId 400 INVALID_INPUT'] },
  { name: 'an unsupported identifier', body: ue({ externalId: 'a@b' }), options: { policy: { supportedIdentifiers: ['phoneNumber'] } }, issues: ['device-identifiers/unsupportedIdentifier@/ueId 400 INVALID_INPUT'] },
  { name: 'a qos that is not ACTIVE', body, options: { policy: { qosProfiles: [{ name: 'QOS_E', status: 'INACTIVE' }] } }, issues: ['qos-profile/notApplicable@/qos 400 INVALID_INPUT'] },
  { name: "a duration above the profile's maximum", body: { ...body, duration: 7200 }, options: { policy: { qosProfiles: [{ name: 'QOS_E', maxDuration: { value: 1, unit: 'Hours' } }] } }, issues: ['duration-bounds/aboveProfileMaximum@/duration 400 INVALID_INPUT'] },
  { name: '0.8 does not say that identifiers name one device', body: ue({ msisdn: '+34600000001', externalId: 'a@b' }), options: { policy: { resolveDevice: (id) => id.type } }, issues: [] },
  { name: 'no identifier names a device', body, options: { policy: { resolveDevice: () => undefined } }, issues: ['device-identifiers/identifierNotFound@/ueId 400 INVALID_INPUT'] },
  { name: 'a private UE address is a warning, as a public address', body: ue({ ipv4addr: '10.0.0.1' }), issues: ['warn:ip-address-scope/notPublic@/ueId/ipv4addr 400 INVALID_INPUT'] },
]);

describe('qod-0.8: the neutral model and the answer', () => {
  it("hands ueId's identifiers to resolveDevice in CAMARA's shape", () => {
    const seen: DeviceIdentifier[] = [];
    validate(ue({ externalId: 'a@b', msisdn: '34600000001', ipv4addr: '198.51.100.0/28', ipv6addr: '2001:db8::1' }), {
      dialect: 'qod-0.8',
      policy: { resolveDevice: (id) => void seen.push(id) },
    });
    expect(seen).toEqual([
      { type: 'phoneNumber', value: '34600000001' },
      { type: 'networkAccessIdentifier', value: 'a@b' },
      { type: 'ipv4Address', value: { publicAddress: '198.51.100.0/28' } },
      { type: 'ipv6Address', value: '2001:db8::1' },
    ]);
  });

  it('names the identifiers as 0.8 spells them', () => {
    const [issue] = validate(ue({ externalId: 'a@b' }), { dialect: 'qod-0.8', policy: { supportedIdentifiers: ['phoneNumber'] } }).issues;
    expect(issue!.message).toBe('device is identified only by ueId.externalId, which this API provider does not support; supported identifier types: phoneNumber.');
  });

  it('toErrorInfo answers {code, message}; the status is there for the status line, not in the JSON', () => {
    const info = toErrorInfo(validate({ ...body, qos: 'QOS_XL' }, { dialect: 'qod-0.8' }))!;
    expect(info.status).toBe(400);
    expect(Object.keys(info)).toEqual(['code', 'message']);
    expect(JSON.parse(JSON.stringify(info))).toEqual({ code: 'INVALID_INPUT', message: 'qos is "QOS_XL"; it must be one of "QOS_E", "QOS_S", "QOS_M", "QOS_L".' });
  });

  it('text that is not JSON is INVALID_INPUT too', () => {
    const report = validateJson('{"ueId": ', { dialect: 'qod-0.8' });
    expect(report.issues.map((i) => `${i.ruleId} ${i.status} ${i.code}`)).toEqual(['parse 400 INVALID_INPUT']);
  });
});

describe('toErrorInfo on a report made by hand', () => {
  it('does not trip on a dialect it does not know', () => {
    const issue = { ruleId: 'x', messageId: 'x', severity: 'error' as const, path: '', message: 'm', status: 400, code: 'C' };
    for (const dialect of ['constructor', '__proto__', 'qod-9']) {
      expect(JSON.parse(JSON.stringify(toErrorInfo({ valid: false, dialect: dialect as never, issues: [issue], errorCount: 1, warningCount: 0 })))).toEqual({ status: 400, code: 'C', message: 'm' });
    }
  });
});
