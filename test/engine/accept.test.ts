// The accept pass (src/engine/accept.ts, scripts/accept-codegen.mjs): which bodies and
// configurations it answers for, and that it answers only with the empty report. The differential
// property over generated bodies and configurations is test/fuzz/accept.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validByDialect } from '../../bench/reference-bodies.mjs';
import { dialectIds, dialects } from '../../src/dialects/index.js';
import { _acceptPassProblem, acceptsClean } from '../../src/engine/accept.js';
import { resolveConfig } from '../../src/engine/config.js';
import { buildReport } from '../../src/engine/report.js';
import { collect } from '../../src/engine/run.js';
import { createValidator, defineRule, rules, validate, type DialectId, type Report, type ValidateOptions } from '../../src/index.js';

/** Whether the accept pass answers "clean" for the body under the options (the body's dialect fixed). */
function accepts(body: unknown, options: ValidateOptions = {}): boolean {
  const config = resolveConfig(rules, options);
  return acceptsClean(config, config.dialect!, body, config.request);
}

/** The engine's report without the accept pass. */
function engine(body: unknown, options: ValidateOptions = {}): Report {
  const config = resolveConfig(rules, options);
  const collected = collect(config, body, false, config.request, false);
  return buildReport(collected.dialect, collected.entries, body, config.maxIssues, undefined, collected.unexamined);
}

const clone = <T>(value: T): T => structuredClone(value);
const body12 = validByDialect['qod-1.2'];

