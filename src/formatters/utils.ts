// Helpers shared by the formatters (private to src/formatters/): grouping results by file,
// positions, severity words, and making untrusted text (messages quote body values; paths are
// file names) safe to print.

import type { Issue, Severity } from '../types.js';
import type { LintResult } from './types.js';

/** The results of one file, in body order, and whether the file holds more than one body. */
export interface FileGroup {
  filePath: string;
  results: LintResult[];
  multiBody: boolean;
}

/** Groups results by file path, files in order of first appearance, bodies by index. */
export function groupByFile(results: readonly LintResult[]): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  for (const result of results) {
    let group = groups.get(result.filePath);
    if (group === undefined) {
      group = { filePath: result.filePath, results: [], multiBody: false };
      groups.set(result.filePath, group);
    }
    group.results.push(result);
  }
  for (const group of groups.values()) {
    if (group.results.length > 1) {
      group.multiBody = true;
      group.results.sort((a, b) => a.index - b.index); // stable: equal indexes keep their order
    }
  }
  return [...groups.values()];
}

/** A 1-based position, or undefined when it is not a positive integer. */
function position(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * The issue's region with everything that is not a valid 1-based position dropped, and the end
 * dropped when it lies before the start. Columns are UTF-16 code units; endColumn is exclusive.
 */
export function regionOf(issue: Issue):
  | { line: number; column?: number; endLine?: number; endColumn?: number }
  | undefined {
  const line = position(issue.line);
  if (line === undefined) return undefined;
  const column = position(issue.column);
  const endLine = position(issue.endLine);
  const endColumn = position(issue.endColumn);
  const region: { line: number; column?: number; endLine?: number; endColumn?: number } = { line };
  if (column !== undefined) region.column = column;
  if (endLine !== undefined && endLine >= line) {
    if (endColumn === undefined) {
      region.endLine = endLine;
    } else if (endLine > line || endColumn >= (column ?? 1)) {
      region.endLine = endLine;
      region.endColumn = endColumn;
    }
  }
  return region;
}

/** The word people read for a severity: error, warning, info. */
export function severityWord(severity: Severity): 'error' | 'warning' | 'info' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'info';
}

/** Counts issues by severity (from the issues themselves, so that a filtered list adds up). */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else if (issue.severity === 'warn') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** "1 error", "2 errors". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Characters a terminal or a log viewer would act on instead of showing: C0 and C1 controls, DEL,
// bidirectional overrides and isolates (which reorder what follows them), line and paragraph
// separators, and lone surrogates.
const UNSAFE_FOR_TERMINAL =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(char: string): string {
  return SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

// The same, less tab, line feed and carriage return (for outputs with their own escaping of those).
const UNSAFE_IN_LINE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text with the characters a log viewer would act on made visible (`\u001b`), keeping tabs and
 * line breaks for the caller to escape its own way.
 */
export function visibleControls(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escapeChar);
}

// Characters JSON.stringify leaves as they are although a terminal or log viewer acts on them:
// DEL, C1 controls (U+0085 is a line break to some), line and paragraph separators, bidirectional
// controls. (C0 controls and lone surrogates it escapes itself.)
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * JSON text (from JSON.stringify) with those characters written as \uXXXX escapes too. The value
 * it stands for is the same: outside strings JSON.stringify writes only ASCII, so every such
 * character is inside a string, where the escape means the character itself.
 */
export function escapeJsonText(json: string): string {
  return json.replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text safe to print on one terminal line: control characters, bidirectional controls and lone
 * surrogates become visible escapes (`\n`, `\u001b`), so a value quoted from a body can neither
 * break the layout nor send escape sequences to the terminal.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, escapeChar);
}

// Code points that take no column: combining marks, zero-width joiners and spaces, variation selectors.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]$/u;
// Wide (two-column) code points: East Asian Wide and Fullwidth blocks, and emoji presentation.
const WIDE = /^[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{16fe0}-\u{16fe4}\u{17000}-\u{18cff}\u{1b000}-\u{1b2ff}\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f7e0}-\u{1f7eb}\u{1f90c}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]$/u;

/**
 * How many terminal columns a string takes (for aligning tables): wide East Asian characters and
 * emoji take two, combining marks none, everything else one. An approximation of wcwidth that is
 * right for the characters messages and file names carry.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      width++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (char.length === 2) i++;
    width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  }
  return width;
}

/** Pads with spaces on the right to a display width. */
export function padEnd(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Pads with spaces on the left to a display width. */
export function padStart(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}
