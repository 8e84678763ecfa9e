// handle(): the one place where HTTP meets the engine. Framework-neutral (no Node API: it runs in
// the sidecar, the middlewares and at the edge): a request as method, lower-cased headers and a
// body (text, bytes, or a value a framework parsed already) in; an answer as status, headers and
// a JSON text out. The sidecar (src/cli/serve.ts) and the middlewares only move bytes.
//
// What it answers (docs/http.md):
// - a valid body: 200 with the report;
// - an invalid one: the CAMARA ErrorInfo of the body's dialect with its status (toErrorInfo; CAMARA
//   0.8 answers {code, message}); the ErrorInfo and the whole report when the request asks for it
//   with `x-qod-report: full`;
// - a method other than POST: 405 METHOD_NOT_ALLOWED; a content type other than JSON: 415
//   UNSUPPORTED_MEDIA_TYPE; a body over maxBodyBytes: 413 PAYLOAD_TOO_LARGE (CAMARA defines no
//   413 code); an empty or malformed body: the dialect's 400;
// - an x-correlator that does not match the release's pattern: 400 INVALID_ARGUMENT; a valid one is
//   echoed on every answer;
// - the token kind from `x-qod-token-identifies-device: true|false`, a header the gateway sets
//   after it checked the access token (never one a client sent: see docs/http.md).
// Findings about the request itself are issues with ruleId 'http', in the dialect's words.

import { defaultDialect } from '../dialects/index.js';
import { requestReport } from '../engine/report.js';
import { createSourceValidator } from '../engine/validator.js';
import { ConfigError, rules as builtinRules, toErrorInfo } from '../index.js';
import type { CallOptions, DialectId, Issue, Report, ValidateOptions } from '../types.js';
import { isValidCorrelator } from './correlator.js';

/** The header a gateway sets, after it checked the access token, to say which kind it is. */
export const TOKEN_HEADER = 'x-qod-token-identifies-device';
/** The header that asks for the whole report with an error (`x-qod-report: full`). */
export const REPORT_HEADER = 'x-qod-report';
/** The largest body accepted by default: 64 KiB. */
export const DEFAULT_MAX_BODY_BYTES = 65536;

/** A header's value as frameworks give it: a string, a list for a repeated header, or absent. */
export type HeaderValue = string | readonly string[] | undefined;

/** A request as handle() takes it. */
export interface HandlerRequest {
  /** The HTTP method (CreateSession is a POST). */
  method: string;
  /** The request headers by lower-case name (Node's `req.headers` as it is). */
  headers: Readonly<Record<string, HeaderValue>>;
  /**
   * The body: its text or bytes as received (then the content type and size are checked here), or
   * the value a framework parsed already (then the framework's own limits apply). undefined: none.
   */
  body?: unknown;
}

/** handle()'s answer. */
export interface HandlerResponse {
  /** 200 for a valid body, else the status of the CAMARA error in `body`. */
  status: number;
  /** Response headers by lower-case name: content-type, the echoed x-correlator, allow (405). */
  headers: Record<string, string>;
  /** JSON text: the report (valid), or the CAMARA ErrorInfo (with `report` when asked for). */
  body: string;
  /** The report behind the answer; absent when the request was answered before its body was judged. */
  report?: Report;
}

/** createHandler's options: a validator's options, and the HTTP ones. */
export interface HandlerOptions extends ValidateOptions {
  /** The largest body accepted, in bytes (default 65536); a larger one is answered 413. */
  maxBodyBytes?: number;
  /**
   * The header the gateway sets after checking the access token (`true`: 3-legged, the token names
   * the device; `false`: 2-legged). Default 'x-qod-token-identifies-device'; false to ignore any.
   */
  tokenHeader?: string | false;
}

/** Answers one request; never rejects (an unexpected failure is a 500 INTERNAL answer). */
export type Handler = (request: HandlerRequest) => Promise<HandlerResponse>;

const JSON_TYPE = 'application/json';
const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': JSON_TYPE };

/** A finding about the request rather than its body. */
function httpIssue(messageId: string, status: number, code: string, message: string, data?: Issue['data']): Issue {
  const issue: Issue = { ruleId: 'http', messageId, severity: 'error', path: '', message, status, code };
  if (data !== undefined) issue.data = data;
  return issue;
}

