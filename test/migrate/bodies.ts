// Bodies of every dialect for the migration properties: built from the parts each version declares,
// and kept only when the dialect's own report has no error, so that a property about them is about
// bodies a client could really send. Values lean towards what every version can say (QoS names of
// 0.8's enum, addresses without masks, ports from 1) so that many bodies can go and come back.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { validate, type DialectId, type ValidateOptions } from '../../src/index.js';

type Json = Record<string, unknown>;

/** The options the bodies are judged with: a fixed clock, PRIVATE_KEY_JWT configured. */
export const judged: Omit<ValidateOptions, 'dialect'> = {
  context: { now: new Date('2026-01-01T00:00:00Z') },
  policy: { privateKeyJwtConfigured: true },
};

// #region Parts

const ipv4 = fc.tuple(fc.constantFrom(84, 198, 203, 31, 91), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
const ipv6 = fc
  .tuple(fc.constantFrom(0x2001, 0x2a00, 0x2600), fc.nat(0xffff), fc.nat(0xffff), fc.nat(0xffff), fc.constantFrom(0, 0, 1, 0xabcd), fc.constantFrom(0, 0, 7), fc.nat(0xffff), fc.integer({ min: 1, max: 0xffff }))
  .map((groups) => new ipaddr.IPv6(groups).toRFC5952String());
const ipv4Subnet = fc.tuple(ipv4, fc.integer({ min: 8, max: 30 })).map(([a, p]) => `${a}/${p}`);
const ipv6Subnet = fc.tuple(ipv6, fc.integer({ min: 32, max: 120 })).map(([a, p]) => `${a}/${p}`);

const e164 = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^[0-9]{7,12}$/)).map(([first, rest]) => `+${first}${rest}`);
/** Up to 0.10 (and the SDK model) the '+' is optional. */
const looseMsisdn = fc.oneof({ weight: 3, arbitrary: e164 }, { weight: 1, arbitrary: fc.stringMatching(/^[1-9][0-9]{7,12}$/) });
const nai = fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/).map((local) => `${local}@example.com`);

const qosName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('QOS_E', 'QOS_S', 'QOS_M', 'QOS_L') }, { weight: 1, arbitrary: fc.constantFrom('QOS_XR', 'voice', 'QCI_1_voice', 'gaming.low-latency') });
const url = fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.stringMatching(/^[a-z0-9]{1,10}$/)).map(([host, path]) => `https://${host}.example.com/${path}`);
const token = fc.stringMatching(/^[A-Za-z0-9._-]{20,60}$/);
const expiry = fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** Ports from `min`: a list, ranges (from <= to), or both. */
function portsSpec(min: number): fc.Arbitrary<Json> {
  const port = fc.integer({ min, max: 65535 });
  const range = fc.tuple(port, port).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
  return fc.record({ ranges: fc.array(range, { minLength: 1, maxLength: 3 }), ports: fc.uniqueArray(port, { minLength: 1, maxLength: 4 }) }, { requiredKeys: [] }).filter((spec) => Object.keys(spec).length > 0);
}

/** Ports that are mostly from 1, sometimes 0 (every version before 1.2 allows 0). */
const oldPorts = fc.oneof({ weight: 4, arbitrary: portsSpec(1) }, { weight: 1, arbitrary: portsSpec(0) });

/** Properties no version declares. */
const unknown = fc.dictionary(fc.constantFrom('clientReference', 'x-trace', 'note'), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 1 });
const maybeUnknown = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: unknown });

