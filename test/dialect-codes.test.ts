// Each dialect answers in its own release's words (DESIGN.md): every status and code a finding can
// have under a dialect — a rule's, the schema's, a parse or limits finding, and the one toErrorInfo
// picks — is a pair that the dialect's CAMARA release defines for createSession, as extracted from
// its API definition into src/dialects/camara-codes.json. Under `codes: 'test-definitions'` the
// codes the release's own test scenarios expect are allowed too.
//
// It runs over every dialect of the registry, so dialects added later are covered without a change
// here, in two ways:
// - declared: every message of every built-in rule, with the answer the dialect gives it (the
//   message's own, or the dialect fact the rule reads, or the conformance profile's);
// - found: bodies that trigger every rule's findings (built in each dialect's own spelling from its
//   KeyMap), and every fixture, run under every dialect in both profiles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialects } from '../src/dialects/index.js';
import { testDefinitionAnswers } from '../src/dialects/test-definition-codes.js';
import type { KeyMap } from '../src/model/build-model.js';
import {
  dialectIds,
  rules,
  toErrorInfo,
  validate,
  validateAsync,
  validateJson,
  type CamaraError,
  type CodesProfile,
  type DeviceIdentifier,
  type DialectFacts,
  type DialectId,
  type QosProfile,
  type Report,
  type ValidateOptions,
} from '../src/index.js';
import table from '../src/dialects/camara-codes.json' with { type: 'json' };
import { allowedAnswers, answersInReleaseWords, releaseOf, SERVER_FAILURES } from './helpers/camara-codes.js';

const PROFILES: readonly CodesProfile[] = ['specification', 'test-definitions'];

// #region Declared answers

/**
 * Messages whose answer is a dialect fact (the rule passes it as the finding's `error`); null: the
 * dialect never reports it. A rule that starts reading a fact for a message belongs here.
 */
const FROM_FACTS: Readonly<Record<string, (facts: DialectFacts) => CamaraError | null>> = {
  'device-identifiers#missingIdentifier': (f) => f.tokenRules?.missingDevice ?? null,
  'device-identifiers#unnecessaryIdentifier': (f) => f.tokenRules?.unnecessaryDevice ?? null,
  'device-identifiers#identifierMismatch': (f) => f.identifierMismatch,
  'device-identifiers#identifierNotFound': (f) => f.identifierNotFound,
  'device-identifiers#unsupportedIdentifier': (f) => f.unsupportedIdentifier,
  'device-identifiers#ignoredIdentifier': (f) => f.unsupportedIdentifier,
  'duration-bounds#belowProfileMinimum': (f) => f.profileDurationError,
  'duration-bounds#aboveProfileMaximum': (f) => f.profileDurationError,
  'qos-profile#notApplicable': (f) => f.profileNotApplicable,
  'sink-credential#unknownType': (f) => f.sinkCredential?.otherType ?? null,
  'sink#*': (f) => f.invalidSink,
};

/** Messages a dialect never reports, by the facts that rule them out ('rule#*': the whole rule). */
const REACHABLE: Readonly<Record<string, (facts: DialectFacts) => boolean>> = {
  'sink-credential#*': (f) => f.sinkCredential !== null,
  'sink-credential#privateKeyJwtNotConfigured': (f) => f.sinkCredential?.types.includes('PRIVATE_KEY_JWT') === true,
  'sink-credential#jwksUriReadOnly': (f) => f.sinkCredential?.types.includes('PRIVATE_KEY_JWT') === true,
  'server-address-list#*': (f) => f.serverAddressList !== null,
};

function lookup<T>(map: Readonly<Record<string, T>>, ruleId: string, messageId: string): T | undefined {
  return map[`${ruleId}#${messageId}`] ?? map[`${ruleId}#*`];
}

