// One step between neighbouring dialects, and how it runs. A step is data first: the table of the
// places that change between its two versions (read one way forward, the other way backward), plus
// a few functions for what a table cannot say (a value converted, a port the newer version cannot
// name). Everything the table does not name keeps its place. Around them, the runner applies what
// every step shares, from the two versions' shapes (./shapes.ts):
//
//   1. properties the source does not declare: carried, unless the target rejects them, has no
//      object to hold them, or declares that name itself (then lost);
//   2. the direction's `before` function;
//   3. the table's moves, parents first (a rename when the value stays in its object);
//   4. the direction's `after` function;
//   5. whatever the source declares that the target has no place for: lost (an object the moves
//      emptied is simply removed);
//   6. members the target requires that the source did not: listed as lost (nothing is invented).

import { fieldName, showValue } from '../shared/messages.js';
import { escapePointerSegment } from '../shared/pointer.js';
import type { DialectId } from '../types.js';
import type { Draft, Edit, Note } from './draft.js';
import { declares, fits, membersOf, objectPlaces, shapes, type Shape } from './shapes.js';
import { isEmptyObject, type Node, type ObjectNode } from './tree.js';

/** What a direction of a step does besides its table. */
interface Hooks {
  /** Runs before the table's moves, on the body as the source version has it. */
  readonly before?: (edit: Edit) => void;
  /** Runs after the table's moves. */
  readonly after?: (edit: Edit) => void;
}

/** A pair of places: where a value is in the older dialect (or the SDK model), and where in the other. */
type PlacePair = readonly [older: string, newer: string];

export interface Step {
  /** The older dialect of the pair; the SDK model is the older side of its step (forward goes towards CAMARA 1.2). */
  readonly older: DialectId;
  /** The newer one. */
  readonly newer: DialectId;
  /** The places that change, parents before their members; every other place stays as it is. */
  readonly places: readonly PlacePair[];
  /** older → newer. */
  readonly forward?: Hooks;
  /** newer → older. */
  readonly backward?: Hooks;
}

/** A step's table in one direction: [source place, target place]. */
export type Table = readonly (readonly [string, string])[];

/** The step's table read from `from` to the other dialect. */
export function tableOf(step: Step, from: DialectId): Table {
  return from === step.older ? step.places : step.places.map(([older, newer]) => [newer, older] as const);
}

/**
 * Where a place (a concrete pointer or a pattern) of the source is in the target: the longest
 * entry of the table that holds it, its rest appended; the place itself when no entry does.
 */
export function mapPlace(table: Table, place: string): string {
  let best: readonly [string, string] | undefined;
  for (const entry of table) {
    const [source] = entry;
    if ((place === source || place.startsWith(`${source}/`)) && (best === undefined || source.length > best[0].length)) best = entry;
  }
  return best === undefined ? place : best[1] + place.slice(best[0].length);
}

/** The objects of the body at an object place (a pattern with '*' for any index), with their pointers. */
function objectsAt(draft: Draft, place: string): [string, Node][] {
  let found: [string, Node][] = [['', draft.root]];
  for (const segment of place === '' ? [] : place.slice(1).split('/')) {
    const next: [string, Node][] = [];
    for (const [pointer, node] of found) {
      if (segment === '*') {
        if (node.kind === 'array') node.items.forEach((item, i) => next.push([`${pointer}/${i}`, item]));
      } else if (node.kind === 'object') {
        const member = node.members.get(segment);
        if (member !== undefined) next.push([`${pointer}/${segment}`, member]);
      }
    }
    found = next;
  }
  return found.filter(([, node]) => node.kind === 'object');
}

// #region The shared passes

/** 1. Properties the source does not declare. */
function unknownProperties(draft: Draft, source: Shape, target: Shape, table: Table): void {
  const { from, to } = draft.step;
  for (const place of objectPlaces(source)) {
    const declared = membersOf(source, place);
    const targetPlace = mapPlace(table, place);
    const targetHasObject = objectPlaces(target).includes(targetPlace);
    const targetDeclares = membersOf(target, targetPlace);
    for (const [pointer, node] of objectsAt(draft, place)) {
      for (const [key, member] of [...(node as ObjectNode).members]) {
        const segment = escapePointerSegment(key);
        if (declared.has(segment)) continue;
        const field = fieldName(`${pointer}/${segment}`);
        if (!targetHasObject) {
          draft.loseNode(member, 'unknownProperty', `${field} is not a property of ${from}, and ${to} has no ${fieldName(targetPlace)} to carry it in.`);
        } else if (target.unknown === 'rejected') {
          draft.loseNode(member, 'unknownProperty', `${field} is not a property of ${from}, and ${to} rejects properties it does not declare.`);
        } else if (targetDeclares.has(segment)) {
          draft.loseNode(member, 'nameTaken', `${field} is not a property of ${from}, and ${to} declares ${fieldName(`${targetPlace}/${segment}`)} with a meaning of its own.`);
        }
      }
    }
  }
}

