// Builds a probe suite from the rules themselves: for each finding an enabled rule can make under
// the dialect (and for the schema's and the parser's findings), the documented mutations of
// ./mutations.ts turn the valid base body into candidate bodies; qod-policy judges each one under
// the endpoint's configuration, and a body becomes a case only when
// - every issue it gets is the targeted finding, at severity error (nothing else, not even a warning);
// - CAMARA demands its rejection (./basis.ts): the schema alone rejects it, or cited prose or the
//   operator's own configuration does.
// The case's accepted answers are the specification's (codes: 'specification'), the release's test
// definitions' where they differ (codes: 'test-definitions') and the codes of the release's test
// scenario for it (./scenarios.ts). Every finding without a case is listed with the reason.

import { dialects } from '../dialects/index.js';
import type { Dialect } from '../dialects/types.js';
import { resolveConfig } from '../engine/config.js';
import { createValidator, rules as builtinRules, toErrorInfo } from '../index.js';
import { isPlainObject } from '../shared/object.js';
import { parsePointer } from '../shared/pointer.js';
import type { DeviceIdentifierType, DialectId, Issue, QosProfile, Report, RuleConfig, ValidateOptions } from '../types.js';
import { proseBasis } from './basis.js';
import { defaultBase, DEFAULT_DURATION } from './bodies.js';
import { mutations, type Mutation, type MutationContext } from './mutations.js';
import { scenarioFor } from './scenarios.js';
import type { Answer, Basis, MutationStep, Omission, ProbeCase, ProbeSuite, TokenKind } from './types.js';

/** What the suite is built for: the endpoint's configuration as qod-policy options, and the request's token. */
export interface SuiteOptions {
  /**
   * The endpoint's configuration: `dialect` (one API version, default 'qod-1.2'), `policy` (the
   * QoS-profile catalogue, supported identifiers, duration bounds, PRIVATE_KEY_JWT), `rules`,
   * `context.now`. `codes` is ignored: a case accepts the answers of both profiles.
   */
  readonly options?: ValidateOptions;
  /** The kind of token the requests carry; absent: the configuration's context.tokenIdentifiesDevice, else unknown. */
  readonly tokenKind?: TokenKind;
  /** The valid body to start from (default: the dialect's own, ./bodies.ts); it must get no issue at all. */
  readonly base?: unknown;
  /** Add the base body itself as a case (it creates a session). */
  readonly includeValid?: boolean;
}

/** A suite that cannot be built as asked (the configuration or the base body does not allow it). */
export class ProbeSetupError extends Error {
  override name = 'ProbeSetupError';
}

/** Findings no body can cause on its own: they need the endpoint's state or come from qod-policy's hooks. */
const NOT_PROBED: Readonly<Record<string, string>> = {
  'device-identifiers/identifierMismatch': "depends on the endpoint's device registry (which device each identifier names), which a body cannot show",
  'device-identifiers/identifierNotFound': "depends on the endpoint's device registry (whether it knows the device), which a body cannot show",
  'device-identifiers/needsAsync': "a note about qod-policy's device-registry hook (policy.resolveDevice), not about the body",
  'device-identifiers/resolverFailed': "a failure of qod-policy's device-registry hook (policy.resolveDevice), not of the body",
  'device-identifiers/resolverTimeout': "a failure of qod-policy's device-registry hook (policy.resolveDevice), not of the body",
};

/** Why a finding's mutation does not apply under this configuration, when the configuration is the reason. */
function configurationGap(target: string, ctx: MutationContext, tokenKind: TokenKind | undefined, privateKeyJwtConfigured: boolean): string | undefined {
  const messageId = target.slice(target.indexOf('/') + 1);
  if (messageId === 'missingIdentifier' || messageId === 'unnecessaryIdentifier') {
    if (ctx.facts.tokenRules === null) return `${ctx.facts.id} has no rule about the access token and the device`;
    const wanted = messageId === 'missingIdentifier' ? 'two-legged' : 'three-legged';
    if (messageId === 'unnecessaryIdentifier' && ctx.facts.tokenRules.unnecessaryDevice === null) return `${ctx.facts.id} allows a device with a 3-legged token (it must name the token's device, which a body cannot show)`;
    if (tokenKind !== wanted) return `needs --token-kind ${wanted} (and a token of that kind in the request headers)`;
  }
  if (messageId === 'privateKeyJwtNotConfigured' && privateKeyJwtConfigured) return 'the configuration says PRIVATE_KEY_JWT is set up (policy.privateKeyJwtConfigured)';
  return undefined;
}

