// JSON text → value. The fast path is JSON.parse plus a cheap duplicate-key test; the scanner
// (json-scan.ts) runs only for a suspected duplicate or for a syntax error.

import { scanJson, type JsonDuplicate } from './json-scan.js';


// ignoreBOM: the BOM stays in the text, and stripBom removes exactly one, as for a string.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8 (a BOM is dropped); undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The offset of the first byte that is not part of well-formed UTF-8 (the Unicode "maximal
 * subpart" rules: overlongs, surrogates and code points above U+10FFFF are ill-formed), or -1.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = i + k < n ? bytes[i + k]! : -1;
      if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The text with a leading byte-order mark removed (it is not part of the text, nor a column). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Duplicate keys, cheaply
//
// JSON.parse keeps the last of duplicate keys silently. To notice them without a second full
// parse, compare a count taken from the text with the same count taken from the parsed value;
// a dropped duplicate member makes the text's count larger. In order of cost:
// 1. commas: the text has one ',' between the members of each object and the items of each
//    array, plus any ',' inside strings; the value has (members - 1) per object and (items - 1)
//    per array. Equal counts prove there is no duplicate (escapes cannot hide one: an escaped
//    comma is not a comma in the text). Most request bodies have no comma in a string and stop
//    here, after a few native indexOf calls and one walk of the value.
// 2. otherwise, in text without backslashes, every '"' delimits a string: the text has
//    2 × (keys + string values) quotes, the value one per surviving key and string value;
// 3. otherwise (escapes), ':' outside strings, one per member, counted with a character loop.
// A mismatch at 2 or 3 is confirmed, with positions and pointers, by the scanner.

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

function countChar(text: string, char: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf(char, start); i !== -1 && i < end; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** The commas a minimal serialization of the value has outside strings. */
function countSeparators(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    const length = value.length;
    for (let i = 0; i < length; i++) n += countSeparators(value[i]);
    return length > 1 ? n + length - 1 : n;
  }
  let members = 0;
  for (const key in value) {
    members++;
    n += countSeparators((value as Record<string, unknown>)[key]);
  }
  return members > 1 ? n + members - 1 : n;
}

/** Keys plus string values. */
function countStrings(value: unknown): number {
  if (typeof value === 'string') return 1;
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += countStrings(value[i]);
    return n;
  }
  for (const key in value) n += 1 + countStrings((value as Record<string, unknown>)[key]);
  return n;
}

/** ':' outside strings: one per object member in valid JSON. */
function countColons(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) break;
        if (d === BACKSLASH) i++;
      }
    } else if (c === COLON) n++;
  }
  return n;
}

function countMembers(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += countMembers(value[i]);
    return n;
  }
  for (const key in value) n += 1 + countMembers((value as Record<string, unknown>)[key]);
  return n;
}

const NO_DUPLICATES: readonly JsonDuplicate[] = Object.freeze([]);
const EMPTY_OBJECT = {};

/** Whether Object.prototype has enumerable properties (someone polluted it): for-in would count them. */
function prototypeIsPolluted(): boolean {
  for (const _ in EMPTY_OBJECT) return true;
  return false;
}

/**
 * The quick test: whether text[start, end), which JSON.parse turned into `value`, may have a key
 * twice in one object. false is certain; true is confirmed (or not) by the scanner. Costs about
 * a sixth of JSON.parse of the same text for a typical request body (test/parse/parse.bench.ts).
 */
export function mayHaveDuplicateKeys(text: string, value: unknown, start = 0, end = text.length): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (prototypeIsPolluted()) return true;
    if (countChar(text, ',', start, end) === countSeparators(value)) return false;
    const backslash = text.indexOf('\\', start);
    if (backslash === -1 || backslash >= end) return countChar(text, '"', start, end) !== 2 * countStrings(value);
    return countColons(text, start, end) !== countMembers(value);
  } catch {
    // Nesting too deep for the recursive counts: let the (iterative) scanner decide.
    return true;
  }
}

/**
 * The quick test's first step for a caller that counted the value's separators itself while
 * walking it (the accept pass, src/engine/accept.ts), as countSeparators counts them: true is
 * certain (no key appears twice), false says nothing.
 */
export function hasNoDuplicateKeys(text: string, separators: number): boolean {
  return !prototypeIsPolluted() && countChar(text, ',', 0, text.length) === separators;
}

/**
 * The duplicate keys of text[start, end), which JSON.parse turned into `value`: empty (a shared
 * frozen array, no allocation) in the usual case, else each later occurrence with its pointer.
 */
export function duplicateKeys(text: string, value: unknown, start = 0, end = text.length): readonly JsonDuplicate[] {
  if (!mayHaveDuplicateKeys(text, value, start, end)) return NO_DUPLICATES;
  const found = scanJson(text, start, end).duplicates;
  return found.length === 0 ? NO_DUPLICATES : found;
}

// ---------------------------------------------------------------------------------------------

/** The syntax error of text that JSON.parse rejected, with its exact position. */
export function syntaxFailure(text: string, start = 0, end = text.length, parseMessage?: string): { start: number; end: number; reason: string } {
  const scan = scanJson(text, start, end);
  if (scan.error !== undefined) return scan.error;
  // The scanner accepted what JSON.parse rejected (should not happen): keep JSON.parse's words.
  return { start, end: start, reason: (parseMessage ?? 'the text is not valid JSON').replace(/^JSON\.parse: /, '') };
}

