import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { createValidator, validateJson, type DialectId } from '../../src/index.js';
import { _internals } from '../../src/rules/port-ranges.js';
import { findOverlaps } from '../../src/rules/utils/port-overlaps.js';
import type { PortsModel } from '../../src/model/types.js';
import { fixAt } from '../helpers/fixes.js';
import { ruleTester, type ExpectedIssue } from '../helpers/rule-tester.js';
import { fieldName } from '../../src/shared/messages.js';

// The sweep, watched: the fast-path tests below count its calls (it still does its work).
vi.mock('../../src/rules/utils/port-overlaps.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/rules/utils/port-overlaps.js')>();
  return { ...original, findOverlaps: vi.fn(original.findOverlaps) };
});

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const withPorts = (devicePorts: unknown, extra: Record<string, unknown> = {}) => ({ ...base, devicePorts, ...extra });
const sdk = (extra: Record<string, unknown>) => ({ device: { phone_number: '+34600000000' }, qos_profile: 'QOS_VC', ...extra });

const manyDuplicates: ExpectedIssue[] = [
  ...Array.from({ length: 100 }, (_, i) => ({ messageId: 'duplicatePort', path: `/devicePorts/ports/${i + 1}` })),
  { messageId: 'moreFindings', path: '/devicePorts', severity: 'warn' as const, data: { count: 49, limit: 100 }, message: 'devicePorts has 49 more port findings that are not listed (at most 100 are listed per ports object).' },
];
// The engine lists the list-level finding before the entries inside the list (document order).
manyDuplicates.unshift(manyDuplicates.pop()!);

