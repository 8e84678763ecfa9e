// YAML text → one body per document, with offsets into the whole text (documents share it), the
// first syntax error of each document, and duplicate keys (which the JavaScript value silently
// collapses to the last one, as JSON.parse does). Uses the `yaml` package (YAML 1.2 core schema).

import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { escapePointerSegment } from '../shared/pointer.js';

/** A span of the text: [start, end) offsets. */
export type Span = readonly [start: number, end: number];

interface YamlDuplicate {
  readonly pointer: string;
  readonly key: string;
  /** Span of this (later) occurrence's key. */
  readonly span: Span;
  /** Span of the previous occurrence's key. */
  readonly previous: Span;
}

interface YamlDocument {
  /** Where the document's content starts. */
  readonly start: number;
  /** The JavaScript value; absent when the document has an error. */
  readonly value?: unknown;
  readonly error?: { readonly span: Span; readonly reason: string };
  readonly duplicates: readonly YamlDuplicate[];
  /** Span of the value a pointer names. */
  valueSpan(pointer: string): Span | undefined;
  /** For an object member, from its key to the end of its value; otherwise the value's span. */
  memberSpan(pointer: string): Span | undefined;
}

export interface YamlStream {
  readonly documents: readonly YamlDocument[];
  /** An error outside any document (e.g. a stream with only a bad directive). */
  readonly error?: { readonly span: Span; readonly reason: string };
}

const OPTIONS = {
  // Duplicates are found below, with pointers; the value keeps the last one.
  uniqueKeys: false,
  prettyErrors: false,
  logLevel: 'silent',
  // Bound the work an alias bomb ("billion laughs") can cause.
  maxAliasCount: 100,
} as const;

type AnyNode = YamlNode | null | undefined;

/** The JavaScript key a map key becomes (as yaml's toJS writes it), or undefined if not a scalar. */
function keyString(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value === null) return '';
  if (typeof value === 'object') return undefined;
  return String(value);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

class Spans {
  constructor(private readonly text: string, private readonly doc: Document.Parsed) {}

  private rangeOf(node: AnyNode): readonly [number, number, number] | undefined {
    return (node as { range?: [number, number, number] } | null | undefined)?.range ?? undefined;
  }

  /** Where a node's own text ends: no trailing comments, blank lines or line breaks. */
  end(node: AnyNode): number {
    const range = this.rangeOf(node);
    if (range === undefined) return -1;
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      const last = node.items[node.items.length - 1];
      if (last === undefined) return range[0];
      if (isPair(last)) {
        const valueEnd = this.end(last.value as AnyNode);
        const valueStart = this.rangeOf(last.value as AnyNode)?.[0] ?? -1;
        return valueEnd > valueStart ? valueEnd : Math.max(this.end(last.key as AnyNode), valueEnd);
      }
      return this.end(last as AnyNode);
    }
    let end = range[1];
    while (end > range[0] && isBlank(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  /** The node a pointer names (aliases on the way are followed; the last is not). */
  find(pointer: string): { node: YamlNode; key?: YamlNode } | undefined {
    let node: AnyNode = this.doc.contents as AnyNode;
    let key: YamlNode | undefined;
    if (pointer === '') return node ? { node } : undefined;
    if (pointer.charCodeAt(0) !== 47) return undefined;
    for (const raw of pointer.slice(1).split('/')) {
      const segment = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
      let guard = 0;
      while (isAlias(node) && guard++ < 100) node = node.resolve(this.doc) as AnyNode;
      if (isMap(node)) {
        let found: { key: YamlNode; value: AnyNode } | undefined;
        for (const pair of node.items) {
          if (keyString(pair.key) === segment) found = { key: pair.key as YamlNode, value: pair.value as AnyNode };
        }
        if (found === undefined) return undefined;
        key = found.key;
        node = found.value;
      } else if (isSeq(node)) {
        if (!/^(?:0|[1-9]\d*)$/.test(segment)) return undefined;
        node = node.items[Number(segment)] as AnyNode;
        key = undefined;
      } else {
        return undefined;
      }
      if (node === null || node === undefined) {
        // `key:` with nothing after it: the member is its key.
        return key ? { node: key } : undefined;
      }
    }
    return node ? { node, key } : undefined;
  }

  valueSpan(pointer: string): Span | undefined {
    const found = this.find(pointer);
    if (found === undefined) return undefined;
    const start = this.rangeOf(found.node)?.[0];
    if (start === undefined) return undefined;
    const end = this.end(found.node);
    if (end <= start && found.key !== undefined) return this.memberSpan(pointer);
    return [start, Math.max(start, end)];
  }

  memberSpan(pointer: string): Span | undefined {
    const found = this.find(pointer);
    if (found === undefined) return undefined;
    const start = this.rangeOf(found.key ?? found.node)?.[0];
    if (start === undefined) return undefined;
    return [start, Math.max(start, this.end(found.node), found.key ? this.end(found.key) : start)];
  }

  /**
   * Keys given twice in one mapping, anywhere in the document (aliases are not followed), and
   * the first alias that names no anchor before it (which toJS would throw on).
   */
  check(): { duplicates: YamlDuplicate[]; unresolved?: { span: Span; reason: string } } {
    const duplicates: YamlDuplicate[] = [];
    let unresolved: { span: Span; reason: string } | undefined;
    const stack: { node: AnyNode; pointer: string }[] = [{ node: this.doc.contents as AnyNode, pointer: '' }];
    while (stack.length > 0) {
      const { node, pointer } = stack.pop()!;
      if (isMap(node)) {
        const seen = new Map<string, YamlNode>();
        for (const pair of node.items) {
          stack.push({ node: pair.key as AnyNode, pointer });
          const name = keyString(pair.key);
          if (name === undefined) continue;
          const child = `${pointer}/${escapePointerSegment(name)}`;
          const previous = seen.get(name);
          if (previous !== undefined) duplicates.push({ pointer: child, key: name, span: this.keySpan(pair.key as AnyNode), previous: this.keySpan(previous) });
          seen.set(name, pair.key as YamlNode);
          stack.push({ node: pair.value as AnyNode, pointer: child });
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => stack.push({ node: item as AnyNode, pointer: `${pointer}/${index}` }));
      } else if (isAlias(node)) {
        // An alias to no anchor makes toJS throw; an alias inside the node it names makes a
        // cyclic value (no JSON body is cyclic) and costs toJS seconds: both are findings.
        const target = node.resolve(this.doc) as AnyNode;
        const span = this.keySpan(node);
        const targetRange = this.rangeOf(target);
        let reason: string | undefined;
        if (target === undefined || target === null) reason = `the alias *${node.source} names no anchor defined before it`;
        else if (targetRange !== undefined && targetRange[0] <= span[0] && span[0] < targetRange[2]) {
          reason = `the alias *${node.source} is inside the node it names, which would make the body cyclic`;
        }
        if (reason !== undefined && (unresolved === undefined || span[0] < unresolved.span[0])) unresolved = { span, reason };
      }
    }
    // The stack visits in no particular order: report in document order.
    duplicates.sort((a, b) => a.span[0] - b.span[0]);
    return unresolved === undefined ? { duplicates } : { duplicates, unresolved };
  }

  private keySpan(key: AnyNode): Span {
    const start = this.rangeOf(key)?.[0] ?? 0;
    return [start, Math.max(start, this.end(key))];
  }
}

/** A zero-width scalar standing for a document with no content (`---` alone). */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents as AnyNode;
  if (contents === null || contents === undefined) return true;
  if (!isScalar(contents) || contents.value !== null) return false;
  const range = contents.range;
  return range === undefined || range === null || range[0] === range[1];
}

function clampSpan(text: string, pos: readonly [number, number] | undefined): Span {
  const start = Math.min(Math.max(pos?.[0] ?? 0, 0), text.length);
  const end = Math.min(Math.max(pos?.[1] ?? start, start), text.length);
  return [start, end];
}

function reasonOf(message: string): string {
  const text = message.trim().replace(/[.:]+$/, '');
  return text.length > 0 ? text.charAt(0).toLowerCase() + text.slice(1) : 'the text is not valid YAML';
}

/** Deeper than any request body; far below where the yaml package's recursion runs out of stack. */
const MAX_YAML_DEPTH = 200;

/**
 * A cheap over-estimate of the nesting depth of YAML text: flow brackets open at any point plus
 * the deepest block nesting a line's indentation and compact `- ` / `? ` indicators allow.
 * Returns the offset where it first exceeds `limit`, or -1. Quotes are not understood, so
 * brackets inside strings count too (only more than `limit` of them unclosed would matter).
 */
function nestingBeyond(text: string, limit: number): number {
  let flow = 0;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      block = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) {
        block++;
      } else if ((c === 45 /* - */ || c === 63) /* ? */ && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        block += 2;
        i++;
      } else {
        lineStart = false;
      }
    }
    if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    if (flow + block > limit) return i;
  }
  return -1;
}

