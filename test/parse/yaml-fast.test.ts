// The YAML fast path (src/parse/yaml-fast.ts) against the full parse (parseYaml, the yaml package):
// whenever the fast path answers, the full parse reads one document without any problem, to the
// same value (numbers compared with Object.is, -0 included; keys in the same order) starting on
// the same line, and fastYamlSpans places every value and member where the full parse does.
// Generated texts in and around the subset, then hand-picked cases, in the subset and just
// outside it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeAt, type JsonNode } from '../../src/parse/json-scan.js';
import { LineIndex } from '../../src/parse/lines.js';
import { parseYaml, type Span } from '../../src/parse/yaml.js';
import { fastYamlSpans, fastYamlValue } from '../../src/parse/yaml-fast.js';
import { escapePointerSegment } from '../../src/shared/pointer.js';

/** Where two values differ (a path and why), or undefined when they are the same. */
function difference(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${path || '/'}: ${String(a)} (${typeof a}) ≠ ${String(b)} (${typeof b})`;
  }
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path || '/'}: not the same kind`;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${path || '/'}: keys ${JSON.stringify(keysA.map(String))} ≠ ${JSON.stringify(keysB.map(String))}`;
  for (const key of keysA) {
    if (key === 'length' && Array.isArray(a)) continue;
    const found = difference((a as Record<string | symbol, unknown>)[key], (b as Record<string | symbol, unknown>)[key], `${path}/${String(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every pointer in a value (the root, each member and item), and some that name nothing. */
function pointersOf(value: unknown, pointer = '', into: string[] = []): string[] {
  into.push(pointer);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    for (const key of keys) pointersOf((value as Record<string, unknown>)[key], `${pointer}/${Array.isArray(value) ? key : escapePointerSegment(key)}`, into);
    into.push(`${pointer}/${keys.length}`, `${pointer}/absent`, `${pointer}/00`, `${pointer}/-1`);
  } else {
    into.push(`${pointer}/0`, `${pointer}/x`);
  }
  return into;
}

/** A span as the source layer reads it from a tree of offsets (src/parse/source.ts, treeLocator). */
function treeSpan(root: JsonNode, pointer: string, member: boolean): Span | undefined {
  const node = nodeAt(root, pointer);
  return node && [member && node.keyStart >= 0 ? node.keyStart : node.start, node.end];
}

/**
 * What the full parse makes of a text: the value, when it is exactly one document without any
 * problem (syntax error, duplicate key, limit), and that document's line; else why not.
 */
function fullParse(text: string): { value: unknown; line: number; start: number; spans: (pointer: string, member: boolean) => Span | undefined } | { problem: string } {
  const stream = parseYaml(text);
  if (stream.error !== undefined) return { problem: `stream error: ${stream.error.reason}` };
  if (stream.documents.length !== 1) return { problem: `${stream.documents.length} documents` };
  const doc = stream.documents[0]!;
  if (doc.error !== undefined) return { problem: `error: ${doc.error.reason}` };
  if (doc.duplicates.length > 0) return { problem: `duplicate key ${doc.duplicates[0]!.pointer}` };
  return { value: doc.value, start: doc.start, line: new LineIndex(text).positionOf(doc.start).line, spans: (pointer, member) => (member ? doc.memberSpan(pointer) : doc.valueSpan(pointer)) };
}

/**
 * Fails when the fast path answers something the full parse does not give (a value, its line, or
 * where a pointer's value or member is written); returns whether it answered.
 */
function checkAgrees(text: string): boolean {
  const fast = fastYamlValue(text);
  if (fast === undefined) return false;
  const full = fullParse(text);
  if ('problem' in full) expect.fail(`the fast path answered ${JSON.stringify(fast.value)} for ${JSON.stringify(text)}, the full parse: ${full.problem}`);
  const differs = difference(fast.value, full.value);
  if (differs !== undefined) expect.fail(`${JSON.stringify(text)}: ${differs}`);
  expect({ start: fast.start, line: fast.line }, JSON.stringify(text)).toEqual({ start: full.start, line: full.line });
  const root = fastYamlSpans(text);
  if (root === undefined) expect.fail(`no spans for ${JSON.stringify(text)}`);
  for (const pointer of pointersOf(full.value)) {
    for (const member of [false, true]) {
      const got: Span | undefined = treeSpan(root, pointer, member);
      const want: Span | undefined = full.spans(pointer, member);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect.fail(`${JSON.stringify(text)} ${member ? 'member' : 'value'} ${pointer}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
  }
  return true;
}

// #region Generated texts

/** Plain scalars that read as something else than the string, or are not plain scalars at all. */
const TRICKY_PLAIN = [
  '+34600000001', '34600000001', '007', '-007', '+0', '-0', '0', '00', '0x1F', '0x1f', '0X1F', '0o17', '0o8', '0b101', '1_000',
  '1e3', '1E+2', '-1.5e-3', '.5', '+.5', '5.', '1.0', '-0.0', '1e', 'e3', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'nan', 'inf',
  '12345678901234567890', '9007199254740993', '123456789012345', '1234567890123456', '0.1000000000000000055511151231257827',
  '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'No', 'on', 'OFF', 'y', 'n',
  '2001:db8::1', '2001:db8::', '::1', '198.51.100.0/24', '12:30', '12:30:45', '2024-01-01', '2024-01-01T00:00:00Z',
  'a: b', 'a:', 'a:b', 'a :b', 'a #b', 'a#b', 'a # b', '# a', '- a', '-a', '--a', '-', '---', '--- a', '...', '.. .',
  '[a, b]', '[1, 2]', '{a: 1}', '{"a": 1}', 'a]', 'a}', 'a,b', 'a, b', ',a', ']a', '}a',
  '"a" b', "'a' b", 'a "b"', "a 'b'", '& a', '&a', '*a', '!a', '!!str a', '%a', '@a', '`a', '|', '>', '| a', '>-',
  '<<', '<< a', '?a', '? a', ':a', ': a', 'a?', 'a!', 'a&b', 'a*b', 'a|b', 'a>b', 'a%b', 'a@b', 'a`b', 'a\\b', 'a\\nb',
  'https://endpoint.example.com/sink?x=1#frag', 'QOS_E', 'QOS E', 'x  y', 'a\'b', 'a"b', '__proto__', 'constructor', 'toString',
];

/** Keys: words, reserved words, quoted keys, merge keys, numbers. */
const KEYS = [
  'device', 'phoneNumber', 'ipv4Address', 'ports', 'a', 'b', 'x-defaults', '_x', 'a-b_c9', 'true', 'True', 'null', 'Null', 'NULL', 'false', 'y',
  'yes', 'on', 'nan', 'constructor', 'toString', 'hasOwnProperty', '__proto__', '<<', '1', '007', '0x10', '.inf', '~',
];

const STRINGS = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_PLAIN) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.\/+-]{0,10}$/) },
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#', '-', "'", '"', '\\', '[', '{', ',', '0', '1', '.', '\t', '\u00e9', '\u{1f600}', '\n'), maxLength: 8 }),
);

