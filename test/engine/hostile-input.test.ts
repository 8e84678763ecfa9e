// Hostile input (issue 7): every promise of the public API holds whatever an attacker sends, and
// bad input costs little. Each case here broke an earlier version.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createValidator, toErrorInfo, validate, validateAsync, validateJson, type DialectId, type Report } from '../../src/index.js';

const valid = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 60 };
const RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function wellFormed(report: Report): void {
  expect(typeof report.valid).toBe('boolean');
  expect(report.errorCount).toBe(report.issues.filter((i) => i.severity === 'error').length);
  for (const issue of report.issues) {
    expect(typeof issue.message).toBe('string');
    expect(RAW.test(issue.message)).toBe(false);
  }
}

describe('byte-order marks', () => {
  it.each([1, 2, 3, 10])('%i leading BOMs in text or bytes: a finding, never a throw', (count) => {
    const text = `${'\uFEFF'.repeat(count)}{}`;
    const bytes = new TextEncoder().encode(text);
    for (const input of [text, bytes]) {
      const report = validateJson(input);
      wellFormed(report);
      expect(report.valid).toBe(false);
    }
  });
});

describe('values that throw while being read', () => {
  const nullProto = Object.create(null) as object;
  const throwingMessage = {
    get message(): string {
      throw nullProto;
    },
  };
  const throwers: [string, unknown][] = [
    ['a null-prototype object', nullProto],
    ['an object whose message getter throws', throwingMessage],
    ['a symbol', Symbol('x')],
    ['undefined', undefined],
    ['a Proxy that throws on every trap', new Proxy({}, { get: () => { throw nullProto; } })],
  ];
  const hostiles = (thrown: unknown): [string, unknown][] => [
    ['a getter at the top', Object.defineProperty({ ...valid }, 'device', { enumerable: true, get: () => { throw thrown; } })],
    ['a getter deep inside', { ...valid, device: Object.defineProperty({}, 'phoneNumber', { enumerable: true, get: () => { throw thrown; } }) }],
    ['a Proxy whose ownKeys trap throws', new Proxy({}, { ownKeys: () => { throw thrown; } })],
    ['a Proxy whose get trap throws', new Proxy({ ...valid }, { get: () => { throw thrown; } })],
  ];
  for (const [thrownName, thrown] of throwers) {
    for (const [name, payload] of hostiles(thrown)) {
      it(`${name} throwing ${thrownName}: validate answers 400, validateAsync resolves`, async () => {
        let report: Report | undefined;
        expect(() => (report = validate(payload))).not.toThrow();
        wellFormed(report!);
        expect(toErrorInfo(report!)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT' });
        let promise: Promise<Report> | undefined;
        expect(() => (promise = validateAsync(payload))).not.toThrow();
        await expect(promise).resolves.toMatchObject({ valid: false });
      });
    }
  }
});

describe('huge strings never reach a regular expression', () => {
  it.each([
    ['sink', { ...valid, sink: `https://a.example/${'a/'.repeat(5_000_000)}` }],
    ['tokenUri', { ...valid, sinkCredential: { credentialType: 'PRIVATE_KEY_JWT', tokenUri: `https://x/${'1'.repeat(30_000_000)}` } }],
    ['phone number', { ...valid, device: { phoneNumber: `+${'1'.repeat(10_000_000)}` } }],
  ])('a multi-megabyte %s is a 400 finding, not a 500', (_, body) => {
    const report = validate(body);
    wellFormed(report);
    expect(report.issues.some((i) => i.status === 500)).toBe(false);
    expect(toErrorInfo(report)).toMatchObject({ status: 400 });
  });

  it('every other finding survives a check that fails (no finding is replaced by an internal error)', () => {
    const report = validate({ ...valid, duration: 0, sink: 'https://a.example/x' }, { limits: { maxStringLength: 10 } });
    expect(report.issues.map((i) => i.ruleId)).toEqual(['limits']);
    const within = validate({ ...valid, duration: 0, sink: 'ftp://a.example/x' });
    expect(within.issues.map((i) => i.ruleId).sort()).toEqual(['duration-bounds', 'sink']);
  });
});

describe('work is bounded by the limits, not by the input', () => {
  it('a sparse array with a length in the millions is one finding, read without touching its items', () => {
    const ports: number[] = [];
    ports.length = 50_000_000;
    const items = new Proxy(ports, { get: (target, key) => { if (typeof key === 'string' && /^\d+$/.test(key)) throw new Error('an item was read'); return Reflect.get(target, key); } });
    const report = validate({ ...valid, devicePorts: { ports: items } });
    expect(report.issues).toMatchObject([{ ruleId: 'limits', messageId: 'maxArrayLength', path: '/devicePorts/ports', data: { actual: 50_000_000, max: 65536 } }]);
  });

  it.each([
    ['maxDepth', { ...valid, device: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as object }],
    ['maxProperties', { ...valid, ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])) }],
    ['maxStringLength', { ...valid, ['k'.repeat(20_000)]: 1 }],
  ])('%s: one finding, nothing else checked', (limit, body) => {
    const report = validate(body);
    expect(report.issues.map((i) => `${i.ruleId}:${i.messageId}`)).toEqual([`limits:${limit}`]);
  });

  it('a cycle is caught by the depth limit', () => {
    const cyclic: Record<string, unknown> = { ...valid };
    cyclic.device = cyclic;
    expect(validate(cyclic).issues.map((i) => i.messageId)).toEqual(['maxDepth']);
  });

  it('the limits can be raised or lowered', () => {
    expect(validate(valid, { limits: { maxValues: 3 } }).issues.map((i) => i.messageId)).toEqual(['maxValues']);
    const deep = { ...valid, device: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as object };
    expect(validate(deep, { limits: { maxDepth: 50 } }).issues.map((i) => i.ruleId)).not.toContain('limits');
  });
});

