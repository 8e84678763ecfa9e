// Runs one body through the pipeline: dialect → schema → model → rules → report.
// Never throws: whatever the payload, a failure becomes an issue.

import { defaultDialect, detectDialect } from '../dialects/index.js';
import type { Dialect } from '../dialects/dialect.js';
import { buildModel } from '../model/build-model.js';
import { schemaFindings } from '../schema/schema-findings.js';
import type { Finding, Issue, Report, RuleContext, RuleDefinition, RuleMessage, Severity } from '../types.js';
import type { ActiveRule, ResolvedConfig } from './config.js';
import { buildReport } from './report.js';

const LOWER: Record<Severity, Severity> = { error: 'warn', warn: 'info', info: 'info' };

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
function toIssue(active: ActiveRule, finding: Finding): Issue {
  const message = messageOf(active.rule, finding.messageId);
  if (message === undefined) {
    return internalIssue(active.id, finding.path, `Rule '${active.id}' reported the undeclared message id '${finding.messageId}'.`);
  }
  const issue: Issue = {
    ruleId: active.id,
    messageId: finding.messageId,
    severity: message.level === 'secondary' ? LOWER[active.level] : active.level,
    path: finding.path,
    message: interpolate(message.text, finding.data),
    status: finding.error?.status ?? message.status ?? active.rule.meta.status,
    code: finding.error?.code ?? message.code ?? active.rule.meta.code,
  };
  if (finding.data !== undefined) issue.data = finding.data;
  return issue;
}

function internalIssue(ruleId: string, path: string, message: string): Issue {
  return { ruleId, messageId: 'internalError', severity: 'error', path, message, status: 500, code: 'INTERNAL' };
}

function missingBody(dialect: Dialect): Report {
  return buildReport(
    dialect.facts.id,
    [
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
    undefined,
    1,
  );
}

function schemaIssues(dialect: Dialect, body: unknown, active: readonly ActiveRule[]): Issue[] {
  if (dialect.schema.validate(body)) return [];
  const issues: Issue[] = [];
  for (const finding of schemaFindings(dialect.schema.validate.errors ?? [], body, dialect.schema)) {
    if (finding.ruleId === 'schema') {
      const { ruleId, messageId, path, message, data, status, code } = finding;
      issues.push({ ruleId, messageId, severity: 'error', path, message, data, status, code });
      continue;
    }
    // A finding handed to its owning rule: reported only when that rule is enabled.
    const owner = active.find((rule) => rule.id === finding.ruleId);
    if (owner === undefined) continue;
    issues.push(toIssue(owner, { messageId: finding.messageId, path: finding.path, data: finding.data }));
  }
  return issues;
}

/** Runs schema and rules; in async mode, awaits rules that return promises. */
export function run(config: ResolvedConfig, payload: unknown, async: false): Report;
export function run(config: ResolvedConfig, payload: unknown, async: true): Promise<Report>;
export function run(config: ResolvedConfig, payload: unknown, async: boolean): Report | Promise<Report> {
  let dialect: Dialect = config.dialect ?? defaultDialect;
  try {
    dialect = config.dialect ?? detectDialect(payload);
    if (payload === undefined) return missingBody(dialect);
    const active = config.activeRules[dialect.facts.id];
    const issues = schemaIssues(dialect, payload, active);
    const model = buildModel(payload, dialect.keys);
    const pending: Promise<void>[] = [];
    if (model !== undefined) {
      for (const rule of active) {
        const ctx: RuleContext = {
          options: rule.options,
          policy: config.policy,
          request: config.request,
          dialect: dialect.facts,
          async,
          report: (finding) => issues.push(toIssue(rule, finding)),
        };
        try {
          const result = rule.rule.check(model, ctx) as unknown;
          if (typeof (result as PromiseLike<void> | undefined)?.then === 'function') {
            const promise = Promise.resolve(result as PromiseLike<void>);
            if (async) {
              pending.push(promise.catch((error: unknown) => void issues.push(internalIssue(rule.id, '', `Rule '${rule.id}' failed: ${String((error as Error)?.message ?? error)}`))));
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
          issues.push(internalIssue(rule.id, '', `Rule '${rule.id}' failed: ${String((error as Error)?.message ?? error)}`));
        }
      }
    }
    const finish = () => buildReport(dialect.facts.id, issues, payload, config.maxIssues);
    return async ? Promise.all(pending).then(finish) : finish();
  } catch (error) {
    const report = buildReport(dialect.facts.id, [internalIssue('engine', '', `Validation failed unexpectedly: ${String((error as Error)?.message ?? error)}`)], undefined, 1);
    return async ? Promise.resolve(report) : report;
  }
}
