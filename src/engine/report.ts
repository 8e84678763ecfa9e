// The one place where findings become a Report: parse findings, schema findings and rule findings
// are counted, the listed ones built, sorted in document order and located in the source text,
// each once. validate, validateJson and the CLI all end here. Also picks the one ErrorInfo a
// gateway answers.

import type { SourceBody } from '../parse/index.js';
import { withLocations } from '../parse/source.js';
import type { DialectId, ErrorInfo, Issue, Report } from '../types.js';
import type { Entry } from './entries.js';
import { indexBetween, lastSlash, NOT_AN_INDEX, slashFrom, unescapePointerSegment, valueAt } from '../shared/pointer.js';

/** Positions in a body: each pointer's ranks, and the same packed into one number when they fit. */
interface DocumentOrder {
  /**
   * One rank per segment: object keys in the body's own order, array items by index. A parent
   * sorts before its children; pointers to nothing sort last.
   */
  ranks(pointer: string): number[];
  /**
   * The ranks as one number (at most five levels, each below 1023), so that comparing two
   * positions is a subtraction; NaN when they do not fit. A missing level counts 0: a parent
   * sorts first.
   */
  key(pointer: string): number;
}

const LEVELS = 5;
const LEVEL_SIZE = 1024;
/** What a rank at each level counts in a packed position (LEVEL_SIZE ** (LEVELS - 1 - level)). */
const PLACE = [LEVEL_SIZE ** 4, LEVEL_SIZE ** 3, LEVEL_SIZE ** 2, LEVEL_SIZE, 1];

/**
 * Each pointer is walked from the body (a few levels), except that a pointer whose parent is the
 * previous pointer's parent (the items of one list, the usual run of issues) starts from it.
 */
export function documentOrder(body: unknown): DocumentOrder {
  // A body's objects have a few keys each: a list and indexOf beat building a map per object.
  // Issues in a row mostly name members of one object: its list is kept at hand.
  const keyLists = new Map<object, string[]>();
  let lastObject: object | undefined;
  let lastKeys: readonly string[] = [];
  let child: unknown;
  /** One step down: the rank of the segment between start and end; the value there in `child`. */
  const step = (node: unknown, pointer: string, start: number, end: number): number => {
    child = undefined;
    try {
      if (Array.isArray(node)) {
        const index = indexBetween(pointer, start, end);
        if (index === NOT_AN_INDEX) return UNKNOWN;
        child = node[index];
        return index;
      }
      if (typeof node === 'object' && node !== null) {
        if (node !== lastObject) {
          let keys = keyLists.get(node);
          if (keys === undefined) keyLists.set(node, (keys = Object.keys(node)));
          lastObject = node;
          lastKeys = keys;
        }
        const rank = lastKeys.indexOf(unescapePointerSegment(pointer.slice(start, end)));
        if (rank === -1) return UNKNOWN;
        // Read with the key as the body spells it: a lookup with a sliced string costs more.
        child = (node as Record<string, unknown>)[lastKeys[rank]!];
        return rank;
      }
    } catch {
      // A value that throws when read again (a getter, a Proxy): what lies below sorts last.
      child = undefined;
    }
    return UNKNOWN;
  };
  let parentPointer: string | undefined;
  let parentRanks: number[] = [];
  let parentNode: unknown;
  let parentKey = 0;
  /** The rank of the pointer's last segment, after walking to its parent unless that is the last one walked. */
  const lastRank = (pointer: string, slash: number): number => {
    if (slash !== parentPointer?.length || !pointer.startsWith(parentPointer)) {
      parentPointer = pointer.slice(0, slash);
      parentRanks = [];
      parentNode = body;
      parentKey = 0;
      for (let start = 1; start <= slash; ) {
        const end = Math.min(slashFrom(pointer, start), slash);
        const rank = step(parentNode, pointer, start, end);
        const level = parentRanks.length;
        parentKey = level < LEVELS && rank + 1 < LEVEL_SIZE ? parentKey + (rank + 1) * PLACE[level]! : NaN;
        parentRanks.push(rank);
        parentNode = child;
        start = end + 1;
      }
    }
    return step(parentNode, pointer, slash + 1, pointer.length);
  };
  return {
    ranks(pointer) {
      if (pointer === '') return [];
      const rank = lastRank(pointer, lastSlash(pointer));
      const ranks = parentRanks.slice();
      ranks.push(rank);
      return ranks;
    },
    key(pointer) {
      if (pointer === '') return 0;
      const rank = lastRank(pointer, lastSlash(pointer));
      const level = parentRanks.length;
      return level < LEVELS && rank + 1 < LEVEL_SIZE ? parentKey + (rank + 1) * PLACE[level]! : NaN;
    },
  };
}

/** Sorts after every real position. */
const UNKNOWN = Number.MAX_SAFE_INTEGER;

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Positioned {
  readonly issue: Issue;
  readonly key: number;
  /** Only when some position does not pack into a number (then every issue has them). */
  readonly ranks: readonly number[] | undefined;
}

/** Issues at the same place: by path text, rule, then message. */
function compareTies(a: Issue, b: Issue): number {
  return compareText(a.path, b.path) || compareText(a.ruleId, b.ruleId) || compareText(a.messageId, b.messageId);
}

function compareIssues(a: Positioned, b: Positioned): number {
  const byPosition = a.ranks === undefined || b.ranks === undefined ? a.key - b.key : compareRanks(a.ranks, b.ranks);
  return byPosition || compareTies(a.issue, b.issue);
}

