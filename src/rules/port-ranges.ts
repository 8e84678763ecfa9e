// port-ranges: every port (devicePorts, applicationServerPorts and the device's public port) lies
// within the dialect's bounds (CAMARA 1.2: 1..65535; the SDK model, like CAMARA up to 1.1:
// 0..65535), every range runs from its lower to its higher port, and no list repeats or overlaps
// itself (a secondary finding: a warning by default).
//
// The rule owns the schema's Port minimum/maximum (the engine reports this rule's finding instead
// of the schema's, as an error at any severity) and re-checks them from ctx.dialect.port. CAMARA 0.9/0.10 answered a bad range with
// 400 OUT_OF_RANGE "Invalid port ranges specified: devicePorts"; we keep that code.

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import { lastSlash } from '../shared/pointer.js';
import type { FastPorts, Field, PortRangeModel, PortsModel } from '../model/types.js';
import type { Finding, FindingFix, RuleContext } from './api.js';
import { findOverlaps, type PortEntry, type RangeEntry } from './utils/port-overlaps.js';

import { docsUrl } from '../shared/docs-url.js';

/** At most this many findings per ports list; the rest are counted in one 'moreFindings'. */
const MAX_FINDINGS_PER_LIST = 100;
/** Lists up to this many entries are first checked pairwise, without allocating (the common case). */
const SHORT_LIST = 16;

type MessageIds =
  | 'belowMinimum'
  | 'aboveMaximum'
  | 'reversedRange'
  | 'duplicateRange'
  | 'overlappingRanges'
  | 'duplicatePort'
  | 'portInRange'
  | 'moreFindings';

type Context = RuleContext<MessageIds>;

/** The fix of a repeated port: the item removed. */
const REMOVE: FindingFix = Object.freeze({ remove: true });

/**
 * The findings of one ports list: past MAX_FINDINGS_PER_LIST a finding is only counted, and not
 * made (its message data, field names).
 */
class ListFindings {
  omitted = 0;
  private reported = 0;
  /** Whether the next finding is still listed (then the caller reports it); counts it otherwise. */
  room(): boolean {
    if (this.reported < MAX_FINDINGS_PER_LIST) {
      this.reported++;
      return true;
    }
    this.omitted++;
    return false;
  }
}

/** Reports a port outside the dialect's bounds; true when it is within them. */
function checkBounds(port: Field<number>, ctx: Context, list: ListFindings, name: (path: string) => string = fieldName): boolean {
  const { min, max } = ctx.dialect.port;
  const value = port.value;
  if (value >= min && value <= max) return true;
  if (!list.room()) return false;
  const path = port.path;
  const dialect = ctx.dialect.id;
  if (value < min) ctx.report({ messageId: 'belowMinimum', path, data: { field: name(path), value, dialect, min } });
  else ctx.report({ messageId: 'aboveMaximum', path, data: { field: name(path), value, dialect, max } });
  return false;
}

/**
 * Names the items of one list of ports: the list's name is made once, and each item's is that
 * name with the item's index (the last segment of its pointer), as fieldName would give.
 */
function itemNamer(): (path: string) => string {
  let listName: string | undefined;
  return (path) => {
    const slash = lastSlash(path);
    listName ??= fieldName(path.slice(0, slash));
    return `${listName}[${path.slice(slash + 1)}]`;
  };
}

/** Whether a range has both ends within [min, max] and runs upwards. */
function isValidRange(range: PortRangeModel, min: number, max: number): boolean {
  const from = range.from;
  const to = range.to;
  return from !== undefined && to !== undefined && from.value >= min && to.value <= max && from.value <= to.value;
}

/**
 * Whether any two valid entries of a list repeat or overlap, pairwise and without allocating. The
 * sweep of findOverlaps reports something exactly when this is true, so a short list without
 * conflicts (the common case) needs no sorting at all.
 */
function hasConflict(spec: PortsModel, min: number, max: number): boolean {
  const { ranges, ports } = spec;
  for (let i = 0; i < ranges.length; i++) {
    const a = ranges[i]!;
    if (!isValidRange(a, min, max)) continue;
    const from = a.from!.value;
    const to = a.to!.value;
    for (let j = i + 1; j < ranges.length; j++) {
      const b = ranges[j]!;
      if (isValidRange(b, min, max) && from <= b.to!.value && b.from!.value <= to) return true;
    }
    // A port inside a valid range is within the bounds too.
    for (let j = 0; j < ports.length; j++) if (ports[j]!.value >= from && ports[j]!.value <= to) return true;
  }
  for (let i = 0; i < ports.length; i++) {
    const value = ports[i]!.value;
    if (value < min || value > max) continue;
    for (let j = i + 1; j < ports.length; j++) if (ports[j]!.value === value) return true;
  }
  return false;
}

