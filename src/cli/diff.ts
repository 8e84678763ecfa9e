// Line diffs for `qod-policy migrate`: the unified diff it prints without --write, and the
// three-way merge that carries a YAML printer's edits onto the file as it was written (so that
// lines the migration did not touch keep their bytes even where the printer would write them
// differently). Myers' O(ND) algorithm on lines, after the common start and end are set aside.

/** A text's lines, each with its line break ('\n', '\r\n' or '\r'; none for a last line without one). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** A line without its line break. */
export function lineContent(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 10 || line.charCodeAt(end - 1) === 13)) end--;
  return line.slice(0, end);
}

/** One region of a diff: a[aStart, aEnd) replaced by b[bStart, bEnd) (one side may be empty). */
export interface Change {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * Beyond this many differing lines, the middle of the two texts is one change rather than the
 * shortest edit: Myers' search keeps O(D²) numbers, which stays small up to here.
 */
const MAX_EDIT = 2000;

/**
 * The changes that turn `a` into `b` (shortest edit script, as regions in order), comparing lines
 * with `same`. Never throws; O((N+M)·D) time.
 */
export function diffLines<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): Change[] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && same(a[aEnd - 1]!, b[bEnd - 1]!)) {
    aEnd--;
    bEnd--;
  }
  if (start === aEnd && start === bEnd) return [];
  if (start === aEnd || start === bEnd) return [{ aStart: start, aEnd, bStart: start, bEnd }];
  const edits = myers(a, b, start, aEnd, start, bEnd, same);
  return edits ?? [{ aStart: start, aEnd, bStart: start, bEnd }];
}

/** Myers' greedy search on a[a0, a1) and b[b0, b1); undefined beyond MAX_EDIT differences. */
function myers<T>(a: readonly T[], b: readonly T[], a0: number, a1: number, b0: number, b1: number, same: (x: T, y: T) => boolean): Change[] | undefined {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, MAX_EDIT);
  // v[k + offset]: the furthest x on diagonal k; one copy per d for the way back.
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!) ? v[k + 1 + offset]! : v[k - 1 + offset]! + 1;
      let y = x - k;
      while (x < n && y < m && same(a[a0 + x]!, b[b0 + y]!)) {
        x++;
        y++;
      }
      next[k + offset] = x;
      if (x >= n && y >= m) return backtrack(trace, d, offset, n, m, a0, b0);
    }
    v = next;
  }
  return undefined;
}

/** The regions of the edit script found on reaching (n, m) after d steps. */
function backtrack(trace: readonly Int32Array[], d: number, offset: number, n: number, m: number, a0: number, b0: number): Change[] {
  // Walk back from the end, collecting single-line edits, then group adjacent ones.
  const steps: { x: number; y: number; kind: 'del' | 'ins' }[] = [];
  let x = n;
  let y = m;
  for (let step = d; step > 0; step--) {
    const prev = trace[step]!;
    const k = x - y;
    const down = k === -step || (k !== step && prev[k - 1 + offset]! < prev[k + 1 + offset]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[prevK + offset]!;
    const prevY = prevX - prevK;
    // The snake from (after the edit) to (x, y) is equal lines.
    if (down) steps.push({ x: prevX, y: prevY, kind: 'ins' });
    else steps.push({ x: prevX, y: prevY, kind: 'del' });
    x = prevX;
    y = prevY;
  }
  steps.reverse();
  const changes: Change[] = [];
  for (const { x: sx, y: sy, kind } of steps) {
    const aStart = a0 + sx;
    const bStart = b0 + sy;
    const aEnd = kind === 'del' ? aStart + 1 : aStart;
    const bEnd = kind === 'ins' ? bStart + 1 : bStart;
    const lastChange = changes.at(-1);
    if (lastChange !== undefined && lastChange.aEnd === aStart && lastChange.bEnd === bStart) {
      changes[changes.length - 1] = { aStart: lastChange.aStart, aEnd, bStart: lastChange.bStart, bEnd };
    } else changes.push({ aStart, aEnd, bStart, bEnd });
  }
  return changes;
}

/** Lines of context around each change of a unified diff. */
const CONTEXT = 3;

/**
 * A unified diff of two texts (`--- name`, `+++ name`, hunks with three lines of context), or ''
 * when they are equal. Lines are shown without their line breaks, through `show` (which makes
 * them safe for a terminal); a last line without a line break is followed by
 * `\ No newline at end of file`, as diff(1) writes it.
 */
export function unifiedDiff(before: string, after: string, names: { readonly before: string; readonly after: string }, show: (line: string) => string = (line) => line): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const changes = diffLines(a, b);
  if (changes.length === 0) return '';
  let out = `--- ${names.before}\n+++ ${names.after}\n`;
  // Group changes whose contexts touch into hunks.
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1]!.aStart - changes[j]!.aEnd <= 2 * CONTEXT) j++;
    const first = changes[i]!;
    const lastChange = changes[j]!;
    const aStart = Math.max(0, first.aStart - CONTEXT);
    const aEnd = Math.min(a.length, lastChange.aEnd + CONTEXT);
    const bStart = first.bStart - (first.aStart - aStart);
    const bEnd = lastChange.bEnd + (aEnd - lastChange.aEnd);
    out += `@@ -${range(aStart, aEnd)} +${range(bStart, bEnd)} @@\n`;
    const line = (prefix: string, text: string): void => {
      out += `${prefix}${show(lineContent(text))}\n`;
      if (!/[\r\n]$/.test(text)) out += '\\ No newline at end of file\n';
    };
    let at = aStart;
    for (let k = i; k <= j; k++) {
      const change = changes[k]!;
      for (; at < change.aStart; at++) line(' ', a[at]!);
      for (let x = change.aStart; x < change.aEnd; x++) line('-', a[x]!);
      for (let y = change.bStart; y < change.bEnd; y++) line('+', b[y]!);
      at = change.aEnd;
    }
    for (; at < aEnd; at++) line(' ', a[at]!);
    i = j + 1;
  }
  return out;
}

