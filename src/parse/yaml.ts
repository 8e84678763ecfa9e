// YAML text → one body per document, with offsets into the whole text (documents share it), the
// first syntax error of each document, and duplicate keys (which the JavaScript value silently
// collapses to the last one, as JSON.parse does). Uses the `yaml` package (YAML 1.2 core schema),
// with YAML 1.1 merge keys (`<<: *base`, `<<: [*a, *b]`) as fixture files use them: a merged
// member is located where it is written (in the anchored mapping), and says which merge key
// brought it (mergeOrigin).

import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parse, parseAllDocuments, Scalar, type Alias, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { escapePointerSegment, isIndexSegment, lastSlash, parsePointer } from '../shared/pointer.js';
import { trimEnd } from '../shared/text.js';
import type { SpanEdit } from './edit.js';
import type { ValueEdit } from './types.js';

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

/** A document beyond one of the alias limits below: its value is not built. */
interface YamlLimit {
  readonly name: 'maxYamlAliases' | 'maxYamlAnchors' | 'maxYamlAliasValues';
  readonly max: number;
}

export interface YamlError {
  readonly span: Span;
  readonly reason: string;
  /** Set when the text is well-formed but exceeds a limit. */
  readonly limit?: YamlLimit;
}

/**
 * How an object member relates to a YAML merge key (`<<`): 'merged', the member was copied in by
 * the merge key at `at` (its text is in the merged mapping); 'source', the member's value is a
 * mapping (or list of them) that the merge key at `at` copies, and stays in the body besides.
 */
export interface YamlMergeOrigin {
  readonly role: 'merged' | 'source';
  /** The anchor the merge key names (`<<: *base` → 'base'); absent for a mapping written in place. */
  readonly anchor?: string;
  /** Where the merge key's `<<` is. */
  readonly at: number;
}

export interface YamlDocument {
  /** Where the document's content starts. */
  readonly start: number;
  /** The JavaScript value; absent when the document has an error. */
  readonly value?: unknown;
  readonly error?: YamlError;
  readonly duplicates: readonly YamlDuplicate[];
  /** Span of the value a pointer names. */
  valueSpan(pointer: string): Span | undefined;
  /** For an object member, from its key to the end of its value; otherwise the value's span. */
  memberSpan(pointer: string): Span | undefined;
  /** Whether the member a pointer names came in through a merge key, or holds what one copies. */
  mergeOrigin(pointer: string): YamlMergeOrigin | undefined;
  /** The edit of the text that makes a value edit, if it can be made without touching anything else (Spans.edit). */
  edit(edit: ValueEdit): SpanEdit | undefined;
}

export interface YamlStream {
  readonly documents: readonly YamlDocument[];
  /** An error outside any document (e.g. a stream with only a bad directive). */
  readonly error?: YamlError;
}

/**
 * Aliases a document may hold. A request body has a few dozen values; an alias saves repeating
 * one. Checked before any alias is resolved: the yaml package resolves an alias by scanning the
 * anchors and aliases before it, so its cost grows with their number.
 */
export const MAX_YAML_ALIASES = 100;
/**
 * Anchors a document may define. The yaml package copies the names of all anchors met so far for
 * every mapping key that is itself a collection, so without a bound that costs anchors × keys.
 */
export const MAX_YAML_ANCHORS = 100;
/**
 * Values a document's aliases may add to it, counting each alias as the values it stands for
 * (nested aliases expanded). Bounds "billion laughs": 100 aliases nested ten deep stand for 10^10
 * values, and every later stage (and a YAML 1.1 merge key) walks the value as a tree.
 */
export const MAX_YAML_ALIAS_VALUES = 10000;

const OPTIONS = {
  // Duplicates are found below, with pointers; the value keeps the last one.
  uniqueKeys: false,
  // `<<` merge keys (YAML 1.1, common in fixture files) in every document, not only under %YAML 1.1.
  // A quoted '<<' stays a plain key.
  merge: true,
  prettyErrors: false,
  logLevel: 'silent',
} as const;

