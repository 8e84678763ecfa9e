// The public entry points: createValidator (configure once, reuse) and the one-shot helpers.
// Every path ends in buildReport (./report.ts): the one place where parse, schema and rule
// findings become a report.

import type { SourceBody } from '../parse/index.js';
import { parseJsonSource, parseProblem, readJson, type JsonRead } from '../parse/index.js';
import { defaultDialect } from '../dialects/index.js';
import type { RuleDefinition } from '../rules/api.js';
import type { CallOptions, Issue, Report, RequestContext, ValidateOptions } from '../types.js';
import { requestFor, resolveConfig, type ResolvedConfig } from './config.js';
import { entryOf } from './entries.js';
import { buildReport } from './report.js';
import { collect, type Collected } from './run.js';
import { acceptsClean } from './accept.js';
import type { Dialect } from '../dialects/types.js';
import { standardSchema, type StandardProps } from './standard-schema.js';

/**
 * A configured validator. Each call may give this request's context (`options.context`), merged
 * over the configured one without rebuilding the configuration; a malformed one throws a
 * ConfigError (validateAsync: rejects).
 */
export interface Validator {
  /** Validates a parsed body. Never throws on any payload. */
  validate(payload: unknown, options?: CallOptions): Report;
  /** Validates JSON text or bytes; text that is not JSON becomes an issue with ruleId 'parse'. */
  validateJson(text: string | Uint8Array, options?: CallOptions): Report;
  /** As validate, and awaits asynchronous rules (e.g. a device registry behind policy.resolveDevice). */
  validateAsync(payload: unknown, options?: CallOptions): Promise<Report>;
  /** Standard Schema V1: the validator as a schema for libraries that take one (./standard-schema.ts). */
  readonly '~standard': StandardProps;
}

/** A validator that also takes bodies of source files as the parse layer gives them (the CLI), and awaits rules on JSON text (src/gateway/). */
export interface SourceValidator extends Omit<Validator, '~standard'> {
  /** Validates one body of a source file: its parse findings, schema and rules, located in the file. */
  validateSource(body: SourceBody): Report;
  /**
   * validateJson for an HTTP answer (src/gateway/): `locate` false leaves out the line and column of
   * issues found in a parsed body (an ErrorInfo has no place for them; parse errors keep theirs, in
   * the message), which saves a third of the time of an invalid body.
   */
  validateJsonText(text: string | Uint8Array, options: CallOptions | undefined, locate: boolean): Report;
  /** validateJsonText, awaiting asynchronous rules as validateAsync does. Rejects only on a malformed call context. */
  validateJsonAsync(text: string | Uint8Array, options: CallOptions | undefined, locate: boolean): Promise<Report>;
}

function fromCollected(config: ResolvedConfig, collected: Collected, payload: unknown): Report {
  return buildReport(collected.dialect, collected.entries, payload, config.maxIssues, undefined, collected.unexamined);
}

/** A gateway's client sees only the message: say in it where the text stops being JSON. */
function withPositionInMessage(problems: readonly Issue[]): Issue[] {
  return problems.map((issue) =>
    issue.messageId === 'invalidJson' && issue.line !== undefined && !issue.message.startsWith('The text is empty')
      ? { ...issue, message: issue.message.replace(/\.$/, ` (line ${issue.line}, column ${issue.column}).`) }
      : issue,
  );
}

/**
 * One body of a source text: its parse findings (syntax, duplicate keys, bytes) and, when it has a
 * value, the findings of schema and rules on the value the parser made (JSON.parse keeps the last
 * of duplicate keys). Truncated once over all of them; positions only for the issues kept. Where
 * the text has no other place to show a syntax error's position (validateJson), it goes into the
 * message.
 */
function sourceReport(config: ResolvedConfig, body: SourceBody, positionInMessage = false, request: RequestContext = config.request, locate = true, accept = true): Report {
  if (!('value' in body)) {
    const problems = positionInMessage ? withPositionInMessage(body.problems) : body.problems;
    return buildReport((config.dialect ?? defaultDialect).facts.id, problems.map(entryOf), undefined, config.maxIssues, body);
  }
  return valueReport(config, body, collect(config, body.value, false, request, accept), locate);
}

/** A parsed body's report: its parse findings (duplicate keys, bytes) and what schema and rules found. */
function valueReport(config: ResolvedConfig, body: SourceBody, collected: Collected, locate = true): Report {
  const entries = body.problems.length === 0 ? collected.entries : [...body.problems.map(entryOf), ...collected.entries];
  return buildReport(collected.dialect, entries, body.value, config.maxIssues, locate ? body : undefined, collected.unexamined);
}

function notText(config: ResolvedConfig, input: unknown): Report {
  return buildReport(
    (config.dialect ?? defaultDialect).facts.id,
    [
      entryOf(parseProblem('invalidJson', `validateJson expects a string or bytes, not ${input === null ? 'null' : typeof input}.`)),
    ],
    undefined,
    config.maxIssues,
  );
}

