// A table-driven tester for one dialect: what its compiled schema alone accepts and rejects (the
// API definition, and with the opt-in keywords), and what the whole validation reports under it.
// Findings are written `ruleId:messageId@path status code`, prefixed with the severity when it is
// not an error, so a table reads as the report does; every finding of the report is listed.

import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { validate, validateAsync, type DialectId, type ValidateOptions } from '../../src/index.js';

export interface SchemaCase {
  name: string;
  body: unknown;
  /** Whether the API definition's schema accepts the body. */
  spec: boolean;
  /** Whether the schema with its x-beyond-spec keywords (known-properties turned on) accepts it; default: as `spec`. */
  strict?: boolean;
}

export interface ReportCase {
  name: string;
  body: unknown;
  options?: Omit<ValidateOptions, 'dialect'>;
  /** Run through validateAsync (a resolver that returns promises). */
  async?: boolean;
  /** Every finding, in report order: '[severity:]ruleId:messageId@path status code'. */
  issues: string[];
}

function line(issue: { severity: string; ruleId: string; messageId: string; path: string; status: number; code: string }): string {
  return `${issue.severity === 'error' ? '' : `${issue.severity}:`}${issue.ruleId}:${issue.messageId}@${issue.path} ${issue.status} ${issue.code}`;
}

export function dialectTester(dialect: DialectId, cases: { schema: SchemaCase[]; reports: ReportCase[] }): void {
  for (const group of [cases.schema, cases.reports]) {
    const names = new Set<string>();
    for (const c of group) {
      if (names.has(c.name)) throw new Error(`duplicate test case name: ${c.name}`);
      names.add(c.name);
    }
  }
  const compiled = dialects[dialect].schema;

  describe(dialect, () => {
    describe('schema (the API definition)', () => {
      for (const c of cases.schema) {
        it(c.name, () => {
          expect(compiled.validate(c.body), 'the specification').toBe(c.spec);
          expect(compiled.validateStrict!(c.body), 'with the opt-in keywords').toBe(c.strict ?? c.spec);
        });
      }
    });

    describe('report', () => {
      for (const c of cases.reports) {
        it(c.name, async () => {
          const options = { ...c.options, dialect };
          const report = c.async ? await validateAsync(c.body, options) : validate(c.body, options);
          expect(report.dialect).toBe(dialect);
          expect(report.issues.map(line)).toEqual(c.issues);
        });
      }
    });
  });
}
