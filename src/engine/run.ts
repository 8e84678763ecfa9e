// Runs one body through the pipeline: dialect → schema → model → rules, and collects its issues.
// Never throws: whatever the payload, a failure becomes an issue. Findings are collected as
// entries (./entries.ts); the report itself (counting, choosing what is listed, building the
// issues, sorting, positions) is made in one place, ./report.ts.
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
import { specificationErrors } from '../schema/compiled-schema.js';
import { schemaFindings, type SchemaFinding } from '../schema/schema-findings.js';
import type { Finding, RuleContext, RuleMessage } from '../rules/api.js';
import type { CamaraError, DialectId, Issue, RequestContext, Severity } from '../types.js';
import { entryOf, type Entry } from './entries.js';
import { describeThrown } from '../shared/errors.js';
import type { ActiveRule, ResolvedConfig } from './config.js';
import { exceededLimit, isPlainData, limitIssue } from './limits.js';
import { lowerSeverity } from '../shared/severity.js';
import { acceptsClean, schemaAccepts } from './accept.js';

/** A body's findings before the report is made: unsorted, untruncated, issues not yet built. */
export interface Collected {
  readonly dialect: DialectId;
  readonly entries: Entry[];
  /** Schema failures beyond the ones examined (see SCHEMA_FAILURES_PER_ISSUE); 0 for most bodies. */
  readonly unexamined?: number;
}

/**
 * The schema stage examines at most this many failures per listed issue (maxIssues): a body with
 * tens of thousands of failing values pays for the failures a report can list, not for every one.
 * The rest are counted in the report's truncation notice.
 */
const SCHEMA_FAILURES_PER_ISSUE = 4;

/** Splits a message template into literal text (even indexes) and placeholder names (odd). */
function splitTemplate(text: string): readonly string[] {
  return text.split(/\{\{\s*([\w.]+)\s*\}\}/);
}

/** Fills the placeholders of a split template from data; unknown placeholders stay as written. */
function interpolate(parts: readonly string[], data: Finding['data']): string {
  if (data === undefined || parts.length === 1) return parts[0]!;
  // A plain object's inherited properties are Object.prototype's, none of them a string, number or
  // boolean: such a value is the data's own without asking (an own-property call per placeholder
  // was a fifth of the cost). Data with another prototype is asked.
  const plain = Object.getPrototypeOf(data) === Object.prototype;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const value = data[key];
    const own = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? plain || Object.prototype.hasOwnProperty.call(data, key) : false;
    out += (own ? String(value) : `{{ ${key} }}`) + parts[i + 1]!;
  }
  return out;
}

/** A declared message as an object, its template split once. */
type DeclaredMessage = Exclude<RuleMessage, string> & { readonly parts: readonly string[] };

/** A rule's finding as an entry: severity and status now, the message only when it is listed. */
class RuleEntry implements Entry {
  readonly ruleId: string;
  readonly path: string;
  severity: Severity;
  readonly status: number;
  readonly secondary: boolean;
  /** The conformance profile's answer (codes: 'test-definitions'), else the dialect's (finding.error). */
  private readonly answer: CamaraError | undefined;
  constructor(
    private readonly active: ActiveRule,
    private readonly finding: Finding,
    private readonly message: DeclaredMessage,
  ) {
    this.ruleId = active.id;
    this.path = finding.path;
    this.secondary = message.level === 'secondary';
    this.severity = this.secondary ? lowerSeverity(active.level) : active.level;
    this.answer = active.answers?.[finding.messageId] ?? finding.error;
    this.status = this.answer?.status ?? message.status ?? active.rule.meta.status;
  }
  get fix(): Finding['fix'] {
    return this.finding.fix;
  }
  build(): Issue {
    const { finding, message } = this;
    const issue: Issue = {
      ruleId: this.ruleId,
      messageId: finding.messageId,
      severity: this.severity,
      path: this.path,
      message: interpolate(message.parts, finding.data),
      status: this.status,
      code: this.answer?.code ?? message.code ?? this.active.rule.meta.code,
    };
    if (finding.data !== undefined) issue.data = finding.data;
    return issue;
  }
}

const declaredMessages = new WeakMap<object, ReadonlyMap<string, DeclaredMessage>>();