function checkList(spec: PortsModel, ctx: Context): void {
  const list = new ListFindings();

  let valid = 0;
  for (let i = 0; i < spec.ranges.length; i++) {
    const range = spec.ranges[i]!;
    // A missing or non-integer bound is the schema's finding.
    const fromOk = range.from !== undefined && checkBounds(range.from, ctx, list);
    const toOk = range.to !== undefined && checkBounds(range.to, ctx, list);
    if (!fromOk || !toOk) continue;
    const from = range.from!.value;
    const to = range.to!.value;
    if (from > to) {
      if (list.room()) ctx.report({ messageId: 'reversedRange', path: range.path, data: { field: fieldName(range.path), from, to } });
      continue;
    }
    valid++;
  }
  const portName = itemNamer();
  for (let i = 0; i < spec.ports.length; i++) if (checkBounds(spec.ports[i]!, ctx, list, portName)) valid++;

  const { min, max } = ctx.dialect.port;
  if (valid > 1 && (valid > SHORT_LIST || hasConflict(spec, min, max))) {
    const ranges: RangeEntry[] = [];
    for (let i = 0; i < spec.ranges.length; i++) {
      const range = spec.ranges[i]!;
      if (isValidRange(range, min, max)) ranges.push({ index: i, from: range.from!.value, to: range.to!.value });
    }
    const ports: PortEntry[] = [];
    for (let i = 0; i < spec.ports.length; i++) {
      const value = spec.ports[i]!.value;
      if (value >= min && value <= max) ports.push({ index: i, value });
    }
    // Entries are indexed by their position in the model's lists (which keep the body's order;
    // each entry's path carries its position in the body).
    const rangeAt = (index: number) => spec.ranges[index]!;
    findOverlaps(ranges, ports, (overlap) => {
      switch (overlap.kind) {
        case 'duplicateRange': {
          const at = rangeAt(overlap.at);
          if (list.room()) ctx.report({
            messageId: 'duplicateRange',
            path: at.path,
            data: { field: fieldName(at.path), from: at.from!.value, to: at.to!.value, firstField: fieldName(rangeAt(overlap.first).path) },
          });
          break;
        }
        case 'overlappingRanges': {
          const at = rangeAt(overlap.at);
          const other = rangeAt(overlap.other);
          if (list.room()) ctx.report({
            messageId: 'overlappingRanges',
            path: at.path,
            data: {
              field: fieldName(at.path),
              from: at.from!.value,
              to: at.to!.value,
              otherField: fieldName(other.path),
              otherFrom: other.from!.value,
              otherTo: other.to!.value,
              start: overlap.start,
              end: overlap.end,
            },
          });
          break;
        }
        case 'duplicatePort': {
          const at = spec.ports[overlap.at]!;
          // The later of two equal ports adds nothing to the list: removing it cannot change its meaning.
          if (list.room()) ctx.report({
            messageId: 'duplicatePort',
            path: at.path,
            data: { field: fieldName(at.path), port: at.value, firstField: fieldName(spec.ports[overlap.first]!.path) },
            fix: REMOVE,
          });
          break;
        }
        case 'portInRange': {
          const at = spec.ports[overlap.at]!;
          const range = rangeAt(overlap.range);
          if (list.room()) ctx.report({
            messageId: 'portInRange',
            path: at.path,
            data: { field: fieldName(at.path), port: at.value, rangeField: fieldName(range.path), from: range.from!.value, to: range.to!.value },
          });
          break;
        }
      }
    });
  }

  if (list.omitted > 0) {
    ctx.report({ messageId: 'moreFindings', path: spec.path, data: { field: fieldName(spec.path), count: list.omitted, limit: MAX_FINDINGS_PER_LIST } });
  }
}

/**
 * For the fast check: whether a ports object's lists (as the body holds them) are certainly clean:
 * integers within [min, max], ranges running upwards, at most SHORT_LIST entries (longer lists are
 * left to the sweep) and no two of them repeating or overlapping (hasConflict's test).
 */
