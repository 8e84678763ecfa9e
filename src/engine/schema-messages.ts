// One sentence for a configuration that a JSON Schema rejects. Two validators feed it: ajv's
// build-time compiled code for the configuration schema (schemas/config.schema.json) and
// @cfworker/json-schema for rules' option schemas (interpreted, so that plugin rules need no code
// generation at run time). Both are turned into the same SchemaProblem, so that a misspelt key or
// a value outside an enum reads the same wherever it is: "policy.qosProfile is not an option; did
// you mean 'policy.qosProfiles'?", "option 'scheme' must be one of 'https', 'http' (got 'ftp')".

import { closestMatch } from './suggest.js';
import { isPlainObject } from '../shared/object.js';

/** A path into the configuration: property names and array indices. */
export type KeyPath = readonly (string | number)[];

/** One failed keyword, whichever validator found it. */
export interface SchemaProblem {
  readonly keyword: string;
  /** Where in the instance (the object or value the keyword applies to). */
  readonly path: KeyPath;
  /** The keyword's value in the schema (the enum's list, the type, the limit, ...). */
  readonly keywordValue: unknown;
  /** The schema object holding the keyword (its properties, its x-message). */
  readonly schema: Readonly<Record<string, unknown>> | undefined;
  /** The value at `path`. */
  readonly data: unknown;
  /** Where in the schema, for dropping the errors of the branches of a failed anyOf/oneOf. */
  readonly schemaLocation: string;
  /** The validator's own text, for keywords this module does not phrase. */
  readonly fallback: string;
}

/** How one kind of configuration names things. */
export interface Naming {
  /** The subject of a sentence about the value at `path` ('policy.duration.min', "option 'allow[1]'"). */
  subject(path: KeyPath): string;
  /** The sentence for a key that the schema does not declare. */
  unknownKey(path: KeyPath, key: string, suggestion: string | undefined, known: readonly string[]): string;
}

/** Keywords whose failure only says that something inside failed: the inner problem is reported. */
const WRAPPERS = new Set(['if', 'then', 'else', '$ref', '$dynamicRef', 'properties', 'patternProperties', 'items', 'prefixItems', 'additionalItems', 'allOf', 'dependentSchemas', 'contains', 'propertyNames', 'unevaluatedItems']);

