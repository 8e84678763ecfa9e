// Validates rule options against the rule's meta.schema, for built-in and plugin rules alike, at
// createValidator time (never per payload). The schema is interpreted by @cfworker/json-schema, not
// compiled: a plugin's schema is only known at run time, and compiling it (ajv) needs
// `new Function`, which edge runtimes and `node --disallow-code-generation-from-strings` forbid.
// Built-in rules go the same way so that every rule's option errors read alike.

import { Validator, type OutputUnit } from '@cfworker/json-schema';
import type { RuleDefinition } from '../rules/api.js';
import type { RuleOptions } from '../types.js';
import { valueAtPath } from '../shared/pointer.js';
import { ConfigError } from './config-error.js';
import { describeProblems, pathText, type KeyPath, type Naming, type SchemaProblem } from './schema-messages.js';
import { isPlainObject } from '../shared/object.js';

type JsonSchema = Record<string, unknown>;

/** One interpreter per schema object: rules are shared by every createValidator call. */
const validators = new WeakMap<object, Validator>();

function parseLocation(location: string): string[] {
  // '#/properties/a~1b' → ['properties', 'a/b']; cfworker writes pointers percent-encoded.
  const pointer = location.replace(/^#/, '');
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveLocalRef(root: JsonSchema, ref: unknown): unknown {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  return parseLocation(ref).reduce<unknown>((node, key) => (isPlainObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** The schema object that holds the keyword at `keywordLocation` (following local $refs). */
function schemaAt(root: JsonSchema, keywordLocation: string): JsonSchema | undefined {
  const segments = parseLocation(keywordLocation).slice(0, -1);
  let node: unknown = root;
  for (const segment of segments) {
    node = segment === '$ref' && isPlainObject(node) ? resolveLocalRef(root, node.$ref) : (isPlainObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined);
    if (node === undefined) return undefined;
  }
  return isPlainObject(node) ? node : undefined;
}

function toProblem(unit: OutputUnit, root: JsonSchema, options: unknown): SchemaProblem {
  const path: KeyPath = parseLocation(unit.instanceLocation).map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
  const schema = schemaAt(root, unit.keywordLocation);
  return {
    keyword: unit.keyword,
    path,
    keywordValue: schema?.[unit.keyword],
    schema,
    data: valueAtPath(options, path),
    schemaLocation: unit.keywordLocation,
    fallback: unit.error,
  };
}

const naming: Naming = {
  subject: (path) => (path.length === 0 ? 'the options' : `option '${pathText(path)}'`),
  unknownKey(path, key, suggestion, known) {
    const unknown = `unknown option '${pathText([...path, key])}'`;
    if (suggestion !== undefined) return `${unknown}; did you mean '${pathText([...path, suggestion])}'?`;
    return known.length === 0 ? `${unknown} (none is known here)` : `${unknown} (known here: ${known.join(', ')})`;
  },
};

function validatorFor(id: string, schema: JsonSchema): Validator {
  let validator = validators.get(schema);
  if (validator === undefined) {
    let copy: JsonSchema;
    try {
      // The interpreter marks the schema objects it reads; work on a copy, never on the rule's.
      copy = structuredClone(schema);
    } catch {
      throw new ConfigError(`Rule '${id}' has an options schema (meta.schema) that is not JSON data.`);
    }
    validator = new Validator(copy, '2020-12', false);
    validators.set(schema, validator);
  }
  return validator;
}

/** The first problem of `options` under `rule.meta.schema`, as one sentence; undefined when they are valid. */
function optionsProblem(id: string, schema: JsonSchema, options: RuleOptions): string | undefined {
  let units: OutputUnit[];
  try {
    const result = validatorFor(id, schema).validate(options);
    if (result.valid) return undefined;
    units = result.errors;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`Rule '${id}' has an invalid options schema (meta.schema): ${(error as Error).message}`);
  }
  return describeProblems(
    units.map((unit) => toProblem(unit, schema, options)),
    naming,
  ) ?? 'the options are invalid.';
}

function schemaOf(id: string, rule: RuleDefinition): JsonSchema | undefined {
  const schema: unknown = rule.meta.schema;
  if (schema === undefined) return undefined;
  if (!isPlainObject(schema)) throw new ConfigError(`Rule '${id}': meta.schema must be a JSON Schema object describing the options object.`);
  return schema;
}

/** Throws a ConfigError naming the rule and the option when `options` do not fit the rule. */
export function validateRuleOptions(id: string, rule: RuleDefinition, options: RuleOptions): void {
  const schema = schemaOf(id, rule);
  if (schema === undefined) {
    const extra = Object.keys(options).filter((key) => !(rule.meta.defaultOptions && key in rule.meta.defaultOptions));
    if (extra.length > 0) throw new ConfigError(`Rule '${id}' takes no option '${extra[0]}'.`);
    return;
  }
  const problem = optionsProblem(id, schema, options);
  if (problem !== undefined) throw new ConfigError(`Rule '${id}': ${problem}`);
}

/**
 * Throws a ConfigError when a rule's own `meta.defaultOptions` do not fit its `meta.schema`: a
 * mistake of the rule's author, caught before any configured options are merged over them.
 */
export function validateDefaultOptions(id: string, rule: RuleDefinition): void {
  const schema = schemaOf(id, rule);
  const defaults = rule.meta.defaultOptions;
  if (schema === undefined || defaults === undefined) return;
  if (!isPlainObject(defaults)) throw new ConfigError(`Rule '${id}': meta.defaultOptions must be an object.`);
  const problem = optionsProblem(id, schema, defaults);
  if (problem !== undefined) throw new ConfigError(`Rule '${id}' has meta.defaultOptions that its meta.schema rejects: ${problem}`);
}
