// A strict JSON scanner with positions: the slow path of the parse layer. It accepts exactly
// what JSON.parse accepts (RFC 8259 / ECMA-404: no comments, no trailing commas, no BOM), and
// returns a tree of offsets (each value's span, each member's key span), every duplicate key
// with its pointer, or the first syntax error at its exact offset. It is iterative, so any
// nesting depth is fine, and it never throws.
//
// It only runs when the fast key count saw a duplicate key (its tree then also serves the
// positions of the body's findings), or when JSON.parse failed and the error needs a position.
// Positions in a text without duplicate keys are found by json-locate.ts, which builds no tree.

import { escapePointerSegment, isIndexSegment } from '../shared/pointer.js';
import { TAB, LF, CR, SPACE, QUOTE, COMMA, MINUS, DOT, ZERO, NINE, COLON, BRACKET_OPEN, BACKSLASH, BRACKET_CLOSE, BRACE_OPEN, BRACE_CLOSE } from './char-codes.js';

/** One JSON value of the text, by offsets (UTF-16 code units, end exclusive). */
export interface JsonNode {
  readonly start: number;
  end: number;
  /** For an object member: the span of its key (the quoted string); -1 otherwise. */
  readonly keyStart: number;
  readonly keyEnd: number;
  /** An object's members by decoded key; for a duplicate key the last one, as JSON.parse keeps. */
  readonly members?: Map<string, JsonNode>;
  /** An array's items. */
  readonly items?: JsonNode[];
}

/** A key given a second (or further) time in one object. */
export interface JsonDuplicate {
  /** Pointer of the member (the parent object's pointer plus the key). */
  readonly pointer: string;
  readonly key: string;
  /** The occurrence before this one. */
  readonly previous: JsonNode;
  /** This occurrence. */
  readonly node: JsonNode;
}

/** Where the text stops being JSON. */
interface JsonSyntaxError {
  /** Span of the offending character or token (empty at the end of the text). */
  readonly start: number;
  readonly end: number;
  /** What is wrong, as a sentence fragment starting in lower case ("expected ':' after ..."). */
  readonly reason: string;
}

export interface JsonScan {
  /** The root value, when the text is JSON. */
  readonly root?: JsonNode;
  readonly duplicates: readonly JsonDuplicate[];
  readonly error?: JsonSyntaxError;
}


/** Characters that may follow a backslash in a JSON string (besides 'u'): " \ / b f n r t. */
const SIMPLE_ESCAPE = new Uint8Array(128);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;

const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** A readable name of the character at i (the whole code point), for messages. */
function describeAt(text: string, i: number, end: number): { name: string; width: number } {
  if (i >= end) return { name: 'the end of the text', width: 0 };
  const code = text.codePointAt(i)!;
  // A line break is named but not spanned, so that the range stays on the line where it is.
  const width = code === 10 || code === 13 ? 0 : code > 0xffff && i + 1 < end ? 2 : 1;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) {
    return { name: hex, width };
  }
  return { name: `'${String.fromCodePoint(code)}'`, width };
}

class ScanError {
  constructor(readonly start: number, readonly end: number, readonly reason: string) {}
}

/** Throws the syntax error at `at`, naming the character found there. */
function fail(text: string, at: number, end: number, reason: (found: string) => string): never {
  const { name, width } = describeAt(text, at, end);
  throw new ScanError(at, at + width, reason(name));
}

// The hot loops are plain functions over (text, offset, end) returning the next offset, so that
// the offset lives in a register rather than in a closure's context.

function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return i;
    i++;
  }
  return i;
}

/** Set by scanString: whether the string it scanned had an escape. */
let stringHadEscape = false;

