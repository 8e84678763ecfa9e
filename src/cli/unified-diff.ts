// A unified diff of two texts (`diff -u`, `git diff`): what `lint --fix-dry-run` prints. Lines end
// at '\n' and keep their line ends ('\r' of CRLF included), so that `git apply` or `patch -p1`
// recreate the new text byte for byte; a last line without one is marked "\ No newline at end of
// file", as diff marks it.
//
// The texts come from whoever wrote the files: characters a terminal or a log viewer acts on
// (controls other than a tab and the CR of a CRLF line end, bidirectional controls, U+2028...)
// are shown as escapes (`\u001b`), as the stylish report shows them; only a diff of such a line
// no longer applies as it is. File names are shown the same way.
//
// Lines are compared by diffLines (src/cli/diff.ts, also migrate's): Myers' O(ND) algorithm
// between the common head and tail; past its bound (a file rewritten throughout) the middle is one
// change: still a correct diff, only not the shortest.

import { printable, visibleControls } from '../formatters/utils.js';
import { diffLines } from './diff.js';

/** Lines of context around each change, as diff -u. */
const CONTEXT = 3;

/** The lines of a text, each with its '\n' (the last one may have none). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** One line of a hunk: ' ' kept, '-' removed, '+' added. */
type Op = readonly [kind: ' ' | '-' | '+', line: string];

/** Every line of the two texts as a hunk line, from the changes diffLines (src/cli/diff.ts) finds. */
function opsOf(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let x = 0;
  for (const change of diffLines(a, b)) {
    while (x < change.aStart) ops.push([' ', a[x++]!]);
    for (; x < change.aEnd; x++) ops.push(['-', a[x]!]);
    for (let y = change.bStart; y < change.bEnd; y++) ops.push(['+', b[y]!]);
  }
  while (x < a.length) ops.push([' ', a[x++]!]);
  return ops;
}

/** `@@ -start,count +start,count @@`, with diff's conventions: no count when it is 1; an empty side starts at the line before. */
function range(start: number, count: number): string {
  if (count === 1) return `${start + 1}`;
  return `${count === 0 ? start : start + 1},${count}`;
}

/**
 * The unified diff turning `before` into `after`, labelled `--- a/<path>` and `+++ b/<path>`; ''
 * when the texts are equal.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = opsOf(splitLines(before), splitLines(after));
  slideDown(ops);

  const name = printable(path);
  let out = `--- a/${name}\n+++ b/${name}\n`;
  // Hunks: the changed ops with CONTEXT kept lines around them, merged when their context meets.
  let i = 0;
  // Line numbers (0-based) in a and b of ops[i].
  let aLine = 0;
  let bLine = 0;
  while (i < ops.length) {
    if (ops[i]![0] === ' ') {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    const back = Math.min(CONTEXT, countKeptBefore(ops, i));
    const start = i - back;
    let end = i;
    // Extend over changes and runs of kept lines short enough to join the next change.
    for (;;) {
      while (end < ops.length && ops[end]![0] !== ' ') end++;
      let kept = 0;
      while (end + kept < ops.length && ops[end + kept]![0] === ' ') kept++;
      if (end + kept < ops.length && kept <= 2 * CONTEXT) {
        end += kept;
        continue;
      }
      end += Math.min(kept, CONTEXT);
      break;
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((op) => op[0] !== '+').length;
    const bCount = hunk.filter((op) => op[0] !== '-').length;
    out += `@@ -${range(aLine - back, aCount)} +${range(bLine - back, bCount)} @@\n`;
    for (const [kind, line] of hunk) out += kind + shown(line);
    aLine += aCount - back;
    bLine += bCount - back;
    i = end;
  }
  return out;
}

/**
 * A line as the diff shows it: its line end kept ('\n' or '\r\n'), the characters a terminal acts
 * on escaped; a last line without a line end followed by diff's note saying so.
 */
function shown(line: string): string {
  const end = line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : '';
  const body = visibleControls(line.slice(0, line.length - end.length)).replace(/\r/g, '\\r');
  return end === '' ? `${body}\n\\ No newline at end of file\n` : body + end;
}

/**
 * Moves each run of only removed (or only added) lines down past the kept lines equal to its first
 * line, as diff and git do: of two equal lines, the later one is shown removed (the script stays
 * the same edit, since the lines are equal).
 */
function slideDown(ops: Op[]): void {
  for (let start = 0; start < ops.length; ) {
    const kind = ops[start]![0];
    let end = start;
    while (end < ops.length && ops[end]![0] === kind) end++;
    if (kind !== ' ') {
      while (end < ops.length && ops[end]![0] === ' ' && ops[end]![1] === ops[start]![1]) {
        ops[start] = [' ', ops[start]![1]];
        ops[end] = [kind, ops[end]![1]];
        start++;
        end++;
      }
    }
    start = end;
  }
}

/** How many kept lines come right before ops[i]. */
function countKeptBefore(ops: readonly Op[], i: number): number {
  let n = 0;
  while (i - n - 1 >= 0 && ops[i - n - 1]![0] === ' ') n++;
  return n;
}