/** The header's value when it is given once; undefined when absent; null when repeated. */
function single(value: HeaderValue): string | undefined | null {
  if (value === undefined || typeof value === 'string') return value;
  return value.length === 1 ? value[0]! : null;
}

/**
 * Why a content type is not JSON, or undefined when it is: application/json, with no charset or
 * UTF-8 (RFC 8259: JSON between systems is UTF-8).
 */
function mediaTypeProblem(value: HeaderValue): Issue | undefined {
  const text = single(value);
  if (text === undefined || text === null) {
    return httpIssue('unsupportedMediaType', 415, 'UNSUPPORTED_MEDIA_TYPE', `The request has ${text === null ? 'several content types' : 'no content type'}: send the body as ${JSON_TYPE}.`);
  }
  const [type = '', ...parameters] = text.split(';');
  if (type.trim().toLowerCase() !== JSON_TYPE) {
    return httpIssue('unsupportedMediaType', 415, 'UNSUPPORTED_MEDIA_TYPE', `The content type '${printable(type.trim())}' is not supported: send the body as ${JSON_TYPE}.`, { contentType: printable(text) });
  }
  for (const parameter of parameters) {
    const [name = '', raw = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = raw.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      return httpIssue('unsupportedMediaType', 415, 'UNSUPPORTED_MEDIA_TYPE', `The charset '${printable(charset)}' is not supported: JSON is sent as UTF-8.`, { contentType: printable(text) });
    }
  }
  return undefined;
}

/** A header value quoted in a message: printable ASCII, at most 64 characters. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean;
}

/** Whether a text's UTF-8 encoding is longer than max bytes (counted only when it may be). */
function longerThan(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > max) return true;
  }
  return false;
}

function checkOptions(maxBodyBytes: unknown, tokenHeader: unknown): void {
  if (typeof maxBodyBytes !== 'number' || !Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new ConfigError(`maxBodyBytes must be a positive whole number of bytes (got ${String(maxBodyBytes)}).`);
  }
  if (tokenHeader !== false && (typeof tokenHeader !== 'string' || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(tokenHeader))) {
    throw new ConfigError(`tokenHeader must be a header name or false (got ${String(tokenHeader)}).`);
  }
}

/**
 * Makes the function that answers HTTP requests carrying CreateSession bodies: the validator is
 * configured once (a mistake throws a ConfigError here, never per request).
 *
 * @example
 * const handle = createHandler({ policy: { qosProfiles }, maxBodyBytes: 32768 });
 * const answer = await handle({ method: req.method, headers: req.headers, body: bytes });
 * res.writeHead(answer.status, answer.headers).end(answer.body);
 */
