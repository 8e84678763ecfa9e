// Bodies and configurations for the accept pass's differential property (./accept.test.ts): the
// valid bodies of every dialect (its fixtures and the benchmark's), changed a little (so that many
// stay clean and the pass is exercised, and the rest sit just beyond what some keyword or rule
// accepts), under configurations that change rules, severities, options, policy, request context
// and limits. Plain data throughout: fast-check prints it as the counterexample.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validByDialect } from '../../bench/reference-bodies.mjs';
import { dialectIds, rules, type DialectId, type QosProfile, type ValidateOptions } from '../../src/index.js';
import { at, places, replaced } from './bodies.js';

type Json = Record<string, unknown>;

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

/** Every dialect's valid bodies as JSON text. */
const BASES: Readonly<Record<DialectId, readonly string[]>> = Object.fromEntries(
  dialectIds.map((id) => [id, [JSON.stringify(validByDialect[id]), ...readdirSync(join(fixtures, id, 'valid')).map((f) => readFileSync(join(fixtures, id, 'valid', f), 'utf8'))]]),
) as Record<DialectId, string[]>;

/** Strings near the edges of what the schemas and the rules accept. */
const STRINGS: readonly string[] = [
  // IPv4, IPv6, subnets
  '84.125.93.10', '84.125.93.11', '084.125.93.10', '84.125.93', '10.0.0.1', '192.168.1.1', '172.16.5.4', '127.0.0.1', '0.0.0.0', '255.255.255.255',
  '198.51.100.7', '198.51.100.0/24', '198.51.100.7/24', '198.51.100.0/33', '198.51.100.0/032', '0.0.0.0/0', '203.0.113.0/24', '100.64.0.1', '169.254.169.254', '224.0.0.1', '8.8.8.0/24',
  '2001:db8::1', '2001:DB8::1', '2001:0db8::1', '2001:db8:85a3:8d3::/64', '2001:db8:85a3:8d3::1/64', '2001:db8::/0', '::1', '::', 'fe80::1', 'fe80::1%eth0',
  '::ffff:198.51.100.1', '::ffff:84.125.93.10', '2a00:1450:4001:80b::200e', '2a00:1450::/32', 'fd00::1', '64:ff9b::84.125.93.10', '::::', '1:2:3:4:5:6:7:8:9',
  // phone numbers
  '+34600000001', '+34600000002', '34600000001', '+34 600000001', '+14155552671', '+0123456', '+1234', '+12345', '+123456789012345', '+1234567890123456', '+999123456789', '+447911123456', '+3460000000x',
  // sinks
  'https://endpoint.example.com/sink', 'https://endpoint.example.com', 'http://endpoint.example.com/sink', 'HTTPS://endpoint.example.com/sink', 'https://localhost/cb', 'https://127.0.0.1/cb',
  'https://203.0.113.5/cb', 'https://8.8.8.8/cb', 'https://169.254.169.254/latest', 'https://user:pw@example.com/', 'https://example.com:8443/a?b=c#d', 'https://example.com:99999/',
  'https://xn--bcher-kva.example/', 'https://[2001:db8::1]/cb', 'https://example.com/a b', 'https://example.com/%zz', 'ftp://example.com/', 'https://metadata.google.internal/',
  'https://app.internal/cb', 'https://example', 'https://', 'example.com', 'https://0x7f.1/', 'https://EXAMPLE.com/',
  // profiles, credentials, date-times
  'QOS_E', 'QOS_S', 'QOS_M', 'QOS_L', 'QOS_VC', 'QOS_XR', 'qos_l', 'QOS L', 'QO', 'QOS_UNKNOWN',
  'ACCESSTOKEN', 'PRIVATE_KEY_JWT', 'PLAIN', 'REFRESHTOKEN', 'bearer', 'Bearer', 'token-1',
  '2030-01-01T00:00:00Z', '2099-12-31T23:59:59+01:00', '2020-01-01T00:00:00Z', '2030-01-01T00:00:00', '2030-02-30T00:00:00Z', '2030-01-01 00:00:00z', '2026-01-01T00:30:00Z',
  // anything else
  '', ' ', 'é', '\u0000', '😀', 'a'.repeat(300), '123456789@domain.com', 'device@example.com',
];

