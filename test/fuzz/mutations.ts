// Structured mutations of valid bodies, each labelled with the finding it must cause (docs/rules/*.md
// give the ids and paths). A mutation is plain data (printed as the counterexample) and `apply`
// makes the change in a body and says what the report must then hold. Each mutation belongs to an
// area of the body (a top-level member); a case changes at most one thing per area, so that what
// one change must cause cannot be undone by another, and an error elsewhere is a false positive.
import fc from 'fast-check';
import type { QosProfile, Severity } from '../../src/index.js';
import { token, type FuzzedDialect } from './bodies.js';

type Json = Record<string, unknown>;

/** The key spellings of a dialect (src/dialects/*.ts), for the members mutations touch. */
interface Keys {
  phone: string;
  ipv4: string;
  publicAddress: string;
  publicPort: string;
  ipv6: string;
  server: string;
  serverIpv4: string;
  serverIpv6: string;
  devicePorts: string;
  serverPorts: string;
  qosProfile: string;
}

/** CAMARA's camelCase spellings (0.11 to 1.2). */
const CAMARA_KEYS: Keys = {
  phone: 'phoneNumber',
  ipv4: 'ipv4Address',
  publicAddress: 'publicAddress',
  publicPort: 'publicPort',
  ipv6: 'ipv6Address',
  server: 'applicationServer',
  serverIpv4: 'ipv4Address',
  serverIpv6: 'ipv6Address',
  devicePorts: 'devicePorts',
  serverPorts: 'applicationServerPorts',
  qosProfile: 'qosProfile',
};

const KEYS: Record<FuzzedDialect, Keys> = {
  'qod-1.2': CAMARA_KEYS,
  'qod-1.1': CAMARA_KEYS,
  'qod-1.0': CAMARA_KEYS,
  'qod-0.11': CAMARA_KEYS,
  'qod-sdk': {
    phone: 'phone_number',
    ipv4: 'ipv4_address',
    publicAddress: 'public_address',
    publicPort: 'public_port',
    ipv6: 'ipv6_address',
    server: 'application_server',
    serverIpv4: 'ipv4_address',
    serverIpv6: 'ipv6_address',
    devicePorts: 'device_ports',
    serverPorts: 'application_server_ports',
    qosProfile: 'qos_profile',
  },
};

/** The bounds of a dialect that mutations step over (DialectFacts in src/dialects/*.ts). */
const FACTS: Record<FuzzedDialect, { portMin: number; durationMin: number; durationMax: number; plusRequired: boolean; httpsRequired: boolean; privateKeyJwt: boolean }> = {
  'qod-1.2': { portMin: 1, durationMin: 1, durationMax: 2147483647, plusRequired: true, httpsRequired: true, privateKeyJwt: true },
  'qod-1.1': { portMin: 0, durationMin: 1, durationMax: Infinity, plusRequired: true, httpsRequired: true, privateKeyJwt: false },
  'qod-1.0': { portMin: 0, durationMin: 1, durationMax: Infinity, plusRequired: true, httpsRequired: false, privateKeyJwt: false },
  'qod-0.11': { portMin: 0, durationMin: 1, durationMax: Infinity, plusRequired: true, httpsRequired: false, privateKeyJwt: false },
  'qod-sdk': { portMin: 0, durationMin: 60, durationMax: 86400, plusRequired: false, httpsRequired: false, privateKeyJwt: false },
};

/** The QoS-profile catalogue the mutation properties run with: the fixtures' names, and two that are not ACTIVE. */
export const CATALOGUE: QosProfile[] = [
  { name: 'QOS_E', status: 'ACTIVE' },
  { name: 'QOS_L', status: 'ACTIVE' },
  { name: 'QOS_VC', status: 'ACTIVE' },
  { name: 'QOS_XR', status: 'ACTIVE' },
  { name: 'QOS_OLD', status: 'DEPRECATED' },
  { name: 'QOS_GONE', status: 'INACTIVE' },
];

