// Builds the Report: issues sorted in document order, counted, truncated at maxIssues; and picks
// the one ErrorInfo a gateway answers.

import { parsePointer } from '../model/pointer.js';
import type { DialectId, ErrorInfo, Issue, Report } from '../types.js';

/**
 * Compares two pointers by where their values appear in the body: object keys in the body's own
 * order, array items by index, a parent before its children. Pointers to nothing sort last.
 */
function documentOrder(body: unknown): (a: string, b: string) => number {
  const rank = (parent: unknown, segment: string): number => {
    if (Array.isArray(parent)) return /^\d+$/.test(segment) ? Number(segment) : Number.MAX_SAFE_INTEGER;
    if (typeof parent !== 'object' || parent === null) return Number.MAX_SAFE_INTEGER;
    const index = Object.keys(parent).indexOf(segment);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return (a, b) => {
    if (a === b) return 0;
    const sa = parsePointer(a);
    const sb = parsePointer(b);
    let node: unknown = body;
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
      const x = sa[i]!;
      const y = sb[i]!;
      if (x !== y) return rank(node, x) - rank(node, y) || (x < y ? -1 : 1);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[x] : undefined;
    }
    return sa.length - sb.length;
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts, counts and truncates. */
export function buildReport(dialect: DialectId, issues: Issue[], body: unknown, maxIssues: number): Report {
  let errorCount = 0;
  let warningCount = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errorCount++;
    else if (issue.severity === 'warn') warningCount++;
  }
  if (issues.length > 1) {
    const byPath = documentOrder(body);
    issues.sort((a, b) => byPath(a.path, b.path) || compareText(a.ruleId, b.ruleId) || compareText(a.messageId, b.messageId));
  }
  if (issues.length > maxIssues) {
    const omitted = issues.length - maxIssues;
    issues.length = maxIssues;
    issues.push({
      ruleId: 'truncated',
      messageId: 'truncated',
      severity: 'info',
      path: '',
      message: `${omitted} more issue${omitted === 1 ? ' was' : 's were'} not listed (at most ${maxIssues} are reported).`,
      data: { omitted, maxIssues },
      status: 400,
      code: 'INVALID_ARGUMENT',
    });
  }
  return { valid: errorCount === 0, dialect, issues, errorCount, warningCount };
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
