// parseSource / withLocations / validateBody: exact positions in the FILE for JSON, NDJSON and
// YAML bodies, with BOM, CRLF, lone CR, tabs, astral and CJK text; parse findings (syntax,
// duplicate keys, blank files, bad bytes) at exact positions.

import { describe, expect, it } from 'vitest';
import { MEMBER_MESSAGE_IDS, parseSource, sourceKindOf, withLocations, type SourceBody, type SourceKind, type SourceRange } from '../../src/parse/index.js';
import { validate } from '../../src/index.js';
import type { Issue, Report } from '../../src/types.js';

/** "line:column-endLine:endColumn". */
function show(range: SourceRange | Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'> | undefined): string | undefined {
  return range && `${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
}

function bodyOf(text: string | Uint8Array, kind: SourceKind, index = 0): SourceBody {
  const body = parseSource(text, kind)[index];
  if (body === undefined) throw new Error(`no body ${index}`);
  return body;
}

function issue(path: string, messageId = 'someFinding'): Issue {
  return { ruleId: 'some-rule', messageId, severity: 'error', path, message: 'm', status: 400, code: 'INVALID_ARGUMENT' };
}

describe('locate: positions of values in the file', () => {
  // [what, text, kind, body index, pointer, value range, member range (key and value)]
  const cases: [string, string, SourceKind, number, string, string, string][] = [
    ['BOM is not a column', '\ufeff{"a": 1}', 'json', 0, '/a', '1:7-1:8', '1:2-1:8'],
    ['BOM, root', '\ufeff{"a": 1}', 'json', 0, '', '1:1-1:9', '1:1-1:9'],
    ['leading whitespace, root', '\n\n  [1]  \n', 'json', 0, '', '3:3-3:6', '3:3-3:6'],
    ['CRLF, nested object', '{\r\n  "device": {\r\n    "phoneNumber": "+34600000000"\r\n  }\r\n}\r\n', 'json', 0, '/device', '2:13-4:4', '2:3-4:4'],
    ['CRLF, string', '{\r\n  "device": {\r\n    "phoneNumber": "+34600000000"\r\n  }\r\n}\r\n', 'json', 0, '/device/phoneNumber', '3:20-3:34', '3:5-3:34'],
    ['lone CR, array', '{"a":\r[1,\r2]}', 'json', 0, '/a', '2:1-3:3', '1:2-3:3'],
    ['lone CR, item', '{"a":\r[1,\r2]}', 'json', 0, '/a/1', '3:1-3:2', '3:1-3:2'],
    ['tabs are one column', '{\n\t"a":\t{\t"b":\ttrue}\n}', 'json', 0, '/a', '2:7-2:19', '2:2-2:19'],
    ['tabs, inner', '{\n\t"a":\t{\t"b":\ttrue}\n}', 'json', 0, '/a/b', '2:14-2:18', '2:9-2:18'],
    ['astral characters are two units', '{"😀x": "🎉🎉", "k": "é"}', 'json', 0, '/😀x', '1:9-1:15', '1:2-1:15'],
    ['after astral characters', '{"😀x": "🎉🎉", "k": "é"}', 'json', 0, '/k', '1:22-1:25', '1:17-1:25'],
    ['CJK key', '{"名前": "東京都",\n "b": [ "数", 2 ]}', 'json', 0, '/名前', '1:8-1:13', '1:2-1:13'],
    ['CJK array', '{"名前": "東京都",\n "b": [ "数", 2 ]}', 'json', 0, '/b', '2:7-2:17', '2:2-2:17'],
    ['CJK item', '{"名前": "東京都",\n "b": [ "数", 2 ]}', 'json', 0, '/b/0', '2:9-2:12', '2:9-2:12'],
    ['after CJK item', '{"名前": "東京都",\n "b": [ "数", 2 ]}', 'json', 0, '/b/1', '2:14-2:15', '2:14-2:15'],
    ['nested arrays', '[[1, [2, [3, {"x": [4]}]]]]', 'json', 0, '/0/1/1/1/x/0', '1:21-1:22', '1:21-1:22'],
    ['nested arrays, inner array', '[[1, [2, [3, {"x": [4]}]]]]', 'json', 0, '/0/1/1', '1:10-1:25', '1:10-1:25'],
    ['nested arrays, object in array', '[[1, [2, [3, {"x": [4]}]]]]', 'json', 0, '/0/1/1/1', '1:14-1:24', '1:14-1:24'],
    ['escaped key', '{"a\\/b": 1, "c~d": 2}', 'json', 0, '/a~1b', '1:10-1:11', '1:2-1:11'],
    ['~ in a key', '{"a\\/b": 1, "c~d": 2}', 'json', 0, '/c~0d', '1:20-1:21', '1:13-1:21'],
    ['duplicate key: the last one (the one JSON.parse keeps)', '{"a": 1,\n "a": 22}', 'json', 0, '/a', '2:7-2:9', '2:2-2:9'],
    ['NDJSON: second line', '{"a":1}\n\n  {"b": [1, 2]}\r\n{"c":\t"x"}\r{"d":}\n', 'ndjson', 1, '/b', '3:9-3:15', '3:4-3:15'],
    ['NDJSON: CRLF then tab', '{"a":1}\n\n  {"b": [1, 2]}\r\n{"c":\t"x"}\r{"d":}\n', 'ndjson', 2, '/c', '4:7-4:10', '4:2-4:10'],
    ['NDJSON: root of a line', '{"a":1}\n\n  {"b": [1, 2]}\r\n{"c":\t"x"}\r{"d":}\n', 'ndjson', 1, '', '3:3-3:16', '3:3-3:16'],
    ['NDJSON: BOM on the first line', '\ufeff{"a":1}\n{"a":2}', 'ndjson', 0, '/a', '1:6-1:7', '1:2-1:7'],
    ['YAML: first document', 'qosProfile: QOS_E\n---\ndevice:\n  phoneNumber: "+34600000000"\n  ports: [1, 2]\n---\n- x\n- y: z\n', 'yaml', 0, '/qosProfile', '1:13-1:18', '1:1-1:18'],
    ['YAML: block map in the second document', 'qosProfile: QOS_E\n---\ndevice:\n  phoneNumber: "+34600000000"\n  ports: [1, 2]\n---\n- x\n- y: z\n', 'yaml', 1, '/device', '4:3-5:16', '3:1-5:16'],
    ['YAML: quoted scalar', 'qosProfile: QOS_E\n---\ndevice:\n  phoneNumber: "+34600000000"\n  ports: [1, 2]\n---\n- x\n- y: z\n', 'yaml', 1, '/device/phoneNumber', '4:16-4:30', '4:3-4:30'],
    ['YAML: flow sequence item', 'qosProfile: QOS_E\n---\ndevice:\n  phoneNumber: "+34600000000"\n  ports: [1, 2]\n---\n- x\n- y: z\n', 'yaml', 1, '/device/ports/1', '5:14-5:15', '5:14-5:15'],
    ['YAML: third document, map in a sequence', 'qosProfile: QOS_E\n---\ndevice:\n  phoneNumber: "+34600000000"\n  ports: [1, 2]\n---\n- x\n- y: z\n', 'yaml', 2, '/1', '8:3-8:7', '8:3-8:7'],
    ['YAML: third document, nested value', 'qosProfile: QOS_E\n---\ndevice:\n  phoneNumber: "+34600000000"\n  ports: [1, 2]\n---\n- x\n- y: z\n', 'yaml', 2, '/1/y', '8:6-8:7', '8:3-8:7'],
    ['YAML: BOM, CRLF, astral', '\ufeffa: 1\r\nb:\r\n  - "é😀"\r\n', 'yaml', 0, '/b/0', '3:5-3:10', '3:5-3:10'],
    ['YAML: BOM, first line', '\ufeffa: 1\r\nb:\r\n  - "é😀"\r\n', 'yaml', 0, '/a', '1:4-1:5', '1:1-1:5'],
    ['YAML: trailing comment and blank lines are not part of the value', 'a:\n  b: [1] # note\n  c: x   \n\n# end\n', 'yaml', 0, '/a', '2:3-3:7', '1:1-3:7'],
    ['YAML: block scalar', 'a: |\n  one\n  two\n\nb: 1\n', 'yaml', 0, '/a', '1:4-3:6', '1:1-3:6'],
    ['YAML: empty value is located at its key', 'a:\nb: 1\n', 'yaml', 0, '/a', '1:1-1:3', '1:1-1:3'],
    ['YAML: through an alias', 'base: &d\n  x: 1\ncopy: *d\n', 'yaml', 0, '/copy/x', '2:6-2:7', '2:3-2:7'],
    ['YAML: an alias itself', 'base: &d\n  x: 1\ncopy: *d\n', 'yaml', 0, '/copy', '3:7-3:9', '3:1-3:9'],
    ['YAML: tabs inside flow', 'a: {b:\t"x"}\n', 'yaml', 0, '/a/b', '1:8-1:11', '1:5-1:11'],
  ];
  it.each(cases)('%s', (_what, text, kind, index, pointer, value, member) => {
    const body = bodyOf(text, kind, index);
    expect(body.problems.filter((p) => p.messageId !== 'duplicateKey')).toEqual([]);
    expect(show(body.locate(pointer))).toBe(value);
    expect(show(body.locateMember(pointer))).toBe(member);
  });

  it('answers undefined for pointers that name nothing', () => {
    const body = bodyOf('{"a": [1, {"b": 2}], "c": "x"}', 'json');
    for (const pointer of ['/x', '/a/2', '/a/01', '/a/-', '/a/1/c', '/c/0', 'a', '/a/1/b/x']) {
      expect(body.locate(pointer), pointer).toBeUndefined();
    }
    const yaml = bodyOf('a: [1, {b: 2}]\n', 'yaml');
    for (const pointer of ['/x', '/a/2', '/a/01', '/a/1/c', 'a']) expect(yaml.locate(pointer), pointer).toBeUndefined();
  });

  it('a body that does not parse locates nothing', () => {
    expect(bodyOf('{"a":', 'json').locate('')).toBeUndefined();
    expect(bodyOf('a: [', 'yaml').locate('')).toBeUndefined();
  });
});

describe('bodies', () => {
  it('NDJSON: one body per non-blank line, numbered from 0, with its file line', () => {
    const bodies = parseSource('{"a":1}\n\n \t \n{"b":2}\r\n\r\n{"c":3}\r{"d":\n', 'ndjson');
    expect(bodies.map((b) => [b.index, b.line, 'value' in b ? b.value : 'none'])).toEqual([
      [0, 1, { a: 1 }],
      [1, 4, { b: 2 }],
      [2, 6, { c: 3 }],
      [3, 7, 'none'],
    ]);
  });

  it('YAML: one body per document; empty documents are skipped', () => {
    const bodies = parseSource('---\n---\na: 1\n---\n# nothing\n---\n~\n---\n[1]\n', 'yaml');
    expect(bodies.map((b) => [b.index, b.line, b.value])).toEqual([
      [0, 3, { a: 1 }],
      [1, 7, null],
      [2, 9, [1]],
    ]);
  });

  it('JSON: a clean body has its value and no findings', () => {
    const [body, ...rest] = parseSource('{"a": [1, "x", null, true, {"b": -0.5e3}]}', 'json');
    expect(rest).toEqual([]);
    expect(body).toMatchObject({ index: 0, line: 1, problems: [], value: { a: [1, 'x', null, true, { b: -500 }] } });
  });

  it('accepts bytes, dropping a UTF-8 BOM', () => {
    const bytes = new TextEncoder().encode('\ufeff{"名": "é"}');
    const body = bodyOf(bytes, 'json');
    expect(body.value).toEqual({ 名: 'é' });
    expect(show(body.locate('/名'))).toBe('1:7-1:10');
  });
});

describe('parse findings', () => {
  // [what, text, kind, [messageId@path range]...]
  const cases: [string, string | Uint8Array, SourceKind, string[]][] = [
    ['JSON syntax error, multi-line', '{\n  "a": 1,\n  "b": tru\n}', 'json', ['invalidJson@ 3:11-3:11']],
    ['JSON syntax error after a BOM and CRLF', '\ufeff{"a": 1,\r\n "b" 2}', 'json', ['invalidJson@ 2:6-2:7']],
    ['JSON syntax error after astral text', '{"😀": "🎉" x}', 'json', ['invalidJson@ 1:13-1:14']],
    ['JSON syntax error on a lone-CR line', '{"a":\r[1,\r2,]}', 'json', ['invalidJson@ 3:3-3:4']],
    ['JSON unterminated string points at its opening quote', '{"a": "abc', 'json', ['invalidJson@ 1:7-1:8']],
    ['JSON trailing text', '{}\n\n{}', 'json', ['invalidJson@ 3:1-3:2']],
    ['JSON empty file', '', 'json', ['invalidJson@ 1:1-1:1']],
    ['JSON blank file', '\ufeff \n', 'json', ['invalidJson@ 2:1-2:1']],
    ['JSON duplicate key at depth', '{"device": {\n  "ipv4Address": {"publicAddress": "1.2.3.4",\n\t"publicAddress": "5.6.7.8"}}}', 'json', ['duplicateKey@/device/ipv4Address/publicAddress 3:2-3:17']],
    ['JSON duplicate keys, twice', '[{"a":1,"a":2,"a":3}]', 'json', ['duplicateKey@/0/a 1:9-1:12', 'duplicateKey@/0/a 1:15-1:18']],
    ['JSON duplicate key spelled with an escape', '{"ab": 1, "a\\u0062": 2}', 'json', ['duplicateKey@/ab 1:11-1:20']],
    ['NDJSON syntax errors name their file line', '{"a":1}\n{"a":}\n\n[1 2]\r\n{"b":', 'ndjson', ['invalidJson@ 2:6-2:7', 'invalidJson@ 4:4-4:5', 'invalidJson@ 5:6-5:6']],
    ['NDJSON duplicate key on line 3', '{}\n\n{"x": {"k": 1, "k": 2}}', 'ndjson', ['duplicateKey@/x/k 3:16-3:19']],
    ['NDJSON blank file', '\n  \r\n', 'ndjson', ['invalidJson@ 1:1-1:1']],
    ['YAML syntax error', 'a: 1\nb: c: d\n', 'yaml', ['invalidYaml@ 2:4-2:5']],
    ['YAML syntax error in a later document', 'a: 1\n---\nb: [1,\n', 'yaml', ['invalidYaml@ 4:1-4:1']],
    ['YAML duplicate key at depth', 'a:\n  b:\n    c: 1\n    d: 2\n    c: 3\n', 'yaml', ['duplicateKey@/a/b/c 5:5-5:6']],
    ['YAML duplicate key in a flow map in a sequence', '{x: [ {k: 1, k: 2} ]}', 'yaml', ['duplicateKey@/x/0/k 1:14-1:15']],
    ['YAML duplicate key, quoted and plain', 'a: 1\n"a": 2\n', 'yaml', ['duplicateKey@/a 2:1-2:4']],
    ['YAML duplicate key, number and string', '1: x\n"1": y\n', 'yaml', ['duplicateKey@/1 2:1-2:4']],
    ['YAML empty file', '', 'yaml', ['invalidYaml@ 1:1-1:1']],
    ['YAML comments only', '# nothing\n---\n', 'yaml', ['invalidYaml@ 1:1-1:1']],
    ['YAML unresolved alias', 'a: *nope\n', 'yaml', ['invalidYaml@ 1:4-1:9']],
    ['YAML nested too deep (flow)', `a: ${'['.repeat(300)}`, 'yaml', ['invalidYaml@ 1:204-1:205']],
    ['YAML nested too deep (block)', Array.from({ length: 120 }, (_, k) => `${'  '.repeat(k)}k${k}:`).join('\n'), 'yaml', ['invalidYaml@ 102:201-102:202']],
    ['YAML alias inside its own anchor (a cycle)', 'a: &x\n  b: [1, *x]\n', 'yaml', ['invalidYaml@ 2:10-2:12']],
    ['invalid UTF-8 byte', new Uint8Array([0x7b, 0x0a, 0x20, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'json', ['invalidUtf8@ 2:3-2:4']],
    ['invalid UTF-8 after a BOM and astral text', new Uint8Array([0xef, 0xbb, 0xbf, 0xf0, 0x9f, 0x98, 0x80, 0xff]), 'yaml', ['invalidUtf8@ 1:3-1:4']],
    ['UTF-16 text is not UTF-8', new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'ndjson', ['invalidUtf8@ 1:1-1:2']],
  ];
  it.each(cases)('%s', (_what, text, kind, expected) => {
    const problems = parseSource(text, kind).flatMap((b) => b.problems);
    expect(problems.map((p) => `${p.messageId}@${p.path} ${show(p)}`)).toEqual(expected);
    for (const p of problems) {
      expect(p).toMatchObject({ ruleId: 'parse', severity: 'error', status: 400, code: 'INVALID_ARGUMENT' });
      expect(p.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('a duplicate key names the key and the earlier occurrence, and keeps the last value', () => {
    const body = bodyOf('{\n  "qosProfile": "QOS_E",\n  "qosProfile": "QOS_L"\n}', 'json');
    expect(body.value).toEqual({ qosProfile: 'QOS_L' });
    expect(body.problems[0]).toMatchObject({ path: '/qosProfile', data: { key: 'qosProfile', previousLine: 2, previousColumn: 3 } });
    expect(body.problems[0]!.message).toBe(
      "The key 'qosProfile' appears twice in the body (also at line 2, column 3): only the last value counts here, and other parsers may take the first.",
    );
  });

  it('a repeated key with control characters or great length is shown escaped and shortened', () => {
    const long = 'k'.repeat(100);
    expect(bodyOf(`{"a\\nb": 1, "a\\nb": 2, "${long}": 1, "${long}": 2}`, 'json').problems.map((p) => p.message.split(' appears twice')[0])).toEqual([
      "The key 'a\\nb'",
      `The key '${'k'.repeat(37)}...'`,
    ]);
  });

  it('messages name what is wrong', () => {
    expect(bodyOf('{"a": 1,}', 'json').problems[0]!.message).toBe("The text is not valid JSON: a property name in double quotes was expected, found '}'.");
    expect(bodyOf('{"a":', 'ndjson').problems[0]!.message).toBe('The text is not valid JSON: a value was expected, found the end of the line.');
    expect(bodyOf('', 'json').problems[0]!.message).toBe('The text is empty: a JSON body is required.');
    expect(bodyOf('', 'ndjson').problems[0]!.message).toBe('The file has no JSON line: at least one body is required.');
    expect(bodyOf('', 'yaml').problems[0]!.message).toBe('The file has no YAML document: at least one body is required.');
    expect(bodyOf('a: b: c', 'yaml').problems[0]!.message).toBe('The text is not valid YAML: nested mappings are not allowed in compact mappings.');
  });

  it('never throws, whatever the text or bytes', () => {
    const inputs: (string | Uint8Array)[] = ['\u0000', '\ud800', '{"a":"\ud800"}', '['.repeat(50000), '- '.repeat(5000), ' '.repeat(100000), `a: &a [${'*a,'.repeat(200)}]`, '\r', '\r\n', new Uint8Array([0xef, 0xbb]), new Uint8Array([])];
    for (const input of inputs) {
      for (const kind of ['json', 'ndjson', 'yaml'] as const) {
        const bodies = parseSource(input, kind);
        expect(bodies.length).toBeGreaterThan(0);
        for (const body of bodies) {
          expect(() => withLocations([issue(''), issue('/a/0')], body)).not.toThrow();
          for (const p of body.problems) expect(p.line).toBeGreaterThan(0);
        }
      }
    }
  }, 30_000);

  it('a YAML alias bomb is a finding, not a hang', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k < 10; k++) lines.push(`a${k}: &a${k} [${Array(10).fill(`*a${k - 1}`).join(', ')}]`);
    const body = bodyOf(lines.join('\n'), 'yaml');
    expect(body.problems.map((p) => p.messageId)).toEqual(['invalidYaml']);
    expect(body.problems[0]!.message).toMatch(/alias/i);
  });
});

describe('withLocations', () => {
  const text = '{\n  "device": {\n    "phoneNumber": "+34 600",\n    "foo": [1, 2]\n  },\n  "duration": 0\n}\n';
  const body = bodyOf(text, 'json');

  it('locates each issue at the value its path names', () => {
    const located = withLocations([issue('/device/phoneNumber'), issue('/duration'), issue('')], body);
    expect(located.map(show)).toEqual(['3:20-3:29', '6:15-6:16', '1:1-7:2']);
  });

  it('a missing property (path: its parent object) gets the parent object range', () => {
    const missing = { ...issue('/device', 'required'), data: { property: 'ipv4Address' } };
    expect(show(withLocations([missing], body)[0])).toBe('2:13-5:4');
  });

  it('an unknown property spans its key and value', () => {
    expect(MEMBER_MESSAGE_IDS.has('unknownProperty')).toBe(true);
    expect(show(withLocations([issue('/device/foo', 'unknownProperty')], body)[0])).toBe('4:5-4:18');
    expect(show(withLocations([issue('/device/foo', 'unevaluatedProperties')], body)[0])).toBe('4:5-4:18');
  });

  it('a path that names nothing gets its nearest existing ancestor', () => {
    expect(show(withLocations([issue('/device/ipv4Address/publicAddress')], body)[0])).toBe('2:13-5:4');
    expect(show(withLocations([issue('/nothing')], body)[0])).toBe('1:1-7:2');
  });

  it('keeps issues that are located already, and does not change its input', () => {
    const given = [{ ...issue('/device'), line: 9, column: 9, endLine: 9, endColumn: 10 }, issue('/duration')];
    const copy = structuredClone(given);
    const located = withLocations(given, body);
    expect(located[0]).toBe(given[0]);
    expect(given).toEqual(copy);
    expect(located[1]).toEqual({ ...given[1], line: 6, column: 15, endLine: 6, endColumn: 16 });
  });

  it('costs nothing without issues', () => {
    expect(withLocations([], bodyOf('{"a":', 'json'))).toEqual([]);
  });
});

describe('sourceKindOf', () => {
  const cases: [string, SourceKind | undefined][] = [
    ['a.json', 'json'],
    ['dir/B.JSON', 'json'],
    ['x.ndjson', 'ndjson'],
    ['x.jsonl', 'ndjson'],
    ['C:\\fixtures\\x.yml', 'yaml'],
    ['x.yaml', 'yaml'],
    ['x.json5', undefined],
    ['x.txt', undefined],
    ['json', undefined],
    ['dir.json/file', undefined],
    ['x.', undefined],
    ['x.__proto__', undefined],
  ];
  it.each(cases)('%s → %s', (path, kind) => {
    expect(sourceKindOf(path)).toBe(kind);
  });
});
