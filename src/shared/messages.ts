// How messages name a field and quote a value. Shared by the schema's findings and the rules, so
// that every message reads alike; everything quoted from the body is escaped and shortened
// (./text.ts), since a message may reach an API consumer, a log or a terminal.

import { lastSlash, parsePointer } from './pointer.js';
import { escapeControl, quoteKey, shorten } from './text.js';

/** `device.ipv4Address.publicPort`, or 'the request body' for the root. */
export function fieldName(pointer: string): string {
  if (pointer === '') return 'the request body';
  return plainFieldName(pointer) ?? generalFieldName(pointer);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A character of a name that needs no escaping: an ASCII letter or '_' (digits are told apart by
 * isDigit). A plain name is made of these and digits, at most 40 characters.
 */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

/** The last parent named (a pointer up to its last '/'), and its name: a list's items share it. */
let lastParent: string | undefined;
let lastParentName = '';

/**
 * The common case in one pass without regular expressions: a pointer of plain names and indexes
 * (every finding of a CAMARA body names such a path). undefined for anything else. A run of items
 * of one list names their parent once.
 */
function plainFieldName(pointer: string): string | undefined {
  const slash = lastSlash(pointer);
  if (slash !== lastParent?.length || !pointer.startsWith(lastParent)) {
    const parentName = plainSegments(pointer, 1, slash, '');
    if (parentName === undefined) return undefined;
    lastParent = pointer.slice(0, slash);
    lastParentName = parentName;
  }
  return plainSegments(pointer, slash + 1, pointer.length, lastParentName);
}

/** `name` followed by the plain segments of pointer[start, end); undefined when one is not plain. */
function plainSegments(pointer: string, start: number, end: number, name: string): string | undefined {
  let out = name;
  while (start <= end) {
    // One pass over the segment: where it stops, whether it is plain, whether it is an index.
    let stop = start;
    let index = true;
    for (; stop < end; stop++) {
      const c = pointer.charCodeAt(stop);
      if (c === 47) break;
      if (isDigit(c)) continue;
      if (!isNameChar(c)) return undefined;
      index = false;
    }
    if (stop === start || stop - start > 40) return undefined;
    const segment = pointer.slice(start, stop);
    out += index ? `[${segment}]` : out === '' ? segment : `.${segment}`;
    start = stop + 1;
  }
  return out;
}

function generalFieldName(pointer: string): string {
  return parsePointer(pointer)
    .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? quoteKey(segment) : `.${quoteKey(segment)}`))
    .join('');
}

/** A short, quoted rendering of a value for messages. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // Quotes and backslashes first: escaping them after the control characters would double the
  // backslash of every escape (\u0085 shown as \\u0085).
  if (typeof value === 'string') return `"${escapeControl(shorten(value, 64).replace(/["\\]/g, (c) => `\\${c}`))}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'an object';
}
