// Runs one body through the pipeline: dialect → schema → model → rules, and collects its issues.
// Never throws: whatever the payload, a failure becomes an issue. The report itself (sorting,
// counting, truncation, positions) is made in one place, ./report.ts.
//
// The specification is the floor. What the dialect's schema rejects is always an error:
// - a keyword no rule owns is reported by the schema (ruleId 'schema', 400 INVALID_ARGUMENT);
// - a keyword owned by an enabled rule is reported by that rule, with its better message and
//   code, at its configured severity but never below 'error';
// - a keyword owned by a rule that is off comes back as the schema's own finding.
// Only what a rule adds beyond the schema ('x-beyond-spec' keywords, numbering plans, overlaps,
// SSRF hosts, ...) follows the rule's configured severity, or goes away when the rule is off.

import { defaultDialect, detectDialect } from '../dialects/index.js';
import type { Dialect } from '../dialects/types.js';
import { buildModel } from '../model/build-model.js';
import type { SchemaValidateFunction } from '../schema/compiled-schema.js';
import { schemaFindings, type SchemaFinding } from '../schema/schema-findings.js';
import type { Finding, RuleContext, RuleDefinition, RuleMessage } from '../rules/api.js';
import type { DialectId, Issue } from '../types.js';
import { describeThrown } from '../shared/errors.js';
import type { ActiveRule, ResolvedConfig } from './config.js';
import { exceededLimit, limitIssue } from './limits.js';
import { lowerSeverity } from '../shared/severity.js';

/** A body's issues before the report is made: unsorted, untruncated, without positions. */
export interface Collected {
  readonly dialect: DialectId;
  readonly issues: Issue[];
}

/** A message template split once into literal text (even indexes) and placeholder names (odd). */
const templates = new Map<string, string[]>();

/** Fills `{{ name }}` placeholders from data; unknown placeholders stay as written. */
function interpolate(text: string, data: Finding['data']): string {
  if (data === undefined) return text;
  let parts = templates.get(text);
  if (parts === undefined) {
    parts = text.split(/\{\{\s*([\w.]+)\s*\}\}/);
    templates.set(text, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : `{{ ${key} }}`) + parts[i + 1]!;
  }
  return out;
}

function messageOf(rule: RuleDefinition, messageId: string): Exclude<RuleMessage, string> | undefined {
  const message = rule.meta.messages[messageId];
  return typeof message === 'string' ? { text: message } : message;
}

/** Turns a rule's finding into an issue: message, severity, status and code from the rule's meta. */
function toIssue(active: ActiveRule, finding: Finding, secondary?: Set<Issue>): Issue {
  const message = messageOf(active.rule, finding.messageId);
  if (message === undefined) {
    return internalIssue(active.id, finding.path, `Rule '${active.id}' reported the undeclared message id '${finding.messageId}'.`);
  }
  const isSecondary = message.level === 'secondary';
  const issue: Issue = {
    ruleId: active.id,
    messageId: finding.messageId,
    severity: isSecondary ? lowerSeverity(active.level) : active.level,
    path: finding.path,
    message: interpolate(message.text, finding.data),
    status: finding.error?.status ?? message.status ?? active.rule.meta.status,
    code: finding.error?.code ?? message.code ?? active.rule.meta.code,
  };
  if (finding.data !== undefined) issue.data = finding.data;
  if (isSecondary) secondary?.add(issue);
  return issue;
}

function internalIssue(ruleId: string, path: string, message: string): Issue {
  return { ruleId, messageId: 'internalError', severity: 'error', path, message, status: 500, code: 'INTERNAL' };
}

/** The schema's own finding: always an error, 400 INVALID_ARGUMENT. */
function schemaIssue(finding: SchemaFinding): Issue {
  const { messageId, path, message, data } = finding;
  return { ruleId: 'schema', messageId, severity: 'error', path, message, data, status: 400, code: 'INVALID_ARGUMENT' };
}

function missingBody(dialect: Dialect): Collected {
  return {
    dialect: dialect.facts.id,
    issues: [
      {
        ruleId: 'schema',
        messageId: 'required',
        severity: 'error',
        path: '',
        message: 'The request body is missing: a JSON object is required.',
        status: 400,
        code: 'INVALID_ARGUMENT',
      },
    ],
  };
}

function findingsOf(validate: SchemaValidateFunction, body: unknown, dialect: Dialect): SchemaFinding[] | undefined {
  return validate(body) ? undefined : schemaFindings(validate.errors ?? [], body, dialect.schema);
}

/** Whether any enabled rule owns one of the dialect's 'x-beyond-spec' keywords. */
function wantsStrict(dialect: Dialect, active: readonly ActiveRule[]): boolean {
  if (dialect.schema.validateStrict === undefined) return false;
  for (const [path, keywords] of Object.entries(dialect.schema.beyondSpec)) {
    for (const keyword of keywords) {
      const owned = dialect.schema.ownership[path]?.[keyword];
      if (owned !== undefined && active.some((rule) => rule.id === owned.split('#')[0])) return true;
    }
  }
  return false;
}

/**
 * A schema finding owned by an enabled rule that re-checks the constraint itself: the rule must
 * report an error there, or the schema's finding stands.
 */
interface Obligation {
  readonly owner: string;
  readonly finding: SchemaFinding;
}

/**
 * The schema's findings as issues, and the obligations of the rules that re-check what they own.
 * Beyond-spec findings come from the strict validator and only through an enabled owner, at its
 * own severity.
 */