/** A rule's declared messages by id, each as an object: made once per rule. */
function messagesOf(active: ActiveRule): ReadonlyMap<string, DeclaredMessage> {
  const declared = active.rule.meta.messages;
  let byId = declaredMessages.get(declared);
  if (byId === undefined) {
    byId = new Map(Object.entries(declared).map(([id, message]) => [id, typeof message === 'string' ? { text: message, parts: splitTemplate(message) } : { ...message, parts: splitTemplate(message.text) }]));
    declaredMessages.set(declared, byId);
  }
  return byId;
}

function ruleEntry(active: ActiveRule, finding: Finding): Entry {
  const message = messagesOf(active).get(finding.messageId);
  if (message === undefined) {
    return entryOf(internalIssue(active.id, finding.path, `Rule '${active.id}' reported the undeclared message id '${finding.messageId}'.`));
  }
  return new RuleEntry(active, finding, message);
}

function internalIssue(ruleId: string, path: string, message: string): Issue {
  return { ruleId, messageId: 'internalError', severity: 'error', path, message, status: 500, code: 'INTERNAL' };
}

/** The schema's own finding: always an error, 400 INVALID_ARGUMENT. */
class SchemaEntry implements Entry {
  readonly ruleId = 'schema';
  readonly path: string;
  severity: Severity = 'error';
  readonly status = 400;
  readonly secondary = false;
  constructor(private readonly finding: SchemaFinding) {
    this.path = finding.path;
  }
  build(): Issue {
    const { message, data } = this.finding.describe();
    return { ruleId: 'schema', messageId: this.finding.messageId, severity: 'error', path: this.path, message, data, status: 400, code: 'INVALID_ARGUMENT' };
  }
}

/**
 * A schema finding handed to its owning rule as one of the rule's messages ('rule#messageId'): its
 * data is the schema's (the rule's message template reads it), made when the issue is built.
 */
class HandedFinding implements Finding {
  private described: Finding['data'];
  constructor(
    readonly messageId: string,
    private readonly schema: SchemaFinding,
  ) {}
  get path(): string {
    return this.schema.path;
  }
  get data(): Finding['data'] {
    return (this.described ??= this.schema.describe().data);
  }
}

function handedEntry(owner: ActiveRule, finding: SchemaFinding, messageId: string): Entry {
  return ruleEntry(owner, new HandedFinding(messageId, finding));
}

function missingBody(dialect: Dialect): Collected {
  return {
    dialect: dialect.facts.id,
    entries: [
      entryOf({
        ruleId: 'schema',
        messageId: 'required',
        severity: 'error',
        path: '',
        message: 'The request body is missing: a JSON object is required.',
        status: 400,
        code: 'INVALID_ARGUMENT',
      }),
    ],
  };
}

/** The examined failures of one schema pass; `unexamined` counts the ones beyond the bound. */
interface SchemaPass {
  readonly findings: readonly SchemaFinding[];
  readonly unexamined: number;
}

const PASSED: SchemaPass = { findings: [], unexamined: 0 };

/**
 * One schema pass. Without `strict`, the errors of keywords stricter than the API definition are
 * dropped first (no enabled rule owns them), so they neither count against the bound nor show.
 */
function findingsOf(config: ResolvedConfig, body: unknown, dialect: Dialect, bound: number, strict: boolean): SchemaPass {
  // A body the accept pass's walk finds within the schema, every keyword evaluated: ajv would pass
  // it too, and is not run (nor does it make error objects for the alternatives it tries).
  if (schemaAccepts(config, dialect, body)) return PASSED;
  const { validate } = dialect.schema;
  if (validate(body)) return PASSED;
  const errors = strict ? (validate.errors ?? []) : specificationErrors(dialect.schema, validate.errors ?? []);
  if (errors.length === 0) return PASSED;
  return {
    findings: schemaFindings(errors.length > bound ? errors.slice(0, bound) : errors, body, dialect.schema),
    unexamined: Math.max(0, errors.length - bound),
  };
}

/**
 * A schema finding owned by an enabled rule that re-checks the constraint itself: the rule must
 * report an error there, or the schema's finding stands.
 */
interface Obligation {
  readonly owner: ActiveRule;
  readonly finding: SchemaFinding;
}

const NOTHING_FOUND: { obligations: Obligation[]; unexamined: number } = { obligations: [], unexamined: 0 };

const activeByIdCache = new WeakMap<readonly ActiveRule[], ReadonlyMap<string, ActiveRule>>();