describe('untrusted keys in messages', () => {
  it.each([
    ['a 1 MB key', 'k'.repeat(1_000_000), { maxStringLength: 2_000_000 }],
    ['a key with control characters', 'evil\r\n::error file=x::forged\u001b[31m', undefined],
  ])('%s is quoted short and escaped in the message a client gets', (_, key, limits) => {
    const report = validate({ ...valid, [key]: 1 }, limits ? { limits } : {});
    const info = toErrorInfo(report)!;
    expect(info.message.length).toBeLessThan(200);
    expect(RAW.test(info.message)).toBe(false);
    expect(report.issues[0]!.data?.property).toBe(info.message.match(/'([^']*)'/)![1]);
  });

  it('device keys that are not identifiers are listed short and escaped', () => {
    const report = validate({ ...valid, device: { ['x\n'.repeat(100)]: 1 } }, { rules: { 'known-properties': 'off' } });
    for (const issue of report.issues) expect(RAW.test(issue.message)).toBe(false);
  });
});

describe('plugin rules cannot change the caller’s input', () => {
  it('a rule that writes everywhere it can reach through the model leaves the body as it was', () => {
    const vandal = {
      meta: { docs: { description: 'writes everywhere' }, messages: { x: 'x' }, status: 400, code: 'INVALID_ARGUMENT' },
      check(model: unknown) {
        const seen = new Set<unknown>();
        const wreck = (value: unknown): void => {
          if (typeof value !== 'object' || value === null || seen.has(value)) return;
          seen.add(value);
          for (const key of Object.keys(value)) {
            wreck((value as Record<string, unknown>)[key]);
            try {
              (value as Record<string, unknown>)[key] = 'overwritten';
            } catch {
              // frozen: fine
            }
          }
          if (Array.isArray(value)) value.push('added');
        };
        wreck(model);
      },
    };
    const body = structuredClone({ ...valid, device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000 } }, applicationServer: { ipAddresses: ['198.51.100.1'] }, devicePorts: { ranges: [{ from: 1, to: 2 }], ports: [80] } });
    const before = structuredClone(body);
    validate(body, { plugins: [{ name: 'evil', rules: { vandal } }] });
    expect(body).toEqual(before);
  });
});

describe('holes in arrays', () => {
  it('a hole in a port list is named as nothing, not "a undefined"', () => {
    const ports: number[] = [80];
    ports.length = 3;
    const report = validate({ ...valid, devicePorts: { ports } });
    const message = report.issues.find((i) => i.path === '/devicePorts/ports/1')!.message;
    expect(message).toContain('not nothing');
    expect(message).not.toContain('a undefined');
  });
});

describe('every quoted value is escaped, whatever field it is in', () => {
  // Every string of every valid fixture, in turn, replaced by values carrying characters that would
  // forge a line or colour a terminal: no message may hold them raw (data holds the facts as they
  // are; it reaches people only through a serialiser that escapes them).
  const RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  const root = join(import.meta.dirname, '..', '..', 'fixtures');
  const stringPaths = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
    if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
    return [];
  };
  const replaced = (body: unknown, path: (string | number)[], text: string): unknown => {
    const copy = structuredClone(body) as Record<string | number, unknown>;
    let node = copy;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    node[path.at(-1)!] = text;
    return copy;
  };
  const dialectsWithFixtures = readdirSync(root) as DialectId[];

  it.each(dialectsWithFixtures)('%s', (dialect) => {
    const validator = createValidator({ dialect });
    for (const file of readdirSync(join(root, dialect, 'valid'))) {
      const body: unknown = JSON.parse(readFileSync(join(root, dialect, 'valid', file), 'utf8'));
      for (const path of stringPaths(body)) {
        const original = String(path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown>)[segment], body));
        for (const text of [`\u2028${original}`, `${original}\u0085`, `${original}\r\n::error::x\u001b[31m`]) {
          for (const issue of validator.validate(replaced(body, path, text)).issues) {
            const where = `${dialect}/${file} ${path.join('.')}: ${issue.ruleId}/${issue.messageId}`;
            expect(issue.message, where).not.toMatch(RAW);
          }
        }
      }
    }
  });
});