/** A finding the report must hold (or, with `absent`, must not hold) after a mutation. */
export interface Expected {
  ruleId: string;
  messageId: string;
  path: string;
  severity: Severity;
  /** data.property, for a missing member reported at its parent. */
  property?: string;
  absent?: true;
}

/** A mutation as data: its label, its area and its parameters. */
export interface Mutation {
  label: string;
  /** The top-level member it changes (sink stands for sink and sinkCredential, which go together). */
  area: string;
  [parameter: string]: unknown;
}

/** The pointers an area's errors may appear at or below. */
function coveredBy(area: string): string[] {
  return area === '/sink' ? ['/sink', '/sinkCredential'] : [area];
}

interface Kind<P> {
  params: fc.Arbitrary<P>;
  /** The area, from the parameters (most kinds have a fixed one). */
  area: (p: P) => string;
  apply: (body: Json, p: P) => Expected[];
}

/** A kind typed by its own parameters, kept in a table of kinds of any parameters. */
function kind<P extends object>(k: Kind<P>): Kind<Json> {
  return k as unknown as Kind<Json>;
}

const error = (ruleId: string, messageId: string, path: string, extra: Partial<Expected> = {}): Expected => ({ ruleId, messageId, path, severity: 'error', ...extra });
const warn = (ruleId: string, messageId: string, path: string): Expected => ({ ruleId, messageId, path, severity: 'warn' });

