// Limits: a cheap walk over the payload before the expensive stages (schema, model, rules). A
// CreateSession body is small and shallow (at most five levels deep, a few dozen values, strings of
// at most 4,096 characters in every CAMARA version); input far beyond that is rejected here with one
// finding, so that no later stage spends time or memory proportional to an attacker's sizes (a
// sparse array's `length`, a multi-megabyte string fed to a regular expression, thousands of keys).
//
// The walk reads every property once, allocates nothing for a body within the limits, and never
// throws: a getter or Proxy trap that throws makes the body unreadable, which is a finding too.

import type { Issue, Limits } from '../types.js';
import { escapePointerSegment } from '../shared/pointer.js';
import { describeThrown } from '../shared/errors.js';

/**
 * The defaults (SECURITY.md explains each). A CreateSession body needs 4 levels of nesting, strings
 * of at most 4,096 characters, lists of at most 65,536 ports and 8 properties per object.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxDepth: 10,
  maxStringLength: 16384,
  maxArrayLength: 65536,
  maxProperties: 256,
  maxValues: 300000,
};

type Exceeded = { limit: keyof Limits; path: string; actual: number } | { limit: 'unreadable'; path: string; reason: string };

const WORDS: Record<keyof Limits, (actual: number, max: number) => string> = {
  maxDepth: (_, max) => `is nested more than ${max} levels deep`,
  maxStringLength: (actual, max) => `is a string of ${actual} characters, more than the ${max} that are examined`,
  maxArrayLength: (actual, max) => `is an array of ${actual} items, more than the ${max} that are examined`,
  maxProperties: (actual, max) => `has ${actual} properties, more than the ${max} that are examined`,
  maxValues: (_, max) => `holds more than ${max} values in all`,
};

function where(path: string): string {
  return path === '' ? 'The request body' : `The value at ${path.length > 80 ? `${path.slice(0, 77)}...` : path}`;
}

/** The finding for input beyond the limits: one issue, 400 INVALID_ARGUMENT, nothing else checked. */
export function limitIssue(exceeded: Exceeded, limits: Readonly<Limits>): Issue {
  if (exceeded.limit === 'unreadable') {
    return {
      ruleId: 'limits',
      messageId: 'unreadable',
      severity: 'error',
      path: exceeded.path,
      message: `${where(exceeded.path)} could not be read (${exceeded.reason}); nothing else was checked.`,
      status: 400,
      code: 'INVALID_ARGUMENT',
    };
  }
  const max = limits[exceeded.limit];
  return {
    ruleId: 'limits',
    messageId: exceeded.limit,
    severity: 'error',
    path: exceeded.path,
    message: `${where(exceeded.path)} ${WORDS[exceeded.limit](exceeded.actual, max)}; nothing else was checked.`,
    data: { limit: exceeded.limit, max, actual: exceeded.actual },
    status: 400,
    code: 'INVALID_ARGUMENT',
  };
}

/** What a walk counts besides the values: the separators a minimal JSON text of what it walked has. */
export interface WalkCounts {
  /** Between the members of each object and the items of each array (src/parse/json.ts, duplicate keys). */
  separators: number;
}

/**
 * What is left of the values budget after a value, or -1 when the value is beyond a limit: the quick
 * walk keeps no path and allocates nothing (for...in, not Object.keys: no list per object; it also
 * visits inherited enumerable members, which only makes it stricter). With `counts`, it also counts
 * the separators (for the accept pass, ./accept.ts).
 */
export function within(value: unknown, depth: number, limits: Readonly<Limits>, budget: number, counts?: WalkCounts): number {
  if (budget <= 0) return -1;
  if (typeof value === 'string') return value.length <= limits.maxStringLength ? budget - 1 : -1;
  if (typeof value !== 'object' || value === null) return budget - 1;
  if (depth > limits.maxDepth) return -1;
  let left = budget - 1;
  if (Array.isArray(value)) {
    const length = value.length;
    if (length > limits.maxArrayLength) return -1;
    if (counts !== undefined && length > 1) counts.separators += length - 1;
    for (let i = 0; i < length && left >= 0; i++) left = within(value[i], depth + 1, limits, left, counts);
    return left;
  }
  let properties = 0;
  for (const key in value) {
    if (++properties > limits.maxProperties || key.length > limits.maxStringLength) return -1;
    left = within((value as Record<string, unknown>)[key], depth + 1, limits, left, counts);
    if (left < 0) return -1;
  }
  if (counts !== undefined && properties > 1) counts.separators += properties - 1;
  return left;
}

