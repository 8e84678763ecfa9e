// The public API of qod-policy (names fixed by DESIGN.md).

export { createValidator, validate, validateAsync, validateJson, type Validator } from './engine/validator.js';
export { toErrorInfo } from './engine/report.js';
export { defineRule } from './engine/define-rule.js';
export { ConfigError } from './engine/config-error.js';
export { builtinRules as rules } from './rules/index.js';
export { dialectIds } from './dialects/index.js';

export type {
  ApplicationServerModel,
  CamaraError,
  DeviceIdentifier,
  DeviceIdentifierType,
  DeviceModel,
  DialectFacts,
  DialectId,
  ErrorInfo,
  Field,
  Finding,
  Issue,
  Limits,
  Plugin,
  Policy,
  PortsModel,
  QosDuration,
  QosProfile,
  Report,
  RequestContext,
  RuleConfig,
  RuleContext,
  RuleDefinition,
  RuleLevel,
  RuleMessage,
  RuleMeta,
  RuleOptions,
  SessionModel,
  Severity,
  SinkCredentialModel,
  ValidateOptions,
} from './types.js';
