// Offsets → 1-based line and column, in UTF-16 code units (a string index is one unit; an astral
// character is two), as ESLint and SARIF count them. A line break is LF, CRLF (one break) or a
// lone CR. Built once per text, lazily, only when some body of it has findings.

/** A 1-based position. */
export interface Position {
  line: number;
  column: number;
}

/** Line starts of a text (or of a part of it), for offset → position in O(log lines). */
export class LineIndex {
  /** Offsets where lines start; starts[k] is the start of line firstLine + k. */
  private readonly starts: number[];

  /**
   * @param text the whole text; offsets given to positionOf are offsets into it.
   * @param start the offset of the first line's start (default 0).
   * @param end where to stop looking for line breaks (default: the end of the text).
   * @param firstLine the line number of the line at `start` (default 1).
   */
  constructor(text: string, start = 0, end = text.length, private readonly firstLine = 1) {
    const starts = [start];
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (i + 1 < end && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** The position of an offset (an offset past the last line break is on the last line). */
  positionOf(offset: number): Position {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: this.firstLine + low, column: offset - starts[low]! + 1 };
  }
}

/**
 * The positions of a few offsets, as a LineIndex over the same text[start, end) and firstLine
 * gives them, without indexing every line: the line breaks before the last of the offsets are
 * counted with indexOf (native, and many times faster than a loop over every character), and
 * nothing past it is read. For the handful of places a report names.
 */
export function positionsAt(text: string, offsets: readonly number[], start = 0, end = text.length, firstLine = 1): Position[] {
  // A string of its own for a part (an NDJSON line: a slice, which V8 makes without copying), so
  // that no search runs on past its end.
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const next = (char: string, from: number): number => {
    const at = part.indexOf(char, from);
    return at === -1 ? Infinity : at;
  };
  const order = offsets.map((_, k) => k).sort((a, b) => offsets[a]! - offsets[b]!);
  const positions = new Array<Position>(offsets.length);
  let line = firstLine;
  let lineStart = 0;
  let lf = next('\n', 0);
  let cr = next('\r', 0);
  for (const k of order) {
    const offset = offsets[k]! - start;
    // Count the breaks whose next line starts at or before the offset (an offset between the CR
    // and the LF of a CRLF is still on the CR's line, as in LineIndex).
    for (;;) {
      if (lf < cr) {
        if (lf >= offset) break;
        line++;
        lineStart = lf + 1;
        lf = next('\n', lineStart);
      } else if (cr < Infinity) {
        const crlf = cr + 1 === lf;
        const after = crlf ? cr + 2 : cr + 1;
        if (after > offset) break;
        line++;
        lineStart = after;
        if (crlf) lf = next('\n', after);
        cr = next('\r', after);
      } else break;
    }
    positions[k] = { line, column: offset - lineStart + 1 };
  }
  return positions;
}
