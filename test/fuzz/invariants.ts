// The promises every report keeps, whatever the input (README "validate never throws and never
// changes its input"; DESIGN.md "Public API"; SECURITY.md "What qod-policy guarantees"). Each check
// throws an Error naming the broken promise, so that fast-check prints it beside the counterexample.
import { isDeepStrictEqual, types } from 'node:util';
import { dialectIds, type Issue, type Report } from '../../src/index.js';

/** Characters a message never shows raw (src/shared/text.ts): C0 and C1 controls, DEL, U+2028, U+2029. */
const RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const SEVERITIES = new Set(['error', 'warn', 'info']);

/** The fields DESIGN.md documents for an issue; nothing else may appear. */
const FIELDS = new Set(['ruleId', 'messageId', 'severity', 'path', 'message', 'data', 'status', 'code', 'line', 'column', 'endLine', 'endColumn', 'fix']);

const POSITIONS = ['line', 'column', 'endLine', 'endColumn'] as const;

/**
 * Messages quote at most short, escaped prefixes of what the body holds (a key 40 characters, a value
 * 64 to 100), and name at most a few fields of a body at most ten levels deep: a message that grows
 * with the input is a message that echoes it.
 */
const MAX_MESSAGE = 1000;

/** A valid RFC 6901 pointer: '' or '/'-separated tokens in which '~' is only ever '~0' or '~1'. */
const POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;

function fail(promise: string, detail: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(detail) ?? String(detail);
  } catch {
    shown = String(detail);
  }
  throw new Error(`${promise}: ${shown.length > 2000 ? `${shown.slice(0, 2000)}...` : shown}`);
}

function checkIssue(issue: Issue): void {
  for (const key of Object.keys(issue)) if (!FIELDS.has(key)) fail('an issue has only the documented fields', { key, issue });
  if (typeof issue.ruleId !== 'string' || issue.ruleId === '') fail('ruleId is a non-empty string', issue);
  if (typeof issue.messageId !== 'string' || issue.messageId === '') fail('messageId is a non-empty string', issue);
  if (!SEVERITIES.has(issue.severity)) fail('severity is error, warn or info', issue);
  if (typeof issue.path !== 'string' || !POINTER.test(issue.path)) fail('path is a JSON Pointer', issue);
  if (typeof issue.message !== 'string' || issue.message === '') fail('message is a non-empty string', issue);
  if (RAW.test(issue.message)) fail('a message holds no raw control character', issue);
  if (issue.message.length > MAX_MESSAGE) fail(`a message is at most ${MAX_MESSAGE} characters`, { ...issue, message: issue.message.slice(0, 300) });
  if (!Number.isInteger(issue.status) || issue.status < 400 || issue.status > 599) fail('status is an HTTP error status', issue);
  if (typeof issue.code !== 'string' || !/^[A-Z][A-Z0-9_.]*$/.test(issue.code)) fail('code is a CAMARA error code', issue);
  if (issue.data !== undefined) {
    if (typeof issue.data !== 'object' || issue.data === null || Array.isArray(issue.data)) fail('data is an object', issue);
    for (const value of Object.values(issue.data)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') fail('data holds strings, numbers and booleans only', issue);
    }
  }
  for (const key of POSITIONS) {
    const value = issue[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) fail(`${key} is a 1-based position`, issue);
  }
  if (issue.fix !== undefined) {
    const { range, text } = issue.fix;
    if (!Array.isArray(range) || range.length !== 2 || !Number.isInteger(range[0]) || !Number.isInteger(range[1]) || range[0] < 0 || range[1] < range[0] || typeof text !== 'string') {
      fail('a fix is { range: [start, end], text } with 0 <= start <= end', issue);
    }
  }
}

/**
 * A well-formed report: the documented shape, valid exactly when there is no error, counts that match
 * the listed severities (or, once truncated, at least maxIssues listed and one truncation notice that
 * accounts for the rest), and no internal error: with no plugin and no device registry, nothing a
 * caller sends may make the built-in checks fail (a 500 would replace the 400 the body deserves).
 */
export function checkReport(report: Report, maxIssues = 100): void {
  if (typeof report !== 'object' || report === null) fail('a report is an object', report);
  if (typeof report.valid !== 'boolean') fail('valid is a boolean', report);
  if (!dialectIds.includes(report.dialect)) fail('dialect is a known dialect', report.dialect);
  if (!Number.isInteger(report.errorCount) || report.errorCount < 0) fail('errorCount is a count', report);
  if (!Number.isInteger(report.warningCount) || report.warningCount < 0) fail('warningCount is a count', report);
  if (report.valid !== (report.errorCount === 0)) fail('valid === (errorCount === 0)', report);
  if (!Array.isArray(report.issues)) fail('issues is an array', report);
  for (const issue of report.issues) checkIssue(issue);
  for (const issue of report.issues) if (issue.status >= 500) fail('no internal error on any input', issue);
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.filter((i) => i.severity === 'warn').length;
  const truncated = report.issues.filter((i) => i.ruleId === 'truncated');
  if (truncated.length === 0) {
    if (report.issues.length > maxIssues) fail('at most maxIssues issues without a truncation notice', report.issues.length);
    if (errors !== report.errorCount || warnings !== report.warningCount) fail('counts match the issues', { errors, warnings, report });
  } else {
    const notice = truncated[0]!;
    if (truncated.length > 1 || report.issues.at(-1) !== notice) fail('one truncation notice, last', report.issues);
    if (report.issues.length !== maxIssues + 1) fail('a truncated report lists maxIssues issues', report.issues.length);
    const omitted = notice.data?.omitted;
    if (typeof omitted !== 'number' || omitted < 1) fail('the notice counts what was left out', notice);
    if (errors > report.errorCount || warnings > report.warningCount) fail('counts cover the listed issues', report);
    if (errors + warnings + omitted < report.errorCount + report.warningCount) fail('listed and omitted issues cover the counts', report);
  }
}

