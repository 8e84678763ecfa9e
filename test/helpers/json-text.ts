// JSON texts for the position tests: a value serialized with whitespace, line breaks (LF, CRLF,
// lone CR) and string spellings (escapes) chosen by the test, and every pointer of a value.

import { escapePointerSegment } from '../../src/shared/pointer.js';

const WHITESPACE = ['', '', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n    ', '\r\n\t\t', ' \n '];
const SAME_LINE_WHITESPACE = ['', '', ' ', '  ', '\t', ' \t '];

/** Serializes a value with whitespace and string spellings chosen from `choices`. */
export function serialize(value: unknown, choices: readonly number[], oneLine: boolean): string {
  let k = 0;
  const next = (): number => choices[k++ % choices.length]!;
  const space = (): string => {
    const pool = oneLine ? SAME_LINE_WHITESPACE : WHITESPACE;
    return pool[next() % pool.length]!;
  };
  const string = (s: string): string => {
    switch (next() % 4) {
      case 0: // every code unit escaped
        return `"${Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`;
      case 1: // '/' escaped too
        return JSON.stringify(s).replace(/\//g, '\\/');
      default:
        return JSON.stringify(s);
    }
  };
  const write = (v: unknown): string => {
    if (typeof v === 'string') return string(v);
    if (Array.isArray(v)) return `[${space()}${v.map((item) => `${write(item)}${space()}`).join(`,${space()}`)}]`;
    if (typeof v === 'object' && v !== null) {
      const members = Object.entries(v).map(([key, item]) => `${string(key)}${space()}:${space()}${write(item)}${space()}`);
      return `{${space()}${members.join(`,${space()}`)}}`;
    }
    return JSON.stringify(v);
  };
  return `${space()}${write(value)}${space()}`;
}

/** Every pointer of a value, with the value it names. */
export function pointersOf(value: unknown, pointer = '', out: [string, unknown][] = []): [string, unknown][] {
  out.push([pointer, value]);
  if (Array.isArray(value)) value.forEach((item, i) => pointersOf(item, `${pointer}/${i}`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) pointersOf((value as Record<string, unknown>)[key], `${pointer}/${escapePointerSegment(key)}`, out);
  }
  return out;
}
