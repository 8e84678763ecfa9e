// The line diff of `qod-policy migrate`: edit scripts that are shortest (checked against a plain
// LCS table) and rebuild the other text; unified diffs that patch(1)'s rules turn back into the new
// text; and the three-way merge that carries a printer's edits onto the text as written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, lineContent, mergeEdits, splitLines, unifiedDiff } from '../../src/cli/diff.js';

/** The length of a longest common subsequence (dynamic programming, for small inputs). */
function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Applies a unified diff to a text the way patch(1) does, strictly (context must match). */
function applyUnified(before: string, diff: string): string {
  const a = splitLines(before);
  const lines = diff.split('\n');
  expect(lines[0]).toMatch(/^--- /);
  expect(lines[1]).toMatch(/^\+\+\+ /);
  const out: string[] = [];
  let at = 0;
  let i = 2;
  while (i < lines.length && lines[i] !== '') {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[i]!);
    expect(header, lines[i]).not.toBeNull();
    const start = Number(header![1]) - (header![2] === '0' ? 0 : 1);
    for (; at < start; at++) out.push(lineContent(a[at]!));
    i++;
    let removed = 0;
    let kept = 0;
    let added = 0;
    while (i < lines.length && lines[i] !== '' && !lines[i]!.startsWith('@@')) {
      const line = lines[i]!;
      if (line.startsWith('\\')) {
        i++;
        continue;
      }
      if (line[0] === ' ' || line[0] === '-') {
        expect(lineContent(a[at]!), `context at line ${at + 1}`).toBe(line.slice(1));
        at++;
      }
      if (line[0] === ' ' || line[0] === '+') out.push(line.slice(1));
      if (line[0] === '-') removed++;
      else if (line[0] === '+') added++;
      else kept++;
      i++;
    }
    expect(removed + kept).toBe(Number(header![2] ?? 1));
    expect(added + kept).toBe(Number(header![4] ?? 1));
  }
  for (; at < a.length; at++) out.push(lineContent(a[at]!));
  return out.join('\n');
}

const lineArb = fc.constantFrom('a', 'b', 'c', '{', '}', '  "x": 1,', '');
const linesArb = fc.array(lineArb, { maxLength: 30 });

