// stylish: the default, for people. ESLint's layout: issues grouped under their file, one aligned
// row each (`line:column  severity  message  ruleId`), then one summary line. Prints nothing at all
// when there is nothing to say. Colour only when the CLI asks for it (context.color).

import type { Issue } from '../types.js';
import type { Formatter } from './types.js';
import { countIssues, displayWidth, groupByFile, padEnd, padStart, plural, printable, regionOf, severityWord } from './utils.js';

// ANSI styles, each closed by its own reset code so that styles can nest.
const RED = ['\u001b[31m', '\u001b[39m'] as const;
const YELLOW = ['\u001b[33m', '\u001b[39m'] as const;
const BLUE = ['\u001b[34m', '\u001b[39m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const DIM = ['\u001b[2m', '\u001b[22m'] as const;
const UNDERLINE = ['\u001b[4m', '\u001b[24m'] as const;

interface Row {
  line: string;
  column: string;
  body: string;
  severity: ReturnType<typeof severityWord>;
  message: string;
  ruleId: string;
}

/** One table row's cells, as plain (unstyled) text. */
function toRow(issue: Issue, body: string): Row {
  const region = regionOf(issue);
  return {
    line: String(region?.line ?? 0),
    column: String(region?.column ?? 0),
    body,
    severity: severityWord(issue.severity),
    // One line, no terminal control characters; a final period goes, as in ESLint.
    message: printable(issue.message).replace(/([^ .])\.$/, '$1'),
    ruleId: printable(issue.ruleId),
  };
}

/**
 * A file path as the heading line of its group: printable, and never starting with '::' (after
 * spaces), which GitHub Actions would take for a workflow command (a file named
 * '::error file=x::forged.json' would otherwise forge an annotation in a CI log).
 */
function heading(filePath: string): string {
  const shown = printable(filePath);
  return /^\s*:/.test(shown) ? `./${shown}` : shown;
}

const stylish: Formatter = (results, context) => {
  const style = context.color
    ? (text: string, [open, close]: readonly [string, string]) => (text === '' ? text : open + text + close)
    : (text: string) => text;
  const severityStyle = { error: RED, warning: YELLOW, info: BLUE } as const;

  let output = '';
  const shown: Issue[] = [];
  for (const group of groupByFile(results)) {
    const rows: Row[] = [];
    for (const result of group.results) {
      const body = group.multiBody ? `[${result.index}]` : '';
      for (const issue of result.issues) {
        rows.push(toRow(issue, body));
        shown.push(issue);
      }
    }
    if (rows.length === 0) continue;

    const width = { line: 0, column: 0, body: 0, severity: 0, message: 0 };
    for (const row of rows) {
      width.line = Math.max(width.line, row.line.length);
      width.column = Math.max(width.column, row.column.length);
      width.body = Math.max(width.body, row.body.length);
      width.severity = Math.max(width.severity, row.severity.length);
      width.message = Math.max(width.message, displayWidth(row.message));
    }

    output += `\n${style(heading(group.filePath), UNDERLINE)}\n`;
    for (const row of rows) {
      const location = style(`${padStart(row.line, width.line)}:${padEnd(row.column, width.column)}`, DIM);
      const body = group.multiBody ? `${style(padEnd(row.body, width.body), DIM)}  ` : '';
      const severity = style(padEnd(row.severity, width.severity), severityStyle[row.severity]);
      const message = row.ruleId === '' ? row.message : padEnd(row.message, width.message);
      output += `  ${location}  ${body}${severity}  ${message}  ${style(row.ruleId, DIM)}`.trimEnd() + '\n';
    }
  }

  let summary = '';
  if (shown.length > 0) {
    const { errors, warnings, infos } = countIssues(shown);
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${infos} info` : ''}`;
    const colour = errors > 0 ? RED : warnings > 0 ? YELLOW : BLUE;
    summary = `\n${style(style(`\u2716 ${plural(shown.length, 'problem')} (${counts})`, colour), BOLD)}\n`;
  }

  const exceeded = context.maxWarningsExceeded;
  const note = exceeded === undefined
    ? ''
    : `\n${style(`qod-policy found too many warnings: ${exceeded.warningCount} (maximum: ${exceeded.maxWarnings}).`, RED)}\n`;

  return output + summary + note;
};

export default stylish;
