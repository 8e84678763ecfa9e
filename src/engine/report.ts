// The one place where findings become a Report: parse findings, schema findings and rule findings
// are counted, the listed ones built, sorted in document order and located in the source text,
// each once. validate, validateJson and the CLI all end here. Also picks the one ErrorInfo a
// gateway answers.

import { dialects } from '../dialects/index.js';
import type { Dialect, DialectFacts } from '../dialects/types.js';
import type { SourceBody } from '../parse/index.js';
import { withLocations } from '../parse/source.js';
import type { DialectId, ErrorInfo, Issue, Report } from '../types.js';
import type { Entry } from './entries.js';

/**
 * Where a pointer's value appears in the body, as one rank per segment: object keys in the body's
 * own order, array items by index. A parent sorts before its children; pointers to nothing sort last.
 * Each pointer is walked from the body (at most a few levels): no map keyed by path strings, whose
 * hashing cost more than the walk.
 */
function documentRanks(body: unknown): (pointer: string) => number[] {
  // A body's objects have a few keys each: a list and indexOf beat building a map per object.
  const keyLists = new Map<object, string[]>();
  return (pointer) => {
    const ranks: number[] = [];
    let node = body;
    for (let start = 1; start <= pointer.length; ) {
      let end = pointer.indexOf('/', start);
      if (end === -1) end = pointer.length;
      let rank = UNKNOWN;
      let child: unknown;
      try {
        if (Array.isArray(node)) {
          rank = indexAt(pointer, start, end);
          if (rank !== UNKNOWN) child = node[rank];
        } else if (typeof node === 'object' && node !== null) {
          const raw = pointer.slice(start, end);
          const segment = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
          let keys = keyLists.get(node);
          if (keys === undefined) keyLists.set(node, (keys = Object.keys(node)));
          const index = keys.indexOf(segment);
          if (index !== -1) {
            rank = index;
            child = (node as Record<string, unknown>)[segment];
          }
        }
      } catch {
        // A value that throws when read again (a getter, a Proxy): what lies below sorts last.
        child = undefined;
      }
      ranks.push(rank);
      node = child;
      start = end + 1;
    }
    return ranks;
  };
}

/** Sorts after every real position. */
const UNKNOWN = Number.MAX_SAFE_INTEGER;

/** The array index written between start and end, or UNKNOWN when it is not one ('01', '-', ''). */
function indexAt(pointer: string, start: number, end: number): number {
  if (end === start || end - start > 15 || (pointer.charCodeAt(start) === 48 && end - start > 1)) return UNKNOWN;
  let index = 0;
  for (let i = start; i < end; i++) {
    const digit = pointer.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return UNKNOWN;
    index = index * 10 + digit;
  }
  return index;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
  if (issues.length > 1) {
    // Ranks are computed once per issue, not per comparison.
    const ranksOf = documentRanks(body);
    const keyed = issues.map((issue) => ({ issue, ranks: ranksOf(issue.path) }));
    keyed.sort(
      (a, b) =>
        compareRanks(a.ranks, b.ranks) ||
        compareText(a.issue.path, b.issue.path) ||
        compareText(a.issue.ruleId, b.issue.ruleId) ||
        compareText(a.issue.messageId, b.issue.messageId),
    );
    keyed.forEach((entry, i) => (issues[i] = entry.issue));
  }
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
  const answers = dialectOf(dialect)?.facts.answers;
  if (answers !== undefined) issues.forEach((issue, i) => (issues[i] = inOwnWords(issue, answers)));
  const located = source !== undefined && issues.length > 0 ? withLocations(issues, source) : issues;
  return { valid: errorCount === 0, dialect, issues: located, errorCount, warningCount };
}

/** The dialect of a report (any string, in a report made by hand), or undefined. */
function dialectOf(id: string): Dialect | undefined {
  return Object.prototype.hasOwnProperty.call(dialects, id) ? dialects[id as DialectId] : undefined;
}

/**
 * An issue's answer in the words of the dialect's release (DialectFacts.answers): the entry for its
 * exact status and code, else the one for its status, else the answer as it stands.
 */
function inOwnWords(issue: Issue, answers: NonNullable<DialectFacts['answers']>): Issue {
  const own = answers[`${issue.status} ${issue.code}`] ?? answers[String(issue.status)];
  return own === undefined ? issue : { ...issue, status: own.status, code: own.code };
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
  if (chosen === undefined) return undefined;
  const info: ErrorInfo = { status: chosen.status, code: chosen.code, message: chosen.message };
  // A release whose ErrorInfo has no status (CAMARA 0.8): still readable for the HTTP status line, not serialised.
  if (dialectOf(report.dialect)?.facts.errorInfo === 'code-message') Object.defineProperty(info, 'status', { enumerable: false });
  return info;
}