const NUMBERS: readonly number[] = [0, 1, -1, 2, 59, 60, 61, 80, 443, 3600, 5010, 5020, 5060, 59765, 65535, 65536, 86400, 86401, 2147483647, 2147483648, 1.5, -0, 1e21];

/** Values to put where a value was, or to add. */
const VALUES: readonly unknown[] = [
  null, true, false, [], {}, '1', [1], { a: 1 },
  { credentialType: 'ACCESSTOKEN', accessToken: 'token-1', accessTokenExpiresUtc: '2099-01-01T00:00:00Z', accessTokenType: 'bearer' },
  { credentialType: 'ACCESSTOKEN', accessToken: 'token-1', accessTokenExpiresUtc: '2026-01-01T00:30:00Z', accessTokenType: 'bearer' },
  { credentialType: 'PRIVATE_KEY_JWT' },
  ['198.51.100.1', '2001:db8::1'], ['198.51.100.1', '198.51.100.1'], ['198.51.100.1', '::ffff:198.51.100.1'], ['198.51.100.0/24'],
  { ranges: [{ from: 1, to: 10 }] }, { ports: [80, 80] }, { ranges: [{ from: 10, to: 1 }], ports: [5] }, { ranges: [{ from: 1, to: 10 }], ports: [5] },
  { publicAddress: '84.125.93.10', privateAddress: '10.0.0.1' }, { publicAddress: '84.125.93.10', publicPort: 59765 }, { publicAddress: '84.125.93.10' },
  { phoneNumber: '+34600000001' }, { ipv6Address: '2001:db8::1' }, { ipv4Address: '198.51.100.0/24' }, { ipv6Address: '2001:db8::/64' },
];

const KEYS: readonly string[] = [
  'extra', 'phoneNumber', 'phone_number', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address', 'privateAddress', 'publicPort', 'ipAddresses',
  'webhook', 'sink', 'sinkCredential', 'duration', 'qosProfile', 'ranges', 'ports', 'from', 'to', '__proto__', 'constructor', 'notificationAuthToken',
  'accessTokenExpiresUtc', 'jwksUri', 'device', 'applicationServer',
];

/** One change to a body: where (an index among its places), and what. */
type Change =
  | { kind: 'string'; at: number; value: string }
  | { kind: 'edit'; at: number; position: number; remove: number; insert: string }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'value'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'graft'; at: number; from: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('string' as const), at: fc.nat(), value: fc.constantFrom(...STRINGS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), position: fc.nat(), remove: fc.nat({ max: 2 }), insert: fc.constantFrom('', '0', '1', '9', '.', ':', '/', 'a', 'F', ' ', '%', '+', '-', '_', 'é', '\u0000', '😀', '[', '@') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...NUMBERS), fc.integer({ min: -10, max: 70000 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...KEYS), value: fc.oneof(fc.constantFrom(...STRINGS), fc.constantFrom(...VALUES), fc.constantFrom(...NUMBERS)) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('graft' as const), at: fc.nat(), from: fc.nat() }) },
);

/** The body: a dialect's valid body, with none (often), one or two changes. */
export interface BodyRecipe {
  dialect: DialectId;
  base: number;
  changes: Change[];
}

