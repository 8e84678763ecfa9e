// Turns ajv errors into findings: one clear sentence per problem, naming the field, the value and
// the limit. Each finding says which semantic rule owns its keyword ('x-rules': the rule checks
// that constraint itself with a more precise message, or takes the finding as its own) and whether
// the keyword is stricter than the API definition ('x-beyond-spec'); the engine decides from that
// who reports it (src/engine/run.ts). Combinator noise (oneOf/anyOf branches, if/then) is reduced
// to the one alternative the body evidently meant.

import { escapePointerSegment, valueAt } from '../shared/pointer.js';
import { fieldName, showValue } from '../shared/messages.js';
import { codePointLength, quoteKey } from '../shared/text.js';
import type { CompiledSchema, SchemaError } from './compiled-schema.js';

/** A schema finding before the engine applies ownership, severity and configuration. */
export interface SchemaFinding {
  /** The failed keyword. */
  messageId: string;
  path: string;
  /**
   * The rule that owns the keyword ('x-rules'): with a messageId ('rule#messageId') the finding is
   * handed to the rule as that message; without one, the rule re-checks the constraint itself.
   */
  readonly owner: { readonly ruleId: string; readonly messageId?: string } | undefined;
  /** The keyword is stricter than the API definition ('x-beyond-spec'): only its owner reports it. */
  beyondSpec: boolean;
  /**
   * The schema's own sentence and the facts behind it. Made only when the finding is reported: a
   * body with thousands of failures pays for the few that are listed, not for every one.
   */
  describe(): { message: string; data: Record<string, string | number | boolean> };
}

const STRUCTURAL_KEYWORDS = new Set(['type', 'required', 'additionalProperties', 'unevaluatedProperties', 'minProperties', 'maxProperties']);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  // A hole in a sparse array (JavaScript values only; JSON has none).
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function article(type: string): string {
  if (type === 'integer') return 'an integer';
  if (type === 'object' || type === 'array') return `an ${type}`;
  return `a ${type}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The schema path of the subschema holding the failed keyword. */
function parentSchemaPath(error: SchemaError): string {
  return error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
}

const BOUND_WORDS = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' } as const;

/**
 * The sentence for a keyword with no case of its own in describe() (a combinator without an
 * 'x-message'): ajv's words. The dialects are compiled without ajv's messages, to carry less code.
 */
function generalSentence(error: SchemaError): string {
  switch (error.keyword) {
    case 'anyOf':
      return 'must match a schema in anyOf';
    case 'oneOf':
      return 'must match exactly one schema in oneOf';
    case 'if':
      return `must match "${String(error.params.failingKeyword)}" schema`;
    default:
      return 'is not valid';
  }
}

/** Describes one error as a sentence (without severity or code). */
function describe(error: SchemaError, body: unknown, compiled: CompiledSchema): { message: string; data: Record<string, string | number | boolean> } {
  const p = error.params;
  const at = error.instancePath;
  // Every sentence starts with the field's name; only the root's is a sentence start.
  const name = at === '' ? 'The request body' : fieldName(at);
  // The value ajv judged (compiled with `verbose`), rather than walking the body again to it.
  const value = 'data' in error ? error.data : valueAt(body, at);
  switch (error.keyword) {
    case 'type':
      if (at === '' && value === undefined) {
        return { message: 'The request body is missing: a JSON object is required.', data: { expected: 'object' } };
      }
      return {
        message: `${name} must be ${String(p.type).split(',').map(article).join(' or ')}, not ${jsonType(value)}.`,
        data: { expected: String(p.type), actual: jsonType(value).replace(/^an? /, '') },
      };
    case 'required': {
      const property = String(p.missingProperty);
      return {
        message: `${name} is missing the required property '${property}'.`,
        data: { property },
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = String(p.additionalProperty ?? p.unevaluatedProperty);
      const quoted = quoteKey(property);
      return {
        message: `${name} has the property '${quoted}', which this API version does not declare.`,
        data: { property: quoted, parent: name },
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = Number(p.limit);
      return {
        message: `${name} is ${showValue(value)}; it must be ${BOUND_WORDS[error.keyword as keyof typeof BOUND_WORDS]} ${limit}.`,
        data: { value: Number(value), limit },
      };
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(p.limit);
      const length = typeof value === 'string' ? codePointLength(value) : 0;
      return {
        message: `${name} has ${plural(length, 'character')}; it must have ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${limit}.`,
        data: { length, limit },
      };
    }
    case 'pattern':
      return {
        message: `${name} ${showValue(value)} does not match the pattern ${String(p.pattern)}.`,
        data: { value: String(value), pattern: String(p.pattern) },
      };
    case 'format':
      return {
        message: `${name} ${showValue(value)} is not a valid ${String(p.format)}.`,
        data: { value: String(value), format: String(p.format) },
      };
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]).map((v) => JSON.stringify(v));
      return {
        message: `${name} is ${showValue(value)}; it must be ${allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`}.`,
        data: { value: typeof value === 'string' || typeof value === 'number' ? value : showValue(value), allowed: allowed.join(', ') },
      };
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(p.limit);
      const count = Array.isArray(value) ? value.length : 0;
      return {
        message: `${name} has ${plural(count, 'item')}; it must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${limit}.`,
        data: { count, limit },
      };
    }
    case 'uniqueItems':
      return {
        message: `${name} lists the same value twice (items ${String(p.j)} and ${String(p.i)}); items must be unique.`,
        data: { first: Number(p.j), second: Number(p.i) },
      };
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(p.limit);
      const count = value && typeof value === 'object' ? Object.keys(value).length : 0;
      return {
        message:
          error.keyword === 'minProperties' && count === 0
            ? `${name} is empty; it must have at least ${plural(limit, 'property')}.`
            : `${name} has ${plural(count, 'property')}; it must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${limit}.`,
        data: { count, limit },
      };
    }
    default:
      return {
        message: `${name} ${keywordFacts(error, compiled).message ?? generalSentence(error)}.`,
        data: {},
      };
  }
}