/** Every value at a place the source declares (collected before anything moves). */
function declaredValues(draft: Draft, source: Shape): Set<Node> {
  const out = new Set<Node>();
  const visit = (node: Node, pointer: string): void => {
    if (!declares(source, pointer)) return;
    out.add(node);
    if (node.kind === 'object') for (const [key, member] of node.members) visit(member, `${pointer}/${escapePointerSegment(key)}`);
    else if (node.kind === 'array') node.items.forEach((item, i) => visit(item, `${pointer}/${i}`));
  };
  visit(draft.root, '');
  return out;
}

/** 3. The table's moves. */
function moves(draft: Draft, table: Table): void {
  const { to } = draft.step;
  // Nodes first: a member's pointer changes when its parent is renamed, its node does not.
  const planned = table.map(([source, target]) => [draft.node(source), source, target] as const);
  for (const [node, source, target] of planned) {
    if (node === undefined || draft.pointer(node) === undefined) continue;
    const renamed = node.parent !== undefined && node.parent === draft.node(target.slice(0, target.lastIndexOf('/')));
    const note: Note = { messageId: renamed ? 'renamed' : 'moved', message: placeMessage(source, target, to) };
    if (!draft.moveNode(node, target, note)) {
      draft.loseNode(node, 'nameTaken', `${fieldName(source)} (${shown(node)}) cannot become ${fieldName(target)} in ${to}: that place is taken or not in an object.`);
    }
  }
}

/** A value as a message shows it, without copying it. */
function shown(node: Node): string {
  if (node.kind === 'scalar') return showValue(node.value);
  return showValue(node.kind === 'array' ? new Array<unknown>(node.items.length) : {});
}

/** What a change of place says. */
export function placeMessage(source: string, target: string, to: DialectId): string {
  return `${fieldName(source)} becomes ${fieldName(target)} in ${to}.`;
}

/** 5. What the source declares and the target has no place for, parents first. */
function withoutPlace(draft: Draft, declared: ReadonlySet<Node>, target: Shape): void {
  const { from, to } = draft.step;
  /** Whether the node was taken out. */
  const visit = (node: Node, pointer: string): boolean => {
    if (declared.has(node) && !declares(target, pointer)) {
      if (isEmptyObject(node)) draft.drop(node, pointer);
      else draft.loseNode(node, 'noPlace', `${to} has no place for ${fieldName(pointer)} of ${from} (${shown(node)}).`, pointer);
      return true;
    }
    if (node.kind === 'object') for (const [key, member] of [...node.members]) visit(member, `${pointer}/${escapePointerSegment(key)}`);
    else if (node.kind === 'array') {
      let index = 0;
      for (const item of [...node.items]) if (!visit(item, `${pointer}/${index}`)) index++;
    }
    return false;
  };
  visit(draft.root, '');
}

/** 6. Members the target requires that the source did not. */
function required(draft: Draft, source: Shape, target: Shape, back: Table): void {
  const { from, to } = draft.step;
  for (const [place, members] of Object.entries(target.required)) {
    for (const [pointer, node] of objectsAt(draft, place)) {
      for (const member of members) {
        if ((node as ObjectNode).members.has(member)) continue;
        const sourcePlace = mapPlace(back, `${place}/${member}`);
        if (requires(source, sourcePlace)) continue;
        const at = `${pointer}/${member}`;
        draft.missing(at, 'required', `${to} requires ${fieldName(at)}, which the ${from} body does not have: add it.`, true);
      }
    }
  }
}

/** Whether a shape requires the value at a place. */
export function requires(shape: Shape, place: string): boolean {
  const slash = place.lastIndexOf('/');
  const parent = place.slice(0, slash);
  const member = place.slice(slash + 1);
  return Object.entries(shape.required).some(([objectPlace, members]) => fits(parent, objectPlace) && members.includes(member));
}

// #endregion

/** Runs one step on the draft, from `from` to the step's other dialect. */
export function runStep(draft: Draft, step: Step, from: DialectId): void {
  const to = from === step.older ? step.newer : step.older;
  draft.step = { from, to };
  const source = shapes[from];
  const target = shapes[to];
  const table = tableOf(step, from);
  const hooks = from === step.older ? step.forward : step.backward;
  const declared = declaredValues(draft, source);
  unknownProperties(draft, source, target, table);
  hooks?.before?.(draft);
  moves(draft, table);
  hooks?.after?.(draft);
  withoutPlace(draft, declared, target);
  required(draft, source, target, tableOf(step, to));
}
