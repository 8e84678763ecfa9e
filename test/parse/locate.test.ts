// The locate property: for random JSON values serialized with random whitespace, indentation,
// line breaks (LF, CRLF, lone CR), escapes, a BOM, and in NDJSON files among other lines, the
// range locate() gives for every pointer is text that JSON.parses to the value at that pointer,
// and locateMember() of an object member spans `"key": value`.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource, type SourceRange } from '../../src/parse/index.js';
import { pointersOf, serialize } from '../helpers/json-text.js';

/** Offsets of a range, computed independently of the code under test (a regex line split). */
function textOf(text: string, range: SourceRange): string {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  const from = starts[range.line - 1]! + range.column - 1;
  const to = starts[range.endLine - 1]! + range.endColumn - 1;
  return text.slice(from, to);
}

const values = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }),
);
const choices = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 });

function checkAllPointers(text: string, located: { locate(p: string): SourceRange | undefined; locateMember(p: string): SourceRange | undefined }, value: unknown): void {
  for (const [pointer, expected] of pointersOf(value)) {
    const range = located.locate(pointer);
    expect(range, pointer).toBeDefined();
    expect(JSON.parse(textOf(text, range!)), pointer).toEqual(expected);
    const parentIsObject = pointer !== '' && !Array.isArray(pointersOf(value).find(([p]) => p === pointer.slice(0, pointer.lastIndexOf('/')))?.[1]);
    if (parentIsObject) {
      const key = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
      const member = JSON.parse(`{${textOf(text, located.locateMember(pointer)!)}}`) as Record<string, unknown>;
      expect(Object.keys(member), pointer).toEqual([key]);
      expect(member[key], pointer).toEqual(expected);
    }
  }
}

describe('locate (property)', () => {
  it('JSON: every pointer locates text that parses to its value', () => {
    fc.assert(
      fc.property(values, choices, fc.boolean(), (generated, picks, bom) => {
        const text = serialize(generated, picks, false);
        const value = JSON.parse(text) as unknown;
        const [body] = parseSource(bom ? `\ufeff${text}` : text, 'json');
        expect(body!.problems).toEqual([]);
        checkAllPointers(text, body!, value);
      }),
      { numRuns: 400 },
    );
  });

  it('NDJSON: positions are in the file, whichever line the body is on', () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 4 }), choices, fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n \r\n'), (generated, picks, newline) => {
        const lines = generated.map((v, n) => serialize(v, [...picks, n], true));
        const file = lines.join(newline);
        const bodies = parseSource(file, 'ndjson');
        expect(bodies).toHaveLength(lines.length);
        bodies.forEach((body, n) => {
          expect(body.problems).toEqual([]);
          checkAllPointers(file, body, JSON.parse(lines[n]!));
        });
      }),
      { numRuns: 200 },
    );
  });
});
