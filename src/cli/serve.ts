// `qod-policy serve`: the HTTP sidecar (docs/cli.md, "serve"). Node's http server around handle()
// (src/gateway/), which decides every answer; this file only moves bytes, in three modes:
// - plain: POST /validate answers 200 with the report, or the CAMARA error;
// - ext-authz: Envoy's ext_authz HTTP service: a CreateSession (POST .../sessions) is judged, 200
//   allows it and the CAMARA error denies it; any other request is allowed;
// - proxy (--upstream): a valid CreateSession is forwarded to the upstream QoD API unchanged, an
//   invalid one answered here; any other request is forwarded without validation.
// GET /healthz and GET /metrics in every mode. Reading stops at the size limit; slow senders meet
// the headers and request timeouts; SIGTERM/SIGINT stop it gracefully. Nothing per request is
// logged, and no request can stop it.

import { createServer, request as httpRequest, Agent as HttpAgent, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream';
import { createHandler, type Handler, type HandlerResponse } from '../gateway/index.js';
import { ABORTED, readBody, TOO_LARGE } from '../gateway/read-body.js';
import { describeThrown } from '../shared/errors.js';
import { trimEnd } from '../shared/text.js';
import type { ServeArgs } from './args.js';
import { loadConfig } from './config.js';
import { CliError, configErrorMessage, systemErrorText } from './errors.js';
import { Metrics, type Outcome } from './metrics.js';
import { loadQosProfiles } from './qos-profiles.js';

/** Headers that belong to one connection, not to the request or response (RFC 9110 7.6.1). */
const HOP_BY_HOP: ReadonlySet<string> = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** A CreateSession request: POST to a path that ends in /sessions (CAMARA: POST /sessions). */
function isCreateSession(method: string | undefined, path: string): boolean {
  return method === 'POST' && /\/sessions\/?$/.test(path);
}

/** A JSON answer of the sidecar itself (not a CreateSession decision). */
function json(status: number, body: unknown): HandlerResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A listener that does nothing, shared by every request. */
function ignore(): void {}

/** Sends an answer unless the connection is gone. */
function write(res: ServerResponse, answer: HandlerResponse | { status: number; headers: Record<string, string>; body: string }): void {
  if (res.destroyed || res.writableEnded || res.headersSent) return;
  // The answer is this request's own (handle() makes its headers per call): completed in place.
  answer.headers['content-length'] = String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/** The request headers to forward: all but the hop-by-hop ones (and those the Connection header names). */
function forwardedHeaders(headers: IncomingHttpHeaders, body: Buffer | undefined): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '').toLowerCase().split(',').map((name) => name.trim());
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.includes(name)) continue;
    out[name] = value;
  }
  if (body !== undefined) out['content-length'] = String(body.length);
  return out;
}

/** The upstream's raw response headers without the hop-by-hop ones, as [name, value] pairs. */
function returnedHeaders(raw: readonly string[]): string[] {
  const named: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'connection') named.push(...raw[i + 1]!.toLowerCase().split(',').map((n) => n.trim()));
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && !named.includes(name)) out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
}

class Sidecar {
  readonly metrics = new Metrics();
  readonly server: Server;
  private closing = false;
  /** Open connections, with the number of requests each is answering now (0: idle). */
  private readonly connections = new Map<Socket, number>();
  private readonly agent: HttpAgent | undefined;
  /** A stand-in for a body not read because it is over the limit: handle() answers it 405, 415 or 413 and reads nothing of it. */
  private oversized: Uint8Array | undefined;