/**
 * Whether the issues name items of one list in increasing order (a long list with many bad items,
 * the case that makes issues numerous): then they are in document order, known from their
 * pointers and one walk to the list. Ties (two issues at one item) are left to the general order.
 */
function isRunOfItems(issues: readonly Issue[], body: unknown): boolean {
  const first = issues[0]!.path;
  const slash = lastSlash(first);
  let previous = indexBetween(first, slash + 1, first.length);
  if (slash < 0 || previous === NOT_AN_INDEX) return false;
  const list = first.slice(0, slash);
  for (let i = 1; i < issues.length; i++) {
    const path = issues[i]!.path;
    if (lastSlash(path) !== slash || !path.startsWith(list)) return false;
    const index = indexBetween(path, slash + 1, path.length);
    if (index === NOT_AN_INDEX || index <= previous) return false;
    previous = index;
  }
  // Only an array's items sort by number (an absent list's or object's do not).
  try {
    return Array.isArray(valueAt(body, list));
  } catch {
    // A getter or Proxy that throws when read again: the general order copes with it.
    return false;
  }
}

/**
 * Sorts issues in document order, in place. Issues found in that order already (the usual case)
 * are only checked; positions are compared as numbers, and as lists of ranks only where they do
 * not pack into one.
 */
function sortInDocumentOrder(issues: Issue[], body: unknown): void {
  if (isRunOfItems(issues, body)) return;
  const order = documentOrder(body);
  const keys = issues.map((issue) => order.key(issue.path));
  let sorted = true;
  let packed = true;
  for (let i = 0; i < keys.length; i++) {
    const b = keys[i]!;
    if (b !== b) packed = false;
    if (i === 0 || !sorted) continue;
    const a = keys[i - 1]!;
    sorted = a < b || (a === b && compareTies(issues[i - 1]!, issues[i]!) <= 0);
  }
  if (sorted && packed) return;
  const positioned = issues.map((issue, i): Positioned => ({ issue, key: keys[i]!, ranks: packed ? undefined : order.ranks(issue.path) }));
  positioned.sort(compareIssues);
  for (let i = 0; i < positioned.length; i++) issues[i] = positioned[i]!.issue;
}

/**
 * The entries a report lists when there are more than `max`: the first found (parse, then schema,
 * then rules in id order), so that no work is spent ordering findings that will not be listed;
 * and always the error a gateway answers (the lowest status), wherever it was found.
 */
function listed(entries: readonly Entry[], max: number): readonly Entry[] {
  if (entries.length <= max) return entries;
  const kept = entries.slice(0, max);
  let answer: Entry | undefined;
  for (const entry of entries) if (entry.severity === 'error' && (answer === undefined || entry.status < answer.status)) answer = entry;
  if (answer !== undefined && !kept.includes(answer)) {
    const lowestKept = kept.reduce<number>((low, e) => (e.severity === 'error' ? Math.min(low, e.status) : low), Infinity);
    if (answer.status < lowestKept) kept[kept.length - 1] = answer;
  }
  return kept;
}

/**
 * The one place where findings become a Report: counts every entry, builds the issues of the
 * listed ones (at most `maxIssues`, then one 'truncated' issue), sorts them in document order and,
 * given the source the body was parsed from, adds their line and column.
 */
export function buildReport(dialect: DialectId, entries: readonly Entry[], body: unknown, maxIssues: number, source?: SourceBody, unexamined = 0): Report {
  // A clean body, the common case: nothing to count, order or locate.
  if (entries.length === 0 && unexamined === 0) return { valid: true, dialect, issues: [], errorCount: 0, warningCount: 0 };
  let errorCount = 0;
  let warningCount = 0;
  for (const entry of entries) {
    if (entry.severity === 'error') errorCount++;
    else if (entry.severity === 'warn') warningCount++;
  }
  const issues = listed(entries, maxIssues).map((entry) => {
    const issue = entry.build();
    issue.severity = entry.severity;
    return issue;
  });
  if (issues.length > 1) sortInDocumentOrder(issues, body);
  if (entries.length > maxIssues || unexamined > 0) {
    const omitted = Math.max(0, entries.length - maxIssues);
    const stopped = unexamined > 0 ? ` The schema check stopped early: ${unexamined} more failure${unexamined === 1 ? ' was' : 's were'} not examined.` : '';
    issues.push({
      ruleId: 'truncated',
      messageId: 'truncated',
      severity: 'info',
      path: '',
      message: omitted > 0 ? `${omitted} more issue${omitted === 1 ? ' was' : 's were'} not listed (at most ${maxIssues} are reported).${stopped}` : stopped.trimStart(),
      data: unexamined > 0 ? { omitted, maxIssues, unexamined } : { omitted, maxIssues },
      status: 400,
      code: 'INVALID_ARGUMENT',
    });
  }
  const located = source !== undefined && issues.length > 0 ? withLocations(issues, source) : issues;
  return { valid: errorCount === 0, dialect, issues: located, errorCount, warningCount };
}

/**
 * The one error a gateway answers: the lowest HTTP status first (a malformed body is a 400 before
 * any 422 identifier decision), then document order. undefined when the report is valid.
 */
export function toErrorInfo(report: Report): ErrorInfo | undefined {
  let chosen: Issue | undefined;
  for (const issue of report.issues) {
    if (issue.severity !== 'error') continue;
    if (chosen === undefined || issue.status < chosen.status) chosen = issue;
  }
  return chosen && { status: chosen.status, code: chosen.code, message: chosen.message };
}
