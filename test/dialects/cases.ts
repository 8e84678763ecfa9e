// Table-driven tests of one dialect: each case is a body (with options) and the exact list of
// issues the dialect must report for it, schema and rules alike, each with its CAMARA answer:
// '<severity:>ruleId/messageId@path status code' (the severity only when not 'error').
import { describe, expect, it } from 'vitest';
import { validate, type DialectId, type Issue, type ValidateOptions } from '../../src/index.js';

export interface DialectCase {
  name: string;
  body: unknown;
  options?: Omit<ValidateOptions, 'dialect'>;
  issues: string[];
}

function shown(issue: Issue): string {
  return `${issue.severity === 'error' ? '' : `${issue.severity}:`}${issue.ruleId}/${issue.messageId}@${issue.path} ${issue.status} ${issue.code}`;
}

export function dialectCases(dialect: DialectId, title: string, cases: readonly DialectCase[]): void {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
    names.add(c.name);
  }
  describe(`${dialect}: ${title}`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const report = validate(c.body, { ...c.options, dialect });
      expect(report.dialect).toBe(dialect);
      expect(report.issues.map(shown)).toEqual(c.issues);
      for (const issue of report.issues) expect(issue.message).not.toMatch(/\{\{/);
    });
  });
}
