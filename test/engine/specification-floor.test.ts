// The specification is the floor: whatever the configuration, a body the dialect's compiled schema
// rejects is never valid. Turning a rule off or down removes only what it adds beyond the schema.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { toErrorInfo, validate, type DialectId, type Issue, type RuleLevel } from '../../src/index.js';
import { ensureBuilt, root, runCli } from '../cli/helpers.js';
import { specificationAccepts } from '../helpers/specification.js';

const fixture = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, 'fixtures', path), 'utf8')) as Record<string, unknown>;

const bases: Record<DialectId, Record<string, unknown>[]> = {
  'qod-1.2': ['full-subnets.json', 'address-list.json', 'device-ipv4-private-and-public.json'].map((f) => fixture(`qod-1.2/valid/${f}`)),
  'qod-1.1': ['schema-examples.json', 'session-creation-example.json'].map((f) => fixture(`qod-1.1/valid/${f}`)),
  'qod-1.0': ['schema-examples.json', 'session-available-example.json'].map((f) => fixture(`qod-1.0/valid/${f}`)),
  'qod-0.11': ['schema-examples.json', 'sink-credential-access-token.json'].map((f) => fixture(`qod-0.11/valid/${f}`)),
  'qod-0.10': ['yaml-field-examples.json', 'minimal.json'].map((f) => fixture(`qod-0.10/valid/${f}`)),
  'qod-0.9': ['yaml-field-examples.json', 'device-ipv6-subnet.json'].map((f) => fixture(`qod-0.9/valid/${f}`)),
  'qod-0.8': ['yaml-field-examples.json', 'minimal.json'].map((f) => fixture(`qod-0.8/valid/${f}`)),
  'qod-sdk': ['full.json', 'minimal.json'].map((f) => fixture(`qod-sdk/valid/${f}`)),
};

/** The rules that own keywords of a dialect's schema ('x-rules'), from the compiled tables. */
function owners(dialect: DialectId): string[] {
  const ids = new Set<string>();
  for (const keywords of Object.values(dialects[dialect].schema.ownership)) for (const owned of Object.values(keywords)) ids.add(owned.split('#')[0]!);
  return [...ids].sort();
}

/** Every pointer of a value (objects and arrays included), as segment lists. */
function pointers(value: unknown, prefix: string[] = []): string[][] {
  const out: string[][] = [prefix];
  if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) out.push(...pointers(child, [...prefix, key]));
  return out;
}

function replaced(body: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) };
  (copy as Record<string, unknown>)[path[0]!] = replaced((body as Record<string, unknown>)[path[0]!], path.slice(1), value);
  return copy;
}

/** Values that are near the constraints the rules own: bounds, spellings, shapes. */
const nearValues = fc.oneof(
  fc.integer({ min: -2, max: 70000 }),
  fc.constantFrom(0, 1, 59, 60, 65535, 65536, 86400, 86401, 2147483647, 2147483648, 1e12, 1.5, -1),
  fc.constantFrom('hello', '+34600000001', '34600000001', '+0123456', '+1234', '+1234567890123456', 'not-an-ip', '1.2.3.4', '01.2.3.4', '198.51.100.0/24', '198.51.100.1/33', '::1', '2001:db8::/129', '::ffff:1.2.3.4', 'http://example.com/x', 'https://example.com/x', 'ahttp://a.aa', 'https://', 'ACCESSTOKEN', 'PRIVATE_KEY_JWT', 'TOKEN', 'bearer', 'Bearer', '2099-01-01T00:00:00Z', '2099-01-01'),
  fc.string({ maxLength: 20 }),
  fc.array(fc.oneof(fc.constantFrom('1.2.3.4', '1.2.3.4', '::1', '10.0.0.0/8', 'x'), fc.integer()), { maxLength: 20 }),
  fc.constantFrom(null, true, {}, [], { from: 10, to: 5 }, { from: 0, to: 70000 }, { foo: 1 }),
);

