// The migration's patch replayed on JSON text (src/cli/migrate-json.ts): each operation edits only
// what it concerns, in the layout of its place. The properties: on text written as JSON.stringify
// writes it (2 or 4 spaces, tabs; LF or CRLF) the result is exactly JSON.stringify of the migrated
// body in the same layout, so nothing else moved; the same on one-line NDJSON text and on text with
// its objects written on one line with spaces; and on text of mixed layouts the result reads back
// as exactly the migrated body, key order included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchJsonText } from '../../src/cli/migrate-json.js';
import { dialectIds, migrate, type PatchOperation } from '../../src/index.js';
import { judged, validBodies } from '../migrate/bodies.js';

const patch = (text: string, ops: PatchOperation[], oneLine = false, eol = '\n') => patchJsonText(text, ops, { eol, oneLine });

describe('patchJsonText: one operation at a time', () => {
  it('renames a key where it stands, keeping its spacing', () => {
    expect(patch('{ "qos" :  "QOS_E", "ueId": {} }', [{ op: 'rename', from: '/qos', path: '/qosProfile' }])).toBe('{ "qosProfile" :  "QOS_E", "ueId": {} }');
  });

  it('adds a member after the last one, indented as its siblings (4 spaces, tabs, CRLF)', () => {
    expect(patch('{\n    "a": 1,\n    "b": {\n        "c": 2\n    }\n}\n', [{ op: 'add', path: '/b/d', value: [1, { e: true }] }])).toBe(
      '{\n    "a": 1,\n    "b": {\n        "c": 2,\n        "d": [\n            1,\n            {\n                "e": true\n            }\n        ]\n    }\n}\n',
    );
    expect(patch('{\r\n\t"a": 1\r\n}', [{ op: 'add', path: '/b', value: { c: 'x' } }], false, '\r\n')).toBe('{\r\n\t"a": 1,\r\n\t"b": {\r\n\t\t"c": "x"\r\n\t}\r\n}');
  });

  it('adds to an object written on one line on that line, with its spacing', () => {
    expect(patch('{\n  "device": { "phoneNumber": "+34600000001" }\n}', [{ op: 'add', path: '/device/ipv4Address', value: { publicAddress: '84.125.93.10', publicPort: 1 } }])).toBe(
      '{\n  "device": { "phoneNumber": "+34600000001", "ipv4Address": { "publicAddress": "84.125.93.10", "publicPort": 1 } }\n}',
    );
    expect(patch('{"a":{"b":1}}', [{ op: 'add', path: '/a/c', value: [1, 2] }], true)).toBe('{"a":{"b":1,"c":[1,2]}}');
  });

  it('fills an empty object or array as its parent is laid out', () => {
    expect(patch('{\n  "a": {},\n  "b": 1\n}', [{ op: 'add', path: '/a/x', value: 1 }])).toBe('{\n  "a": {\n    "x": 1\n  },\n  "b": 1\n}');
    expect(patch('{\n  "s": { "list": [] }\n}', [{ op: 'add', path: '/s/list/0', value: 'x' }])).toBe('{\n  "s": { "list": ["x"] }\n}');
    expect(patch('{"a":[]}', [{ op: 'add', path: '/a/-', value: { k: 1 } }], true)).toBe('{"a":[{"k":1}]}');
  });

  it('inserts an item at its index, first, between or last', () => {
    const text = '{ "p": [1, 2] }';
    expect(patch(text, [{ op: 'add', path: '/p/0', value: 0 }])).toBe('{ "p": [0, 1, 2] }');
    expect(patch(text, [{ op: 'add', path: '/p/1', value: 9 }])).toBe('{ "p": [1, 9, 2] }');
    expect(patch(text, [{ op: 'add', path: '/p/2', value: 3 }])).toBe('{ "p": [1, 2, 3] }');
    expect(patch('{\n  "p": [\n    1\n  ]\n}', [{ op: 'add', path: '/p/0', value: 0 }])).toBe('{\n  "p": [\n    0,\n    1\n  ]\n}');
  });

  it('removes a member or item with the comma and space that separated it', () => {
    const text = '{\n  "a": 1,\n  "b": [0, 5060],\n  "c": 3\n}';
    expect(patch(text, [{ op: 'remove', path: '/a' }])).toBe('{\n  "b": [0, 5060],\n  "c": 3\n}');
    expect(patch(text, [{ op: 'remove', path: '/b' }])).toBe('{\n  "a": 1,\n  "c": 3\n}');
    expect(patch(text, [{ op: 'remove', path: '/c' }])).toBe('{\n  "a": 1,\n  "b": [0, 5060]\n}');
    expect(patch(text, [{ op: 'remove', path: '/b/0' }])).toBe('{\n  "a": 1,\n  "b": [5060],\n  "c": 3\n}');
    expect(patch('{\n  "a": {\n    "x": [0]\n  }\n}', [{ op: 'remove', path: '/a/x/0' }, { op: 'remove', path: '/a/x' }])).toBe('{\n  "a": {}\n}');
  });

  it('replaces a value in place', () => {
    expect(patch('{\n  "a": 1,\n  "b": 2\n}', [{ op: 'replace', path: '/a', value: { x: 1 } }])).toBe('{\n  "a": {\n    "x": 1\n  },\n  "b": 2\n}');
  });

  it('moves a value with its own text: spelling kept, lines re-indented', () => {
    const text = '{\n  "webhook": {\n    "notificationUrl": "https:\\/\\/a.example.com\\/n",\n    "n": 1.50e3,\n    "o": {\n      "k": [1,  2]\n    }\n  }\n}';
    expect(
      patch(text, [
        { op: 'move', from: '/webhook/notificationUrl', path: '/sink' },
        { op: 'move', from: '/webhook/n', path: '/n' },
        { op: 'move', from: '/webhook/o', path: '/o' },
        { op: 'remove', path: '/webhook' },
      ]),
    ).toBe('{\n  "sink": "https:\\/\\/a.example.com\\/n",\n  "n": 1.50e3,\n  "o": {\n    "k": [1,  2]\n  }\n}');
  });

  it('writes a moved value anew on one line where its new place is on one line', () => {
    expect(patch('{\n  "a": {\n    "b": 1\n  },\n  "c": { "d": 1 }\n}', [{ op: 'move', from: '/a', path: '/c/a' }])).toBe('{\n  "c": { "d": 1, "a": { "b": 1 } }\n}');
  });

  it('keeps the text outside the body, and gives the text back for an empty patch', () => {
    expect(patch('\n  {"a": 1}  \n\n', [{ op: 'add', path: '/b', value: 2 }])).toBe('\n  {"a": 1, "b": 2}  \n\n');
    expect(patch('{ "a" : 1 }', [])).toBe('{ "a" : 1 }');
  });

  it('throws when an operation names nothing in the text', () => {
    expect(() => patch('{"a": 1}', [{ op: 'remove', path: '/b' }])).toThrow(/nothing at \/b/);
    expect(() => patch('{"a": 1}', [{ op: 'add', path: '/x/y', value: 1 }])).toThrow(/nothing at \/x/);
    expect(() => patch('{"a": [1]}', [{ op: 'add', path: '/a/5', value: 1 }])).toThrow(/no index 5/);
  });
});