/** Applies the steps to a copy of the base; the body text, or undefined when a step's parent is missing. */
function applySteps(base: unknown, steps: readonly MutationStep[]): string | undefined {
  let body: unknown = structuredClone(base);
  for (const step of steps) {
    if (step.op === 'text') return step.value;
    const tokens = parsePointer(step.path);
    const key = tokens.pop();
    if (key === undefined) {
      if (step.op === 'remove') return undefined;
      body = structuredClone(step.value);
      continue;
    }
    let parent: unknown = body;
    for (const token of tokens) {
      if (!isPlainObject(parent) || !Object.prototype.hasOwnProperty.call(parent, token)) return undefined;
      parent = parent[token];
    }
    if (!isPlainObject(parent)) return undefined;
    if (step.op === 'remove') {
      if (!Object.prototype.hasOwnProperty.call(parent, key)) return undefined;
      delete parent[key];
    } else {
      parent[key] = structuredClone(step.value);
    }
  }
  return JSON.stringify(body, null, 2);
}

/** `rule/messageId` of an issue or a case. */
function findingOf(issue: Pick<Issue, 'ruleId' | 'messageId'>): string {
  return `${issue.ruleId}/${issue.messageId}`;
}

/** Whether every issue is the targeted finding (any message id of the rule when `messageId` is undefined), as an error. */
function isolated(report: Report, ruleId: string, messageId: string | undefined): string | undefined {
  const first = report.issues[0];
  if (first === undefined || first.ruleId !== ruleId || (messageId !== undefined && first.messageId !== messageId)) return undefined;
  for (const issue of report.issues) if (issue.ruleId !== ruleId || issue.messageId !== first.messageId || issue.severity !== 'error') return undefined;
  return first.messageId;
}

function answerOf(report: Report): Answer {
  const info = toErrorInfo(report)!;
  return { status: info.status, code: info.code };
}

function addAnswer(list: Answer[], answer: Answer): void {
  if (!list.some((a) => a.status === answer.status && a.code === answer.code)) list.push(answer);
}

/** Every rule 'off': the specification's floor (the schema alone). */
function allRulesOff(): Record<string, RuleConfig> {
  return Object.fromEntries(Object.keys(builtinRules).map((id) => [id, 'off' as const]));
}

interface Validators {
  readonly specification: ReturnType<typeof createValidator>;
  readonly testDefinitions: ReturnType<typeof createValidator>;
  readonly floor: ReturnType<typeof createValidator>;
}

/** The first issue of a report, as one line, for messages. */
function firstIssue(report: Report): string {
  const issue = report.issues[0];
  return issue === undefined ? 'no issue' : `${findingOf(issue)} at '${issue.path}' (${issue.severity}): ${issue.message}`;
}

/** The base body: the operator's (checked) or the dialect's own, with a profile and duration the configuration accepts. */
function chooseBase(dialect: Dialect, given: unknown, withDevice: boolean, profiles: readonly QosProfile[] | undefined, validators: Validators): Record<string, unknown> {
  if (given !== undefined) {
    if (!isPlainObject(given)) throw new ProbeSetupError('The base body must be a JSON object (a valid CreateSession body).');
    const report = validators.specification.validate(given);
    if (report.issues.length > 0) throw new ProbeSetupError(`The base body must get no issue at all under ${dialect.facts.id} and the configuration; it gets ${report.issues.length}, the first: ${firstIssue(report)}.`);
    return given;
  }
  const usable = profiles?.filter((profile) => profile.status === undefined || profile.status === 'ACTIVE').map((profile) => profile.name);
  const names: (string | undefined)[] = usable === undefined ? [undefined] : usable;
  const durations = [DEFAULT_DURATION, 600, 60, 86400, 1, 604800, 3, 10];
  let last: Report | undefined;
  for (const name of names) {
    for (const duration of durations) {
      const body = defaultBase(dialect, withDevice, name, duration);
      last = validators.specification.validate(body);
      if (last.issues.length === 0) return body;
    }
  }
  const why = profiles !== undefined && names.length === 0 ? 'the catalogue has no ACTIVE profile' : `the last candidate gets ${firstIssue(last!)}`;
  throw new ProbeSetupError(`No built-in base body is valid under ${dialect.facts.id} and this configuration (${why}); give one with --base <file>.`);
}

