// SourceBody.textEdit: value edits (a string replaced, an array item removed) as edits of the
// file's text, for JSON, NDJSON and YAML. Each case gives the exact text after the edit; the
// edited text must parse to the value with exactly that change, and everything outside the edit
// stays byte for byte (it is the same string around the range). Cases where no edit may be made
// (a YAML value shared through an anchor, a comment the removal would take...) give undefined.

import { describe, expect, it } from 'vitest';
import { parseSource, type SourceKind } from '../../src/parse/index.js';
import type { ValueEdit } from '../../src/parse/types.js';
import { parsePointer } from '../../src/shared/pointer.js';

function apply(text: string, range: [number, number], replacement: string): string {
  return text.slice(0, range[0]) + replacement + text.slice(range[1]);
}

/** The value with the edit made (what the edited text must parse to). */
function edited(value: unknown, edit: ValueEdit): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const segments = parsePointer(edit.pointer);
  const last = segments.pop()!;
  let parent: Record<string, unknown> | unknown[] = copy;
  for (const segment of segments) parent = (parent as Record<string, unknown>)[segment] as Record<string, unknown>;
  if ('replace' in edit) (parent as Record<string, unknown>)[last] = edit.replace;
  else (parent as unknown as unknown[]).splice(Number(last), 1);
  return copy;
}

/** The text after the edit of body `index`, or undefined when the body offers none; checks the value too. */
function edit(text: string, kind: SourceKind, valueEdit: ValueEdit, index = 0): string | undefined {
  const bodies = parseSource(text, kind);
  const body = bodies[index]!;
  expect('value' in body, 'the body parses').toBe(true);
  const fix = body.textEdit!(valueEdit);
  if (fix === undefined) return undefined;
  const after = apply(text, fix.range, fix.text);
  const again = parseSource(after, kind);
  expect(again.length).toBe(bodies.length);
  again.forEach((b, i) => {
    expect(b.problems).toEqual([]);
    expect(b.value).toEqual(i === index ? edited(body.value, valueEdit) : bodies[i]!.value);
  });
  return after;
}

const replace = (pointer: string, value: string): ValueEdit => ({ pointer, replace: value });
const remove = (pointer: string): ValueEdit => ({ pointer, remove: true });

describe('JSON', () => {
  it.each<[string, string, ValueEdit, string]>([
    ['a string, in place', '{"a": {"b": "x y"}, "c": 1}', replace('/a/b', 'xy'), '{"a": {"b": "xy"}, "c": 1}'],
    ['a string with escapes, written as JSON writes it', '{"a": "\\u0078 y"}', replace('/a', 'a"b\\c'), '{"a": "a\\"b\\\\c"}'],
    ['an item after the first, with its comma', '{"p": [80, 443, 80]}', remove('/p/2'), '{"p": [80, 443]}'],
    ['a middle item', '{"p": [1,2,3]}', remove('/p/1'), '{"p": [1,3]}'],
    ['the first item, with the comma after it', '{"p": [ 1 , 2 ]}', remove('/p/0'), '{"p": [ 2 ]}'],
    ['the only item', '{"p": [ 1 ]}', remove('/p/0'), '{"p": [  ]}'],
    ['an item on its own line: the line goes, the indentation of the rest stays', '{\n  "p": [\n    80,\n    443,\n    80\n  ]\n}\n', remove('/p/2'), '{\n  "p": [\n    80,\n    443\n  ]\n}\n'],
    ['CRLF line ends stay', '{\r\n\t"p": [\r\n\t\t80,\r\n\t\t80\r\n\t],\r\n\t"q": "a b"\r\n}\r\n', remove('/p/1'), '{\r\n\t"p": [\r\n\t\t80\r\n\t],\r\n\t"q": "a b"\r\n}\r\n'],
    ['an escaped key on the way', '{"a/b": {"c~d": ["x", "y"]}}', remove('/a~1b/c~0d/1'), '{"a/b": {"c~d": ["x"]}}'],
    ['offsets count a BOM', '\ufeff{"a": "x y"}', replace('/a', 'xy'), '\ufeff{"a": "xy"}'],
  ])('%s', (_what, text, valueEdit, expected) => {
    expect(edit(text, 'json', valueEdit)).toBe(expected);
  });

  it.each<[string, string, ValueEdit]>([
    ['a value that is not there', '{"a": "x"}', replace('/b', 'y')],
    ['a number (only strings are replaced)', '{"a": 1}', replace('/a', '2')],
    ['an object member (only array items are removed)', '{"a": 1, "b": 2}', remove('/b')],
    ['an item of an object-like pointer', '{"a": {"0": 1}}', remove('/a/0')],
    ['the root', '[1]', remove('')],
  ])('no edit: %s', (_what, text, valueEdit) => {
    expect(edit(text, 'json', valueEdit)).toBeUndefined();
  });

  it('a text with a key given twice gets edits at the value JSON.parse keeps, through the tree of offsets', () => {
    // (The engine offers no fix in such a body: src/engine/fixes.ts. The parse layer can still edit it.)
    const [body] = parseSource('{"a": "x", "a": "y z"}', 'json');
    expect(body!.textEdit!(replace('/a', 'yz'))).toEqual({ range: [16, 21], text: '"yz"' });
  });
});

