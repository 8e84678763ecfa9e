// `qod-policy migrate --write` on YAML text: the migration's patch applied to each document with
// the yaml package's Document API, so that comments, anchors, aliases, quoting and flow or block
// style stay with the nodes they belong to; then the lines the edits changed are carried onto the
// text as it was written (src/cli/diff.ts mergeEdits), so that every other line keeps its bytes even
// where yaml's printer would lay it out differently. Where that cannot be done (the printer lays out
// the very lines around an edit differently), the documents are written as the printer writes them:
// values, comments and anchors are the same, only spacing may differ.
//
// Anchors, aliases and merge keys: the migration sees the value a document stands for, where an
// alias is a copy of its anchor's value and a merge key (`<<: *base`) copies members. An edit only
// ever changes one copy, so the copies an edit reaches are written out first: an alias on the way to
// an edited value becomes a copy of what it names; an anchored value that is edited has its aliases
// replaced by copies of it as it was; a mapping with a merge key that is edited gets the merged
// members written into it, in the order the merge gives them. Anchors and aliases no edit reaches
// are kept.

import { Alias, isAlias, isMap, isNode, isPair, isScalar, isSeq, Pair, parseAllDocuments, Scalar, visit, type Document, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { isIndexSegment, parsePointer } from '../shared/pointer.js';
import type { PatchOperation } from '../index.js';
import { isEmptyDocument, isMergeKey, keyString } from '../parse/yaml.js';
import { mergeEdits } from './diff.js';

/** As the parse layer reads YAML (src/parse/yaml.ts): merge keys in every document, duplicates kept for it to report. */
const PARSE = { uniqueKeys: false, merge: true, prettyErrors: false, logLevel: 'silent' } as const;

/** Aliases were counted and bounded by the parse layer before any document gets here. */
const TO_JS = { maxAliasCount: -1 } as const;

type AnyNode = YamlNode | null | undefined;
type Parent = YAMLMap | YAMLSeq;

class PatchError extends Error {
  override name = 'PatchError';
}

/** The JavaScript key a map key becomes (as yaml's toJS writes it). */
/** A map key as a string; a key that is not a scalar cannot be patched. */
function keyOf(key: unknown): string {
  const name = keyString(key);
  if (name === undefined) throw new PatchError('a mapping key that is not a scalar');
  return name;
}

function isMergePair(pair: unknown): boolean {
  return isPair(pair) && isMergeKey(pair.key);
}

/** A copy of a node without its anchors (a copy stands beside the original, which keeps them). */
function copyOf(node: YamlNode): YamlNode {
  const copy = node.clone() as YamlNode;
  visit(copy, (_key, child) => {
    if (isNode(child) && !isAlias(child)) child.anchor = undefined;
  });
  copy.anchor = undefined;
  return copy;
}

/** The number of spaces a line starts with. */
function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Whether a line (its spaces skipped) is a mapping key with nothing after the colon: `key:`. */
function opensBlock(line: string): boolean {
  const content = line.trimEnd();
  const first = content.charAt(leadingSpaces(content));
  return content.endsWith(':') && first !== '' && first !== '#' && first !== '-';
}

/**
 * The layout yaml's printer is asked for: the document's own indentation (the first block under a
 * top-level key) and sequence style (`key:` then `- item` indented or not), the padding inside its
 * flow collections (`{ a: 1 }` or `{a: 1}`), and no folding of long lines. Plain scans of the
 * lines (a regular expression here would meet every document).
 */
function printOptions(text: string): { lineWidth: number; indent: number; indentSeq: boolean; flowCollectionPadding: boolean } {
  const lines = text.split('\n');
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  for (let i = 0; i + 1 < lines.length && (indent === undefined || indentSeq === undefined); i++) {
    if (!opensBlock(lines[i]!)) continue;
    const outer = leadingSpaces(lines[i]!);
    const next = lines[i + 1]!;
    const inner = leadingSpaces(next);
    if (next.startsWith('- ', inner)) indentSeq ??= inner > outer;
    else if (outer === 0 && inner > 0 && next.trim() !== '' && !next.startsWith('#', inner)) indent ??= inner;
  }
  return {
    lineWidth: 0,
    indent: indent !== undefined && indent <= 8 ? indent : 2,
    indentSeq: indentSeq ?? true,
    flowCollectionPadding: flowPadding(text) ?? true,
  };
}

/** Whether the first flow collection of the text (outside quotes and comments) has a space inside its bracket. */
function flowPadding(text: string): boolean | undefined {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote || c === '\n') quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\n')) {
      while (i < text.length && text.charAt(i) !== '\n') i++;
    } else if (c === '[' || c === '{') {
      const after = text.charAt(i + 1);
      if (after === ']' || after === '}' || after === '\n' || after === '\r') continue;
      return after === ' ';
    }
  }
  return undefined;
}

