// The one place that edits a body under migration. Every edit changes the tree (./tree.ts) and is
// written down as a patch operation, so that the patch replays the migration exactly; an edit a
// person should know about also becomes a change, and a value that cannot be carried becomes a loss.
// Steps edit through the `Edit` interface, by JSON Pointers in the body as it is at that moment.

import { escapePointerSegment, isIndexSegment, parsePointer } from '../shared/pointer.js';
import type { DialectId } from '../types.js';
import { child, nodeAt, pointerOf, toNode, toValue, type ContainerNode, type Node, type ObjectNode } from './tree.js';
import type { MigrationChangeId, MigrationLossId, MigrationStep, PatchOperation } from './types.js';

/** What a change says: a stable id and a sentence. */
export interface Note {
  readonly messageId: MigrationChangeId;
  readonly message: string;
}

/** How a step edits the body: pointers are into the body as it is now. */
export interface Edit {
  /** The step's source and target dialects. */
  readonly from: DialectId;
  readonly to: DialectId;
  /** A copy of the value at a pointer; undefined when there is none. */
  get(pointer: string): unknown;
  /** Whether there is a value at a pointer. */
  has(pointer: string): boolean;
  /** What kind of value is at a pointer: 'object', 'array', 'scalar', or undefined when there is none. */
  kind(pointer: string): Node['kind'] | undefined;
  /** Adds a value (a member that is not there yet, or an array item at its index). */
  add(pointer: string, value: unknown, note?: Note): void;
  /** Removes a value that the target implies (say so in the note); a value that is not carried is lost(). */
  remove(pointer: string, note?: Note): void;
  /** Replaces a value; the new value keeps the old one's place in the input. */
  replace(pointer: string, value: unknown, note?: Note): void;
  /** Moves a value, making the objects on the way (a rename when it stays in its object). False when the place is taken or not in an object. */
  move(from: string, to: string, note?: Note): boolean;
  /** Removes a value the target cannot carry and records the loss. */
  lose(pointer: string, messageId: MigrationLossId, message: string): void;
  /** Records that a value at a pointer, changed there, lost a part: `value` (a range's port 0, say). */
  losePart(pointer: string, value: unknown, messageId: MigrationLossId, message: string): void;
  /** Records a value the target needs that the input does not have (nothing is invented). */
  missing(pointer: string, messageId: MigrationLossId, message: string): void;
}

/** A change, before the pointers of the result are known. */
export interface PendingChange extends Note {
  readonly step: MigrationStep;
  /** The node whose place in the result is the change's `after`; undefined for a removal. */
  readonly node: Node | undefined;
  readonly before: string | undefined;
  readonly value?: unknown;
  readonly newValue?: unknown;
}

/** A loss as recorded; `missing` ones name a place in the body of their step's target (steps after it move the place on). */
export interface PendingLoss {
  readonly messageId: MigrationLossId;
  readonly message: string;
  readonly step: MigrationStep;
  readonly before?: string;
  readonly value?: unknown;
  /** For a value the target needs: its place when it was found missing, moved on by later steps. */
  missing?: { pointer: string; readonly required: boolean };
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function lastSegment(pointer: string): string {
  return parsePointer(pointer).at(-1) ?? '';
}

export class Draft implements Edit {
  readonly patch: PatchOperation[] = [];
  readonly changes: PendingChange[] = [];
  readonly lost: PendingLoss[] = [];
  step: MigrationStep;

  constructor(
    public root: Node,
    first: MigrationStep,
  ) {
    this.step = first;
  }

  get from(): DialectId {
    return this.step.from;
  }

  get to(): DialectId {
    return this.step.to;
  }

  // #region Reading

  node(pointer: string): Node | undefined {
    return nodeAt(this.root, pointer);
  }

  get(pointer: string): unknown {
    const node = this.node(pointer);
    return node === undefined ? undefined : toValue(node);
  }

  has(pointer: string): boolean {
    return this.node(pointer) !== undefined;
  }

  kind(pointer: string): Node['kind'] | undefined {
    return this.node(pointer)?.kind;
  }

  /** The pointer of a node still in the body. */
  pointer(node: Node): string | undefined {
    return pointerOf(this.root, node);
  }

  // #endregion
  // #region Editing

  add(pointer: string, value: unknown, note?: Note): void {
    const parent = this.node(parentPointer(pointer));
    if (parent === undefined || parent.kind === 'scalar') return;
    const key = lastSegment(pointer);
    if (!canAttach(parent, key)) return;
    const node = toNode(value, undefined);
    attach(parent, key, node);
    this.patch.push({ op: 'add', path: pointer, value: toValue(node) });
    if (note !== undefined) this.changes.push({ ...note, step: this.step, node, before: undefined, newValue: toValue(node) });
  }

  remove(pointer: string, note?: Note): void {
    const node = this.node(pointer);
    if (node === undefined || node === this.root) return;
    detach(node, pointer);
    this.patch.push({ op: 'remove', path: pointer });
    if (note !== undefined) this.changes.push({ ...note, step: this.step, node: undefined, before: node.from, ...scalarValue(node) });
  }

  replace(pointer: string, value: unknown, note?: Note): void {
    const old = this.node(pointer);
    if (old === undefined || old === this.root || old.parent === undefined) return;
    const node = toNode(value, undefined);
    // The new value stands where the old one stood: it keeps the old one's place in the input.
    const placed: Node = { ...node, from: old.from };
    if (placed.kind !== 'scalar') reparentChildren(placed);
    swap(old, placed);
    this.patch.push({ op: 'replace', path: pointer, value: toValue(placed) });
    if (note !== undefined) this.changes.push({ ...note, step: this.step, node: placed, before: old.from, ...scalarValue(old), newValue: toValue(placed) });
  }

