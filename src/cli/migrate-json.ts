// `qod-policy migrate --write` on JSON text: the migration's patch (src/migrate/types.ts
// PatchOperation) replayed on the text itself, one operation at a time, each an edit of the few
// characters it concerns — a member's key for a rename, a value for a replace, a member or item
// with its comma for a remove or add — so that everything the patch does not touch keeps its bytes:
// indentation, key order, spacing, line breaks, how numbers and strings were spelt.
//
// New text takes the layout of its place: a member added to an object written on several lines
// goes on a line of its own, indented as its siblings are; one added to an object written on one
// line stays on that line, with the same spacing; a value moved keeps its own text (re-indented
// when it spans lines). An empty object or array that gets members is laid out as its parent is.
// NDJSON bodies stay on their line whatever happens.

import { scanJson, type JsonNode } from '../parse/json-scan.js';
import { isIndexSegment, parsePointer } from '../shared/pointer.js';
import type { PatchOperation } from '../index.js';

/** How new text is written: what the body's own text shows (see detectStyle). */
interface Style {
  /** The line break (from the file). */
  readonly eol: string;
  /** One level of indentation ('  ', '    ', '\t'). */
  readonly unit: string;
  /** Between a key and its value: ': ' or ':' (with whatever spaces the text uses). */
  readonly colon: string;
  /** After the comma between two members or items written on one line: ' ' or ''. */
  readonly gap: string;
  /** Inside the braces of an object written on one line: '{ "a": 1 }' → ' '; '{"a": 1}' → ''. */
  readonly objectPad: string;
  /** Inside the brackets of an array written on one line. */
  readonly arrayPad: string;
  /** Everything on one line (NDJSON). */
  readonly oneLine: boolean;
}

/** A container of the text with its children in order (keys of members with their nodes). */
interface Located {
  readonly node: JsonNode;
  /** The containers from the root down to the node's parent. */
  readonly ancestors: readonly JsonNode[];
}

function children(node: JsonNode): JsonNode[] {
  return node.members !== undefined ? [...node.members.values()] : node.items !== undefined ? node.items : [];
}

/** Where a child starts: its key for a member, else its value. */
function childStart(child: JsonNode): number {
  return child.keyStart >= 0 ? child.keyStart : child.start;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function hasBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isBreak(text.charCodeAt(i))) return true;
  return false;
}

/** The spaces and tabs that start the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
  let end = start;
  while (end < text.length && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  return text.slice(start, end);
}

/** The whitespace before child i: after the opening bracket (i = 0) or after the comma before it. */
function gapBefore(text: string, container: JsonNode, list: readonly JsonNode[], i: number): string {
  const from = i === 0 ? container.start + 1 : list[i - 1]!.end;
  let between = text.slice(from, childStart(list[i]!));
  const comma = between.indexOf(',');
  if (comma >= 0) between = between.slice(comma + 1);
  return between;
}

/** Whether a container lays its children out on lines of their own (an empty one: as its parent does). */
function isMultiline(text: string, node: JsonNode, ancestors: readonly JsonNode[], style: Style): boolean {
  if (style.oneLine) return false;
  const list = children(node);
  if (list.length > 0) return hasBreak(text, node.start + 1, childStart(list[0]!));
  const parent = ancestors.at(-1);
  if (parent === undefined) return true;
  return isMultiline(text, parent, ancestors.slice(0, -1), style);
}

/** The style of a body's text, from what it shows; defaults are JSON.stringify(body, null, 2)'s. */
function detectStyle(text: string, root: JsonNode, eol: string, oneLine: boolean): Style {
  let unit: string | undefined;
  let colon: string | undefined;
  let gap: string | undefined;
  let objectPad: string | undefined;
  let arrayPad: string | undefined;
  const visit = (node: JsonNode, indent: string): void => {
    const list = children(node);
    if (list.length === 0) return;
    const first = list[0]!;
    const lead = text.slice(node.start + 1, childStart(first));
    if (hasBreak(text, node.start + 1, childStart(first))) {
      const inner = lineIndent(text, childStart(first));
      if (unit === undefined && inner.length > indent.length && inner.startsWith(indent)) unit = inner.slice(indent.length);
    } else {
      if (node.members !== undefined) objectPad ??= lead;
      else arrayPad ??= lead;
      if (list.length > 1) gap ??= gapBefore(text, node, list, 1);
    }
    if (node.members !== undefined && colon === undefined) {
      const between = text.slice(first.keyEnd, first.start);
      if (!hasBreak(text, first.keyEnd, first.start)) colon = between;
    }
    for (const child of list) visit(child, lineIndent(text, childStart(child)));
  };
  visit(root, lineIndent(text, root.start));
  return {
    eol,
    unit: unit ?? '  ',
    colon: colon ?? (oneLine ? ':' : ': '),
    gap: gap ?? (oneLine ? '' : ' '),
    objectPad: objectPad ?? (oneLine ? '' : ' '),
    arrayPad: arrayPad ?? '',
    oneLine,
  };
}

