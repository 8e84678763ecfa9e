import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createValidator, defineRule, toErrorInfo, validate, type Plugin } from '../../src/index.js';

const valid = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };

/** A test plugin whose rule reports a fixed finding at a fixed path. */
function fixed(status: number, code: string, path: string): Plugin {
  return {
    name: 'fixed',
    rules: {
      finding: defineRule({
        meta: { docs: { description: 'test' }, messages: { here: 'Here at {{ path }}.' }, status, code },
        check(_, ctx) {
          ctx.report({ messageId: 'here', path, data: { path } });
        },
      }),
    },
  };
}

describe('report', () => {
  it('is valid with no issues for a valid body, and toErrorInfo is undefined', () => {
    const report = validate(valid);
    expect(report).toEqual({ valid: true, dialect: 'qod-1.2', issues: [], errorCount: 0, warningCount: 0 });
    expect(toErrorInfo(report)).toBeUndefined();
  });

  it('toErrorInfo answers the lowest status first (a 400 before a 422)', () => {
    const report = validate({ ...valid, extra: 1 }, { plugins: [fixed(422, 'MISSING_IDENTIFIER', '/applicationServer')] });
    expect(report.issues.map((i) => i.status)).toEqual([422, 400]);
    expect(toErrorInfo(report)).toEqual({
      status: 400,
      code: 'INVALID_ARGUMENT',
      message: "The request body has the property 'extra', which this API version does not declare.",
    });
  });

  it('toErrorInfo takes document order among equal statuses', () => {
    const body = { zeta: 1, ...valid, alpha: 2 };
    expect(toErrorInfo(validate(body))?.message).toContain("'zeta'");
  });

  it('toErrorInfo ignores warnings', () => {
    const report = validate(valid, { plugins: [fixed(400, 'X', '')], rules: { 'fixed/finding': 'warn' } });
    expect(report.valid).toBe(true);
    expect(report.warningCount).toBe(1);
    expect(toErrorInfo(report)).toBeUndefined();
  });

  it('sorts issues in document order: keys as written, array items by number', () => {
    const ports = Array.from({ length: 12 }, (_, i) => ({ from: 1, to: 2, ['x' + i]: 1 }));
    const report = validate({ qosProfile: 'QOS_E', devicePorts: { ranges: ports }, applicationServer: { ipv4Address: '198.51.100.0/24', z: 1 }, duration: 1 });
    const paths = report.issues.filter((i) => i.ruleId === 'known-properties').map((i) => i.path);
    expect(paths.slice(0, 3)).toEqual(['/devicePorts/ranges/0/x0', '/devicePorts/ranges/1/x1', '/devicePorts/ranges/2/x2']);
    expect(paths.indexOf('/devicePorts/ranges/10/x10')).toBeGreaterThan(paths.indexOf('/devicePorts/ranges/9/x9'));
    expect(paths.at(-1)).toBe('/applicationServer/z');
  });

  it('reports at most maxIssues issues, then one truncation issue, and counts all', () => {
    const body: Record<string, unknown> = { ...valid };
    for (let i = 0; i < 150; i++) body[`extra${i}`] = i;
    const report = validate(body);
    expect(report.issues).toHaveLength(101);
    expect(report.errorCount).toBe(150);
    expect(report.issues[100]).toMatchObject({ ruleId: 'truncated', severity: 'info', data: { omitted: 50, maxIssues: 100 } });
    expect(validate(body, { maxIssues: 5 }).issues).toHaveLength(6);
  });

  it('fills every issue field the contract names', () => {
    const [issue] = validate({ ...valid, duration: 'long' }).issues;
    expect(issue).toEqual({
      ruleId: 'schema',
      messageId: 'type',
      severity: 'error',
      path: '/duration',
      message: 'duration must be an integer, not a string.',
      data: { expected: 'integer', actual: 'string' },
      status: 400,
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('dialects', () => {
  const sdk = { device: { phone_number: '+34600000001' }, qos_profile: 'QOS_VC' };

  it.each([
    ['snake_case top-level keys', sdk, 'qod-sdk'],
    ['snake_case device keys only', { device: { ipv4_address: { public_address: '84.125.93.10', public_port: 1 } } }, 'qod-sdk'],
    ['camelCase keys', valid, 'qod-1.2'],
    ['nothing to go by', {}, 'qod-1.2'],
    ['not an object', 'x', 'qod-1.2'],
  ])('auto detects %s', (_, body, dialect) => {
    expect(validate(body, { dialect: 'auto' }).dialect).toBe(dialect);
    expect(createValidator({ dialect: 'auto' }).validate(body).dialect).toBe(dialect);
  });

  it('judges as qod-1.2, the newest CAMARA dialect, unless told otherwise: a snake_case body is rejected, not detected', () => {
    const report = validate(sdk);
    expect(report).toMatchObject({ valid: false, dialect: 'qod-1.2' });
    expect(createValidator().validate(sdk).dialect).toBe('qod-1.2');
    expect(createValidator({}).validate(sdk).dialect).toBe('qod-1.2');
    expect(toErrorInfo(report)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT' });
  });

  it('accepts the minimal SDK body (device and qos_profile)', () => {
    expect(validate(sdk, { dialect: 'qod-sdk' })).toMatchObject({ valid: true, dialect: 'qod-sdk' });
    expect(validate(sdk, { dialect: 'auto' })).toMatchObject({ valid: true, dialect: 'qod-sdk' });
  });

  it('uses the dialect it is told even when the keys say otherwise', () => {
    const report = validate(sdk, { dialect: 'qod-1.2' });
    expect(report.dialect).toBe('qod-1.2');
    // A parent sorts before its children, so the missing root properties come first.
    expect(report.issues.filter((i) => ['schema', 'known-properties'].includes(i.ruleId)).map((i) => `${i.ruleId}@${i.path}`)).toEqual([
      'schema@',
      'schema@',
      'schema@',
      'known-properties@/device/phone_number',
      'known-properties@/qos_profile',
    ]);
  });

  it('requires device and qos_profile in the SDK dialect, not application_server', () => {
    const report = validate({ application_server: { ipv4_address: '198.51.100.1' } }, { dialect: 'auto' });
    expect(report.dialect).toBe('qod-sdk');
    expect(report.issues.map((i) => `${i.messageId}@${i.path}:${String(i.data?.property)}`)).toEqual(['required@:device', 'required@:qos_profile']);
  });
});

describe('document order', () => {
  // An independent oracle: each pointer's ranks by a plain walk, compared level by level.
  function ranksOf(body: unknown, pointer: string): number[] {
    const ranks: number[] = [];
    let node = body;
    for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      let rank = Number.MAX_SAFE_INTEGER;
      if (Array.isArray(node)) {
        if (/^(0|[1-9]\d*)$/.test(segment)) rank = Number(segment);
      } else if (node !== null && typeof node === 'object' && Object.keys(node).includes(segment)) {
        rank = Object.keys(node).indexOf(segment);
      }
      ranks.push(rank);
      node = rank === Number.MAX_SAFE_INTEGER || node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[segment];
    }
    return ranks;
  }
  function expectedOrder(body: unknown, found: [string, string][]): string[] {
    const compare = (a: number[], b: number[]) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return a.length - b.length;
    };
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...found]
      .sort(([a, x], [b, y]) => compare(ranksOf(body, a), ranksOf(body, b)) || text(a, b) || text(x, y))
      .map(([path, id]) => `${path} ${id}`);
  }

  it('orders findings at any pointers as a plain walk of the body does (deep, long lists, escaped keys, nowhere)', () => {
    const long = Array.from({ length: 1500 }, (_, i) => i);
    // A body the SDK dialect accepts (it allows undeclared keys): the findings are the plugin's alone,
    // so that the check of findings already in order is exercised as much as the sorting.
    const body = {
      device: { phone_number: '+34600000001' },
      qos_profile: 'QOS_VC',
      'a/b': { '~k': [0, { deep: { er: { est: { x: [1, 2] } } } }] },
      list: long,
      // More keys than an object's keys are searched for (an index is made for it).
      many: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${19 - i}`, i])),
      duration: 3600,
      application_server: { ipv4_address: '198.51.100.0/24' },
    };
    const pointer = fc.constantFrom(
      '',
      '/qos_profile',
      '/device/phone_number',
      '/a~1b',
      '/a~1b/~0k',
      '/a~1b/~0k/0',
      '/a~1b/~0k/1/deep/er/est/x/1',
      '/a~1b/~0k/1/deep/er/est/x/0',
      '/a~1b/~0k/1/deep/er/est',
      '/list/0',
      '/list/2',
      '/list/10',
      '/list/1022',
      '/list/1023',
      '/list/1499',
      '/list/01',
      '/list/-',
      '/nowhere',
      '/nowhere/0',
      '/many/k3',
      '/many/k17',
      '/many/k19',
      '/many/k0',
      '/many/zz',
      '/duration',
      '/application_server/ipv4_address',
      '/application_server',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(pointer, fc.constantFrom('first', 'second')), { minLength: 2, maxLength: 12 }), (found) => {
        const plugin: Plugin = {
          name: 'at',
          rules: {
            paths: defineRule({
              meta: { docs: { description: 'test' }, messages: { first: 'First.', second: 'Second.' }, status: 400, code: 'INVALID_ARGUMENT' },
              check(_, ctx) {
                for (const [path, messageId] of found) ctx.report({ messageId, path });
              },
            }),
          },
        };
        const { issues } = validate(body, { dialect: 'qod-sdk', plugins: [plugin] });
        expect(issues.every((i) => i.ruleId === 'at/paths')).toBe(true);
        const reported = issues.map((i) => `${i.path} ${i.messageId}`);
        expect(reported).toEqual(expectedOrder(body, found));
      }),
      { numRuns: 500 },
    );
  });
});