/** The answer a rule's message has under a dialect and profile; undefined when the dialect never reports it. */
function declaredAnswer(ruleId: string, messageId: string, dialect: DialectId, codes: CodesProfile): CamaraError | undefined {
  const answer = ruleAnswer(ruleId, messageId, dialect, codes);
  // The report puts every answer in the release's own words (DialectFacts.answers).
  const own = dialects[dialect].facts.answers;
  return answer === undefined || own === undefined ? answer : (own[`${answer.status} ${answer.code}`] ?? own[String(answer.status)] ?? answer);
}

/** The answer the engine gives a rule's message, before the report's DialectFacts.answers. */
function ruleAnswer(ruleId: string, messageId: string, dialect: DialectId, codes: CodesProfile): CamaraError | undefined {
  const facts = dialects[dialect].facts;
  const rule = rules[ruleId]!;
  for (const [key, reachable] of Object.entries(REACHABLE)) {
    if ((key === `${ruleId}#${messageId}` || key === `${ruleId}#*`) && !reachable(facts)) return undefined;
  }
  if (codes === 'test-definitions') {
    const profile = testDefinitionAnswers[facts.release].find((entry) => entry.ruleId === ruleId && entry.messageIds.includes(messageId));
    if (profile !== undefined) return profile.answer;
  }
  const fact = lookup(FROM_FACTS, ruleId, messageId);
  if (fact !== undefined) return fact(facts) ?? undefined;
  const message = rule.meta.messages[messageId]!;
  const own: { status?: number; code?: string } = typeof message === 'string' ? {} : message;
  return { status: own.status ?? rule.meta.status, code: own.code ?? rule.meta.code };
}

describe.each(dialectIds.map((id) => [id, releaseOf(id).release] as const))('%s answers in the words of CAMARA %s', (dialect) => {
  it.each(PROFILES)('every declared message of every rule (codes: %s)', (codes) => {
    const wrong: string[] = [];
    for (const [ruleId, rule] of Object.entries(rules)) {
      for (const messageId of Object.keys(rule.meta.messages)) {
        const answer = declaredAnswer(ruleId, messageId, dialect, codes);
        if (answer === undefined) continue;
        if (!answersInReleaseWords({ ...answer, messageId }, dialect, codes)) wrong.push(`${ruleId}#${messageId}: ${answer.status} ${answer.code}`);
      }
    }
    // A message answered with a dialect fact belongs in FROM_FACTS; one the dialect cannot report, in REACHABLE.
    expect(wrong, `answers ${releaseOf(dialect).release} does not define for createSession`).toEqual([]);
  });

  it('the schema, parse and limits findings (400 INVALID_ARGUMENT)', () => {
    const reports = [
      validate({}, { dialect }),
      validate(undefined, { dialect }),
      validateJson('{"duration": ', { dialect }),
      validate({ a: { b: { c: { d: { e: { f: { g: { h: { i: { j: { k: 1 } } } } } } } } } } }, { dialect }),
    ];
    for (const report of reports) {
      expect(report.issues.length).toBeGreaterThan(0);
      for (const issue of report.issues) expect(answersInReleaseWords(issue, dialect), `${issue.ruleId}#${issue.messageId}: ${issue.status} ${issue.code}`).toBe(true);
    }
  });
});

// #endregion

// #region Found answers

