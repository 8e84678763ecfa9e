// qod-policy/http: the framework-neutral HTTP handler (docs/gateways.md). The sidecar
// (`qod-policy serve`) and the middlewares are built on it.

export { createHandler, DEFAULT_MAX_BODY_BYTES, REPORT_HEADER, TOKEN_HEADER } from './handler.js';
export type { Handler, HandlerOptions, HandlerRequest, HandlerResponse, HeaderValue } from './handler.js';
