// A QoD API for the probe's tests, on node:http at 127.0.0.1 (an ephemeral port): conformant by
// default (it judges each CreateSession body with qod-policy and answers as CAMARA says, creates a
// session for a valid body, deletes it on DELETE), and deliberately wrong where a test says so:
// per request, a fault chosen from the body's text decides the answer (wrong status, a generic
// code, no x-correlator echo, a non-JSON error, a crash, a 201 for an invalid body, silence...).
// Every request is recorded.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createValidator, toErrorInfo, type ValidateOptions } from '../../src/index.js';

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** What the mock does with one request instead of answering conformantly. */
export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'code'; code: string }
  | { kind: 'no-correlator' }
  | { kind: 'text-error' }
  | { kind: 'crash' }
  | { kind: 'accept' }
  | { kind: 'silence' }
  | { kind: 'hold'; release: Promise<void> };

export interface MockOptions {
  /** The options the mock judges bodies with (as the endpoint's configuration). */
  readonly validate?: ValidateOptions;
  /** The fault for a request, from its method, path and body; undefined: answer conformantly. */
  readonly fault?: (request: Recorded, index: number) => Fault | undefined;
  /** Whether the release echoes x-correlator (default true). */
  readonly echo?: boolean;
}

export interface MockApi {
  /** http://127.0.0.1:<port>/qod/v1 */
  readonly base: string;
  readonly requests: Recorded[];
  /** Session ids created and not yet deleted. */
  readonly sessions: Set<string>;
  /** Resolves when the mock has received `n` requests. */
  received(n: number): Promise<void>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export async function startMock(options: MockOptions = {}): Promise<MockApi> {
  const validator = createValidator(options.validate ?? {});
  const requests: Recorded[] = [];
  const sessions = new Set<string>();
  const sockets = new Set<Socket>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function answer(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
    const index = requests.length;
    requests.push(recorded);
    for (const waiter of waiters.filter((w) => requests.length >= w.n)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const correlator = req.headers['x-correlator'];
    const echo: Record<string, string> = options.echo !== false && typeof correlator === 'string' ? { 'x-correlator': correlator } : {};
    const json = { 'content-type': 'application/json', ...echo };
    const deleteMatch = /\/sessions\/([^/]+)$/.exec(recorded.path);
    if (recorded.method === 'DELETE' && deleteMatch !== null) {
      const id = decodeURIComponent(deleteMatch[1]!);
      if (sessions.delete(id)) send(res, 204, echo, '');
      else send(res, 404, json, JSON.stringify({ status: 404, code: 'NOT_FOUND', message: 'No such session.' }));
      return;
    }
    let fault = options.fault?.(recorded, index);
    if (fault?.kind === 'hold') {
      await fault.release;
      fault = { kind: 'accept' };
    }
    if (fault?.kind === 'crash') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'silence') return;
    const create = () => {
      const sessionId = randomUUID();
      sessions.add(sessionId);
      send(res, 201, json, JSON.stringify({ sessionId, qosStatus: 'REQUESTED' }));
    };
    if (fault?.kind === 'accept') return create();
    const info = toErrorInfo(validator.validateJson(body));
    if (info === undefined) return create();
    switch (fault?.kind) {
      case 'status':
        return send(res, fault.status, json, JSON.stringify({ ...info, status: fault.status }));
      case 'code':
        return send(res, info.status, json, JSON.stringify({ ...info, code: fault.code }));
      case 'no-correlator':
        return send(res, info.status, { 'content-type': 'application/json' }, JSON.stringify(info));
      case 'text-error':
        return send(res, info.status, { 'content-type': 'text/plain', ...echo }, 'Bad Request');
      default:
        return send(res, info.status, json, JSON.stringify(info));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/qod/v1`,
    requests,
    sessions,
    received: (n) => (requests.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