function objectAt(parent: Json, key: string): Json {
  const value = parent[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  return (parent[key] = {});
}

/** `count` distinct integers in [min, max]. */
const distinct = (count: { min: number; max: number }, min: number, max: number) => fc.uniqueArray(fc.integer({ min, max }), { minLength: count.min, maxLength: count.max });

/** A documentation address (RFC 5737 / RFC 3849) per number: public enough for every rule. */
const ipv4Of = (n: number): string => `198.51.100.${n}`;
const ipv6Of = (n: number): string => `2001:db8::${n.toString(16)}`;
/** The same address spelt otherwise: IPv4-mapped IPv6, or IPv6 written out in full, in capitals. */
const respelt = (address: string): string =>
  address.includes(':') ? `2001:DB8:0:0:0:0:0:${address.split('::')[1]!.toUpperCase()}` : `::ffff:${address}`;

function kinds(dialect: FuzzedDialect): Record<string, Kind<Json>> {
  const K = KEYS[dialect];
  const F = FACTS[dialect];
  const ports = fc.constantFrom(K.devicePorts, K.serverPorts);
  const above = fc.oneof(fc.integer({ min: 65536, max: 2 ** 31 }), fc.constantFrom(2 ** 53, 1e20));
  const below = fc.oneof(fc.integer({ min: -(2 ** 31), max: F.portMin - 1 }), fc.constant(-1e20));
  const digits = (min: number, max: number) => fc.tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min - 1, maxLength: max - 1 })).map(([first, rest]) => `${first}${rest}`);
  const phonePath = `/device/${K.phone}`;
  const setPhone = (body: Json, value: string): void => void (objectAt(body, 'device')[K.phone] = value);
  const ipv4Path = `/device/${K.ipv4}/${K.publicAddress}`;
  const setDeviceIpv4 = (body: Json, address: unknown, port: unknown = 59765): void =>
    void (objectAt(body, 'device')[K.ipv4] = { [K.publicAddress]: address, [K.publicPort]: port });

  const table: Record<string, Kind<Json>> = {
    // ---- ports (port-ranges)
    'port above the maximum': kind({
      params: fc.record({ ports, value: above, at: fc.nat() }),
      area: (p) => `/${p.ports}`,
      apply: (body, p) => {
        const list = ((objectAt(body, p.ports).ports as unknown[] | undefined) ??= []);
        const at = p.at % (list.length + 1);
        list.splice(at, 0, p.value);
        return [error('port-ranges', 'aboveMaximum', `/${p.ports}/ports/${at}`)];
      },
    }),
    'port below the minimum': kind({
      params: fc.record({ ports, value: below, at: fc.nat() }),
      area: (p) => `/${p.ports}`,
      apply: (body, p) => {
        const list = ((objectAt(body, p.ports).ports as unknown[] | undefined) ??= []);
        const at = p.at % (list.length + 1);
        list.splice(at, 0, p.value);
        return [error('port-ranges', 'belowMinimum', `/${p.ports}/ports/${at}`)];
      },
    }),
    'range end out of bounds': kind({
      params: fc.record({ ports, end: fc.constantFrom('from', 'to'), high: fc.boolean(), above, below, at: fc.nat() }),
      area: (p) => `/${p.ports}`,
      apply: (body, p) => {
        const list = ((objectAt(body, p.ports).ranges as unknown[] | undefined) ??= []);
        const at = p.at % (list.length + 1);
        const bad = p.high ? p.above : p.below;
        list.splice(at, 0, p.end === 'from' ? { from: bad, to: 65535 } : { from: F.portMin, to: bad });
        return [error('port-ranges', p.high ? 'aboveMaximum' : 'belowMinimum', `/${p.ports}/ranges/${at}/${p.end}`)];
      },
    }),
    'range reversed': kind({
      params: fc.record({ ports, ends: distinct({ min: 2, max: 2 }, F.portMin, 65535), at: fc.nat() }),
      area: (p) => `/${p.ports}`,
      apply: (body, p) => {
        const list = ((objectAt(body, p.ports).ranges as unknown[] | undefined) ??= []);
        const at = p.at % (list.length + 1);
        const [a, b] = p.ends as number[];
        list.splice(at, 0, { from: Math.max(a!, b!), to: Math.min(a!, b!) });
        return [error('port-ranges', 'reversedRange', `/${p.ports}/ranges/${at}`)];
      },
    }),
    'port listed twice': kind({
      params: fc.record({ ports, list: distinct({ min: 1, max: 10 }, F.portMin, 65535), again: fc.nat() }),
      area: (p) => `/${p.ports}`,
      apply: (body, p) => {
        const list = p.list as number[];
        body[p.ports] = { ports: [...list, list[p.again % list.length]!] };
        return [warn('port-ranges', 'duplicatePort', `/${p.ports}/ports/${list.length}`)];
      },
    }),
    'ranges overlapping': kind({
      params: fc.record({ ports, first: distinct({ min: 2, max: 2 }, F.portMin, 65535), start: fc.nat(), reach: fc.nat() }),
      area: (p) => `/${p.ports}`,
      apply: (body, p) => {
        const [a, b] = [Math.min(...(p.first as number[])), Math.max(...(p.first as number[]))];
        // The second starts inside the first: they share at least the port it starts at.
        const from = a + (p.start % (b - a + 1));
        const to = from + (p.reach % (65535 - from + 1));
        body[p.ports] = { ranges: [{ from: a, to: b }, { from, to }] };
        return [warn('port-ranges', from === a && to === b ? 'duplicateRange' : 'overlappingRanges', `/${p.ports}/ranges/1`)];
      },
    }),
    'port inside a range': kind({
      params: fc.record({ ports, ends: distinct({ min: 2, max: 2 }, F.portMin, 65535), offset: fc.nat() }),
      area: (p) => `/${p.ports}`,
      apply: (body, p) => {
        const [a, b] = [Math.min(...(p.ends as number[])), Math.max(...(p.ends as number[]))];
        body[p.ports] = { ranges: [{ from: a, to: b }], ports: [a + (p.offset % (b - a + 1))] };
        return [warn('port-ranges', 'portInRange', `/${p.ports}/ports/0`)];
      },
    }),
    'public port out of bounds': kind({
      params: fc.record({ high: fc.boolean(), above, below }),
      area: () => '/device',
      apply: (body, p) => {
        setDeviceIpv4(body, '84.125.93.10', p.high ? p.above : p.below);
        return [error('port-ranges', p.high ? 'aboveMaximum' : 'belowMinimum', `/device/${K.ipv4}/${K.publicPort}`)];
      },
    }),

    // ---- duration (duration-bounds, schema)
    'duration below the minimum': kind({
      params: fc.record({ value: fc.oneof(fc.integer({ min: -(2 ** 31), max: F.durationMin - 1 }), fc.constant(-1e20)) }),
      area: () => '/duration',
      apply: (body, p) => {
        body.duration = p.value;
        return [error('duration-bounds', 'belowMinimum', '/duration')];
      },
    }),
    'duration above the maximum': kind({
      // (CAMARA 0.11 to 1.1 have no maximum: the kind is removed below; no integer is drawn.)
      params: Number.isFinite(F.durationMax)
        ? fc.record({ value: fc.oneof(fc.integer({ min: F.durationMax + 1, max: F.durationMax * 4 }), fc.constantFrom(2 ** 53, 1e20)) })
        : fc.record({ value: fc.constant(0) }),
      area: () => '/duration',
      apply: (body, p) => {
        body.duration = p.value;
        return [error('duration-bounds', 'aboveMaximum', '/duration')];
      },
    }),
    'duration not an integer': kind({
      params: fc.record({ value: fc.constantFrom<unknown>('3600', 60.5, null, true, [], {}) }),
      area: () => '/duration',
      apply: (body, p) => {
        body.duration = p.value;
        return [error('schema', 'type', '/duration')];
      },
    }),

    // ---- QoS profile (schema, qos-profile with the catalogue)
    'QoS profile missing': kind({
      params: fc.record({}),
      area: () => `/${K.qosProfile}`,
      apply: (body) => {
        delete body[K.qosProfile];
        return [error('schema', 'required', '', { property: K.qosProfile })];
      },
    }),
    'QoS profile too short': kind({
      params: fc.record({ name: fc.string({ unit: fc.constantFrom(...'QOS_E.-9'), minLength: 1, maxLength: 2 }) }),
      area: () => `/${K.qosProfile}`,
      apply: (body, p) => {
        body[K.qosProfile] = p.name;
        return [error('schema', 'minLength', `/${K.qosProfile}`)];
      },
    }),
    'QoS profile with a character the pattern refuses': kind({
      params: fc.record({ name: fc.constantFrom('QOS E', 'QOS/E', 'QOS_É', 'QOS\nE', 'QOS:E', 'QOS_E\u0000') }),
      area: () => `/${K.qosProfile}`,
      apply: (body, p) => {
        body[K.qosProfile] = p.name;
        return [error('schema', 'pattern', `/${K.qosProfile}`)];
      },
    }),
    'QoS profile not in the catalogue': kind({
      params: fc.record({ suffix: fc.string({ unit: fc.constantFrom(...'ABCXYZ019_.-'), maxLength: 20 }) }),
      area: () => `/${K.qosProfile}`,
      apply: (body, p) => {
        body[K.qosProfile] = `ZZ_${p.suffix}`;
        return [error('qos-profile', 'unknownProfile', `/${K.qosProfile}`)];
      },
    }),
    'QoS profile in another case': kind({
      params: fc.record({ name: fc.constantFrom('qos_e', 'Qos_L', 'qos_vc', 'QOS_xr') }),
      area: () => `/${K.qosProfile}`,
      apply: (body, p) => {
        body[K.qosProfile] = p.name;
        return [error('qos-profile', 'caseMismatch', `/${K.qosProfile}`)];
      },
    }),
    'QoS profile not ACTIVE': kind({
      params: fc.record({ name: fc.constantFrom('QOS_OLD', 'QOS_GONE') }),
      area: () => `/${K.qosProfile}`,
      apply: (body, p) => {
        body[K.qosProfile] = p.name;
        return [error('qos-profile', 'notApplicable', `/${K.qosProfile}`)];
      },
    }),

    // ---- phone number (phone-number)
    'phone number with white space': kind({
      params: fc.record({ digits: digits(5, 15), space: fc.constantFrom(' ', '\t', '\n', '\u00a0'), at: fc.nat() }),
      area: () => '/device',
      apply: (body, p) => {
        const number = `+${p.digits}`;
        const at = p.at % (number.length + 1);
        setPhone(body, number.slice(0, at) + p.space + number.slice(at));
        return [error('phone-number', 'whitespace', phonePath)];
      },
    }),
    'phone number with a character that is not a digit': kind({
      params: fc.record({ digits: digits(5, 15), char: fc.constantFrom('-', '(', ')', '.', 'a', 'Z', '#', '+', '\u0663', '\u00bd', '\u0085', '\u007f'), at: fc.nat() }),
      area: () => '/device',
      apply: (body, p) => {
        // After the first character, so that a leading '+' stays where the syntax wants it.
        const number = `+${p.digits}`;
        const at = 1 + (p.at % number.length);
        setPhone(body, number.slice(0, at) + p.char + number.slice(at));
        return [error('phone-number', 'nonDigit', phonePath)];
      },
    }),
    'phone number too short': kind({
      params: fc.record({ digits: digits(1, 4) }),
      area: () => '/device',
      apply: (body, p) => {
        setPhone(body, `+${p.digits}`);
        return [error('phone-number', 'tooShort', phonePath)];
      },
    }),
    'phone number too long': kind({
      params: fc.record({ digits: digits(16, 20) }),
      area: () => '/device',
      apply: (body, p) => {
        setPhone(body, `+${p.digits}`);
        return [error('phone-number', 'tooLong', phonePath)];
      },
    }),
    'phone number empty': kind({
      params: fc.record({ value: fc.constantFrom('', '+') }),
      area: () => '/device',
      apply: (body, p) => {
        setPhone(body, p.value);
        return [error('phone-number', 'notPhoneNumber', phonePath)];
      },
    }),

    // ---- device addresses (ip-address)
    'device IPv4 address with a leading zero': kind({
      params: fc.record({ octet: fc.integer({ min: 0, max: 3 }) }),
      area: () => '/device',
      apply: (body, p) => {
        const octets = ['84', '12', '93', '10'];
        octets[p.octet] = `0${octets[p.octet]}`;
        setDeviceIpv4(body, octets.join('.'));
        return [error('ip-address', 'leadingZeros', ipv4Path)];
      },
    }),
    'device IPv4 address that is not one': kind({
      params: fc.record({ address: fc.constantFrom('84.256.93.10', '84.125.93', '84.125.93.10.1', '84.125.93.x', '127.1', '') }),
      area: () => '/device',
      apply: (body, p) => {
        setDeviceIpv4(body, p.address);
        return [error('ip-address', 'notIpv4', ipv4Path)];
      },
    }),
    'device IPv4 address with a prefix': kind({
      params: fc.record({ prefix: fc.integer({ min: 0, max: 32 }) }),
      area: () => '/device',
      apply: (body, p) => {
        setDeviceIpv4(body, `84.125.93.10/${p.prefix}`);
        return [error('ip-address', 'prefixNotAllowed', ipv4Path)];
      },
    }),
    'device IPv6 address that is wrong': kind({
      params: fc.record({ problem: fc.constantFrom('prefixNotAllowed', 'zoneId', 'wrongFamily') }),
      area: () => '/device',
      apply: (body, p) => {
        const address = { prefixNotAllowed: '2001:db8::1/64', zoneId: 'fe80::1%eth0', wrongFamily: '84.125.93.10' }[p.problem as string];
        objectAt(body, 'device')[K.ipv6] = address;
        return [error('ip-address', p.problem, `/device/${K.ipv6}`)];
      },
    }),
    'device empty': kind({
      params: fc.record({}),
      area: () => '/device',
      apply: (body) => {
        body.device = {};
        return [error('schema', 'minProperties', '/device')];
      },
    }),

    // ---- application server (ip-address)
    'server IPv4 subnet that is wrong': kind({
      params: fc.record({ problem: fc.constantFrom('badPrefix', 'notIpv4', 'wrongFamily'), prefix: fc.oneof(fc.integer({ min: 33, max: 999 }), fc.constantFrom('08', '')) }),
      area: () => `/${K.server}`,
      apply: (body, p) => {
        const address = { badPrefix: `198.51.100.0/${p.prefix}`, notIpv4: '198.51.100.256/24', wrongFamily: '2001:db8::/32' }[p.problem as string];
        body[K.server] = { [K.serverIpv4]: address };
        return [error('ip-address', p.problem, `/${K.server}/${K.serverIpv4}`)];
      },
    }),
    'server IPv6 subnet that is wrong': kind({
      params: fc.record({ problem: fc.constantFrom('badPrefix', 'notIpv6', 'wrongFamily'), prefix: fc.integer({ min: 129, max: 999 }) }),
      area: () => `/${K.server}`,
      apply: (body, p) => {
        const address = { badPrefix: `2001:db8::/${p.prefix}`, notIpv6: '::::', wrongFamily: '198.51.100.1' }[p.problem as string];
        body[K.server] = { [K.serverIpv6]: address };
        return [error('ip-address', p.problem, `/${K.server}/${K.serverIpv6}`)];
      },
    }),
  };

  if (!Number.isFinite(F.durationMax)) delete table['duration above the maximum']; // CAMARA 0.11 to 1.1: no maximum

  if (dialect === 'qod-1.2') {
    Object.assign(table, {
      // ---- the 1.2 address list (server-address-list)
      'server list with an address twice': kind({
        params: fc.record({ hosts: distinct({ min: 1, max: 15 }, 1, 254), v6: fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }), again: fc.nat(), spelling: fc.boolean() }),
        area: () => '/applicationServer',
        apply: (body, p) => {
          const list = (p.hosts as number[]).map((n, i) => ((p.v6 as boolean[])[i] ? ipv6Of(n) : ipv4Of(n)));
          const twice = list[p.again % list.length]!;
          body.applicationServer = { ipAddresses: [...list, p.spelling ? respelt(twice) : twice] };
          return [error('server-address-list', 'duplicate', `/applicationServer/ipAddresses/${list.length}`)];
        },
      }),
      'server list empty': kind({
        params: fc.record({}),
        area: () => '/applicationServer',
        apply: (body) => {
          body.applicationServer = { ipAddresses: [] };
          return [error('server-address-list', 'empty', '/applicationServer/ipAddresses')];
        },
      }),
      'server list too long': kind({
        params: fc.record({ hosts: distinct({ min: 17, max: 40 }, 1, 254) }),
        area: () => '/applicationServer',
        apply: (body, p) => {
          body.applicationServer = { ipAddresses: (p.hosts as number[]).map(ipv4Of) };
          return [error('server-address-list', 'tooMany', '/applicationServer/ipAddresses')];
        },
      }),
      'server list entry with a prefix': kind({
        params: fc.record({ hosts: distinct({ min: 1, max: 15 }, 1, 254), at: fc.nat(), prefix: fc.integer({ min: 0, max: 32 }) }),
        area: () => '/applicationServer',
        apply: (body, p) => {
          const list = (p.hosts as number[]).map(ipv4Of);
          const at = p.at % list.length;
          list[at] = `${list[at]}/${p.prefix}`;
          body.applicationServer = { ipAddresses: list };
          return [error('server-address-list', 'prefixInList', `/applicationServer/ipAddresses/${at}`)];
        },
      }),
    });
  }

  if (dialect !== 'qod-sdk') {
    Object.assign(table, {
      // ---- sink and sinkCredential (sink, sink-credential), CAMARA 0.11 and later
      'sink that is not https': kind({
        params: fc.record({ scheme: fc.constantFrom('http', 'ftp', 'wss', 'file', 'javascript') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = `${p.scheme}://endpoint.example.com/sink`;
          // Before 1.1 plain http is allowed, with a note.
          return [p.scheme === 'http' && !F.httpsRequired ? warn('sink', 'plainHttp', '/sink') : error('sink', 'notHttps', '/sink')];
        },
      }),
      'sink whose scheme is in capitals': kind({
        params: fc.record({ scheme: fc.constantFrom('HTTPS', 'Https', 'hTTPS') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = `${p.scheme}://endpoint.example.com/sink`;
          // Only the https pattern (1.1 and later) is case-sensitive; a scheme is not.
          return F.httpsRequired ? [error('sink', 'schemeCase', '/sink')] : [];
        },
      }),
      'sink without a host': kind({
        params: fc.record({ sink: fc.constantFrom('https://', 'https:///notifications', 'https://user@/x') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = p.sink;
          return [error('sink', 'missingHost', '/sink')];
        },
      }),
      'sink that is not a URI': kind({
        params: fc.record({ sink: fc.constantFrom('https://exa mple.com/', 'https://example.com/%zz', 'https://example.com/\u00e9', 'https://example.com/\u0085x') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = p.sink;
          return [error('sink', 'notUri', '/sink')];
        },
      }),
      'sink aimed inside the network': kind({
        params: fc.record({ host: fc.constantFrom('127.0.0.1', 'localhost', '10.1.2.3', '[::1]', 'intranet', '2130706433', '192.168.0.1') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = `https://${p.host}/callback`;
          return [warn('sink', 'nonPublicHost', '/sink')];
        },
      }),
      'sink aimed at a cloud metadata service': kind({
        params: fc.record({ host: fc.constantFrom('169.254.169.254', 'metadata.google.internal', '[fd00:ec2::254]', '100.100.100.200') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = `https://${p.host}/latest/meta-data/`;
          return [warn('sink', 'metadataHost', '/sink')];
        },
      }),
      'sink with credentials': kind({
        params: fc.record({ user: fc.constantFrom('user:secret', 'admin', 'a:b') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = `https://${p.user}@endpoint.example.com/cb`;
          return [warn('sink', 'credentials', '/sink')];
        },
      }),
      'sink credential that is wrong': kind({
        params: fc.record({ problem: fc.constantFrom('unknownType', 'bearerCase', 'notBearer', 'expiryNoTimeZone', 'expiryInvalid', 'expired', 'missingField', 'privateKeyJwtNotConfigured') }),
        area: () => '/sink',
        apply: (body, p) => {
          body.sink = 'https://endpoint.example.com/sink';
          const credential: Json = { credentialType: 'ACCESSTOKEN', accessToken: 'eyJhbGciOiJSUzI1NiJ9', accessTokenExpiresUtc: '2099-07-03T12:27:08Z', accessTokenType: 'bearer' };
          let at = '/sinkCredential';
          let expected: Expected;
          switch (p.problem) {
            case 'unknownType':
              body.sinkCredential = { credentialType: 'PLAIN' };
              return [error('sink-credential', 'unknownType', '/sinkCredential/credentialType')];
            case 'privateKeyJwtNotConfigured':
              body.sinkCredential = { credentialType: 'PRIVATE_KEY_JWT' };
              // A type of CAMARA 1.2 only: before, it is just another type.
              return [error('sink-credential', F.privateKeyJwt ? 'privateKeyJwtNotConfigured' : 'unknownType', '/sinkCredential/credentialType')];
            case 'missingField':
              delete credential.accessToken;
              body.sinkCredential = credential;
              return [error('sink-credential', 'missingField', at, { property: 'accessToken' })];
            case 'bearerCase':
            case 'notBearer':
              credential.accessTokenType = p.problem === 'bearerCase' ? 'Bearer' : 'mac';
              at += '/accessTokenType';
              expected = error('sink-credential', p.problem, at);
              break;
            default:
              credential.accessTokenExpiresUtc = { expiryNoTimeZone: '2099-07-03T12:27:08', expiryInvalid: '2099-13-03T12:27:08Z', expired: '2001-01-01T00:00:00Z' }[p.problem as string];
              at += '/accessTokenExpiresUtc';
              expected = p.problem === 'expired' ? warn('sink-credential', 'expired', at) : error('sink-credential', p.problem, at);
          }
          body.sinkCredential = credential;
          return [expected];
        },
      }),
    });
  }
  if (dialect === 'qod-sdk') {
    Object.assign(table, {
      // ---- the SDK's webhook (sink)
      'webhook URL that is wrong': kind({
        params: fc.record({ problem: fc.constantFrom('notHttps', 'plainHttp', 'nonPublicHost', 'notUri') }),
        area: () => '/webhook',
        apply: (body, p) => {
          const url = { notHttps: 'ftp://endpoint.example.com/x', plainHttp: 'http://endpoint.example.com/x', nonPublicHost: 'https://127.0.0.1/x', notUri: 'https://exa mple.com/' }[p.problem as string];
          objectAt(body, 'webhook').notification_url = url;
          const path = '/webhook/notification_url';
          return [p.problem === 'notHttps' || p.problem === 'notUri' ? error('sink', p.problem, path) : warn('sink', p.problem, path)];
        },
      }),
    });
  }
  if (dialect !== 'qod-1.2') {
    Object.assign(table, {
      // ---- where unknown properties are allowed, a device may hold none of its identifiers
      'device without an identifier': kind({
        params: fc.record({ key: fc.constantFrom('imei', 'msisdn', dialect === 'qod-sdk' ? 'phoneNumber' : 'phone_number') }),
        area: () => '/device',
        apply: (body, p) => {
          body.device = { [p.key]: '490154203237518' };
          return [error('device-identifiers', 'noIdentifier', '/device')];
        },
      }),
    });
  }
  return table;
}

/**
 * A member no dialect declares, in a place every dialect has: in qod-1.2 always unknownProperty at
 * the member itself; in the other dialects only when known-properties is turned on (`strict`), and
 * otherwise no finding there at all.
 */
function unknownMember(strict: boolean): Kind<Json> {
  return kind({
    params: fc.record({
      where: fc.constantFrom('', '/device'),
      key: fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }).map((k) => `x${k}`), fc.constantFrom('__proto__', 'constructor', 'toString', 'x/y~z')),
    }),
    area: (p) => (p.where === '' ? token(p.key as string) : (p.where as string)),
    apply: (body, p) => {
      const parent = p.where === '' ? body : objectAt(body, 'device');
      // Defined, not assigned: '__proto__' becomes a member, as JSON.parse makes it.
      Object.defineProperty(parent, p.key as string, { value: 1, enumerable: true, writable: true, configurable: true });
      const path = `${p.where as string}${token(p.key as string)}`;
      return [strict ? error('known-properties', 'unknownProperty', path) : { ...error('known-properties', 'unknownProperty', path), absent: true }];
    },
  });
}

/** Mutations for a dialect, as data; `strict` turns known-properties on (it is off by default but in qod-1.2). */
export function mutations(dialect: FuzzedDialect, strict: boolean): { arbitrary: fc.Arbitrary<Mutation>; apply: (body: Json, m: Mutation) => Expected[] } {
  const table: Record<string, Kind<Json>> = { ...kinds(dialect), 'member the dialect does not declare': unknownMember(strict) };
  const arbitrary = fc.oneof(
    ...Object.entries(table).map(([label, kind]) => kind.params.map((p): Mutation => ({ ...p, label, area: kind.area(p) }))),
  );
  const apply = (body: Json, m: Mutation): Expected[] => {
    const { label: _label, area: _area, ...params } = m;
    return table[m.label]!.apply(body, params);
  };
  return { arbitrary, apply };
}

/** Whether an issue lies in one of the areas that were changed (a missing member's issue names it in data.property). */
export function inAreas(issue: { path: string; data?: Record<string, unknown> }, areas: readonly string[]): boolean {
  return areas.flatMap(coveredBy).some((area) => issue.path === area || issue.path.startsWith(`${area}/`) || (issue.path === '' && token(String(issue.data?.property)) === area));
}
