// What the migration tests share: a short, readable form of changes and losses, and an applier of
// the result's patch written apart from the migration's own editing (so that the patch is checked
// against the body, not against itself).
import { expect } from 'vitest';
import type { MigrateResult, MigrationChange, MigrationLoss, PatchOperation } from '../../src/index.js';

const short = (dialect: string): string => dialect.replace(/^qod-/, '');

/** '0.8→0.9 renamed /ueId → /device'; '∅' for a pointer that is absent. */
export function shown(entry: MigrationChange | MigrationLoss): string {
  return `${short(entry.step.from)}→${short(entry.step.to)} ${entry.messageId} ${entry.before ?? '∅'} → ${entry.after ?? '∅'}`;
}

function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(root: unknown, pointer: string): [Record<string, unknown> | unknown[], string] {
  const path = segments(pointer);
  const last = path.pop()!;
  let node = root as Record<string, unknown>;
  for (const segment of path) node = node[segment] as Record<string, unknown>;
  return [node, last];
}

function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function take(root: unknown, pointer: string): unknown {
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0];
  expect(Object.prototype.hasOwnProperty.call(parent, key), `patch: nothing at ${pointer}`).toBe(true);
  const value = parent[key];
  delete parent[key];
  return value;
}

function put(root: unknown, pointer: string, value: unknown): void {
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, value);
  else {
    expect(Object.prototype.hasOwnProperty.call(parent, key), `patch: ${pointer} is taken`).toBe(false);
    define(parent, key, value);
  }
}

/** A member renamed where it stands: the object rebuilt with the same key order. */
function renameInPlace(root: unknown, from: string, to: string): void {
  const [parent, key] = parentOf(root, from);
  const [, newKey] = parentOf(root, to);
  const object = parent as Record<string, unknown>;
  const entries = Object.entries(object);
  for (const [k] of entries) delete object[k];
  for (const [k, v] of entries) define(object, k === key ? newKey : k, v);
}

/** The input with the patch applied, operation after operation (RFC 6902, plus rename). */
function applyPatch(input: unknown, patch: readonly PatchOperation[]): unknown {
  const root = structuredClone(input);
  for (const op of patch) {
    if (op.op === 'add') put(root, op.path, structuredClone(op.value));
    else if (op.op === 'remove') take(root, op.path);
    else if (op.op === 'replace') {
      // In place: a member keeps its position.
      const [parent, key] = parentOf(root, op.path);
      expect(Object.prototype.hasOwnProperty.call(parent, key), `patch: nothing at ${op.path}`).toBe(true);
      if (Array.isArray(parent)) parent[Number(key)] = structuredClone(op.value);
      else define(parent, key, structuredClone(op.value));
    } else if (op.op === 'move') put(root, op.path, take(root, op.from));
    else {
      expect(parentOf(root, op.from)[0], 'rename within one object').toBe(parentOf(root, op.path)[0]);
      renameInPlace(root, op.from, op.path);
    }
  }
  return root;
}

/** What every result promises about itself: the patch gives the body (key order too), pointers resolve. */
export function checkResult(input: unknown, result: MigrateResult): void {
  expect(JSON.stringify(applyPatch(input, result.patch))).toBe(JSON.stringify(result.body));
  for (const change of result.changes) {
    expect(change.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    if (change.after !== undefined) expect(has(result.body, change.after), `change after ${change.after}`).toBe(true);
    if (change.before !== undefined) expect(has(input, change.before), `change before ${change.before}`).toBe(true);
  }
  for (const loss of result.lost) {
    expect(loss.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    if (loss.before !== undefined) expect(has(input, loss.before), `loss before ${loss.before}`).toBe(true);
    if (loss.after !== undefined) expect(has(result.body, loss.after), `loss after ${loss.after} is missing`).toBe(false);
  }
  expect(result.report.dialect).toBe(result.to);
  expect(result.route[0]).toBe(result.from);
  expect(result.route.at(-1)).toBe(result.to);
}

/** Whether a pointer names a value (own members only). */
function has(root: unknown, pointer: string): boolean {
  let node = root;
  for (const segment of segments(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}
