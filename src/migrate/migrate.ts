// migrate(): carries a body along the route of steps between two dialects (./route.ts), one
// neighbouring version at a time (./step.ts, ./steps/), and assembles what it did. The validator
// that judges the result comes from the composition root (src/index.ts), which owns the rules.

import { detectDialect, dialectIds } from '../dialects/index.js';
import { ConfigError } from '../engine/config-error.js';
import { describeThrown } from '../shared/errors.js';
import { showValue } from '../shared/messages.js';
import { escapePointerSegment } from '../shared/pointer.js';
import { isPlainObject } from '../shared/object.js';
import type { DialectId, Report, ValidateOptions } from '../types.js';
import { Draft, type PendingLoss } from './draft.js';
import { routeOf, stepBetween } from './route.js';
import { shapes } from './shapes.js';
import { mapPlace, requires, runStep, tableOf } from './step.js';
import { nodeAt, toNode, toValue, UnreadableError, type Node } from './tree.js';
import type { MigrateOptions, MigrateResult, MigrationChange, MigrationLoss } from './types.js';

type Judge = (body: unknown, options: ValidateOptions) => Report;

function isDialectId(value: unknown): value is DialectId {
  return typeof value === 'string' && (dialectIds as readonly string[]).includes(value);
}

/** An option's value as an error message quotes it. */
function given(value: unknown): string {
  return value === undefined ? 'nothing' : typeof value === 'string' ? showValue(value) : `a ${typeof value}`;
}

/** The options, checked: a mistake is a ConfigError, as in validate(). */
function checked(options: MigrateOptions): MigrateOptions {
  if (!isPlainObject(options)) throw new ConfigError('migrate needs options: { from, to }.');
  const names = `'${dialectIds.join("', '")}'`;
  if (options.from !== 'auto' && !isDialectId(options.from)) throw new ConfigError(`from must be 'auto' or one of ${names} (got ${given(options.from)}).`);
  if (!isDialectId(options.to)) throw new ConfigError(`to must be one of ${names} (got ${given(options.to)}).`);
  if (options.validateOptions !== undefined && !isPlainObject(options.validateOptions)) throw new ConfigError('validateOptions must be an object.');
  return options;
}

/** The body as JSON has it (what JSON.stringify writes: toJSON applied, undefined members left out). */
function readJson(body: unknown): unknown {
  const text = JSON.stringify(body);
  return text === undefined ? undefined : JSON.parse(text);
}

/** Carries `body` from one dialect to another (see MigrateResult). Throws only for a mistake in the options. */
export function migrateBody(body: unknown, options: MigrateOptions, validate: Judge): MigrateResult {
  const { from: asked, to, validateOptions } = checked(options);
  const judge = (value: unknown): Report => validate(value, { ...validateOptions, dialect: to });
  let json: unknown;
  let from: DialectId = asked === 'auto' ? to : asked;
  try {
    json = readJson(body);
    if (asked === 'auto') from = detectDialect(json).dialect.facts.id;
  } catch (error) {
    return whole(from, to, undefined, unreadable(from, to, error), judge(body));
  }
  const route = routeOf(from, to);
  if (route.length === 1) return { from, to, route, body: json, changes: [], lost: [], patch: [], report: judge(json) };
  if (!isPlainObject(json)) {
    const loss: MigrationLoss = { step: { from, to }, messageId: 'notAnObject', message: `${kindOf(json)}: there is nothing to migrate.`, before: '', value: json };
    return whole(from, to, json, loss, judge(json));
  }
  let result: Omit<MigrateResult, 'report'>;
  try {
    result = carry(toNode(json, ''), route);
  } catch (error) {
    const failed = error instanceof UnreadableError || error instanceof RangeError ? unreadable(from, to, error) : internalError(from, to, error);
    return whole(from, to, undefined, failed, judge(body));
  }
  return { ...result, report: judge(result.body) };
}

/** Runs the steps of a route on a body's tree. */
function carry(root: Node, route: readonly DialectId[]): Omit<MigrateResult, 'report'> {
  const from = route[0]!;
  const to = route.at(-1)!;
  const draft = new Draft(root, { from, to });
  for (let i = 0; i + 1 < route.length; i++) {
    const step = stepBetween(route[i]!, route[i + 1]!);
    // What earlier steps found missing moves on with the places of this step.
    const table = tableOf(step, route[i]!);
    for (const loss of draft.lost) if (loss.missing !== undefined) loss.missing.pointer = mapPlace(table, loss.missing.pointer);
    runStep(draft, step, route[i]!);
  }
  const places = finalPointers(draft.root);
  const changes: MigrationChange[] = [];
  for (const change of draft.changes) {
    const after = change.node === undefined ? undefined : places.get(change.node);
    // A value a later step could not carry: the loss tells its story.
    if (change.node !== undefined && after === undefined) continue;
    changes.push(
      defined({ step: change.step, messageId: change.messageId, message: change.message, before: change.before, after, value: change.value, newValue: change.newValue }),
    );
  }
  const seen = new Set<string>();
  const lost: MigrationLoss[] = [];
  for (const loss of draft.lost) {
    if (loss.missing === undefined) {
      lost.push(defined({ step: loss.step, messageId: loss.messageId, message: loss.message, before: loss.before, value: loss.value }));
    } else if (stillMissing(draft.root, loss, to) && !seen.has(loss.missing.pointer)) {
      seen.add(loss.missing.pointer);
      lost.push({ step: loss.step, messageId: loss.messageId, message: loss.message, after: loss.missing.pointer });
    }
  }
  return { from, to, route, body: toValue(draft.root), changes, lost, patch: draft.patch };
}

/**
 * Whether a value found missing on the way is still missing from the result, and still needed:
 * its object is there, it is not, and (for a member a step's target required) the target still
 * requires it (0.9's webhook.notificationUrl means nothing to 1.2, where it is sink).
 */
function stillMissing(root: Node, loss: PendingLoss, to: DialectId): boolean {
  const { pointer, required } = loss.missing!;
  const parent = nodeAt(root, pointer.slice(0, pointer.lastIndexOf('/')));
  if (parent?.kind !== 'object' || nodeAt(root, pointer) !== undefined) return false;
  return !required || requires(shapes[to], pointer);
}

/** The pointer of every node of the result. */
function finalPointers(root: Node): Map<Node, string> {
  const out = new Map<Node, string>();
  const visit = (node: Node, pointer: string): void => {
    out.set(node, pointer);
    if (node.kind === 'object') for (const [key, member] of node.members) visit(member, `${pointer}/${escapePointerSegment(key)}`);
    else if (node.kind === 'array') node.items.forEach((item, i) => visit(item, `${pointer}/${i}`));
  };
  visit(root, '');
  return out;
}

/** The object without its undefined members (optional fields are absent, not undefined). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What a body that is not an object is. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'The body is missing';
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return `The body is ${kind}, not an object`;
}

function internalError(from: DialectId, to: DialectId, error: unknown): MigrationLoss {
  return { step: { from, to }, messageId: 'internalError', message: `The migration failed: ${describeThrown(error)}. Please report this.`, before: '' };
}

function unreadable(from: DialectId, to: DialectId, error: unknown): MigrationLoss {
  const why = error instanceof UnreadableError ? error.message : describeThrown(error);
  return { step: { from, to }, messageId: 'unreadable', message: `The body cannot be read as JSON: ${why}.`, before: '' };
}

/** A result where nothing was migrated. */
function whole(from: DialectId, to: DialectId, body: unknown, loss: MigrationLoss, report: Report): MigrateResult {
  return { from, to, route: routeOf(from, to), body, changes: [], lost: [loss], patch: [], report };
}