  constructor(
    private readonly args: ServeArgs,
    private readonly handle: Handler,
  ) {
    this.agent = args.upstream === undefined ? undefined : new (args.upstream.protocol === 'https:' ? HttpsAgent : HttpAgent)({ keepAlive: true });
    this.server = createServer({
      headersTimeout: args.headersTimeout,
      requestTimeout: args.requestTimeout,
      // How often the two timeouts above are checked (Node's default, 30 s, would let a slow sender
      // stay that much longer).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(args.headersTimeout / 4))),
    });
    this.server.keepAliveTimeout = args.keepAliveTimeout;
    this.server.on('connection', (socket: Socket) => {
      this.connections.set(socket, 0);
      socket.once('close', () => this.connections.delete(socket));
    });
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.onRequest(req, res));
    // Expect: 100-continue: a body declared over the limit is refused without asking for it.
    this.server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      if (!(Number(req.headers['content-length']) > args.maxBodyBytes)) res.writeContinue();
      void this.onRequest(req, res);
    });
  }

  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      const onError = (error: unknown) => reject(new CliError(`Cannot listen on ${this.args.host}:${this.args.port}: ${systemErrorText(error)}.`));
      this.server.once('error', onError);
      this.server.listen(this.args.port, this.args.host, () => {
        this.server.off('error', onError);
        // A server error after listening (none is expected) must not end the process.
        this.server.on('error', () => undefined);
        const address = this.server.address();
        const port = typeof address === 'object' && address !== null ? address.port : this.args.port;
        const host = this.args.host.includes(':') ? `[${this.args.host}]` : this.args.host;
        resolve(`http://${host}:${port}`);
      });
    });
  }

  /** Stops accepting connections; requests in flight finish (at most shutdownTimeout), then every connection closes. */
  shutdown(): Promise<void> {
    this.closing = true;
    return new Promise((resolve) => {
      const force = setTimeout(() => {
        for (const socket of this.connections.keys()) socket.destroy();
      }, this.args.shutdownTimeout);
      this.server.close(() => {
        clearTimeout(force);
        this.agent?.destroy();
        resolve();
      });
      // Idle connections (kept alive, or opened without a request yet) close now; the others once answered.
      for (const [socket, requests] of this.connections) if (requests === 0) socket.destroy();
    });
  }

  /** Sends an answer; once stopping, each answer closes its connection. */
  private send(res: ServerResponse, answer: HandlerResponse | { status: number; headers: Record<string, string>; body: string }): void {
    if (this.closing && !res.headersSent) res.setHeader('connection', 'close');
    write(res, answer);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.metrics.inFlight++;
    const socket = req.socket;
    this.connections.set(socket, (this.connections.get(socket) ?? 0) + 1);
    // Sockets fail in many ways (a client resets the connection): the request is over, nothing more.
    req.on('error', ignore);
    res.on('error', ignore);
    try {
      await this.route(req, res);
    } catch {
      this.metrics.count('error');
      if (res.headersSent) res.destroy();
      else this.send(res, json(500, { status: 500, code: 'INTERNAL', message: 'The request could not be handled.' }));
    } finally {
      // Answered, forwarded to the end, or given up (the client went away): no longer in flight.
      this.metrics.inFlight--;
      const requests = (this.connections.get(socket) ?? 1) - 1;
      if (this.connections.has(socket)) this.connections.set(socket, requests);
      if (this.closing && requests === 0) socket.destroySoon();
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      req.resume();
      this.send(res, this.closing ? json(503, { status: 'stopping' }) : json(200, { status: 'ok' }));
      return;
    }
    if (path === '/metrics' && req.method === 'GET') {
      req.resume();
      this.send(res, { status: 200, headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }, body: this.metrics.render() });
      return;
    }
    switch (this.args.mode) {
      case 'plain': {
        if (path !== '/validate') {
          req.resume();
          this.metrics.count('refused');
          this.send(res, json(404, { status: 404, code: 'NOT_FOUND', message: `No such resource: ${req.method} ${path.slice(0, 100)}. Send CreateSession bodies to POST /validate.` }));
          return;
        }
        const judged = await this.judge(req, res);
        if (judged !== undefined) this.send(res, judged);
        return;
      }
      case 'ext-authz': {
        if (!isCreateSession(req.method, path)) {
          req.resume();
          this.metrics.count('passed');
          this.send(res, { status: 200, headers: {}, body: '' });
          return;
        }
        const judged = await this.judge(req, res);
        if (judged === undefined) return;
        // Allowed: an empty 200 (Envoy passes the request on); denied: the CAMARA error, which Envoy returns as it is.
        if (judged.status === 200) {
          const headers: Record<string, string> = {};
          if (judged.headers['x-correlator'] !== undefined) headers['x-correlator'] = judged.headers['x-correlator'];
          this.send(res, { status: 200, headers, body: '' });
        } else this.send(res, judged);
        return;
      }
      case 'proxy': {
        if (!isCreateSession(req.method, path)) {
          this.metrics.count('passed');
          await this.forward(req, res, undefined);
          return;
        }
        let body: Buffer | undefined;
        const judged = await this.judge(req, res, (bytes) => (body = bytes));
        if (judged === undefined) return;
        if (judged.status === 200) await this.forward(req, res, body!);
        else this.send(res, judged);
        return;
      }
    }
  }

  /**
   * Reads the body and asks handle(); counts the outcome and the time to the decision. undefined
   * when the client went away (or a timeout closed the request) before its body was read.
   */
  private async judge(req: IncomingMessage, res: ServerResponse, keep?: (body: Buffer) => void): Promise<HandlerResponse | undefined> {
    const started = performance.now();
    const body = await readBody(req, this.args.maxBodyBytes);
    if (body === ABORTED) {
      res.destroy();
      return undefined;
    }
    if (body === TOO_LARGE) {
      // Nothing more is read: the connection closes once the answer is sent.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.socket.destroySoon());
    } else keep?.(body);
    const answer = await this.handle({
      method: req.method ?? '',
      headers: req.headers,
      body: body === TOO_LARGE ? (this.oversized ??= new Uint8Array(this.args.maxBodyBytes + 1)) : body,
    });
    this.metrics.observe((performance.now() - started) / 1000);
    const outcome: Outcome = answer.report === undefined ? (answer.status >= 500 ? 'error' : 'refused') : answer.status === 200 ? 'valid' : answer.status >= 500 ? 'error' : 'invalid';
    this.metrics.count(outcome, answer.report);
    return answer;
  }

  /** Forwards a request to the upstream (the body given, or streamed from the client) and streams the answer back. */
  private forward(req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): Promise<void> {
    const upstream = this.args.upstream!;
    const base = trimEnd(upstream.pathname, '/');
    return new Promise((resolve) => {
      let settled = false;
      const finish = () => {
        if (!settled) {
          settled = true;
          resolve();
        }
      };
      const fail = (status: number, code: string, message: string) => {
        this.metrics.upstreamFailures++;
        if (!res.headersSent) {
          this.send(res, json(status, { status, code, message }));
        } else res.destroy();
        finish();
      };
      const outgoing = (upstream.protocol === 'https:' ? httpsRequest : httpRequest)({
        protocol: upstream.protocol,
        hostname: upstream.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: upstream.port,
        method: req.method,
        path: `${base}${req.url ?? '/'}`,
        headers: forwardedHeaders(req.headers, body),
        agent: this.agent,
      });
      outgoing.setTimeout(this.args.upstreamTimeout, () => outgoing.destroy(Object.assign(new Error('timeout'), { code: 'UPSTREAM_TIMEOUT' })));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'UPSTREAM_TIMEOUT') fail(504, 'TIMEOUT', 'The upstream QoD API did not answer in time.');
        else fail(502, 'BAD_GATEWAY', 'The upstream QoD API could not be reached.');
      });
      outgoing.on('response', (answer: IncomingMessage) => {
        if (res.destroyed) {
          answer.destroy();
          finish();
          return;
        }
        try {
          if (this.closing) res.setHeader('connection', 'close');
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, returnedHeaders(answer.rawHeaders));
        } catch {
          // An answer Node will not pass on as it is (a status outside 100..999): not the client's fault.
          answer.destroy();
          fail(502, 'BAD_GATEWAY', 'The upstream QoD API gave an answer that cannot be passed on.');
          return;
        }
        pipeline(answer, res, () => finish());
      });
      // The client went away: so does the upstream request.
      res.once('close', () => {
        if (!res.writableFinished) outgoing.destroy();
        finish();
      });
      if (body !== undefined) outgoing.end(body);
      else pipeline(req, outgoing, () => undefined);
    });
  }
}