/** A hunk header's range: start line (1-based; the line before for an empty range) and count. */
function range(start: number, end: number): string {
  const count = end - start;
  const first = count === 0 ? start : start + 1;
  return count === 1 ? String(first) : `${first},${count}`;
}

/**
 * A line as the merge compares it: without its line break, trailing spaces, or the width of runs of
 * spaces after its indentation (`key:   value  # note` is `key: value # note`), which printers
 * choose for themselves. The indentation counts: it is the structure.
 */
function alike(line: string): string {
  const content = lineContent(line);
  const indent = /^[ \t]*/.exec(content)![0];
  return indent + content.slice(indent.length).replace(/[ \t]+/g, ' ').trimEnd();
}

/**
 * Where a changed region of the printed lines is in the written text: [from, to) of its lines.
 * Either the region's lines are all alike in both, in a row; or the lines just around the region
 * are alike in both (or are the ends of the texts), and then the region is all the written lines
 * between them, however differently laid out (for an insertion, there must be none between them).
 */
function placeInWritten(change: Change, at: Int32Array, written: number, printed: number): [number, number] | undefined {
  const { aStart, aEnd } = change;
  if (aStart < aEnd) {
    const from = at[aStart]!;
    let row = from >= 0;
    for (let k = aStart; row && k < aEnd; k++) row = at[k] === from + (k - aStart);
    if (row) return [from, from + (aEnd - aStart)];
  }
  const before = aStart === 0 ? -1 : at[aStart - 1]!;
  const after = aEnd === printed ? written : at[aEnd]!;
  if ((aStart > 0 && before < 0) || after < 0) return undefined;
  if (aStart === aEnd && after !== before + 1) return undefined;
  return [before + 1, after];
}

/**
 * Carries the edits that turn `printed` into `edited` (two printings of one document, before and
 * after a change) onto `written`, the document as it is written in the file, where the printer may
 * lay out some lines differently. Each changed region must sit on lines that `printed` and
 * `written` have alike, in a row (an insertion: between two such lines); then the region's lines of
 * `written` are replaced by those of `edited`, written with `eol`, and every other line of `written`
 * is kept as it is. Undefined when some region does not sit so (the caller then takes `edited`).
 * Lines are compared as `alike` writes them.
 */
export function mergeEdits(written: string, printed: string, edited: string, eol: string): string | undefined {
  const w = splitLines(written);
  const p = splitLines(printed);
  const e = splitLines(edited);
  const changes = diffLines(p, e, (x, y) => x === y);
  if (changes.length === 0) return written;
  // Which line of `written` each line of `printed` is, where they agree.
  const at = new Int32Array(p.length).fill(-1);
  const wc = w.map(alike);
  const pc = p.map(alike);
  let pi = 0;
  let wi = 0;
  for (const change of diffLines(pc, wc)) {
    for (; pi < change.aStart; pi++, wi++) at[pi] = wi;
    pi = change.aEnd;
    wi = change.bEnd;
  }
  for (; pi < p.length; pi++, wi++) at[pi] = wi;

  const out: string[] = [];
  let cursor = 0;
  for (const change of changes) {
    const place = placeInWritten(change, at, w.length, p.length);
    if (place === undefined) return undefined;
    const [from, to] = place;
    if (from < cursor) return undefined;
    for (; cursor < from; cursor++) out.push(w[cursor]!);
    const inserted = e.slice(change.bStart, change.bEnd).map((line) => lineContent(line) + eol);
    // The line before new text needs a line break of its own (it may have been the last).
    if (inserted.length > 0 && out.length > 0 && !/[\r\n]$/.test(out.at(-1)!)) out[out.length - 1] += eol;
    out.push(...inserted);
    cursor = to;
  }
  for (; cursor < w.length; cursor++) out.push(w[cursor]!);
  // The text ends as `written` did: with a line break or without one.
  let text = out.join('');
  const endsWithBreak = /[\r\n]$/.test(written);
  if (!endsWithBreak && /[\r\n]$/.test(text) && text.length > 0) text = text.replace(/(?:\r\n|\r|\n)$/, '');
  return text;
}