/**
 * For a failed oneOf/anyOf, picks the alternative the body evidently meant: the one with the
 * fewest structural mismatches at the combinator's own level. A tie means the body matches none
 * in shape; then the combinator's own sentence is the clearer finding. `branches[k]` are the
 * alternatives errors[k] lies in (usually one; none for the combinator's own errors).
 */
function chooseBranch(combinator: SchemaError, errors: readonly SchemaError[], branches: readonly (readonly number[])[], count: number): number | undefined {
  if (count === 0) return undefined;
  const scores: number[] = new Array<number>(count).fill(0);
  for (let k = 0; k < errors.length; k++) {
    const e = errors[k]!;
    if (e.instancePath === combinator.instancePath && STRUCTURAL_KEYWORDS.has(e.keyword)) for (const branch of branches[k]!) scores[branch]!++;
  }
  const best = Math.min(...scores);
  return scores.filter((s) => s === best).length === 1 ? scores.indexOf(best) : undefined;
}

const branchCache = new WeakMap<CompiledSchema, Map<string, Map<string, readonly number[]>>>();

/**
 * Which alternatives of a combinator an error's schema path lies in. Schema paths are a schema's
 * own few: the answer is kept per pair, so that each error costs a lookup, not a prefix comparison
 * per alternative.
 */
function branchesOf(compiled: CompiledSchema, combinatorPath: string, errorPath: string): readonly number[] {
  let byCombinator = branchCache.get(compiled);
  if (byCombinator === undefined) branchCache.set(compiled, (byCombinator = new Map()));
  let byError = byCombinator.get(combinatorPath);
  if (byError === undefined) byCombinator.set(combinatorPath, (byError = new Map()));
  let branches = byError.get(errorPath);
  if (branches === undefined) {
    const found: number[] = [];
    (compiled.branches[combinatorPath] ?? []).forEach((prefix, i) => below(errorPath, prefix) && found.push(i));
    byError.set(errorPath, (branches = found));
  }
  return branches;
}

/** Whether a path lies strictly below a prefix ('/a/b' below '/a'; '/ab' is not); without building `${prefix}/`. */
function below(path: string, prefix: string): boolean {
  return path.charCodeAt(prefix.length) === 47 && path.startsWith(prefix);
}

/** Whether a path is the instance path itself or lies below it ('' holds every path). */
function atOrBelow(path: string, instancePath: string): boolean {
  return path === instancePath || instancePath === '' || below(path, instancePath);
}

/**
 * Errors by every instance path at or above theirs, so that a combinator looks only at the errors
 * inside the value it judged: a list of thousands of bad items stays linear, not quadratic.
 */
function errorsWithin(errors: readonly SchemaError[]): Map<string, SchemaError[]> {
  const within = new Map<string, SchemaError[]>();
  for (const error of errors) {
    let path = error.instancePath;
    for (;;) {
      const list = within.get(path);
      if (list === undefined) within.set(path, [error]);
      else list.push(error);
      if (path === '') break;
      path = path.slice(0, path.lastIndexOf('/'));
    }
  }
  return within;
}

