// A finding on its way into a report: what the engine needs to count, order and keep it (rule,
// path, severity, status), and how to build the Issue once the report keeps it. A body with
// thousands of problems pays for the few issues a report lists, not for a message per problem.
// Entries are made by the thousand for such bodies: they are small class instances with `build`
// on the prototype, not objects carrying closures.

import type { FindingFix } from '../rules/api.js';
import type { Issue, Severity } from '../types.js';

export interface Entry {
  readonly ruleId: string;
  readonly path: string;
  /** Mutable: the specification's floor raises a rule's finding to 'error'. */
  severity: Severity;
  readonly status: number;
  /** A rule's 'secondary' finding (beyond the schema: the floor never raises it). */
  readonly secondary: boolean;
  /** A rule's value-level fix of the finding (made into the issue's `fix` where the text is known). */
  readonly fix?: FindingFix;
  /** The issue (message, data, code); called only for the entries a report lists. */
  build(): Issue;
}

/** An entry for an issue that exists already (parse findings, internal errors). */
class IssueEntry implements Entry {
  readonly ruleId: string;
  readonly path: string;
  severity: Severity;
  readonly status: number;
  readonly secondary = false;
  constructor(private readonly issue: Issue) {
    this.ruleId = issue.ruleId;
    this.path = issue.path;
    this.severity = issue.severity;
    this.status = issue.status;
  }
  build(): Issue {
    return this.issue;
  }
}

export function entryOf(issue: Issue): Entry {
  return new IssueEntry(issue);
}
