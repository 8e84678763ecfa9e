// Source files → bodies: one for a .json file, one per non-blank line of NDJSON, one per YAML
// document. Each body carries its value (when it parses), its parse findings (syntax errors,
// duplicate keys, bad bytes) with positions, and a lazy locator from JSON Pointers to positions
// in the FILE. Nothing position-related is computed for a clean body until someone asks, and
// then only for the places asked (all the issues of a report in one walk of a JSON text). A body
// also makes value edits (a string replaced, an array item removed) into edits of the file's text
// that touch nothing else (textEdit: ./edit.ts for JSON, yaml.ts for YAML), for fixes.

import { quoteKey } from '../shared/text.js';
import type { Fix, Issue } from '../types.js';
import type { MergeOrigin, SourceBody, SourceKind, SourcePlace, SourceRange, ValueEdit } from './types.js';
import { jsonTextEdit, type SpanEdit } from './edit.js';
import { decodeUtf8, invalidUtf8Offset, mayHaveDuplicateKeys, stripBom, syntaxFailure } from './json.js';
import { nodeAt, scanJson, type JsonDuplicate, type JsonNode } from './json-scan.js';
import { locateInJson, type JsonLocated } from './json-locate.js';
import { LineIndex, positionsAt, type Position } from './lines.js';
import { parseYaml, type Span, type YamlDocument, type YamlError, type YamlMergeOrigin } from './yaml.js';
import { fastYamlSpans, fastYamlValue } from './yaml-fast.js';

/**
 * Findings about a property's presence rather than its value (an unknown property): their
 * range spans the member's key and value, so that the position shows the key. Every other
 * finding gets the range of the value its path names (a missing property's path is its parent
 * object, so it gets the parent's range).
 */
export const MEMBER_MESSAGE_IDS: ReadonlySet<string> = new Set(['unknownProperty', 'additionalProperties', 'unevaluatedProperties']);

/**
 * Findings that a property should not be there at all (unknown to the dialect, or to the sink
 * credential's type). In YAML, such a property may have come in through a merge key (`<<: *base`)
 * from a mapping written elsewhere, or hold the anchored mapping a merge key copies: the finding
 * says so (withLocations).
 */
const UNKNOWN_PROPERTY_IDS: ReadonlySet<string> = new Set([...MEMBER_MESSAGE_IDS, 'undeclaredForType']);

