// migrate(), one table per pair of neighbouring dialects (both directions), and the long jumps from
// CAMARA 0.8 and from the SDK model to 1.2 and back: each case is a body, the migrated body, every
// change and every loss ('<step> <messageId> <before> → <after>', ∅ for a pointer that is absent),
// and whether the target's report accepts the result.
import { describe, expect, it } from 'vitest';
import { migrate, type DialectId } from '../../src/index.js';
import { checkResult, shown } from './helpers.js';

interface Case {
  name: string;
  from: DialectId;
  to: DialectId;
  body: Record<string, unknown>;
  expected: Record<string, unknown>;
  changes: string[];
  lost: string[];
  /** Whether the target's report has no error (with the clock at 2026-01-01). */
  valid: boolean;
  /** The issues of the report, when the case is about them ('ruleId/messageId@path'). */
  errors?: string[];
}

const now = new Date('2026-01-01T00:00:00Z');

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const input = structuredClone(c.body);
      const result = migrate(input, { from: c.from, to: c.to, validateOptions: { context: { now } } });
      expect(input, 'the input is never changed').toEqual(c.body);
      expect(result.body).toEqual(c.expected);
      expect(result.changes.map(shown)).toEqual(c.changes);
      expect(result.lost.map(shown)).toEqual(c.lost);
      const errors = result.report.issues.filter((i) => i.severity === 'error').map((i) => `${i.ruleId}/${i.messageId}@${i.path}`);
      expect(result.report.valid, errors.join(', ')).toBe(c.valid);
      if (c.errors !== undefined) expect(errors).toEqual(c.errors);
      checkResult(input, result);
    });
  });
}

// #region Bodies

const sdkFull = {
  device: { phone_number: '+34600000001', ipv4_address: { public_address: '84.125.93.10', public_port: 59765 } },
  qos_profile: 'QOS_XR',
  application_server: { ipv4_address: '198.51.100.0/24', ipv6_address: '2001:db8:85a3:8d3::/64' },
  device_ports: { ranges: [{ from: 5010, to: 5020 }] },
  application_server_ports: { ports: [443] },
  webhook: { notification_url: 'https://application-server.example.com/notifications', notification_auth_token: 'c8974e592c2fa383d4a3960714' },
  duration: 3600,
};

const v010Full = {
  device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } },
  qosProfile: 'QOS_XR',
  applicationServer: { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:85a3:8d3::/64' },
  devicePorts: { ranges: [{ from: 5010, to: 5020 }] },
  applicationServerPorts: { ports: [443] },
  webhook: { notificationUrl: 'https://application-server.example.com/notifications', notificationAuthToken: 'c8974e592c2fa383d4a3960714' },
  duration: 3600,
};

const sdkRenames = [
  'sdk→0.10 renamed /qos_profile → /qosProfile',
  'sdk→0.10 renamed /device/phone_number → /device/phoneNumber',
  'sdk→0.10 renamed /device/ipv4_address → /device/ipv4Address',
  'sdk→0.10 renamed /device/ipv4_address/public_address → /device/ipv4Address/publicAddress',
  'sdk→0.10 renamed /device/ipv4_address/public_port → /device/ipv4Address/publicPort',
  'sdk→0.10 renamed /application_server → /applicationServer',
  'sdk→0.10 renamed /application_server/ipv4_address → /applicationServer/ipv4Address',
  'sdk→0.10 renamed /application_server/ipv6_address → /applicationServer/ipv6Address',
  'sdk→0.10 renamed /device_ports → /devicePorts',
  'sdk→0.10 renamed /application_server_ports → /applicationServerPorts',
  'sdk→0.10 renamed /webhook/notification_url → /webhook/notificationUrl',
  'sdk→0.10 renamed /webhook/notification_auth_token → /webhook/notificationAuthToken',
];

const v08Examples = {
  duration: 86400,
  ueId: { externalId: '123456789@domain.com', msisdn: '123456789', ipv4addr: '192.168.0.1/24', ipv6addr: '2001:db8:85a3:8d3:1319:8a2e:370:7344' },
  asId: { ipv4addr: '192.168.0.1/24', ipv6addr: '2001:db8:85a3:8d3:1319:8a2e:370:7344' },
  uePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
  asPorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
  qos: 'QOS_E',
  notificationUrl: 'https://application-server.com',
  notificationAuthToken: 'c8974e592c2fa383d4a3960714',
};