/** A value written on one line in the body's style. */
function inline(value: unknown, style: Style): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${style.arrayPad}${value.map((item) => inline(item, style)).join(`,${style.gap}`)}${style.arrayPad}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{${style.objectPad}${entries.map(([key, item]) => `${JSON.stringify(key)}${style.colon}${inline(item, style)}`).join(`,${style.gap}`)}${style.objectPad}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value laid out on lines of their own, as JSON.stringify with the body's indentation does; `indent` is its line's. */
function pretty(value: unknown, indent: string, style: Style): string {
  const inner = indent + style.unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${style.eol}${value.map((item) => inner + pretty(item, inner, style)).join(`,${style.eol}`)}${style.eol}${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const members = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}${style.colon}${pretty(item, inner, style)}`);
    return `{${style.eol}${members.join(`,${style.eol}`)}${style.eol}${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The text of a value for a place: on one line, or on lines indented from `indent`. */
type ValueText = (indent: string | undefined) => string;

function newValue(value: unknown, style: Style): ValueText {
  return (indent) => (indent === undefined ? inline(value, style) : pretty(value, indent, style));
}

/**
 * A value's own text, moved: kept as written when it is on one line; re-indented from its old
 * line's indentation to the new one when it spans lines, unless the new place is on one line (or a
 * line of it is not indented as its first line's), where it is written anew.
 */
function movedValue(raw: string, oldIndent: string, style: Style): ValueText {
  return (indent) => {
    if (!/[\r\n]/.test(raw)) return raw;
    if (indent === undefined) return inline(JSON.parse(raw), style);
    const lines = raw.split(/(\r\n|\r|\n)/);
    let out = lines[0]!;
    for (let i = 1; i < lines.length; i += 2) {
      const line = lines[i + 1]!;
      if (!line.startsWith(oldIndent)) return pretty(JSON.parse(raw), indent, style);
      out += lines[i]! + indent + line.slice(oldIndent.length);
    }
    return out;
  };
}

/** The node a pointer names, with the containers above it; undefined when it names nothing. */
function locate(root: JsonNode, pointer: string): Located | undefined {
  const ancestors: JsonNode[] = [];
  let node = root;
  for (const segment of parsePointer(pointer)) {
    ancestors.push(node);
    const next = node.members !== undefined ? node.members.get(segment) : node.items !== undefined && isIndexSegment(segment) ? node.items[Number(segment)] : undefined;
    if (next === undefined) return undefined;
    node = next;
  }
  return { node, ancestors };
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function lastSegment(pointer: string): string {
  return parsePointer(pointer).at(-1) ?? '';
}

class PatchError extends Error {
  override name = 'PatchError';
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new PatchError(what);
  return value;
}

/** One body's text under edit: every operation rescans it (bodies are small) and splices it. */
class JsonEditor {
  private root: JsonNode;

  constructor(
    public text: string,
    private readonly style: Style,
  ) {
    this.root = need(scanJson(text).root, 'the text is not JSON');
  }

  private splice(start: number, end: number, insert: string): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.root = need(scanJson(this.text).root, 'an edit broke the text');
  }

  private at(pointer: string): Located {
    return need(locate(this.root, pointer), `nothing at ${pointer}`);
  }

  /** Adds a member (at the end of its object) or an item (at its index). */
  add(pointer: string, value: ValueText): void {
    const { node: parent, ancestors } = this.at(parentPointer(pointer));
    const key = lastSegment(pointer);
    const list = children(parent);
    const isObject = parent.members !== undefined;
    if (!isObject && parent.items === undefined) throw new PatchError(`${parentPointer(pointer)} is not a container`);
    const index = isObject ? list.length : key === '-' ? list.length : Number(key);
    if (!isObject && (!isIndexSegment(key) && key !== '-' || index > list.length)) throw new PatchError(`no index ${key} in ${parentPointer(pointer)}`);
    const entry = (indent: string | undefined): string => (isObject ? `${JSON.stringify(key)}${this.style.colon}${value(indent)}` : value(indent));
    const { text } = this;

    if (list.length === 0) {
      if (isMultiline(text, parent, ancestors, this.style)) {
        const base = lineIndent(text, parent.start);
        const indent = base + this.style.unit;
        this.splice(parent.start + 1, parent.end - 1, `${this.style.eol}${indent}${entry(indent)}${this.style.eol}${base}`);
      } else {
        const pad = isObject ? this.style.objectPad : this.style.arrayPad;
        this.splice(parent.start + 1, parent.end - 1, `${pad}${entry(undefined)}${pad}`);
      }
      return;
    }
    // The whitespace a new child gets before it: that of a sibling after a comma; with one child,
    // that after the bracket when it is a line break, else the spacing of the text's other lists.
    let gap = gapBefore(text, parent, list, list.length > 1 ? Math.max(1, Math.min(index, list.length - 1)) : 0);
    if (list.length === 1 && !/[\r\n]/.test(gap)) gap = this.style.gap;
    const breakAt = Math.max(gap.lastIndexOf('\n'), gap.lastIndexOf('\r'));
    const indent = breakAt >= 0 ? gap.slice(breakAt + 1) : undefined;
    if (index === 0) {
      const first = list[0]!;
      this.splice(childStart(first), childStart(first), `${entry(indent)},${gap}`);
    } else {
      const before = list[index - 1]!;
      this.splice(before.end, before.end, `,${gap}${entry(indent)}`);
    }
  }

  /** Removes a member or item with the comma and whitespace that separated it; the last one leaves `{}` or `[]`. */
  remove(pointer: string): string {
    const { node, ancestors } = this.at(pointer);
    const parent = need(ancestors.at(-1), 'the body itself cannot be removed');
    const raw = this.text.slice(node.start, node.end);
    const list = children(parent);
    const i = list.indexOf(node);
    if (list.length === 1) this.splice(parent.start + 1, parent.end - 1, '');
    else if (i > 0) this.splice(list[i - 1]!.end, node.end, '');
    else this.splice(childStart(node), childStart(list[1]!), '');
    return raw;
  }

  replace(pointer: string, value: unknown): void {
    const { node, ancestors } = this.at(pointer);
    const parent = need(ancestors.at(-1), 'the body itself cannot be replaced');
    const indent = isMultiline(this.text, parent, ancestors.slice(0, -1), this.style) ? lineIndent(this.text, node.start) : undefined;
    this.splice(node.start, node.end, newValue(value, this.style)(indent));
  }

  rename(from: string, to: string): void {
    const { node } = this.at(from);
    if (node.keyStart < 0 || parentPointer(from) !== parentPointer(to)) throw new PatchError(`${from} → ${to} is not a rename within an object`);
    this.splice(node.keyStart, node.keyEnd, JSON.stringify(lastSegment(to)));
  }

  move(from: string, to: string): void {
    const { node } = this.at(from);
    const oldIndent = lineIndent(this.text, node.start);
    const raw = this.remove(from);
    this.add(to, movedValue(raw, oldIndent, this.style));
  }

  apply(op: PatchOperation): void {
    switch (op.op) {
      case 'add':
        return this.add(op.path, newValue(op.value, this.style));
      case 'remove':
        this.remove(op.path);
        return;
      case 'replace':
        return this.replace(op.path, op.value);
      case 'rename':
        return this.rename(op.from, op.path);
      case 'move':
        return this.move(op.from, op.path);
    }
  }
}

/**
 * The JSON text of one body with the patch applied to it: a .json file's text (without its BOM),
 * or one NDJSON line (`oneLine`: new text never breaks the line). `eol` is the file's line break,
 * for new lines. Throws when an operation names nothing in the text (the patch is not this text's).
 *
 * @example
 * patchJsonText('{\n  "ueId": {}\n}\n', [{ op: 'rename', from: '/ueId', path: '/device' }], { eol: '\n' })
 * // '{\n  "device": {}\n}\n'
 */
export function patchJsonText(text: string, patch: readonly PatchOperation[], { eol, oneLine = false }: { eol: string; oneLine?: boolean }): string {
  if (patch.length === 0) return text;
  const root = need(scanJson(text).root, 'the text is not JSON');
  const editor = new JsonEditor(text, detectStyle(text, root, eol, oneLine));
  for (const op of patch) editor.apply(op);
  return editor.text;
}
