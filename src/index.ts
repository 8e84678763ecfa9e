// The public API of qod-policy (names fixed by DESIGN.md), and the composition root: the one place
// that hands the built-in rules to the engine (the engine itself knows no rule).

import { createValidator as createEngineValidator, oneShot, type Validator } from './engine/validator.js';
import { builtinRules } from './rules/index.js';
import { migrateBody } from './migrate/migrate.js';
import type { MigrateOptions, MigrateResult } from './migrate/types.js';
import type { Report, ValidateOptions } from './types.js';

/**
 * Resolves and checks the options once (throws a ConfigError on a mistake) and returns functions
 * to validate many bodies with them.
 *
 * @example
 * const { validate } = createValidator({ policy: { qosProfiles } });
 * const report = validate(body);
 * if (!report.valid) res.status(toErrorInfo(report)!.status).json(toErrorInfo(report));
 */
export function createValidator(options: ValidateOptions = {}): Validator {
  return createEngineValidator(builtinRules, options);
}

const oneShotForms = oneShot(builtinRules);

/** Validates a parsed CreateSession body. Never throws on any payload (options are checked). */
export function validate(payload: unknown, options?: ValidateOptions): Report {
  return oneShotForms.validate(payload, options);
}

/** Validates JSON text or bytes; text that is not JSON becomes an issue with ruleId 'parse'. */
export function validateJson(text: string | Uint8Array, options?: ValidateOptions): Report {
  return oneShotForms.validateJson(text, options);
}

/** Validates a parsed body, awaiting asynchronous rules. Always a promise (a bad option rejects it). */
export function validateAsync(payload: unknown, options?: ValidateOptions): Promise<Report> {
  return oneShotForms.validateAsync(payload, options);
}

/**
 * Carries a CreateSession body from one API version (dialect) to another, one neighbouring version
 * at a time: the migrated body (a new value; the input is never changed), every change with its
 * pointers before and after, everything that could not be carried, the patch that replays it, and
 * the target's report of the result. Never throws on any body (the options are checked).
 *
 * @example
 * const { body: upgraded, lost, report } = migrate(body, { from: 'qod-0.10', to: 'qod-1.2' });
 * for (const loss of lost) console.warn(loss.message);
 */
export function migrate(body: unknown, options: MigrateOptions): MigrateResult {
  return migrateBody(body, options, validate);
}

export type { Validator } from './engine/validator.js';
export { toErrorInfo } from './engine/report.js';
export { defineRule } from './rules/api.js';
export { ConfigError } from './engine/config-error.js';
export { builtinRules as rules };
export { dialectIds } from './dialects/index.js';

export type {
  MigrateOptions,
  MigrateResult,
  MigrationChange,
  MigrationChangeId,
  MigrationLoss,
  MigrationLossId,
  MigrationStep,
  PatchOperation,
} from './migrate/types.js';
export type {
  CamaraRelease,
  DialectFacts,
} from './dialects/types.js';
export type {
  ApplicationServerModel,
  DeviceModel,
  FastPorts,
  FastView,
  Field,
  Located,
  PortsModel,
  SessionModel,
  SinkCredentialModel,
} from './model/types.js';
export type {
  FastContext,
  Finding,
  FindingFix,
  Plugin,
  RuleContext,
  RuleDefinition,
  RuleMessage,
  RuleMeta,
} from './rules/api.js';
export type {
  CallOptions,
  CamaraError,
  CodesProfile,
  DeviceIdentifier,
  DeviceIdentifierType,
  DialectId,
  DurationUnit,
  ErrorInfo,
  Fix,
  Issue,
  Limits,
  Policy,
  QosDuration,
  QosProfile,
  QosProfileStatus,
  Report,
  RequestContext,
  ResolveDeviceOptions,
  RuleConfig,
  RuleLevel,
  RuleOptions,
  Severity,
  ValidateOptions,
} from './types.js';