/** A body described without a dialect's spelling. */
interface Neutral {
  device?: { phoneNumber?: string; nai?: string; ipv4?: Record<string, string | number>; ipv6?: string; extra?: Record<string, unknown> } | Record<string, never>;
  server?: { ipv4?: string; ipv6?: string; list?: unknown[] };
  devicePorts?: { ranges?: [number, number][]; ports?: number[] };
  serverPorts?: { ranges?: [number, number][]; ports?: number[] };
  qosProfile?: string;
  duration?: number | null;
  sink?: string;
  sinkCredential?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

const IPV4_KEYS: Record<string, keyof KeyMap> = { publicAddress: 'publicAddress', privateAddress: 'privateAddress', publicPort: 'publicPort' };

function portsFor(k: KeyMap, ports: NonNullable<Neutral['devicePorts']>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (ports.ranges !== undefined) out[k.ranges] = ports.ranges.map(([from, to]) => ({ [k.from]: from, [k.to]: to }));
  if (ports.ports !== undefined) out[k.ports] = ports.ports;
  return out;
}

/** The body in a dialect's spelling (a dialect without a field leaves it out). */
function bodyFor(k: KeyMap, n: Neutral): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (n.device !== undefined) {
    const d = n.device as NonNullable<Exclude<Neutral['device'], Record<string, never>>>;
    const device: Record<string, unknown> = { ...d.extra };
    if (d.phoneNumber !== undefined) device[k.phoneNumber] = d.phoneNumber;
    if (d.nai !== undefined) device[k.networkAccessIdentifier] = d.nai;
    if (d.ipv4 !== undefined) device[k.deviceIpv4Address] = Object.fromEntries(Object.entries(d.ipv4).map(([key, v]) => [k[IPV4_KEYS[key]!] as string, v]));
    if (d.ipv6 !== undefined) device[k.deviceIpv6Address] = d.ipv6;
    body[k.device] = device;
  }
  const server = n.server ?? { ipv4: '198.51.100.0/24' };
  const as: Record<string, unknown> = {};
  if (server.ipv4 !== undefined) as[k.serverIpv4Address] = server.ipv4;
  if (server.ipv6 !== undefined) as[k.serverIpv6Address] = server.ipv6;
  if (server.list !== undefined && k.ipAddresses !== undefined) as[k.ipAddresses] = server.list;
  body[k.applicationServer] = as;
  if (n.devicePorts !== undefined) body[k.devicePorts] = portsFor(k, n.devicePorts);
  if (n.serverPorts !== undefined) body[k.applicationServerPorts] = portsFor(k, n.serverPorts);
  body[k.qosProfile] = n.qosProfile ?? 'QOS_L';
  if (n.duration !== null) body[k.duration] = n.duration ?? 600;
  if (n.sink !== undefined) {
    if (k.sink !== undefined) body[k.sink] = n.sink;
    else if (k.webhook !== undefined) body[k.webhook[0]] = { [k.webhook[1]]: n.sink };
  }
  if (n.sinkCredential !== undefined && k.sinkCredential !== undefined) body[k.sinkCredential] = n.sinkCredential;
  return { ...body, ...n.extra };
}

const PHONE = '+34600000001';
const devices = new Map<string, string>([
  [PHONE, 'device-a'],
  ['2001:db8::1', 'device-b'],
]);
const registry = (id: DeviceIdentifier) => devices.get(id.type === 'ipv4Address' ? (id.value.publicAddress ?? '') : id.value);
const catalogue: QosProfile[] = [
  { name: 'QOS_L', status: 'ACTIVE', minDuration: { value: 1, unit: 'Minutes' }, maxDuration: { value: 1, unit: 'Hours' } },
  { name: 'QOS_OFF', status: 'INACTIVE' },
  { name: 'QOS_OLD', status: 'DEPRECATED' },
];
const withCatalogue: ValidateOptions = { policy: { qosProfiles: catalogue } };
const token = { accessToken: 'abc', accessTokenExpiresUtc: '2099-01-01T00:00:00Z', accessTokenType: 'bearer' };
const phone = { phoneNumber: PHONE };