/** A configuration's enabled rules by id (made once per configuration and dialect). */
function activeById(active: readonly ActiveRule[]): ReadonlyMap<string, ActiveRule> {
  let byId = activeByIdCache.get(active);
  if (byId === undefined) activeByIdCache.set(active, (byId = new Map(active.map((rule) => [rule.id, rule]))));
  return byId;
}

/**
 * The schema's findings as entries, and the obligations of the rules that re-check what they own.
 * Beyond-spec findings come from the strict validator and only through an enabled owner, at its
 * own severity.
 */
function schemaEntries(config: ResolvedConfig, dialect: Dialect, body: unknown, active: readonly ActiveRule[], strict: boolean, entries: Entry[], bound: number): { obligations: Obligation[]; unexamined: number } {
  const pass = findingsOf(config, body, dialect, bound, strict);
  // A body the schema accepts: the common case, no allocation.
  if (pass === PASSED) return NOTHING_FOUND;
  const obligations: Obligation[] = [];
  const byId = activeById(active);
  for (const finding of pass.findings) {
    const owner = finding.owner && byId.get(finding.owner.ruleId);
    if (finding.beyondSpec) {
      // Stricter than the API: only through an enabled owner, at the owner's own severity.
      if (owner !== undefined && finding.owner!.messageId !== undefined) entries.push(handedEntry(owner, finding, finding.owner!.messageId));
    } else if (owner === undefined) entries.push(new SchemaEntry(finding));
    else if (finding.owner!.messageId === undefined) obligations.push({ owner, finding });
    else {
      const entry = handedEntry(owner, finding, finding.owner!.messageId);
      entry.severity = 'error'; // the specification's own constraint: never below error
      entries.push(entry);
    }
  }
  return { obligations, unexamined: pass.unexamined };
}

/** The parent of a pointer ('/a/b' → '/a', '/a' → ''); undefined for the root. */
function parentOf(path: string): string | undefined {
  return path === '' ? undefined : path.slice(0, path.lastIndexOf('/'));
}

/** Keywords about a container (a list, an object) whose owner may answer at its items. */
const CONTAINER_KEYWORDS: ReadonlySet<string> = new Set(['uniqueItems', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'required']);

/** One owner's primary findings, in the order it made them. */
interface OwnedFindings {
  readonly list: Entry[];
  /** The fast path's place in `list`. */
  next: number;
  /** The same findings by the path they name: made when the fast path does not find a match. */
  byPath?: Map<string, Entry[]>;
}

/**
 * Keeps the floor for keywords their rules re-check. The owner's primary findings at the failing
 * value, below it (the items of a list the schema judged as a whole) or at one of its ancestors (a
 * range's order, a list's "and N more") become errors. When the owner said nothing there (it
 * disagrees with the schema) and no other error names that value (the schema's own type error, a
 * sibling rule's finding), the schema's own finding is added.
 *
 * The schema and the rules both walk the body in document order, so when the owner reports errors
 * already (nothing to raise) an obligation is most often met by the owner's next finding: one
 * string comparison. Only the rest look paths up, and only the rare remaining ones walk them.
 */
function enforceFloor(obligations: readonly Obligation[], entries: Entry[]): void {
  const owned = new Map<string, OwnedFindings>();
  for (const { owner } of obligations) if (!owned.has(owner.id)) owned.set(owner.id, { list: [], next: 0 });
  // Findings of one rule come in a row: the last rule's list is kept at hand.
  let lastRule: string | undefined;
  let lastList: Entry[] | undefined;
  for (const entry of entries) {
    if (entry.secondary) continue;
    if (entry.ruleId !== lastRule) {
      lastRule = entry.ruleId;
      lastList = owned.get(lastRule)?.list;
    }
    lastList?.push(entry);
  }
  let uncovered: SchemaFinding[] | undefined;
  for (const { owner, finding } of obligations) {
    const findings = owned.get(owner.id)!;
    if (owner.level === 'error' && findings.list[findings.next]?.path === finding.path) {
      findings.next++;
      continue;
    }
    if (!covers((findings.byPath ??= byPath(findings.list)), finding)) (uncovered ??= []).push(finding);
  }
  if (uncovered === undefined) return;
  const errorPaths = new Set<string>();
  for (const entry of entries) if (entry.severity === 'error') errorPaths.add(entry.path);
  for (const finding of uncovered) {
    if (errorPaths.has(finding.path)) continue;
    entries.push(new SchemaEntry(finding));
    errorPaths.add(finding.path);
  }
}

