// A table-driven tester for one rule, in the spirit of ESLint's RuleTester: each case is a body
// (plus options) and the exact list of this rule's findings expected for it. It runs the public
// `validate`, so rules are tested the way users call them, and it checks at the end that every
// message the rule declares is exercised by at least one invalid case, and in every case that each
// finding answers with a status and code of its dialect's CAMARA release.

import { describe, expect, it } from 'vitest';
import { rules, validate, validateAsync, type Issue, type Report, type ValidateOptions } from '../../src/index.js';
import { answersInReleaseWords } from './camara-codes.js';

export interface ValidCase {
  name: string;
  body: unknown;
  options?: ValidateOptions;
  /** Run through validateAsync (a rule that waits, e.g. for a device registry) instead of validate. */
  async?: boolean;
}

export interface ExpectedIssue {
  messageId: string;
  path: string;
  severity?: Issue['severity'];
  status?: number;
  code?: string;
  /** Expected subset of issue.data. */
  data?: Record<string, string | number | boolean>;
  /** Expected substring of issue.message. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedIssue[];
}

/**
 * A case's options: its body names its dialect by its keys (snake_case for the SDK model), so cases
 * run with dialect 'auto' unless they say otherwise (the library's own default is qod-1.2).
 */
function optionsOf(c: ValidCase): ValidateOptions {
  return { dialect: 'auto', ...c.options };
}

/** The case's report, from validate or (async cases) validateAsync. */
async function reportOf(c: ValidCase): Promise<Report> {
  return c.async === true ? validateAsync(c.body, optionsOf(c)) : validate(c.body, optionsOf(c));
}

/**
 * Every built-in finding of a case answers in its dialect's words: a status and code its CAMARA
 * release defines for createSession (test/dialect-codes.test.ts; plugin rules say their own).
 */
function expectReleaseWords(report: Report, c: ValidCase): void {
  const codes = c.options?.codes ?? 'specification';
  const foreign = report.issues.filter((i) => !i.ruleId.includes('/') && !answersInReleaseWords(i, report.dialect, codes));
  expect(foreign.map((i) => `${i.ruleId}#${i.messageId}: ${i.status} ${i.code}`), `answers ${report.dialect}'s release does not define`).toEqual([]);
}

export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rule = rules[ruleId] ?? cases.invalid[0]?.options?.plugins?.flatMap((p) => Object.entries(p.rules)).find(([id]) => ruleId.endsWith(`/${id}`))?.[1];
  const names = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    if (names.has(c.name)) throw new Error(`duplicate test case name: ${c.name}`);
    names.add(c.name);
  }

  describe(ruleId, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, async () => {
          const report = await reportOf(c);
          expect(report.issues.filter((i) => i.ruleId === ruleId)).toEqual([]);
          expectReleaseWords(report, c);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, async () => {
          const report = await reportOf(c);
          expectReleaseWords(report, c);
          const actual = report.issues.filter((i) => i.ruleId === ruleId);
          expect(actual.map((i) => `${i.messageId}@${i.path}`)).toEqual(c.errors.map((e) => `${e.messageId}@${e.path}`));
          c.errors.forEach((expected, n) => {
            const issue = actual[n]!;
            if (expected.severity !== undefined) expect(issue.severity).toBe(expected.severity);
            if (expected.status !== undefined) expect(issue.status).toBe(expected.status);
            if (expected.code !== undefined) expect(issue.code).toBe(expected.code);
            if (expected.data !== undefined) expect(issue.data).toMatchObject(expected.data);
            if (expected.message !== undefined) expect(issue.message).toContain(expected.message);
            expect(issue.message).not.toMatch(/\{\{/);
          });
        });
      }
    });

    it('has an invalid case for every message it declares', () => {
      expect(rule, `rule ${ruleId} is not registered`).toBeDefined();
      const covered = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(rule!.meta.messages).filter((id) => !covered.has(id))).toEqual([]);
    });
  });
}