const TO_JS = {
  // The walk below has already bounded the aliases and what they expand to. The package's own
  // count (count × aliases inside the anchor > maxAliasCount) would resolve every alias inside an
  // anchor again without its cache, one scan of the whole document each: -1 turns it off.
  maxAliasCount: -1,
} as const;

type AnyNode = YamlNode | null | undefined;

/** The JavaScript key a map key becomes (as yaml's toJS writes it), or undefined if not a scalar. */
export function keyString(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value === null) return '';
  if (typeof value === 'object') return undefined;
  return String(value);
}

/** A `<<` merge key (the yaml package makes it a scalar whose value is the symbol `<<`). */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return typeof value === 'symbol' && value.description === '<<';
}

/** A mapping a merge key copies, and the alias that named it or the list it is in (if any). */
interface MergeSource {
  readonly map: YAMLMap;
  readonly alias?: Alias;
}

/** A member of a mapping as the JavaScript value has it: written there, or copied in by a merge key. */
interface Member {
  readonly key: YamlNode;
  readonly value: AnyNode;
  /** The merge key (`<<`) of this mapping that copied the member in. */
  readonly mergeKey?: YamlNode;
  /** The anchor that merge key named for it. */
  readonly anchor?: string;
}

/** The last merge key on a pointer's way. */
interface Via {
  readonly mergeKey: YamlNode;
  readonly anchor?: string;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** What check() carries through its walk. */
interface WalkState {
  readonly duplicates: YamlDuplicate[];
  /** Each anchor name → the latest node given it, in text order (the one an alias names). */
  readonly anchors: Map<string, YamlNode>;
  /** The collections being walked: an alias to one of them is inside the node it names. */
  readonly open: Set<YamlNode>;
  /** Each anchored collection → the values it stands for, its own aliases expanded. */
  readonly values: Map<YamlNode, number>;
  anchorCount: number;
  aliasCount: number;
  /** The values all aliases so far stand for. */
  aliasValues: number;
  refused?: YamlError;
}

class Spans {
  /** Each alias's node, filled in by check() (the document must have passed it). */
  private readonly targets = new Map<Alias, YamlNode>();
  /** Each anchored node that a merge key names → the first such merge key, filled in by check(). */
  private readonly mergedAnchors = new Map<YamlNode, YamlNode>();
  /** Each mapping's members as the value has them, made when a pointer goes through it. */
  private readonly members = new Map<YAMLMap, Map<string, Member>>();

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

  /**
   * The node a pointer names (aliases on the way are followed; the last is not), and the last
   * merge key on the way (a member copied in by a merge key is found where it is written).
   */
  find(pointer: string): { node: YamlNode; key?: YamlNode; via?: Via } | undefined {
    let node: AnyNode = this.doc.contents as AnyNode;
    let key: YamlNode | undefined;
    let via: Via | undefined;
    if (pointer === '') return node ? { node } : undefined;
    if (pointer.charCodeAt(0) !== 47) return undefined;
    for (const raw of pointer.slice(1).split('/')) {
      const segment = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
      // check() recorded the node each alias names; one step suffices (an alias has no anchor,
      // so no alias names another).
      if (isAlias(node)) node = this.targets.get(node);
      if (isMap(node)) {
        const found = this.membersOf(node).get(segment);
        if (found === undefined) return undefined;
        key = found.key;
        node = found.value;
        if (found.mergeKey !== undefined) via = found.anchor === undefined ? { mergeKey: found.mergeKey } : { mergeKey: found.mergeKey, anchor: found.anchor };
      } else if (isSeq(node)) {
        if (!/^(?:0|[1-9]\d*)$/.test(segment)) return undefined;
        node = node.items[Number(segment)] as AnyNode;
        key = undefined;
      } else {
        return undefined;
      }
      if (node === null || node === undefined) {
        // `key:` with nothing after it: the member is its key.
        return key ? (via ? { node: key, via } : { node: key }) : undefined;
      }
    }
    if (!node) return undefined;
    return via ? { node, key, via } : { node, key };
  }