function isCleanList(spec: FastPorts, min: number, max: number): boolean {
  const { ranges, ports, from, to } = spec;
  let entries = 0;
  if (ranges !== undefined) {
    if (!Array.isArray(ranges)) return false;
    entries += ranges.length;
    if (entries > SHORT_LIST) return false;
    for (let i = 0; i < ranges.length; i++) {
      const range: unknown = ranges[i];
      if (typeof range !== 'object' || range === null) return false;
      const a = (range as Record<string, unknown>)[from];
      const b = (range as Record<string, unknown>)[to];
      if (!Number.isInteger(a) || !Number.isInteger(b)) return false;
      if ((a as number) < min || (b as number) > max || (a as number) > (b as number)) return false;
    }
  }
  if (ports !== undefined) {
    if (!Array.isArray(ports)) return false;
    entries += ports.length;
    if (entries > SHORT_LIST) return false;
    for (let i = 0; i < ports.length; i++) {
      const port: unknown = ports[i];
      if (!Number.isInteger(port) || (port as number) < min || (port as number) > max) return false;
    }
  }
  if (entries < 2) return true;
  // Every entry is valid now: any shared port is a finding.
  const rangeList = (ranges ?? []) as readonly Record<string, number>[];
  const portList = (ports ?? []) as readonly number[];
  for (let i = 0; i < rangeList.length; i++) {
    const low = rangeList[i]![from]!;
    const high = rangeList[i]![to]!;
    for (let j = i + 1; j < rangeList.length; j++) if (low <= rangeList[j]![to]! && rangeList[j]![from]! <= high) return false;
    for (let j = 0; j < portList.length; j++) if (portList[j]! >= low && portList[j]! <= high) return false;
  }
  for (let i = 0; i < portList.length; i++) for (let j = i + 1; j < portList.length; j++) if (portList[i] === portList[j]) return false;
  return true;
}

/** For tests only: the pairwise fast path, which must agree with findOverlaps. */
export const _internals = { hasConflict };

export default defineRule<MessageIds>({
  meta: {
    docs: {
      description: 'Ports lie within the bounds of the API version; port ranges run upwards and do not repeat or overlap.',
      url: docsUrl('port-ranges'),
    },
    messages: {
      belowMinimum: '{{ field }} is {{ value }}; the lowest port {{ dialect }} accepts is {{ min }}.',
      aboveMaximum: '{{ field }} is {{ value }}; the highest port {{ dialect }} accepts is {{ max }}.',
      reversedRange: "Invalid port range specified: {{ field }} runs from {{ from }} down to {{ to }}; 'from' must not be greater than 'to'.",
      duplicateRange: { text: '{{ field }} repeats the port range {{ from }}-{{ to }} of {{ firstField }}.', level: 'secondary' },
      overlappingRanges: {
        text: '{{ field }} ({{ from }}-{{ to }}) overlaps {{ otherField }} ({{ otherFrom }}-{{ otherTo }}) on ports {{ start }}-{{ end }}.',
        level: 'secondary',
      },
      duplicatePort: { text: '{{ field }} repeats port {{ port }}, already listed at {{ firstField }}.', level: 'secondary' },
      portInRange: { text: '{{ field }} (port {{ port }}) lies inside the range {{ rangeField }} ({{ from }}-{{ to }}).', level: 'secondary' },
      moreFindings: {
        text: '{{ field }} has {{ count }} more port findings that are not listed (at most {{ limit }} are listed per ports object).',
        level: 'secondary',
      },
    },
    status: 400,
    code: 'OUT_OF_RANGE',
    // The fast check tests the dialect's port facts, which are the schema's bounds.
    fastKeywords: ['minimum', 'maximum'],
  },
  check(model, ctx) {
    const publicPort = model.device?.ipv4Address?.publicPort;
    if (publicPort !== undefined) checkBounds(publicPort, ctx, new ListFindings());
    if (model.devicePorts !== undefined) checkList(model.devicePorts, ctx);
    if (model.applicationServerPorts !== undefined) checkList(model.applicationServerPorts, ctx);
  },
  fast(view, ctx) {
    const { min, max } = ctx.dialect.port;
    const port = view.publicPort;
    if (port !== undefined && (!Number.isInteger(port) || (port as number) < min || (port as number) > max)) return false;
    return isCleanList(view.devicePorts, min, max) && isCleanList(view.applicationServerPorts, min, max);
  },
});
