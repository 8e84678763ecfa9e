// Sends a suite to a running QoD API: one request at a time, each `POST <base-url>/sessions` with
// the case's body, JSON content type, a fresh x-correlator and the operator's headers (for the
// endpoint's authentication), at most `rate` requests a second and each within `timeoutMs`. Every
// answer is judged (./checks.ts). Any session an answer creates (the valid body, or an invalid one
// a non-conformant endpoint accepted) is deleted at once with `DELETE <base-url>/sessions/{id}`.
//
// Stopping: when `signal` aborts (the command line's SIGINT/SIGTERM), the request in flight is let
// finish (so that a session it creates is known and deleted), no further case is sent, and every
// session created is deleted; after `maxConnectionFailures` requests without an HTTP answer the run
// stops the same way. Cases not sent are 'not-run'.

import { randomUUID } from 'node:crypto';
import { trimEnd } from '../shared/text.js';
import { judge, sessionIdOf, summarize } from './checks.js';
import { exchange, NoAnswer, type HttpAnswer } from './http.js';
import type { CaseResult, ProbeRun, ProbeSuite, SessionRecord } from './types.js';

export interface RunOptions {
  /** The API's base URL: requests go to `<baseUrl>/sessions` (http or https, no query or fragment). */
  readonly baseUrl: URL;
  /** Extra request headers (authentication), sent with every request. */
  readonly headers?: readonly (readonly [string, string])[];
  /** Milliseconds for each exchange (default 10000). */
  readonly timeoutMs?: number;
  /** At most this many requests a second (default 5; 0: no limit). */
  readonly rate?: number;
  /** Stop after this many requests got no answer (default 3). */
  readonly maxConnectionFailures?: number;
  /** Aborted: finish the request in flight, send nothing more, delete the sessions created. */
  readonly signal?: AbortSignal;
  /** Called after each case (progress). */
  readonly onResult?: (result: CaseResult, done: number, total: number) => void;
  /** Sessions are recorded here as soon as they are known (for whoever must say which remain). */
  readonly sessions?: SessionRecord[];
  /** Makes the x-correlator of each request (default: a random UUID). */
  readonly correlator?: () => string;
}

/** Headers the probe sets itself on every request, which --header may not name. */
export const OWN_HEADERS: readonly string[] = ['content-type', 'content-length', 'x-correlator', 'host', 'connection', 'transfer-encoding'];

const DEFAULTS = { timeoutMs: 10_000, rate: 5, maxConnectionFailures: 3 } as const;

/** Waits; resolves early (false) when the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(signal?.aborted !== true);
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve(signal?.aborted !== true);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}

/** Spaces request starts at least 1000/rate ms apart. */
class Pacer {
  private last = -Infinity;
  constructor(private readonly rate: number) {}
  /** Waits for the next slot; false when the signal aborted the wait. */
  async next(signal?: AbortSignal): Promise<boolean> {
    if (this.rate > 0) {
      const wait = this.last + 1000 / this.rate - performance.now();
      if (!(await pause(wait, signal))) return false;
    }
    this.last = performance.now();
    return true;
  }
}

/** `<base>/sessions` and `<base>/sessions/{id}`. */
function sessionsUrl(base: URL, id?: string): URL {
  const url = new URL(base.href);
  url.pathname = `${trimEnd(url.pathname, '/')}/sessions${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
  return url;
}

/** Runs the suite against the endpoint; never rejects for the endpoint's sake (every failure is in the results). */
export async function runProbe(suite: ProbeSuite, options: RunOptions): Promise<ProbeRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxFailures = options.maxConnectionFailures ?? DEFAULTS.maxConnectionFailures;
  const pacer = new Pacer(options.rate ?? DEFAULTS.rate);
  const newCorrelator = options.correlator ?? randomUUID;
  const extra: Record<string, string> = {};
  for (const [name, value] of options.headers ?? []) extra[name.toLowerCase()] = value;
  const release = suite.release;
  const target = sessionsUrl(options.baseUrl);
  const sessions = options.sessions ?? [];
  const results: CaseResult[] = [];
  let noAnswers = 0;
  let stopped: string | undefined;

  const remove = async (record: SessionRecord): Promise<void> => {
    await pacer.next();
    try {
      const answer = await exchange(sessionsUrl(options.baseUrl, record.sessionId), 'DELETE', { ...extra, accept: 'application/json', 'x-correlator': newCorrelator() }, undefined, timeoutMs);
      record.deleteStatus = answer.status;
      record.deleted = answer.status >= 200 && answer.status <= 299;
    } catch (error) {
      record.deleteError = error instanceof NoAnswer ? error.message : String(error);
    }
  };

  for (const probeCase of suite.cases) {
    if (stopped === undefined && options.signal?.aborted) stopped = 'interrupted';
    if (stopped === undefined && !(await pacer.next(options.signal))) stopped = 'interrupted';
    if (stopped !== undefined) {
      results.push({ case: probeCase, outcome: 'not-run', failures: [`Not sent: the run stopped (${stopped}).`] });
      continue;
    }
    const correlator = newCorrelator();
    const started = performance.now();
    let answer: HttpAnswer;
    try {
      answer = await exchange(target, 'POST', { ...extra, accept: 'application/json', 'content-type': 'application/json', 'x-correlator': correlator }, probeCase.body, timeoutMs);
    } catch (error) {
      const message = error instanceof NoAnswer ? error.message : String(error);
      noAnswers++;
      const result: CaseResult = { case: probeCase, outcome: 'failed', correlator, error: message, failures: [`No answer: ${message}.`], durationMs: Math.round(performance.now() - started) };
      results.push(result);
      options.onResult?.(result, results.length, suite.cases.length);
      if (noAnswers >= maxFailures) stopped = `${noAnswers} requests got no answer`;
      continue;
    }
    const durationMs = Math.round(performance.now() - started);
    const failures = judge(probeCase, answer, release, correlator);
    const sessionId = sessionIdOf(answer);
    let record: SessionRecord | undefined;
    if (sessionId !== undefined) {
      record = { sessionId, caseId: probeCase.id, deleted: false };
      sessions.push(record);
      await remove(record);
      if (!record.deleted) failures.push(describeDeletion(record));
    }
    const result: CaseResult = { case: probeCase, outcome: failures.length === 0 ? 'passed' : 'failed', correlator, response: summarize(answer), failures, durationMs };
    results.push(result);
    options.onResult?.(result, results.length, suite.cases.length);
  }
  const run: ProbeRun = { target: target.href, suite, results, sessions };
  return stopped === undefined ? run : { ...run, stopped };
}

/** Why a session was not deleted, as a sentence. */
function describeDeletion(record: SessionRecord): string {
  return record.deleteError !== undefined
    ? `The session ${record.sessionId} it created could not be deleted: ${record.deleteError}.`
    : `The session ${record.sessionId} it created could not be deleted: DELETE answered ${record.deleteStatus}.`;
}

/** Whether every case passed and every session created was deleted. */
export function passed(run: ProbeRun): boolean {
  return run.results.every((result) => result.outcome === 'passed') && run.sessions.every((record) => record.deleted);
}