/** Builds the suite; throws a ProbeSetupError when the configuration or the base body does not allow one. */
export function buildSuite(settings: SuiteOptions = {}): ProbeSuite {
  const options = settings.options ?? {};
  const dialectId = options.dialect ?? 'qod-1.2';
  if (dialectId === 'auto') throw new ProbeSetupError("The probe needs the one API version the endpoint implements: give a dialect (--dialect), not 'auto'.");
  const dialect = dialects[dialectId as DialectId];
  if (dialect === undefined) throw new ProbeSetupError(`Unknown dialect '${String(dialectId)}'.`);
  const facts = dialect.facts;
  const configuredToken = options.context?.tokenIdentifiesDevice;
  const tokenKind: TokenKind | undefined = settings.tokenKind ?? (configuredToken === undefined ? undefined : configuredToken ? 'three-legged' : 'two-legged');
  const context = { ...options.context, tokenIdentifiesDevice: tokenKind === undefined ? undefined : tokenKind === 'three-legged' };
  const common: ValidateOptions = { ...options, dialect: dialectId, context };
  const validators: Validators = {
    specification: createValidator({ ...common, codes: 'specification' }),
    testDefinitions: createValidator({ ...common, codes: 'test-definitions' }),
    floor: createValidator({ dialect: dialectId, context, rules: allRulesOff(), ...(options.limits === undefined ? {} : { limits: options.limits }) }),
  };
  const policy = options.policy ?? {};
  const qosProfiles = policy.qosProfiles;
  const supportedIdentifiers: readonly DeviceIdentifierType[] = policy.supportedIdentifiers ?? facts.defaultSupportedIdentifiers;
  // A 3-legged token names the device itself: from CAMARA 0.11 the body leaves it out.
  const withDevice = !(tokenKind === 'three-legged' && facts.tokenRules !== null);
  const base = chooseBase(dialect, settings.base, withDevice, qosProfiles, validators);
  const ctx: MutationContext = { facts, keys: dialect.keys, base, qosProfiles, policyDuration: policy.duration, supportedIdentifiers };

  const cases: ProbeCase[] = [];
  if (settings.includeValid === true) {
    cases.push({
      id: 'valid',
      ruleId: '',
      messageId: '',
      title: 'The base body, valid under the API version: it creates a session, which is deleted.',
      mutation: [],
      body: JSON.stringify(base, null, 2),
      path: '',
      finding: '',
      accepted: [],
      basis: { kind: 'prose', source: 'createSession: 201 Created with the SessionInfo of the new session' },
      valid: true,
    });
  }
  /** Per finding without a case so far: why the last mutation for it failed. */
  const misses = new Map<string, string>();
  const covered = new Set<string>();
  for (const mutation of mutations) {
    const made = caseOf(mutation, ctx, validators, dialect, operatorIdentifiers(policy), misses);
    if (made === undefined) continue;
    cases.push(made);
    covered.add(findingOf(made));
  }

  const omitted: Omission[] = [];
  const active = resolveConfig(builtinRules, { ...common, codes: 'specification' }).activeRules[dialectId as DialectId];
  for (const rule of active) {
    for (const [messageId, message] of Object.entries(rule.rule.meta.messages)) {
      const target = `${rule.id}/${messageId}`;
      if (covered.has(target)) continue;
      const secondary = typeof message !== 'string' && message.level === 'secondary';
      let reason: string | undefined;
      if (rule.level !== 'error') reason = `the rule is at '${rule.level}' under this configuration: its findings do not make a body invalid`;
      else if (secondary) reason = "a secondary finding (a warning under an 'error' rule): CAMARA does not demand that such a body be rejected";
      else reason = NOT_PROBED[target] ?? configurationGap(target, ctx, tokenKind, policy.privateKeyJwtConfigured === true) ?? misses.get(target) ?? 'no documented mutation aims at it (src/probe/mutations.ts)';
      omitted.push({ ruleId: rule.id, messageId, reason });
    }
  }
  return { dialect: facts.id, apiVersion: facts.apiVersion, release: facts.release, tokenKind, base, cases, omitted };
}