/** Bodies (and options) that between them trigger every message of every built-in rule. */
const TRIGGERS: readonly (readonly [string, Neutral, ValidateOptions?])[] = [
  ['a valid body', { device: phone }],
  ['no device with a 2-legged token', {}, { context: { tokenIdentifiesDevice: false } }],
  ['a device with a 3-legged token', { device: phone }, { context: { tokenIdentifiesDevice: true } }],
  ['a device without identifiers', { device: { extra: { imei: '490154203237518' } } }, { rules: { 'known-properties': 'off' } }],
  ['only an unsupported identifier', { device: { nai: 'alice@example.com' } }, { policy: { supportedIdentifiers: ['phoneNumber'] } }],
  ['an ignored identifier', { device: { phoneNumber: PHONE, nai: 'alice@example.com' } }, { policy: { supportedIdentifiers: ['phoneNumber'] } }],
  ['identifiers naming different devices', { device: { phoneNumber: PHONE, ipv6: '2001:db8::1' } }, { policy: { resolveDevice: registry } }],
  ['an identifier no device matches', { device: { phoneNumber: '+34699999999' } }, { policy: { resolveDevice: registry } }],
  ['a registry that throws', { device: phone }, { policy: { resolveDevice: () => { throw new Error('down'); } } }],
  ['a registry validate() cannot wait for', { device: phone }, { policy: { resolveDevice: async () => 'device-a' } }],
  ['a registry that never answers (validateAsync gives up)', { device: phone }, { policy: { resolveDevice: () => new Promise<never>(() => {}), resolveDeviceTimeout: 1 } }],
  ['an unknown profile', { device: phone, qosProfile: 'QOS_X' }, withCatalogue],
  ['a profile in the wrong case', { device: phone, qosProfile: 'qos_l' }, withCatalogue],
  ['an inactive profile', { device: phone, qosProfile: 'QOS_OFF' }, withCatalogue],
  ['a deprecated profile', { device: phone, qosProfile: 'QOS_OLD' }, withCatalogue],
  ['a duration below the profile minimum', { device: phone, duration: 30 }, withCatalogue],
  ['a duration above the profile maximum', { device: phone, duration: 7200 }, withCatalogue],
  ['a duration of 0', { device: phone, duration: 0 }],
  ['a duration beyond int32', { device: phone, duration: 2147483648 }],
  ['a duration beyond 24 hours', { device: phone, duration: 86401 }],
  ['a duration below the policy minimum', { device: phone, duration: 90 }, { policy: { duration: { min: 120 } } }],
  ['a duration above the policy maximum', { device: phone, duration: 900 }, { policy: { duration: { max: 300 } } }],
  ['no duration', { device: phone, duration: null }, { policy: { duration: { max: 300 } } }],
  ['ports out of range', { device: phone, devicePorts: { ports: [0, 70000] }, serverPorts: { ranges: [[0, 70000]] } }],
  ['ports reversed, duplicated, overlapping', { device: phone, devicePorts: { ranges: [[5020, 5010], [1, 10], [5, 20], [1, 10]], ports: [7, 7, 5] } }],
  ['more port findings than a list reports', { device: phone, devicePorts: { ports: Array.from({ length: 120 }, () => 9) } }, { maxIssues: 500 }],
  ['a device address with leading zeros', { device: { ipv4: { publicAddress: '010.1.1.1', publicPort: 5000 } } }],
  ['bad server addresses', { device: phone, server: { ipv4: '198.51.100.0/33', ipv6: 'zz::zz::' } }],
  ['a device address above 255', { device: { ipv4: { publicAddress: '999.1.1.1', publicPort: 5000 } } }],
  ['a server list item that is no address', { device: phone, server: { list: ['198.51.100.1', 'not-an-ip'] } }],
  ['server addresses of the wrong family', { device: phone, server: { ipv4: '2001:db8::1', ipv6: '198.51.100.1' } }],
  ['a zone id and a prefix on the device', { device: { ipv6: 'fe80::1%eth0' } }],
  ['a device IPv6 with a prefix', { device: { ipv6: '2001:db8::1/64' } }],
  ['an IPv6 address not written as RFC 5952 recommends', { device: { ipv6: '2001:DB8::1' } }, { rules: { 'ip-address': ['error', { canonicalIpv6: true }] } }],
  ['a very long server address', { device: phone, server: { ipv4: `${'1'.repeat(60)}` } }],
  ['private and whole-Internet servers', { device: phone, server: { ipv4: '0.0.0.0/0', ipv6: 'fe80::1' } }],
  ['a server subnet with host bits', { device: phone, server: { ipv4: '198.51.100.7/24' } }],
  ['a public private address', { device: { ipv4: { publicAddress: '10.0.0.1', privateAddress: '84.125.93.10' } } }],
  ['a device that is the server', { device: { ipv4: { publicAddress: '84.125.93.10', publicPort: 5000 } }, server: { ipv4: '84.125.93.10' } }],
  ['families that cannot meet', { device: { ipv4: { publicAddress: '84.125.93.10', publicPort: 5000 } }, server: { ipv6: '2001:db8::/64' } }],
  ['a device only by IPv6 and an IPv4 server (NAT64)', { device: { ipv6: '2001:db8::1' }, server: { ipv4: '198.51.100.0/24' } }],
  ['an empty server list', { device: phone, server: { list: [] } }],
  ['a long server list with duplicates and prefixes', { device: phone, server: { list: [...Array.from({ length: 16 }, (_, i) => `198.51.100.${i + 1}`), '198.51.100.1', '198.51.100.0/24', '2001:DB8::1', '2001:db8::1'] } }],
  ['phone numbers', { device: { phoneNumber: ' +34600000001' } }],
  ['a phone number with letters', { device: { phoneNumber: '+3460000000a' } }],
  ['a phone number without +', { device: { phoneNumber: '34600000001' } }],
  ['a phone number with a leading zero', { device: { phoneNumber: '+0034600000' } }],
  ['a short phone number', { device: { phoneNumber: '+1234' } }],
  ['a long phone number', { device: { phoneNumber: '+1234567890123456' } }],
  ['a number with an unknown calling code', { device: { phoneNumber: '+99912345678' } }],
  ['an impossible number', { device: { phoneNumber: '+3460000' } }],
  ['an invalid number', { device: { phoneNumber: '+34000000000' } }],
  ['not a phone number', { device: { phoneNumber: '+' } }],
  ['an http sink', { device: phone, sink: 'http://example.com/notify' }],
  ['an upper-case scheme', { device: phone, sink: 'HTTPS://example.com/notify' }],
  ['a sink that is no URI', { device: phone, sink: 'example.com/notify' }],
  ['an ftp sink', { device: phone, sink: 'ftp://example.com/notify' }],
  ['a sink without host', { device: phone, sink: 'https:///notify' }],
  ['a sink no client accepts', { device: phone, sink: 'https://example.com:99999/notify' }],
  ['a sink with credentials', { device: phone, sink: 'https://user:secret@example.com/notify' }],
  ['a loopback sink', { device: phone, sink: 'https://127.0.0.1/notify' }],
  ['a metadata sink', { device: phone, sink: 'https://169.254.169.254/latest' }],
  ['a PLAIN credential', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'PLAIN', identifier: 'a', secret: 'b' } }],
  ['an access token without fields', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN' } }],
  ['a Bearer token', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, accessTokenType: 'Bearer' } }],
  ['a mac token', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, accessTokenType: 'mac' } }],
  ['an expiry without time zone', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, accessTokenExpiresUtc: '2099-01-01T00:00:00' } }],
  ['an expiry that is no date', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, accessTokenExpiresUtc: 'tomorrow' } }],
  ['an expired token', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, accessTokenExpiresUtc: '2001-01-01T00:00:00Z' } }],
  ['a token that ends before the session', { device: phone, duration: 86000, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, accessTokenExpiresUtc: new Date(Date.now() + 3_600_000).toISOString() } }],
  ['PRIVATE_KEY_JWT not configured', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'PRIVATE_KEY_JWT', jwksUri: 'https://example.com/jwks' } }],
  ['a credential without sink', { device: phone, sinkCredential: { credentialType: 'ACCESSTOKEN', ...token } }],
  ['a field of the other credential type', { device: phone, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, jwksUri: 'https://example.com/jwks' } }],
  ['an unknown property', { device: phone, extra: { foo: 1 } }, { rules: { 'known-properties': 'error' } }],
  ['an empty device', { device: {} }],
  ['many failures', { device: { phoneNumber: '1', ipv6: 'x' }, server: { ipv4: 'x', ipv6: 'y' }, devicePorts: { ports: [-1, 70000] } }, { maxIssues: 1 }],
];

