// The probe's reports on a made-up run: the stylish layout, and answers from a hostile endpoint
// (escape sequences, bidirectional controls, characters XML forbids, markup) shown harmlessly in
// every format: nothing a terminal acts on, well-formed XML, valid JSON and SARIF.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatRun, formatSuite } from '../../src/probe/formats.js';
import { buildSuite } from '../../src/probe/suite.js';
import type { CaseResult, ProbeRun } from '../../src/probe/types.js';
import { parseJunit } from './xml.js';

const suite = buildSuite({ options: { dialect: 'qod-1.2' }, tokenKind: 'two-legged', includeValid: true });
const [valid, first, second, third] = suite.cases as [typeof suite.cases[0], typeof suite.cases[0], typeof suite.cases[0], typeof suite.cases[0]];
const hostile = 'evil \u001b[31mred\u001b[0m \u202eesrever\u202c \u0000 </failure>]]> "\'';

const results: CaseResult[] = [
  { case: valid, outcome: 'passed', correlator: 'c-0', response: { status: 201, contentType: 'application/json', body: '{"sessionId":"s-1"}' }, failures: [], durationMs: 12 },
  { case: first, outcome: 'passed', correlator: 'c-1', response: { status: 400, contentType: 'application/json', body: '{}', code: 'INVALID_ARGUMENT', message: 'm' }, failures: [], durationMs: 3 },
  {
    case: second,
    outcome: 'failed',
    correlator: 'c-2',
    response: { status: 500, contentType: 'text/html', body: hostile, code: hostile, message: hostile },
    failures: ['The status is 500; expected 400.', `The code is ${hostile}; expected INVALID_ARGUMENT.`],
    durationMs: 7,
  },
  { case: third, outcome: 'failed', correlator: 'c-3', error: 'the connection was reset before an answer (ECONNRESET)', failures: ['No answer: the connection was reset before an answer (ECONNRESET).'], durationMs: 1 },
  ...suite.cases.slice(4).map((c): CaseResult => ({ case: c, outcome: 'not-run', failures: ['Not sent: the run stopped (interrupted).'] })),
];
const run: ProbeRun = { target: 'http://127.0.0.1:9/qod/sessions', suite, results, sessions: [{ sessionId: 's-1', caseId: 'valid', deleted: true, deleteStatus: 204 }], stopped: 'interrupted' };
const context = { color: false, version: '9.9.9' };

/** What a terminal or log viewer acts on: C0/C1 controls (but line feeds), bidirectional controls. */
const ACTED_ON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading reports back