function operatorIdentifiers(policy: NonNullable<ValidateOptions['policy']>): boolean {
  return policy.supportedIdentifiers !== undefined;
}

/** One mutation's case, or undefined (with the reason in `misses` for a rule's finding). */
function caseOf(mutation: Mutation, ctx: MutationContext, validators: Validators, dialect: Dialect, operatorIds: boolean, misses: Map<string, string>): ProbeCase | undefined {
  const target = mutation.messageId === undefined ? undefined : `${mutation.ruleId}/${mutation.messageId}`;
  const proposed = mutation.steps(ctx);
  if (typeof proposed === 'string') {
    if (target !== undefined) misses.set(target, proposed);
    return undefined;
  }
  let found: { steps: readonly MutationStep[]; body: string; report: Report; messageId: string } | undefined;
  for (const steps of Array.isArray(proposed) ? [proposed] : proposed.alternatives) {
    const body = applySteps(ctx.base, steps);
    if (body === undefined) {
      if (target !== undefined) misses.set(target, `the base body lacks what the mutation changes (${steps.map((s) => ('path' in s ? s.path : '')).join(', ')})`);
      continue;
    }
    const report = validators.specification.validateJson(body);
    const messageId = isolated(report, mutation.ruleId, mutation.messageId);
    if (messageId !== undefined) {
      found = { steps, body, report, messageId };
      break;
    }
    if (target !== undefined) {
      const got = report.issues.length === 0 ? `no issue (the body is valid under ${ctx.facts.id})` : [...new Set(report.issues.map((i) => `${findingOf(i)} (${i.severity})`))].join(', ');
      misses.set(target, `the documented mutation ("${mutation.title}") does not cause it alone under ${ctx.facts.id}: it gets ${got}`);
    }
  }
  if (found === undefined) return undefined;
  const { steps, body, report, messageId } = found;
  const floor = validators.floor.validateJson(body);
  const basis: Basis | undefined = !floor.valid && mutation.ruleId !== 'parse' ? { kind: 'schema' } : proseBasis(ctx.facts, mutation.ruleId, messageId, mutation.variant, operatorIds);
  if (basis === undefined) {
    misses.set(
      `${mutation.ruleId}/${messageId}`,
      "beyond the specification: the dialect's schema accepts the body and no CAMARA text demands its rejection, so a conformant endpoint may create a session",
    );
    return undefined;
  }
  const specification = answerOf(report);
  const accepted: Answer[] = [specification];
  addAnswer(accepted, answerOf(validators.testDefinitions.validateJson(body)));
  const scenario = scenarioFor(dialect.facts.release, mutation.ruleId, messageId, mutation.variant, specification.status);
  if (scenario !== undefined) for (const code of scenario.codes) addAnswer(accepted, { status: scenario.status, code });
  const first = report.issues[0]!;
  const probeCase: ProbeCase = {
    id: `${mutation.ruleId}/${messageId}${mutation.variant === undefined ? '' : `#${mutation.variant}`}`,
    ruleId: mutation.ruleId,
    messageId,
    title: mutation.title,
    mutation: steps,
    body,
    path: first.path,
    finding: first.message,
    accepted,
    basis,
  };
  return scenario === undefined ? probeCase : { ...probeCase, scenario: scenario.tag };
}