describe('diffLines', { timeout: 60_000 }, () => {
  it('finds a shortest edit script, whose regions rebuild the new lines', () => {
    fc.assert(
      fc.property(linesArb, linesArb, (a, b) => {
        const changes = diffLines(a, b);
        let deleted = 0;
        let inserted = 0;
        const rebuilt: string[] = [];
        let at = 0;
        for (const change of changes) {
          expect(change.aStart).toBeGreaterThanOrEqual(at);
          rebuilt.push(...a.slice(at, change.aStart), ...b.slice(change.bStart, change.bEnd));
          deleted += change.aEnd - change.aStart;
          inserted += change.bEnd - change.bStart;
          at = change.aEnd;
        }
        rebuilt.push(...a.slice(at));
        expect(rebuilt).toEqual(b);
        const common = lcs(a, b);
        expect(deleted).toBe(a.length - common);
        expect(inserted).toBe(b.length - common);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('gives one region for the whole middle beyond 2000 differing lines, still rebuilding the new lines', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => (i === 0 || i === 2999 ? `a${i}` : `b${i}`));
    expect(diffLines(a, b)).toEqual([{ aStart: 1, aEnd: 2999, bStart: 1, bEnd: 2999 }]);
  });
});

describe('unifiedDiff', { timeout: 60_000 }, () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', { before: 'x', after: 'y' })).toBe('');
  });

  it('writes hunks with three lines of context and their ranges as diff -u does', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n') + '\n';
    const after = ['1', '2', 'three', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'].join('\n') + '\n';
    expect(unifiedDiff(before, after, { before: 'a.json', after: 'a.json (qod-1.2)' })).toBe(
      [
        '--- a.json',
        '+++ a.json (qod-1.2)',
        '@@ -1,6 +1,6 @@',
        ' 1',
        ' 2',
        '-3',
        '+three',
        ' 4',
        ' 5',
        ' 6',
        '@@ -10,3 +10,4 @@',
        ' 10',
        ' 11',
        ' 12',
        '+13',
        '',
      ].join('\n'),
    );
  });

  it('names an empty range by the line before it, and marks a last line without a line break', () => {
    expect(unifiedDiff('', 'a', { before: 'x', after: 'x' })).toBe('--- x\n+++ x\n@@ -0,0 +1 @@\n+a\n\\ No newline at end of file\n');
    expect(unifiedDiff('a\nb', 'a\nc', { before: 'x', after: 'x' })).toBe('--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('shows lines through the given function, without their line breaks (CRLF too)', () => {
    expect(unifiedDiff('a\r\nb\r\n', 'a\r\nc\u001b\r\n', { before: 'x', after: 'x' }, (line) => line.replace('\u001b', '\\e'))).toBe(
      '--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\n-b\n+c\\e\n',
    );
  });

  it('is a patch that turns the old text into the new one', () => {
    fc.assert(
      fc.property(linesArb, linesArb, (a, b) => {
        const before = a.map((l) => `${l}\n`).join('');
        const after = b.map((l) => `${l}\n`).join('');
        const diff = unifiedDiff(before, after, { before: 'x', after: 'x' });
        if (before === after) expect(diff).toBe('');
        else expect(applyUnified(before, diff)).toBe(b.join('\n'));
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});

describe('mergeEdits', () => {
  const printed = 'a: 1\nb: [ 1, 2 ]\nc: x # note\nd: 4\n';
  const written = 'a:   1\nb: [1, 2]\nc: x   # note\nd: 4\n';

  it('carries an edit onto the written text, keeping the lines it does not touch byte for byte', () => {
    const edited = 'a: 1\nb: [ 1, 2 ]\nc: x # note\nd: 5\n';
    expect(mergeEdits(written, printed, edited, '\n')).toBe('a:   1\nb: [1, 2]\nc: x   # note\nd: 5\n');
  });

  it('finds lines that differ only in the width of spaces after their indentation', () => {
    const edited = 'a: 2\nb: [ 1, 2 ]\nc: y # note\nd: 4\n';
    expect(mergeEdits(written, printed, edited, '\n')).toBe('a: 2\nb: [1, 2]\nc: y # note\nd: 4\n');
    // Indentation is structure: it must be the same.
    expect(mergeEdits('x:\n    a: 1\n', 'x:\n  a: 1\n', 'x:\n  a: 2\n', '\n')).toBe('x:\n  a: 2\n');
  });

  it('replaces a line laid out differently when the lines around it are alike in both', () => {
    expect(mergeEdits(written, printed, 'a: 1\nb: [ 1 ]\nc: x # note\nd: 4\n', '\n')).toBe('a:   1\nb: [ 1 ]\nc: x   # note\nd: 4\n');
  });

  it('inserts between two lines that are alike in both, with the file’s line break', () => {
    const crlf = written.replace(/\n/g, '\r\n');
    expect(mergeEdits(crlf, printed, `${printed}e: 5\n`, '\r\n')).toBe(`${crlf}e: 5\r\n`);
    expect(mergeEdits(written, printed, 'a: 1\nb: [ 1, 2 ]\nc: x # note\nnew: 0\nd: 4\n', '\n')).toBe('a:   1\nb: [1, 2]\nc: x   # note\nnew: 0\nd: 4\n');
  });

  it('gives up when neither the changed lines nor the lines around them can be found', () => {
    expect(mergeEdits('x: [1]\ny: [2]\nz: [3]\n', 'x: [ 1 ]\ny: [ 2 ]\nz: [ 3 ]\n', 'x: [ 1 ]\ny: [ 9 ]\nz: [ 3 ]\n', '\n')).toBeUndefined();
    // An insertion between two lines the written text holds apart: before or after what is between?
    expect(mergeEdits('a: 1\n# b\nb: 2\n', 'a: 1\nb: 2\n', 'a: 1\nnew: 0\nb: 2\n', '\n')).toBeUndefined();
  });

  it('keeps a text without a final line break so, even when lines are added after its last one', () => {
    expect(mergeEdits('a: 1', 'a: 1\n', 'a: 1\nb: 2\n', '\n')).toBe('a: 1\nb: 2');
  });

  it('gives the written text back when the printings are equal', () => {
    expect(mergeEdits(written, printed, printed, '\n')).toBe(written);
  });
});
