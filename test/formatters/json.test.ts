import { describe, expect, it } from 'vitest';
import json from '../../src/formatters/json.js';
import type { LintResult } from '../../src/formatters/types.js';
import { cases, context, issue, result, type CaseName } from './results.js';

describe('json', () => {
  it.each(Object.keys(cases) as CaseName[])('is JSON.stringify of the results (when no character needs more escaping): %s', (name) => {
    expect(json(cases[name], context)).toBe(JSON.stringify(cases[name]));
  });

  it('is one array with one element per body, in the shape DESIGN.md gives', () => {
    const parsed = JSON.parse(json(cases.multiBody, context)) as LintResult[];
    expect(parsed).toHaveLength(4);
    for (const element of parsed) {
      expect(Object.keys(element)).toEqual(['filePath', 'index', 'dialect', 'valid', 'errorCount', 'warningCount', 'issues']);
    }
    expect(parsed.map((r) => [r.filePath, r.index, r.valid, r.errorCount, r.warningCount])).toEqual([
      ['fixtures/bodies.ndjson', 0, false, 1, 0],
      ['fixtures/bodies.ndjson', 1, true, 0, 0],
      ['fixtures/bodies.ndjson', 2, false, 1, 1],
      ['fixtures/single.json', 0, false, 1, 0],
    ]);
    expect(parsed[2]!.issues[1]).toEqual({
      ruleId: 'duration-bounds',
      messageId: 'belowMinimum',
      severity: 'error',
      path: '/duration',
      message: 'duration 0 is below the minimum of 1 second.',
      data: { value: 0, min: 1 },
      status: 400,
      code: 'OUT_OF_RANGE',
      line: 3,
      column: 120,
      endLine: 3,
      endColumn: 121,
    });
  });

  it('writes DEL, C1 controls, line separators and bidirectional controls as \\u escapes, keeping the value', () => {
    const hostile = 'x\u007f\u0085\u009b[2J\u2028\u2029\u202e\u2066y';
    const results = [result(`${hostile}.json`, [issue({ ruleId: 'r', message: hostile, path: `/${hostile}` })])];
    const text = json(results, context);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202e\u2066]/);
    expect(text).toContain('x\\u007f\\u0085\\u009b[2J\\u2028\\u2029\\u202e\\u2066y');
    expect(JSON.parse(text)).toEqual(results);
  });

  it('is "[]" for no results, and round-trips any text (control characters, lone surrogates)', () => {
    expect(json([], context)).toBe('[]');
    const text = json(cases.special, context);
    expect(text).not.toMatch(/[\u0000-\u001f]/); // JSON escapes control characters
    expect(text).toContain('\\ud800'); // and lone surrogates (well-formed JSON.stringify)
    expect(JSON.parse(text)).toEqual(cases.special);
  });
});