export const bodyRecipe: fc.Arbitrary<BodyRecipe> = fc.record({
  dialect: fc.constantFrom(...dialectIds),
  base: fc.nat(),
  changes: fc.oneof({ weight: 3, arbitrary: fc.constant<Change[]>([]) }, { weight: 4, arbitrary: fc.array(change, { minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.array(change, { minLength: 2, maxLength: 2 }) }),
});

function applyChange(body: Json, c: Change, bases: readonly string[]): Json {
  const all = places(body);
  const path = all[c.at % all.length]!;
  const current = at(body, path);
  switch (c.kind) {
    case 'string':
      return typeof current === 'string' ? (replaced(body, path, c.value) as Json) : body;
    case 'edit': {
      if (typeof current !== 'string') return body;
      const p = c.position % (current.length + 1);
      return replaced(body, path, current.slice(0, p) + c.insert + current.slice(p + c.remove)) as Json;
    }
    case 'number':
      return typeof current === 'number' ? (replaced(body, path, c.value) as Json) : body;
    case 'value':
      return path.length === 0 ? body : (replaced(body, path, structuredClone(c.value)) as Json);
    case 'delete': {
      if (path.length === 0) return body;
      const parent = at(body, path.slice(0, -1));
      if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
      else delete (parent as Json)[path.at(-1) as string];
      return body;
    }
    case 'add': {
      if (typeof current !== 'object' || current === null) return body;
      const key = Array.isArray(current) ? current.length : c.key;
      return replaced(body, [...path, key], structuredClone(c.value)) as Json;
    }
    case 'graft': {
      // The same place in another valid body of the dialect (a near-valid mix of two valid bodies).
      const other = JSON.parse(bases[c.from % bases.length]!) as Json;
      let value: unknown = other;
      for (const segment of path) {
        if (typeof value !== 'object' || value === null) return body;
        value = (value as Json)[segment as string];
      }
      if (value === undefined) return body;
      return path.length === 0 ? (value as Json) : (replaced(body, path, value) as Json);
    }
  }
}

/** A fresh body from its recipe. */
export function bodyOf(recipe: BodyRecipe): Json {
  const bases = BASES[recipe.dialect];
  let body = JSON.parse(bases[recipe.base % bases.length]!) as Json;
  for (const c of recipe.changes) body = applyChange(body, c, bases);
  return body;
}

// #region Configurations

const LEVELS = ['off', 'info', 'warn', 'error'] as const;
const RULE_IDS = Object.keys(rules);

const ruleOptions: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'ip-address': fc.record({ allowLeadingZeros: fc.boolean() }),
  'ip-address-scope': fc.record({ allow: fc.subarray(['private', 'loopback', 'linkLocal', 'multicast', 'unspecified', 'reserved']), allowDocumentation: fc.boolean() }, { requiredKeys: [] }),
  'phone-number': fc.record({ numberingPlan: fc.boolean() }),
};

const ruleConfig = fc.dictionary(
  fc.constantFrom(...RULE_IDS),
  fc.constantFrom(...LEVELS),
  { maxKeys: 4 },
).chain((levels) =>
  fc.record(Object.fromEntries(Object.entries(levels).map(([id, level]) => [id, ruleOptions[id] === undefined ? fc.constant(level) : fc.oneof(fc.constant(level), ruleOptions[id]!.map((o) => [level, o]))]))),
);

const UNITS = ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'] as const;
const profile: fc.Arbitrary<QosProfile> = fc.record(
  {
    name: fc.constantFrom('QOS_E', 'QOS_S', 'QOS_M', 'QOS_L', 'QOS_VC', 'QOS_XR', 'qos_l'),
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'INACTIVE', 'DEPRECATED'),
    minDuration: fc.record({ value: fc.integer({ min: 0, max: 120 }), unit: fc.constantFrom(...UNITS) }),
    maxDuration: fc.record({ value: fc.integer({ min: 1, max: 3000 }), unit: fc.constantFrom(...UNITS) }),
  },
  { requiredKeys: ['name'] },
);
/** The fixtures' profile names, all ACTIVE: the catalogue most operators would give. */
const CATALOGUE: QosProfile[] = ['QOS_E', 'QOS_S', 'QOS_M', 'QOS_L', 'QOS_VC', 'QOS_XR', 'voice'].map((name) => ({ name, status: 'ACTIVE' }));
/** A catalogue: a few profiles of any kind, or the usual one with a profile or two before it (the first of a name counts). */
const catalogue = fc.oneof(fc.array(profile, { maxLength: 4 }), fc.array(profile, { maxLength: 2 }).map((before) => [...before, ...CATALOGUE]));

const NOWS = [new Date('2020-06-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'), new Date('2098-01-01T00:00:00Z')];

/** A device registry that knows some identifiers (synchronous: validate() can use it). */
const resolver = (id: { type: string }): string | undefined => (id.type === 'phoneNumber' ? 'device-1' : undefined);

/** A plugin rule: with or without a fast check, that reports or not. */
const pluginOf = (kind: 'quiet with fast' | 'quiet without fast' | 'loud with honest fast') => ({
  name: 'acme',
  rules: {
    probe: {
      meta: { docs: { description: 'A probe' }, messages: { found: 'Found it.' }, status: 400, code: 'INVALID_ARGUMENT' },
      check(_model: unknown, ctx: { report(f: { messageId: string; path: string }): void }) {
        if (kind === 'loud with honest fast') ctx.report({ messageId: 'found', path: '' });
      },
      ...(kind === 'quiet with fast' && { fast: () => true }),
      ...(kind === 'loud with honest fast' && { fast: () => false }),
    },
  },
});