// #region Properties

type Json = Record<string, unknown>;

/** A body of some dialect and a dialect to migrate it to, with the migration. */
const migrations = fc
  .constantFrom(...dialectIds)
  .chain((from) => fc.tuple(fc.constant(from), validBodies(from), fc.constantFrom(...dialectIds)))
  .map(([from, body, to]) => ({ body, result: migrate(body, { from, to, validateOptions: judged }) }));

/** Objects on one line with spaces inside the braces and after commas; arrays without: `{ "a": [1, 2] }`. */
function spaced(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(spaced).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** Some containers on lines of their own, others on one line, chosen by `coin`. */
function mixed(value: unknown, indent: string, coin: () => boolean): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const item = ([k, v]: [string | undefined, unknown], inner: string) => `${k === undefined ? '' : `${JSON.stringify(k)}: `}${mixed(v, inner, coin)}`;
  if (coin()) return `${open}${entries.map((e) => item(e, indent)).join(', ')}${close}`;
  const inner = `${indent}  `;
  return `${open}\n${entries.map((e) => inner + item(e, inner)).join(',\n')}\n${indent}${close}`;
}

describe('patchJsonText: properties over migrations of generated bodies of every dialect to every other', { timeout: 120_000 }, () => {
  it('on JSON.stringify layouts (2 or 4 spaces, tabs; LF or CRLF) gives exactly the migrated body in that layout', () => {
    fc.assert(
      fc.property(migrations, fc.constantFrom('  ', '    ', '\t'), fc.constantFrom('\n', '\r\n'), ({ body, result }, unit, eol) => {
        const print = (value: unknown) => `${JSON.stringify(value, null, unit).replace(/\n/g, eol)}${eol}`;
        expect(patch(print(body), [...result.patch], false, eol)).toBe(print(result.body));
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it('on one-line text (NDJSON) gives exactly the compact migrated body, on one line', () => {
    fc.assert(
      fc.property(migrations, ({ body, result }) => {
        expect(patch(JSON.stringify(body), [...result.patch], true)).toBe(JSON.stringify(result.body));
      }),
      { numRuns: 200, seed: 22 },
    );
  });

  it('on objects written on one line with spaces gives the migrated body written so', () => {
    fc.assert(
      fc.property(migrations, ({ body, result }) => {
        expect(patch(spaced(body), [...result.patch], true)).toBe(spaced(result.body));
      }),
      { numRuns: 200, seed: 23 },
    );
  });

  it('on mixed layouts reads back as exactly the migrated body (key order too)', () => {
    fc.assert(
      fc.property(migrations, fc.infiniteStream(fc.boolean()), ({ body, result }, coins) => {
        const text = mixed(body as Json, '', () => coins.next().value as boolean);
        const out = patch(text, [...result.patch]);
        expect(JSON.stringify(JSON.parse(out))).toBe(JSON.stringify(result.body));
        if (result.patch.length === 0) expect(out).toBe(text);
      }),
      { numRuns: 200, seed: 24 },
    );
  });
});

// #endregion