/** Scans the string whose opening quote is at i; returns the offset after its closing quote. */
function scanString(text: string, i: number, end: number): number {
  const open = i;
  stringHadEscape = false;
  i++;
  for (;;) {
    if (i >= end) throw new ScanError(open, open + 1, 'the string that starts here is not closed');
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) {
      stringHadEscape = true;
      const e = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      if (e === 117 /* u */) {
        for (let k = i + 2; k < i + 6; k++) {
          const h = k < end ? text.charCodeAt(k) : -1;
          if (h < 0 || h >= 128 || HEX[h] === 0) {
            const { width } = describeAt(text, k, end);
            throw new ScanError(i, Math.max(k + width, i + 2), "'\\u' must be followed by four hexadecimal digits");
          }
        }
        i += 6;
        continue;
      }
      if (e < 0) fail(text, i + 1, end, (found) => `a backslash in a string must be followed by an escape character, found ${found}`);
      if (e >= 128 || SIMPLE_ESCAPE[e] === 0) {
        const { name, width } = describeAt(text, i + 1, end);
        throw new ScanError(i, i + 1 + width, `'\\' followed by ${name} is not a JSON escape sequence (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)`);
      }
      i += 2;
      continue;
    }
    if (c < 0x20) fail(text, i, end, (found) => `the control character ${found} must be escaped in a string`);
    i++;
  }
}