ruleTester('port-ranges', {
  valid: [
    { name: 'ranges and ports that do not overlap', body: withPorts({ ranges: [{ from: 5010, to: 5020 }, { from: 6000, to: 6010 }], ports: [5060, 5070] }) },
    { name: 'adjacent ranges do not overlap', body: withPorts({ ranges: [{ from: 5000, to: 5010 }, { from: 5011, to: 5020 }] }) },
    { name: 'a range of one port', body: withPorts({ ranges: [{ from: 5060, to: 5060 }] }) },
    { name: 'the bounds 1 and 65535 in 1.2', body: withPorts({ ranges: [{ from: 1, to: 65535 }] }) },
    { name: 'the same port in devicePorts and applicationServerPorts', body: withPorts({ ports: [443] }, { applicationServerPorts: { ports: [443] } }) },
    { name: 'a public port within bounds', body: { ...base, device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 65535 } } } },
    { name: 'ports of the wrong type (the schema reports them)', body: withPorts({ ranges: [{ from: '1', to: 2.5 }], ports: [null, 'x', 1.5] }) },
    { name: 'SDK: port 0 is allowed', body: sdk({ device_ports: { ports: [20], ranges: [{ from: 0, to: 10 }] }, device: { ipv4_address: { public_address: '84.125.93.10', public_port: 0 } } }) },
    { name: 'the rule turned off', body: withPorts({ ports: [0, 0] }), options: { rules: { 'port-ranges': 'off' } } },
  ],
  invalid: [
    {
      name: 'reports belowMinimum for port 0 in 1.2',
      body: withPorts({ ports: [0] }),
      errors: [{ messageId: 'belowMinimum', path: '/devicePorts/ports/0', severity: 'error', status: 400, code: 'OUT_OF_RANGE', data: { value: 0, min: 1, dialect: 'qod-1.2' }, message: 'devicePorts.ports[0] is 0; the lowest port qod-1.2 accepts is 1.' }],
    },
    {
      name: 'reports aboveMaximum for 65536',
      body: withPorts({ ports: [65536] }),
      errors: [{ messageId: 'aboveMaximum', path: '/devicePorts/ports/0', data: { value: 65536, max: 65535 } }],
    },
    {
      name: 'reports bounds on range ends and the public port',
      body: withPorts({ ranges: [{ from: 0, to: 70000 }] }, { device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 0 } } }),
      errors: [
        { messageId: 'belowMinimum', path: '/devicePorts/ranges/0/from' },
        { messageId: 'aboveMaximum', path: '/devicePorts/ranges/0/to' },
        { messageId: 'belowMinimum', path: '/device/ipv4Address/publicPort' },
      ],
    },
    {
      name: 'reports huge and negative integers',
      body: withPorts({ ports: [1e300, -1] }),
      errors: [
        { messageId: 'aboveMaximum', path: '/devicePorts/ports/0', data: { value: 1e300 } },
        { messageId: 'belowMinimum', path: '/devicePorts/ports/1', data: { value: -1 } },
      ],
    },
    {
      name: 'reports reversedRange with OUT_OF_RANGE',
      body: withPorts({ ranges: [{ from: 5020, to: 5010 }] }),
      errors: [{ messageId: 'reversedRange', path: '/devicePorts/ranges/0', severity: 'error', code: 'OUT_OF_RANGE', data: { from: 5020, to: 5010 }, message: 'Invalid port range specified: devicePorts.ranges[0] runs from 5020 down to 5010' }],
    },
    {
      name: 'reports duplicatePort as a warning at the repeat',
      body: withPorts({ ports: [5060, 5070, 5060] }),
      errors: [{ messageId: 'duplicatePort', path: '/devicePorts/ports/2', severity: 'warn', status: 400, code: 'OUT_OF_RANGE', data: { port: 5060, firstField: 'devicePorts.ports[0]' }, message: 'devicePorts.ports[2] repeats port 5060, already listed at devicePorts.ports[0].' }],
    },
    {
      name: 'reports every repeat against the first occurrence',
      body: withPorts({ ports: [7, 7, 7] }),
      errors: [
        { messageId: 'duplicatePort', path: '/devicePorts/ports/1', data: { firstField: 'devicePorts.ports[0]' } },
        { messageId: 'duplicatePort', path: '/devicePorts/ports/2', data: { firstField: 'devicePorts.ports[0]' } },
      ],
    },
    {
      name: 'reports duplicateRange',
      body: withPorts({ ranges: [{ from: 5000, to: 5010 }, { from: 5000, to: 5010 }] }),
      errors: [{ messageId: 'duplicateRange', path: '/devicePorts/ranges/1', severity: 'warn', data: { from: 5000, to: 5010, firstField: 'devicePorts.ranges[0]' }, message: 'devicePorts.ranges[1] repeats the port range 5000-5010 of devicePorts.ranges[0].' }],
    },
    {
      name: 'reports overlappingRanges once, with the shared ports',
      body: withPorts({ ranges: [{ from: 5000, to: 5100 }, { from: 5050, to: 5200 }] }),
      errors: [{ messageId: 'overlappingRanges', path: '/devicePorts/ranges/1', severity: 'warn', data: { otherField: 'devicePorts.ranges[0]', start: 5050, end: 5100 }, message: 'devicePorts.ranges[1] (5050-5200) overlaps devicePorts.ranges[0] (5000-5100) on ports 5050-5100.' }],
    },
    {
      name: 'reports an overlap at the later range even when it starts first',
      body: withPorts({ ranges: [{ from: 5050, to: 5060 }, { from: 5000, to: 5100 }] }),
      errors: [{ messageId: 'overlappingRanges', path: '/devicePorts/ranges/1', data: { otherField: 'devicePorts.ranges[0]', start: 5050, end: 5060 } }],
    },
    {
      name: 'reports ranges touching at one port',
      body: withPorts({ ranges: [{ from: 5000, to: 5010 }, { from: 5010, to: 5020 }] }),
      errors: [{ messageId: 'overlappingRanges', path: '/devicePorts/ranges/1', data: { start: 5010, end: 5010 } }],
    },
    {
      name: 'reports portInRange',
      body: withPorts({ ranges: [{ from: 5000, to: 5100 }], ports: [5050, 6000] }),
      errors: [{ messageId: 'portInRange', path: '/devicePorts/ports/0', severity: 'warn', data: { port: 5050, rangeField: 'devicePorts.ranges[0]', from: 5000, to: 5100 }, message: 'devicePorts.ports[0] (port 5050) lies inside the range devicePorts.ranges[0] (5000-5100).' }],
    },
    {
      name: 'leaves reversed and out-of-bounds ranges out of overlap checks',
      body: withPorts({ ranges: [{ from: 5100, to: 5000 }, { from: 0, to: 5050 }], ports: [5050] }),
      errors: [
        { messageId: 'reversedRange', path: '/devicePorts/ranges/0' },
        { messageId: 'belowMinimum', path: '/devicePorts/ranges/1/from' },
      ],
    },
    {
      name: 'an end out of bounds leaves the range out of the order check',
      body: withPorts({ ranges: [{ from: 70000, to: 80 }, { from: 90, to: 0 }] }),
      errors: [
        { messageId: 'aboveMaximum', path: '/devicePorts/ranges/0/from' },
        { messageId: 'belowMinimum', path: '/devicePorts/ranges/1/to' },
      ],
    },
    {
      name: 'a range missing an end is the schema\'s finding; the other entries are still checked',
      body: withPorts({ ranges: [{ from: 5000 }, { to: 5030 }, { from: 5010, to: 5020 }], ports: [5015] }),
      errors: [{ messageId: 'portInRange', path: '/devicePorts/ports/0', data: { rangeField: 'devicePorts.ranges[2]' } }],
    },
    {
      name: 'the highest port, inside a range that ends there',
      body: withPorts({ ranges: [{ from: 65530, to: 65535 }], ports: [65535] }),
      errors: [{ messageId: 'portInRange', path: '/devicePorts/ports/0', data: { port: 65535 } }],
    },
    {
      name: 'the highest port twice, and the lowest twice',
      body: withPorts({ ports: [65535, 1, 65535, 1] }),
      errors: [
        { messageId: 'duplicatePort', path: '/devicePorts/ports/2', data: { port: 65535 } },
        { messageId: 'duplicatePort', path: '/devicePorts/ports/3', data: { port: 1 } },
      ],
    },
    {
      name: 'checks applicationServerPorts too, as its own list',
      body: withPorts({ ports: [80] }, { applicationServerPorts: { ranges: [{ from: 80, to: 90 }, { from: 85, to: 95 }], ports: [80] } }),
      errors: [
        { messageId: 'overlappingRanges', path: '/applicationServerPorts/ranges/1' },
        { messageId: 'portInRange', path: '/applicationServerPorts/ports/0' },
      ],
    },
    {
      name: 'keeps positions of the body when entries of the wrong type are skipped',
      body: withPorts({ ports: ['x', 5060, null, 5060] }),
      errors: [{ messageId: 'duplicatePort', path: '/devicePorts/ports/3', data: { firstField: 'devicePorts.ports[1]' } }],
    },
    {
      name: 'lists at most 100 findings per list, then counts the rest',
      body: withPorts({ ports: Array.from({ length: 150 }, () => 5060) }),
      options: { maxIssues: 1000 },
      errors: manyDuplicates,
    },
    {
      name: 'SDK: reports belowMinimum with the SDK bound 0',
      body: sdk({ device_ports: { ports: [-1] } }),
      options: { dialect: 'qod-sdk' },
      errors: [{ messageId: 'belowMinimum', path: '/device_ports/ports/0', data: { min: 0, dialect: 'qod-sdk' } }],
    },
    {
      name: 'SDK: reports snake_case paths',
      body: sdk({ application_server_ports: { ranges: [{ from: 10, to: 70000 }, { from: 20, to: 5 }] }, device: { ipv4_address: { public_address: '84.125.93.10', public_port: 65536 } } }),
      errors: [
        { messageId: 'aboveMaximum', path: '/device/ipv4_address/public_port', message: 'device.ipv4_address.public_port is 65536; the highest port qod-sdk accepts is 65535.' },
        { messageId: 'aboveMaximum', path: '/application_server_ports/ranges/0/to' },
        { messageId: 'reversedRange', path: '/application_server_ports/ranges/1' },
      ],
    },
    {
      name: 'SDK: reports overlaps',
      body: sdk({ device_ports: { ranges: [{ from: 0, to: 10 }], ports: [0, 0] } }),
      errors: [
        { messageId: 'portInRange', path: '/device_ports/ports/0' },
        { messageId: 'duplicatePort', path: '/device_ports/ports/1' },
      ],
    },
  ],
});