/** Runs `qod-policy serve` until SIGTERM or SIGINT; resolves to the exit status. */
export async function serve(args: ServeArgs, out: (line: string) => void = (line) => void process.stdout.write(`${line}\n`)): Promise<number> {
  const cwd = process.cwd();
  const qosProfiles = args.qosProfiles === undefined ? undefined : loadQosProfiles(args.qosProfiles, cwd);
  // Like lint's, but a gateway judges as the newest CAMARA version unless told (DESIGN.md): not 'auto'.
  const config = await loadConfig({ cwd, configPath: args.config, noLookup: args.noConfig, cli: { dialect: args.dialect, qosProfiles, defaultDialect: 'qod-1.2' } });
  let handle: Handler;
  try {
    handle = createHandler({ ...config.options, maxBodyBytes: args.maxBodyBytes, tokenHeader: args.tokenHeader });
  } catch (error) {
    throw new CliError(`${config.name ?? 'command line'}: ${configErrorMessage(error) ?? `cannot be used: ${describeThrown(error)}`}`);
  }
  // The signals are heard before anyone can know the address: a stop that comes while the server
  // starts is a stop once it has started.
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const onSignal = () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const sidecar = new Sidecar(args, handle);
  let origin: string;
  try {
    origin = await sidecar.listen();
  } catch (error) {
    onSignal();
    throw error;
  }
  const mode = args.mode === 'proxy' ? `proxy to ${args.upstream!.href}` : args.mode;
  out(`qod-policy serve: listening on ${origin} (${mode}; dialect ${config.options.dialect ?? 'qod-1.2'})`);
  await stopped;
  await sidecar.shutdown();
  out('qod-policy serve: stopped');
  return 0;
}