const SCALARS = fc.oneof(
  { weight: 4, arbitrary: STRINGS },
  { weight: 2, arbitrary: fc.integer({ min: -100000, max: 100000 }) },
  fc.double(),
  fc.constantFrom(0, -0, 1.5, -2.25, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2),
  fc.boolean(),
  fc.constant(null),
);

type Tree = unknown;

const TREES: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; map: Tree; list: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, SCALARS, tie('map'), tie('list')),
  map: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/) }, { weight: 2, arbitrary: fc.constantFrom(...KEYS) }, STRINGS), tie('tree')), { maxLength: 5 }),
  list: fc.array(tie('tree'), { maxLength: 4 }).map((items) => ({ list: items })),
})).tree;

// A map is an array of [key, value] pairs (so keys can repeat); a list is { list: [...] }.
const isMap = (t: Tree): t is [string, Tree][] => Array.isArray(t);
const isList = (t: Tree): t is { list: Tree[] } => typeof t === 'object' && t !== null && !Array.isArray(t) && 'list' in t;

/** JSON of a tree (a map's repeated keys kept), with random spacing. */
function json(t: Tree, g: fc.GeneratorValue): string {
  const comma = g(fc.constantFrom, ',', ', ', ' , ');
  if (isMap(t)) return `{${t.map(([k, v]) => `${JSON.stringify(k)}${g(fc.constantFrom, ':', ': ', ' : ')}${json(v, g)}`).join(comma)}}`;
  if (isList(t)) return `[${t.list.map((v) => json(v, g)).join(comma)}]`;
  return JSON.stringify(t) ?? 'null';
}

/** A scalar written in one of YAML's ways (some of them not YAML, or not the same value). */
function scalarText(value: unknown, g: fc.GeneratorValue): string {
  const style = g(fc.constantFrom, 'plain', 'plain', 'double', 'single', 'json');
  const text = typeof value === 'string' ? value : value === null ? 'null' : Object.is(value, -0) ? '-0' : String(value);
  switch (style) {
    case 'double':
      return JSON.stringify(text);
    case 'single':
      return `'${text.replace(/'/g, "''")}'`;
    case 'json':
      return JSON.stringify(value) ?? 'null';
    default:
      return text;
  }
}