describe('probe reports', () => {
  it('stylish: one line per passed case, the details of each failure, then the totals', () => {
    const text = formatRun(run, 'stylish', context);
    expect(text).not.toMatch(ACTED_ON);
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['qod-policy probe: POST http://127.0.0.1:9/qod/sessions', 'qod-1.2 (API 1.2.0-rc.3, CAMARA r4.1), two-legged token', '']);
    expect(lines[3]).toMatch(/^ {2}\u2713 valid +201 \(no code\)$/);
    expect(text).toContain(`\u2717 ${second.id}`);
    expect(text).toContain('- The status is 500; expected 400.');
    expect(text).toContain('message: evil \\u001b[31mred\\u001b[0m \\u202eesrever\\u202c \\u0000 </failure>]]> "\'');
    expect(text).toContain('got no answer: the connection was reset before an answer (ECONNRESET)');
    expect(text).toContain(`- ${suite.cases[4]!.id}`);
    expect(text.endsWith(`Sessions: 1 created, 1 deleted.\nThe run stopped early: interrupted.\n\u2716 2 of ${suite.cases.length} cases failed (2 passed, ${suite.cases.length - 4} not run)\n`)).toBe(true);
  });

  it('stylish in colour: the marks and the summary are styled, nothing else changes', () => {
    const coloured = formatRun(run, 'stylish', { ...context, color: true });
    expect(coloured).toContain('\u001b[32m\u2713\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatRun(run, 'stylish', context));
  });

  it('junit: well-formed, one test case per case, failures, errors and skipped counted, the answer escaped', () => {
    const xml = formatRun(run, 'junit', context);
    const junit = parseJunit(xml);
    expect({ tests: junit.tests, failures: junit.failures, errors: junit.errors, skipped: junit.skipped }).toEqual({ tests: suite.cases.length, failures: 1, errors: 1, skipped: suite.cases.length - 4 });
    expect(junit.cases.map((c) => c.outcome).slice(0, 4)).toEqual(['passed', 'passed', 'failure', 'error']);
    expect(junit.cases[2]!.classname).toBe(`qod-1.2.${second.ruleId}`);
    // Characters XML cannot hold are visible escapes; the bidirectional controls are character
    // references in the file (which the parser turns back), never raw.
    expect(junit.cases[2]!.text).toContain('message: evil \\u001b[31mred\\u001b[0m \u202eesrever\u202c \\u0000 </failure>]]>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
  });

  it('junit: a session that was not deleted is a failed test case of its own', () => {
    const left: ProbeRun = { ...run, sessions: [{ sessionId: 's-9', caseId: 'valid', deleted: false, deleteStatus: 500 }] };
    const junit = parseJunit(formatRun(left, 'junit', context));
    expect(junit.cases.at(-1)).toMatchObject({ classname: 'qod-1.2.cleanup', name: 'delete session s-9', outcome: 'failure', message: 'The session s-9 (created by valid) was not deleted.' });
    expect(junit.failures).toBe(2);
  });

  it('json: every case with its outcome, the sessions, the summary; nothing a viewer acts on', () => {
    const text = formatRun(run, 'json', context);
    expect(text).not.toMatch(ACTED_ON);
    const json = JSON.parse(text) as Json;
    expect(json).toMatchObject({ tool: { name: 'qod-policy', version: '9.9.9' }, target: run.target, dialect: 'qod-1.2', release: 'r4.1', tokenKind: 'two-legged', passed: false, stopped: 'interrupted' });
    expect(json.summary).toEqual({ total: suite.cases.length, passed: 2, failed: 2, notRun: suite.cases.length - 4, sessionsCreated: 1, sessionsNotDeleted: 0 });
    expect(json.cases[2].response.message).toBe(hostile);
    expect(json.cases[0]).toMatchObject({ id: 'valid', valid: true, expected: { status: 201 }, outcome: 'passed' });
    expect(json.cases[1].expected.accepted).toEqual(first.accepted);
  });

  it('sarif: valid against the official schema, a result per case not passed', () => {
    const text = formatRun(run, 'sarif', context);
    expect(text).not.toMatch(ACTED_ON);
    const log = JSON.parse(text) as Json;
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as Json[];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([[second.id, 'error'], [third.id, 'error'], ...suite.cases.slice(4).map((c) => [c.id, 'warning'])]);
    expect(log.runs[0].tool.driver.rules[results[0].ruleIndex].id).toBe(second.id);
  });

  it('--list: the cases with their expected answers, then what is not probed and why', () => {
    const text = formatSuite(suite, 'stylish', context);
    expect(text).toMatch(/^ {2}port-ranges\/aboveMaximum +400 OUT_OF_RANGE or INVALID_ARGUMENT +A device port is 65536\.$/m);
    expect(text).toMatch(/^ {2}device-identifiers\/identifierNotFound +depends on the endpoint's device registry/m);
    const json = JSON.parse(formatSuite(suite, 'json', context)) as Json;
    expect(json.cases).toHaveLength(suite.cases.length);
    expect(json.omitted).toEqual(suite.omitted);
    expect(json.base).toEqual(suite.base);
  });
});

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`), 'utf8')) as Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile({ ...sarifSchema, $schema: 'http://json-schema.org/draft-07/schema#' });

function sarifErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