/** One document under edit. */
class YamlEditor {
  /** The copies made of anchored values for their aliases (unshare), with the value each copied. */
  private readonly copies: { readonly copy: YamlNode; readonly target: YamlNode }[] = [];

  /** The anchors some alias (or merge key) names before any edit. */
  private readonly named = new Set<string>();

  constructor(private readonly doc: Document.Parsed) {
    visit(doc, { Alias: (_key, alias) => void this.named.add(alias.source) });
  }

  // #region Finding places

  /** The pair of a map that holds a key (written there, not merged); undefined when there is none. */
  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    let found: Pair | undefined;
    for (const pair of map.items) if (!isMergePair(pair) && keyOf(pair.key) === key) found = pair as Pair;
    return found;
  }

  private hasMerge(map: YAMLMap): boolean {
    return map.items.some(isMergePair);
  }

  /**
   * The node a pointer names, for editing: aliases on the way become copies of what they name, and
   * mappings on the way whose member comes from a merge key get their merged members written out.
   * Returns the containers from the root down, and the node (undefined when the last step names nothing).
   */
  private walk(pointer: string): { path: Parent[]; node: AnyNode } {
    const path: Parent[] = [];
    let node = this.unaliased(this.doc.contents as AnyNode, (copy) => ((this.doc as Document).contents = copy));
    for (const segment of parsePointer(pointer)) {
      if (isMap(node)) {
        const map = node;
        let pair = this.pairOf(map, segment);
        if (pair === undefined && this.hasMerge(map)) {
          this.writeOutMerges(map);
          pair = this.pairOf(map, segment);
        }
        path.push(map);
        if (pair === undefined) return { path, node: undefined };
        const holder = pair;
        node = this.unaliased(holder.value as AnyNode, (copy) => (holder.value = copy));
      } else if (isSeq(node)) {
        const seq = node;
        path.push(seq);
        if (!isIndexSegment(segment) || Number(segment) >= seq.items.length) return { path, node: undefined };
        const index = Number(segment);
        node = this.unaliased(seq.items[index] as AnyNode, (copy) => (seq.items[index] = copy));
      } else {
        throw new PatchError(`${pointer} passes through a scalar`);
      }
    }
    return { path, node };
  }

  /** The node, or a copy of what an alias names put in its place. */
  private unaliased(node: AnyNode, put: (copy: YamlNode) => void): AnyNode {
    if (!isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (target === undefined) throw new PatchError(`the alias *${node.source} names nothing`);
    const copy = copyOf(target as YamlNode);
    put(copy);
    return copy;
  }

  /** The container a pointer's parent names (its members or items are edited), made safe to edit. */
  private container(pointer: string): Parent {
    const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
    const { path, node } = this.walk(parentPointer);
    if (!isMap(node) && !isSeq(node)) throw new PatchError(`${parentPointer} is not a mapping or a sequence`);
    this.unshare([...path, node]);
    if (isMap(node) && this.hasMerge(node)) this.writeOutMerges(node);
    return node;
  }

  // #endregion
  // #region Anchors and merge keys

  /**
   * Before these nodes change: each anchored one among them (or in them) that an alias names gets
   * that alias replaced by a copy of it as it is now (a merge key naming it: its mapping's merged
   * members written out), so that the alias keeps standing for the value it stood for.
   */
  private unshare(nodes: readonly AnyNode[], deep: AnyNode = undefined): void {
    const anchored = new Map<string, YamlNode>();
    for (const node of nodes) if (isNode(node) && node.anchor) anchored.set(node.anchor, node);
    if (isNode(deep)) {
      visit(deep, (_key, child) => {
        if (isNode(child) && !isAlias(child) && child.anchor) anchored.set(child.anchor, child);
      });
    }
    if (anchored.size === 0) return;
    // Merge keys first: their mappings are rewritten whole.
    const mergeMaps: YAMLMap[] = [];
    visit(this.doc, {
      Pair: (_key, pair, path) => {
        if (!isMergePair(pair)) return;
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        if (sources.some((source) => isAlias(source) && this.namesAny(source, anchored))) mergeMaps.push(path.at(-1) as YAMLMap);
      },
    });
    for (const map of mergeMaps) this.writeOutMerges(map);
    visit(this.doc, {
      Alias: (_key, alias) => {
        const target = anchored.get(alias.source);
        // An alias names the nearest anchor of its name before it: only the aliases of these nodes.
        if (target === undefined || alias.resolve(this.doc) !== target) return undefined;
        const copy = copyOf(target);
        this.copies.push({ copy, target });
        return copy;
      },
    });
  }

  private namesAny(alias: YamlNode, anchored: ReadonlyMap<string, YamlNode>): boolean {
    if (!isAlias(alias)) return false;
    const target = anchored.get(alias.source);
    return target !== undefined && alias.resolve(this.doc) === target;
  }

  /** The mappings a merge key's value copies, in order (a mapping, an alias of one, or a list of them). */
  private mergeSources(value: unknown): YAMLMap[] {
    const items = isSeq(value) ? value.items : [value];
    return items.map((item) => {
      const source = isAlias(item) ? item.resolve(this.doc) : item;
      if (!isMap(source)) throw new PatchError('a merge key whose value is not a mapping');
      return source;
    });
  }

  /** A mapping's members as its value has them: written ones, and merged ones where the merge puts them. */
  private membersOf(map: YAMLMap, depth = 0): Map<string, Pair> {
    if (depth > 100) throw new PatchError('merge keys nested too deep');
    const members = new Map<string, Pair>();
    for (const item of map.items) {
      if (isMergePair(item)) {
        for (const source of this.mergeSources((item as Pair).value)) {
          for (const [key, pair] of this.membersOf(source, depth + 1)) {
            if (!members.has(key)) members.set(key, new Pair(copyOf(pair.key as YamlNode), isNode(pair.value) ? copyOf(pair.value) : pair.value));
          }
        }
      } else {
        // A key written again wins, in the place the key first took (as a JavaScript object keeps it).
        members.set(keyOf((item as Pair).key), item as Pair);
      }
    }
    return members;
  }

  /** Replaces a mapping's merge keys by the members they bring, in the order of its value. */
  private writeOutMerges(map: YAMLMap): void {
    map.items = [...this.membersOf(map).values()];
  }

  /**
   * After the edits: a copy made for an alias that still equals the value it copied (every edit
   * reached both alike, or neither) becomes the alias again, where it still comes after its anchor.
   */
  realias(): void {
    this.realiasCopies();
    // An anchor that was there for aliases the edits took away goes with them.
    const named = new Set<string>();
    visit(this.doc, { Alias: (_key, alias) => void named.add(alias.source) });
    visit(this.doc, (_key, node) => {
      if (isNode(node) && !isAlias(node) && node.anchor && this.named.has(node.anchor) && !named.has(node.anchor)) node.anchor = undefined;
    });
  }

  private realiasCopies(): void {
    if (this.copies.length === 0) return;
    const order = new Map<unknown, number>();
    visit(this.doc, (_key, node) => {
      if (isNode(node)) order.set(node, order.size);
    });
    for (const { copy, target } of this.copies) {
      const name = target.anchor;
      const at = order.get(copy);
      const anchorAt = order.get(target);
      if (!name || at === undefined || anchorAt === undefined || anchorAt > at) continue;
      if (JSON.stringify(copy.toJS(this.doc, TO_JS)) !== JSON.stringify(target.toJS(this.doc, TO_JS))) continue;
      // The nearest anchor of that name before the copy must be this one.
      let nearest: unknown;
      for (const [node, index] of order) if (index < at && isNode(node) && !isAlias(node) && node.anchor === name) nearest = node;
      if (nearest !== target) continue;
      visit(this.doc, (_key, node) => (node === copy ? new Alias(name) : undefined));
    }
  }

  // #endregion
  // #region Operations

  private newNode(value: unknown): YamlNode {
    return this.doc.createNode(value) as YamlNode;
  }

  /** Takes a member or item out; returns its node and, for a member, its key (with the comments before it). */
  private take(pointer: string): { node: AnyNode; key?: YamlNode } {
    const parent = this.container(pointer);
    const segment = parsePointer(pointer).at(-1) ?? '';
    if (isMap(parent)) {
      const pair = this.pairOf(parent, segment);
      if (pair === undefined) throw new PatchError(`nothing at ${pointer}`);
      this.unshare([], pair.value as AnyNode);
      const index = parent.items.indexOf(pair);
      parent.items.splice(index, 1);
      const key = pair.key as YamlNode;
      // yaml keeps a comment above a nested mapping's first member on the mapping: it is that member's.
      if (index === 0 && parent !== this.doc.contents && parent.commentBefore && isNode(key) && !key.commentBefore) {
        key.commentBefore = parent.commentBefore;
        parent.commentBefore = undefined;
      }
      return { node: pair.value as AnyNode, key };
    }
    const index = Number(segment);
    if (!isIndexSegment(segment) || index >= parent.items.length) throw new PatchError(`nothing at ${pointer}`);
    this.unshare([], parent.items[index] as AnyNode);
    const [node] = parent.items.splice(index, 1);
    return { node: node as AnyNode };
  }

  /** Puts a node in: a member at the end of its mapping, an item at its index. */
  private put(pointer: string, node: YamlNode, oldKey?: YamlNode): void {
    const parent = this.container(pointer);
    const segment = parsePointer(pointer).at(-1) ?? '';
    if (isMap(parent)) {
      if (this.pairOf(parent, segment) !== undefined) throw new PatchError(`${pointer} is taken`);
      const key = new Scalar(segment);
      // A comment above a moved member goes with it.
      if (oldKey !== undefined && oldKey.commentBefore) key.commentBefore = oldKey.commentBefore;
      parent.items.push(new Pair(key, node));
      return;
    }
    const index = segment === '-' ? parent.items.length : Number(segment);
    if ((!isIndexSegment(segment) && segment !== '-') || index > parent.items.length) throw new PatchError(`no place ${pointer}`);
    parent.items.splice(index, 0, node);
  }

  apply(op: PatchOperation): void {
    switch (op.op) {
      case 'add':
        return this.put(op.path, this.newNode(op.value));
      case 'remove':
        this.take(op.path);
        return;
      case 'replace': {
        const parent = this.container(op.path);
        const segment = parsePointer(op.path).at(-1) ?? '';
        const next = this.newNode(op.value);
        if (isMap(parent)) {
          const pair = this.pairOf(parent, segment);
          if (pair === undefined) throw new PatchError(`nothing at ${op.path}`);
          this.unshare([], pair.value as AnyNode);
          keepComments(pair.value as AnyNode, next);
          pair.value = next;
        } else {
          const index = Number(segment);
          if (!isIndexSegment(segment) || index >= parent.items.length) throw new PatchError(`nothing at ${op.path}`);
          this.unshare([], parent.items[index] as AnyNode);
          keepComments(parent.items[index] as AnyNode, next);
          parent.items[index] = next;
        }
        return;
      }
      case 'rename': {
        const parent = this.container(op.from);
        if (!isMap(parent)) throw new PatchError(`${op.from} is not a member`);
        const pair = this.pairOf(parent, parsePointer(op.from).at(-1) ?? '');
        if (pair === undefined) throw new PatchError(`nothing at ${op.from}`);
        const name = parsePointer(op.path).at(-1) ?? '';
        if (isScalar(pair.key)) {
          pair.key.value = name;
          // A key written plain that must now be quoted is quoted by the printer; any other style stays.
        } else pair.key = new Scalar(name);
        return;
      }
      case 'move': {
        const { node, key } = this.take(op.from);
        if (!isNode(node)) throw new PatchError(`nothing to move at ${op.from}`);
        return this.put(op.path, node, key);
      }
    }
  }

  // #endregion
}