function keyText(key: string, g: fc.GeneratorValue): string {
  const style = g(fc.constantFrom, 'plain', 'plain', 'plain', 'double', 'single');
  if (style === 'double') return JSON.stringify(key);
  if (style === 'single') return `'${key.replace(/'/g, "''")}'`;
  return key;
}

/** After a value on its line: nothing, spaces, a comment, or a `#` with no space before it. */
function lineEnd(g: fc.GeneratorValue): string {
  return rarely(g) ? g(fc.constantFrom, '#x', '\t# tab', ' \t', ': x', ' x') : g(fc.constantFrom, '', '', '', ' ', '  # note', ' #', ' # a: b', ' #[{');
}

/** Something outside the subset, one time in 40: most texts have many places for it. */
function rarely(g: fc.GeneratorValue): boolean {
  return g(fc.integer, { min: 0, max: 39 }) === 0;
}

/** Comment or blank lines at some indentation. */
function filler(g: fc.GeneratorValue): string[] {
  if (rarely(g)) return [g(fc.constantFrom, '\t', ' \t ', '\t# tab', '  x', '...', '---', '- x', '\r')];
  return g(fc.array, fc.constantFrom('', '   ', '# comment', '  # indented comment', '#', '    #   x: 1', '#\\ \'"'), { maxLength: 1 });
}

