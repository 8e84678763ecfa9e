// What a conformant answer to a case looks like, per the release the dialect answers like
// (docs/camara-notes.md, "createSession error responses"; the feature files' common steps):
// - the status, and a code the case accepts for it;
// - content type application/json;
// - the body a CAMARA ErrorInfo: `{status, code, message}` from 0.9 (`{code, message}` in 0.8), with
//   `status` equal to the HTTP status, a non-empty message, and from 1.2 (r4.1) status 100..599,
//   code at most 96 and message at most 512 characters;
// - the request's x-correlator echoed, where the release declares the header (from 0.11, r1.x).
// The valid body expects 201 Created, JSON, the session's id (`sessionId`; 0.8: `id`) and the echo.

import type { CamaraRelease } from '../dialects/types.js';
import type { HttpAnswer } from './http.js';
import type { ProbeCase, ResponseSummary } from './types.js';

/** Releases whose API definition declares the x-correlator header (and echoes it). */
const CORRELATOR_RELEASES: ReadonlySet<CamaraRelease> = new Set(['r1.3', 'r2.2', 'r3.2', 'r4.1']);

/** Whether the release declares the x-correlator header, so that answers must echo it. */
export function echoesCorrelator(release: CamaraRelease): boolean {
  return CORRELATOR_RELEASES.has(release);
}

/** ErrorInfo limits of CAMARA_common in r4.1. */
const ERROR_INFO_LIMITS = { minStatus: 100, maxStatus: 599, code: 96, message: 512 } as const;

const SHOWN_BODY = 2048;

function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The media type of a content-type value, lower-cased, without parameters. */
function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What the report shows of an answer. */
export function summarize(answer: HttpAnswer): ResponseSummary {
  const summary: { -readonly [K in keyof ResponseSummary]: ResponseSummary[K] } = {
    status: answer.status,
    contentType: header(answer, 'content-type') ?? '',
    body: answer.text.length > SHOWN_BODY ? `${answer.text.slice(0, SHOWN_BODY)}...` : answer.text,
  };
  const correlator = header(answer, 'x-correlator');
  if (correlator !== undefined) summary.correlator = correlator;
  const body = parseObject(answer.text);
  if (typeof body?.code === 'string') summary.code = body.code;
  if (typeof body?.message === 'string') summary.message = body.message;
  return summary;
}

/** The id of the session an answer created (`sessionId`, or 0.8's `id`), if it names one. */
export function sessionIdOf(answer: HttpAnswer): string | undefined {
  if (answer.status < 200 || answer.status > 299) return undefined;
  const body = parseObject(answer.text);
  const id = body?.sessionId ?? body?.id;
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

function quoted(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return `'${shown.replace(/[^\x20-\x7e]/g, '?')}'`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/** The expectations the answer does not meet, one sentence each; empty when it meets them all. */
export function judge(probeCase: ProbeCase, answer: HttpAnswer, release: CamaraRelease, correlator: string): string[] {
  const failures: string[] = [];
  const contentType = header(answer, 'content-type');
  if (mediaType(contentType) !== 'application/json') {
    failures.push(contentType === undefined ? 'The answer has no content type; expected application/json.' : `The content type is ${quoted(contentType)}; expected application/json.`);
  }
  if (echoesCorrelator(release)) {
    const echoed = header(answer, 'x-correlator');
    if (echoed === undefined) failures.push('The answer does not echo the x-correlator header.');
    else if (echoed !== correlator) failures.push(`The answer's x-correlator ${quoted(echoed)} is not the one sent (${correlator}).`);
  }
  const body = parseObject(answer.text);

  if (probeCase.valid === true) {
    if (answer.status !== 201) failures.unshift(`The status is ${answer.status}; expected 201 Created for a valid body.`);
    else if (body === undefined) failures.push('The body of the 201 answer is not a JSON object (a SessionInfo).');
    else if (sessionIdOf(answer) === undefined) failures.push(`The 201 answer has no ${release === 'v0.8.1' ? 'id' : 'sessionId'}: the session cannot be deleted.`);
    return failures;
  }

  const statuses = [...new Set(probeCase.accepted.map((a) => a.status))];
  if (!statuses.includes(answer.status)) {
    const accepted = answer.status >= 200 && answer.status <= 299 ? ' (the endpoint accepted an invalid body)' : '';
    failures.unshift(`The status is ${answer.status}${accepted}; expected ${list(statuses.map(String))}.`);
  }
  if (body === undefined) {
    failures.push(answer.text.trim() === '' ? 'The answer has no body; expected a CAMARA ErrorInfo.' : 'The body is not a JSON object; expected a CAMARA ErrorInfo.');
    return failures;
  }
  const { status, code, message } = body;
  if (typeof code !== 'string') failures.push('The ErrorInfo has no string code.');
  else if (statuses.includes(answer.status)) {
    const codes = probeCase.accepted.filter((a) => a.status === answer.status).map((a) => a.code);
    if (!codes.includes(code)) failures.push(`The code is ${quoted(code)}; expected ${list(codes)}.`);
  }
  if (typeof message !== 'string' || message.trim() === '') failures.push('The ErrorInfo has no message.');
  if (release !== 'v0.8.1') {
    if (typeof status !== 'number') failures.push('The ErrorInfo has no numeric status.');
    else if (status !== answer.status) failures.push(`The ErrorInfo's status ${status} is not the HTTP status ${answer.status}.`);
  }
  if (release === 'r4.1') {
    if (typeof status === 'number' && (!Number.isInteger(status) || status < ERROR_INFO_LIMITS.minStatus || status > ERROR_INFO_LIMITS.maxStatus)) {
      failures.push(`The ErrorInfo's status ${status} is not an integer from 100 to 599.`);
    }
    if (typeof code === 'string' && code.length > ERROR_INFO_LIMITS.code) failures.push(`The ErrorInfo's code has ${code.length} characters; at most ${ERROR_INFO_LIMITS.code}.`);
    if (typeof message === 'string' && message.length > ERROR_INFO_LIMITS.message) {
      failures.push(`The ErrorInfo's message has ${message.length} characters; at most ${ERROR_INFO_LIMITS.message}.`);
    }
  }
  return failures;
}
