// Structured mutations of the valid fixtures of each dialect (./mutations.ts): one to three changes,
// in different areas of the body, each labelled with the finding it must cause. The report holds
// every labelled finding, at its path and with its severity; no error appears outside the areas that
// were changed; and the body's JSON text through validateJson gives the same report, located.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createValidator, type DialectId, type Issue, type Report } from '../../src/index.js';
import { validBody, type FuzzedDialect } from './bodies.js';
import { TIMEOUT, check } from './harness.js';
import { checkPaths, checkPrototypes, checkReport, checkSame } from './invariants.js';
import { CATALOGUE, inAreas, mutations, type Expected, type Mutation } from './mutations.js';
import { checkPositions } from './text.js';

/** A fixed clock, so that expiry findings are the same on every run. */
const now = new Date('2026-01-01T00:00:00Z');

function validatorFor(dialect: FuzzedDialect, strict: boolean) {
  return createValidator({
    dialect,
    policy: { qosProfiles: CATALOGUE },
    context: { now },
    ...(strict && { rules: { 'known-properties': 'error' } }),
  });
}

function matches(issue: Issue, e: Expected): boolean {
  return issue.ruleId === e.ruleId && issue.messageId === e.messageId && issue.path === e.path && (e.property === undefined || issue.data?.property === e.property);
}

function unlocated(report: Report): Report {
  // Positions and fixes are the text's: validate has none.
  const strip = ({ line: _l, column: _c, endLine: _el, endColumn: _ec, fix: _f, ...issue }: Issue): Issue => issue;
  return { ...report, issues: report.issues.map(strip) };
}

/**
 * `before` is the unchanged body's report: a fixture valid only under the default configuration (an
 * undeclared member in qod-sdk, once known-properties is on) keeps its own findings.
 */
function checkMutations(report: Report, before: Report, expected: readonly Expected[], changes: readonly Mutation[]): void {
  const labels = changes.map((m) => m.label).join(', ');
  for (const e of expected) {
    const found = report.issues.find((issue) => matches(issue, e));
    if (e.absent) {
      if (found) throw new Error(`[${labels}] no ${e.ruleId}/${e.messageId} at ${e.path}: ${JSON.stringify(found)}`);
    } else if (found?.severity !== e.severity) {
      throw new Error(`[${labels}] ${e.severity} ${e.ruleId}/${e.messageId} at '${e.path}'; the report has ${JSON.stringify(report.issues.map((i) => `${i.severity} ${i.ruleId}/${i.messageId} at '${i.path}'`))}`);
    }
  }
  if (expected.some((e) => !e.absent && e.severity === 'error') && report.valid) throw new Error(`[${labels}] an error makes the body invalid`);
  const areas = changes.map((m) => m.area);
  const known = new Set(before.issues.map((issue) => `${issue.ruleId} ${issue.path}`));
  const stray = report.issues.find((issue) => issue.severity === 'error' && !inAreas(issue, areas) && !known.has(`${issue.ruleId} ${issue.path}`));
  if (stray) throw new Error(`[${labels}] no error outside the changed areas ${JSON.stringify(areas)}: ${JSON.stringify(stray)}`);
}

/**
 * The cases of one dialect: a valid body, whether known-properties is turned on explicitly, the
 * changes. With it on, in qod-1.2 it is on anyway; elsewhere it is off by default, and an undeclared
 * member must then cause nothing.
 */
function cases(dialect: FuzzedDialect) {
  // The parameters do not depend on the configuration, only what they must cause.
  const { arbitrary } = mutations(dialect, true);
  return fc.record({ dialect: fc.constant(dialect), base: validBody(dialect), strict: fc.boolean(), changes: fc.uniqueArray(arbitrary, { selector: (m) => m.area, minLength: 1, maxLength: 3 }) });
}

/** The property over one or more dialects (cases shared out evenly among them). */
function mutationProperty(...dialects: FuzzedDialect[]) {
  const setups = new Map(
    dialects.map((d) => [d, { validators: [validatorFor(d, false), validatorFor(d, true)], applies: [mutations(d, d === 'qod-1.2').apply, mutations(d, true).apply] }]),
  );
  return fc.property(fc.oneof(...dialects.map(cases)), ({ dialect, base, strict, changes }) => {
    const { validators, applies } = setups.get(dialect)!;
    const validator = validators[Number(strict)]!;
    // The generated body stays as it was, for fast-check to replay and print.
    const body = structuredClone(base);
    const before = validator.validate(base);
    const expected = changes.flatMap((m) => applies[Number(strict)]!(body, m));
    const report = validator.validate(body);
    checkReport(report);
    checkPaths(body, report);
    checkMutations(report, before, expected, changes);
    const text = JSON.stringify(body, null, 2);
    const fromText = validator.validateJson(text);
    checkPositions(text, fromText, true);
    checkSame(unlocated(fromText), report);
    checkPrototypes();
  });
}

describe('structured mutations of valid bodies', () => {
  it(
    'qod-1.2: every labelled finding at its path, no error elsewhere, the same report from the text',
    () => {
      check('mutations: qod-1.2', mutationProperty('qod-1.2'));
    },
    TIMEOUT,
  );

  it(
    'qod-sdk (known-properties off by default, and on): the same',
    () => {
      check('mutations: qod-sdk', mutationProperty('qod-sdk'));
    },
    TIMEOUT,
  );

  it(
    'qod-1.1, qod-1.0 and qod-0.11 (known-properties off by default, and on): the same, a third of the cases each',
    () => {
      check('mutations: qod-1.1, qod-1.0, qod-0.11', mutationProperty('qod-1.1', 'qod-1.0', 'qod-0.11'));
    },
    TIMEOUT,
  );
});
