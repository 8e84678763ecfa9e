// Configuration: turns ValidateOptions into a resolved, checked configuration once, at
// createValidator time, so that a broken configuration fails loudly there and never per payload.

import { dialects, isDialectId } from '../dialects/index.js';
import type { Dialect } from '../dialects/dialect.js';
import { builtinRules } from '../rules/index.js';
import type {
  DialectId,
  Plugin,
  Policy,
  QosProfile,
  RequestContext,
  RuleConfig,
  RuleDefinition,
  RuleLevel,
  RuleOptions,
  ValidateOptions,
  Limits,
} from '../types.js';
import { ConfigError } from './config-error.js';
import { validateRuleOptions } from './rule-options.js';
import { DEFAULT_LIMITS } from './limits.js';


const LEVELS: readonly string[] = ['error', 'warn', 'info', 'off'];
const DURATION_UNITS: readonly string[] = ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds', 'Microseconds', 'Nanoseconds'];
const DEFAULT_MAX_ISSUES = 100;

/** One enabled rule with everything the engine needs to run it in one dialect. */
export interface ActiveRule {
  readonly id: string;
  readonly rule: RuleDefinition;
  readonly level: Exclude<RuleLevel, 'off'>;
  readonly options: RuleOptions;
}

export interface ResolvedConfig {
  /** undefined: detect per body. */
  readonly dialect: Dialect | undefined;
  readonly policy: Policy;
  readonly request: RequestContext;
  readonly maxIssues: number;
  /** What the payload may hold before anything expensive runs (see ./limits.ts). */
  readonly limits: Readonly<Limits>;
  /** The rules by id (built-in and plugin), for rendering findings. */
  readonly rules: ReadonlyMap<string, RuleDefinition>;
  /** Enabled rules per dialect (levels differ by dialect: e.g. known-properties is opt-in in qod-sdk). */
  readonly activeRules: Readonly<Record<DialectId, readonly ActiveRule[]>>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkRuleDefinition(id: string, rule: unknown): RuleDefinition {
  const meta = isPlainObject(rule) ? rule.meta : undefined;
  if (!isPlainObject(rule) || typeof rule.check !== 'function' || !isPlainObject(meta) || !isPlainObject(meta.messages)) {
    throw new ConfigError(`Rule '${id}' is not a rule: it needs meta.messages and a check(model, ctx) function (use defineRule).`);
  }
  if (typeof meta.status !== 'number' || typeof meta.code !== 'string') {
    throw new ConfigError(`Rule '${id}' needs meta.status (an HTTP status) and meta.code (a CAMARA error code).`);
  }
  return rule as unknown as RuleDefinition;
}

function collectRules(plugins: readonly Plugin[] | undefined): Map<string, RuleDefinition> {
  const rules = new Map<string, RuleDefinition>(Object.entries(builtinRules));
  if (plugins === undefined) return rules;
  if (!Array.isArray(plugins)) throw new ConfigError('plugins must be an array of { name, rules } objects.');
  for (const plugin of plugins) {
    if (!isPlainObject(plugin) || typeof plugin.name !== 'string' || plugin.name === '' || !isPlainObject(plugin.rules)) {
      throw new ConfigError('Each plugin must be an object { name: string, rules: { [id]: rule } }.');
    }
    for (const [id, rule] of Object.entries(plugin.rules)) {
      const fullId = `${plugin.name}/${id}`;
      if (rules.has(fullId)) throw new ConfigError(`Rule '${fullId}' is defined twice.`);
      rules.set(fullId, checkRuleDefinition(fullId, rule));
    }
  }
  return rules;
}

function parseRuleConfig(id: string, config: RuleConfig): { level: RuleLevel; options?: RuleOptions } {
  const [level, options] = Array.isArray(config) ? config : [config];
  if (typeof level !== 'string' || !LEVELS.includes(level)) {
    throw new ConfigError(`Rule '${id}': severity must be one of 'off', 'info', 'warn', 'error' (got ${JSON.stringify(level)}).`);
  }
  if (Array.isArray(config) && config.length > 2) {
    throw new ConfigError(`Rule '${id}': configure it as a severity or [severity, options].`);
  }
  if (options !== undefined && !isPlainObject(options)) {
    throw new ConfigError(`Rule '${id}': options must be an object.`);
  }
  return { level, options };
}

function checkDuration(profile: QosProfile, key: 'minDuration' | 'maxDuration', index: number): void {
  const duration = profile[key];
  if (duration === undefined) return;
  const where = `policy.qosProfiles[${index}] ('${profile.name}').${key}`;
  if (!isPlainObject(duration) || !Number.isInteger(duration.value) || (duration.value as number) < 0) {
    throw new ConfigError(`${where} must be { value: a non-negative integer, unit }.`);
  }
  if (typeof duration.unit !== 'string' || !DURATION_UNITS.includes(duration.unit)) {
    throw new ConfigError(`${where}.unit must be one of ${DURATION_UNITS.join(', ')}.`);
  }
}

function checkPolicy(policy: unknown): Policy {
  if (policy === undefined) return {};
  if (!isPlainObject(policy)) throw new ConfigError('policy must be an object.');
  const { qosProfiles, supportedIdentifiers, duration, resolveDevice, privateKeyJwtConfigured } = policy as Policy;
  if (qosProfiles !== undefined) {
    if (!Array.isArray(qosProfiles)) throw new ConfigError('policy.qosProfiles must be an array of QoS profiles.');
    qosProfiles.forEach((profile, i) => {
      if (!isPlainObject(profile) || typeof profile.name !== 'string') {
        throw new ConfigError(`policy.qosProfiles[${i}] must be an object with a string name.`);
      }
      checkDuration(profile, 'minDuration', i);
      checkDuration(profile, 'maxDuration', i);
    });
  }
  const identifierTypes = ['phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address'];
  if (supportedIdentifiers !== undefined && (!Array.isArray(supportedIdentifiers) || !supportedIdentifiers.every((t) => identifierTypes.includes(t)))) {
    throw new ConfigError(`policy.supportedIdentifiers must be an array of ${identifierTypes.join(', ')}.`);
  }
  if (duration !== undefined) {
    if (!isPlainObject(duration)) throw new ConfigError('policy.duration must be { min?, max? } in seconds.');
    for (const bound of ['min', 'max'] as const) {
      const value = duration[bound];
      if (value !== undefined && !Number.isInteger(value)) throw new ConfigError(`policy.duration.${bound} must be an integer number of seconds.`);
    }
    if (duration.min !== undefined && duration.max !== undefined && duration.min > duration.max) {
      throw new ConfigError(`policy.duration.min (${duration.min}) is greater than policy.duration.max (${duration.max}).`);
    }
  }
  if (resolveDevice !== undefined && typeof resolveDevice !== 'function') throw new ConfigError('policy.resolveDevice must be a function.');
  if (privateKeyJwtConfigured !== undefined && typeof privateKeyJwtConfigured !== 'boolean') {
    throw new ConfigError('policy.privateKeyJwtConfigured must be a boolean.');
  }
  return policy as Policy;
}

function checkRequest(context: unknown): RequestContext {
  if (context === undefined) return {};
  if (!isPlainObject(context)) throw new ConfigError('context must be an object.');
  const { tokenIdentifiesDevice, now } = context as RequestContext;
  if (tokenIdentifiesDevice !== undefined && typeof tokenIdentifiesDevice !== 'boolean') {
    throw new ConfigError('context.tokenIdentifiesDevice must be a boolean.');
  }
  if (now !== undefined && (!(now instanceof Date) || Number.isNaN(now.getTime()))) throw new ConfigError('context.now must be a valid Date.');
  return context as RequestContext;
}

function checkLimits(limits: unknown): Limits {
  if (limits === undefined) return DEFAULT_LIMITS;
  if (!isPlainObject(limits)) throw new ConfigError('limits must be an object.');
  for (const [key, value] of Object.entries(limits)) {
    if (!(key in DEFAULT_LIMITS)) throw new ConfigError(`limits.${key} is not a limit; the limits are ${Object.keys(DEFAULT_LIMITS).join(', ')}.`);
    if (!Number.isInteger(value) || (value as number) < 1) throw new ConfigError(`limits.${key} must be a positive integer.`);
  }
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Resolves and checks options; throws ConfigError with a clear message on any mistake. */
export function resolveConfig(options: ValidateOptions = {}): ResolvedConfig {
  if (!isPlainObject(options as unknown)) throw new ConfigError('Options must be an object.');
  const { dialect = 'auto', rules: configured = {}, maxIssues = DEFAULT_MAX_ISSUES } = options;
  if (dialect !== 'auto' && !isDialectId(dialect)) {
    throw new ConfigError(`Unknown dialect ${JSON.stringify(dialect)}. Known: auto, ${Object.keys(dialects).join(', ')}.`);
  }
  if (!Number.isInteger(maxIssues) || maxIssues < 1) throw new ConfigError('maxIssues must be a positive integer.');
  if (!isPlainObject(configured)) throw new ConfigError('rules must be an object of rule id → severity or [severity, options].');

  const rules = collectRules(options.plugins);
  const parsed = new Map<string, { level: RuleLevel; options?: RuleOptions }>();
  for (const [id, config] of Object.entries(configured)) {
    const rule = rules.get(id);
    if (rule === undefined) {
      throw new ConfigError(`Unknown rule '${id}' in configuration. Known rules: ${[...rules.keys()].sort().join(', ')}.`);
    }
    const entry = parseRuleConfig(id, config as RuleConfig);
    if (entry.options !== undefined) validateRuleOptions(id, rule, { ...rule.meta.defaultOptions, ...entry.options });
    parsed.set(id, entry);
  }

  const activeRules = {} as Record<DialectId, ActiveRule[]>;
  for (const dialect of Object.values(dialects)) {
    const active: ActiveRule[] = [];
    for (const [id, rule] of rules) {
      const entry = parsed.get(id);
      const level = entry?.level ?? dialect.facts.ruleDefaults[id] ?? rule.meta.defaultLevel ?? 'error';
      if (level === 'off') continue;
      active.push({ id, rule, level, options: { ...rule.meta.defaultOptions, ...entry?.options } });
    }
    activeRules[dialect.facts.id] = active;
  }

  return {
    dialect: dialect === 'auto' ? undefined : dialects[dialect],
    policy: checkPolicy(options.policy),
    request: checkRequest(options.context),
    maxIssues,
    limits: checkLimits(options.limits),
    rules,
    activeRules,
  };
}