export function createHandler(options: HandlerOptions = {}): Handler {
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, tokenHeader = TOKEN_HEADER, ...validateOptions } = options;
  checkOptions(maxBodyBytes, tokenHeader);
  const tokenName = tokenHeader === false ? undefined : tokenHeader.toLowerCase();
  const validator = createSourceValidator(builtinRules, validateOptions);
  // A device registry or plugin rules may answer later: those bodies are judged with validateAsync.
  const awaitRules = validateOptions.policy?.resolveDevice !== undefined || (validateOptions.plugins?.length ?? 0) > 0;
  // The dialect of answers given before a body is judged: the configured one (qod-1.2 under 'auto').
  const configured: DialectId | undefined = validateOptions.dialect === 'auto' ? undefined : (validateOptions.dialect ?? defaultDialect.facts.id);
  const early: DialectId = configured ?? defaultDialect.facts.id;

  /** The answer to a request refused before its body was judged (or for a bad header after). */
  function refuse(issue: Issue, dialect: DialectId, correlator: string | undefined, full: boolean, judged?: Report): HandlerResponse {
    const own = requestReport(dialect, [issue]);
    const report: Report = judged === undefined ? own : { ...judged, valid: false, issues: [...own.issues, ...judged.issues], errorCount: judged.errorCount + 1 };
    const info = toErrorInfo(own)!;
    const headers: Record<string, string> = { ...JSON_HEADERS };
    if (correlator !== undefined) headers['x-correlator'] = correlator;
    if (issue.messageId === 'methodNotAllowed') headers.allow = 'POST';
    return { status: info.status, headers, body: JSON.stringify(full ? { ...info, report } : info), report };
  }

  // The text of a clean report (valid, no issue), by dialect: every one of a dialect is the same
  // object in shape and values (src/engine/report.ts), so it is written once, not per request.
  const cleanText = new Map<DialectId, string>();
  function reportText(report: Report): string {
    if (!report.valid || report.issues.length > 0) return JSON.stringify(report);
    let text = cleanText.get(report.dialect);
    if (text === undefined) cleanText.set(report.dialect, (text = JSON.stringify(report)));
    return text;
  }

  function answer(report: Report, correlator: string | undefined, full: boolean): HandlerResponse {
    const headers: Record<string, string> = correlator === undefined ? { 'content-type': JSON_TYPE } : { 'content-type': JSON_TYPE, 'x-correlator': correlator };
    const info = toErrorInfo(report);
    if (info === undefined) return { status: 200, headers, body: reportText(report), report };
    return { status: info.status, headers, body: JSON.stringify(full ? { ...info, report } : info), report };
  }

  async function judge(request: HandlerRequest): Promise<HandlerResponse> {
    const { headers, body } = request;
    const correlatorValue = single(headers['x-correlator']);
    const correlator = correlatorValue ?? undefined;
    const full = single(headers[REPORT_HEADER])?.trim().toLowerCase() === 'full';
    // Echoed only when valid (for the body's dialect; before it is known, the configured one).
    const echo = (dialect: DialectId) => (correlator !== undefined && isValidCorrelator(correlator, dialect) ? correlator : undefined);

    const method = typeof request.method === 'string' ? request.method.toUpperCase() : '';
    if (method !== 'POST') {
      return refuse(httpIssue('methodNotAllowed', 405, 'METHOD_NOT_ALLOWED', `The method ${printable(method)} is not allowed here: a session is created with POST.`, { method: printable(method) }), early, echo(early), full);
    }
    if (typeof body === 'string' || body instanceof Uint8Array) {
      if (body.length > 0) {
        const media = mediaTypeProblem(headers['content-type']);
        if (media !== undefined) return refuse(media, early, echo(early), full);
      }
      if (typeof body === 'string' ? longerThan(body, maxBodyBytes) : body.byteLength > maxBodyBytes) {
        return refuse(httpIssue('payloadTooLarge', 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${maxBodyBytes} bytes.`, { maxBodyBytes }), early, echo(early), full);
      }
    }

    let options: CallOptions | undefined;
    if (tokenName !== undefined) {
      const token = single(headers[tokenName]);
      if (token !== undefined) {
        const kind = token === null ? '' : token.trim().toLowerCase();
        if (kind !== 'true' && kind !== 'false') {
          return refuse(httpIssue('invalidTokenHeader', 400, 'INVALID_ARGUMENT', `The header ${tokenName} must be true or false.`, { header: tokenName }), early, echo(early), full);
        }
        options = { context: { tokenIdentifiesDevice: kind === 'true' } };
      }
    }
    const badCorrelator = () =>
      httpIssue('invalidCorrelator', 400, 'INVALID_ARGUMENT', 'The x-correlator header does not match the pattern CAMARA defines for it.', { header: 'x-correlator' });
    // The header is judged before the body when the dialect is known; under 'auto', by the body's dialect.
    if (configured !== undefined && (correlatorValue === null || !isValidCorrelator(correlator, configured))) {
      return refuse(badCorrelator(), configured, undefined, full);
    }

    const text = typeof body === 'string' || body instanceof Uint8Array;
    // Lines and columns only for the whole report: an ErrorInfo has no place for them.
    const report = text
      ? awaitRules
        ? await validator.validateJsonAsync(body, options, full)
        : validator.validateJsonText(body, options, full)
      : awaitRules
        ? await validator.validateAsync(body, options)
        : validator.validate(body, options);
    if (configured === undefined && (correlatorValue === null || !isValidCorrelator(correlator, report.dialect))) {
      return refuse(badCorrelator(), report.dialect, undefined, full, report);
    }
    return answer(report, correlator, full);
  }

  return async function handle(request: HandlerRequest): Promise<HandlerResponse> {
    try {
      return await judge(request);
    } catch {
      // Never a stack trace to the client: the engine turns every failure it knows into an issue.
      return refuse(httpIssue('internalError', 500, 'INTERNAL', 'The request could not be validated.'), early, undefined, false);
    }
  };
}