const KINDS: ReadonlyMap<string, SourceKind> = new Map([
  ['.json', 'json'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
  ['.yaml', 'yaml'],
  ['.yml', 'yaml'],
]);

/** The kind of a file from its extension (case-insensitive): .json, .ndjson/.jsonl, .yaml/.yml. */
export function sourceKindOf(filePath: string): SourceKind | undefined {
  const dot = filePath.lastIndexOf('.');
  if (dot <= Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'))) return undefined;
  return KINDS.get(filePath.slice(dot).toLowerCase());
}

// #region Findings

const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A finding of the parse layer (ruleId 'parse', an error, 400 INVALID_ARGUMENT) at a place in the text. */
export function parseProblem(messageId: string, message: string, range: SourceRange = START, data?: Issue['data']): Issue {
  const issue: Issue = { ruleId: 'parse', messageId, severity: 'error', path: '', message, status: 400, code: 'INVALID_ARGUMENT', ...range };
  if (data !== undefined) issue.data = data;
  return issue;
}

function rangeOf(lines: LineIndex, start: number, end: number): SourceRange {
  const from = lines.positionOf(start);
  const to = end === start ? from : lines.positionOf(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function parentDescription(pointer: string): string {
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  return parent === '' ? 'the body' : parent;
}

function duplicateProblem(lines: LineIndex, pointer: string, key: string, span: Span, previous: Span): Issue {
  const before = lines.positionOf(previous[0]);
  const issue = parseProblem(
    'duplicateKey',
    `The key '${quoteKey(key)}' appears twice in ${parentDescription(pointer)} (also at line ${before.line}, column ${before.column}): only the last value counts here, and other parsers may take the first.`,
    rangeOf(lines, span[0], span[1]),
    { key: quoteKey(key), previousLine: before.line, previousColumn: before.column },
  );
  issue.path = pointer;
  return issue;
}

// #endregion

// #region Bodies

interface Locator {
  /** The span of what a pointer names (member: from the key, for an object member); undefined when it names nothing. */
  exact(pointer: string, member: boolean): Span | undefined;
  /** For each place, its exact span, else the value span of its nearest existing ancestor. */
  nearest(places: readonly SourcePlace[]): (Span | undefined)[];
}

/** Offsets → positions in the file, for the few offsets a report asks about. */
type Positions = (offsets: readonly number[]) => Position[];

/** How a body with a value finds its places: spans by a (lazily made) locator, then positions. */
interface Whereabouts {
  readonly locator: () => Locator | undefined;
  readonly positions: Positions;
  /** YAML: the merge key behind a member, with an offset for its position. */
  readonly mergeOrigin?: (pointer: string) => YamlMergeOrigin | undefined;
  /** The edit of the text (offsets in the text after a BOM) that makes a value edit, if it can be made safely. */
  readonly edit: (edit: ValueEdit) => SpanEdit | undefined;
  /** 1 when the text given started with a BOM (which the offsets above do not count), else 0. */
  readonly base: number;
}

/** A body; without whereabouts (it has no value) nothing in it can be located. */
function makeBody(index: number, line: number, parsed: { value: unknown } | undefined, problems: Issue[], where?: Whereabouts): SourceBody {
  const locator = where?.locator ?? ((): undefined => undefined);
  const positions: Positions = where?.positions ?? (() => []);
  const toRanges = (spans: readonly (Span | undefined)[]): (SourceRange | undefined)[] => {
    const offsets: number[] = [];
    for (const span of spans) if (span !== undefined) offsets.push(span[0], span[1]);
    const at = positions(offsets);
    let k = 0;
    return spans.map((span) => {
      if (span === undefined) return undefined;
      const from = at[k++]!;
      const to = at[k++]!;
      return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    });
  };
  const exact = (pointer: string, member: boolean): SourceRange | undefined => {
    const span = locator()?.exact(pointer, member);
    return span === undefined ? undefined : toRanges([span])[0];
  };
  const body: SourceBody = {
    index,
    line,
    problems,
    locate: (pointer) => exact(pointer, false),
    locateMember: (pointer) => exact(pointer, true),
    locatePlaces(places) {
      const found = locator();
      return found === undefined ? places.map(() => undefined) : toRanges(found.nearest(places));
    },
    mergeOrigin(pointer) {
      const origin = where?.mergeOrigin?.(pointer);
      if (origin === undefined) return undefined;
      const at = positions([origin.at])[0]!;
      const found: MergeOrigin = { role: origin.role, line: at.line, column: at.column };
      return origin.anchor === undefined ? found : { ...found, anchor: origin.anchor };
    },
  };
  if (parsed !== undefined) (body as { value?: unknown }).value = parsed.value;
  if (where !== undefined) {
    body.textEdit = (edit): Fix | undefined => {
      const made = where.edit(edit);
      return made === undefined ? undefined : { range: [made.start + where.base, made.end + where.base], text: made.text };
    };
  }
  return body;
}

/** Locator.nearest for locators that look up one pointer at a time (a tree of offsets, a YAML document). */
function nearestOneByOne(exact: Locator['exact']): Locator['nearest'] {
  return (places) =>
    places.map(({ pointer, member }) => {
      const span = exact(pointer, member);
      if (span !== undefined) return span;
      while (pointer !== '') {
        pointer = pointer.slice(0, pointer.lastIndexOf('/'));
        const ancestor = exact(pointer, false);
        if (ancestor !== undefined) return ancestor;
      }
      return undefined;
    });
}

/** A JSON text whose duplicate keys were looked for: its tree of offsets is at hand. */
function treeLocator(root: JsonNode): Locator {
  const exact = (pointer: string, member: boolean): Span | undefined => {
    const node = nodeAt(root, pointer);
    return node && [member && node.keyStart >= 0 ? node.keyStart : node.start, node.end];
  };
  return { exact, nearest: nearestOneByOne(exact) };
}

/** A JSON text without duplicate keys: one targeted walk per batch of places (json-locate.ts). */
function textLocator(text: string, start: number, end: number): Locator {
  const spanOf = (found: JsonLocated, member: boolean): Span => [member && found.keyStart >= 0 ? found.keyStart : found.start, found.end];
  return {
    exact(pointer, member) {
      const found = locateInJson(text, [pointer], start, end)[0];
      return found?.exact ? spanOf(found, member) : undefined;
    },
    nearest(places) {
      const found = locateInJson(text, places.map((place) => place.pointer), start, end);
      // A member's range only for the member itself; an ancestor standing in gives its value's.
      return found.map((f, k) => f && spanOf(f, f.exact && places[k]!.member));
    },
  };
}

function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/**
 * One JSON body: text[start, end) of the file, starting on line `line`; `base` is where the text
 * starts in the input (1 after a BOM: fixes count in the input); `read`, when the caller has parsed
 * the whole text already (readJson), is what JSON.parse made of it.
 */
function jsonBody(text: string, start: number, end: number, index: number, line: number, lines: () => LineIndex, base: number, kindOfText: 'text' | 'line' = 'text', read?: JsonRead): SourceBody {
  let value: unknown;
  try {
    if (read === undefined) value = JSON.parse(start === 0 && end === text.length ? text : text.slice(start, end));
    else if (read.parsed) value = read.value;
    else throw read.error;
  } catch (error) {
    const failure = syntaxFailure(text, start, end, (error as Error)?.message);
    const reason = kindOfText === 'line' ? failure.reason.replace('the end of the text', 'the end of the line') : failure.reason;
    const message = reason.startsWith('the text is empty') ? 'The text is empty: a JSON body is required.' : `The text is not valid JSON: ${reason}.`;
    return makeBody(index, line, undefined, [parseProblem('invalidJson', message, rangeOf(lines(), failure.start, failure.end))]);
  }
  // The scan (a tree of offsets) is made only when a duplicate key is suspected; positions are
  // then read from the tree, and otherwise found by a walk that looks only for the places asked.
  let root: JsonNode | undefined;
  let problems: Issue[] = [];
  if (mayHaveDuplicateKeys(text, value, start, end)) {
    const scan = scanJson(text, start, end);
    root = scan.root;
    problems = scan.duplicates.map((d: JsonDuplicate) =>
      duplicateProblem(lines(), d.pointer, d.key, [d.node.keyStart, d.node.keyEnd], [d.previous.keyStart, d.previous.keyEnd]),
    );
  }
  const locator = lazy(() => (root === undefined ? textLocator(text, start, end) : treeLocator(root)));
  return makeBody(index, line, { value }, problems, {
    locator,
    positions: (offsets) => positionsAt(text, offsets, start, end, line),
    edit: (edit) => jsonTextEdit(text, edit, (pointer) => locator()?.exact(pointer, false)),
    base,
  });
}

function blankBody(messageId: string, message: string): SourceBody {
  return makeBody(0, 1, undefined, [parseProblem(messageId, message)]);
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function ndjsonBodies(text: string, base: number): SourceBody[] {
  const bodies: SourceBody[] = [];
  let line = 1;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    if (!isBlankLine(text, start, end)) {
      const lineStart = start;
      const lineEnd = end;
      const lineNumber = line;
      bodies.push(jsonBody(text, lineStart, lineEnd, bodies.length, lineNumber, lazy(() => new LineIndex(text, lineStart, lineEnd, lineNumber)), base, 'line'));
    }
    if (end >= n) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    line++;
  }
  if (bodies.length === 0) return [blankBody('invalidJson', 'The file has no JSON line: at least one body is required.')];
  return bodies;
}

/** A YAML document that cannot be read, or that is beyond an alias limit (data names the limit). */
function yamlProblem(lines: LineIndex, { span, reason, limit }: YamlError): Issue {
  const range = rangeOf(lines, span[0], span[1]);
  if (limit === undefined) return parseProblem('invalidYaml', `The text is not valid YAML: ${reason}.`, range);
  return parseProblem('invalidYaml', `The YAML document is not read: ${reason}.`, range, { limit: limit.name, max: limit.max });
}

function yamlBodies(text: string, base: number): SourceBody[] {
  const lines = lazy(() => new LineIndex(text));
  // Most YAML files are one plain document (yaml-fast.ts): its value is read by hand, without the
  // yaml package. A body with findings needs positions: the fast path reads the text again, with
  // them. Only an edit (a fix) needs the full parse, made then, once.
  const fast = fastYamlValue(text);
  if (fast !== undefined) {
    const document = lazy(() => parseYaml(text).documents[0]);
    const locator = lazy((): Locator => {
      const root = fastYamlSpans(text);
      return root === undefined ? yamlLocator(document) : treeLocator(root);
    });
    return [
      makeBody(0, fast.line, { value: fast.value }, [], {
        locator,
        positions: (offsets) => offsets.map((offset) => lines().positionOf(offset)),
        // Only a merge key (`<<`) gives a member a merge origin, and the subset has none.
        mergeOrigin: () => undefined,
        edit: (edit) => document()?.edit(edit),
        base,
      }),
    ];
  }
  const stream = parseYaml(text);
  if (stream.documents.length === 0) {
    if (stream.error !== undefined) {
      const { span } = stream.error;
      return [makeBody(0, lines().positionOf(span[0]).line, undefined, [yamlProblem(lines(), stream.error)])];
    }
    return [blankBody('invalidYaml', 'The file has no YAML document: at least one body is required.')];
  }
  return stream.documents.map((doc, index) => {
    const line = lines().positionOf(doc.start).line;
    if (doc.error !== undefined) {
      return makeBody(index, line, undefined, [yamlProblem(lines(), doc.error)]);
    }
    const problems = doc.duplicates.map((d) => duplicateProblem(lines(), d.pointer, d.key, d.span, d.previous));
    const locator = yamlLocator(() => doc);
    return makeBody(index, line, { value: doc.value }, problems, {
      locator: () => locator,
      positions: (offsets) => offsets.map((offset) => lines().positionOf(offset)),
      mergeOrigin: (pointer) => doc.mergeOrigin(pointer),
      edit: (edit) => doc.edit(edit),
      base,
    });
  });
}

/** The locator of a YAML document's parse (`document`: made on first need). */
function yamlLocator(document: () => YamlDocument | undefined): Locator {
  const exact = (pointer: string, member: boolean): Span | undefined => {
    const doc = document();
    return member ? doc?.memberSpan(pointer) : doc?.valueSpan(pointer);
  };
  return { exact, nearest: nearestOneByOne(exact) };
}

/** Bytes that are not UTF-8: one body with an 'invalidUtf8' finding at the first bad byte. */
function undecodableBody(bytes: Uint8Array): SourceBody {
  const offset = Math.max(invalidUtf8Offset(bytes), 0);
  const before = stripBom(decodeUtf8(bytes.subarray(0, offset)) ?? '');
  const lines = new LineIndex(before);
  const at = lines.positionOf(before.length);
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return makeBody(
    0,
    1,
    undefined,
    [parseProblem('invalidUtf8', `The file is not UTF-8 text: the byte 0x${hex} at line ${at.line}, column ${at.column} does not start or continue a UTF-8 character.`, { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 }, { byteOffset: offset })],
  );
}

/**
 * Parses a source file into its bodies. Never throws: text that does not parse, a blank file
 * and bytes that are not UTF-8 become findings (ruleId 'parse') with positions. A leading BOM is
 * ignored. In NDJSON, blank lines are skipped (not bodies); in YAML, empty documents are.
 *
 * @example
 * for (const body of parseSource(readFileSync(file), sourceKindOf(file)!)) {
 *   const report = sourceValidator.validateSource(body); // src/engine/validator.ts
 * }
 */
export function parseSource(input: string | Uint8Array, kind: SourceKind): SourceBody[] {
  return kind === 'yaml' ? parseText(input, 'invalidYaml', yamlBodies) : parseText(input, 'invalidJson', kind === 'ndjson' ? ndjsonBodies : jsonBodies);
}

/**
 * parseSource(input, 'json'), for the library's validateJson: it reaches no YAML code, so a bundle
 * of the library (a browser or edge worker) leaves the YAML parser out.
 */
export function parseJsonSource(input: string | Uint8Array, read?: JsonRead): SourceBody {
  if (read === undefined) return parseText(input, 'invalidJson', jsonBodies)[0]!;
  // Decoded, its BOM dropped and parsed already (readJson): the rest of the same body.
  const { text, base } = read;
  return readBodies(text, base, 'invalidJson', () => [jsonBody(text, 0, text.length, 0, 1, lazy(() => new LineIndex(text)), base, 'text', read)])[0]!;
}

/** A JSON text read as far as JSON.parse (readJson): its value, or why JSON.parse refused it. */
export type JsonRead = { readonly text: string; readonly base: number } & ({ readonly parsed: true; readonly value: unknown } | { readonly parsed: false; readonly error: unknown });

/**
 * parseJsonSource's first step, for validateJson, which often needs no more than the value (the
 * accept pass, src/engine/accept.ts): the input's text (bytes decoded, a BOM dropped) and what
 * JSON.parse makes of it; undefined for bytes that are not UTF-8. parseJsonSource(input, read)
 * makes the body from it without parsing again. Never throws.
 */
export function readJson(input: string | Uint8Array): JsonRead | undefined {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    if (decoded === undefined) return undefined;
    text = decoded;
  }
  const base = bomLength(text);
  text = stripBom(text);
  try {
    return { text, base, parsed: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { text, base, parsed: false, error };
  }
}

function jsonBodies(text: string, base: number): SourceBody[] {
  return [jsonBody(text, 0, text.length, 0, 1, lazy(() => new LineIndex(text)), base)];
}

/** Decodes the input (bytes must be UTF-8), drops a BOM and makes the bodies; never throws. */
function parseText(input: string | Uint8Array, failure: 'invalidJson' | 'invalidYaml', bodies: (text: string, base: number) => SourceBody[]): SourceBody[] {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    if (decoded === undefined) return [undecodableBody(input)];
    text = decoded;
  }
  return readBodies(stripBom(text), bomLength(text), failure, bodies);
}

/** Offsets of edits count in the text as given: a BOM, which is not part of the text parsed, too. */
function bomLength(text: string): number {
  return text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** The bodies of a decoded text without its BOM (`base`: the BOM's length); never throws. */
function readBodies(text: string, base: number, failure: 'invalidJson' | 'invalidYaml', bodies: (text: string, base: number) => SourceBody[]): SourceBody[] {
  try {
    return bodies(text, base);
  } catch (error) {
    // Not expected; still a finding rather than a throw.
    return [blankBody(failure, `The text could not be read: ${String((error as Error)?.message ?? error)}.`)];
  }
}

// #endregion

// #region Locations

/**
 * Each place's range; a place that cannot be located (not expected) does not cost the others
 * theirs.
 */
function rangesOf(body: SourceBody, places: readonly SourcePlace[]): (SourceRange | undefined)[] {
  try {
    return body.locatePlaces(places);
  } catch {
    return places.map((place) => {
      try {
        return body.locatePlaces([place])[0];
      } catch {
        return undefined;
      }
    });
  }
}

/** A body's merge origin of a pointer; a failure (not expected) costs only the note. */
function mergeOriginOf(body: SourceBody, pointer: string): MergeOrigin | undefined {
  try {
    return body.mergeOrigin?.(pointer);
  } catch {
    return undefined;
  }
}

/**
 * The sentence and data an unknown-property finding gets when a YAML merge key is behind the
 * property: it came in through the merge (its range is in the merged mapping, where it is
 * written), or it holds the anchored mapping the merge copies (which stays in the body).
 */
function withMergeOrigin(issue: Issue, origin: MergeOrigin): void {
  const where = `the merge key at line ${origin.line}, column ${origin.column}`;
  const anchor = origin.anchor === undefined ? '' : `&${origin.anchor}`;
  const note =
    origin.role === 'merged'
      ? origin.anchor === undefined
        ? `It came in through ${where}.`
        : `It came in from the anchor ${anchor} through ${where}.`
      : `It holds the anchor ${anchor} that ${where} copies: the merge does not take it out of the body.`;
  issue.message = `${issue.message} ${note}`;
  const data: NonNullable<Issue['data']> = Object.assign({}, issue.data);
  data.merge = origin.role;
  if (origin.anchor !== undefined) data.anchor = origin.anchor;
  data.mergeLine = origin.line;
  data.mergeColumn = origin.column;
  issue.data = data;
}

/**
 * The issues with line, column, endLine and endColumn of what their paths name in the file
 * (issues that have a line already are kept as they are); a path that names nothing in the text
 * (a value the engine filled in) gets the range of its nearest existing ancestor. A value or
 * member that a YAML merge key copied in is located where it is written, in the merged mapping;
 * an unknown property that came in that way (or holds what a merge copies) says so in its
 * message and data (`merge`, `anchor`, `mergeLine`, `mergeColumn`). Positions are computed
 * here, for these issues only and all at once (one walk of a JSON text), so a body without issues
 * costs nothing and one with a few costs little.
 */
export function withLocations(issues: readonly Issue[], body: SourceBody): Issue[] {
  const places: SourcePlace[] = [];
  for (const issue of issues) {
    if (issue.line === undefined) places.push({ pointer: issue.path, member: MEMBER_MESSAGE_IDS.has(issue.messageId) });
  }
  const ranges = places.length === 0 ? [] : rangesOf(body, places);
  let k = 0;
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    const range = ranges[k++] ?? { line: body.line, column: 1, endLine: body.line, endColumn: 1 };
    // Object.assign, not a spread: issues come in many shapes, and V8's spread of those falls to
    // a slow path where assign stays fast.
    const copy: Issue = Object.assign({}, issue);
    copy.line = range.line;
    copy.column = range.column;
    copy.endLine = range.endLine;
    copy.endColumn = range.endColumn;
    if (UNKNOWN_PROPERTY_IDS.has(issue.messageId)) {
      const origin = mergeOriginOf(body, issue.path);
      if (origin !== undefined) withMergeOrigin(copy, origin);
    }
    return copy;
  });
}

// #endregion