  /**
   * A mapping's members as the yaml package builds its value: the keys written in it (the last of
   * a repeated key), then those of its merge keys' mappings in order (`<<: [*a, *b]`: a before b;
   * two `<<` keys: the first before the second), each only where no earlier one gave it. So an
   * explicit key overrides a merged one wherever it stands. Made once per mapping; the merged
   * mappings' own members come from the same cache, so nested merges cost their size once.
   */
  private membersOf(map: YAMLMap): Map<string, Member> {
    let members = this.members.get(map);
    if (members !== undefined) return members;
    members = new Map();
    let merges: { key: YamlNode; value: AnyNode }[] | undefined;
    for (const pair of map.items) {
      if (isMergeKey(pair.key)) {
        (merges ??= []).push({ key: pair.key as YamlNode, value: pair.value as AnyNode });
        continue;
      }
      const name = keyString(pair.key);
      if (name !== undefined) members.set(name, { key: pair.key as YamlNode, value: pair.value as AnyNode });
    }
    // Set before the merged members are added: a mapping is never merged into itself (check()
    // refuses an alias inside the node it names).
    this.members.set(map, members);
    for (const { key: mergeKey, value } of merges ?? []) {
      const merged = this.mergeSources(value);
      if (!('sources' in merged)) continue; // not expected: check() refused such a document
      for (const source of merged.sources) {
        const anchor = source.alias?.source;
        for (const [name, member] of this.membersOf(source.map)) {
          if (members.has(name)) continue;
          members.set(name, anchor === undefined ? { key: member.key, value: member.value, mergeKey } : { key: member.key, value: member.value, mergeKey, anchor });
        }
      }
    }
    return members;
  }

  /**
   * The mappings a merge key's value stands for: a mapping, an alias of one, or a sequence of
   * them (or an alias of such a sequence), as the yaml package merges them; otherwise `bad`, the
   * first node that is none of these (the value itself when it is empty or an alias).
   */
  private mergeSources(value: AnyNode): { sources: MergeSource[] } | { bad: AnyNode; inList: boolean } {
    const resolved = isAlias(value) ? this.targets.get(value) : value;
    if (isMap(resolved)) return { sources: [isAlias(value) ? { map: resolved, alias: value } : { map: resolved }] };
    if (!isSeq(resolved)) return { bad: value, inList: false };
    const sources: MergeSource[] = [];
    for (const item of resolved.items) {
      const map = isAlias(item) ? this.targets.get(item) : (item as AnyNode);
      if (!isMap(map)) return isAlias(value) ? { bad: value, inList: false } : { bad: item as AnyNode, inList: true };
      // The alias that names the mapping: its own, or that of the list it is in.
      const alias = isAlias(item) ? item : isAlias(value) ? value : undefined;
      sources.push(alias === undefined ? { map } : { map, alias });
    }
    return { sources };
  }