describe('port-ranges bounds agree with the schema', () => {
  // The rule owns the schema's Port minimum/maximum: it must reject exactly what they reject.
  const port = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.integer({ min: 65532, max: 65538 }),
    fc.integer(),
    fc.constantFrom(-0, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2),
  );
  for (const dialect of ['qod-1.2', 'qod-1.1', 'qod-1.0', 'qod-0.11', 'qod-sdk'] as DialectId[]) {
    const { validate } = createValidator({ dialect, maxIssues: 1000 });
    const schema = dialects[dialect].schema;
    const k = dialect === 'qod-sdk'
      ? { ports: 'device_ports', ip: 'ipv4_address', pub: 'public_address', port: 'public_port' }
      : { ports: 'devicePorts', ip: 'ipv4Address', pub: 'publicAddress', port: 'publicPort' };

    it(`reports a bound exactly where the schema's minimum/maximum fail (${dialect})`, () => {
      fc.assert(
        fc.property(port, port, port, port, (a, b, c, d) => {
          const body = dialect === 'qod-sdk'
            ? sdk({ [k.ports]: { ranges: [{ from: a, to: b }], ports: [c] }, device: { [k.ip]: { [k.pub]: '84.125.93.10', [k.port]: d } } })
            : { ...base, [k.ports]: { ranges: [{ from: a, to: b }], ports: [c] }, device: { [k.ip]: { [k.pub]: '84.125.93.10', [k.port]: d } } };
          schema.validate(body);
          const expected = (schema.validate.errors ?? [])
            .filter((e) => e.keyword === 'minimum' || e.keyword === 'maximum')
            .map((e) => `${e.keyword === 'minimum' ? 'belowMinimum' : 'aboveMaximum'}@${e.instancePath}`)
            .sort();
          const actual = validate(body).issues
            .filter((i) => i.ruleId === 'port-ranges' && (i.messageId === 'belowMinimum' || i.messageId === 'aboveMaximum'))
            .map((i) => `${i.messageId}@${i.path}`)
            .sort();
          expect(actual).toEqual(expected);
        }),
        { numRuns: 1500 },
      );
    });
  }
});

