// The contract between the CLI and the formatters. A formatter is a pure function: results in,
// text out; no I/O, no process access.

import type { DialectId, Issue } from '../types.js';

/** The result for one body of one file (the `--format json` element, exactly). */
export interface LintResult {
  /** Path relative to the working directory, with '/' separators; '<stdin>' for standard input. */
  filePath: string;
  /** Which body of a multi-body file (NDJSON line, YAML document), from 0. */
  index: number;
  dialect: DialectId;
  valid: boolean;
  errorCount: number;
  warningCount: number;
  /** Issues with line/column/endLine/endColumn positions in the file (1-based). */
  issues: Issue[];
}

/** Facts a formatter may need beyond the results. */
export interface FormatterContext {
  /** Use ANSI colour (the CLI decides: a TTY and no NO_COLOR). */
  color: boolean;
  /**
   * Rule id → description and documentation URL (the rule's `meta.docs.url`, absent when it has
   * none), for SARIF's tool.driver.rules and help links.
   */
  rules: ReadonlyMap<string, { description: string; helpUri?: string }>;
  /** The package version (SARIF tool.driver.version). */
  version: string;
  /** Set when --max-warnings was exceeded, so the summary can say so. */
  maxWarningsExceeded?: { maxWarnings: number; warningCount: number };
  /**
   * The tool's home page (an absolute URI) for SARIF's tool.driver.informationUri; default the
   * package's npm page.
   */
  informationUri?: string;
  /**
   * The absolute directory the results' relative file paths start from (the working directory).
   * When given, SARIF declares it as the `%SRCROOT%` base (run.originalUriBaseIds) so that viewers
   * can open the files; without it the paths stay relative to an unnamed root.
   */
  sourceRoot?: string;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
