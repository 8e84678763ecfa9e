// The public entry points: createValidator (configure once, reuse) and the one-shot helpers.

import { decodeUtf8, parseJson } from '../parse/json.js';
import type { Report, ValidateOptions } from '../types.js';
import { resolveConfig, type ResolvedConfig } from './config.js';
import { buildReport } from './report.js';
import { run } from './run.js';

export interface Validator {
  /** Validates a parsed body. Never throws. */
  validate(payload: unknown): Report;
  /** Validates JSON text or bytes; text that is not JSON becomes an issue with ruleId 'parse'. */
  validateJson(text: string | Uint8Array): Report;
  /** As validate, and awaits asynchronous rules (e.g. a device registry behind policy.resolveDevice). */
  validateAsync(payload: unknown): Promise<Report>;
}

function parseFailure(config: ResolvedConfig, message: string, line: number, column: number): Report {
  const dialect = config.dialect?.facts.id ?? 'qod-1.2';
  return buildReport(
    dialect,
    [{ ruleId: 'parse', messageId: 'invalidJson', severity: 'error', path: '', message, status: 400, code: 'INVALID_ARGUMENT', line, column }],
    undefined,
    1,
  );
}

function jsonReport(config: ResolvedConfig, input: unknown): Report {
  let text: string | undefined;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array) {
    text = decodeUtf8(input);
    if (text === undefined) return parseFailure(config, 'The bytes are not valid UTF-8 text.', 1, 1);
  } else {
    return parseFailure(config, `validateJson expects a string or bytes, not ${input === null ? 'null' : typeof input}.`, 1, 1);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parseFailure(config, parsed.error.message, parsed.error.line, parsed.error.column);
  return run(config, parsed.value, false);
}

/**
 * Resolves and checks the options once (throws a QodPolicyConfigError on a mistake) and returns
 * functions to validate many bodies with them.
 *
 * @example
 * const { validate } = createValidator({ policy: { qosProfiles } });
 * const report = validate(body);
 * if (!report.valid) res.status(toErrorInfo(report)!.status).json(toErrorInfo(report));
 */
export function createValidator(options: ValidateOptions = {}): Validator {
  const config = resolveConfig(options);
  return {
    validate: (payload) => run(config, payload, false),
    validateJson: (text) => jsonReport(config, text),
    validateAsync: (payload) => run(config, payload, true),
  };
}

let defaultValidator: Validator | undefined;

function validatorFor(options: ValidateOptions | undefined): Validator {
  if (options === undefined) return (defaultValidator ??= createValidator());
  return createValidator(options);
}

/** Validates a parsed CreateSession body. Never throws on any payload (options are checked). */
export function validate(payload: unknown, options?: ValidateOptions): Report {
  return validatorFor(options).validate(payload);
}

/** Validates JSON text or bytes. */
export function validateJson(text: string | Uint8Array, options?: ValidateOptions): Report {
  return validatorFor(options).validateJson(text);
}

/** Validates a parsed body, awaiting asynchronous rules. */
export function validateAsync(payload: unknown, options?: ValidateOptions): Promise<Report> {
  return validatorFor(options).validateAsync(payload);
}