const mutation = (dialect: DialectId) =>
  fc
    .constantFrom(...bases[dialect])
    .chain((base) => fc.tuple(fc.constant(base), fc.constantFrom(...pointers(base)), nearValues, fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined })))
    .map(([base, path, value, extraKey]) => {
      const body = replaced(base, path, value) as Record<string, unknown>;
      return extraKey === undefined ? body : { ...body, [extraKey]: 1 };
    });

const LEVELS: RuleLevel[] = ['off', 'info', 'warn', 'error'];

describe('the specification is the floor', () => {
  for (const dialect of Object.keys(bases) as DialectId[]) {
    const specValidate = (body: unknown) => specificationAccepts(dialects[dialect].schema, body);
    for (const rule of owners(dialect)) {
      it(`${dialect}: with ${rule} off, info, warn or error, a body the compiled schema rejects is never valid`, () => {
        let rejected = 0;
        fc.assert(
          fc.property(mutation(dialect), (body) => {
            if (specValidate(body)) return;
            rejected++;
            for (const level of LEVELS) {
              const report = validate(body, { dialect, rules: { [rule]: level } });
              expect(report.valid, `${level}: ${JSON.stringify(body)}`).toBe(false);
              expect(toErrorInfo(report)?.status).toBe(400);
            }
          }),
          { numRuns: 300, seed: 20261130 },
        );
        // The property says something only if it saw many rejected bodies.
        expect(rejected).toBeGreaterThan(100);
      });
    }

    it(`${dialect}: with every owning rule off at once, the schema alone still rejects what it rejects`, () => {
      // The schema's own answer in the dialect's words: INVALID_ARGUMENT, or CAMARA 0.8's INVALID_INPUT.
      const schemaCode = dialects[dialect].facts.answers?.['400']?.code ?? 'INVALID_ARGUMENT';
      const allOff = Object.fromEntries(owners(dialect).map((id) => [id, 'off' as const]));
      fc.assert(
        fc.property(mutation(dialect), (body) => {
          const report = validate(body, { dialect, rules: allOff });
          if (!specValidate(body)) {
            expect(report.valid).toBe(false);
            expect(report.issues.some((i) => i.ruleId === 'schema' && i.severity === 'error' && i.status === 400 && i.code === schemaCode)).toBe(true);
          }
        }),
        { numRuns: 300, seed: 20261130 },
      );
    });
  }
});