  move(from: string, to: string, note?: Note): boolean {
    const node = this.node(from);
    if (node === undefined || node === this.root) return false;
    return this.moveNode(node, to, note);
  }

  /** Moves a node to a pointer (see move). */
  moveNode(node: Node, to: string, note?: Note): boolean {
    const from = this.pointer(node);
    if (from === undefined) return false;
    const parent = this.ensureObjects(parentPointer(to));
    const key = lastSegment(to);
    if (parent === undefined || !canAttach(parent, key)) return false;
    const value = scalarValue(node);
    if (parent === node.parent && parent.kind === 'object') {
      rename(parent, node.key, key);
      this.patch.push({ op: 'rename', from, path: to });
    } else {
      detach(node);
      attach(parent, key, node);
      this.patch.push({ op: 'move', from, path: to });
    }
    if (note !== undefined) this.changes.push({ ...note, step: this.step, node, before: node.from, ...value });
    return true;
  }

  lose(pointer: string, messageId: MigrationLossId, message: string): void {
    const node = this.node(pointer);
    if (node === undefined) return;
    this.loseNode(node, messageId, message, pointer);
  }

  /** Removes a node and records it as lost (`pointer`: its pointer, when the caller knows it). */
  loseNode(node: Node, messageId: MigrationLossId, message: string, pointer = this.pointer(node)): void {
    if (pointer === undefined || node === this.root) return;
    const value = toValue(node);
    detach(node, pointer);
    this.patch.push({ op: 'remove', path: pointer });
    this.lost.push({ messageId, message, step: this.step, before: node.from, value });
  }

  losePart(pointer: string, value: unknown, messageId: MigrationLossId, message: string): void {
    const node = this.node(pointer);
    this.lost.push({ messageId, message, step: this.step, before: node?.from, value });
  }

  missing(pointer: string, messageId: MigrationLossId, message: string, required = false): void {
    this.lost.push({ messageId, message, step: this.step, missing: { pointer, required } });
  }

  /** Removes a node without a change: an object emptied by the moves that the target has no place for. */
  drop(node: Node, pointer = this.pointer(node)): void {
    if (pointer === undefined || node === this.root) return;
    detach(node, pointer);
    this.patch.push({ op: 'remove', path: pointer });
  }

  /** The object at a pointer, making the missing objects on the way; undefined when a value of another kind is in the way. */
  private ensureObjects(pointer: string): ContainerNode | undefined {
    let node: Node = this.root;
    let at = '';
    for (const segment of parsePointer(pointer)) {
      at += `/${escapePointerSegment(segment)}`;
      let next = child(node, segment);
      if (next === undefined) {
        if (node.kind !== 'object') return undefined;
        next = toNode({}, undefined);
        attach(node, segment, next);
        this.patch.push({ op: 'add', path: at, value: {} });
      }
      node = next;
    }
    return node.kind === 'scalar' ? undefined : node;
  }

  // #endregion
}

/** `{ value }` for a scalar node, `{}` otherwise (a change quotes scalars only). */
function scalarValue(node: Node): { value?: unknown } {
  return node.kind === 'scalar' ? { value: node.value } : {};
}

/** The index an item is inserted at ('-': the end); -1 when the key names no place for a new item. */
function insertionIndex(parent: ContainerNode & { kind: 'array' }, key: string): number {
  const index = key === '-' ? parent.items.length : isIndexSegment(key) ? Number(key) : -1;
  return index > parent.items.length ? -1 : index;
}

/** Whether a new value can go there: a member that is not there yet, or an item at an index up to the length. */
function canAttach(parent: ContainerNode, key: string): boolean {
  return parent.kind === 'object' ? !parent.members.has(key) : insertionIndex(parent, key) >= 0;
}

/** Puts a node into a container, where canAttach said it can go. */
function attach(parent: ContainerNode, key: string, node: Node): void {
  if (parent.kind === 'object') {
    parent.members.set(key, node);
    node.key = key;
  } else parent.items.splice(insertionIndex(parent, key), 0, node);
  node.parent = parent;
}

/** Takes a node out of its container (`pointer`, when known, saves looking for an item's index). */
function detach(node: Node, pointer?: string): void {
  const parent = node.parent;
  if (parent === undefined) return;
  if (parent.kind === 'object') parent.members.delete(node.key);
  else {
    const hint = pointer === undefined ? -1 : Number(pointer.slice(pointer.lastIndexOf('/') + 1));
    parent.items.splice(parent.items[hint] === node ? hint : parent.items.indexOf(node), 1);
  }
  node.parent = undefined;
}

/** Renames a member in place: the same position among its siblings. */
function rename(parent: ObjectNode, from: string, to: string): void {
  const members = new Map<string, Node>();
  for (const [key, node] of parent.members) {
    if (key === from) {
      node.key = to;
      members.set(to, node);
    } else members.set(key, node);
  }
  parent.members = members;
}

/** Puts `next` where `old` is. */
function swap(old: Node, next: Node): void {
  const parent = old.parent!;
  next.parent = parent;
  if (parent.kind === 'object') {
    next.key = old.key;
    parent.members.set(old.key, next);
  } else parent.items[parent.items.indexOf(old)] = next;
  old.parent = undefined;
}

/** Points the children of a copied container at the copy. */
function reparentChildren(node: ContainerNode): void {
  if (node.kind === 'object') for (const member of node.members.values()) member.parent = node;
  else for (const item of node.items) item.parent = node;
}
