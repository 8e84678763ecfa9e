// Configuration: turns ValidateOptions into a resolved, checked configuration once, at
// createValidator time, so that a broken configuration fails loudly there and never per payload.

import { defaultDialect, dialects } from '../dialects/index.js';
import { testDefinitionAnswersFor } from '../dialects/test-definition-codes.js';
import type { Dialect } from '../dialects/types.js';
import type { Plugin, RuleContext, RuleDefinition } from '../rules/api.js';
import type { Entry } from './entries.js';
import type { CamaraError, DialectId, Policy, RequestContext, RuleLevel, RuleOptions, ValidateOptions, Limits } from '../types.js';
import { ConfigError } from './config-error.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { AcceptPasses } from './accept.js';
import { checkOptionsShape, qosProfileFields } from './config-schema.js';
import { validateDefaultOptions, validateRuleOptions } from './rule-options.js';
import { namedPathText, showValue } from './schema-messages.js';
import { closestMatch } from './suggest.js';
import { isPlainObject } from '../shared/object.js';

const DEFAULT_MAX_ISSUES = 100;

/** One enabled rule with everything the engine needs to run it in one dialect. */
export interface ActiveRule {
  readonly id: string;
  readonly rule: RuleDefinition;
  readonly level: Exclude<RuleLevel, 'off'>;
  readonly options: RuleOptions;
  /** Answers by message id that win over the dialect's and the message's (codes: 'test-definitions'). */
  readonly answers?: Readonly<Record<string, CamaraError>> | undefined;
  /**
   * The rule's context for synchronous runs, made once (src/engine/run.ts): its report() adds to
   * whatever list `findings` holds during the rule's check, and to nothing outside it; its
   * `request` is the running check's request context.
   */
  syncContext?: { findings: Entry[] | undefined; readonly ctx: RuleContext & { request: RequestContext } };
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
  /** Per dialect: whether an enabled rule owns an 'x-beyond-spec' keyword, so the strict validator runs. */
  readonly strict: Readonly<Record<DialectId, boolean>>;
  /** The accept pass per dialect, made when first needed (./accept.ts). */
  readonly accept: AcceptPasses;
}

// What follows checks what schemas/config.schema.json cannot say: values JSON cannot hold
// (functions, Dates, rule objects), relations between values, and names known only at run time
// (plugin rule ids). The schema has already checked every key and every JSON value.

function checkRuleDefinition(id: string, rule: Record<string, unknown>): RuleDefinition {
  const meta = rule.meta;
  if (typeof rule.check !== 'function' || !isPlainObject(meta) || !isPlainObject(meta.messages)) {
    throw new ConfigError(`Rule '${id}' is not a rule: it needs meta.messages and a check(model, ctx) function (use defineRule).`);
  }
  if (typeof meta.status !== 'number' || typeof meta.code !== 'string') {
    throw new ConfigError(`Rule '${id}' needs meta.status (an HTTP status) and meta.code (a CAMARA error code).`);
  }
  const definition = rule as unknown as RuleDefinition;
  validateDefaultOptions(id, definition);
  return definition;
}

function collectRules(builtinRules: Readonly<Record<string, RuleDefinition>>, plugins: readonly Plugin[] | undefined): Map<string, RuleDefinition> {
  const rules = new Map<string, RuleDefinition>(Object.entries(builtinRules));
  for (const plugin of plugins ?? []) {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      const fullId = `${plugin.name}/${id}`;
      if (rules.has(fullId)) throw new ConfigError(`Rule '${fullId}' is defined twice.`);
      rules.set(fullId, checkRuleDefinition(fullId, rule as unknown as Record<string, unknown>));
    }
  }
  return rules;
}

function unknownRule(id: string, rules: ReadonlyMap<string, RuleDefinition>): ConfigError {
  const suggestion = closestMatch(id, rules.keys());
  if (suggestion !== undefined) return new ConfigError(`Unknown rule '${id}' in configuration; did you mean '${suggestion}'?`);
  return new ConfigError(`Unknown rule '${id}' in configuration. Known rules: ${[...rules.keys()].sort().join(', ')}.`);
}

/**
 * A QoS profile stays open to fields of newer CAMARA releases, so the schema cannot reject an
 * unknown one; a name one slip away from a field qod-policy reads (maxDurration) is a typo that
 * would silently drop a bound, and is rejected here.
 */
function checkProfileFields(options: unknown): void {
  const policy = isPlainObject(options) ? options.policy : undefined;
  const profiles = isPlainObject(policy) ? policy.qosProfiles : undefined;
  if (!Array.isArray(profiles)) return;
  profiles.forEach((profile: unknown, i) => {
    if (!isPlainObject(profile)) return;
    for (const key of Object.keys(profile)) {
      if (qosProfileFields.includes(key)) continue;
      const suggestion = closestMatch(key, qosProfileFields);
      if (suggestion === undefined) continue;
      const where = namedPathText(['policy', 'qosProfiles', i, key], options);
      throw new ConfigError(`${where} is not a QoS-profile field; did you mean '${suggestion}'?`);
    }
  });
}