describe('port-ranges overlap findings', () => {
  // Short lists are first checked pairwise (no allocation); the findings must be exactly those of
  // the O(n log n) sweep over the valid entries, for short and long lists alike.
  const { validate } = createValidator({ maxIssues: 10_000 });
  const value = fc.integer({ min: 0, max: 40 });
  const lists = fc.record({
    ranges: fc.array(fc.record({ from: value, to: value }), { maxLength: 12 }),
    ports: fc.array(value, { maxLength: 12 }),
  });

  it('reports what the sweep finds among the valid entries', async () => {
    const { findOverlaps } = await import('../../src/rules/utils/port-overlaps.js');
    fc.assert(
      fc.property(lists, ({ ranges, ports }) => {
        const validRanges = ranges.map((r, index) => ({ index, ...r })).filter((r) => r.from >= 1 && r.from <= r.to);
        const validPorts = ports.map((v, index) => ({ index, value: v })).filter((p) => p.value >= 1);
        const expected: string[] = [];
        findOverlaps(validRanges, validPorts, (o) => {
          expected.push(`${o.kind}@/devicePorts/${o.kind === 'duplicatePort' || o.kind === 'portInRange' ? 'ports' : 'ranges'}/${o.at}`);
        });
        const actual = validate(withPorts({ ranges, ports })).issues
          .filter((i) => i.ruleId === 'port-ranges' && i.severity === 'warn')
          .map((i) => `${i.messageId}@${i.path}`);
        expect(actual.sort()).toEqual(expected.sort());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('port-ranges fast path', () => {
  const watched = vi.mocked(findOverlaps);
  const { validate } = createValidator();
  beforeEach(() => {
    watched.mockClear();
  });

  /** A ports object as the model gives it, from plain ranges (an end may be missing) and ports. */
  function model(ranges: { from?: number; to?: number }[], ports: number[]): PortsModel {
    const field = (value: number, path: string) => ({ value, path });
    return {
      path: '/devicePorts',
      ranges: ranges.map((r, i) => ({
        path: `/devicePorts/ranges/${i}`,
        ...(r.from === undefined ? {} : { from: field(r.from, `/devicePorts/ranges/${i}/from`) }),
        ...(r.to === undefined ? {} : { to: field(r.to, `/devicePorts/ranges/${i}/to`) }),
      })),
      ports: ports.map((p, i) => field(p, `/devicePorts/ports/${i}`)),
    };
  }

  it('hasConflict is true exactly when the sweep reports something among the valid entries', () => {
    const value = fc.integer({ min: -2, max: 30 });
    const end = fc.option(value, { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.record({ from: end, to: end }), { maxLength: 8 }), fc.array(value, { maxLength: 8 }), fc.constantFrom([1, 28], [0, 28]), (ranges, ports, [min, max]) => {
        const valid = (v: number | undefined): v is number => v !== undefined && v >= min! && v <= max!;
        const validRanges = ranges.flatMap((r, index) => (valid(r.from) && valid(r.to) && r.from <= r.to ? [{ index, from: r.from, to: r.to }] : []));
        const validPorts = ports.flatMap((v, index) => (valid(v) ? [{ index, value: v }] : []));
        let found = false;
        findOverlaps(validRanges, validPorts, () => (found = true));
        expect(_internals.hasConflict(model(ranges, ports), min!, max!)).toBe(found);
      }),
      { numRuns: 5000 },
    );
  });

  it('sorts no short list without conflicts', () => {
    const ports = Array.from({ length: 16 }, (_, i) => 5000 + i * 10);
    expect(validate(withPorts({ ports })).valid).toBe(true);
    expect(validate(withPorts({ ranges: [{ from: 1, to: 10 }], ports: [11] })).valid).toBe(true);
    expect(watched).not.toHaveBeenCalled();
    validate(withPorts({ ports: [...ports.slice(0, 15), 5000] }));
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('sweeps every list longer than 16 entries, never comparing pairs (bounded work)', () => {
    validate(withPorts({ ports: Array.from({ length: 17 }, (_, i) => 5000 + i) }));
    expect(watched).toHaveBeenCalledTimes(1);
    // A single entry has nothing to overlap: no sweep.
    validate(withPorts({ ports: [5000] }));
    expect(watched).toHaveBeenCalledTimes(1);
  });
});

describe('port-ranges robustness', () => {
  it('never fails, whatever the ports hold', () => {
    const { validate } = createValidator();
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.array(fc.record({ from: fc.anything(), to: fc.anything() })), (ports, publicPort, ranges) => {
        const issues = validate({ ...base, devicePorts: { ports, ranges }, applicationServerPorts: ports, device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort } } }).issues;
        expect(issues.filter((i) => i.ruleId === 'port-ranges' && i.status === 500)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('port-ranges: field names of list items', () => {
  it('names every item of a list as fieldName names its pointer, in every dialect, items skipped or not', () => {
    for (const dialect of Object.keys(dialects) as DialectId[]) {
      const keys = dialects[dialect].keys;
      // Items the model leaves out (not integers) keep the other items' indexes as in the body.
      const ports = [70000, 'x', -1, 1.5, 99999, 0, 65536];
      const body = { [keys.devicePorts]: { [keys.ports]: ports }, [keys.applicationServerPorts]: { [keys.ports]: [70001] } };
      const issues = createValidator({ dialect }).validate(body).issues.filter((i) => i.ruleId === 'port-ranges' && /Minimum|Maximum/.test(i.messageId));
      expect(issues.length, dialect).toBeGreaterThanOrEqual(4);
      for (const issue of issues) expect(issue.data?.field, `${dialect} ${issue.path}`).toBe(fieldName(issue.path));
    }
  });
});

describe('port-ranges fix: a repeated port removed', () => {
  it.each<[string, unknown, string, unknown]>([
    ['the later of two equal ports', withPorts({ ports: [80, 443, 80] }), '/devicePorts/ports/2', 'removed'],
    ['a repeat right after the first', withPorts({ ports: [80, 80, 443] }), '/devicePorts/ports/1', 'removed'],
    ['in the application server ports', { ...base, applicationServerPorts: { ports: [443, 443] } }, '/applicationServerPorts/ports/1', 'removed'],
    ['SDK model', sdk({ device_ports: { ports: [5060, 5060] } }), '/device_ports/ports/1', 'removed'],
  ])('%s', (_what, body, path, expected) => {
    expect(fixAt(body, 'port-ranges', path)).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['a port inside a range (not a repeat: the range may change)', withPorts({ ranges: [{ from: 5000, to: 5100 }], ports: [5060] }), '/devicePorts/ports/0'],
    ['a repeated range', withPorts({ ranges: [{ from: 1, to: 2 }, { from: 1, to: 2 }] }), '/devicePorts/ranges/1'],
    ['overlapping ranges', withPorts({ ranges: [{ from: 1, to: 5 }, { from: 3, to: 8 }] }), '/devicePorts/ranges/1'],
    ['a port out of bounds', withPorts({ ports: [0] }), '/devicePorts/ports/0'],
  ])('no fix: %s', (_what, body, path) => {
    expect(fixAt(body, 'port-ranges', path)).toBeUndefined();
  });

  it('each repeat has its own fix; the first occurrence has none', () => {
    const text = JSON.stringify(withPorts({ ports: [7, 7, 5, 7] }));
    const issues = validateJson(text).issues.filter((i) => i.ruleId === 'port-ranges');
    expect(issues.map((i) => [i.path, i.fix === undefined ? 'no fix' : text.slice(i.fix.range[0], i.fix.range[1])])).toEqual([
      ['/devicePorts/ports/1', ',7'],
      ['/devicePorts/ports/3', ',7'],
    ]);
  });
});