function fixtureBodies(): { name: string; text: Buffer }[] {
  const root = join(import.meta.dirname, '..', 'fixtures');
  return readdirSync(root).flatMap((dir) =>
    ['valid', 'invalid'].flatMap((kind) => readdirSync(join(root, dir, kind)).map((file) => ({ name: `${dir}/${kind}/${file}`, text: readFileSync(join(root, dir, kind, file)) }))),
  );
}

/** The answers of a report (and of toErrorInfo) that its dialect's release does not define. */
function foreignAnswers(report: Report, codes: CodesProfile): string[] {
  const wrong: string[] = [];
  for (const issue of report.issues) {
    if (!answersInReleaseWords(issue, report.dialect, codes)) wrong.push(`${issue.ruleId}#${issue.messageId} at '${issue.path}': ${issue.status} ${issue.code}`);
  }
  const error = toErrorInfo(report);
  if (error !== undefined && !allowedAnswers(report.dialect, codes).has(`${error.status} ${error.code}`) && error.code !== 'INTERNAL') {
    wrong.push(`toErrorInfo: ${error.status} ${error.code}`);
  }
  return wrong;
}

describe.each(dialectIds.flatMap((dialect) => PROFILES.map((codes) => [dialect, codes] as const)))('findings under %s (codes: %s)', (dialect, codes) => {
  const keys = dialects[dialect].keys;

  it.each(TRIGGERS.map(([name, body, options]) => [name, body, options] as const))('%s', async (_name, neutral, options) => {
    const body = bodyFor(keys, neutral);
    const all: ValidateOptions = { ...options, dialect, codes, context: { now: new Date(), ...options?.context } };
    expect(foreignAnswers(validate(body, all), codes)).toEqual([]);
    expect(foreignAnswers(await validateAsync(body, all), codes)).toEqual([]);
  });

  it('every fixture', () => {
    const wrong = fixtureBodies().flatMap(({ name, text }) => foreignAnswers(validateJson(text, { dialect, codes }), codes).map((w) => `${name}: ${w}`));
    expect(wrong).toEqual([]);
  });
});

