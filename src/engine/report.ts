// The one place where findings become a Report: parse findings, schema findings and rule findings
// are counted, the listed ones built, sorted in document order and located in the source text,
// each once. validate, validateJson and the CLI all end here. Also picks the one ErrorInfo a
// gateway answers.

import type { SourceBody } from '../parse/index.js';
import { withLocations } from '../parse/source.js';
import type { DialectId, ErrorInfo, Issue, Report } from '../types.js';
import type { Entry } from './entries.js';
import { indexBetween, NOT_AN_INDEX } from '../shared/pointer.js';

/**
 * Where a pointer's value appears in the body, as one rank per segment: object keys in the body's
 * own order, array items by index. A parent sorts before its children; pointers to nothing sort
 * last. Each pointer is walked from the body (a few levels), except that a pointer whose parent is
 * the previous pointer's parent (the items of one list, the usual run of issues) starts from it.
 */
function documentRanks(body: unknown): (pointer: string) => number[] {
  // A body's objects have a few keys each: a list and indexOf beat building a map per object.
  const keyLists = new Map<object, string[]>();
  /** One step down: the rank of the segment between start and end, and the value there. */
  const step = (node: unknown, pointer: string, start: number, end: number): { rank: number; child: unknown } => {
    try {
      if (Array.isArray(node)) {
        const index = indexBetween(pointer, start, end);
        if (index !== NOT_AN_INDEX) return { rank: index, child: node[index] };
        return { rank: UNKNOWN, child: undefined };
      }
      if (typeof node === 'object' && node !== null) {
        const raw = pointer.slice(start, end);
        const segment = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
        let keys = keyLists.get(node);
        if (keys === undefined) keyLists.set(node, (keys = Object.keys(node)));
        const rank = keys.indexOf(segment);
        if (rank !== -1) return { rank, child: (node as Record<string, unknown>)[segment] };
      }
    } catch {
      // A value that throws when read again (a getter, a Proxy): what lies below sorts last.
    }
    return { rank: UNKNOWN, child: undefined };
  };
  let parentPointer: string | undefined;
  let parentRanks: number[] = [];
  let parentNode: unknown;
  return (pointer) => {
    if (pointer === '') return [];
    const slash = pointer.lastIndexOf('/');
    if (slash !== parentPointer?.length || !pointer.startsWith(parentPointer)) {
      parentPointer = pointer.slice(0, slash);
      parentRanks = [];
      parentNode = body;
      for (let start = 1; start <= slash; ) {
        let end = pointer.indexOf('/', start);
        if (end === -1 || end > slash) end = slash;
        const { rank, child } = step(parentNode, pointer, start, end);
        parentRanks.push(rank);
        parentNode = child;
        start = end + 1;
      }
    }
    const ranks = parentRanks.slice();
    ranks.push(step(parentNode, pointer, slash + 1, pointer.length).rank);
    return ranks;
  };
}

/** Sorts after every real position. */
const UNKNOWN = Number.MAX_SAFE_INTEGER;

/**
 * The ranks as one number when they fit (at most five levels, each below 1023), so that most
 * comparisons are a subtraction; NaN otherwise. A missing level counts 0: a parent sorts first.
 */
function packed(ranks: readonly number[]): number {
  if (ranks.length > 5) return NaN;
  let key = 0;
  for (let i = 0; i < 5; i++) {
    const rank = i < ranks.length ? ranks[i]! + 1 : 0;
    if (rank >= 1024) return NaN;
    key = key * 1024 + rank;
  }
  return key;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Positioned {
  readonly issue: Issue;
  readonly ranks: readonly number[];
  readonly key: number;
}

function compareIssues(a: Positioned, b: Positioned): number {
  const byPosition = a.key === a.key && b.key === b.key ? a.key - b.key : compareRanks(a.ranks, b.ranks);
  return (
    byPosition ||
    compareText(a.issue.path, b.issue.path) ||
    compareText(a.issue.ruleId, b.issue.ruleId) ||
    compareText(a.issue.messageId, b.issue.messageId)
  );
}

/** Sorts issues in document order, in place; issues found in that order already are not sorted. */
function sortInDocumentOrder(issues: Issue[], body: unknown): void {
  const ranksOf = documentRanks(body);
  const positioned = issues.map((issue): Positioned => {
    const ranks = ranksOf(issue.path);
    return { issue, ranks, key: packed(ranks) };
  });
  let sorted = true;
  for (let i = 1; i < positioned.length && sorted; i++) sorted = compareIssues(positioned[i - 1]!, positioned[i]!) <= 0;
  if (sorted) return;
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
