// Where the few values a report names are in a JSON text, found in one walk that descends only
// along the requested paths. Everything else is passed over without building nodes or decoding
// values (a string or a container by jumping between the characters that can end it, see
// Skipper), and the walk stops as soon as every request is answered. Locating a handful of issues
// therefore costs a fraction of a JSON.parse of the text before the last of them, where the tree
// of offsets of every value that scanJson builds cost several JSON.parses of the whole text
// (bench/locate.mjs).
//
// Preconditions, which the parse layer establishes before it calls this: JSON.parse accepted the
// text (so the walk does not validate anything), and no object has a key twice (mayHaveDuplicateKeys
// said so; the first occurrence is taken, which is then the only one). A text with duplicates is
// located through scanJson's tree instead, which keeps the last occurrence as JSON.parse does.
// Outside the preconditions the walk still ends and never throws; its answers are then undefined
// in meaning, not in safety.

import { isIndexSegment, parsePointer } from '../shared/pointer.js';
import { TAB, LF, CR, SPACE, QUOTE, COMMA, BRACKET_OPEN, BACKSLASH, BRACKET_CLOSE, BRACE_OPEN, BRACE_CLOSE } from './char-codes.js';

/** What a pointer names in the text, or, when it names nothing, its nearest ancestor that exists. */
export interface JsonLocated {
  /** The value's span (UTF-16 offsets, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The start of the member's key when the value is an object member; -1 otherwise. */
  readonly keyStart: number;
  /** false when the pointer names nothing and this is its nearest existing ancestor. */
  readonly exact: boolean;
}

/** One requested path's node: the values the walk must find, as a trie of pointer segments. */
class Target {
  start = -1;
  end = -1;
  keyStart = -1;
  /** Requests answered by this node or below it that are still open; the root's count ends the walk. */
  pending = 0;
  /** Whether a request names this node itself (then its end is needed, not only its children). */
  requested = false;
  /** Children by unescaped segment (object members, and array items by canonical index). */
  children: Map<string, Target> | undefined;
  /** The children whose segment is a canonical array index, ascending: an array's wanted items. */
  indexes: { index: number; target: Target }[] | undefined;

  constructor(readonly parent: Target | undefined) {}

  child(segment: string): Target {
    this.children ??= new Map();
    let child = this.children.get(segment);
    if (child === undefined) {
      child = new Target(this);
      this.children.set(segment, child);
      if (isIndexSegment(segment)) (this.indexes ??= []).push({ index: Number(segment), target: child });
    }
    return child;
  }
}


function skipWhitespace(text: string, i: number): number {
  const end = text.length;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return i;
    i++;
  }
  return end;
}

/**
 * Skips values by jumping between the only characters that matter to them, found with indexOf
 * (native, several times faster than a loop over every character, most of which are digits,
 * letters and indentation): quotes, and the opening and closing brackets of the container's own
 * kind, since in valid JSON the brackets of the other kind cannot unbalance it. The next place of
 * each character is kept and only searched again once the walk has passed it, so each part of the
 * text is searched at most once per character, however much is skipped.
 */
class Skipper {
  private quote = -1;
  private braceOpen = -1;
  private braceClose = -1;
  private bracketOpen = -1;
  private bracketClose = -1;

  constructor(private readonly text: string) {}

  /** The first offset at or after `from` holding `char` (the end of the text when there is none). */
  private find(char: string, from: number): number {
    const at = this.text.indexOf(char, from);
    return at === -1 ? this.text.length : at;
  }

