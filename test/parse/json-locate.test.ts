// The targeted locator (src/parse/json-locate.ts) against the tree of offsets scanJson builds
// (nodeAt, then the nearest ancestor that exists, as withLocations located issues before the
// targeted walk): the same span, key start and exactness for every pointer, on generated JSON
// texts with brackets, quotes and backslashes inside strings, any whitespace and escapes, inside
// a larger file, and for pointers that name nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateInJson, type JsonLocated } from '../../src/parse/json-locate.js';
import { nodeAt, scanJson, type JsonNode } from '../../src/parse/json-scan.js';
import { pointersOf, serialize } from '../helpers/json-text.js';

/** The oracle: what the pointer names in the tree, else its nearest existing ancestor. */
function byTree(root: JsonNode, pointer: string): JsonLocated | undefined {
  let exact = true;
  for (;;) {
    const node = nodeAt(root, pointer);
    if (node !== undefined) return { start: node.start, end: node.end, keyStart: node.keyStart, exact };
    if (pointer === '') return undefined;
    exact = false;
    pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  }
}

/** Strings made of what a skipping scanner could stumble on. */
const tricky = fc.string({
  unit: fc.constantFrom('a', 'b', '0', '1', '"', '\\', '[', ']', '{', '}', '/', '~', ',', ':', ' ', '\n', '\r', '\u2028', 'é', '😀'),
  maxLength: 6,
});
const { value: trickyValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    tricky,
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(tricky, tie('value'), { maxKeys: 5 }),
}));
const values = fc.oneof(trickyValue, fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }));

/** Segments that name nothing, or only sometimes something, once appended to an existing pointer. */
const ODD_SEGMENTS = ['x', '0', '1', '01', '-', '', '~0', '~1', 'a~1b', '99', '1e0', '"', '[', ' 0'];
/** Strings that are not JSON Pointers (they do not start with '/'): their nearest ancestor is the root. */
const NOT_POINTERS = ['a', 'x/y', '#/a', '~', '0'];

/** A value, its text, and pointers into it: existing ones, ones below them that may name nothing, non-pointers. */
const cases = values.chain((value) => {
  const existing = pointersOf(value).map(([pointer]) => pointer);
  const pointer = fc.oneof(
    fc.constantFrom(...existing),
    fc.tuple(fc.constantFrom(...existing), fc.constantFrom(...ODD_SEGMENTS)).map(([p, segment]) => `${p}/${segment}`),
    fc.tuple(fc.constantFrom(...existing), fc.constantFrom(...ODD_SEGMENTS), fc.constantFrom(...ODD_SEGMENTS)).map(([p, a, b]) => `${p}/${a}/${b}`),
    fc.constantFrom(...NOT_POINTERS),
  );
  return fc.record({
    value: fc.constant(value),
    picks: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 }),
    pointers: fc.array(pointer, { minLength: 1, maxLength: 8 }),
  });
});

describe('locateInJson agrees with the tree of offsets (property)', () => {
  it('for every batch of pointers, each answered as the tree answers it alone', () => {
    fc.assert(
      fc.property(cases, ({ value, picks, pointers }) => {
        const text = serialize(value, picks, false);
        const root = scanJson(text).root!;
        expect(locateInJson(text, pointers)).toEqual(pointers.map((pointer) => byTree(root, pointer)));
      }),
      { numRuns: 1500 },
    );
  });

  it('for a body inside a larger text (an NDJSON line): offsets in the file, nothing read outside the body', () => {
    const surroundings = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', '\n', '\r', ' ', 'x', '1', ','), maxLength: 12 });
    fc.assert(
      fc.property(cases, surroundings, surroundings, ({ value, picks, pointers }, before, after) => {
        const body = serialize(value, picks, true);
        const file = `${before}\n${body}\n${after}`;
        const start = before.length + 1;
        const end = start + body.length;
        const root = scanJson(file, start, end).root!;
        expect(locateInJson(file, pointers, start, end)).toEqual(pointers.map((pointer) => byTree(root, pointer)));
      }),
      { numRuns: 500 },
    );
  });

  it('examples: brackets and quotes in strings, a member past a large value, missing items and keys', () => {
    const text = '{"a]": "}]\\"{[", "b": [[1, {"c": "]"}], {"d": [2]}, "\\\\"], "e\\u0022": {"f": null}, "g": 3}';
    const root = scanJson(text).root!;
    const pointers = ['/g', '/b/1/d/0', '/b/2', '/b/3', '/b/0/1/c/x', '/e"/f', '/a]', '/h', '/b/-', ''];
    expect(locateInJson(text, pointers)).toEqual(pointers.map((pointer) => byTree(root, pointer)));
    expect(text.slice(locateInJson(text, ['/g'])[0]!.start, locateInJson(text, ['/g'])[0]!.end)).toBe('3');
    expect(locateInJson(text, ['/b/3'])[0]).toMatchObject({ exact: false, start: text.indexOf('[[') });
  });
});

describe('locateInJson outside its preconditions', () => {
  it('a key given twice (the parse layer then uses the tree): the first occurrence is taken', () => {
    const text = '{"a": 1, "a": [2]}';
    expect(locateInJson(text, ['/a', '/a/0'])).toEqual([
      { start: 6, end: 7, keyStart: 1, exact: true },
      { start: 6, end: 7, keyStart: 1, exact: false },
    ]);
  });

  it('text that is not JSON: it ends and never throws (property)', () => {
    const junk = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\n', 'a', '1', 'u'), maxLength: 30 });
    const pointer = fc.constantFrom('', '/a', '/0', '/a/0', '/"', '/a/b/c', 'a');
    fc.assert(
      fc.property(junk, fc.array(pointer, { maxLength: 4 }), (text, pointers) => {
        expect(locateInJson(text, pointers)).toHaveLength(pointers.length);
      }),
      { numRuns: 3000 },
    );
  });
});
