// positionsAt (the positions of a few offsets, counting line breaks only up to the last) against
// LineIndex (every line of the text indexed), which the parse layer used for every position before.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, positionsAt } from '../../src/parse/lines.js';

describe('positionsAt agrees with LineIndex (property)', () => {
  it('for any text with LF, CRLF and lone CR, any part of it and any offsets in it', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\r\n', '\t', '😀'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 50 }), fc.array(fc.nat(), { maxLength: 10 }), (t, a, b, firstLine, picks) => {
        const start = a % (t.length + 1);
        const end = start + (b % (t.length - start + 1));
        const offsets = picks.map((p) => start + (p % (end - start + 1)));
        const lines = new LineIndex(t, start, end, firstLine);
        expect(positionsAt(t, offsets, start, end, firstLine)).toEqual(offsets.map((offset) => lines.positionOf(offset)));
      }),
      { numRuns: 2000 },
    );
  });

  it('an offset between the CR and the LF of a CRLF is on the CR line', () => {
    expect(positionsAt('a\r\nb', [1, 2, 3])).toEqual([
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
    ]);
  });
});
