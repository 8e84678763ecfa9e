// The value of a YAML text in a common, conservative subset, read without the yaml package: the
// YAML files people lint are mostly one document of block mappings and sequences, with quoted or
// plain scalars and now and then a JSON array or object on one line. Reading those by hand costs
// a few microseconds; the yaml package (yaml.ts: documents, nodes, spans, duplicate and alias
// checks) costs a hundred times that, more in a cold CLI run.
//
// The answer is the value parseYaml (yaml.ts: YAML 1.2 core schema, merge keys on) gives for the
// same text, which that parse would give without any problem: no syntax error, no duplicate key, no
// limit reached, exactly one document. Anything outside the subset, or in doubt, gets undefined and
// the caller takes the full parse. For a body with findings, fastYamlSpans reads the text again and
// says where each value is written, as parseYaml's document does, so that an invalid body needs no
// full parse either (only an edit, for a fix, does). test/parse/yaml-fast.test.ts compares the two
// on generated texts: values, lines and the span of every value and member.
//
// The subset:
// - printable ASCII and line feeds only (no tab, no CR, no BOM); comment lines and blank lines
//   anywhere; an optional `---` line before the content; nothing after the one document;
// - block mappings whose keys are plain words (not null, true or false in any spelling) or
//   one-line quoted strings, each key once: `key: scalar`, `key:` then a more indented block (or a
//   sequence at the key's own indentation), `key:` alone (null);
// - block sequences: `- scalar`, `-` then a more indented block, `- key: value` (a mapping that
//   goes on at the key's column);
// - scalars on one line: "double-quoted" (as JSON reads it), 'single-quoted', plain (resolved as
//   the core schema does: null, booleans, integers, floats, else a string); `[...]` or `{...}` that
//   is JSON without a repeated key (YAML 1.2 reads JSON as JSON); a trailing ` # comment`.
// Not in it: anchors, aliases, tags, merge keys, `?` keys, block scalars (| >), scalars over more
// than one line, flow collections that are not JSON or span lines, directives, more than one
// document, a root that is a scalar.

import { mayHaveDuplicateKeys } from './json.js';
import { scanJson, type JsonNode } from './json-scan.js';

/** The value of a YAML text in the subset, and where it starts (as parseYaml's document start). */
export interface FastYaml {
  readonly value: unknown;
  /** Offset of the first character of the content (parseYaml's `start` of the document). */
  readonly start: number;
  /** Its line, 1-based. */
  readonly line: number;
}

/** A placeholder for Reader.node before anything is read. */
const NO_NODE: JsonNode = { start: 0, end: 0, keyStart: -1, keyEnd: -1 };

/** What a reader returns when the text is outside the subset. */
const OUT: unique symbol = Symbol('outside the subset');
type Read<T> = T | typeof OUT;

/**
 * parseYaml counts flow brackets and block indentation against 200 levels (nestingBeyond); far
 * below that, the subset needs no such count. Indentation beyond this, or more brackets in the
 * text, is left to the full parse.
 */
const MAX_COLUMN = 100;
const MAX_BRACKETS = 80;

/**
 * YAML limits an implicit key (a block key, a key of a flow mapping) to 1024 characters; quoted
 * keys, and JSON lines (whose keys are implicit flow keys), are read only up to this length.
 */
const MAX_KEY = 1000;

/** Digits in a row that parseInt and JSON.parse surely read as the same number. */
const MAX_DIGITS = 15;

/** Anything but printable ASCII and line feeds (a tab, a CR, a BOM, a control or non-ASCII character). */
const OUTSIDE_CHARS = /[^\n\x20-\x7E]/;

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

// The YAML 1.2 core schema as the yaml package resolves a plain scalar (yaml/dist/schema/core and
// common/null.js): the first of these that matches, in this order, else a string.
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT_OCT = /^0o[0-7]+$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_INT_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * A plain scalar's value under the core schema, computed as the yaml package computes it (the
 * same regular expressions, parseInt and parseFloat), so numbers agree to the last bit.
 */
function corePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Every pattern above starts with one of ~ n N t T f F + - . 0-9 (or is empty): others are strings.
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  if (!numeric && c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return s;
  if (CORE_NULL.test(s)) return null;
  if (CORE_BOOL.test(s)) return c === 116 || c === 84;
  if (!numeric) return s;
  if (CORE_INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (CORE_INT.test(s)) return parseInt(s, 10);
  if (CORE_INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (CORE_FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : c === 45 ? -Infinity : Infinity;
  if (CORE_FLOAT_EXP.test(s) || CORE_FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** A character that may not start a plain scalar (YAML's indicators, and `<` of a merge key `<<`). */
function isIndicator(c: number): boolean {
  switch (c) {
    case 45: // -
    case 63: // ?
    case 58: // :
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 60: // <
      return true;
    default:
      return false;
  }
}

class Reader {
  /** The lines with content (not blank, not a comment): where the content starts, its column, where the line ends. */
  readonly starts: number[] = [];
  readonly columns: number[] = [];
  readonly ends: number[] = [];
  /** The first content line's line number. */
  firstLine = 0;
  /** The line being read. */
  i = 0;
  /** With `spans`: the spans of what the last read made (see fastYamlSpans). */
  node: JsonNode = NO_NODE;

  constructor(
    readonly text: string,
    /** Whether to record where each value is written, besides the value. */
    readonly spans = false,
  ) {}

  /** Splits the text into content lines; false when one is indented beyond MAX_COLUMN. */
  lines(): boolean {
    const text = this.text;
    const n = text.length;
    let pos = 0;
    let line = 1;
    while (pos <= n) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      let c = pos;
      while (c < end && text.charCodeAt(c) === 32) c++;
      if (c < end && text.charCodeAt(c) !== 35 /* # */) {
        if (c - pos > MAX_COLUMN) return false;
        if (this.starts.length === 0) this.firstLine = line;
        this.starts.push(c);
        this.columns.push(c - pos);
        this.ends.push(end);
      }
      pos = end + 1;
      line++;
    }
    return true;
  }

  /** Whether line i is a sequence item: `-` then a space or the end of the line. */
  isItem(i: number): boolean {
    const at = this.starts[i]!;
    return this.text.charCodeAt(at) === 45 && (at + 1 === this.ends[i] || this.text.charCodeAt(at + 1) === 32);
  }

  /** The block (mapping or sequence) whose first line is the current one, at its column. */
  block(): Read<unknown> {
    const column = this.columns[this.i]!;
    return this.isItem(this.i) ? this.sequence(column) : this.mapping(column, this.starts[this.i]!);
  }

  /** A block sequence whose items are at `column`; it ends at the first line that is not one. */
  sequence(column: number): Read<unknown[]> {
    const text = this.text;
    const items: unknown[] = [];
    const nodes: JsonNode[] | undefined = this.spans ? [] : undefined;
    const start = this.starts[this.i]!;
    while (this.i < this.starts.length && this.columns[this.i] === column && this.isItem(this.i)) {
      const end = this.ends[this.i]!;
      let at = this.starts[this.i]! + 1;
      while (at < end && text.charCodeAt(at) === 32) at++;
      // What follows `- ` counts towards parseYaml's depth too.
      if (at - (this.starts[this.i]! - column) > MAX_COLUMN) return OUT;
      let item: Read<unknown>;
      if (at === end || text.charCodeAt(at) === 35 /* # */) {
        item = this.nested(column, false, at);
      } else if (this.keyEnd(at, end) >= 0) {
        // `- key: value`: a mapping that goes on at the key's column.
        item = this.mapping(at - (this.starts[this.i]! - column), at);
      } else {
        // A scalar; `- - x` (a sequence in a sequence) is left to the full parse.
        item = this.scalar(at, end);
        this.i++;
      }
      if (item === OUT) return OUT;
      items.push(item);
      nodes?.push(this.node);
    }
    if (nodes !== undefined) this.node = { start, end: nodes[nodes.length - 1]!.end, keyStart: -1, keyEnd: -1, items: nodes };
    return items;
  }

  /**
   * A block mapping whose keys are at `column`; the first key starts at `first` (after `- ` on
   * the first line of a mapping in a sequence item). It ends at a line less indented.
   */
  mapping(column: number, first: number): Read<Record<string, unknown>> {
    const text = this.text;
    const map: Record<string, unknown> = {};
    const members: Map<string, JsonNode> | undefined = this.spans ? new Map() : undefined;
    let at = first;
    for (;;) {
      const end = this.ends[this.i]!;
      const colon = this.keyEnd(at, end);
      if (colon < 0) return OUT;
      const key = this.key(at, colon);
      if (key === OUT || Object.prototype.hasOwnProperty.call(map, key)) return OUT; // a repeated key: the full parse reports it
      let value = colon + 1;
      while (value < end && text.charCodeAt(value) === 32) value++;
      let read: Read<unknown>;
      if (value === end || text.charCodeAt(value) === 35 /* # */) {
        read = this.nested(column, true, value);
      } else {
        read = this.scalar(value, end);
        this.i++;
      }
      if (read === OUT) return OUT;
      map[key] = read;
      if (members !== undefined) members.set(key, this.member(at, colon));
      if (this.i >= this.starts.length || this.columns[this.i]! < column) {
        if (members !== undefined) this.node = { start: first, end: this.node.end, keyStart: -1, keyEnd: -1, members };
        return map;
      }
      if (this.columns[this.i]! > column) return OUT; // e.g. a plain scalar going on over a second line
      at = this.starts[this.i]!;
    }
  }

  /**
   * The spans of a mapping's member whose key is text[keyStart, keyEnd), its value just read (in
   * this.node). parseYaml locates a value that is not written (`key:` alone) at its member.
   */
  member(keyStart: number, keyEnd: number): JsonNode {
    const value = this.node;
    if (value.start === value.end) return { start: keyStart, end: value.end, keyStart, keyEnd };
    return value.members !== undefined
      ? { start: value.start, end: value.end, keyStart, keyEnd, members: value.members }
      : value.items !== undefined
        ? { start: value.start, end: value.end, keyStart, keyEnd, items: value.items }
        : { start: value.start, end: value.end, keyStart, keyEnd };
  }

  /**
   * The value of `key:` or `-` with nothing after it on the current line (but spaces and a comment
   * from `at` on): the more indented block on the lines after it, a sequence at the key's column
   * (for a key: `key:` then `- item`), or null.
   */
  nested(column: number, isKey: boolean, at: number): Read<unknown> {
    this.i++;
    if (this.i < this.starts.length) {
      const next = this.columns[this.i]!;
      if (next > column) return this.block();
      if (isKey && next === column && this.isItem(this.i)) return this.sequence(column);
    }
    // parseYaml's empty scalar: where the text after the indicator would start.
    if (this.spans) this.node = { start: at, end: at, keyStart: -1, keyEnd: -1 };
    return null;
  }

  /**
   * Where the key that starts at `at` ends (the offset of its `:`, which a space or the end of
   * the line follows), or -1 when the line does not start with a key in the subset.
   */
  keyEnd(at: number, end: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    let colon: number;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      colon = this.quotedEnd(at, end);
      if (colon < 0 || colon - at > MAX_KEY) return -1;
    } else {
      // A word: a letter or _, then letters, digits, _ and -.
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return -1;
      colon = at + 1;
      while (colon < end && isWordChar(text.charCodeAt(colon))) colon++;
      if (colon - at > MAX_KEY) return -1;
    }
    if (text.charCodeAt(colon) !== 58 /* : */) return -1;
    return colon + 1 === end || text.charCodeAt(colon + 1) === 32 ? colon : -1;
  }

  /** The string a key in text[at, end) stands for, as keyEnd found it. */
  key(at: number, end: number): Read<string> {
    const c = this.text.charCodeAt(at);
    const key = c === 34 || c === 39 ? this.quoted(at, end) : this.text.slice(at, end);
    // A word that the core schema reads as null or a boolean is a key '' or 'true' for the value;
    // `<<` is a merge key; `__proto__` would be the prototype of an object made by assignment.
    if (typeof key !== 'string' || key === '<<' || key === '__proto__') return OUT;
    if (c !== 34 && c !== 39 && typeof corePlain(key) !== 'string') return OUT;
    return key;
  }

  /** Where a quoted scalar that starts at `at` ends (one past its closing quote), or -1 if not on this line. */
  quotedEnd(at: number, end: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let k = at + 1; k < end; k++) {
      const c = text.charCodeAt(k);
      if (quote === 34 && c === 92 /* \ */) k++;
      else if (c === quote) {
        if (quote === 39 && text.charCodeAt(k + 1) === 39) k++; // '' stands for '
        else return k + 1;
      }
    }
    return -1;
  }

  /** A quoted scalar text[at, end) as one token: "..." as JSON reads it (when it can), '...' with '' for '. */
  quoted(at: number, end: number): Read<string> {
    const text = this.text;
    if (text.charCodeAt(at) === 39) return text.slice(at + 1, end - 1).replace(/''/g, "'");
    try {
      // JSON's escapes are all YAML's, with the same meaning; YAML's others (\x, \e, \N...) make
      // JSON.parse throw.
      return JSON.parse(text.slice(at, end)) as string;
    } catch {
      return OUT;
    }
  }

  /** The scalar (or one-line JSON collection) of text[at, end), the rest of a line, or OUT. */
  scalar(at: number, end: number): Read<unknown> {
    const text = this.text;
    const c = text.charCodeAt(at);
    let tokenEnd: number;
    let value: unknown;
    if (c === 34 || c === 39) {
      tokenEnd = this.quotedEnd(at, end);
      if (tokenEnd < 0) return OUT;
      value = this.quoted(at, tokenEnd);
    } else if (c === 91 || c === 123) {
      tokenEnd = this.jsonEnd(at, end);
      if (tokenEnd < 0) return OUT;
      try {
        value = JSON.parse(text.slice(at, tokenEnd));
      } catch {
        return OUT;
      }
      // A key twice in a JSON object: the full parse reports it.
      if (mayHaveDuplicateKeys(text, value, at, tokenEnd)) return OUT;
    } else {
      return this.plain(at, end);
    }
    if (value === OUT) return OUT;
    if (this.spans) this.node = c === 91 || c === 123 ? (scanJson(text, at, tokenEnd).root ?? NO_NODE) : { start: at, end: tokenEnd, keyStart: -1, keyEnd: -1 };
    // After the token: spaces, then nothing or a comment (`#` after a space).
    let k = tokenEnd;
    while (k < end && text.charCodeAt(k) === 32) k++;
    if (k < end && !(k > tokenEnd && text.charCodeAt(k) === 35)) return OUT;
    return value;
  }

  /**
   * Where a one-line JSON array or object starting at `at` ends (one past its closing bracket), or
   * -1: not closed on this line, longer than MAX_KEY, with a run of more than MAX_DIGITS digits
   * (parseInt and JSON.parse may round those differently), or with `__proto__` in it.
   */
  jsonEnd(at: number, end: number): number {
    const text = this.text;
    const limit = Math.min(end, at + MAX_KEY);
    let depth = 0;
    let digits = 0;
    let inString = false;
    for (let k = at; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (inString) {
        if (c === 92 /* \ */) k++;
        else if (c === 34) inString = false;
        continue;
      }
      if (c >= 48 && c <= 57) {
        if (++digits > MAX_DIGITS) return -1;
        continue;
      }
      digits = 0;
      if (c === 34) inString = true;
      else if (c === 91 || c === 123) depth++;
      else if (c === 93 || c === 125) {
        if (--depth === 0) return text.slice(at, k + 1).includes('__proto__') ? -1 : k + 1;
      }
    }
    return -1;
  }

  /** A plain scalar: the rest of the line up to a comment, without trailing spaces. */
  plain(at: number, end: number): Read<unknown> {
    const text = this.text;
    const c = text.charCodeAt(at);
    // `-` may start a plain scalar when something other than a space follows (`-5`, `-x`).
    if (c === 45 ? at + 1 >= end || text.charCodeAt(at + 1) === 32 || text.charCodeAt(at + 1) === 45 : isIndicator(c)) return OUT;
    let stop = text.indexOf(' #', at);
    if (stop < 0 || stop > end) stop = end;
    while (stop > at && text.charCodeAt(stop - 1) === 32) stop--;
    const s = text.slice(at, stop);
    // `a: b` would be a mapping in a mapping; `a:` at the end, a key.
    if (s.includes(': ') || s.charCodeAt(s.length - 1) === 58) return OUT;
    if (this.spans) this.node = { start: at, end: stop, keyStart: -1, keyEnd: -1 };
    return corePlain(s);
  }
}

/**
 * The value of a YAML text when it is one document in the subset above and parseYaml would read
 * it without a problem; undefined otherwise (the caller parses it fully). Never throws.
 */
export function fastYamlValue(text: string): FastYaml | undefined {
  const reader = read(text, false);
  return reader && { value: reader.value, start: reader.start, line: reader.line };
}

/**
 * For a text fastYamlValue reads, where each value is written, as parseYaml's document locates
 * it (valueSpan and memberSpan), in the shape of a JSON text's tree of offsets (json-scan.ts):
 * each node spans its value, and a mapping member's node also its key. A member written as `key:`
 * alone spans its key and colon. Read again, with the spans, when a report needs positions:
 * reading is cheap, and a valid body never needs them. undefined when fastYamlValue is.
 */
export function fastYamlSpans(text: string): JsonNode | undefined {
  return read(text, true)?.node;
}

function read(text: string, spans: boolean): { value: unknown; start: number; line: number; node: JsonNode } | undefined {
  if (OUTSIDE_CHARS.test(text) || bracketsIn(text) > MAX_BRACKETS) return undefined;
  const reader = new Reader(text, spans);
  if (!reader.lines() || reader.starts.length === 0) return undefined;
  let line = reader.firstLine;
  if (isDocumentStart(text, reader.starts[0]!, reader.ends[0]!, reader.columns[0]!)) {
    reader.i = 1;
    if (reader.starts.length === 1) return undefined; // an empty document
    line += countLines(text, reader.starts[0]!, reader.starts[1]!);
  }
  const start = reader.starts[reader.i]!;
  const first = text.charCodeAt(start);
  let value: Read<unknown>;
  if (first === 91 || first === 123) {
    // A JSON text on one line.
    value = reader.scalar(start, reader.ends[reader.i]!);
    reader.i++;
  } else {
    value = reader.block();
  }
  if (value === OUT || reader.i !== reader.starts.length) return undefined;
  return { value, start, line, node: reader.node };
}

/** A `---` line (with nothing after it but spaces or a comment). */
function isDocumentStart(text: string, at: number, end: number, column: number): boolean {
  if (column !== 0 || !text.startsWith('---', at)) return false;
  let k = at + 3;
  if (k === end) return true;
  if (text.charCodeAt(k) !== 32) return false;
  while (k < end && text.charCodeAt(k) === 32) k++;
  return k === end || text.charCodeAt(k) === 35;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) lines++;
  return lines;
}

/** Opening brackets in the text (anywhere: parseYaml's depth count does not read quotes or comments either). */
function bracketsIn(text: string): number {
  let count = 0;
  for (let k = text.indexOf('['); k >= 0; k = text.indexOf('[', k + 1)) count++;
  for (let k = text.indexOf('{'); k >= 0; k = text.indexOf('{', k + 1)) count++;
  return count;
}
