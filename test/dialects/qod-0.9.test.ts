// qod-0.9 (CAMARA 0.9.0): 0.10's facts and answers (test/dialects/qod-0.10.test.ts) with 0.9's
// address patterns: the device IPv6 address may carry a prefix but must be lower case without
// leading zeros, single IPv4 addresses and the server's addresses are patterns.
import { dialectCases } from './cases.js';

const body = {
  device: { phoneNumber: '+34600000001' },
  applicationServer: { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:1::/48' },
  qosProfile: 'QOS_E',
  webhook: { notificationUrl: 'https://application-server.example.com/notifications' },
};
const device6 = (ipv6Address: string) => ({ ...body, device: { ipv6Address } });

dialectCases('qod-0.9', 'schema', [
  { name: 'the minimal body', body, issues: [] },
  { name: 'a device IPv6 subnet', body: device6('2001:db8:85a3:8d3::/64'), issues: [] },
  { name: 'a device IPv6 address with /128', body: device6('2001:db8:85a3:8d3:1319:8a2e:370:7344/128'), issues: [] },
  { name: 'a device IPv6 address in capitals: the pattern is the floor', body: device6('2001:DB8::1'), issues: ['schema/pattern@/device/ipv6Address 400 INVALID_ARGUMENT'] },
  { name: 'a device IPv6 group with a leading zero', body: device6('2001:0db8::1'), issues: ['schema/pattern@/device/ipv6Address 400 INVALID_ARGUMENT'] },
  { name: 'an IPv4-mapped device IPv6 address', body: device6('::ffff:198.51.100.1'), issues: ['schema/pattern@/device/ipv6Address 400 INVALID_ARGUMENT'] },
  { name: 'a device IPv6 prefix above 128', body: device6('2001:db8::/129'), issues: ['ip-address/badPrefix@/device/ipv6Address 400 INVALID_ARGUMENT'] },
  { name: 'a device IPv6 address that is not one', body: device6('hello'), issues: ['ip-address/notIpv6@/device/ipv6Address 400 INVALID_ARGUMENT'] },
  {
    name: "with ip-address off, the schema reports each of the Ipv6Address's two patterns",
    body: device6('hello'),
    options: { rules: { 'ip-address': 'off' } },
    issues: ['schema/pattern@/device/ipv6Address 400 INVALID_ARGUMENT', 'schema/pattern@/device/ipv6Address 400 INVALID_ARGUMENT'],
  },
  { name: 'a single IPv4 address with a leading zero (the pattern forbids it)', body: { ...body, device: { ipv4Address: { publicAddress: '84.125.93.010', publicPort: 1 } } }, issues: ['ip-address/leadingZeros@/device/ipv4Address/publicAddress 400 INVALID_ARGUMENT'] },
  { name: 'a server IPv4 address or subnet', body: { ...body, applicationServer: { ipv4Address: '198.51.100.7' } }, issues: [] },
  { name: 'a server IPv4 mask above 32', body: { ...body, applicationServer: { ipv4Address: '198.51.100.0/33' } }, issues: ['ip-address/badPrefix@/applicationServer/ipv4Address 400 INVALID_ARGUMENT'] },
  {
    name: "a server IPv4 address with a leading zero: the pattern allows it, ip-address does not (stricter, as in every dialect)",
    body: { ...body, applicationServer: { ipv4Address: '198.51.100.07' } },
    issues: ['ip-address/leadingZeros@/applicationServer/ipv4Address 400 INVALID_ARGUMENT'],
  },
  { name: '... and with ip-address off it is accepted', body: { ...body, applicationServer: { ipv4Address: '198.51.100.07' } }, options: { rules: { 'ip-address': 'off' } }, issues: [] },
  { name: 'a server IPv6 address in capitals', body: { ...body, applicationServer: { ipv6Address: '2001:DB8::1' } }, issues: ['schema/pattern@/applicationServer/ipv6Address 400 INVALID_ARGUMENT'] },
  { name: 'duration 86401', body: { ...body, duration: 86401 }, issues: ['duration-bounds/aboveMaximum@/duration 400 OUT_OF_RANGE'] },
  { name: 'port 0', body: { ...body, devicePorts: { ports: [0] } }, issues: [] },
  { name: 'a phone number without +', body: { ...body, device: { phoneNumber: '34600000001' } }, issues: [] },
  { name: 'a notification token of 19 characters', body: { ...body, webhook: { ...body.webhook, notificationAuthToken: 'x'.repeat(19) } }, issues: ['schema/minLength@/webhook/notificationAuthToken 400 INVALID_ARGUMENT'] },
  { name: 'unknown properties are allowed', body: { ...body, extra: 1 }, issues: [] },
  { name: 'known-properties turned on', body: { ...body, extra: 1 }, options: { rules: { 'known-properties': 'error' } }, issues: ['known-properties/unknownProperty@/extra 400 INVALID_ARGUMENT'] },
]);

dialectCases('qod-0.9', 'rules and answers', [
  { name: 'a webhook URL that is not a URI', body: { ...body, webhook: { notificationUrl: 'not a url' } }, issues: ['sink/notUri@/webhook/notificationUrl 400 INVALID_ARGUMENT'] },
  {
    name: 'identifiers naming different devices',
    body: { ...body, device: { phoneNumber: '+34600000001', ipv6Address: '2001:db8::/64' } },
    options: { policy: { resolveDevice: (id) => id.type } },
    issues: ['device-identifiers/identifierMismatch@/device 400 INVALID_ARGUMENT'],
  },
  { name: 'an unsupported identifier', body: device6('2001:db8::/64'), options: { policy: { supportedIdentifiers: ['phoneNumber'] } }, issues: ['device-identifiers/unsupportedIdentifier@/device 400 INVALID_ARGUMENT'] },
  { name: 'a device IPv6 subnet that is the whole Internet is a warning', body: device6('::/0'), issues: ['warn:ip-address-scope/wholeInternet@/device/ipv6Address 400 INVALID_ARGUMENT'] },
]);