describe('NDJSON: offsets in the file, each line its own body', () => {
  const text = '{"p": [1, 1]}\r\n\r\n{"a": "x y", "p": [2, 2, 3]}\n{"a": "q"}';
  it.each<[number, ValueEdit, string]>([
    [0, remove('/p/1'), '{"p": [1]}\r\n\r\n{"a": "x y", "p": [2, 2, 3]}\n{"a": "q"}'],
    [1, remove('/p/1'), '{"p": [1, 1]}\r\n\r\n{"a": "x y", "p": [2, 3]}\n{"a": "q"}'],
    [1, replace('/a', 'xy'), '{"p": [1, 1]}\r\n\r\n{"a": "xy", "p": [2, 2, 3]}\n{"a": "q"}'],
    [2, replace('/a', 'r'), '{"p": [1, 1]}\r\n\r\n{"a": "x y", "p": [2, 2, 3]}\n{"a": "r"}'],
  ])('body %i: %j', (index, valueEdit, expected) => {
    expect(edit(text, 'ndjson', valueEdit, index)).toBe(expected);
  });
});

describe('YAML', () => {
  it.each<[string, string, ValueEdit, string]>([
    ['a plain scalar stays plain', 'a: 2001:DB8::1 # the server\nb: 1\n', replace('/a', '2001:db8::1'), 'a: 2001:db8::1 # the server\nb: 1\n'],
    ['a plain scalar that would read as a number is double-quoted', 'phone: +34 600 000 000\n', replace('/phone', '+34600000000'), 'phone: "+34600000000"\n'],
    ['a plain scalar that would read as a key is double-quoted', 'a: x y\n', replace('/a', '1::'), 'a: "1::"\n'],
    ['a single-quoted scalar stays single-quoted', "a: '+34 600'\n", replace('/a', "+34'600"), "a: '+34''600'\n"],
    ['a double-quoted scalar stays double-quoted', 'a: "x y"  # c\n', replace('/a', 'xy'), 'a: "xy"  # c\n'],
    ['a scalar over two lines', 'a: "x\n  y"\nb: 1\n', replace('/a', 'xy'), 'a: "xy"\nb: 1\n'],
    ['in a flow mapping', 'd: {phone: "+1 202", x: 1}\n', replace('/d/phone', '+1202'), 'd: {phone: "+1202", x: 1}\n'],
    ['a plain scalar in a flow mapping stays plain where it reads back', 'd: {ip: 2001:DB8::1, x: 1}\n', replace('/d/ip', '2001:db8::1'), 'd: {ip: 2001:db8::1, x: 1}\n'],
    ['a plain scalar in a flow sequence', 'd: [2001:DB8::1, ::FFFF:1.2.3.4]\n', replace('/d/1', '::ffff:1.2.3.4'), 'd: [2001:DB8::1, ::ffff:1.2.3.4]\n'],
    ['an anchor no alias names does not stop an edit', 'a: &x "x y"\n', replace('/a', 'xy'), 'a: &x "xy"\n'],
    ['a block sequence item: its line goes', 'p:\n  - 80\n  - 443   \n  - 80\nq: 1\n', remove('/p/2'), 'p:\n  - 80\n  - 443   \nq: 1\n'],
    ['a block sequence item with CRLF', 'p:\r\n- 80\r\n- 80\r\n- 443\r\n', remove('/p/1'), 'p:\r\n- 80\r\n- 443\r\n'],
    ['the last line without a line end: the line end before it goes', 'p:\r\n  - 80\r\n  - 80', remove('/p/1'), 'p:\r\n  - 80'],
    ['the first item of a block sequence', '# ports\np:\n  - 80 \n  - 81\n', remove('/p/0'), '# ports\np:\n  - 81\n'],
    ['comments on other lines stay', 'p:\n  # web\n  - 80\n  # again\n  - 80\n  # end\n', remove('/p/1'), 'p:\n  # web\n  - 80\n  # again\n  # end\n'],
    ['a flow sequence item, with its comma', 'p: [80, 443 ,80]\n', remove('/p/2'), 'p: [80, 443]\n'],
    ['the first flow item, with the comma after it', 'p: [ 80,  443 ]\n', remove('/p/0'), 'p: [ 443 ]\n'],
    ['a flow sequence over lines', 'p: [\n  80,\n  80\n]\n', remove('/p/1'), 'p: [\n  80\n]\n'],
    ['offsets in the file, in a later document', 'a: 1\n---\np: [1, 1]\n---\nb: 2\n', remove('/p/1'), 'a: 1\n---\np: [1]\n---\nb: 2\n'],
    ['offsets count a BOM', '\ufeffa: "x y"\n', replace('/a', 'xy'), '\ufeffa: "xy"\n'],
    ['a later item of a compact nested sequence, on its own line', 'p:\n  - - 1\n    - 1\n', remove('/p/0/1'), 'p:\n  - - 1\n'],
  ])('%s', (_what, text, valueEdit, expected) => {
    const index = text.includes('---') ? 1 : 0;
    expect(edit(text, 'yaml', valueEdit, index)).toBe(expected);
  });

  it.each<[string, string, ValueEdit]>([
    ['an anchored scalar an alias names (the edit would change the alias too)', 'a: &x "x y"\nb: *x\n', replace('/a', 'xy')],
    ['a value reached through an alias', 'a: &x "x y"\nb: *x\n', replace('/b', 'xy')],
    ['a value inside an anchored mapping an alias names', 'd: &d {p: "x y"}\ne: *d\n', replace('/d/p', 'xy')],
    ['a value inside a mapping reached through an alias', 'd: &d {p: "x y"}\ne: *d\n', replace('/e/p', 'xy')],
    ['a value a merge key copied in', 'base: &b {p: "x y"}\ne:\n  <<: *b\n', replace('/e/p', 'xy')],
    ['an item of an anchored sequence an alias names', 'p: &p [1, 1]\nq: *p\n', remove('/p/1')],
    ['a block scalar', 'a: |\n  x y\n', replace('/a', 'xy')],
    ['a number', 'a: 1\n', replace('/a', '2')],
    ['an item with an anchor', 'p:\n  - 1\n  - &one 1\n', remove('/p/1')],
    ['an item with a tag', 'p: [1, !!int 1]\n', remove('/p/1')],
    ['an alias item', 'x: &one 1\np: [1, *one]\n', remove('/p/1')],
    ['an item with a comment on its line', 'p:\n  - 80\n  - 80 # again\n', remove('/p/1')],
    ['a flow item with a comment before it', 'p: [80, # web\n  80]\n', remove('/p/1')],
    ['the first item of a compact nested sequence (its line holds the outer item)', 'p:\n  - - 1\n    - 1\n', remove('/p/0/0')],
    ['the only item of a block sequence (it would become null)', 'p:\n  - 1\n', remove('/p/0')],
    ['a mapping item', 'p:\n  - a: 1\n  - a: 1\n', remove('/p/1')],
    ['a member (not an item)', 'p: 1\nq: 1\n', remove('/q')],
  ])('no edit: %s', (_what, text, valueEdit) => {
    expect(edit(text, 'yaml', valueEdit)).toBeUndefined();
  });
});
