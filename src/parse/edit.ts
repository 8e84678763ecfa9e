// Value edits as edits of a JSON text (a .json file or one NDJSON line): a string value replaced,
// an array item removed with its comma. Everything else in the text stays as written:
// indentation, key order, line ends. YAML has its own (yaml.ts), which knows scalar styles,
// anchors and block sequences.

import { isIndexSegment, lastSlash } from '../shared/pointer.js';
import type { ValueEdit } from './types.js';

/** A span of the text: [start, end) offsets. */
type Span = readonly [start: number, end: number];

/** An edit in offsets of the text: text[start, end) becomes `text`. */
export interface SpanEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const QUOTE = 34;
const BRACKET_OPEN = 91;

/** Whether text[start, end) is JSON whitespace around exactly one comma. */
function isCommaBetween(text: string, start: number, end: number): boolean {
  return start <= end && /^[ \t\r\n]*,[ \t\r\n]*$/.test(text.slice(start, end));
}

/**
 * The edit of a JSON text that makes `edit`, given the exact span of the value each pointer names
 * (no nearest ancestor): undefined when the value is not there or not of the kind the edit needs
 * (a string to replace, an item of an array to remove).
 */
export function jsonTextEdit(text: string, edit: ValueEdit, spanOf: (pointer: string) => Span | undefined): SpanEdit | undefined {
  const span = spanOf(edit.pointer);
  if (span === undefined) return undefined;
  const [start, end] = span;
  if ('replace' in edit) {
    if (text.charCodeAt(start) !== QUOTE) return undefined;
    return { start, end, text: JSON.stringify(edit.replace) };
  }
  const slash = lastSlash(edit.pointer);
  const last = edit.pointer.slice(slash + 1);
  if (slash < 0 || !isIndexSegment(last)) return undefined;
  const list = edit.pointer.slice(0, slash);
  const listSpan = spanOf(list);
  if (listSpan === undefined || text.charCodeAt(listSpan[0]) !== BRACKET_OPEN) return undefined;
  const index = Number(last);
  if (index > 0) {
    // From the end of the item before: its comma and the whitespace go with the removed item.
    const before = spanOf(`${list}/${index - 1}`);
    if (before === undefined || !isCommaBetween(text, before[1], start)) return undefined;
    return { start: before[1], end, text: '' };
  }
  const after = spanOf(`${list}/1`);
  if (after === undefined) return { start, end, text: '' };
  if (!isCommaBetween(text, end, after[0])) return undefined;
  return { start, end: after[0], text: '' };
}