/** An object of the given optional members with at least one of them. */
function someOf(members: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Json> {
  return fc.record(members, { requiredKeys: [] }).filter((value) => Object.keys(value).length > 0);
}

/** { publicAddress, privateAddress and/or publicPort }, in the given spelling. */
function deviceIpv4(names: [string, string, string], minPort: number): fc.Arbitrary<Json> {
  const [publicName, privateName, portName] = names;
  return fc
    .tuple(ipv4, someOf({ [privateName]: ipv4, [portName]: fc.integer({ min: minPort, max: 65535 }) }))
    .map(([address, rest]) => ({ [publicName]: address, ...rest }));
}

function withUnknown(body: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(body, maybeUnknown).map(([b, extra]) => ({ ...b, ...extra }));
}

// #endregion
// #region Dialects

/**
 * Every body a dialect's parts make (`general`), or only bodies every version can say (`portable`):
 * a device, no device IPv4 object (0.8 has one address, without NAT information) and no device
 * subnet, QoS names of 0.8's enum, no token (0.11 and later need its expiry, 0.10 and before cannot
 * say it), ports from 1, at most one server address of a family, no unknown property.
 */
type Mode = 'general' | 'portable';

function pick<T>(mode: Mode, general: fc.Arbitrary<T>, portable: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return mode === 'general' ? general : portable;
}

const enumName = fc.constantFrom('QOS_E', 'QOS_S', 'QOS_M', 'QOS_L');

function v08(mode: Mode): fc.Arbitrary<Json> {
  const body = fc.record(
    {
      ueId: someOf(
        mode === 'general'
          ? { externalId: nai, msisdn: looseMsisdn, ipv4addr: fc.oneof(ipv4, ipv4Subnet), ipv6addr: fc.oneof({ weight: 3, arbitrary: ipv6 }, { weight: 1, arbitrary: ipv6Subnet }) }
          : { externalId: nai, msisdn: looseMsisdn, ipv6addr: ipv6 },
      ),
      asId: someOf({ ipv4addr: fc.oneof(ipv4, ipv4Subnet), ipv6addr: fc.oneof(ipv6, ipv6Subnet) }),
      uePorts: pick(mode, oldPorts, portsSpec(1)),
      asPorts: pick(mode, oldPorts, portsSpec(1)),
      qos: enumName,
      duration: fc.integer({ min: 1, max: 86400 }),
      notificationUrl: url,
      ...(mode === 'general' ? { notificationAuthToken: token } : {}),
    },
    { requiredKeys: ['ueId', 'asId', 'qos'] },
  );
  return mode === 'general' ? withUnknown(body) : body;
}

function webhookEra(mode: Mode, deviceIpv6: fc.Arbitrary<string>): fc.Arbitrary<Json> {
  const body = fc.record(
    {
      device: someOf(
        mode === 'general'
          ? { phoneNumber: looseMsisdn, networkAccessIdentifier: nai, ipv4Address: deviceIpv4(['publicAddress', 'privateAddress', 'publicPort'], 0), ipv6Address: deviceIpv6 }
          : { phoneNumber: looseMsisdn, networkAccessIdentifier: nai, ipv6Address: ipv6 },
      ),
      applicationServer: someOf({ ipv4Address: fc.oneof(ipv4, ipv4Subnet), ipv6Address: fc.oneof(ipv6, ipv6Subnet) }),
      devicePorts: pick(mode, oldPorts, portsSpec(1)),
      applicationServerPorts: pick(mode, oldPorts, portsSpec(1)),
      qosProfile: pick(mode, qosName, enumName),
      webhook: fc.record({ notificationUrl: url, notificationAuthToken: token }, { requiredKeys: ['notificationUrl'] }).map((w) =>
        mode === 'general' ? w : { notificationUrl: w.notificationUrl },
      ),
      duration: fc.integer({ min: 1, max: 86400 }),
    },
    { requiredKeys: ['device', 'applicationServer', 'qosProfile'] },
  );
  return mode === 'general' ? withUnknown(body) : body;
}

function sdk(mode: Mode): fc.Arbitrary<Json> {
  const body = fc.record(
    {
      device: someOf(
        mode === 'general'
          ? { phone_number: looseMsisdn, network_access_identifier: nai, ipv4_address: deviceIpv4(['public_address', 'private_address', 'public_port'], 0), ipv6_address: ipv6 }
          : { phone_number: looseMsisdn, network_access_identifier: nai, ipv6_address: ipv6 },
      ),
      qos_profile: pick(mode, qosName, enumName),
      application_server: someOf({ ipv4_address: fc.oneof(ipv4, ipv4Subnet), ipv6_address: fc.oneof(ipv6, ipv6Subnet) }),
      device_ports: pick(mode, oldPorts, portsSpec(1)),
      application_server_ports: pick(mode, oldPorts, portsSpec(1)),
      webhook: fc.record({ notification_url: url, notification_auth_token: token }, { requiredKeys: ['notification_url'] }).map((w) =>
        mode === 'general' ? w : { notification_url: w.notification_url },
      ),
      duration: fc.integer({ min: 60, max: 86400 }),
    },
    { requiredKeys: mode === 'general' ? ['device', 'qos_profile'] : ['device', 'qos_profile', 'application_server'] },
  );
  return mode === 'general' ? withUnknown(body) : body;
}

/** A device as 0.11 and later want it: an identifier they support (the NAI alone is not one). */
function camelDevice(mode: Mode, minPort: number): fc.Arbitrary<Json> {
  const identifiers =
    mode === 'general'
      ? someOf({ phoneNumber: e164, ipv4Address: deviceIpv4(['publicAddress', 'privateAddress', 'publicPort'], minPort), ipv6Address: ipv6 })
      : someOf({ phoneNumber: e164, ipv6Address: ipv6 });
  return fc
    .tuple(identifiers, fc.option(nai, { nil: undefined }))
    .map(([device, identifier]) => (identifier === undefined ? device : { ...device, networkAccessIdentifier: identifier }));
}

const accessToken = fc.record({ credentialType: fc.constant('ACCESSTOKEN'), accessToken: token, accessTokenExpiresUtc: expiry, accessTokenType: fc.constant('bearer') });

function sinkEra(mode: Mode): fc.Arbitrary<Json> {
  const body = fc.record(
    {
      device: camelDevice(mode, 0),
      applicationServer: someOf({ ipv4Address: fc.oneof(ipv4, ipv4Subnet), ipv6Address: fc.oneof(ipv6, ipv6Subnet) }),
      devicePorts: pick(mode, oldPorts, portsSpec(1)),
      applicationServerPorts: pick(mode, oldPorts, portsSpec(1)),
      qosProfile: pick(mode, qosName, enumName),
      duration: fc.integer({ min: 1, max: 10_000_000 }),
      sink: url,
      ...(mode === 'general' ? { sinkCredential: accessToken } : {}),
    },
    { requiredKeys: mode === 'general' ? ['applicationServer', 'qosProfile', 'duration'] : ['device', 'applicationServer', 'qosProfile', 'duration'] },
  );
  return mode === 'general' ? withUnknown(body) : body;
}

function v12Server(mode: Mode): fc.Arbitrary<Json> {
  const list =
    mode === 'general'
      ? fc.uniqueArray(fc.oneof(ipv4, ipv6), { minLength: 1, maxLength: 3 })
      : fc.oneof(fc.tuple(ipv4).map((a) => [...a]), fc.tuple(ipv6).map((a) => [...a]), fc.tuple(ipv4, ipv6).map((a) => [...a]), fc.tuple(ipv6, ipv4).map((a) => [...a]));
  return fc.oneof(
    list.map((ipAddresses) => ({ ipAddresses })),
    someOf({ ipv4Address: fc.oneof(ipv4, ipv4Subnet), ipv6Address: fc.oneof(ipv6, ipv6Subnet) }),
  );
}

function v12(mode: Mode): fc.Arbitrary<Json> {
  return fc.record(
    {
      device: camelDevice(mode, 1),
      applicationServer: v12Server(mode),
      devicePorts: portsSpec(1),
      applicationServerPorts: portsSpec(1),
      qosProfile: pick(mode, qosName, enumName),
      duration: fc.oneof(fc.integer({ min: 1, max: 86400 }), fc.integer({ min: 1, max: 2147483647 })),
      sink: url,
      ...(mode === 'general'
        ? {
            sinkCredential: fc.oneof(
              { weight: 3, arbitrary: accessToken },
              { weight: 1, arbitrary: fc.record({ credentialType: fc.constant('PRIVATE_KEY_JWT'), clientId: fc.stringMatching(/^[a-z0-9]{4,12}$/), tokenUri: url }, { requiredKeys: ['credentialType'] }) },
            ),
          }
        : {}),
    },
    { requiredKeys: mode === 'general' ? ['applicationServer', 'qosProfile', 'duration'] : ['device', 'applicationServer', 'qosProfile', 'duration'] },
  );
}

function arbitrary(dialect: DialectId, mode: Mode): fc.Arbitrary<Json> {
  switch (dialect) {
    case 'qod-0.8':
      return v08(mode);
    case 'qod-0.9':
      return webhookEra(mode, pick(mode, fc.oneof({ weight: 3, arbitrary: ipv6 }, { weight: 1, arbitrary: ipv6Subnet }), ipv6));
    case 'qod-0.10':
      return webhookEra(mode, fc.oneof({ weight: 3, arbitrary: ipv6 }, { weight: 1, arbitrary: ipv6.map((a) => a.toUpperCase()) }));
    case 'qod-0.11':
    case 'qod-1.0':
    case 'qod-1.1':
      return sinkEra(mode);
    case 'qod-1.2':
      return v12(mode);
    case 'qod-sdk':
      return sdk(mode);
  }
}

/** Bodies of a dialect, half of them portable, that its own report accepts (no error). */
export function validBodies(dialect: DialectId): fc.Arbitrary<Json> {
  return fc.oneof(arbitrary(dialect, 'general'), arbitrary(dialect, 'portable')).filter((body) => validate(body, { ...judged, dialect }).valid);
}

// #endregion