function checkValues(options: ValidateOptions): void {
  const { policy, context } = options;
  const duration = policy?.duration;
  if (duration?.min !== undefined && duration.max !== undefined && duration.min > duration.max) {
    throw new ConfigError(`policy.duration.min (${duration.min}) is greater than policy.duration.max (${duration.max}).`);
  }
  if (policy?.resolveDevice !== undefined && typeof policy.resolveDevice !== 'function') {
    throw new ConfigError(`policy.resolveDevice must be a function (got ${showValue(policy.resolveDevice)}).`);
  }
  checkNow(context?.now);
}

/** The keys of a request context (RequestContext). */
const REQUEST_KEYS: readonly string[] = ['now', 'tokenIdentifiesDevice'];

/**
 * One call's request context merged over the configured one (a key the call gives, even as
 * undefined, replaces the configured value). Checked like the configured one, by hand: it runs
 * per call. Throws a ConfigError on a mistake.
 */
export function requestFor(config: ResolvedConfig, context: unknown): RequestContext {
  if (context === undefined) return config.request;
  if (!isPlainObject(context)) throw new ConfigError(`The call's context must be an object (got ${showValue(context)}).`);
  for (const key of Object.keys(context)) {
    if (REQUEST_KEYS.includes(key)) continue;
    const suggestion = closestMatch(key, REQUEST_KEYS);
    throw new ConfigError(`Unknown key '${key}' in the call's context${suggestion === undefined ? ` (known: ${REQUEST_KEYS.join(', ')})` : `; did you mean '${suggestion}'?`}.`);
  }
  const { tokenIdentifiesDevice, now } = context as Record<string, unknown>;
  if (tokenIdentifiesDevice !== undefined && typeof tokenIdentifiesDevice !== 'boolean') {
    throw new ConfigError(`context.tokenIdentifiesDevice must be true, false or absent (got ${showValue(tokenIdentifiesDevice)}).`);
  }
  checkNow(now);
  return { ...config.request, ...(context as RequestContext) };
}

function checkNow(now: unknown): void {
  if (now !== undefined && !(now instanceof Date && !Number.isNaN(now.getTime()))) {
    throw new ConfigError(`context.now must be a valid Date (got ${now instanceof Date ? 'an invalid Date' : showValue(now)}).`);
  }
}

/**
 * Resolves and checks options (throws ConfigError with a clear message on any mistake) against the rules the engine was given (the built-in ones, from the
 * composition root src/index.ts) and the options' plugins.
 */
export function resolveConfig(builtinRules: Readonly<Record<string, RuleDefinition>>, options: ValidateOptions = {}): ResolvedConfig {
  // A misspelt profile field first: the schema's own finding about that profile (a 'name' is
  // required, say) would not point at the slip.
  checkProfileFields(options);
  const problem = checkOptionsShape(options);
  if (problem !== undefined) throw new ConfigError(problem);
  checkValues(options);
  const { dialect = defaultDialect.facts.id, codes = 'specification', rules: configured = {}, maxIssues = DEFAULT_MAX_ISSUES } = options;

  const rules = collectRules(builtinRules, options.plugins);
  const parsed = new Map<string, { level: RuleLevel; options?: RuleOptions }>();
  for (const [id, config] of Object.entries(configured)) {
    const rule = rules.get(id);
    if (rule === undefined) throw unknownRule(id, rules);
    // The schema has checked the entry's shape: a level, or [level, options object].
    const [level, ruleOptions] = (Array.isArray(config) ? config : [config]) as [RuleLevel, RuleOptions?];
    if (ruleOptions !== undefined) validateRuleOptions(id, rule, { ...rule.meta.defaultOptions, ...ruleOptions });
    parsed.set(id, { level, options: ruleOptions });
  }

  const activeRules = {} as Record<DialectId, ActiveRule[]>;
  const strict = {} as Record<DialectId, boolean>;
  for (const dialect of Object.values(dialects)) {
    const active: ActiveRule[] = [];
    for (const [id, rule] of rules) {
      const entry = parsed.get(id);
      const level = entry?.level ?? dialect.facts.ruleDefaults[id] ?? rule.meta.defaultLevel ?? 'error';
      if (level === 'off') continue;
      const answers = codes === 'test-definitions' ? testDefinitionAnswersFor(dialect.facts.release, id) : undefined;
      active.push({ id, rule, level, options: { ...rule.meta.defaultOptions, ...entry?.options }, answers, syncContext: undefined });
    }
    activeRules[dialect.facts.id] = active;
    strict[dialect.facts.id] = ownsBeyondSpec(dialect, active);
  }

  return {
    dialect: dialect === 'auto' ? undefined : dialects[dialect],
    policy: options.policy ?? {},
    request: options.context ?? {},
    maxIssues,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    rules,
    activeRules,
    strict,
    accept: {},
  };
}

/** Whether an enabled rule owns one of the dialect's 'x-beyond-spec' keywords (decided once, here). */
function ownsBeyondSpec(dialect: Dialect, active: readonly ActiveRule[]): boolean {
  const { ownership, beyondSpec } = dialect.schema;
  return Object.entries(beyondSpec).some(([path, keywords]) =>
    keywords.some((keyword) => {
      const owner = ownership[path]?.[keyword]?.split('#')[0];
      return owner !== undefined && active.some((rule) => rule.id === owner);
    }),
  );
}