function byPath(list: readonly Entry[]): Map<string, Entry[]> {
  const map = new Map<string, Entry[]>();
  for (const entry of list) {
    const same = map.get(entry.path);
    if (same === undefined) map.set(entry.path, [entry]);
    else same.push(entry);
  }
  return map;
}

/** Whether the owner answered the finding (at its value, an ancestor or, for a container, an item); raises those answers to 'error'. */
function covers(byPath: ReadonlyMap<string, readonly Entry[]>, finding: SchemaFinding): boolean {
  let covered = raise(byPath.get(finding.path));
  if (!covered) {
    for (let path = parentOf(finding.path); path !== undefined; path = parentOf(path)) covered = raise(byPath.get(path)) || covered;
  }
  if (!covered && CONTAINER_KEYWORDS.has(finding.messageId)) {
    const prefix = `${finding.path}/`;
    for (const [path, list] of byPath) if (path.startsWith(prefix)) covered = raise(list) || covered;
  }
  return covered;
}

/** Raises a list of findings to 'error'; whether there was any. */
function raise(list: readonly Entry[] | undefined): boolean {
  if (list === undefined) return false;
  for (const entry of list) entry.severity = 'error';
  return true;
}

/** Nothing found: one per dialect (its list is never added to). */
const CLEAN = new Map<Dialect, Collected>();

function clean(dialect: Dialect): Collected {
  let collected = CLEAN.get(dialect);
  if (collected === undefined) CLEAN.set(dialect, (collected = { dialect: dialect.facts.id, entries: Object.freeze([]) as unknown as Entry[] }));
  return collected;
}

/**
 * Runs schema and rules over one payload; in async mode, awaits rules that return promises.
 * `request` is the request's context the rules see: the configured one, or a call's merged over it.
 * A body the accept pass finds clean (./accept.ts) is answered without the stages; `accept` false
 * runs them whatever the body (for the tests that compare the two).
 */