/**
 * Parses every document of a YAML stream. Empty documents (`---` with nothing after it) are
 * skipped, as blank lines are in NDJSON. Never throws.
 */
export function parseYaml(text: string): YamlStream {
  const deep = nestingBeyond(text, MAX_YAML_DEPTH);
  if (deep >= 0) return { documents: [], error: { span: [deep, deep + 1], reason: `the YAML nests deeper than ${MAX_YAML_DEPTH} levels` } };
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, OPTIONS);
  } catch (error) {
    return { documents: [], error: { span: [0, 0], reason: `the YAML could not be read (${reasonOf(String((error as Error)?.message ?? error))})` } };
  }
  const documents: YamlDocument[] = [];
  for (const doc of docs as Document.Parsed[]) {
    const firstError = doc.errors[0];
    if (firstError === undefined && isEmptyDocument(doc)) continue;
    const spans = new Spans(text, doc);
    const start = (doc.contents as AnyNode as { range?: [number, number, number] } | null)?.range?.[0] ?? doc.range[0];
    const base = {
      start,
      valueSpan: (pointer: string) => spans.valueSpan(pointer),
      memberSpan: (pointer: string) => spans.memberSpan(pointer),
    };
    if (firstError !== undefined) {
      documents.push({ ...base, duplicates: [], error: { span: clampSpan(text, firstError.pos), reason: reasonOf(firstError.message) } });
      continue;
    }
    let duplicates: YamlDuplicate[];
    let value: unknown;
    try {
      const checked = spans.check();
      if (checked.unresolved !== undefined) {
        documents.push({ ...base, duplicates: [], error: checked.unresolved });
        continue;
      }
      duplicates = checked.duplicates;
      value = doc.toJS({ maxAliasCount: OPTIONS.maxAliasCount });
    } catch (error) {
      const reason = reasonOf(String((error as Error)?.message ?? error));
      documents.push({ ...base, duplicates: [], error: { span: [start, start], reason } });
      continue;
    }
    documents.push({ ...base, duplicates, value });
  }
  const streamErrors = (docs as { errors?: { pos: [number, number]; message: string }[] }).errors;
  if (documents.length === 0 && streamErrors !== undefined && streamErrors.length > 0) {
    return { documents, error: { span: clampSpan(text, streamErrors[0]!.pos), reason: reasonOf(streamErrors[0]!.message) } };
  }
  return { documents };
}
