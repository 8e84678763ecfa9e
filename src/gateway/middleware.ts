// What the Express middleware and the Fastify plugin share: their options, the handler made once,
// and the request headers handed to handle() (the token kind an application decided replaces any
// header a client sent). Each framework's file only moves the request in and the answer out.

import { ConfigError } from '../index.js';
import { createHandler, DEFAULT_MAX_BODY_BYTES, TOKEN_HEADER, type Handler, type HandlerOptions, type HeaderValue } from './handler.js';

/** Options of the Express middleware and the Fastify plugin. */
export interface MiddlewareOptions<Request> extends HandlerOptions {
  /**
   * 'enforce' (the default): an invalid body is answered with its CAMARA error and goes no further.
   * 'observe': every request goes on to the route, with the report attached (res.locals.qodReport,
   * request.qodReport), for a trial run before enforcing.
   */
  mode?: 'enforce' | 'observe';
  /**
   * The token kind of this request, as the application found when it verified the access token
   * (true: 3-legged, it names the device; false: 2-legged; undefined: unknown). When given, it
   * replaces any token header the client sent.
   */
  tokenIdentifiesDevice?: (request: Request) => boolean | undefined;
}

export interface Middleware<Request> {
  handle: Handler;
  observe: boolean;
  maxBodyBytes: number;
  /** The headers for handle(): the request's own, with the token header the application decided. */
  headersOf(request: Request, headers: Readonly<Record<string, HeaderValue>>): Readonly<Record<string, HeaderValue>>;
}

/** Checks the options and makes the handler once (a mistake throws a ConfigError here, never per request). */
export function middleware<Request>(options: MiddlewareOptions<Request>): Middleware<Request> {
  const { mode = 'enforce', tokenIdentifiesDevice, ...handlerOptions } = options;
  if (mode !== 'enforce' && mode !== 'observe') throw new ConfigError(`mode must be 'enforce' or 'observe' (got ${String(mode)}).`);
  if (tokenIdentifiesDevice !== undefined && typeof tokenIdentifiesDevice !== 'function') {
    throw new ConfigError('tokenIdentifiesDevice must be a function of the request.');
  }
  if (tokenIdentifiesDevice !== undefined && handlerOptions.tokenHeader === false) {
    throw new ConfigError('tokenIdentifiesDevice needs a token header to pass the token kind on: do not set tokenHeader to false.');
  }
  const handle = createHandler(handlerOptions);
  const tokenName = (handlerOptions.tokenHeader || TOKEN_HEADER).toLowerCase();
  return {
    handle,
    observe: mode === 'observe',
    maxBodyBytes: handlerOptions.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    headersOf(request, headers) {
      if (tokenIdentifiesDevice === undefined) return headers;
      const kind = tokenIdentifiesDevice(request);
      const own = { ...headers };
      if (kind === undefined) delete own[tokenName];
      else own[tokenName] = String(kind === true);
      return own;
    },
  };
}