  mergeOrigin(pointer: string): YamlMergeOrigin | undefined {
    const found = this.find(pointer);
    if (found === undefined) return undefined;
    if (found.via !== undefined) {
      const at = this.rangeOf(found.via.mergeKey)?.[0] ?? 0;
      return found.via.anchor === undefined ? { role: 'merged', at } : { role: 'merged', anchor: found.via.anchor, at };
    }
    const mergeKey = this.mergedAnchors.get(found.node);
    const anchor = (found.node as { anchor?: string }).anchor;
    if (mergeKey === undefined || !anchor) return undefined;
    return { role: 'source', anchor, at: this.rangeOf(mergeKey)?.[0] ?? 0 };
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
   * The node a pointer names when it is written in exactly one place of the value: no alias or
   * merge key on the way, and neither it nor any node around it is an anchor some alias names
   * (an edit there would change every place that names it). undefined otherwise.
   */
  private ownNode(pointer: string): YamlNode | undefined {
    const shared = new Set(this.targets.values());
    let node: AnyNode = this.doc.contents as AnyNode;
    if (!node || shared.has(node)) return undefined;
    for (const segment of parsePointer(pointer)) {
      if (isMap(node)) {
        const found = this.membersOf(node).get(segment);
        if (found === undefined || found.mergeKey !== undefined) return undefined;
        node = found.value;
      } else if (isSeq(node)) {
        if (!isIndexSegment(segment)) return undefined;
        node = node.items[Number(segment)] as AnyNode;
      } else {
        return undefined;
      }
      if (!node || isAlias(node) || shared.has(node)) return undefined;
    }
    return node;
  }

  /**
   * The edit of the text that makes a value edit, touching nothing else (comments, anchors
   * elsewhere, indentation, line ends), or undefined when that cannot be done safely:
   * - a replaced string keeps its scalar's style (plain, 'single' or "double" quoted), except a
   *   plain scalar whose new text would read as something else (a number, a key) is
   *   double-quoted; block scalars (| and >) are not edited;
   * - a removed item is a scalar without anchor or tag: in a flow sequence with the comma before
   *   it (after it, for the first item), when only whitespace is around that comma; in a block
   *   sequence, its whole line ('- value' alone on it, no comment), which keeps at least one item.
   */
  edit(edit: ValueEdit): SpanEdit | undefined {
    const node = this.ownNode(edit.pointer);
    if (!isScalar(node) || node.range === undefined || node.range === null) return undefined;
    const [start, end] = node.range;
    if ('replace' in edit) {
      const style = node.type;
      if (typeof node.value !== 'string' || (style !== Scalar.PLAIN && style !== Scalar.QUOTE_DOUBLE && style !== Scalar.QUOTE_SINGLE)) return undefined;
      return { start, end, text: scalarText(edit.replace, style) };
    }
    const slash = lastSlash(edit.pointer);
    const list = this.ownNode(edit.pointer.slice(0, slash));
    if (!isSeq(list) || node.anchor || node.tag || !/^[^\r\n]*$/.test(this.text.slice(start, end))) return undefined;
    const index = Number(edit.pointer.slice(slash + 1));
    const text = this.text;
    if (list.flow) {
      const neighbour = list.items[index === 0 ? 1 : index - 1] as AnyNode;
      const range = this.rangeOf(neighbour);
      if (range === undefined) return index === 0 && list.items.length === 1 ? { start, end, text: '' } : undefined;
      if (index > 0) return isCommaBetween(text, range[1], start) ? { start: range[1], end, text: '' } : undefined;
      return isCommaBetween(text, end, range[0]) ? { start, end: range[0], text: '' } : undefined;
    }
    if (list.items.length < 2) return undefined;
    const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
    if (!/^[ ]*-[ \t]+$/.test(text.slice(lineStart, start))) return undefined;
    let lineEnd = end;
    while (lineEnd < text.length && (text.charCodeAt(lineEnd) === 32 || text.charCodeAt(lineEnd) === 9)) lineEnd++;
    if (lineEnd === text.length) {
      // The last line, without a line end: the line end before it goes instead.
      if (lineStart === 0) return undefined;
      const breakStart = text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1;
      return { start: breakStart, end: lineEnd, text: '' };
    }
    const c = text.charCodeAt(lineEnd);
    if (c !== 10 && c !== 13) return undefined; // a comment, or more on the line
    const next = c === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
    return { start: lineStart, end: next, text: '' };
  }

  /**
   * One walk of the document in text order, each node once (aliases are not followed): keys given
   * twice in one mapping, and whether the value may be built at all. Every alias must name an
   * anchor defined before it and not around it (that would make the body cyclic, which no JSON
   * body is), and the aliases must stay within the limits above. The walk stops at the first
   * problem, so a document beyond a limit costs no more than its text up to that point, and no
   * alias is resolved or expanded for it.
   */
  check(): { duplicates: YamlDuplicate[]; refused?: YamlError } {
    const state: WalkState = { duplicates: [], anchors: new Map(), open: new Set(), values: new Map(), anchorCount: 0, aliasCount: 0, aliasValues: 0 };
    this.walk(this.doc.contents as AnyNode, '', state);
    return state.refused === undefined ? { duplicates: state.duplicates } : { duplicates: [], refused: state.refused };
  }

  /**
   * Walks a node and returns the number of values it stands for once its aliases are expanded,
   * or -1 once the document is refused. `pointer` is undefined below a key that is not a scalar
   * (no JSON Pointer names what is there, so duplicates are not reported there).
   */
  private walk(node: AnyNode, pointer: string | undefined, state: WalkState): number {
    if (isAlias(node)) return this.alias(node, state);
    if (!isScalar(node) && !isCollection(node)) return 1; // an empty value
    const anchor = node.anchor;
    if (anchor) {
      if (++state.anchorCount > MAX_YAML_ANCHORS) {
        return this.refuse(state, node, `it defines more than ${MAX_YAML_ANCHORS} anchors`, { name: 'maxYamlAnchors', max: MAX_YAML_ANCHORS });
      }
      // Set on entry: an alias inside this node names it (a cycle), as the yaml package resolves it.
      state.anchors.set(anchor, node);
    }
    if (isScalar(node)) return 1;
    state.open.add(node);
    let values = 1;
    if (isMap(node)) {
      const seen = new Map<string, YamlNode>();
      for (const pair of node.items) {
        const key = pair.key as AnyNode;
        if (isMergeKey(key)) {
          const merged = this.merge(key as YamlNode, pair.value as AnyNode, pointer, state);
          if (merged < 0) return -1;
          values += 1 + merged;
          continue;
        }
        const keyValues = this.walk(key, pointer, state);
        if (keyValues < 0) return -1;
        const name = keyString(key);
        let child: string | undefined;
        if (name !== undefined && pointer !== undefined) {
          child = `${pointer}/${escapePointerSegment(name)}`;
          const previous = seen.get(name);
          if (previous !== undefined) state.duplicates.push({ pointer: child, key: name, span: this.keySpan(key), previous: this.keySpan(previous) });
          seen.set(name, key as YamlNode);
        }
        const valueValues = this.walk(pair.value as AnyNode, child, state);
        if (valueValues < 0) return -1;
        values += keyValues + valueValues;
      }
    } else {
      for (let index = 0; index < node.items.length; index++) {
        const item = node.items[index];
        let itemValues: number;
        if (isPair(item)) {
          // A YAML 1.1 `!!pairs` or `!!omap` item: its aliases count too; no pointer names it.
          const keyValues = this.walk(item.key as AnyNode, undefined, state);
          itemValues = keyValues < 0 ? -1 : this.walk(item.value as AnyNode, undefined, state);
          if (itemValues >= 0) itemValues += keyValues;
        } else {
          itemValues = this.walk(item as AnyNode, pointer === undefined ? undefined : `${pointer}/${index}`, state);
        }
        if (itemValues < 0) return -1;
        values += itemValues;
      }
    }
    state.open.delete(node);
    if (anchor) state.values.set(node, values);
    return values;
  }

  /**
   * A merge key's value: walked like any value (its aliases count, expanded, against the limits:
   * the yaml package copies a merged mapping again for every merge key that names it), then it must
   * stand for mappings (mergeSources). A mapping written in place is walked with its parent's
   * pointer, since its keys become the parent's. Returns the values it stands for, or -1.
   */
  private merge(mergeKey: YamlNode, value: AnyNode, pointer: string | undefined, state: WalkState): number {
    const values = this.walk(value, isMap(value) ? pointer : undefined, state);
    if (values < 0) return -1;
    const merged = this.mergeSources(value);
    if (!('sources' in merged)) {
      const { bad, inList } = merged;
      const empty = bad === null || bad === undefined || (isScalar(bad) && bad.value === null && this.end(bad) <= (this.rangeOf(bad)?.[0] ?? 0));
      const given = inList ? 'is given a list with' : 'is given';
      const reason = empty
        ? 'the merge key << has no value'
        : isAlias(bad)
          ? `the merge key << ${given} *${bad.source}, which names ${inList ? 'no mapping' : 'neither a mapping nor a list of mappings'}`
          : `the merge key << ${given} a value that is not a mapping`;
      return this.refuse(state, empty ? mergeKey : bad, `${reason}; it takes a mapping, an alias of one, or a list of them`);
    }
    // The anchored nodes this merge key names (an anchored list of mappings, or each mapping).
    for (const alias of isAlias(value) ? [value] : merged.sources.map((source) => source.alias)) {
      const target = alias === undefined ? undefined : this.targets.get(alias);
      if (target !== undefined && !this.mergedAnchors.has(target)) this.mergedAnchors.set(target, mergeKey);
    }
    return values;
  }

  private alias(node: Alias, state: WalkState): number {
    const target = state.anchors.get(node.source);
    if (target === undefined) return this.refuse(state, node, `the alias *${node.source} names no anchor defined before it`);
    if (state.open.has(target)) return this.refuse(state, node, `the alias *${node.source} is inside the node it names, which would make the body cyclic`);
    if (++state.aliasCount > MAX_YAML_ALIASES) {
      return this.refuse(state, node, `it has more than ${MAX_YAML_ALIASES} aliases`, { name: 'maxYamlAliases', max: MAX_YAML_ALIASES });
    }
    // An anchored scalar stands for one value; a collection's count was kept when it closed.
    const values = state.values.get(target) ?? 1;
    state.aliasValues += values;
    if (state.aliasValues > MAX_YAML_ALIAS_VALUES) {
      return this.refuse(state, node, `its aliases stand for more than ${MAX_YAML_ALIAS_VALUES} values`, { name: 'maxYamlAliasValues', max: MAX_YAML_ALIAS_VALUES });
    }
    this.targets.set(node, target);
    return values;
  }

  private refuse(state: WalkState, node: AnyNode, reason: string, limit?: YamlLimit): -1 {
    state.refused = limit === undefined ? { span: this.keySpan(node), reason } : { span: this.keySpan(node), reason, limit };
    return -1;
  }

  private keySpan(key: AnyNode): Span {
    const start = this.rangeOf(key)?.[0] ?? 0;
    return [start, Math.max(start, this.end(key))];
  }
}

/** Whether text[start, end) is whitespace (no comment) around exactly one comma. */
function isCommaBetween(text: string, start: number, end: number): boolean {
  return start <= end && /^[ \t\r\n]*,[ \t\r\n]*$/.test(text.slice(start, end));
}

/** Plain scalars written by an edit: these characters only, not ending in ':' (a key, before a line end or a flow comma). */
const PLAIN_SAFE = /^[0-9A-Za-z+./:-]*[0-9A-Za-z+./-]$/;

/**
 * A string as the text of a scalar of the given style: plain when the value reads back as the same
 * string (not a number, a boolean, null or a key), else double-quoted as JSON writes strings
 * (every JSON escape is a YAML one); single-quoted with '' for a quote.
 */
function scalarText(value: string, type: Scalar['type']): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (type === Scalar.PLAIN && PLAIN_SAFE.test(value)) {
    try {
      if (parse(value, OPTIONS) === value) return value;
    } catch {
      // not plain then
    }
  }
  return JSON.stringify(value);
}

/** A document with no content (`---` alone): its contents are nothing, or a zero-width null scalar. */
export function isEmptyDocument(doc: Document.Parsed): boolean {
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
  const text = trimEnd(message.trim(), '.:');
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
      mergeOrigin: (pointer: string) => spans.mergeOrigin(pointer),
      edit: (edit: ValueEdit) => spans.edit(edit),
    };
    if (firstError !== undefined) {
      documents.push({ ...base, duplicates: [], error: { span: clampSpan(text, firstError.pos), reason: reasonOf(firstError.message) } });
      continue;
    }
    let duplicates: YamlDuplicate[];
    let value: unknown;
    try {
      const checked = spans.check();
      if (checked.refused !== undefined) {
        documents.push({ ...base, duplicates: [], error: checked.refused });
        continue;
      }
      duplicates = checked.duplicates;
      value = doc.toJS(TO_JS);
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
