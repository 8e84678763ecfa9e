import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOverlaps, type Overlap, type PortEntry, type RangeEntry } from '../../src/rules/utils/port-overlaps.js';

function run(ranges: RangeEntry[], ports: PortEntry[]): Overlap[] {
  const found: Overlap[] = [];
  findOverlaps(ranges, ports, (o) => found.push(o));
  return found;
}

const intersects = (a: RangeEntry, b: RangeEntry) => a.from <= b.to && b.from <= a.to;
const same = (a: RangeEntry, b: RangeEntry) => a.from === b.from && a.to === b.to;

const rangesArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 12 })), { maxLength: 12 })
  .map((list) => list.map(([from, width], index) => ({ index, from, to: from + width })));
const portsArb = fc.array(fc.integer({ min: 1, max: 55 }), { maxLength: 12 }).map((list) => list.map((value, index) => ({ index, value })));

describe('findOverlaps', () => {
  it('reports each duplicate once, at the repeat, against the first occurrence', () => {
    fc.assert(
      fc.property(rangesArb, portsArb, (ranges, ports) => {
        const found = run(ranges, ports);
        const dupRanges = found.filter((o) => o.kind === 'duplicateRange');
        const expectedRanges = ranges.filter((r) => ranges.some((q) => q.index < r.index && same(q, r)));
        expect(dupRanges.map((o) => o.at).sort((a, b) => a - b)).toEqual(expectedRanges.map((r) => r.index));
        for (const o of dupRanges) expect(o.first).toBe(ranges.find((q) => same(q, ranges[o.at]!))!.index);

        const dupPorts = found.filter((o) => o.kind === 'duplicatePort');
        const expectedPorts = ports.filter((p) => ports.some((q) => q.index < p.index && q.value === p.value));
        expect(dupPorts.map((o) => o.at).sort((a, b) => a - b)).toEqual(expectedPorts.map((p) => p.index));
        for (const o of dupPorts) expect(o.first).toBe(ports.find((q) => q.value === ports[o.at]!.value)!.index);
      }),
      { numRuns: 3000 },
    );
  });

  it('reports true overlaps only, each pair at most once, and every overlapping range', () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const found = run(ranges, []).filter((o) => o.kind === 'overlappingRanges');
        const pairs = new Set<string>();
        for (const o of found) {
          const at = ranges[o.at]!;
          const other = ranges[o.other]!;
          expect(o.other).toBeLessThan(o.at);
          expect(intersects(at, other) && !same(at, other)).toBe(true);
          expect([o.start, o.end]).toEqual([Math.max(at.from, other.from), Math.min(at.to, other.to)]);
          const key = `${o.other}-${o.at}`;
          expect(pairs.has(key)).toBe(false);
          pairs.add(key);
        }
        // Every distinct range that overlaps another distinct range takes part in a finding
        // (itself or an identical copy, since copies are reported as duplicates).
        const involved = new Set(found.flatMap((o) => [ranges[o.at]!, ranges[o.other]!].map((r) => `${r.from}-${r.to}`)));
        for (const r of ranges) {
          if (ranges.some((q) => intersects(q, r) && !same(q, r))) expect(involved.has(`${r.from}-${r.to}`)).toBe(true);
        }
        expect(found.length).toBeLessThan(Math.max(ranges.length, 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports every first occurrence of a port inside a range, once, naming a range that holds it', () => {
    fc.assert(
      fc.property(rangesArb, portsArb, (ranges, ports) => {
        const found = run(ranges, ports).filter((o) => o.kind === 'portInRange');
        const firsts = ports.filter((p) => !ports.some((q) => q.index < p.index && q.value === p.value));
        const expected = firsts.filter((p) => ranges.some((r) => r.from <= p.value && p.value <= r.to)).map((p) => p.index);
        expect(found.map((o) => o.at).sort((a, b) => a - b)).toEqual(expected);
        for (const o of found) {
          const range = ranges[o.range]!;
          expect(range.from <= ports[o.at]!.value && ports[o.at]!.value <= range.to).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('handles the largest lists with linear output', () => {
    const ranges = Array.from({ length: 65536 }, (_, index) => ({ index, from: 1 + (index % 65000), to: Math.min(65535, 1 + (index % 65000) + 10) }));
    const ports = Array.from({ length: 65536 }, (_, index) => ({ index, value: 1 + (index % 65535) }));
    let count = 0;
    findOverlaps(ranges, ports, () => count++);
    expect(count).toBeGreaterThan(65536);
    expect(count).toBeLessThanOrEqual(ranges.length + ports.length);
  });
});