it('the triggers reach every message of every built-in rule in some dialect', async () => {
  const seen = new Set<string>();
  for (const dialect of dialectIds) {
    for (const [, neutral, options] of TRIGGERS) {
      const body = bodyFor(dialects[dialect].keys, neutral);
      for (const report of [validate(body, { ...options, dialect }), await validateAsync(body, { ...options, dialect })]) {
        for (const issue of report.issues) seen.add(`${issue.ruleId}#${issue.messageId}`);
      }
    }
  }
  const declared = Object.entries(rules).flatMap(([ruleId, rule]) => Object.keys(rule.meta.messages).map((messageId) => `${ruleId}#${messageId}`));
  expect(declared.filter((id) => !seen.has(id))).toEqual([]);
});

// #endregion

describe('the table and the profile agree with the test definitions', () => {
  it('every dialect answers like a release of the table', () => {
    for (const dialect of dialectIds) expect(Object.keys(table.releases)).toContain(dialects[dialect].facts.release);
  });

  it.each(Object.entries(testDefinitionAnswers).filter(([, entries]) => entries.length > 0))('%s: each switched answer is what its scenario expects', (release, entries) => {
    const scenarios = (table.releases as Record<string, { testDefinitions?: { scenarios: { scenario: string; status: number; codes: string[] }[] } }>)[release]!.testDefinitions!.scenarios;
    for (const entry of entries) {
      const scenario = scenarios.find((s) => s.scenario === entry.scenario);
      expect(scenario, `${release} has scenario ${entry.scenario}`).toBeDefined();
      expect(scenario!.status).toBe(entry.answer.status);
      expect(scenario!.codes).toContain(entry.answer.code);
      for (const messageId of entry.messageIds) expect(Object.keys(rules[entry.ruleId]!.meta.messages)).toContain(messageId);
    }
  });

  it('server failures are the only exemption, and only as 500 INTERNAL', () => {
    expect([...SERVER_FAILURES].sort()).toEqual(['internalError', 'needsAsync', 'resolverFailed', 'resolverTimeout']);
  });
});
