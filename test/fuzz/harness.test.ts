// The fuzz machinery itself: the run shares add up, every check fails on the input it is there to
// catch (a check that cannot fail proves nothing), and every bug the properties found has a
// regression test.
import { describe, expect, it } from 'vitest';
import { toErrorInfo, validate, validateJson, type Issue, type Report } from '../../src/index.js';
import { PROPERTIES } from './harness.js';
import { checkPaths, checkPrototypes, checkReport, checkUnchanged, snapshot } from './invariants.js';
import { checkPositions } from './text.js';

const issue = (overrides: Partial<Issue> = {}): Issue => ({
  ruleId: 'schema',
  messageId: 'type',
  severity: 'error',
  path: '/duration',
  message: 'duration must be an integer.',
  status: 400,
  code: 'INVALID_ARGUMENT',
  ...overrides,
});

const report = (issues: Issue[], overrides: Partial<Report> = {}): Report => ({
  valid: !issues.some((i) => i.severity === 'error'),
  dialect: 'qod-1.2',
  issues,
  errorCount: issues.filter((i) => i.severity === 'error').length,
  warningCount: issues.filter((i) => i.severity === 'warn').length,
  ...overrides,
});

describe('fuzz harness', () => {
  it('shares the runs of `npm run fuzz` out completely', () => {
    const total = Object.values(PROPERTIES).reduce((sum, p) => sum + p.share, 0);
    expect(total).toBeCloseTo(1, 9);
  });

  it('accepts a well-formed report', () => {
    expect(() => checkReport(report([issue(), issue({ severity: 'warn', path: '' })]))).not.toThrow();
  });

  it.each<[string, Report]>([
    ['valid with an error', report([issue()], { valid: true })],
    ['an error count that disagrees', report([issue()], { errorCount: 2 })],
    ['a warning count that disagrees', report([issue({ severity: 'warn' })], { warningCount: 0 })],
    ['an unknown severity', report([issue({ severity: 'fatal' as 'error' })])],
    ['a path that is not a pointer', report([issue({ path: 'duration' })])],
    ['a pointer with a bad escape', report([issue({ path: '/a~2' })])],
    ['a raw line break in a message', report([issue({ message: 'a\nforged line' })])],
    ['a raw C1 control in a message', report([issue({ message: 'a\u0085b' })])],
    ['a message that echoes the input', report([issue({ message: 'x'.repeat(5000) })])],
    ['an internal error', report([issue({ status: 500, code: 'INTERNAL' })])],
    ['an undocumented field', report([{ ...issue(), extra: 1 } as Issue])],
    ['data holding an object', report([issue({ data: { nested: {} as unknown as string } })])],
    ['a line of 0', report([issue({ line: 0 })])],
    ['more than maxIssues without a notice', report(Array.from({ length: 101 }, () => issue()))],
  ])('rejects %s', (_, bad) => {
    expect(() => checkReport(bad)).toThrow();
  });

  it('checks paths against the input: members, items and holes resolve, nothing else does', () => {
    const input = { device: { phoneNumber: '+1' }, ports: [1, , 3], 'a/b': { '~': 1 } };
    expect(() => checkPaths(input, report([issue({ path: '/device/phoneNumber' }), issue({ path: '/ports/1' }), issue({ path: '/a~1b/~0' })]))).not.toThrow();
    for (const path of ['/device/imei', '/ports/3', '/ports/01', '/device/phoneNumber/0', '/a/b']) {
      expect(() => checkPaths(input, report([issue({ path })])), path).toThrow();
    }
  });

  it('accepts an unreadable path only for the limits finding that says so', () => {
    const input = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    expect(() => checkPaths(input, report([issue({ ruleId: 'limits', messageId: 'unreadable', path: '/x' })]))).not.toThrow();
    expect(() => checkPaths(input, report([issue({ path: '/x' })]))).toThrow();
  });

  it('sees any change to the input, getters and cycles included, without calling a getter', () => {
    const make = () => {
      const body: Record<string, unknown> = { list: [1, 2], nested: { a: 'b' } };
      body.self = body;
      Object.defineProperty(body, 'trap', { enumerable: true, configurable: true, get: () => { throw new Error('read'); } });
      return body;
    };
    const changes: ((body: Record<string, unknown>) => void)[] = [
      (body) => ((body.nested as Record<string, unknown>).a = 'c'),
      (body) => (body.list as unknown[]).push(3),
      (body) => (body.added = 1),
      (body) => Object.defineProperty(body, 'trap', { get: () => 1 }),
      (body) => Object.setPrototypeOf(body.nested, null),
      (body) => Object.freeze(body.list),
    ];
    for (const change of changes) {
      const body = make();
      const before = snapshot(body);
      expect(() => checkUnchanged(before, snapshot(body))).not.toThrow();
      change(body);
      expect(() => checkUnchanged(before, snapshot(body)), change.toString()).toThrow();
    }
  });

  it('sees a polluted Object.prototype', () => {
    expect(() => checkPrototypes()).not.toThrow();
    Object.defineProperty(Object.prototype, 'pollutedByTheHarnessTest', { value: true, configurable: true, enumerable: true, writable: true });
    let threw = false;
    try {
      checkPrototypes();
    } catch {
      threw = true;
    } finally {
      delete (Object.prototype as Record<string, unknown>).pollutedByTheHarnessTest;
    }
    expect(threw).toBe(true);
    expect(() => checkPrototypes()).not.toThrow();
  });

  it('sees a position outside the text, and a missing one', () => {
    expect(() => checkPositions('{}\n', report([issue({ line: 1, column: 1, endLine: 1, endColumn: 3 })]), true)).not.toThrow();
    expect(() => checkPositions('{}', report([issue({ line: 3, column: 1, endLine: 3, endColumn: 2 })]))).toThrow();
    expect(() => checkPositions('{}', report([issue({ line: 1, column: 2, endLine: 1, endColumn: 1 })]))).toThrow();
    expect(() => checkPositions('{}', report([issue()]), true)).toThrow();
  });
});

