// A finding on its way into a report: what the engine needs to count, order and keep it (rule,
// path, severity, status), and how to build the Issue once the report keeps it. A body with
// thousands of problems pays for the few issues a report lists, not for a message per problem.

import type { Issue, Severity } from '../types.js';

export interface Entry {
  readonly ruleId: string;
  readonly path: string;
  /** Mutable: the specification's floor raises a rule's finding to 'error'. */
  severity: Severity;
  readonly status: number;
  /** A rule's 'secondary' finding (beyond the schema: the floor never raises it). */
  readonly secondary: boolean;
  /** The issue (message, data, code); called only for the entries a report lists. */
  readonly build: () => Issue;
}

/** An entry for an issue that exists already (parse findings, internal errors). */
export function entryOf(issue: Issue): Entry {
  return { ruleId: issue.ruleId, path: issue.path, severity: issue.severity, status: issue.status, secondary: false, build: () => issue };
}
