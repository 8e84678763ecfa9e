// Finds duplicate and overlapping port ranges, duplicate ports, and ports inside ranges, in
// O(n log n) (a ports list may hold 65536 entries), reporting each overlap once.
//
// Ranges are sorted by (from, to, index) and swept once, keeping the range that reaches furthest
// so far. A range equal to the one before it in that order is a duplicate (of the run's first
// one); otherwise, a range starting at or before the furthest reach overlaps that furthest range.
// So every range that overlaps an earlier-starting one is reported exactly once, against the
// range reaching furthest, and no pair is ever reported twice. A finding sits on the entry that
// comes later in the document and names the other one. Ports are sorted by (value, index):
// repeats of a value are duplicates of its first occurrence; a first occurrence inside the union
// of the ranges is reported once, against the furthest-reaching range that starts at or before it.

/** A range with bounds already checked (within the dialect's bounds, from <= to). */
export interface RangeEntry {
  /** Position in the ranges array of the body. */
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

/** A port already checked against the dialect's bounds. */
export interface PortEntry {
  /** Position in the ports array of the body. */
  readonly index: number;
  readonly value: number;
}

export type Overlap =
  /** ranges[at] repeats ranges[first] (first < at). */
  | { readonly kind: 'duplicateRange'; readonly at: number; readonly first: number }
  /** ranges[at] overlaps ranges[other] (other < at) on ports start..end. */
  | { readonly kind: 'overlappingRanges'; readonly at: number; readonly other: number; readonly start: number; readonly end: number }
  /** ports[at] repeats ports[first] (first < at). */
  | { readonly kind: 'duplicatePort'; readonly at: number; readonly first: number }
  /** ports[at] lies inside ranges[range]. */
  | { readonly kind: 'portInRange'; readonly at: number; readonly range: number };

const byRange = (a: RangeEntry, b: RangeEntry) => a.from - b.from || a.to - b.to || a.index - b.index;
const byPort = (a: PortEntry, b: PortEntry) => a.value - b.value || a.index - b.index;

/** Calls `report` for every duplicate and overlap among `ranges` and `ports` (see above). */
export function findOverlaps(ranges: readonly RangeEntry[], ports: readonly PortEntry[], report: (overlap: Overlap) => void): void {
  const sorted = ranges.length > 1 ? [...ranges].sort(byRange) : ranges;
  // reach[i]: the range reaching furthest among sorted[0..i] (the first such in sorted order).
  const reach: RangeEntry[] = new Array<RangeEntry>(sorted.length);
  let furthest = sorted[0];
  let runFirst = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const range = sorted[i]!;
    if (i > 0) {
      const previous = sorted[i - 1]!;
      if (range.from === previous.from && range.to === previous.to) {
        report({ kind: 'duplicateRange', at: range.index, first: runFirst!.index });
      } else {
        runFirst = range;
        if (range.from <= furthest!.to) {
          report({
            kind: 'overlappingRanges',
            at: Math.max(range.index, furthest!.index),
            other: Math.min(range.index, furthest!.index),
            start: range.from,
            end: Math.min(range.to, furthest!.to),
          });
        }
      }
      if (range.to > furthest!.to) furthest = range;
    }
    reach[i] = furthest!;
  }

  if (ports.length === 0) return;
  const sortedPorts = ports.length > 1 ? [...ports].sort(byPort) : ports;
  let first: PortEntry | undefined;
  for (const port of sortedPorts) {
    if (first !== undefined && port.value === first.value) {
      report({ kind: 'duplicatePort', at: port.index, first: first.index });
      continue;
    }
    first = port;
    // The last range starting at or before the port.
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.from <= port.value) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (last >= 0 && reach[last]!.to >= port.value) report({ kind: 'portInRange', at: port.index, range: reach[last]!.index });
  }
}