describe('the examples of the issue', () => {
  const body = {
    device: { phoneNumber: 'hello', ipv4Address: { publicAddress: 'not-an-ip', publicPort: 0 } },
    applicationServer: { ipv4Address: '198.51.100.0/24' },
    qosProfile: 'QOS_E',
    duration: 0,
  };
  const off = { 'phone-number': 'off', 'ip-address': 'off', 'port-ranges': 'off', 'duration-bounds': 'off' } as const;

  it('with the four owning rules off, the schema reports each value (400 INVALID_ARGUMENT)', () => {
    const report = validate(body, { rules: off });
    expect(report.valid).toBe(false);
    const schema = report.issues.filter((i) => i.ruleId === 'schema').map((i) => `${i.messageId}@${i.path}:${i.status} ${i.code}`);
    expect(schema).toEqual([
      'pattern@/device/phoneNumber:400 INVALID_ARGUMENT',
      'format@/device/ipv4Address/publicAddress:400 INVALID_ARGUMENT',
      'minimum@/device/ipv4Address/publicPort:400 INVALID_ARGUMENT',
      'minimum@/duration:400 INVALID_ARGUMENT',
    ]);
  });

  it('with the rules on, each rule reports its own finding instead, and no schema finding repeats it', () => {
    const report = validate(body);
    expect(report.issues.filter((i) => i.ruleId === 'schema')).toEqual([]);
    expect(new Set(report.issues.map((i) => i.ruleId))).toEqual(new Set(['phone-number', 'ip-address', 'port-ranges', 'duration-bounds']));
  });

  it.each(['warn', 'info'] as const)('at %s, what the schema forbids is still an error, with the rule’s message and code', (level) => {
    const report = validate({ ...body, device: { phoneNumber: '+34600000001' }, devicePorts: { ports: [70000] }, duration: 1e12 }, { rules: { 'port-ranges': level, 'duration-bounds': level } });
    const byRule = (id: string): Issue => report.issues.find((i) => i.ruleId === id)!;
    expect(report.valid).toBe(false);
    expect(byRule('port-ranges')).toMatchObject({ severity: 'error', messageId: 'aboveMaximum', code: 'OUT_OF_RANGE' });
    expect(byRule('duration-bounds')).toMatchObject({ severity: 'error', messageId: 'aboveMaximum' });
  });

  it('what a rule adds beyond the schema still follows its severity, or goes when it is off', () => {
    const overlapping = { ...body, device: { phoneNumber: '+34600000001' }, duration: 60, devicePorts: { ranges: [{ from: 5000, to: 5010 }], ports: [5005] } };
    expect(validate(overlapping).issues.filter((i) => i.ruleId === 'port-ranges').map((i) => i.severity)).toEqual(['warn']);
    expect(validate(overlapping, { rules: { 'port-ranges': 'warn' } }).issues.filter((i) => i.ruleId === 'port-ranges').map((i) => i.severity)).toEqual(['info']);
    expect(validate(overlapping, { rules: { 'port-ranges': 'off' } })).toMatchObject({ valid: true, issues: [] });
    // A number outside the numbering plan is valid E.164 syntax: the rule's own (secondary) finding.
    const plan = { ...overlapping, devicePorts: undefined, device: { phoneNumber: '+99912345678' } };
    expect(validate(plan, { rules: { 'phone-number': 'off' } })).toMatchObject({ valid: true, issues: [] });
    expect(validate(plan, { rules: { 'phone-number': 'error' } }).issues.map((i) => i.severity)).toEqual(['warn']);
  });
});

describe('keywords stricter than the specification (x-beyond-spec)', () => {
  const sdk = { ...bases['qod-sdk'][1]!, colour: 'blue' };

  it('the SDK model allows unknown properties: valid while known-properties is off (its default)', () => {
    expect(validate(sdk, { dialect: 'qod-sdk' })).toMatchObject({ valid: true, issues: [] });
  });

  it.each([
    ['error', false],
    ['warn', true],
    ['info', true],
  ] as const)('turned on at %s, known-properties reports them at that severity', (level, valid) => {
    const report = validate(sdk, { dialect: 'qod-sdk', rules: { 'known-properties': level } });
    expect(report.valid).toBe(valid);
    expect(report.issues.map((i) => `${i.severity}:${i.ruleId}@${i.path}`)).toEqual([`${level}:known-properties@/colour`]);
  });

  it('1.2 forbids unknown properties: with known-properties off, the schema still rejects them', () => {
    const report = validate({ ...bases['qod-1.2'][0]!, colour: 'blue' }, { rules: { 'known-properties': 'off' } });
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => `${i.ruleId}:${i.messageId}@${i.path}`)).toEqual(['schema:unevaluatedProperties@/colour']);
  });
});

describe('the CLI keeps the floor', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'qod-floor-'));
    writeFileSync(join(dir, 'qod-policy.config.json'), JSON.stringify({ rules: { 'port-ranges': 'warn', 'duration-bounds': 'off' } }));
    writeFileSync(
      join(dir, 'body.json'),
      JSON.stringify({ device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, devicePorts: { ports: [70000] }, qosProfile: 'QOS_E', duration: 1e12 }, null, 2),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('port 70000 and duration 1e12 fail with port-ranges at warn and duration-bounds off (exit 1)', async () => {
    const result = await runCli(['lint', '--format', 'json', 'body.json'], { cwd: dir });
    expect(result.status).toBe(1);
    const [file] = JSON.parse(result.stdout) as { issues: Issue[] }[];
    expect(file!.issues.map((i) => `${i.severity}:${i.ruleId}:${i.messageId}@${i.path}`)).toEqual([
      'error:port-ranges:aboveMaximum@/devicePorts/ports/0',
      'error:schema:maximum@/duration',
    ]);
  });
});