function segmentText(segment: string | number, first: boolean): string {
  if (typeof segment === 'number') return `[${segment}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(segment)) return first ? segment : `.${segment}`;
  return `['${segment}']`;
}

/** 'a.b[0]', with brackets for keys that are not identifiers: rules['port-ranges'][1]. */
export function pathText(path: KeyPath): string {
  return path.map((segment, i) => segmentText(segment, i === 0)).join('');
}

/**
 * The path as a subject, naming array items by their `name` where they have one (QoS profiles,
 * plugins): in a catalogue of fifty profiles, "qosProfiles[31] ('QOS_L')" says which one.
 */
export function namedPathText(path: KeyPath, root: unknown): string {
  let text = '';
  let node: unknown = root;
  path.forEach((segment, i) => {
    text += segmentText(segment, i === 0);
    node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[segment] : undefined;
    if (typeof segment === 'number' && isPlainObject(node) && typeof node.name === 'string' && node.name !== '') text += ` ('${node.name}')`;
  });
  return text;
}

/** A value as a message shows it: strings quoted and cut, containers by kind. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  return 'an object';
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const FORMAT_NAMES: Record<string, string> = {
  'date-time': 'a date-time such as 2026-01-31T12:00:00Z',
  date: 'a date such as 2026-01-31',
  uri: 'an absolute URI',
  email: 'an e-mail address',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

/** The keys of `data` that neither `properties` nor `patternProperties` of `schema` declare. */
function undeclaredKeys(data: unknown, schema: SchemaProblem['schema']): { unknown: string[]; known: string[] } {
  const known = isPlainObject(schema?.properties) ? Object.keys(schema.properties) : [];
  const patterns = isPlainObject(schema?.patternProperties) ? Object.keys(schema.patternProperties).map((p) => new RegExp(p, 'u')) : [];
  const unknown = isPlainObject(data) ? Object.keys(data).filter((key) => !known.includes(key) && !patterns.some((p) => p.test(key))) : [];
  return { unknown, known };
}

/** For an anyOf/oneOf of constants, the constants (so the message can list them). */
function alternativesAsValues(branches: unknown): unknown[] | undefined {
  if (!Array.isArray(branches)) return undefined;
  const values: unknown[] = [];
  for (const branch of branches) {
    if (isPlainObject(branch) && 'const' in branch) values.push(branch.const);
    else if (isPlainObject(branch) && Array.isArray(branch.enum)) values.push(...branch.enum);
    else return undefined;
  }
  return values;
}

/** What the keyword demands, after the subject ("must be one of 'a', 'b'"); undefined: use the fallback. */
function predicate(problem: SchemaProblem): string | undefined {
  const { keyword, keywordValue: value } = problem;
  const custom = isPlainObject(problem.schema?.['x-message']) ? problem.schema['x-message'][keyword] : undefined;
  if (typeof custom === 'string') return custom;
  const n = typeof value === 'number' ? value : NaN;
  switch (keyword) {
    case 'type': {
      const types = (Array.isArray(value) ? value : [value]).map((t) => TYPE_NAMES[String(t)] ?? String(t));
      return `must be ${types.join(' or ')}`;
    }
    case 'enum':
      return Array.isArray(value) && value.length === 1 ? `must be ${quote(value[0])}` : `must be one of ${(value as unknown[]).map(quote).join(', ')}`;
    case 'const':
      return `must be ${quote(value)}`;
    case 'anyOf':
    case 'oneOf': {
      const values = alternativesAsValues(value);
      if (values !== undefined) return `must be one of ${values.map(quote).join(', ')}`;
      return keyword === 'anyOf' ? 'must match one of the allowed forms' : 'must match exactly one of the allowed forms';
    }
    case 'not':
      return 'has a value that is not allowed here';
    case 'false':
      return 'is not allowed here';
    case 'minimum':
      return `must be at least ${n}`;
    case 'exclusiveMinimum':
      return `must be greater than ${n}`;
    case 'maximum':
      return `must be at most ${n}`;
    case 'exclusiveMaximum':
      return `must be less than ${n}`;
    case 'multipleOf':
      return `must be a multiple of ${n}`;
    case 'minLength':
      return n === 1 ? 'must not be empty' : `must be at least ${n} characters long`;
    case 'maxLength':
      return `must be at most ${n} characters long`;
    case 'minItems':
      return n === 1 ? 'must not be empty' : `must have at least ${n} items`;
    case 'maxItems':
      return `must have at most ${n} items`;
    case 'uniqueItems':
      return 'must not list the same item twice';
    case 'minProperties':
      return n === 1 ? 'must not be empty' : `must have at least ${n} keys`;
    case 'maxProperties':
      return n === 0 ? 'takes no keys' : `must have at most ${n} keys`;
    case 'pattern':
      return `must match the pattern ${String(value)}`;
    case 'format':
      return `must be ${FORMAT_NAMES[String(value)] ?? `in the format '${String(value)}'`}`;
    default:
      return undefined;
  }
}

/** Keywords about a value (not a container): the message quotes what was given. */
const SHOWS_VALUE = new Set(['type', 'enum', 'const', 'anyOf', 'oneOf', 'not', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format']);

function isUnknownKey(problem: SchemaProblem): boolean {
  return (problem.keyword === 'additionalProperties' || problem.keyword === 'unevaluatedProperties') && problem.keywordValue === false;
}

function samePath(a: KeyPath, b: KeyPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

/**
 * The one problem worth a sentence: wrappers and the branches of a failed anyOf/oneOf dropped,
 * then a misspelt key first (it is usually why the rest failed), else the first in schema order.
 */
function pickProblem(problems: readonly SchemaProblem[]): SchemaProblem | undefined {
  const combinators = problems.filter((p) => p.keyword === 'anyOf' || p.keyword === 'oneOf');
  const unknownKeyPaths = problems.filter(isUnknownKey).map((p) => p.path);
  const useful = problems.filter((p) => {
    if (WRAPPERS.has(p.keyword)) return false;
    if ((p.keyword === 'additionalProperties' || p.keyword === 'unevaluatedProperties') && p.keywordValue !== false) return false;
    // The 'false' schema that an unknown key failed is the same finding as the unknown key.
    if (p.keyword === 'false' && unknownKeyPaths.some((parent) => samePath(parent, p.path.slice(0, -1)))) return false;
    return !combinators.some((c) => c !== p && p.schemaLocation.startsWith(`${c.schemaLocation}/`));
  });
  return useful.find(isUnknownKey) ?? useful[0];
}

/** One sentence, full stop included, for the most telling of `problems`; undefined when there are none. */
export function describeProblems(problems: readonly SchemaProblem[], naming: Naming): string | undefined {
  const sentence = describe(problems, naming);
  return sentence === undefined || /[.?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function describe(problems: readonly SchemaProblem[], naming: Naming): string | undefined {
  const problem = pickProblem(problems);
  if (problem === undefined) return problems.length > 0 ? `${naming.subject([])} ${problems[0]!.fallback}` : undefined;
  if (isUnknownKey(problem)) {
    const { unknown, known } = undeclaredKeys(problem.data, problem.schema);
    const key = unknown[0];
    if (key !== undefined) return naming.unknownKey(problem.path, key, closestMatch(key, known), known);
  }
  if (problem.keyword === 'required' && Array.isArray(problem.keywordValue)) {
    const missing = problem.keywordValue.find((key) => typeof key === 'string' && isPlainObject(problem.data) && !(key in problem.data));
    if (typeof missing === 'string') return `${naming.subject([...problem.path, missing])} is required`;
  }
  const demand = predicate(problem);
  const subject = naming.subject(problem.path);
  if (demand === undefined) return `${subject} is invalid: ${problem.fallback.replace(/\.$/, '')}`;
  if (!SHOWS_VALUE.has(problem.keyword)) return `${subject} ${demand}`;
  const sentence = `${subject} ${demand} (got ${showValue(problem.data)})`;
  // A misspelt value of a list ('qod-12', 'eror') gets the same help as a misspelt key.
  const allowed = problem.keyword === 'enum' ? problem.keywordValue : problem.keyword === 'anyOf' || problem.keyword === 'oneOf' ? alternativesAsValues(problem.keywordValue) : undefined;
  const suggestion = typeof problem.data === 'string' && Array.isArray(allowed) ? closestMatch(problem.data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
  return suggestion === undefined ? sentence : `${sentence}; did you mean '${suggestion}'?`;
}