/** The walk's state: one object per walk (a body within the limits allocates nothing else). */
interface Walk {
  readonly limits: Readonly<Limits>;
  readonly segments: (string | number)[];
  values: number;
}

function here(walk: Walk): string {
  return walk.segments.map((s) => `/${typeof s === 'number' ? s : escapePointerSegment(s)}`).join('');
}

function visit(walk: Walk, value: unknown, depth: number): Exceeded | undefined {
  const { limits } = walk;
  if (++walk.values > limits.maxValues) return { limit: 'maxValues', path: here(walk), actual: walk.values };
  if (typeof value === 'string') return value.length > limits.maxStringLength ? { limit: 'maxStringLength', path: here(walk), actual: value.length } : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > limits.maxDepth) return { limit: 'maxDepth', path: here(walk), actual: depth };
  if (Array.isArray(value)) {
    const length = value.length;
    if (length > limits.maxArrayLength) return { limit: 'maxArrayLength', path: here(walk), actual: length };
    for (let i = 0; i < length; i++) {
      walk.segments.push(i);
      const found = visit(walk, value[i], depth + 1);
      if (found !== undefined) return found;
      walk.segments.pop();
    }
    return undefined;
  }
  // Object.keys: own enumerable string keys, what JSON has (and fast for small objects).
  const keys = Object.keys(value);
  if (keys.length > limits.maxProperties) return { limit: 'maxProperties', path: here(walk), actual: keys.length };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key.length > limits.maxStringLength) return { limit: 'maxStringLength', path: here(walk), actual: key.length };
    walk.segments.push(key);
    const found = visit(walk, (value as Record<string, unknown>)[key], depth + 1);
    if (found !== undefined) return found;
    walk.segments.pop();
  }
  return undefined;
}

/**
 * The first limit the payload exceeds, or undefined. Work is bounded by the limits, not by the
 * input: an array's length is compared before any item is read, and the walk stops at the first
 * excess. The path is kept as a stack of segments and written out only for a finding.
 */
export function exceededLimit(payload: unknown, limits: Readonly<Limits>): Exceeded | undefined {
  // The common case first: a quick walk that only answers "within the limits". Only a body that
  // is not (or that throws while being read) is walked again, keeping the path for the finding.
  try {
    if (within(payload, 1, limits, limits.maxValues) >= 0) return undefined;
  } catch {
    // Walked again below, where the throw becomes a finding with its path.
  }
  const walk: Walk = { limits, segments: [], values: 0 };
  try {
    return visit(walk, payload, 1);
  } catch (error) {
    let path = '';
    try {
      path = here(walk);
    } catch {
      // A segment that cannot be written out: the root is still a place to point at.
    }
    return { limit: 'unreadable', path, reason: describeThrown(error) };
  }
}

/**
 * Whether a payload is plain data: objects and arrays with ordinary prototypes and data properties
 * only (no getters, setters or throwing Proxies), as JSON.parse makes them. Asked only after a stage
 * has thrown, to tell whose fault it was: a value that is not plain data (a getter that changed its
 * answer, a trap the limits walk did not trip) is the caller's, and answered 400, not 500.
 */
export function isPlainData(payload: unknown, limits: Readonly<Limits>): boolean {
  const seen = new Set<object>();
  const plain = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null) return typeof value !== 'function' && typeof value !== 'symbol';
    if (depth > limits.maxDepth || seen.has(value)) return false;
    seen.add(value);
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return false;
    for (const key of Reflect.ownKeys(value)) {
      // `in` asks a Proxy's has trap, which array methods ask too (forEach, for one).
      const descriptor = key in value ? Object.getOwnPropertyDescriptor(value, key) : undefined;
      if (descriptor === undefined || !('value' in descriptor)) return false;
      if (!plain(descriptor.value, depth + 1)) return false;
    }
    return true;
  };
  try {
    return plain(payload, 1);
  } catch {
    return false;
  }
}