describe('accept pass', () => {
  it.each(dialectIds)('%s has one: the pass stores every place its key map names', (id) => {
    expect(_acceptPassProblem(dialects[id])).toBeUndefined();
  });

  it('is not sure of an IPv6 address under canonicalIpv6, which notes spellings the fast check does not', () => {
    // A plain spelling (lower case, no leading zeros) that RFC 5952 still writes otherwise ('2001:db8::1').
    const body = { ...clone(body12), device: { ipv6Address: '2001:db8:0:0:0:0:0:1' } };
    const options: ValidateOptions = { dialect: 'qod-1.2', rules: { 'ip-address': ['error', { canonicalIpv6: true }] } };
    expect(accepts(body, options)).toBe(false);
    expect(validate(body, options).issues.map((issue) => `${issue.ruleId}/${issue.messageId}`)).toEqual(['ip-address/nonCanonicalIpv6']);
    expect(accepts(body, { dialect: 'qod-1.2' })).toBe(true);
  });

  it('every built-in rule has a fast check', () => {
    for (const [id, rule] of Object.entries(rules)) expect(typeof rule.fast, id).toBe('function');
  });

  it.each(dialectIds)("accepts the benchmark's valid body of %s, which the engine reports nothing for", (id) => {
    const body = validByDialect[id];
    expect(engine(body, { dialect: id }).issues).toEqual([]);
    expect(accepts(body, { dialect: id })).toBe(true);
  });

  const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
  const validFixtures = dialectIds.flatMap((id) =>
    readdirSync(join(fixtures, id, 'valid')).map((file) => [`${id}/valid/${file}`, id, JSON.parse(readFileSync(join(fixtures, id, 'valid', file), 'utf8'))] as [string, DialectId, unknown]),
  );
  /** Clean, but with an IPv6 address spelt otherwise than every dialect's pattern accepts (ip-address's fast check is not sure then). */
  const NOT_PLAIN = ['qod-0.10/valid/device-ipv6-upper-case.json'];
  it.each(validFixtures)('%s: accepted exactly when the engine reports nothing', (name, id, body) => {
    expect(accepts(body, { dialect: id })).toBe(engine(body, { dialect: id }).issues.length === 0 && !NOT_PLAIN.includes(name));
  });

  it('answers through validate, validateJson and validateAsync with the empty report', async () => {
    const { validate: run, validateJson, validateAsync } = createValidator();
    const empty = { valid: true, dialect: 'qod-1.2', issues: [], errorCount: 0, warningCount: 0 };
    expect(run(body12)).toEqual(empty);
    expect(validateJson(JSON.stringify(body12))).toEqual(empty);
    expect(await validateAsync(body12)).toEqual(empty);
    // A new object each time: a caller may change its report.
    expect(run(body12)).not.toBe(run(body12));
  });

  it('answers for dialect auto when the keys fit one dialect only', () => {
    expect(validate(validByDialect['qod-sdk'], { dialect: 'auto' })).toMatchObject({ dialect: 'qod-sdk', issues: [] });
  });

  describe('is not sure, and the engine answers as it did', () => {
    it.each<[string, ValidateOptions]>([
      ['a rule of a plugin without a fast check', { plugins: [{ name: 'acme', rules: { quiet: defineRule({ meta: { docs: { description: 'x' }, messages: { m: 'm' }, status: 400, code: 'INVALID_ARGUMENT' }, check() {} }) } }] }],
      ['a device registry (policy.resolveDevice)', { policy: { resolveDevice: () => 'device-1' } }],
    ])('%s, whatever the body', (_, options) => {
      expect(accepts(body12, options)).toBe(false);
      expect(engine(body12, options).issues).toEqual([]);
    });

    const cases: [string, unknown, ValidateOptions][] = [
      ['a 2-legged token without a device', { ...body12, device: undefined }, { context: { tokenIdentifiesDevice: false } }],
      ['a 3-legged token with a device', body12, { context: { tokenIdentifiesDevice: true } }],
      ['a profile the catalogue lacks', body12, { policy: { qosProfiles: [{ name: 'QOS_E' }] } }],
      ['a DEPRECATED profile', body12, { policy: { qosProfiles: [{ name: 'QOS_L', status: 'DEPRECATED' }] } }],
      ['a duration above the profile maximum', body12, { policy: { qosProfiles: [{ name: 'QOS_L', maxDuration: { value: 30, unit: 'Minutes' } }] } }],
      ['a duration above the policy maximum', body12, { policy: { duration: { max: 60 } } }],
      ['an identifier type the operator does not support', body12, { policy: { supportedIdentifiers: ['ipv4Address'] } }],
      ['documentation addresses refused', body12, { rules: { 'ip-address-scope': ['info', { allowDocumentation: false }] } }],
      ['limits below the body: maxStringLength', body12, { limits: { maxStringLength: 20 } }],
      ['limits below the body: maxArrayLength', body12, { limits: { maxArrayLength: 1 } }],
      ['limits below the body: maxProperties', body12, { limits: { maxProperties: 3 } }],
      ['limits below the body: maxValues', body12, { limits: { maxValues: 20 } }],
      ['limits below the body: maxDepth', body12, { limits: { maxDepth: 2 } }],
      ['an expired sink credential', { ...body12, sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 't', accessTokenExpiresUtc: '2025-01-01T00:00:00Z', accessTokenType: 'bearer' } }, { context: { now: new Date('2026-01-01T00:00:00Z') } }],
      ['an unknown property where the API allows it, known-properties on', { ...validByDialect['qod-0.11'], extra: 1 }, { dialect: 'qod-0.11', rules: { 'known-properties': 'error' } }],
    ];
    it.each(cases)('%s', (_, body, options) => {
      expect(accepts(body, options)).toBe(false);
      expect(engine(body, options).issues.length).toBeGreaterThan(0);
    });

    it('a body whose getter answers differently when read again', () => {
      let reads = 0;
      const body = Object.defineProperty(clone(body12), 'qosProfile', { enumerable: true, get: () => (reads++ === 0 ? 'QOS_L' : 'QOS L') });
      expect(accepts(body)).toBe(false);
    });

    it('an object of another prototype (whose members the model would not read)', () => {
      class Body {}
      expect(accepts(Object.assign(new Body(), clone(body12)))).toBe(false);
      expect(accepts(Object.assign(Object.create(null) as object, clone(body12)))).toBe(true);
    });

    it('while Object.prototype has an enumerable member', () => {
      const config = resolveConfig(rules, {});
      const body = clone(body12);
      const proto = Object.prototype as Record<string, unknown>;
      proto.polluted = 1;
      try {
        expect(acceptsClean(config, config.dialect!, body, config.request)).toBe(false);
      } finally {
        delete proto.polluted;
      }
      expect(acceptsClean(config, config.dialect!, body, config.request)).toBe(true);
    });

    it('within a pass of its own (a getter of the body validating again)', () => {
      let inner: boolean | undefined;
      const body = clone(body12) as Record<string, unknown>;
      Object.defineProperty(body, 'duration', {
        enumerable: true,
        get: () => {
          inner ??= accepts(clone(body12));
          return 3600;
        },
      });
      expect(accepts(body)).toBe(true);
      expect(inner).toBe(false);
      expect(validate(clone(body12)).issues).toEqual([]);
    });
  });

  it('answers for the configurations that change nothing for the body', () => {
    const options: ValidateOptions[] = [
      { rules: { 'ip-address-scope': 'off', 'device-server-consistency': 'info', sink: 'warn' } },
      { rules: { 'known-properties': 'off' } },
      { policy: { qosProfiles: [{ name: 'QOS_L', status: 'ACTIVE', minDuration: { value: 1, unit: 'Seconds' }, maxDuration: { value: 2, unit: 'Hours' } }] } },
      { policy: { duration: { min: 60, max: 86400 }, supportedIdentifiers: ['phoneNumber', 'ipv4Address'] } },
      { context: { tokenIdentifiesDevice: false, now: new Date('2030-01-01T00:00:00Z') } },
      { codes: 'test-definitions', maxIssues: 1 },
      { plugins: [{ name: 'acme', rules: { quiet: defineRule({ meta: { docs: { description: 'x' }, messages: { m: 'm' }, status: 400, code: 'INVALID_ARGUMENT' }, check() {}, fast: () => true }) } }] },
    ];
    for (const option of options) {
      expect(engine(body12, option).issues, JSON.stringify(option)).toEqual([]);
      expect(accepts(body12, option), JSON.stringify(option)).toBe(true);
    }
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a format', { sink: 'https://endpoint.example.com/a b' }, 'sink'],
    ['a pattern', { device: { phoneNumber: '+3460000000x' } }, 'phone-number'],
    ['a bound', { duration: 0 }, 'duration-bounds'],
  ])('%s left to its rule is evaluated when the rule is off', (_, change, ruleId) => {
    const body = { ...clone(body12), ...change };
    const options = { rules: { [ruleId]: 'off' as const } };
    expect(accepts(body, options)).toBe(false);
    expect(engine(body, options).issues.map((i) => i.ruleId)).toContain('schema');
  });

  it('leaves to a rule only keywords it owns in some dialect', () => {
    const owned = new Map<string, Set<string>>();
    for (const id of dialectIds) {
      for (const keywords of Object.values(dialects[id].schema.ownership)) {
        for (const [keyword, owner] of Object.entries(keywords)) {
          const rule = owner.split('#')[0]!;
          if (!owned.has(rule)) owned.set(rule, new Set());
          if (!owner.includes('#')) owned.get(rule)!.add(keyword);
        }
      }
    }
    for (const [id, rule] of Object.entries(rules)) {
      for (const keyword of rule.meta.fastKeywords ?? []) expect(owned.get(id)?.has(keyword), `${id}: ${keyword}`).toBe(true);
    }
  });

  it('a plugin fast check that is not sure leaves the body to the engine', () => {
    let checked = 0;
    const plugin = { name: 'acme', rules: { count: defineRule({ meta: { docs: { description: 'x' }, messages: { m: 'm' }, status: 400, code: 'INVALID_ARGUMENT' }, check: () => void checked++, fast: () => false }) } };
    expect(validate(body12, { plugins: [plugin] }).issues).toEqual([]);
    expect(checked).toBe(1);
  });
});
