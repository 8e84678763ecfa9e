// unifiedDiff: the diff `lint --fix-dry-run` prints. Exact output for the shapes diff -u has
// (context, merged hunks, counts of 1 and 0, no newline at the end, CRLF), and a property: applying
// the diff to the old text (as patch does: hunks at their line numbers, context checked) gives the
// new text, for random texts and edits, including ones past the edit bound.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/unified-diff.js';

/** Applies a unified diff to a text as patch does (strict: every context and removed line must match). */
function patch(before: string, diff: string): string {
  const lines = before.split(/(?<=\n)/).filter((line) => line !== '');
  const out: string[] = [];
  let at = 0;
  const rows = diff.split('\n');
  rows.pop(); // after the final '\n'
  let i = 2; // past the --- and +++ lines
  while (i < rows.length) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(rows[i]!);
    if (header === null) throw new Error(`not a hunk header: ${rows[i]}`);
    const start = Number(header[1]);
    const count = header[2] === undefined ? 1 : Number(header[2]);
    const from = count === 0 ? start : start - 1;
    while (at < from) out.push(lines[at++]!);
    i++;
    while (i < rows.length && !rows[i]!.startsWith('@@')) {
      const row = rows[i]!;
      const noNewline = rows[i + 1] === '\\ No newline at end of file';
      const text = row.slice(1) + (noNewline ? '' : '\n');
      if (row[0] === ' ' || row[0] === '-') {
        expect(lines[at], `line ${at + 1}`).toBe(text);
        at++;
      }
      if (row[0] === ' ' || row[0] === '+') out.push(text);
      i += noNewline ? 2 : 1;
    }
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.join('');
}

const numbered = (n: number, from = 1) => Array.from({ length: n }, (_, k) => `line ${k + from}\n`).join('');

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.json', 'x\n', 'x\n')).toBe('');
  });

  it('writes one hunk with three lines of context, labelled a/ and b/', () => {
    const before = numbered(10);
    const after = before.replace('line 5\n', 'line five\n');
    expect(unifiedDiff('fixtures/a.json', before, after)).toBe(
      ['--- a/fixtures/a.json', '+++ b/fixtures/a.json', '@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', ' line 8', ''].join('\n'),
    );
  });

  it('joins changes whose context meets, and keeps others apart', () => {
    const before = numbered(30);
    const after = before.replace('line 3\n', 'x\n').replace('line 9\n', 'y\n').replace('line 25\n', 'z\n');
    const diff = unifiedDiff('f', before, after);
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,12 +1,12 @@', '@@ -22,7 +22,7 @@']);
  });

  it('joins two changes six kept lines apart, not seven (as GNU diff -u)', () => {
    const before = numbered(30);
    const hunks = (second: number) => unifiedDiff('f', before, before.replace('line 5\n', 'x\n').replace(`line ${second}\n`, 'y\n')).split('\n').filter((l) => l.startsWith('@@'));
    expect(hunks(12)).toEqual(['@@ -2,14 +2,14 @@']);
    expect(hunks(13)).toEqual(['@@ -2,7 +2,7 @@', '@@ -10,7 +10,7 @@']);
  });

  it('shows the later of two equal lines removed or added, as diff and git do', () => {
    expect(unifiedDiff('f', 'X\np:\n- 1\n- 1\nq\n', 'Y\np:\n- 1\nq\n')).toBe('--- a/f\n+++ b/f\n@@ -1,5 +1,4 @@\n-X\n+Y\n p:\n - 1\n-- 1\n q\n');
    expect(unifiedDiff('f', 'X\np:\n- 1\nq\n', 'Y\np:\n- 1\n- 1\nq\n')).toBe('--- a/f\n+++ b/f\n@@ -1,4 +1,5 @@\n-X\n+Y\n p:\n - 1\n+- 1\n q\n');
  });

  it('writes a count of one without ",1", and an empty side at the line before it', () => {
    expect(unifiedDiff('f', 'a\n', 'b\n')).toBe('--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n');
    expect(unifiedDiff('f', 'a\n', '')).toBe('--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n');
    expect(unifiedDiff('f', '', 'a\n')).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n');
  });

  it('marks a last line without a line end, as diff does', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\nc')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    expect(unifiedDiff('f', 'a\nb', 'a\nb\n')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
  });

  it('keeps CRLF line ends in the lines, so that the patch recreates them', () => {
    expect(unifiedDiff('f', 'a\r\nb\r\n', 'a\r\nc\r\n')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n');
  });

  it('shows what a terminal would act on as escapes, in lines and file names', () => {
    const diff = unifiedDiff('x\u001b[31m.json', '"a\u202e": 1,\r"b"\n', '"a\u202e": 2,\r"b"\n');
    expect(diff).toBe('--- a/x\\u001b[31m.json\n+++ b/x\\u001b[31m.json\n@@ -1 +1 @@\n-"a\\u202e": 1,\\r"b"\n+"a\\u202e": 2,\\r"b"\n');
  });

  it('applies: patching the old text with it gives the new one (random texts and line edits)', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', '{\n', '}\n', '  "x": 1,\n', '\r\n', 'd\r\n');
    const text = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('', 'end', 'z'));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(line, { maxLength: 3 })), { maxLength: 6 }), fc.constantFrom('', 'tail', 'a'), ([lines, last], edits, newLast) => {
        const before = lines.join('') + last;
        const changed = [...lines];
        for (const [at, remove, insert] of edits) changed.splice(changed.length === 0 ? 0 : at % (changed.length + 1), remove, ...insert);
        const after = changed.join('') + newLast;
        const diff = unifiedDiff('f', before, after);
        if (before === after) expect(diff).toBe('');
        else expect(patch(before, diff)).toBe(after);
      }),
      { numRuns: 1500 },
    );
  });

  it('applies past the edit bound too: a text rewritten throughout becomes one hunk', () => {
    const before = numbered(3000);
    const after = before.replace(/line (\d+)\n/g, (_m, n: string) => (Number(n) % 2 === 0 ? `LINE ${n}\n` : `line ${n}\n`));
    const diff = unifiedDiff('f', before, after);
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,3000 +1,3000 @@']);
    expect(patch(before, diff)).toBe(after);
  });

  it('is what git apply takes', () => {
    let git = true;
    try {
      execFileSync('git', ['--version'], { stdio: 'ignore' });
    } catch {
      git = false;
    }
    if (!git) return; // (git is a developer tool here, not a dependency)
    const dir = mkdtempSync(join(tmpdir(), 'qod-diff-'));
    try {
      const before = '{\r\n  "a": "x y",\r\n  "p": [1, 1]\r\n}';
      const after = '{\r\n  "a": "xy",\r\n  "p": [1]\r\n}';
      writeFileSync(join(dir, 'f.json'), before);
      writeFileSync(join(dir, 'fix.diff'), unifiedDiff('f.json', before, after));
      execFileSync('git', ['apply', '--unsafe-paths', 'fix.diff'], { cwd: dir, stdio: 'pipe' });
      expect(readFileSync(join(dir, 'f.json'), 'utf8')).toBe(after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
