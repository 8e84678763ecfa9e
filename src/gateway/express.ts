// qod-policy/express: Express middleware around handle() (docs/gateways.md, "Express"). Express is
// an optional peer dependency: this file uses only Node's types and what every Express version
// gives (req.body, res.locals), so that Express 4 and 5 both take it.
//
// The body: when a body parser ran before (express.json()), its value is judged (its limits apply);
// otherwise the middleware reads the bytes itself, up to maxBodyBytes, so that handle() sees them as
// sent (content type, size, JSON syntax, duplicate keys) and a valid body reaches the route parsed
// in req.body. Only POST is judged (CreateSession); other methods pass untouched.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Report } from '../types.js';
import type { HandlerResponse } from './handler.js';
import { middleware, type MiddlewareOptions } from './middleware.js';
import { ABORTED, readBody, TOO_LARGE } from './read-body.js';

/** The parts of an Express request the middleware uses. */
export interface ExpressRequest extends IncomingMessage {
  body?: unknown;
}

/** The parts of an Express response the middleware uses. */
export interface ExpressResponse extends ServerResponse {
  locals: Record<string, unknown>;
}

/** An Express middleware function (assignable to Express's RequestHandler). */
export type ExpressMiddleware = (req: ExpressRequest, res: ExpressResponse, next: (error?: unknown) => void) => void;

/** Options of the Express middleware: createHandler's, and the mode and token kind. */
export type ExpressOptions = MiddlewareOptions<ExpressRequest>;

declare global {
  namespace Express {
    interface Locals {
      /** The report of qod-policy's middleware (for a request refused before its body was judged, the finding about the request itself). */
      qodReport?: Report;
    }
  }
}

/** Whether something read the request's body before this middleware (a body parser). */
function bodyWasRead(req: ExpressRequest): boolean {
  return req.readableEnded || (req as { _body?: unknown })._body === true;
}

function send(res: ExpressResponse, answer: HandlerResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}

/** The parsed value of bytes handle() judged valid JSON; undefined when they are not. */
function parsed(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Express middleware that validates CreateSession bodies: an invalid one is answered with its CAMARA
 * ErrorInfo and status; a valid one goes on with the report in `res.locals.qodReport` (and with
 * `mode: 'observe'`, every request goes on). Options are createHandler's (checked here: a mistake
 * throws a ConfigError), plus `mode` and `tokenIdentifiesDevice`.
 *
 * @example
 * import { qodPolicy } from 'qod-policy/express';
 * app.post('/quality-on-demand/v1/sessions', qodPolicy({ policy: { qosProfiles } }), createSession);
 */
export function qodPolicy(options: ExpressOptions = {}): ExpressMiddleware {
  const { handle, observe, maxBodyBytes, headersOf } = middleware(options);
  let standIn: Uint8Array | undefined;

  async function run(req: ExpressRequest, res: ExpressResponse, next: (error?: unknown) => void): Promise<void> {
    let body = req.body;
    let bytes: Uint8Array | undefined;
    if (!bodyWasRead(req)) {
      const read = await readBody(req, maxBodyBytes);
      // The client went away: there is nobody to answer.
      if (read === ABORTED) return;
      if (read === TOO_LARGE) {
        // Nothing more is read: the connection closes once the answer is sent.
        res.setHeader('connection', 'close');
        body = standIn ??= new Uint8Array(maxBodyBytes + 1);
      } else body = bytes = read;
    }
    const answer = await handle({ method: req.method ?? '', headers: headersOf(req, req.headers), body });
    if (bytes !== undefined) req.body = parsed(bytes);
    if (observe || answer.status === 200) {
      res.locals.qodReport = answer.report;
      const correlator = answer.headers['x-correlator'];
      if (correlator !== undefined) res.setHeader('x-correlator', correlator);
      next();
      return;
    }
    send(res, answer);
  }

  return function qodPolicyMiddleware(req, res, next) {
    if ((req.method ?? '').toUpperCase() !== 'POST') {
      next();
      return;
    }
    run(req, res, next).catch(next);
  };
}
