// The body while it is migrated: a tree of nodes that remember where in the input they came from.
// A value keeps its node however often the steps rename or move it, so that a change or a loss can
// name the value's place in the input (`from`) and, at the end, in the result (pointerOf) without
// replaying the edits. Objects keep their members in a Map: insertion order is key order, a rename
// keeps the member's place, and a key such as '__proto__' is a member like any other.

import { escapePointerSegment, isIndexSegment, parsePointer } from '../shared/pointer.js';

type Scalar = string | number | boolean | null;

interface NodeBase {
  /** Where the value was in the input; undefined for a value the migration made. */
  readonly from: string | undefined;
  /** The object or array holding it; undefined for the root and for a node taken out of the tree. */
  parent: ContainerNode | undefined;
  /** Its key in the parent object (unused in an array). */
  key: string;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  members: Map<string, Node>;
}

interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: Node[];
}

interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  value: Scalar;
}

export type ContainerNode = ObjectNode | ArrayNode;
export type Node = ObjectNode | ArrayNode | ScalarNode;

/** Deeper than this, a body is not read (no CreateSession body comes near it). */
const MAX_DEPTH = 256;

/** Thrown for a value the tree cannot hold (nested too deep). */
export class UnreadableError extends Error {}

/** The tree of a JSON value (as JSON.parse makes them); `from` undefined for a value the migration makes. */
export function toNode(value: unknown, from: string | undefined, depth = 0): Node {
  if (depth > MAX_DEPTH) throw new UnreadableError(`it is nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    const node: ArrayNode = { kind: 'array', from, parent: undefined, key: '', items: [] };
    value.forEach((item, i) => {
      const child = toNode(item, from === undefined ? undefined : `${from}/${i}`, depth + 1);
      child.parent = node;
      node.items.push(child);
    });
    return node;
  }
  if (typeof value === 'object' && value !== null) {
    const node: ObjectNode = { kind: 'object', from, parent: undefined, key: '', members: new Map() };
    for (const key of Object.keys(value)) {
      const child = toNode((value as Record<string, unknown>)[key], from === undefined ? undefined : `${from}/${escapePointerSegment(key)}`, depth + 1);
      child.parent = node;
      child.key = key;
      node.members.set(key, child);
    }
    return node;
  }
  return { kind: 'scalar', from, parent: undefined, key: '', value: value as Scalar };
}

/** The JSON value of a node: a new value every call. */
export function toValue(node: Node): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(toValue);
  const out: Record<string, unknown> = {};
  for (const [key, child] of node.members) {
    // Defined, never assigned: a '__proto__' member stays a member and reaches no prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: toValue(child), enumerable: true, writable: true, configurable: true });
    else out[key] = toValue(child);
  }
  return out;
}

/** The node a pointer names under `root`, or undefined. */
export function nodeAt(root: Node, pointer: string): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of parsePointer(pointer)) {
    if (node === undefined) return undefined;
    node = child(node, segment);
  }
  return node;
}

/** A member or item of a node, or undefined. */
export function child(node: Node, segment: string): Node | undefined {
  if (node.kind === 'object') return node.members.get(segment);
  if (node.kind === 'array') return isIndexSegment(segment) ? node.items[Number(segment)] : undefined;
  return undefined;
}

/** The pointer of a node under `root`; undefined when it is no longer in the tree. */
export function pointerOf(root: Node, node: Node): string | undefined {
  const segments: string[] = [];
  let current: Node = node;
  while (current !== root) {
    const parent: ContainerNode | undefined = current.parent;
    if (parent === undefined) return undefined;
    segments.push(parent.kind === 'object' ? escapePointerSegment(current.key) : String(parent.items.indexOf(current)));
    current = parent;
  }
  return segments.reverse().map((segment) => `/${segment}`).join('');
}

/** Whether an object node is empty ({}). */
export function isEmptyObject(node: Node): boolean {
  return node.kind === 'object' && node.members.size === 0;
}
