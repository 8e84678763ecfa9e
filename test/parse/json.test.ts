// The JSON layer: the strict scanner (syntax errors at exact offsets, agreement with JSON.parse),
// the cheap duplicate-key test (exact against the scanner).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeys, invalidUtf8Offset, mayHaveDuplicateKeys } from '../../src/parse/json.js';
import { scanJson } from '../../src/parse/json-scan.js';

/** The offending text of a syntax error, `|` marking an empty span. */
function errorAt(text: string): { at: string; reason: string } | undefined {
  const scan = scanJson(text);
  if (scan.error === undefined) return undefined;
  const { start, end, reason } = scan.error;
  return { at: `${start}-${end}:${text.slice(start, end) || '|'}`, reason };
}

describe('scanJson syntax errors', () => {
  // [text, offset-range:offending text, reason contains]
  const cases: [string, string, string][] = [
    ['', '0-0:|', 'empty'],
    [' \n\t ', '4-4:|', 'empty'],
    ['{"a":}', '5-6:}', "a value was expected, found '}'"],
    ['{"a":', '5-5:|', 'found the end of the text'],
    ['{"a" 1}', '5-6:1', "':' was expected after the property name"],
    ['{a:1}', '1-2:a', 'a property name in double quotes'],
    ['{"a":1,}', '7-8:}', 'a property name in double quotes'],
    ['[1,]', '3-4:]', 'a value was expected'],
    ['[1 2]', '3-4:2', "',' or ']' was expected after an array item"],
    ['{"a":1 "b":2}', '7-8:"', "',' or '}' was expected after a property value"],
    ['[01]', '2-3:1', 'leading zeros'],
    ['[-]', '2-3:]', "a digit was expected after '-'"],
    ['[1.]', '3-4:]', 'decimal point'],
    ['[1e+]', '4-5:]', 'exponent'],
    ['[.5]', '1-2:.', 'a value was expected'],
    ['[+1]', '1-2:+', 'a value was expected'],
    ['tru', '3-3:|', "'true' was expected, found the end of the text"],
    ['[nul1]', '4-5:1', "'null' was expected"],
    ['"abc', '0-1:"', 'not closed'],
    ['"a\nb"', '2-2:|', 'control character U+000A'],
    ['"\\x"', '1-3:\\x', 'not a JSON escape sequence'],
    ['"\\u12G4"', '1-6:\\u12G', 'four hexadecimal digits'],
    ['{"a":1} x', '8-9:x', 'the JSON value ends before'],
    ['{"a":1}}', '7-8:}', 'the JSON value ends before'],
    ['\ufeff{}', '0-1:\ufeff', 'U+FEFF'],
    ['{"a":😀}', '5-7:😀', "found '😀'"],
    ['[1,\n 2,\r\n x]', '10-11:x', 'a value was expected'],
    ["{'a':1}", "1-2:'", 'a property name in double quotes'],
    ['// c\n{}', '0-1:/', 'a value was expected'],
    ['NaN', '0-1:N', 'a value was expected'],
  ];
  it.each(cases)('%j fails at %s', (text, at, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = errorAt(text);
    expect(error?.at).toBe(at);
    expect(error?.reason).toContain(reason);
  });

  it('accepts what JSON.parse accepts, including deep nesting and every escape', () => {
    for (const text of ['0', '-0', '1.5e-7', '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00"', '"\\ud800"', '[]', '{}', ' [ { } , [ ] ] ', '[1,[2,[3]]]', `${'['.repeat(100000)}${']'.repeat(100000)}`]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(scanJson(text).error).toBeUndefined();
    }
  });

  const parsesAsJson = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('agrees with JSON.parse on random near-JSON text', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"', '\\', '1', '0', '-', '.', 'e', '+', 'true', 'null', ' ', '\n', 'x', '"\\u00', '"\\n"');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        expect(scanJson(text).error === undefined).toBe(parsesAsJson(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with JSON.parse on JSON with one character deleted or inserted', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', '\\', ':', '0', ' '), (json, at, insert) => {
        const i = at % (json.length + 1);
        const text = json.slice(0, i) + insert + json.slice(i + (insert === '' ? 1 : 0));
        expect(scanJson(text).error === undefined).toBe(parsesAsJson(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('duplicate keys', () => {
  const cases: [string, string[]][] = [
    ['{"a":1,"a":2}', ['/a']],
    ['{"a":1,"b":2}', []],
    ['{"a":{"b":1,"b":[1,{"c":1,"c":2}]}}', ['/a/b', '/a/b/1/c']],
    ['[{"x":1},{"x":2},{"y":1,"y":1,"y":1}]', ['/2/y', '/2/y']],
    ['{"a\\u0062":1,"ab":2}', ['/ab']],
    ['{"a/b~":1,"a/b~":2}', ['/a~1b~0']],
    ['{"__proto__":1,"__proto__":2}', ['/__proto__']],
    ['{"":1,"":2}', ['/']],
    ['{"a":"x\\"y","a":"q:w"}', ['/a']],
    ['{"a":"\\"","b":"\\""}', []],
    ['{"a":"\\u003a","a":1}', ['/a']],
    ['{"a":"x,y","b":[1,2]}', []],
    ['{"a":"x,y","a":[1,2]}', ['/a']],
    ['{"a":"x,y\\n","b":{"c":","}}', []],
    ['{"a":"\\u002c","a":1}', ['/a']],
    ['{"a":{},"a":[]}', ['/a']],
  ];
  it.each(cases)('%s → %j', (text, pointers) => {
    const value = JSON.parse(text) as unknown;
    expect(duplicateKeys(text, value).map((d) => d.pointer)).toEqual(pointers);
    expect(mayHaveDuplicateKeys(text, value)).toBe(pointers.length > 0);
  });

  it('finds duplicates in deeply nested text (beyond the recursive count)', () => {
    const text = `${'['.repeat(20000)}{"a":1,"a":2}${']'.repeat(20000)}`;
    const value = JSON.parse(text) as unknown;
    const found = duplicateKeys(text, value);
    expect(found).toHaveLength(1);
    expect(found[0]!.pointer).toBe(`${'/0'.repeat(20000)}/a`);
  });

  it('is not fooled by an enumerable property on Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.defineProperty(proto, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(duplicateKeys('{"a":1,"b":{"c":1}}', JSON.parse('{"a":1,"b":{"c":1}}'))).toEqual([]);
      expect(duplicateKeys('{"a":1,"a":1}', JSON.parse('{"a":1,"a":1}')).map((d) => d.pointer)).toEqual(['/a']);
    } finally {
      delete proto.polluted;
    }
  });

  /** Random JSON with (sometimes) a duplicate member somewhere, and (sometimes) escapes. */
  const jsonWithDuplicates = fc
    .tuple(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), fc.nat(), fc.boolean(), fc.constantFrom('"', 'x', ':', '\\', ',', ', '))
    .map(([value, duplicate, where, escape, char]) => {
      const objects: Record<string, unknown>[] = [];
      const visit = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(visit);
        else if (typeof v === 'object' && v !== null) {
          objects.push(v as Record<string, unknown>);
          Object.values(v).forEach(visit);
        }
      };
      visit(value);
      const marker = '\u0000DUP\u0000';
      let text: string;
      if (duplicate && objects.length > 0) {
        const target = objects[where % objects.length]!;
        const keys = Object.keys(target);
        const key = keys.length > 0 ? keys[where % keys.length]! : 'k';
        if (keys.length === 0) target.k = 1;
        target[marker] = escape ? `${char}:${char}` : 1;
        text = JSON.stringify(value).replace(JSON.stringify(marker), () => JSON.stringify(key));
      } else {
        text = JSON.stringify(value);
        if (escape) text = text.replace(/"/, '"\\u0061');
      }
      return text;
    });

  it('the quick test agrees with the scanner on random JSON', () => {
    fc.assert(
      fc.property(jsonWithDuplicates, (text) => {
        const value = JSON.parse(text) as unknown;
        const actual = scanJson(text).duplicates.length > 0;
        expect(mayHaveDuplicateKeys(text, value)).toBe(actual);
        expect(duplicateKeys(text, value).length > 0).toBe(actual);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('invalidUtf8Offset', () => {
  const cases: [number[], number][] = [
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xff], 1],
    [[0x61, 0xc3], 1],
    [[0xc0, 0x80], 0],
    [[0xe0, 0x80, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x61, 0xe2, 0x82], 1],
  ];
  it.each(cases)('%j → %i (and agrees with TextDecoder)', (bytes, offset) => {
    expect(invalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
  });

  it('agrees with the fatal TextDecoder on random bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        expect(invalidUtf8Offset(bytes) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
