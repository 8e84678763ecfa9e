// The probe's reports: a list of cases, each passed, failed or not run, with what was expected and
// what came back; in the formats of `qod-policy lint` where they fit (stylish for people, json,
// junit for CI dashboards, sarif for code-scanning services) and with their conventions for text
// that came from elsewhere (an endpoint's answer is untrusted: printable on a terminal, XML
// escaping, \u escapes of what a viewer would act on). Pure functions: no I/O.

import { escapeAttribute, escapeText } from '../formatters/junit.js';
import { escapeJsonText, padEnd, plural, printable } from '../formatters/utils.js';
import { shorten } from '../shared/text.js';
import type { Answer, CaseResult, ProbeCase, ProbeRun, ProbeSuite } from './types.js';

/** The names --format accepts for a run. */
export const probeFormats = ['stylish', 'json', 'junit', 'sarif'] as const;
export type ProbeFormat = (typeof probeFormats)[number];

export interface ProbeFormatContext {
  readonly color: boolean;
  /** The package version (json, SARIF tool.driver.version). */
  readonly version: string;
}

const RED = ['\u001b[31m', '\u001b[39m'] as const;
const GREEN = ['\u001b[32m', '\u001b[39m'] as const;
const YELLOW = ['\u001b[33m', '\u001b[39m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const DIM = ['\u001b[2m', '\u001b[22m'] as const;

/** Untrusted text on one terminal line, at most `max` characters of it. */
function shown(text: string, max: number): string {
  return printable(shorten(text, max));
}

function styler(color: boolean): (text: string, style: readonly [string, string]) => string {
  return color ? (text, [open, close]) => (text === '' ? text : open + text + close) : (text) => text;
}

/** '400 OUT_OF_RANGE or INVALID_ARGUMENT', '201 Created'. */
function expectedText(probeCase: ProbeCase): string {
  if (probeCase.valid === true) return '201 Created';
  const byStatus = new Map<number, string[]>();
  for (const answer of probeCase.accepted) byStatus.set(answer.status, [...(byStatus.get(answer.status) ?? []), answer.code]);
  return [...byStatus].map(([status, codes]) => `${status} ${codes.join(' or ')}`).join(' or ');
}

/** What came back, in one line: '400 INVALID_ARGUMENT', '500 (no code)', 'no answer: ...'. */
function gotText(result: CaseResult): string {
  if (result.error !== undefined) return `no answer: ${result.error}`;
  if (result.response === undefined) return 'not sent';
  const { status, code } = result.response;
  return `${status} ${code === undefined ? '(no code)' : shown(code, 96)}`;
}

function describeSuite(suite: ProbeSuite): string {
  const token = suite.tokenKind === undefined ? 'token kind not given' : `${suite.tokenKind} token`;
  return `${suite.dialect} (API ${suite.apiVersion}, CAMARA ${suite.release}), ${token}`;
}

function counts(run: ProbeRun): { total: number; passed: number; failed: number; notRun: number; created: number; notDeleted: number } {
  let passed = 0;
  let failed = 0;
  let notRun = 0;
  for (const result of run.results) {
    if (result.outcome === 'passed') passed++;
    else if (result.outcome === 'failed') failed++;
    else notRun++;
  }
  return { total: run.results.length, passed, failed, notRun, created: run.sessions.length, notDeleted: run.sessions.filter((s) => !s.deleted).length };
}

/** A hint when every answer has the same authentication status: the headers are the likelier fault. */
function authenticationHint(run: ProbeRun): string | undefined {
  const statuses = new Set(run.results.filter((r) => r.response !== undefined).map((r) => r.response!.status));
  if (statuses.size !== 1) return undefined;
  const [status] = statuses;
  if (status === 401 || status === 403) return `Every answer was ${status}: check the credentials sent with --header or --header-file.`;
  if (status === 404) return 'Every answer was 404: check the base URL (the probe posts to <base-url>/sessions).';
  return undefined;
}

// #region stylish

function stylishRun(run: ProbeRun, context: ProbeFormatContext): string {
  const style = styler(context.color);
  const width = Math.max(0, ...run.results.map((r) => r.case.id.length));
  let out = `${style(`qod-policy probe: POST ${shown(run.target, 200)}`, BOLD)}\n${describeSuite(run.suite)}\n\n`;
  for (const result of run.results) {
    const id = padEnd(result.case.id, width);
    if (result.outcome === 'passed') {
      out += `  ${style('\u2713', GREEN)} ${id}  ${style(gotText(result), DIM)}\n`;
      continue;
    }
    if (result.outcome === 'not-run') {
      out += `  ${style('-', YELLOW)} ${id}  ${style('not run', YELLOW)}\n`;
      continue;
    }
    out += `  ${style('\u2717', RED)} ${id}  expected ${expectedText(result.case)}, got ${gotText(result)}\n`;
    out += `      ${result.case.title}\n`;
    for (const failure of result.failures) out += `      ${style('-', RED)} ${shown(failure, 400)}\n`;
    if (result.response?.message !== undefined) out += `      ${style(`message: ${shown(result.response.message, 200)}`, DIM)}\n`;
    if (result.correlator !== undefined) out += `      ${style(`x-correlator: ${result.correlator}`, DIM)}\n`;
  }
  const c = counts(run);
  out += '\n';
  if (c.created > 0) out += `Sessions: ${c.created} created, ${c.created - c.notDeleted} deleted${c.notDeleted > 0 ? style(`, ${c.notDeleted} NOT deleted: ${run.sessions.filter((s) => !s.deleted).map((s) => s.sessionId).join(', ')}`, RED) : ''}.\n`;
  if (run.stopped !== undefined) out += `${style(`The run stopped early: ${run.stopped}.`, YELLOW)}\n`;
  const hint = authenticationHint(run);
  if (hint !== undefined) out += `${hint}\n`;
  if (c.failed === 0 && c.notRun === 0 && c.notDeleted === 0) {
    out += style(style(`\u2714 all ${plural(c.total, 'case')} passed`, GREEN), BOLD);
  } else {
    const parts = [`${c.passed} passed`, ...(c.notRun > 0 ? [`${c.notRun} not run`] : [])];
    out += style(style(`\u2716 ${c.failed} of ${plural(c.total, 'case')} failed (${parts.join(', ')})`, RED), BOLD);
  }
  return `${out}\n`;
}

function stylishSuite(suite: ProbeSuite, context: ProbeFormatContext): string {
  const style = styler(context.color);
  const width = Math.max(0, ...suite.cases.map((c) => c.id.length));
  const expected = suite.cases.map(expectedText);
  const expectedWidth = Math.max(0, ...expected.map((e) => e.length));
  let out = `${style(`qod-policy probe suite: ${plural(suite.cases.length, 'case')}`, BOLD)}\n${describeSuite(suite)}\n\n`;
  suite.cases.forEach((probeCase, i) => {
    out += `  ${padEnd(probeCase.id, width)}  ${padEnd(expected[i]!, expectedWidth)}  ${probeCase.title}\n`;
  });
  if (suite.omitted.length > 0) {
    out += `\n${style(`Not probed (${suite.omitted.length}):`, BOLD)}\n`;
    const omittedWidth = Math.max(...suite.omitted.map((o) => o.ruleId.length + o.messageId.length + 1));
    for (const omission of suite.omitted) out += `  ${style(padEnd(`${omission.ruleId}/${omission.messageId}`, omittedWidth), DIM)}  ${omission.reason}\n`;
  }
  return out;
}

// #endregion

// #region json

function caseJson(probeCase: ProbeCase): Record<string, unknown> {
  const { id, ruleId, messageId, title, path, finding, accepted, basis, scenario, mutation, body, valid } = probeCase;
  return { id, ruleId, messageId, title, path, finding, expected: valid === true ? { status: 201 } : { accepted }, basis, ...(scenario === undefined ? {} : { scenario }), ...(valid === true ? { valid } : {}), mutation, body };
}

function jsonRun(run: ProbeRun, context: ProbeFormatContext): string {
  const c = counts(run);
  const suite = run.suite;
  return escapeJsonText(
    JSON.stringify(
      {
        tool: { name: 'qod-policy', version: context.version },
        target: run.target,
        dialect: suite.dialect,
        apiVersion: suite.apiVersion,
        release: suite.release,
        tokenKind: suite.tokenKind ?? null,
        passed: c.failed === 0 && c.notRun === 0 && c.notDeleted === 0,
        summary: { total: c.total, passed: c.passed, failed: c.failed, notRun: c.notRun, sessionsCreated: c.created, sessionsNotDeleted: c.notDeleted },
        ...(run.stopped === undefined ? {} : { stopped: run.stopped }),
        cases: run.results.map((result) => ({
          ...caseJson(result.case),
          outcome: result.outcome,
          failures: result.failures,
          ...(result.correlator === undefined ? {} : { correlator: result.correlator }),
          ...(result.response === undefined ? {} : { response: result.response }),
          ...(result.error === undefined ? {} : { error: result.error }),
          ...(result.durationMs === undefined ? {} : { durationMs: result.durationMs }),
        })),
        sessions: run.sessions,
      },
      null,
      2,
    ),
  );
}

function jsonSuite(suite: ProbeSuite, context: ProbeFormatContext): string {
  const { dialect, apiVersion, release, tokenKind, base, cases, omitted } = suite;
  return escapeJsonText(JSON.stringify({ tool: { name: 'qod-policy', version: context.version }, dialect, apiVersion, release, tokenKind: tokenKind ?? null, base, cases: cases.map(caseJson), omitted }, null, 2));
}

// #endregion

// #region junit

function junitRun(run: ProbeRun): string {
  const c = counts(run);
  const suite = run.suite;
  const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);
  let errors = 0;
  const cases = run.results.map((result) => {
    const probeCase = result.case;
    const attributes = `classname="${escapeAttribute(`${suite.dialect}.${probeCase.ruleId || 'valid'}`)}" name="${escapeAttribute(`${probeCase.id}: ${probeCase.title}`)}" time="${seconds(result.durationMs)}"`;
    if (result.outcome === 'passed') return `    <testcase ${attributes} />`;
    if (result.outcome === 'not-run') return `    <testcase ${attributes}>\n      <skipped message="${escapeAttribute(result.failures[0] ?? 'not run')}" />\n    </testcase>`;
    const lines = [
      `expected: ${expectedText(probeCase)}`,
      `got: ${gotText(result)}`,
      ...result.failures.map((failure) => `- ${failure}`),
      ...(result.response?.message === undefined ? [] : [`message: ${result.response.message}`]),
      ...(result.correlator === undefined ? [] : [`x-correlator: ${result.correlator}`]),
      `request body: ${probeCase.body}`,
    ];
    const element = result.error === undefined ? 'failure' : 'error';
    if (result.error !== undefined) errors++;
    return `    <testcase ${attributes}>\n      <${element} message="${escapeAttribute(result.failures[0] ?? 'failed')}" type="${element === 'error' ? 'no-answer' : 'non-conformant'}">${lines.map(escapeText).join('\n')}</${element}>\n    </testcase>`;
  });
  // A session that could not be deleted is a failure of the run's own.
  for (const record of run.sessions) {
    if (record.deleted) continue;
    cases.push(
      `    <testcase classname="${escapeAttribute(`${suite.dialect}.cleanup`)}" name="${escapeAttribute(`delete session ${record.sessionId}`)}" time="0.000">\n      <failure message="${escapeAttribute(`The session ${record.sessionId} (created by ${record.caseId}) was not deleted.`)}" type="cleanup" />\n    </testcase>`,
    );
  }
  const failures = c.failed - errors + c.notDeleted;
  const total = run.results.reduce((sum, r) => sum + (r.durationMs ?? 0), 0);
  const name = escapeAttribute(`qod-policy probe ${suite.dialect} ${run.target}`);
  const tallies = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${c.notRun}"`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="qod-policy probe" ${tallies} time="${seconds(total)}">`, `  <testsuite name="${name}" ${tallies} time="${seconds(total)}">`, ...cases, '  </testsuite>', '</testsuites>', ''].join('\n');
}

// #endregion

// #region sarif

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/qod-policy';

function sarifRun(run: ProbeRun, context: ProbeFormatContext): string {
  const rules = run.results.map(({ case: probeCase }) => {
    const description = `${probeCase.title} Expected: ${expectedText(probeCase)}.`;
    return { id: probeCase.id, shortDescription: { text: probeCase.title }, fullDescription: { text: description }, help: { text: `${description} The case's body and why CAMARA demands this answer are in the json report (qod-policy probe --format json).` } };
  });
  const results = run.results.flatMap((result, ruleIndex) => {
    if (result.outcome === 'passed') return [];
    const probeCase = result.case;
    const text = result.outcome === 'not-run' ? result.failures[0] ?? 'Not run.' : `Expected ${expectedText(probeCase)}, got ${gotText(result)}. ${result.failures.join(' ')}`;
    const properties: Record<string, unknown> = { outcome: result.outcome, expected: probeCase.valid === true ? [{ status: 201 }] : (probeCase.accepted as readonly Answer[]), jsonPointer: probeCase.path, body: probeCase.body };
    if (result.correlator !== undefined) properties.correlator = result.correlator;
    if (result.response !== undefined) properties.response = result.response;
    if (result.error !== undefined) properties.error = result.error;
    return [
      {
        ruleId: probeCase.id,
        ruleIndex,
        level: result.outcome === 'failed' ? 'error' : 'warning',
        message: { text },
        locations: [{ physicalLocation: { artifactLocation: { uri: run.target } }, logicalLocations: [{ fullyQualifiedName: probeCase.path === '' ? '/' : probeCase.path, kind: 'member' }] }],
        properties,
      },
    ];
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'qod-policy probe', version: context.version, informationUri: INFORMATION_URI, rules } }, results, properties: { target: run.target, dialect: run.suite.dialect, release: run.suite.release, sessions: run.sessions } }],
  };
  return escapeJsonText(JSON.stringify(log, null, 2));
}

// #endregion

/** A run's report in a format; json and sarif end with their closing bracket, the others with a newline. */
export function formatRun(run: ProbeRun, format: ProbeFormat, context: ProbeFormatContext): string {
  switch (format) {
    case 'stylish':
      return stylishRun(run, context);
    case 'json':
      return jsonRun(run, context);
    case 'junit':
      return junitRun(run);
    case 'sarif':
      return sarifRun(run, context);
  }
}

/** The suite without running it (--list): stylish or json. */
export function formatSuite(suite: ProbeSuite, format: 'stylish' | 'json', context: ProbeFormatContext): string {
  return format === 'json' ? jsonSuite(suite, context) : stylishSuite(suite, context);
}