function skipDigits(text: string, i: number, end: number): number {
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Scans the number starting at i; returns the offset after it. */
function scanNumber(text: string, i: number, end: number): number {
  if (text.charCodeAt(i) === MINUS) {
    i++;
    if (i >= end || !isDigit(text.charCodeAt(i))) fail(text, i, end, (found) => `a digit was expected after '-', found ${found}`);
  }
  if (text.charCodeAt(i) === ZERO) {
    i++;
    if (i < end && isDigit(text.charCodeAt(i))) fail(text, i, end, () => 'a number must not have leading zeros');
  } else {
    i = skipDigits(text, i, end);
  }
  if (i < end && text.charCodeAt(i) === DOT) {
    i++;
    if (i >= end || !isDigit(text.charCodeAt(i))) fail(text, i, end, (found) => `a digit was expected after the decimal point, found ${found}`);
    i = skipDigits(text, i, end);
  }
  const e = i < end ? text.charCodeAt(i) : -1;
  if (e === 101 || e === 69 /* e E */) {
    i++;
    const s = i < end ? text.charCodeAt(i) : -1;
    if (s === 43 || s === MINUS) i++;
    if (i >= end || !isDigit(text.charCodeAt(i))) fail(text, i, end, (found) => `a digit was expected in the exponent, found ${found}`);
    i = skipDigits(text, i, end);
  }
  return i;
}

function scanLiteral(text: string, i: number, end: number, word: string): number {
  for (let k = 0; k < word.length; k++) {
    if (i + k >= end || text.charCodeAt(i + k) !== word.charCodeAt(k)) {
      fail(text, i + k, end, (found) => `'${word}' was expected, found ${found}`);
    }
  }
  return i + word.length;
}

interface Frame {
  readonly node: JsonNode;
  /** Object frames: the key of the member being read (its value is the next value attached). */
  key: string;
  keyStart: number;
  keyEnd: number;
}

/**
 * Scans text[start, end) as one JSON text. Offsets in the result are offsets into `text`.
 */
export function scanJson(text: string, start = 0, end = text.length): JsonScan {
  const duplicates: JsonDuplicate[] = [];
  const frames: Frame[] = [];
  let root: JsonNode | undefined;
  let frame: Frame | undefined;
  let i = skipWhitespace(text, start, end);
  if (i >= end) return { duplicates, error: { start: i, end: i, reason: 'the text is empty: a JSON value is required' } };

  try {
    // Each turn reads one value at i, then closes what it completes, then reads the next key.
    for (;;) {
      i = skipWhitespace(text, i, end);
      const c = i < end ? text.charCodeAt(i) : -1;
      const keyStart = frame !== undefined && frame.node.members !== undefined ? frame.keyStart : -1;
      const keyEnd = keyStart === -1 ? -1 : frame!.keyEnd;
      let node: JsonNode;
      let open = false;
      if (c === BRACE_OPEN || c === BRACKET_OPEN) {
        node = c === BRACE_OPEN ? { start: i, end: -1, keyStart, keyEnd, members: new Map() } : { start: i, end: -1, keyStart, keyEnd, items: [] };
        i = skipWhitespace(text, i + 1, end);
        if (i < end && text.charCodeAt(i) === (c === BRACE_OPEN ? BRACE_CLOSE : BRACKET_CLOSE)) node.end = ++i;
        else open = true;
      } else {
        node = { start: i, end: -1, keyStart, keyEnd };
        if (c === QUOTE) i = scanString(text, i, end);
        else if (c === MINUS || isDigit(c)) i = scanNumber(text, i, end);
        else if (c === 116 /* t */) i = scanLiteral(text, i, end, 'true');
        else if (c === 102 /* f */) i = scanLiteral(text, i, end, 'false');
        else if (c === 110 /* n */) i = scanLiteral(text, i, end, 'null');
        else fail(text, i, end, (found) => `a value was expected, found ${found}`);
        node.end = i;
      }

      // Attach the value to its container.
      if (frame === undefined) root = node;
      else if (frame.node.items !== undefined) frame.node.items.push(node);
      else {
        const members = frame.node.members!;
        const previous = members.get(frame.key);
        if (previous !== undefined) {
          duplicates.push({ pointer: `${pointerOf(frames)}/${escapePointerSegment(frame.key)}`, key: frame.key, previous, node });
        }
        members.set(frame.key, node);
      }

      if (open) {
        frame = { node, key: '', keyStart: -1, keyEnd: -1 };
        frames.push(frame);
        if (node.items !== undefined) continue;
      } else {
        // After a value: ',' (next item or member), or the end of containers.
        for (;;) {
          i = skipWhitespace(text, i, end);
          if (frame === undefined) {
            if (i < end) fail(text, i, end, (found) => `the JSON value ends before ${found}`);
            return { root, duplicates };
          }
          const isObject = frame.node.members !== undefined;
          const d = i < end ? text.charCodeAt(i) : -1;
          if (d === COMMA) {
            i++;
            break;
          }
          if (d === (isObject ? BRACE_CLOSE : BRACKET_CLOSE)) {
            frame.node.end = ++i;
            frames.pop();
            frame = frames[frames.length - 1];
            continue;
          }
          fail(text, i, end, (found) => (isObject ? `',' or '}' was expected after a property value, found ${found}` : `',' or ']' was expected after an array item, found ${found}`));
        }
        if (frame.node.items !== undefined) continue;
      }

      // A member's key and ':'.
      i = skipWhitespace(text, i, end);
      if (i >= end || text.charCodeAt(i) !== QUOTE) fail(text, i, end, (found) => `a property name in double quotes was expected, found ${found}`);
      const keyAt = i;
      i = scanString(text, i, end);
      frame.keyStart = keyAt;
      frame.keyEnd = i;
      frame.key = stringHadEscape ? (JSON.parse(text.slice(keyAt, i)) as string) : text.slice(keyAt + 1, i - 1);
      i = skipWhitespace(text, i, end);
      if (i >= end || text.charCodeAt(i) !== COLON) fail(text, i, end, (found) => `':' was expected after the property name, found ${found}`);
      i++;
    }
  } catch (error) {
    if (error instanceof ScanError) return { duplicates, error: { start: error.start, end: error.end, reason: error.reason } };
    // Not expected (e.g. memory); still an answer rather than a throw.
    return { duplicates, error: { start, end: start, reason: `the text could not be read (${String((error as Error)?.message ?? error)})` } };
  }
}

/** The pointer of the innermost open container (its members' parent). */
function pointerOf(frames: readonly Frame[]): string {
  let pointer = '';
  for (let k = 0; k < frames.length - 1; k++) {
    const frame = frames[k]!;
    pointer += frame.node.items !== undefined ? `/${frame.node.items.length - 1}` : `/${escapePointerSegment(frame.key)}`;
  }
  return pointer;
}

/**
 * The node a JSON Pointer names, or undefined when the pointer names nothing. Segments are
 * unescaped per RFC 6901; array indexes must be canonical ('0', '12', not '01').
 */
export function nodeAt(root: JsonNode, pointer: string): JsonNode | undefined {
  if (pointer === '') return root;
  if (pointer.charCodeAt(0) !== 47 /* / */) return undefined;
  let node: JsonNode | undefined = root;
  let from = 1;
  for (;;) {
    const slash = pointer.indexOf('/', from);
    const raw = pointer.slice(from, slash === -1 ? undefined : slash);
    node = childOf(node, raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw);
    if (node === undefined || slash === -1) return node;
    from = slash + 1;
  }
}

function childOf(node: JsonNode, segment: string): JsonNode | undefined {
  if (node.members !== undefined) return node.members.get(segment);
  if (node.items !== undefined && isIndexSegment(segment)) return node.items[Number(segment)];
  return undefined;
}