export function collect(config: ResolvedConfig, payload: unknown, async: false, request?: RequestContext, accept?: boolean): Collected;
export function collect(config: ResolvedConfig, payload: unknown, async: true, request?: RequestContext, accept?: boolean): Promise<Collected>;
export function collect(config: ResolvedConfig, payload: unknown, async: boolean, request: RequestContext = config.request, accept = true): Collected | Promise<Collected> {
  let dialect: Dialect = config.dialect ?? defaultDialect;
  try {
    if (payload === undefined) return answer(async, missingBody(dialect));
    // The common case: a body that needs no report (its pass checks the limits too).
    if (accept && config.dialect !== undefined && acceptsClean(config, dialect, payload, request)) return answer(async, clean(dialect));
    // Absurd input stops here, before any stage whose cost grows with the input's sizes.
    const exceeded = exceededLimit(payload, config.limits);
    if (exceeded !== undefined) return answer(async, { dialect: dialect.facts.id, entries: [entryOf(limitIssue(exceeded, config.limits))] });
    // `auto`: the dialect, and a note when the body's keys fit more than one (src/dialects/index.ts).
    let note: Issue | undefined;
    try {
      if (config.dialect !== undefined) dialect = config.dialect;
      else ({ dialect, note } = detectDialect(payload));
    } catch {
      // A body that throws when its keys are read again: judged as the default dialect.
    }
    if (accept && config.dialect === undefined && note === undefined && acceptsClean(config, dialect, payload, request)) return answer(async, clean(dialect));
    const active = config.activeRules[dialect.facts.id];
    const entries: Entry[] = note === undefined ? [] : [entryOf(note)];
    // Each stage fails alone: an exception in one adds an internal issue and keeps the others' findings.
    let obligations: Obligation[] = [];
    let unexamined = 0;
    try {
      ({ obligations, unexamined } = schemaEntries(config, dialect, payload, active, config.strict[dialect.facts.id], entries, config.maxIssues * SCHEMA_FAILURES_PER_ISSUE));
    } catch (error) {
      entries.push(stageFailure(payload, config, 'schema', `The schema check failed: ${describeThrown(error)}`));
    }
    let model: ReturnType<typeof buildModel>;
    try {
      // More schema failures than a report can list (the schema stage stopped examining them):
      // enough is known, and the rules, whose findings would not be listed, are not run; the
      // schema's own findings stand for the keywords the rules own (the specification's floor).
      if (unexamined === 0) model = buildModel(payload, dialect.keys);
    } catch (error) {
      // A value that throws when read again (a getter the limits walk did not see): the rules,
      // which need the model, are not run; every other finding stays.
      entries.push(stageFailure(payload, config, 'engine', `The body could not be read again to run the rules: ${describeThrown(error)}`));
    }
    const pending: Promise<void>[] = [];
    // A rule that validate() did not wait for must not add to a report already returned.
    let closed = false;
    if (model !== undefined) {
      for (const rule of active) {
        // validate(): the rule's context is made once and lent to each run, with this run's
        // findings list and request context; validateAsync(): a context of its own per run, since
        // runs may overlap while rules wait.
        const slot = async ? undefined : (rule.syncContext ??= syncContext(rule, config, dialect));
        const ctx: RuleContext = slot?.ctx ?? {
          options: rule.options,
          policy: config.policy,
          request,
          dialect: dialect.facts,
          async,
          report: (finding) => {
            if (!closed) entries.push(ruleEntry(rule, finding));
          },
        };
        const saved = slot?.findings;
        const savedRequest = slot?.ctx.request;
        if (slot !== undefined) {
          slot.findings = entries;
          slot.ctx.request = request;
        }
        try {
          const result = rule.rule.check(model, ctx) as unknown;
          if (typeof (result as PromiseLike<void> | undefined)?.then === 'function') {
            const promise = Promise.resolve(result as PromiseLike<void>);
            if (async) {
              pending.push(promise.catch((error: unknown) => void entries.push(internal(rule.id, `Rule '${rule.id}' failed: ${describeThrown(error)}`))));
            } else {
              promise.catch(() => undefined);
              entries.push(
                entryOf({
                  ...internalIssue(rule.id, '', `Rule '${rule.id}' is asynchronous; use validateAsync() to run it (validate() did not wait for it).`),
                  messageId: 'needsAsync',
                  severity: 'warn',
                }),
              );
            }
          }
        } catch (error) {
          entries.push(internal(rule.id, `Rule '${rule.id}' failed: ${describeThrown(error)}`));
        } finally {
          // Back to what it was (nothing, or an outer run's list and request context when a rule
          // validates a body itself).
          if (slot !== undefined) {
            slot.findings = saved;
            slot.ctx.request = savedRequest!;
          }
        }
      }
    }
    const finish = (): Collected => {
      closed = true;
      if (obligations.length > 0) enforceFloor(obligations, entries);
      return { dialect: dialect.facts.id, entries, unexamined };
    };
    return async ? Promise.all(pending).then(finish) : finish();
  } catch (error) {
    return answer(async, { dialect: dialect.facts.id, entries: [stageFailure(payload, config, 'engine', `Validation failed unexpectedly: ${describeThrown(error)}`)] });
  }
}

/**
 * A stage that threw: the caller's fault when the payload is not plain data (a getter or a Proxy
 * that answered the limits walk one way and a stage another), a 400 like any unreadable body; else
 * ours, a 500.
 */
function stageFailure(payload: unknown, config: ResolvedConfig, ruleId: string, message: string): Entry {
  if (isPlainData(payload, config.limits)) return internal(ruleId, message);
  return entryOf(limitIssue({ limit: 'unreadable', path: '', reason: 'a getter or a Proxy answered differently when read again' }, config.limits));
}

/** A rule's context for synchronous runs: report() adds to the list the running check lent it. */
function syncContext(rule: ActiveRule, config: ResolvedConfig, dialect: Dialect): NonNullable<ActiveRule['syncContext']> {
  const slot: NonNullable<ActiveRule['syncContext']> = {
    findings: undefined,
    ctx: {
      options: rule.options,
      policy: config.policy,
      request: config.request,
      dialect: dialect.facts,
      async: false,
      report: (finding) => slot.findings?.push(ruleEntry(rule, finding)),
    },
  };
  return slot;
}

function answer(async: boolean, collected: Collected): Collected | Promise<Collected> {
  return async ? Promise.resolve(collected) : collected;
}

function internal(ruleId: string, message: string): Entry {
  return entryOf(internalIssue(ruleId, '', message));
}