function schemaIssues(dialect: Dialect, body: unknown, active: readonly ActiveRule[], issues: Issue[]): Obligation[] {
  const obligations: Obligation[] = [];
  const byId = (id: string) => active.find((rule) => rule.id === id);
  for (const finding of findingsOf(dialect.schema.validate, body, dialect) ?? []) {
    const owner = finding.owner && byId(finding.owner.ruleId);
    if (owner === undefined) issues.push(schemaIssue(finding));
    else if (finding.owner!.messageId === undefined) obligations.push({ owner: owner.id, finding });
    else issues.push(atLeastError(toIssue(owner, { messageId: finding.owner!.messageId, path: finding.path, data: finding.data })));
  }
  if (wantsStrict(dialect, active)) {
    for (const finding of findingsOf(dialect.schema.validateStrict!, body, dialect) ?? []) {
      if (!finding.beyondSpec) continue; // the specification's own findings came from the first pass
      const owner = finding.owner && byId(finding.owner.ruleId);
      if (owner !== undefined && finding.owner!.messageId !== undefined) {
        issues.push(toIssue(owner, { messageId: finding.owner!.messageId, path: finding.path, data: finding.data }));
      }
    }
  }
  return obligations;
}

function atLeastError(issue: Issue): Issue {
  issue.severity = 'error';
  return issue;
}

function isAtOrBelow(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/**
 * Keeps the floor for keywords their rules re-check: the owner's primary findings at or below the
 * failing value become errors. When the owner said nothing there (it disagrees with the schema)
 * and no other error names that value (such as the schema's own type error, or a sibling rule's
 * finding), the schema's own finding is reported.
 */
function enforceFloor(obligations: readonly Obligation[], issues: Issue[], secondary: ReadonlySet<Issue>): void {
  const uncovered: SchemaFinding[] = [];
  for (const { owner, finding } of obligations) {
    let covered = false;
    for (const issue of issues) {
      if (issue.ruleId !== owner || secondary.has(issue) || !isAtOrBelow(issue.path, finding.path)) continue;
      issue.severity = 'error';
      covered = true;
    }
    if (!covered) uncovered.push(finding);
  }
  for (const finding of uncovered) {
    if (!issues.some((issue) => issue.severity === 'error' && issue.path === finding.path)) issues.push(schemaIssue(finding));
  }
}

/** Runs schema and rules over one payload; in async mode, awaits rules that return promises. */
export function collect(config: ResolvedConfig, payload: unknown, async: false): Collected;
export function collect(config: ResolvedConfig, payload: unknown, async: true): Promise<Collected>;
export function collect(config: ResolvedConfig, payload: unknown, async: boolean): Collected | Promise<Collected> {
  let dialect: Dialect = config.dialect ?? defaultDialect;
  const answer = (collected: Collected) => (async ? Promise.resolve(collected) : collected);
  try {
    if (payload === undefined) return answer(missingBody(dialect));
    // Absurd input stops here, before any stage whose cost grows with the input's sizes.
    const exceeded = exceededLimit(payload, config.limits);
    if (exceeded !== undefined) return answer({ dialect: dialect.facts.id, issues: [limitIssue(exceeded, config.limits)] });
    dialect = config.dialect ?? detectDialect(payload);
    const active = config.activeRules[dialect.facts.id];
    const issues: Issue[] = [];
    // Each stage fails alone: an exception in one adds an internal issue and keeps the others' findings.
    let obligations: Obligation[] = [];
    try {
      obligations = schemaIssues(dialect, payload, active, issues);
    } catch (error) {
      issues.push(internalIssue('schema', '', `The schema check failed: ${describeThrown(error)}`));
    }
    // Only needed to keep the floor: which rule findings are secondary (beyond the schema).
    const secondary = obligations.length > 0 ? new Set<Issue>() : undefined;
    const model = buildModel(payload, dialect.keys);
    const pending: Promise<void>[] = [];
    // A rule that validate() did not wait for must not add to a report already returned.
    let closed = false;
    if (model !== undefined) {
      for (const rule of active) {
        const ctx: RuleContext = {
          options: rule.options,
          policy: config.policy,
          request: config.request,
          dialect: dialect.facts,
          async,
          report: (finding) => {
            if (!closed) issues.push(toIssue(rule, finding, secondary));
          },
        };
        try {
          const result = rule.rule.check(model, ctx) as unknown;
          if (typeof (result as PromiseLike<void> | undefined)?.then === 'function') {
            const promise = Promise.resolve(result as PromiseLike<void>);
            if (async) {
              pending.push(promise.catch((error: unknown) => void issues.push(internalIssue(rule.id, '', `Rule '${rule.id}' failed: ${describeThrown(error)}`))));
            } else {
              promise.catch(() => undefined);
              issues.push({
                ...internalIssue(rule.id, '', `Rule '${rule.id}' is asynchronous; use validateAsync() to run it (validate() did not wait for it).`),
                messageId: 'needsAsync',
                severity: 'warn',
              });
            }
          }
        } catch (error) {
          issues.push(internalIssue(rule.id, '', `Rule '${rule.id}' failed: ${describeThrown(error)}`));
        }
      }
    }
    const finish = (): Collected => {
      closed = true;
      if (secondary !== undefined) enforceFloor(obligations, issues, secondary);
      return { dialect: dialect.facts.id, issues };
    };
    return async ? Promise.all(pending).then(finish) : finish();
  } catch (error) {
    return answer({ dialect: dialect.facts.id, issues: [internalIssue('engine', '', `Validation failed unexpectedly: ${describeThrown(error)}`)] });
  }
}