/** Removes combinator noise: keeps either the chosen alternative's errors or the combinator itself. */
function prune(errors: readonly SchemaError[], compiled: CompiledSchema): readonly SchemaError[] {
  let combinators = 0;
  let conditions = 0;
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') combinators++;
    else if (e.keyword === 'if') conditions++;
  }
  if (combinators === 0 && conditions === 0) return errors;
  // A few combinators among few errors (the usual invalid body) scan the list each; many of them
  // (a long list of items failing a oneOf) share one index, so that the work stays linear.
  const within = combinators * errors.length > 256 ? errorsWithin(errors) : undefined;
  const scopeOf = (combinator: SchemaError): readonly SchemaError[] => {
    if (within !== undefined) return within.get(combinator.instancePath) ?? [];
    return errors.filter((e) => atOrBelow(e.instancePath, combinator.instancePath));
  };
  const dropped = new Set<SchemaError>();
  for (const error of errors) {
    // 'if' only says that 'then' failed; the 'then' errors themselves are the findings.
    if (error.keyword === 'if') dropped.add(error);
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    const count = compiled.branches[error.schemaPath]?.length ?? 0;
    // The errors inside the value the combinator judged, and the alternative each lies in.
    const scope = scopeOf(error);
    const branches = scope.map((e) => branchesOf(compiled, error.schemaPath, e.schemaPath));
    // A value of the wrong type fails every alternative; the type error alone says it best.
    const wrongType = scope.some((e, k) => e.keyword === 'type' && e.instancePath === error.instancePath && branches[k]!.length === 0);
    const chosen = wrongType ? -1 : chooseBranch(error, scope, branches, count);
    for (let k = 0; k < scope.length; k++) if (branches[k]!.some((branch) => branch !== chosen)) dropped.add(scope[k]!);
    if (chosen !== undefined) dropped.add(error);
  }
  return errors.filter((e) => !dropped.has(e));
}

/** What the annotation tables say about a keyword at a schema path: computed once per path. */
interface KeywordFacts {
  readonly owner: SchemaFinding['owner'];
  readonly beyondSpec: boolean;
  /** The schema's own sentence for the keyword ('x-message'), if it has one. */
  readonly message: string | undefined;
}

const factsCache = new WeakMap<CompiledSchema, Map<string, KeywordFacts>>();

function keywordFacts(error: SchemaError, compiled: CompiledSchema): KeywordFacts {
  let cache = factsCache.get(compiled);
  if (cache === undefined) factsCache.set(compiled, (cache = new Map()));
  let facts = cache.get(error.schemaPath);
  if (facts === undefined) {
    const parent = parentSchemaPath(error);
    const owned = compiled.ownership[parent]?.[error.keyword];
    const hash = owned?.indexOf('#') ?? -1;
    const owner = owned === undefined ? undefined : hash === -1 ? { ruleId: owned } : { ruleId: owned.slice(0, hash), messageId: owned.slice(hash + 1) };
    facts = { owner, beyondSpec: compiled.beyondSpec[parent]?.includes(error.keyword) ?? false, message: compiled.messages[parent]?.[error.keyword] };
    cache.set(error.schemaPath, facts);
  }
  return facts;
}

/** Where a finding points: the failing value, or for an unknown property the property itself. */
function findingPath(error: SchemaError): string {
  const property = error.params.additionalProperty ?? error.params.unevaluatedProperty;
  if ((error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') && property !== undefined) {
    return `${error.instancePath}/${escapePointerSegment(String(property))}`;
  }
  return error.instancePath;
}

/** A finding of one ajv error; its sentence is made only when the finding is reported. */
class ErrorFinding implements SchemaFinding {
  readonly messageId: string;
  readonly path: string;
  readonly owner: SchemaFinding['owner'];
  readonly beyondSpec: boolean;
  constructor(
    private readonly error: SchemaError,
    private readonly body: unknown,
    private readonly compiled: CompiledSchema,
    facts: KeywordFacts,
  ) {
    this.messageId = error.keyword;
    this.path = findingPath(error);
    this.owner = facts.owner;
    this.beyondSpec = facts.beyondSpec;
  }
  describe(): { message: string; data: Record<string, string | number | boolean> } {
    return describe(this.error, this.body, this.compiled);
  }
}

/** Converts ajv errors into findings. `body` is the validated value (to quote it in messages). */
export function schemaFindings(errors: readonly SchemaError[], body: unknown, compiled: CompiledSchema): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  for (const error of prune(errors, compiled)) findings.push(new ErrorFinding(error, body, compiled, keywordFacts(error, compiled)));
  return findings;
}
