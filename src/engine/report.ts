// The one place where findings become a Report: parse findings, schema findings and rule findings
// are counted, the listed ones built, sorted in document order and located in the source text
// (where their rules' fixes become edits of it: ./fixes.ts), each once. validate, validateJson and
// the CLI all end here. Also picks the one ErrorInfo a gateway answers.

import { dialects } from '../dialects/index.js';
import type { Dialect, DialectFacts } from '../dialects/types.js';
import type { SourceBody } from '../parse/index.js';
import { withLocations } from '../parse/source.js';
import type { FindingFix } from '../rules/api.js';
import type { DialectId, ErrorInfo, Issue, Report } from '../types.js';
import { entryOf, type Entry } from './entries.js';
import { withFixes } from './fixes.js';
import { indexBetween, lastSlash, NOT_AN_INDEX, slashFrom, unescapePointerSegment, valueAt } from '../shared/pointer.js';

/** Sorts after every real position. */
const UNKNOWN = Number.MAX_SAFE_INTEGER;

/** Objects with more keys than this get a map from key to rank instead of a search of their keys. */
const SEARCHED_KEYS = 16;

/**
 * Ranks of pointer segments in one body: object keys in the body's own order, array items by
 * index, UNKNOWN for what is not there. Each object's keys are listed once per report.
 */
class BodyRanks {
  private readonly keyLists = new Map<object, readonly string[]>();
  private readonly keyIndexes = new Map<object, ReadonlyMap<string, number>>();
  /** The value the last step reached. */
  child: unknown;

  /** One step down from node: the rank of pointer[start, end); the value there in `child`. */
  step(node: unknown, pointer: string, start: number, end: number): number {
    this.child = undefined;
    try {
      if (Array.isArray(node)) {
        const index = indexBetween(pointer, start, end);
        if (index === NOT_AN_INDEX) return UNKNOWN;
        this.child = node[index];
        return index;
      }
      if (typeof node !== 'object' || node === null) return UNKNOWN;
      const keys = this.keysOf(node);
      const segment = unescapePointerSegment(pointer.slice(start, end));
      const rank = keys.length > SEARCHED_KEYS ? (this.indexOf(node, keys).get(segment) ?? -1) : keys.indexOf(segment);
      if (rank === -1) return UNKNOWN;
      // Read with the key as the body spells it: a lookup with a sliced string costs more.
      this.child = (node as Record<string, unknown>)[keys[rank]!];
      return rank;
    } catch {
      // A value that throws when read again (a getter, a Proxy): what lies below sorts last.
      this.child = undefined;
      return UNKNOWN;
    }
  }

  private keysOf(node: object): readonly string[] {
    let keys = this.keyLists.get(node);
    if (keys === undefined) this.keyLists.set(node, (keys = Object.keys(node)));
    return keys;
  }

  private indexOf(node: object, keys: readonly string[]): ReadonlyMap<string, number> {
    let index = this.keyIndexes.get(node);
    if (index === undefined) this.keyIndexes.set(node, (index = new Map(keys.map((key, i) => [key, i]))));
    return index;
  }
}

/**
 * Where an issue's value appears: its pointer's ranks, walked from the body only as deep as a
 * comparison needs (issues in different top-level members never look further). A parent sorts
 * before its children.
 */
class Position {
  private readonly ranks: number[] = [];
  private node: unknown;
  /** Where the next unwalked segment of the pointer starts. */
  private next = 1;

  constructor(
    readonly issue: Issue,
    body: unknown,
    private readonly bodyRanks: BodyRanks,
  ) {
    this.node = body;
  }

  /** The rank at a level, walking further when needed; undefined below the pointer's last segment. */
  rankAt(level: number): number | undefined {
    const path = this.issue.path;
    while (this.ranks.length <= level) {
      if (this.next > path.length) return undefined;
      const end = slashFrom(path, this.next);
      this.ranks.push(this.bodyRanks.step(this.node, path, this.next, end));
      this.node = this.bodyRanks.child;
      this.next = end + 1;
    }
    return this.ranks[level];
  }
}

function comparePositions(a: Position, b: Position): number {
  for (let level = 0; ; level++) {
    const ra = a.rankAt(level);
    const rb = b.rankAt(level);
    if (ra === undefined || rb === undefined) {
      if (ra !== rb) return ra === undefined ? -1 : 1;
      return compareTies(a.issue, b.issue);
    }
    if (ra !== rb) return ra - rb;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Issues at the same place: by path text, rule, then message. */
function compareTies(a: Issue, b: Issue): number {
  return compareText(a.path, b.path) || compareText(a.ruleId, b.ruleId) || compareText(a.messageId, b.messageId);
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
 * are only checked, each walked only as deep as telling it from its neighbours needs.
 */
function sortInDocumentOrder(issues: Issue[], body: unknown): void {
  if (isRunOfItems(issues, body)) return;
  const ranks = new BodyRanks();
  const positions = issues.map((issue) => new Position(issue, body, ranks));
  let sorted = true;
  for (let i = 1; i < positions.length && sorted; i++) sorted = comparePositions(positions[i - 1]!, positions[i]!) <= 0;
  if (sorted) return;
  positions.sort(comparePositions);
  for (let i = 0; i < positions.length; i++) issues[i] = positions[i]!.issue;
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
  // The rules' value-level fixes, by issue, where the text is known (made into text edits below).
  let fixes: Map<Issue, FindingFix> | undefined;
  const issues = listed(entries, maxIssues).map((entry) => {
    const issue = entry.build();
    issue.severity = entry.severity;
    if (source !== undefined && entry.fix !== undefined) (fixes ??= new Map()).set(issue, entry.fix);
    return issue;
  });
  if (issues.length > 1) sortInDocumentOrder(issues, body);
  const fixesInOrder = fixes === undefined ? undefined : issues.map((issue) => fixes!.get(issue));
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
  if (fixesInOrder !== undefined) withFixes(located, fixesInOrder, source!);
  return { valid: errorCount === 0, dialect, issues: located, errorCount, warningCount };
}

/**
 * A report of findings about a request rather than its body (its method, media type, size or a
 * header: src/gateway/), in the dialect's words like any other report.
 */
export function requestReport(dialect: DialectId, issues: readonly Issue[]): Report {
  return buildReport(dialect, issues.map(entryOf), undefined, issues.length);
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