/** Lines of a block node at `indent` columns; `lead` is what comes before the first line's content (`- `), if any. */
function blockLines(t: Tree, indent: number, g: fc.GeneratorValue): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (isMap(t)) {
    if (t.length === 0) return [`${pad}{}${lineEnd(g)}`];
    for (const [key, value] of t) {
      lines.push(...filler(g));
      lines.push(...entryLines(`${pad}${keyText(key, g)}:`, value, indent, g, true));
    }
    return lines;
  }
  if (isList(t)) {
    if (t.list.length === 0) return [`${pad}[]${lineEnd(g)}`];
    for (const item of t.list) {
      lines.push(...filler(g));
      const gap = g(fc.constantFrom, ' ', ' ', '  ', '   ');
      if (isMap(item) && item.length > 0 && g(fc.boolean)) {
        // A compact mapping: `- key: value`, the next keys at the first key's column.
        const inner = blockLines(item, indent + 1 + gap.length, g);
        lines.push(`${pad}-${gap}${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else {
        lines.push(...entryLines(`${pad}-`, item, indent, g, false));
      }
    }
    return lines;
  }
  return [`${pad}${scalarText(t, g)}${lineEnd(g)}`];
}

/** `head` (a key and its colon, or a dash) and its value: on the same line, or below it. */
function entryLines(head: string, value: Tree, indent: number, g: fc.GeneratorValue, isKey: boolean): string[] {
  const nested = isMap(value) || isList(value);
  if (!nested || g(fc.integer, { min: 0, max: 4 }) === 0) {
    const text = nested ? json(value, g) : value === null && g(fc.boolean) ? '' : scalarText(value, g);
    return [`${head}${text === '' ? '' : g(fc.constantFrom, ' ', ' ', '  ')}${text}${lineEnd(g)}`];
  }
  // A sequence under a key may stand at the key's own indentation.
  const sameIndent = isKey && isList(value) && g(fc.boolean);
  const step = sameIndent ? 0 : g(fc.constantFrom, 1, 2, 2, 2, 3, 4);
  return [`${head}${lineEnd(g)}`, ...filler(g), ...blockLines(value, indent + step, g)];
}

/** Changes that take a text out of the subset, or just change it: CRLF, tabs, shifted lines, documents... */
function mutate(text: string, g: fc.GeneratorValue): string {
  const lines = text.split('\n');
  const k = g(fc.nat, { max: Math.max(0, lines.length - 1) });
  switch (g(fc.integer, { min: 0, max: 14 })) {
    case 0:
      return text.replace(/\n/g, '\r\n');
    case 1:
      lines[k] = ` ${lines[k]}`;
      break;
    case 2:
      lines[k] = lines[k]!.replace(/^ /, '');
      break;
    case 3:
      lines[k] = `\t${lines[k]}`;
      break;
    case 4:
      return `---\n${text}`;
    case 5:
      return `--- # start\n${text}---\nmore: 1\n`;
    case 6:
      return `%YAML 1.2\n---\n${text}`;
    case 7:
      return `${text}...\n`;
    case 8:
      lines.splice(k, 0, lines[k]!); // a line twice: a duplicate key, or an item more
      break;
    case 9:
      lines[k] = `${lines[k]} &anchor`;
      break;
    case 10:
      return `\ufeff${text}`;
    case 11:
      return `# leading comment\n\n${g(fc.constantFrom, '---', '--- ', '---  # c', '---x', '--- a: 1')}\n${text}`;
    default:
      return text;
  }
  return lines.join('\n');
}

/** A text: a random body written as block YAML (or one JSON line), perhaps mutated. */
const TEXTS = fc.gen().map((g) => {
  const root = g(() => fc.oneof({ weight: 4, arbitrary: TREES.filter(isMap) }, TREES.filter(isList), TREES));
  const indent = g(fc.constantFrom, 0, 0, 0, 1, 2);
  const lines = !isMap(root) && !isList(root) ? [scalarText(root, g)] : g(fc.integer, { min: 0, max: 6 }) === 0 ? [json(root, g)] : blockLines(root, indent, g);
  const text = `${lines.join('\n')}${g(fc.constantFrom, '\n', '', '\n\n', '\n# end\n')}`;
  return g(fc.integer, { min: 0, max: 2 }) === 0 ? mutate(text, g) : text;
});

/** Texts made of YAML's punctuation, words and line breaks: near misses of every kind. */
const TOKEN_TEXTS = fc
  .array(
    fc.constantFrom('a', 'b1', 'x-y', 'null', 'True', '0', '1', '-1', '+3', '0x1', '0o7', '1e3', '.5', '.inf', '~', ':', ': ', ' ', '  ', '\n', '\n  ', '\n- ', '- ', '-', '--- ', '...', '#', ' #', '"', "'", '""', "''", '"a"', "'b'", '\\', '\\u00e9', '[', ']', '{', '}', ',', '[]', '{}', '["x", 1]', '{"k": "v"}', '?', '!', '&', '*', '|', '>', '%', '@', '`', '<<', '.', '/', '\t', '\r\n'),
    { maxLength: 30 },
  )
  .map((tokens) => tokens.join(''));

// #endregion

describe('the YAML fast path gives what the full parse gives', () => {
  it('on generated texts, whenever it answers', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(TEXTS, (text) => {
        runs++;
        if (checkAgrees(text)) answered++;
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the subset often enough for the property to mean something.
    expect(answered).toBeGreaterThan(runs / 5);
  });

  it('on texts made of YAML punctuation, whenever it answers', () => {
    fc.assert(
      fc.property(TOKEN_TEXTS, (text) => {
        checkAgrees(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('on the bodies the lint benchmark writes (bench/lint.mjs)', () => {
    const yamlLine = (value: Record<string, unknown>, indent = ''): string =>
      Object.entries(value)
        .map(([k, v]) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? `${indent}${k}:\n${yamlLine(v as Record<string, unknown>, `${indent}  `)}` : `${indent}${k}: ${JSON.stringify(v)}`))
        .join('\n');
    const bodies = [
      { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.7' }, qosProfile: 'QOS_E', duration: 3600 },
      { device: { phoneNumber: '+34600000001' }, applicationServer: { ipAddresses: ['203.0.113.1', '2001:db8::1'] }, qosProfile: 'QOS_L', duration: 1, devicePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [80] }, sink: 'https://endpoint1.example.com/sink' },
      { device: { ipv4Address: { publicAddress: '084.125.93.10', publicPort: 1 } }, extra: true, duration: 0 },
      { device: { phone_number: '+34600000001' }, qos_profile: 'QOS_VC', application_server: { ipv4_address: '198.51.100.0' }, duration: 60 },
    ];
    for (const body of bodies) {
      const text = `${yamlLine(body)}\n`;
      expect(checkAgrees(text), text).toBe(true);
      expect(fastYamlValue(text)!.value).toEqual(body);
    }
  });
});

describe('hand-picked cases', () => {
  // Texts the fast path reads, and the value it (and the full parse) gives.
  const read: [string, string, unknown][] = [
    ['a mapping', 'a: 1\nb: x\n', { a: 1, b: 'x' }],
    ['nested', 'device:\n  phoneNumber: "+34600000001"\nduration: 60\n', { device: { phoneNumber: '+34600000001' }, duration: 60 }],
    ['a plain +34... is an integer', 'phoneNumber: +34600000001\n', { phoneNumber: 34600000001 }],
    ['core schema numbers', 'a: 007\nb: 0x1F\nc: 0o17\nd: 1e3\ne: .inf\nf: -.Inf\ng: -0\nh: 1.50\n', { a: 7, b: 31, c: 15, d: 1000, e: Infinity, f: -Infinity, g: -0, h: 1.5 }],
    ['NaN', 'a: .NaN\n', { a: NaN }],
    ['core schema null and booleans, and YAML 1.1 words that are strings', 'a: ~\nb: Null\nc:\nd: TRUE\ne: False\nf: yes\ng: off\n', { a: null, b: null, c: null, d: true, e: false, f: 'yes', g: 'off' }],
    ['strings with colons and hashes', 'a: 2001:db8::1\nb: a#b\nc: https://x.example/p?q=1#f\nd: 12:30\n', { a: '2001:db8::1', b: 'a#b', c: 'https://x.example/p?q=1#f', d: '12:30' }],
    ['comments and blank lines', '# head\n\na: 1 # one\n  # indented\nb: "x" # two\n\n# tail\n', { a: 1, b: 'x' }],
    ['quoted keys and scalars', '"a b": \'it\'\'s\'\n\'c\': "\\u00e9\\n"\n', { 'a b': "it's", c: 'é\n' }],
    ['a sequence at the key\'s indentation', 'ports:\n- 1\n- 2\nx: y\n', { ports: [1, 2], x: 'y' }],
    ['compact mappings in a sequence', 'ranges:\n  - from: 1\n    to: 2\n  -   from: 3\n      to: 4\n', { ranges: [{ from: 1, to: 2 }, { from: 3, to: 4 }] }],
    ['a dash alone, then a block', '-\n  a: 1\n-\n- x\n', [{ a: 1 }, null, 'x']],
    ['JSON on a line', 'ports: [1, 2]  # two\nserver: {"ipv4Address": "198.51.100.1", "n": [true, null, -0.0, 1E+2]}\n', { ports: [1, 2], server: { ipv4Address: '198.51.100.1', n: [true, null, -0, 100] } }],
    ['a JSON document on one line', '{"a": [1, {"b": "c"}]}\n', { a: [1, { b: 'c' }] }],
    ['--- first', '# c\n---\n# d\n\na: 1\n', { a: 1 }],
    ['an indented root', '  a: 1\n  b:\n    - x\n', { a: 1, b: ['x'] }],
    ['words that are properties of Object.prototype', 'constructor: 1\ntoString: 2\n', { constructor: 1, toString: 2 }],
  ];
  it.each(read)('reads %s', (_name, text, value) => {
    expect(checkAgrees(text)).toBe(true);
    expect(difference(fastYamlValue(text)!.value, value)).toBeUndefined();
  });

  // Texts the fast path leaves to the full parse: outside the subset, or with a problem.
  const left: [string, string][] = [
    ['an empty text', ''],
    ['comments only', '# x\n---\n'],
    ['a scalar document', 'hello\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['a tab', 'a:\t1\n'],
    ['non-ASCII', 'a: é\n'],
    ['a BOM', '\ufeffa: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a document end', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'base: {"a": 1}\nc:\n  <<: {"b": 2}\n'],
    ['a quoted merge key', '"<<": 1\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a plain scalar over two lines', 'a: b\n  c\n'],
    ['a quoted scalar over two lines', 'a: "b\n  c"\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['a duplicate key, quoted and plain', 'a: 1\n"a": 2\n'],
    ['a duplicate key in JSON', 'a: {"x": 1, "x": 2}\n'],
    ['a key the core schema reads as a boolean', 'true: 1\n'],
    ['a key the core schema reads as null', 'null: 1\n'],
    ['a number key', '1: x\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a flow mapping that is not JSON', 'a: {b: 1}\n'],
    ['a flow sequence over two lines', 'a: [1,\n  2]\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['a sequence on the key\'s line', 'a: - b\n'],
    ['a sequence in a sequence', '- - a\n'],
    ['a `? ` key', '? a\n: b\n'],
    ['a key with a space before its colon', 'a : 1\n'],
    ['a YAML escape JSON does not have', 'a: "\\x41"\n'],
    ['an indicator first', 'a: @x\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a deeper line after a value', 'a: 1\n  b: 2\n'],
    ['a long run of digits in JSON', 'a: [12345678901234567890]\n'],
    ['text after JSON', 'a: [1] x\n'],
    ['a comment with no space before it', 'a: "x"# c\n'],
    ['deep indentation', `a:\n${' '.repeat(201)}b: 1\n`],
    ['many brackets', `a: 1\n# ${'['.repeat(201)}\n`],
  ];
  it.each(left)('leaves %s to the full parse', (_name, text) => {
    expect(fastYamlValue(text)).toBeUndefined();
  });
});