/** An own property's descriptor, or undefined; whatever a Proxy trap does. */
function ownDescriptor(node: object, key: string): PropertyDescriptor | undefined {
  return Object.getOwnPropertyDescriptor(node, key);
}

/**
 * Whether a pointer names something in the input: every segment an own property (an array index
 * below the length counts, holes included: JSON has no holes and reads them as missing items). An
 * object's member is followed without calling a getter where it is the last segment. Returns the
 * pointer's first segment that names nothing, 'unreadable' when the input threw while being read
 * (a hostile input), or undefined when it resolves.
 */
function unresolved(root: unknown, pointer: string): string | 'unreadable' | undefined {
  if (pointer === '') return undefined;
  const segments = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  try {
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      if (typeof node !== 'object' || node === null) return segments.slice(0, i + 1).join('/');
      if (Array.isArray(node)) {
        if (!/^(?:0|[1-9]\d*)$/.test(segment) || Number(segment) >= node.length) return segments.slice(0, i + 1).join('/');
        node = (node as unknown[])[Number(segment)];
        continue;
      }
      const descriptor = ownDescriptor(node, segment);
      if (descriptor === undefined) return segments.slice(0, i + 1).join('/');
      if (i === segments.length - 1) return undefined;
      node = 'value' in descriptor ? descriptor.value : (node as Record<string, unknown>)[segment];
    }
    return undefined;
  } catch {
    return 'unreadable';
  }
}

/**
 * Every issue's path resolves in the input. A missing property's issue points at its parent (which
 * exists), an unknown property's at the member itself, a 'limits' issue at the value it names: all
 * of them name something there. An input that throws while being read can only be checked as far
 * as it reads, so such a path is accepted for the 'limits' finding that says it could not be read.
 */
export function checkPaths(input: unknown, report: Report): void {
  for (const issue of report.issues) {
    const missing = unresolved(input, issue.path);
    if (missing === undefined) continue;
    if (missing === 'unreadable' && issue.ruleId === 'limits') continue;
    fail('every path resolves in the input', { path: issue.path, missing, issue });
  }
}

// ---------------------------------------------------------------------------------------------
// Snapshots: the input's object graph as it was, without calling any of its getters or traps, so
// that "the input is unchanged" can be checked for values structuredClone cannot copy (getters,
// Proxies, cycles through class instances, Symbols).

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** A stable number for an object's identity (prototypes, functions, Proxies). */
function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

/** Reads an internal slot through its builtin method; undefined when the value has no such slot. */
function slot(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The graph reachable from `value` through own properties, as plain data that isDeepStrictEqual compares. */
export function snapshot(value: unknown): unknown {
  const seen = new Map<object, number>();
  const walk = (node: unknown): unknown => {
    if (typeof node === 'function') return { function: identity(node) };
    if (typeof node !== 'object' || node === null) return node;
    const at = seen.get(node);
    if (at !== undefined) return { cycle: at };
    seen.set(node, seen.size);
    // A Proxy's traps are the input's own code: it is compared by identity only.
    if (types.isProxy(node)) return { proxy: identity(node) };
    const out: Record<string, unknown> = { prototype: identity(Object.getPrototypeOf(node) ?? Object), extensible: Object.isExtensible(node) };
    if (ArrayBuffer.isView(node)) out.bytes = Buffer.from(node.buffer, node.byteOffset, node.byteLength).toString('hex');
    else if (node instanceof ArrayBuffer) out.bytes = Buffer.from(node).toString('hex');
    else {
      const properties: unknown[] = [];
      for (const key of Reflect.ownKeys(node)) {
        const d = Reflect.getOwnPropertyDescriptor(node, key)!;
        properties.push([
          typeof key === 'symbol' ? key : `${key}`,
          'value' in d ? { value: walk(d.value), writable: d.writable } : { get: d.get && identity(d.get), set: d.set && identity(d.set) },
          d.enumerable,
          d.configurable,
        ]);
      }
      out.properties = properties;
    }
    out.time = slot(() => Date.prototype.getTime.call(node));
    out.primitive = slot(() => Number.prototype.valueOf.call(node)) ?? slot(() => String.prototype.valueOf.call(node)) ?? slot(() => Boolean.prototype.valueOf.call(node));
    out.map = slot(() => [...Map.prototype.entries.call(node)].map(([k, v]) => [walk(k), walk(v)]));
    out.set = slot(() => [...Set.prototype.values.call(node)].map(walk));
    return out;
  };
  return walk(value);
}

/** The input is as it was before (compared against a snapshot or a structuredClone taken then). */
export function checkUnchanged(before: unknown, after: unknown): void {
  if (!isDeepStrictEqual(before, after)) fail('the input is unchanged', { before, after });
}

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
const pristine = prototypes.map(snapshot);

/** Object.prototype and the other builtin prototypes a body can reach are untouched, and nothing enumerable was added. */
export function checkPrototypes(): void {
  prototypes.forEach((prototype, i) => {
    if (!isDeepStrictEqual(snapshot(prototype), pristine[i])) fail('builtin prototypes are untouched', prototype.constructor.name);
  });
  for (const key in {}) fail('Object.prototype has no enumerable property', key);
}

/** The same input gives the same report (reports compared as JSON, as a gateway sends them). */
export function checkSame(first: Report, second: Report): void {
  if (JSON.stringify(first) !== JSON.stringify(second)) fail('the same report for the same input', { first, second });
}