const v11Token = {
  device: { phoneNumber: '+34600000001' },
  applicationServer: { ipv4Address: '198.51.100.0/24' },
  qosProfile: 'QOS_E',
  duration: 3600,
  sink: 'https://endpoint.example.com/sink',
  sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9', accessTokenExpiresUtc: '2099-07-03T12:27:08.312Z', accessTokenType: 'bearer' },
};

// #endregion

table('qod-sdk ↔ qod-0.10', [
  {
    name: 'every snake_case key becomes its camelCase name, in place',
    from: 'qod-sdk',
    to: 'qod-0.10',
    body: sdkFull,
    expected: v010Full,
    changes: sdkRenames,
    lost: [],
    valid: true,
  },
  {
    name: 'back: every camelCase key becomes its snake_case name',
    from: 'qod-0.10',
    to: 'qod-sdk',
    body: v010Full,
    expected: sdkFull,
    changes: sdkRenames.map((line) => line.replace('sdk→0.10', '0.10→sdk').replace(/(\S+) → (\S+)$/, '$2 → $1')),
    lost: [],
    valid: true,
  },
  {
    name: 'what 0.10 requires and the SDK model leaves out is listed, not invented',
    from: 'qod-sdk',
    to: 'qod-0.10',
    body: { device: { phone_number: '+34600000001' }, qos_profile: 'QOS_E', webhook: { notification_auth_token: 'c8974e592c2fa383d4a3960714' } },
    expected: { device: { phoneNumber: '+34600000001' }, qosProfile: 'QOS_E', webhook: { notificationAuthToken: 'c8974e592c2fa383d4a3960714' } },
    changes: [
      'sdk→0.10 renamed /qos_profile → /qosProfile',
      'sdk→0.10 renamed /device/phone_number → /device/phoneNumber',
      'sdk→0.10 renamed /webhook/notification_auth_token → /webhook/notificationAuthToken',
    ],
    lost: ['sdk→0.10 required ∅ → /applicationServer', 'sdk→0.10 required ∅ → /webhook/notificationUrl'],
    valid: false,
  },
  {
    name: 'properties neither declares are carried; one the target declares is not',
    from: 'qod-0.10',
    to: 'qod-sdk',
    body: { device: { phoneNumber: '+34600000001', imei: '1' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', qos_profile: 'QOS_L', clientReference: 'abc' },
    expected: { device: { phone_number: '+34600000001', imei: '1' }, application_server: { ipv4_address: '198.51.100.0/24' }, qos_profile: 'QOS_E', clientReference: 'abc' },
    changes: [
      '0.10→sdk renamed /qosProfile → /qos_profile',
      '0.10→sdk renamed /device/phoneNumber → /device/phone_number',
      '0.10→sdk renamed /applicationServer → /application_server',
      '0.10→sdk renamed /applicationServer/ipv4Address → /application_server/ipv4_address',
    ],
    lost: ['0.10→sdk nameTaken /qos_profile → ∅'],
    valid: true,
  },
]);

table('qod-0.8 ↔ qod-0.9', [
  {
    name: "the 0.8 YAML's examples: names change, the UE's subnet is lost",
    from: 'qod-0.8',
    to: 'qod-0.9',
    body: v08Examples,
    expected: {
      duration: 86400,
      device: { networkAccessIdentifier: '123456789@domain.com', phoneNumber: '123456789', ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344' },
      applicationServer: { ipv4Address: '192.168.0.1/24', ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344' },
      devicePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
      applicationServerPorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
      qosProfile: 'QOS_E',
      webhook: { notificationUrl: 'https://application-server.com', notificationAuthToken: 'c8974e592c2fa383d4a3960714' },
    },
    changes: [
      '0.8→0.9 renamed /ueId → /device',
      '0.8→0.9 renamed /ueId/msisdn → /device/phoneNumber',
      '0.8→0.9 renamed /ueId/externalId → /device/networkAccessIdentifier',
      '0.8→0.9 renamed /ueId/ipv6addr → /device/ipv6Address',
      '0.8→0.9 renamed /asId → /applicationServer',
      '0.8→0.9 renamed /asId/ipv4addr → /applicationServer/ipv4Address',
      '0.8→0.9 renamed /asId/ipv6addr → /applicationServer/ipv6Address',
      '0.8→0.9 renamed /uePorts → /devicePorts',
      '0.8→0.9 renamed /asPorts → /applicationServerPorts',
      '0.8→0.9 renamed /qos → /qosProfile',
      '0.8→0.9 moved /notificationUrl → /webhook/notificationUrl',
      '0.8→0.9 moved /notificationAuthToken → /webhook/notificationAuthToken',
    ],
    lost: ['0.8→0.9 deviceSubnet /ueId/ipv4addr → ∅'],
    valid: true,
  },
  {
    name: "one UE address becomes device.ipv4Address.publicAddress; 0.9's second address is listed as missing",
    from: 'qod-0.8',
    to: 'qod-0.9',
    body: { ueId: { ipv4addr: '203.0.113.7' }, asId: { ipv4addr: '198.51.100.0/24' }, qos: 'QOS_L', notificationAuthToken: 'c8974e592c2fa383d4a3960714', notificationUri: 'https://as.example.com/n' },
    expected: {
      device: { ipv4Address: { publicAddress: '203.0.113.7' } },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      qosProfile: 'QOS_L',
      notificationUri: 'https://as.example.com/n',
      webhook: { notificationAuthToken: 'c8974e592c2fa383d4a3960714' },
    },
    changes: [
      '0.8→0.9 renamed /ueId → /device',
      '0.8→0.9 moved /ueId/ipv4addr → /device/ipv4Address/publicAddress',
      '0.8→0.9 renamed /asId → /applicationServer',
      '0.8→0.9 renamed /asId/ipv4addr → /applicationServer/ipv4Address',
      '0.8→0.9 renamed /qos → /qosProfile',
      '0.8→0.9 moved /notificationAuthToken → /webhook/notificationAuthToken',
    ],
    lost: ['0.8→0.9 devicePublicPair ∅ → /device/ipv4Address/privateAddress', '0.8→0.9 required ∅ → /webhook/notificationUrl'],
    valid: false,
  },
  {
    name: 'a UE known only by its subnet leaves an empty device, which 0.9 rejects (no device is not the same request)',
    from: 'qod-0.8',
    to: 'qod-0.9',
    body: { ueId: { ipv4addr: '198.51.100.0/28' }, asId: { ipv4addr: '198.51.100.0/24' }, qos: 'QOS_E' },
    expected: { device: {}, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E' },
    changes: ['0.8→0.9 renamed /ueId → /device', '0.8→0.9 renamed /asId → /applicationServer', '0.8→0.9 renamed /asId/ipv4addr → /applicationServer/ipv4Address', '0.8→0.9 renamed /qos → /qosProfile'],
    lost: ['0.8→0.9 deviceSubnet /ueId/ipv4addr → ∅'],
    valid: false,
    errors: ['schema/minProperties@/device'],
  },
  {
    name: 'back: the webhook flattens, the qos enum takes the profile, a second address and a port have no place',
    from: 'qod-0.9',
    to: 'qod-0.8',
    body: {
      device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '203.0.113.7', privateAddress: '10.0.0.7', publicPort: 59765 } },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      qosProfile: 'QOS_S',
      webhook: { notificationUrl: 'https://as.example.com/n', notificationAuthToken: 'c8974e592c2fa383d4a3960714' },
    },
    expected: {
      ueId: { msisdn: '+34600000001', ipv4addr: '203.0.113.7' },
      asId: { ipv4addr: '198.51.100.0/24' },
      qos: 'QOS_S',
      notificationUrl: 'https://as.example.com/n',
      notificationAuthToken: 'c8974e592c2fa383d4a3960714',
    },
    changes: [
      '0.9→0.8 renamed /device → /ueId',
      '0.9→0.8 renamed /device/phoneNumber → /ueId/msisdn',
      '0.9→0.8 moved /device/ipv4Address/publicAddress → /ueId/ipv4addr',
      '0.9→0.8 renamed /applicationServer → /asId',
      '0.9→0.8 renamed /applicationServer/ipv4Address → /asId/ipv4addr',
      '0.9→0.8 renamed /qosProfile → /qos',
      '0.9→0.8 moved /webhook/notificationUrl → /notificationUrl',
      '0.9→0.8 moved /webhook/notificationAuthToken → /notificationAuthToken',
    ],
    lost: ['0.9→0.8 noPlace /device/ipv4Address/privateAddress → ∅', '0.9→0.8 noPlace /device/ipv4Address/publicPort → ∅'],
    valid: true,
  },
  {
    name: "back: a profile 0.8's enum does not name is lost, and so is a property 0.8 declares",
    from: 'qod-0.9',
    to: 'qod-0.8',
    body: { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'voice', qos: 'fast' },
    expected: { ueId: { msisdn: '+34600000001' }, asId: { ipv4addr: '198.51.100.0/24' } },
    changes: ['0.9→0.8 renamed /device → /ueId', '0.9→0.8 renamed /device/phoneNumber → /ueId/msisdn', '0.9→0.8 renamed /applicationServer → /asId', '0.9→0.8 renamed /applicationServer/ipv4Address → /asId/ipv4addr'],
    lost: ['0.9→0.8 nameTaken /qos → ∅', '0.9→0.8 qosProfileName /qosProfile → ∅'],
    valid: false,
    errors: ['schema/required@'],
  },
]);

table('qod-0.9 ↔ qod-0.10', [
  {
    name: "a device IPv6 subnet (0.9 only) is lost, even a /128",
    from: 'qod-0.9',
    to: 'qod-0.10',
    body: { device: { phoneNumber: '+34600000001', ipv6Address: '2001:db8:85a3:8d3::/64' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E' },
    expected: { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E' },
    changes: [],
    lost: ['0.9→0.10 deviceSubnet /device/ipv6Address → ∅'],
    valid: true,
  },
  {
    name: 'back: the same body; an upper-case IPv6 address is carried, and the 0.9 report rejects it',
    from: 'qod-0.10',
    to: 'qod-0.9',
    body: { device: { ipv6Address: '2001:DB8::7' }, applicationServer: { ipv6Address: '2001:db8::/64' }, qosProfile: 'QOS_E', duration: 600 },
    expected: { device: { ipv6Address: '2001:DB8::7' }, applicationServer: { ipv6Address: '2001:db8::/64' }, qosProfile: 'QOS_E', duration: 600 },
    changes: [],
    lost: [],
    valid: false,
    errors: ['schema/pattern@/device/ipv6Address'],
  },
]);

table('qod-0.10 ↔ qod-0.11', [
  {
    name: 'the webhook becomes sink and an access token whose expiry is listed as missing; duration 86400 is written in',
    from: 'qod-0.10',
    to: 'qod-0.11',
    body: {
      device: { phoneNumber: '+34600000001' },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      qosProfile: 'QOS_E',
      webhook: { notificationUrl: 'https://as.example.com/n', notificationAuthToken: 'c8974e592c2fa383d4a3960714', version: 2 },
    },
    expected: {
      device: { phoneNumber: '+34600000001' },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      qosProfile: 'QOS_E',
      duration: 86400,
      sink: 'https://as.example.com/n',
      sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'c8974e592c2fa383d4a3960714', accessTokenType: 'bearer' },
    },
    changes: [
      '0.10→0.11 filledDuration ∅ → /duration',
      '0.10→0.11 moved /webhook/notificationUrl → /sink',
      '0.10→0.11 impliedCredential ∅ → /sinkCredential/credentialType',
      '0.10→0.11 moved /webhook/notificationAuthToken → /sinkCredential/accessToken',
      '0.10→0.11 impliedTokenType ∅ → /sinkCredential/accessTokenType',
    ],
    lost: ['0.10→0.11 unknownProperty /webhook/version → ∅', '0.10→0.11 tokenExpiry ∅ → /sinkCredential/accessTokenExpiresUtc'],
    valid: false,
    errors: ['sink-credential/missingField@/sinkCredential'],
  },
  {
    name: "a given duration is kept; an unknown 'sink' would change meaning in 0.11 and is lost",
    from: 'qod-0.10',
    to: 'qod-0.11',
    body: { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 600, sink: 'https://elsewhere.example.com' },
    expected: { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 600 },
    changes: [],
    lost: ['0.10→0.11 nameTaken /sink → ∅'],
    valid: true,
  },
  {
    name: 'back: an access token keeps its token; its expiry has no place, its type and credentialType go without saying',
    from: 'qod-0.11',
    to: 'qod-0.10',
    body: v11Token,
    expected: {
      device: { phoneNumber: '+34600000001' },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      qosProfile: 'QOS_E',
      duration: 3600,
      webhook: { notificationUrl: 'https://endpoint.example.com/sink', notificationAuthToken: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9' },
    },
    changes: [
      '0.11→0.10 impliedTokenType /sinkCredential/accessTokenType → ∅',
      '0.11→0.10 impliedCredential /sinkCredential/credentialType → ∅',
      '0.11→0.10 moved /sink → /webhook/notificationUrl',
      '0.11→0.10 moved /sinkCredential/accessToken → /webhook/notificationAuthToken',
    ],
    lost: ['0.11→0.10 tokenExpiry /sinkCredential/accessTokenExpiresUtc → ∅'],
    valid: true,
  },
  {
    name: 'back: another credential type is lost whole; a device, required by 0.10, is listed as missing',
    from: 'qod-0.11',
    to: 'qod-0.10',
    body: { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600, sinkCredential: { credentialType: 'PLAIN', identifier: 'me', secret: 's' } },
    expected: { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 },
    changes: [],
    lost: ['0.11→0.10 credentialType /sinkCredential → ∅', '0.11→0.10 required ∅ → /device'],
    valid: false,
    errors: ['schema/required@'],
  },
  {
    name: 'back: a credential without a sink is a token without a URL',
    from: 'qod-0.11',
    to: 'qod-0.10',
    body: { ...v11Token, sink: undefined },
    expected: {
      device: { phoneNumber: '+34600000001' },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      qosProfile: 'QOS_E',
      duration: 3600,
      webhook: { notificationAuthToken: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9' },
    },
    changes: [
      '0.11→0.10 impliedTokenType /sinkCredential/accessTokenType → ∅',
      '0.11→0.10 impliedCredential /sinkCredential/credentialType → ∅',
      '0.11→0.10 moved /sinkCredential/accessToken → /webhook/notificationAuthToken',
    ],
    lost: ['0.11→0.10 tokenExpiry /sinkCredential/accessTokenExpiresUtc → ∅', '0.11→0.10 required ∅ → /webhook/notificationUrl'],
    valid: false,
  },
]);

table('qod-0.11 ↔ qod-1.0 ↔ qod-1.1 (the same body)', [
  { name: '0.11 → 1.0', from: 'qod-0.11', to: 'qod-1.0', body: v11Token, expected: v11Token, changes: [], lost: [], valid: true },
  { name: '1.0 → 0.11', from: 'qod-1.0', to: 'qod-0.11', body: v11Token, expected: v11Token, changes: [], lost: [], valid: true },
  { name: '1.0 → 1.1', from: 'qod-1.0', to: 'qod-1.1', body: v11Token, expected: v11Token, changes: [], lost: [], valid: true },
  { name: '1.1 → 1.0', from: 'qod-1.1', to: 'qod-1.0', body: v11Token, expected: v11Token, changes: [], lost: [], valid: true },
  {
    name: 'an http sink is carried to 1.1, which rejects it: a scheme is not the migration’s to change',
    from: 'qod-1.0',
    to: 'qod-1.1',
    body: { ...v11Token, sink: 'http://endpoint.example.com/sink' },
    expected: { ...v11Token, sink: 'http://endpoint.example.com/sink' },
    changes: [],
    lost: [],
    valid: false,
    errors: ['sink/notHttps@/sink'],
  },
]);

table('qod-1.1 ↔ qod-1.2', [
  {
    name: 'single server addresses move into ipAddresses, in key order',
    from: 'qod-1.1',
    to: 'qod-1.2',
    body: { applicationServer: { ipv6Address: '2001:db8::10', ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 },
    expected: { applicationServer: { ipAddresses: ['2001:db8::10', '198.51.100.10'] }, qosProfile: 'QOS_E', duration: 3600 },
    changes: ['1.1→1.2 listedAddress /applicationServer/ipv6Address → /applicationServer/ipAddresses/0', '1.1→1.2 listedAddress /applicationServer/ipv4Address → /applicationServer/ipAddresses/1'],
    lost: [],
    valid: true,
  },
  {
    name: 'a subnet never does, nor an address beside a subnet',
    from: 'qod-1.1',
    to: 'qod-1.2',
    body: { applicationServer: { ipv4Address: '198.51.100.10', ipv6Address: '2001:db8::/64' }, qosProfile: 'QOS_E', duration: 3600 },
    expected: { applicationServer: { ipv4Address: '198.51.100.10', ipv6Address: '2001:db8::/64' }, qosProfile: 'QOS_E', duration: 3600 },
    changes: [],
    lost: [],
    valid: true,
  },
  {
    name: 'nor an address 1.2 would not take as a single address (a /32, leading zeros)',
    from: 'qod-1.1',
    to: 'qod-1.2',
    body: { applicationServer: { ipv4Address: '198.51.100.10/32' }, qosProfile: 'QOS_E', duration: 3600 },
    expected: { applicationServer: { ipv4Address: '198.51.100.10/32' }, qosProfile: 'QOS_E', duration: 3600 },
    changes: [],
    lost: [],
    valid: true,
  },
  {
    name: 'port 0 is lost wherever it is; a range from 0 starts at 1; an emptied list goes, an emptied specification stays',
    from: 'qod-1.1',
    to: 'qod-1.2',
    body: {
      device: { ipv4Address: { publicAddress: '203.0.113.7', privateAddress: '10.0.0.7', publicPort: 0 } },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      devicePorts: { ranges: [{ from: 0, to: 0 }, { from: 0, to: 1023 }], ports: [0, 443, 0] },
      applicationServerPorts: { ports: [0] },
      qosProfile: 'QOS_E',
      duration: 3600,
    },
    expected: {
      device: { ipv4Address: { publicAddress: '203.0.113.7', privateAddress: '10.0.0.7' } },
      applicationServer: { ipv4Address: '198.51.100.0/24' },
      devicePorts: { ranges: [{ from: 1, to: 1023 }], ports: [443] },
      applicationServerPorts: {},
      qosProfile: 'QOS_E',
      duration: 3600,
    },
    changes: ['1.1→1.2 narrowedRange /devicePorts/ranges/1/from → /devicePorts/ranges/0/from'],
    lost: [
      '1.1→1.2 portZero /devicePorts/ports/2 → ∅',
      '1.1→1.2 portZero /devicePorts/ports/0 → ∅',
      '1.1→1.2 portZero /devicePorts/ranges/1/from → ∅',
      '1.1→1.2 portZero /devicePorts/ranges/0 → ∅',
      '1.1→1.2 portZero /applicationServerPorts/ports/0 → ∅',
      '1.1→1.2 portZero /device/ipv4Address/publicPort → ∅',
    ],
    valid: false,
    errors: ['schema/minProperties@/applicationServerPorts'],
  },
  {
    name: 'a credential type 1.2 does not have is lost whole; unknown properties are lost at any depth',
    from: 'qod-1.1',
    to: 'qod-1.2',
    body: { ...v11Token, clientReference: 'abc', device: { phoneNumber: '+34600000001', imei: '1' }, sinkCredential: { credentialType: 'REFRESHTOKEN' } },
    expected: { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600, sink: 'https://endpoint.example.com/sink' },
    changes: [],
    lost: ['1.1→1.2 unknownProperty /clientReference → ∅', '1.1→1.2 unknownProperty /device/imei → ∅', '1.1→1.2 credentialType /sinkCredential → ∅'],
    valid: true,
  },
  {
    name: "back: 1.1 has one address per family; the list's others are lost",
    from: 'qod-1.2',
    to: 'qod-1.1',
    body: { applicationServer: { ipAddresses: ['198.51.100.10', '2001:db8::10', '198.51.100.11'] }, qosProfile: 'QOS_E', duration: 3600 },
    expected: { applicationServer: { ipv4Address: '198.51.100.10', ipv6Address: '2001:db8::10' }, qosProfile: 'QOS_E', duration: 3600 },
    changes: ['1.2→1.1 unlistedAddress /applicationServer/ipAddresses/0 → /applicationServer/ipv4Address', '1.2→1.1 unlistedAddress /applicationServer/ipAddresses/1 → /applicationServer/ipv6Address'],
    lost: ['1.2→1.1 serverAddressCount /applicationServer/ipAddresses/2 → ∅'],
    valid: true,
  },
  {
    name: 'back: a PRIVATE_KEY_JWT credential has no counterpart in 1.1',
    from: 'qod-1.2',
    to: 'qod-1.1',
    body: { ...v11Token, sinkCredential: { credentialType: 'PRIVATE_KEY_JWT', clientId: 'client', tokenUri: 'https://auth.example.com/token' } },
    expected: { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600, sink: 'https://endpoint.example.com/sink' },
    changes: [],
    lost: ['1.2→1.1 credentialType /sinkCredential → ∅'],
    valid: true,
  },
]);

const v08 = {
  ueId: { msisdn: '+34600000001', ipv6addr: '2001:db8::7' },
  asId: { ipv4addr: '198.51.100.10' },
  uePorts: { ports: [0, 5060] },
  qos: 'QOS_L',
  notificationUrl: 'https://as.example.com/n',
  notificationAuthToken: 'c8974e592c2fa383d4a3960714',
};

const v08In12 = {
  device: { phoneNumber: '+34600000001', ipv6Address: '2001:db8::7' },
  applicationServer: { ipAddresses: ['198.51.100.10'] },
  devicePorts: { ports: [5060] },
  qosProfile: 'QOS_L',
  duration: 86400,
  sink: 'https://as.example.com/n',
  sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'c8974e592c2fa383d4a3960714', accessTokenType: 'bearer' },
};

const v12Full = {
  device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 }, ipv6Address: '2001:db8:85a3:8d3:1319:8a2e:370:7344' },
  applicationServer: { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:85a3:8d3::/64' },
  devicePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
  applicationServerPorts: { ports: [443] },
  qosProfile: 'QOS_L',
  duration: 86400,
  sink: 'https://endpoint.example.com/sink',
  sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9', accessTokenExpiresUtc: '2099-07-03T12:27:08.312Z', accessTokenType: 'bearer' },
};

table('long jumps: qod-0.8 and qod-sdk to qod-1.2 and back', [
  {
    name: '0.8 → 1.2: six steps; each change has the pointers of the input and of the result',
    from: 'qod-0.8',
    to: 'qod-1.2',
    body: v08,
    expected: v08In12,
    changes: [
      '0.8→0.9 renamed /ueId → /device',
      '0.8→0.9 renamed /ueId/msisdn → /device/phoneNumber',
      '0.8→0.9 renamed /ueId/ipv6addr → /device/ipv6Address',
      '0.8→0.9 renamed /asId → /applicationServer',
      '0.8→0.9 renamed /asId/ipv4addr → /applicationServer/ipAddresses/0',
      '0.8→0.9 renamed /uePorts → /devicePorts',
      '0.8→0.9 renamed /qos → /qosProfile',
      '0.8→0.9 moved /notificationUrl → /sink',
      '0.8→0.9 moved /notificationAuthToken → /sinkCredential/accessToken',
      '0.10→0.11 filledDuration ∅ → /duration',
      '0.10→0.11 moved /notificationUrl → /sink',
      '0.10→0.11 impliedCredential ∅ → /sinkCredential/credentialType',
      '0.10→0.11 moved /notificationAuthToken → /sinkCredential/accessToken',
      '0.10→0.11 impliedTokenType ∅ → /sinkCredential/accessTokenType',
      '1.1→1.2 listedAddress /asId/ipv4addr → /applicationServer/ipAddresses/0',
    ],
    lost: ['0.10→0.11 tokenExpiry ∅ → /sinkCredential/accessTokenExpiresUtc', '1.1→1.2 portZero /uePorts/ports/0 → ∅'],
    valid: false,
    errors: ['sink-credential/missingField@/sinkCredential'],
  },
  {
    name: '1.2 → 0.8: the way back carries everything 0.8 can say',
    from: 'qod-1.2',
    to: 'qod-0.8',
    body: v08In12,
    expected: {
      ueId: { msisdn: '+34600000001', ipv6addr: '2001:db8::7' },
      asId: { ipv4addr: '198.51.100.10' },
      uePorts: { ports: [5060] },
      qos: 'QOS_L',
      duration: 86400,
      notificationUrl: 'https://as.example.com/n',
      notificationAuthToken: 'c8974e592c2fa383d4a3960714',
    },
    changes: [
      '1.2→1.1 unlistedAddress /applicationServer/ipAddresses/0 → /asId/ipv4addr',
      '0.11→0.10 impliedTokenType /sinkCredential/accessTokenType → ∅',
      '0.11→0.10 impliedCredential /sinkCredential/credentialType → ∅',
      '0.11→0.10 moved /sink → /notificationUrl',
      '0.11→0.10 moved /sinkCredential/accessToken → /notificationAuthToken',
      '0.9→0.8 renamed /device → /ueId',
      '0.9→0.8 renamed /device/phoneNumber → /ueId/msisdn',
      '0.9→0.8 renamed /device/ipv6Address → /ueId/ipv6addr',
      '0.9→0.8 renamed /applicationServer → /asId',
      '0.9→0.8 renamed /applicationServer/ipAddresses/0 → /asId/ipv4addr',
      '0.9→0.8 renamed /devicePorts → /uePorts',
      '0.9→0.8 renamed /qosProfile → /qos',
      '0.9→0.8 moved /sink → /notificationUrl',
      '0.9→0.8 moved /sinkCredential/accessToken → /notificationAuthToken',
    ],
    lost: [],
    valid: true,
  },
  {
    name: 'sdk → 1.2: the renaming, then the webhook as a sink with an access token',
    from: 'qod-sdk',
    to: 'qod-1.2',
    body: sdkFull,
    expected: {
      device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } },
      qosProfile: 'QOS_XR',
      applicationServer: { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:85a3:8d3::/64' },
      devicePorts: { ranges: [{ from: 5010, to: 5020 }] },
      applicationServerPorts: { ports: [443] },
      duration: 3600,
      sink: 'https://application-server.example.com/notifications',
      sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'c8974e592c2fa383d4a3960714', accessTokenType: 'bearer' },
    },
    changes: [
      ...sdkRenames
        .map((line) => line.replace('/webhook/notificationUrl', '/sink').replace('/webhook/notificationAuthToken', '/sinkCredential/accessToken')),
      '0.10→0.11 moved /webhook/notification_url → /sink',
      '0.10→0.11 impliedCredential ∅ → /sinkCredential/credentialType',
      '0.10→0.11 moved /webhook/notification_auth_token → /sinkCredential/accessToken',
      '0.10→0.11 impliedTokenType ∅ → /sinkCredential/accessTokenType',
    ],
    lost: ['0.10→0.11 tokenExpiry ∅ → /sinkCredential/accessTokenExpiresUtc'],
    valid: false,
    errors: ['sink-credential/missingField@/sinkCredential'],
  },
  {
    name: '1.2 → sdk: the access token keeps its token and loses its expiry',
    from: 'qod-1.2',
    to: 'qod-sdk',
    body: v12Full,
    expected: {
      device: { phone_number: '+34600000001', ipv4_address: { public_address: '84.125.93.10', public_port: 59765 }, ipv6_address: '2001:db8:85a3:8d3:1319:8a2e:370:7344' },
      application_server: { ipv4_address: '198.51.100.0/24', ipv6_address: '2001:db8:85a3:8d3::/64' },
      device_ports: { ranges: [{ from: 5010, to: 5020 }], ports: [5060, 5070] },
      application_server_ports: { ports: [443] },
      qos_profile: 'QOS_L',
      duration: 86400,
      webhook: { notification_url: 'https://endpoint.example.com/sink', notification_auth_token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9' },
    },
    changes: [
      '0.11→0.10 impliedTokenType /sinkCredential/accessTokenType → ∅',
      '0.11→0.10 impliedCredential /sinkCredential/credentialType → ∅',
      '0.11→0.10 moved /sink → /webhook/notification_url',
      '0.11→0.10 moved /sinkCredential/accessToken → /webhook/notification_auth_token',
      '0.10→sdk renamed /qosProfile → /qos_profile',
      '0.10→sdk renamed /device/phoneNumber → /device/phone_number',
      '0.10→sdk renamed /device/ipv4Address → /device/ipv4_address',
      '0.10→sdk renamed /device/ipv4Address/publicAddress → /device/ipv4_address/public_address',
      '0.10→sdk renamed /device/ipv4Address/publicPort → /device/ipv4_address/public_port',
      '0.10→sdk renamed /device/ipv6Address → /device/ipv6_address',
      '0.10→sdk renamed /applicationServer → /application_server',
      '0.10→sdk renamed /applicationServer/ipv4Address → /application_server/ipv4_address',
      '0.10→sdk renamed /applicationServer/ipv6Address → /application_server/ipv6_address',
      '0.10→sdk renamed /devicePorts → /device_ports',
      '0.10→sdk renamed /applicationServerPorts → /application_server_ports',
      '0.10→sdk renamed /sink → /webhook/notification_url',
      '0.10→sdk renamed /sinkCredential/accessToken → /webhook/notification_auth_token',
    ],
    lost: ['0.11→0.10 tokenExpiry /sinkCredential/accessTokenExpiresUtc → ∅'],
    valid: true,
  },
]);