/** Options as data (fast-check prints them); `build` adds the parts that are not (Dates, functions). */
export interface ConfigRecipe {
  auto: boolean;
  rules: Record<string, unknown>;
  profiles: QosProfile[] | undefined;
  duration: { min?: number; max?: number } | undefined;
  supportedIdentifiers: string[] | undefined;
  privateKeyJwtConfigured: boolean | undefined;
  resolver: boolean;
  token: boolean | undefined;
  now: number | undefined;
  limits: Record<string, number> | undefined;
  codes: 'specification' | 'test-definitions' | undefined;
  maxIssues: number | undefined;
  plugin: 'quiet with fast' | 'quiet without fast' | 'loud with honest fast' | undefined;
  /** The request context given per call instead of in the options. */
  perCall: boolean;
}

/** An arbitrary's value one time in `1 + absent`, else undefined. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, absent: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 1, arbitrary }, { weight: absent, arbitrary: fc.constant(undefined) });

export const configRecipe: fc.Arbitrary<ConfigRecipe> = fc.record({
  auto: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 4, arbitrary: fc.constant(false) }),
  rules: fc.oneof(fc.constant({}), ruleConfig),
  profiles: rarely(catalogue, 2),
  duration: rarely(fc.record({ min: fc.integer({ min: 0, max: 4000 }), max: fc.integer({ min: 3000, max: 100000 }) }, { requiredKeys: [] }), 3),
  supportedIdentifiers: rarely(fc.subarray(['phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address']), 3),
  privateKeyJwtConfigured: rarely(fc.boolean(), 1),
  resolver: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 9, arbitrary: fc.constant(false) }),
  token: rarely(fc.boolean(), 1),
  now: rarely(fc.nat({ max: NOWS.length - 1 }), 1),
  limits: rarely(
    fc.oneof(
      fc.record({ maxStringLength: fc.integer({ min: 3, max: 60 }) }),
      fc.record({ maxArrayLength: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ maxProperties: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ maxValues: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ maxDepth: fc.integer({ min: 1, max: 5 }) }),
    ),
    4,
  ),
  codes: rarely(fc.constantFrom('specification' as const, 'test-definitions' as const), 2),
  maxIssues: rarely(fc.integer({ min: 1, max: 5 }), 3),
  plugin: rarely(fc.constantFrom('quiet with fast' as const, 'quiet without fast' as const, 'loud with honest fast' as const), 4),
  perCall: fc.boolean(),
});

/** The options and the per-call context of a recipe (for the body's dialect). */
export function optionsOf(c: ConfigRecipe, dialect: DialectId): { options: ValidateOptions; call?: { context: { tokenIdentifiesDevice?: boolean; now?: Date } } } {
  const context = { ...(c.token !== undefined && { tokenIdentifiesDevice: c.token }), ...(c.now !== undefined && { now: NOWS[c.now]! }) };
  const policy: NonNullable<ValidateOptions['policy']> = {
    ...(c.profiles !== undefined && { qosProfiles: c.profiles }),
    ...(c.duration !== undefined && { duration: c.duration }),
    ...(c.supportedIdentifiers !== undefined && { supportedIdentifiers: c.supportedIdentifiers as NonNullable<ValidateOptions['policy']>['supportedIdentifiers'] }),
    ...(c.privateKeyJwtConfigured !== undefined && { privateKeyJwtConfigured: c.privateKeyJwtConfigured }),
    ...(c.resolver && { resolveDevice: resolver }),
  };
  const options: ValidateOptions = {
    dialect: c.auto ? 'auto' : dialect,
    rules: c.rules as ValidateOptions['rules'],
    policy,
    ...(!c.perCall && { context }),
    ...(c.limits !== undefined && { limits: c.limits }),
    ...(c.codes !== undefined && { codes: c.codes }),
    ...(c.maxIssues !== undefined && { maxIssues: c.maxIssues }),
    ...(c.plugin !== undefined && { plugins: [pluginOf(c.plugin) as never] }),
  };
  return c.perCall ? { options, call: { context } } : { options };
}

// #endregion
