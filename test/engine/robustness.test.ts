// validate never throws and never mutates its input, whatever it is given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, toErrorInfo, validate, validateJson, type Policy } from '../../src/index.js';

const valid = {
  device: { phoneNumber: '+34600000001' },
  applicationServer: { ipv4Address: '198.51.100.0/24' },
  qosProfile: 'QOS_E',
  duration: 3600,
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const policy = {
  qosProfiles: [{ name: 'QOS_E', status: 'ACTIVE', minDuration: { value: 1, unit: 'Seconds' }, maxDuration: { value: 1, unit: 'Days' } }],
  resolveDevice: () => 'device-1',
} satisfies Policy;

describe('robustness', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an array', [valid]],
    ['a string', 'device'],
    ['a number beyond 2^53', 2 ** 60],
    ['a boolean', true],
    ['an empty object', {}],
    ['a function', () => 1],
    ['a symbol-keyed object', { [Symbol('x')]: 1 }],
  ])('reports %s as invalid without throwing', (_, payload) => {
    const report = validate(payload);
    expect(report.valid).toBe(false);
    expect(report.errorCount).toBeGreaterThan(0);
    expect(toErrorInfo(report)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT' });
  });

  it('accepts an object without prototype when it is a valid body', () => {
    expect(validate(Object.assign(Object.create(null), valid)).valid).toBe(true);
  });

  it('handles numbers beyond 2^53 in every numeric field', () => {
    const big = 2 ** 53 + 2;
    const report = validate({ ...valid, duration: big, devicePorts: { ports: [big], ranges: [{ from: big, to: -big }] } });
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => i.path)).toContain('/duration');
  });

  it('handles __proto__ and constructor keys from JSON text as plain unknown properties', () => {
    const text = JSON.stringify(valid).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":1},');
    const report = validateJson(text);
    expect(report.issues.filter((i) => i.ruleId === 'known-properties').map((i) => i.path)).toEqual(['/__proto__', '/constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not throw on getters that throw', () => {
    const hostile = { ...valid };
    Object.defineProperty(hostile, 'device', { enumerable: true, get() { throw new Error('no'); } });
    const report = validate(hostile);
    expect(report.valid).toBe(false);
    // Not JSON: a value that cannot be read is the caller's mistake, answered before any stage runs.
    expect(report.issues).toMatchObject([{ ruleId: 'limits', messageId: 'unreadable', path: '/device', status: 400, code: 'INVALID_ARGUMENT' }]);
    expect(report.issues[0]!.message).toContain('(no)');
  });

  it('does not throw on cyclic structures', () => {
    const cyclic: Record<string, unknown> = { ...valid, device: { phoneNumber: '+34600000001' } };
    (cyclic.device as Record<string, unknown>).self = cyclic;
    expect(() => validate(cyclic)).not.toThrow();
  });

  it('never throws and never mutates, for any JSON value (property)', () => {
    const { validate: run } = createValidator({ policy });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const before = JSON.stringify(value);
        const report = run(deepFreeze(value));
        expect(JSON.stringify(value)).toBe(before);
        expect(report.issues.length).toBeLessThanOrEqual(101);
        expect(report.valid).toBe(report.errorCount === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and never mutates for bodies close to valid (property)', () => {
    const { validate: run } = createValidator({ policy });
    // Strings without '{' so that a quoted value can't look like an unfilled {{ placeholder }}.
    const scalar = fc.oneof(fc.string().filter((t) => !t.includes('{')), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(2 ** 64));
    const field = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }).filter((k) => !k.includes('{')), scalar, { maxKeys: 4 }));
    const body = fc.record(
      {
        device: fc.oneof(field, fc.record({ phoneNumber: field, ipv4Address: fc.oneof(field, fc.record({ publicAddress: field, publicPort: field })), ipv6Address: field, networkAccessIdentifier: field }, { requiredKeys: [] })),
        applicationServer: fc.oneof(field, fc.record({ ipv4Address: field, ipv6Address: field, ipAddresses: fc.oneof(field, fc.array(field, { maxLength: 20 })) }, { requiredKeys: [] })),
        devicePorts: fc.oneof(field, fc.record({ ports: fc.array(fc.oneof(fc.integer(), scalar), { maxLength: 8 }), ranges: fc.array(fc.record({ from: fc.oneof(fc.integer(), scalar), to: fc.oneof(fc.integer(), scalar) }), { maxLength: 4 }) }, { requiredKeys: [] })),
        qosProfile: field,
        duration: fc.oneof(fc.integer(), scalar),
        sink: field,
        sinkCredential: fc.oneof(field, fc.record({ credentialType: fc.oneof(fc.constantFrom('ACCESSTOKEN', 'PRIVATE_KEY_JWT', 'PLAIN'), scalar), accessToken: field, accessTokenType: field, accessTokenExpiresUtc: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), scalar) }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(body, fc.boolean(), (value, tokenIdentifiesDevice) => {
        const before = JSON.stringify(value);
        const report = run(deepFreeze(value));
        expect(JSON.stringify(value)).toBe(before);
        expect(report.issues.every((i) => typeof i.message === 'string' && i.message.length > 0 && !i.message.includes('{{'))).toBe(true);
        expect(report.issues.every((i) => !(i.ruleId !== 'schema' && i.status === 500))).toBe(true);
        void tokenIdentifiesDevice;
      }),
      { numRuns: 500 },
    );
  });

  it('validateJson accepts any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const report = validateJson(bytes);
        expect(typeof report.valid).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['empty text', '', 'parse'],
    ['invalid UTF-8 bytes', new Uint8Array([0x7b, 0xff, 0x7d]), 'parse'],
    ['a truncated object', '{"device":', 'parse'],
    ['a number where an object is needed', '42', 'schema'],
    ['not text at all', 42 as unknown as string, 'parse'],
  ])('validateJson reports %s as one clear issue', (_, input, ruleId) => {
    const report = validateJson(input);
    expect(report.valid).toBe(false);
    expect(report.issues[0]).toMatchObject({ ruleId, path: '', status: 400, code: 'INVALID_ARGUMENT' });
  });

  it('validateJson reads a UTF-8 BOM and bytes', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + JSON.stringify(valid));
    expect(validateJson(bytes).valid).toBe(true);
  });
});

describe('bounded work on bad input', () => {
  it('reports thousands of bad list items as at most maxIssues issues (linear, not quadratic)', () => {
    const ipAddresses = Array.from({ length: 3000 }, (_, i) => `bad-${i}`);
    const report = validate({ applicationServer: { ipAddresses }, qosProfile: 'QOS_E', duration: 60 });
    expect(report.issues).toHaveLength(101);
    expect(report.issues.at(-1)?.ruleId).toBe('truncated');
    // Work stops once enough is known: the schema stage examined 4 failures per listed issue and
    // counted the rest, and the rules (whose findings would not be listed) did not run.
    expect(report.errorCount).toBeGreaterThanOrEqual(100);
    expect(report.issues.at(-1)?.data).toMatchObject({ maxIssues: 100 });
    expect(Number(report.issues.at(-1)?.data?.unexamined)).toBeGreaterThan(3000);
  });
});