  /** The offset after the string whose opening quote is at i. */
  string(i: number): number {
    const text = this.text;
    for (let from = i + 1; ; ) {
      if (this.quote < from) this.quote = this.find('"', from);
      const quote = this.quote;
      if (quote >= text.length) return quote;
      // The quote ends the string unless an odd run of backslashes escapes it.
      let k = quote - 1;
      while (text.charCodeAt(k) === BACKSLASH) k--;
      if ((quote - 1 - k) % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** The offset after the object (brace) or array whose contents start at i. */
  container(i: number, brace: boolean): number {
    const end = this.text.length;
    let depth = 1;
    for (;;) {
      if (this.quote < i) this.quote = this.find('"', i);
      let open: number;
      let close: number;
      if (brace) {
        if (this.braceOpen < i) this.braceOpen = this.find('{', i);
        if (this.braceClose < i) this.braceClose = this.find('}', i);
        open = this.braceOpen;
        close = this.braceClose;
      } else {
        if (this.bracketOpen < i) this.bracketOpen = this.find('[', i);
        if (this.bracketClose < i) this.bracketClose = this.find(']', i);
        open = this.bracketOpen;
        close = this.bracketClose;
      }
      if (this.quote < open && this.quote < close) i = this.string(this.quote);
      else if (open < close) {
        depth++;
        i = open + 1;
      } else {
        if (close >= end) return end;
        i = close + 1;
        if (--depth === 0) return i;
      }
    }
  }

  /** The offset after the value that starts at i. */
  value(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === QUOTE) return this.string(i);
    if (c === BRACE_OPEN || c === BRACKET_OPEN) return this.container(i + 1, c === BRACE_OPEN);
    // A number or a literal (short): it runs to the next delimiter.
    const end = text.length;
    for (i++; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === COMMA || d === BRACE_CLOSE || d === BRACKET_CLOSE || d === SPACE || d === LF || d === CR || d === TAB) return i;
    }
    return end;
  }
}

/** Records a value's end; every request below it not found by now names nothing (it is all read). */
function finish(target: Target, end: number): void {
  target.end = end;
  const resolved = target.pending;
  for (let t: Target | undefined = target; t !== undefined; t = t.parent) t.pending -= resolved;
}

/** A key with escapes, decoded as JSON.parse does (a key it would reject matches nothing). */
function decodeKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

interface Frame {
  readonly target: Target;
  readonly array: boolean;
  /** Arrays: the index of the next item, and the position in target.indexes of the next wanted one. */
  item: number;
  wanted: number;
}

/**
 * Finds the values the pointers name in text[start, end), a JSON text JSON.parse accepts and
 * whose objects have no key twice. For each pointer: the value it names (exact), or the nearest
 * ancestor that exists (a pointer that is not a JSON Pointer, like 'a', has the root as its
 * ancestor). One walk for all the pointers, which stops once all are answered.
 */
export function locateInJson(text: string, pointers: readonly string[], start = 0, end = text.length): (JsonLocated | undefined)[] {
  const root = new Target(undefined);
  const asked = pointers.map((pointer) => {
    if (pointer !== '' && pointer.charCodeAt(0) !== 47 /* / */) return { target: root, named: false };
    let target = root;
    for (const segment of parsePointer(pointer)) target = target.child(segment);
    return { target, named: true };
  });
  for (const { target } of asked) {
    if (target.requested) continue;
    target.requested = true;
    for (let t: Target | undefined = target; t !== undefined; t = t.parent) t.pending++;
  }
  // Arrays are read in order, so their wanted items are looked for in order.
  const sortIndexes = (target: Target): void => {
    target.indexes?.sort((a, b) => a.index - b.index);
    target.children?.forEach(sortIndexes);
  };
  sortIndexes(root);

  // The walk reads a string of its own (an NDJSON line is a slice of the file, which V8 makes
  // without copying), so that no search for a character runs on past the body's end.
  walk(start === 0 && end === text.length ? text : text.slice(start, end), root);

  return asked.map(({ target, named }) => {
    let found: Target | undefined = target;
    while (found !== undefined && (found.start < 0 || found.end < 0)) found = found.parent;
    // Not even the root: only for a text outside the preconditions (blank).
    if (found === undefined) return undefined;
    const keyStart = found.keyStart < 0 ? -1 : start + found.keyStart;
    return { start: start + found.start, end: start + found.end, keyStart, exact: named && found === target };
  });
}

/** The walk: records start, end and key start of every target the text has. */
function walk(text: string, root: Target): void {
  const end = text.length;
  const skip = new Skipper(text);
  const frames: Frame[] = [];
  let target = root;
  let i = 0;
  for (;;) {
    // A value at i that a request needs: enter it when something below it is wanted.
    i = skipWhitespace(text, i);
    if (i >= end) return;
    target.start = i;
    const c = text.charCodeAt(i);
    if ((c === BRACE_OPEN || c === BRACKET_OPEN) && target.children !== undefined) {
      frames.push({ target, array: c === BRACKET_OPEN, item: 0, wanted: 0 });
      i++;
    } else {
      i = skip.value(i);
      finish(target, i);
      if (root.pending === 0) return;
    }

    // The next wanted value, closing the containers that end before it.
    let next: Target | undefined;
    while (next === undefined) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) return;
      i = skipWhitespace(text, i);
      if (i >= end) return;
      let d = text.charCodeAt(i);
      if (d === COMMA) {
        i = skipWhitespace(text, i + 1);
        d = text.charCodeAt(i);
      }
      const indexes = frame.target.indexes;
      // Nothing more to find inside: the rest of the container is skipped in one go. (An array
      // can only still be missing items past the last one read; an object's missing members are
      // known missing only at its end.)
      const exhausted = frame.array ? indexes === undefined || frame.wanted >= indexes.length : frame.target.pending === (frame.target.requested ? 1 : 0);
      if (d === BRACE_CLOSE || d === BRACKET_CLOSE || exhausted) {
        i = d === BRACE_CLOSE || d === BRACKET_CLOSE ? i + 1 : skip.container(i, !frame.array);
        finish(frame.target, i);
        frames.pop();
        if (root.pending === 0) return;
        continue;
      }
      if (frame.array) {
        const wanted = indexes![frame.wanted]!;
        if (wanted.index === frame.item++) {
          frame.wanted++;
          next = wanted.target;
        } else {
          i = skip.value(i);
        }
        continue;
      }
      // An object member: its key, ':' and the value.
      const keyStart = i;
      const keyEnd = skip.string(i);
      const raw = text.slice(keyStart + 1, keyEnd - 1);
      const key = raw.includes('\\') ? decodeKey(text.slice(keyStart, keyEnd)) : raw;
      i = skipWhitespace(text, keyEnd) + 1;
      i = skipWhitespace(text, i);
      const child = key === undefined ? undefined : frame.target.children!.get(key);
      if (child !== undefined && child.start < 0) {
        child.keyStart = keyStart;
        next = child;
      } else {
        i = skip.value(i);
      }
    }
    target = next;
  }
}