describe('bugs the fuzz properties found, fixed (each reproduced the bug before its fix)', () => {
  const body = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 60 };
  const statuses = (payload: unknown) => validate(payload).issues.map((i) => i.status);

  it('two UTF-8 BOMs: bytes and the same text as a string get the same answer', () => {
    const text = `\uFEFF\uFEFF${JSON.stringify(body)}`;
    expect(validateJson(new TextEncoder().encode(text)).valid).toBe(validateJson(text).valid);
    expect(validateJson(text).valid).toBe(false);
  });

  it('a non-enumerable getter that throws: a 400, not a 500', () => {
    const hostile = Object.defineProperty({ ...body }, 'device', { enumerable: false, get: () => { throw new Error('x'); } });
    expect(statuses(hostile)).not.toContain(500);
    expect(toErrorInfo(validate(hostile))?.status ?? 200).not.toBe(500);
  });

  it('an array Proxy whose has trap throws: no 500', () => {
    const ports = new Proxy([80], { has: () => { throw new Error('has'); } });
    expect(statuses({ ...body, devicePorts: { ports } })).not.toContain(500);
  });

  it('a getter that answers the limits walk plainly and then a 10 MB sink: a 400, not a 500', () => {
    let reads = 0;
    const hostile = Object.defineProperty({ ...body }, 'sink', { enumerable: true, get: () => (reads++ === 0 ? 'https://a.example/' : `https://a.example/${'a/'.repeat(5_000_000)}`) });
    const report = validate(hostile);
    expect(report.issues.map((i) => i.status)).not.toContain(500);
    expect(toErrorInfo(report)).toMatchObject({ status: 400 });
  });

  it.each([
    ['qos-profile', { ...body, qosProfile: 'QOS\nE' }, { policy: { qosProfiles: [{ name: 'QOS_E' }] } }],
    ['phone-number', { ...body, device: { phoneNumber: '+34\u0085600000001' } }, {}],
    ['sink', { ...body, sink: 'https://a.example/\u0085' }, {}],
    ['ip-address', { ...body, applicationServer: { ipv4Address: '\u2028198.51.100.0/24' } }, {}],
  ])('%s quotes a control character escaped', (ruleId, input, options) => {
    const found = validate(input, options).issues.find((i) => i.ruleId === ruleId)!;
    expect(found.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});