/** A replaced value keeps the comments around the old one. */
function keepComments(old: AnyNode, next: YamlNode): void {
  if (!isNode(old)) return;
  if (old.commentBefore) next.commentBefore = old.commentBefore;
  if (old.comment) next.comment = old.comment;
  if (old.spaceBefore) next.spaceBefore = old.spaceBefore;
}

/**
 * Each document's text in the file: from where the one before it ends (the first: from the start,
 * with the comments above it) to where it ends (the last: to the end of the text).
 */
function documentTexts(text: string, docs: readonly Document.Parsed[]): string[] {
  return docs.map((doc, i) => text.slice(i === 0 ? 0 : docs[i - 1]!.range[2], i === docs.length - 1 ? text.length : doc.range[2]));
}

/**
 * The YAML text (without its BOM) with each body's patch applied to its document: `patches[i]` for
 * the i-th document that is not empty (as the parse layer numbers bodies), undefined or empty for
 * one that does not change. `eol` is the file's line break, for new lines. A document that changes
 * keeps the lines no edit touched as they are written (mergeEdits), unless `printed` is set or the
 * edits sit on lines yaml's printer writes differently: then it is written as the printer writes it.
 * Documents that do not change keep every byte. Throws when an operation names nothing in its
 * document (the patch is not this text's).
 */
export function patchYamlText(text: string, patches: readonly (readonly PatchOperation[] | undefined)[], eol: string, printed = false): string {
  if (patches.every((patch) => patch === undefined || patch.length === 0)) return text;
  const docs = parseAllDocuments(text, PARSE) as Document.Parsed[];
  if (!Array.isArray(docs)) throw new PatchError('the text has no YAML document');
  const written = documentTexts(text, docs);
  let body = 0;
  return docs
    .map((doc, i) => {
      if (doc.errors.length > 0) throw new PatchError('a document does not parse');
      if (isEmptyDocument(doc)) return written[i]!;
      const patch = patches[body++];
      if (patch === undefined || patch.length === 0) return written[i]!;
      const options = printOptions(written[i]!);
      const before = doc.toString(options);
      const editor = new YamlEditor(doc);
      for (const op of patch) editor.apply(op);
      editor.realias();
      const after = doc.toString(options);
      const merged = printed ? undefined : mergeEdits(written[i]!, before, after, eol);
      return merged ?? after.replace(/\r?\n/g, eol);
    })
    .join('');
}