/**
 * A JSON text the accept pass finds clean (./accept.ts), with its dialect fixed: parsed, its
 * separators counted by the pass instead of the duplicate-key test's own walk, and no body made.
 * Otherwise `read` is the parse to make the body from.
 */
function isCleanText(config: ResolvedConfig, read: JsonRead | undefined, request: RequestContext): boolean {
  return read !== undefined && read.parsed && config.dialect !== undefined && acceptsClean(config, config.dialect, read.value, request, read.text);
}

/**
 * validateJson: the parse layer's JSON body (JSON.parse, then a duplicate-key test: duplicate keys
 * are a parser-differential risk, JSON.parse keeps the last value and other parsers the first),
 * then the same run as validate. Positions are computed only when the report has issues.
 */
function jsonReport(config: ResolvedConfig, input: unknown, request: RequestContext, locate = true): Report {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return notText(config, input);
  const read = readJson(input);
  if (isCleanText(config, read, request)) return cleanReport(config.dialect!);
  return sourceReport(config, parseJsonSource(input, read), true, request, locate, config.dialect === undefined);
}

/** A call's request context: the configured one (no allocation) unless the call gives its own. */
function requestOf(config: ResolvedConfig, options: CallOptions | undefined): RequestContext {
  return options === undefined || options.context === undefined ? config.request : requestFor(config, options.context);
}

/** The report of a body that needs none (made anew each time: a caller may change its report). */
function cleanReport(dialect: Dialect): Report {
  return { valid: true, dialect: dialect.facts.id, issues: [], errorCount: 0, warningCount: 0 };
}

function createSourceValidatorFrom(config: ResolvedConfig): SourceValidator {
  const { dialect } = config;
  return {
    validate(payload, options) {
      const request = requestOf(config, options);
      // The common case, first and in few steps (as collect() would answer; it is not asked again).
      if (dialect === undefined || payload === undefined) return fromCollected(config, collect(config, payload, false, request), payload);
      if (acceptsClean(config, dialect, payload, request)) return cleanReport(dialect);
      return fromCollected(config, collect(config, payload, false, request, false), payload);
    },
    validateJson: (text, options) => jsonReport(config, text, requestOf(config, options)),
    validateAsync(payload, options) {
      let request: RequestContext;
      try {
        request = requestOf(config, options);
      } catch (error) {
        return Promise.reject(error);
      }
      return collect(config, payload, true, request).then((collected) => fromCollected(config, collected, payload));
    },
    validateSource: (body) => sourceReport(config, body),
    validateJsonText: (text, options, locate) => jsonReport(config, text, requestOf(config, options), locate),
    validateJsonAsync(text, options, locate) {
      try {
        const request = requestOf(config, options);
        if (typeof text !== 'string' && !(text instanceof Uint8Array)) return Promise.resolve(notText(config, text));
        const read = readJson(text);
        if (isCleanText(config, read, request)) return Promise.resolve(cleanReport(config.dialect!));
        const body = parseJsonSource(text, read);
        if (!('value' in body)) return Promise.resolve(sourceReport(config, body, true, request));
        return collect(config, body.value, true, request, config.dialect === undefined).then((collected) => valueReport(config, body, collected, locate));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/** The rules a validator knows besides its plugins: the built-in ones, handed over by src/index.ts. */
export type RuleSet = Readonly<Record<string, RuleDefinition>>;

/**
 * Resolves and checks the options once (throws a ConfigError on a mistake) and returns functions
 * to validate many bodies with them.
 *
 * @example
 * const { validate } = createValidator({ policy: { qosProfiles } });
 * const report = validate(body);
 * if (!report.valid) res.status(toErrorInfo(report)!.status).json(toErrorInfo(report));
 */
export function createValidator(rules: RuleSet, options: ValidateOptions = {}): Validator {
  const { validate, validateJson, validateAsync } = createSourceValidatorFrom(resolveConfig(rules, options));
  return { validate, validateJson, validateAsync, '~standard': standardSchema(validate, validateAsync, options) };
}

/** createValidator for the CLI: also validates bodies of source files (not public API). */
export function createSourceValidator(rules: RuleSet, options: ValidateOptions = {}): SourceValidator {
  return createSourceValidatorFrom(resolveConfig(rules, options));
}

/** The one-shot forms over a rule set; the validator for no options is made once and kept. */
export function oneShot(rules: RuleSet): {
  validate(payload: unknown, options?: ValidateOptions): Report;
  validateJson(text: string | Uint8Array, options?: ValidateOptions): Report;
  validateAsync(payload: unknown, options?: ValidateOptions): Promise<Report>;
} {
  let defaultValidator: Validator | undefined;
  const validatorFor = (options: ValidateOptions | undefined): Validator =>
    options === undefined ? (defaultValidator ??= createValidator(rules)) : createValidator(rules, options);
  return {
    validate: (payload, options) => validatorFor(options).validate(payload),
    validateJson: (text, options) => validatorFor(options).validateJson(text),
    validateAsync(payload, options) {
      // Always a promise: a configuration mistake rejects it rather than throwing synchronously.
      try {
        return validatorFor(options).validateAsync(payload);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
