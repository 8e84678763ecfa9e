// qod-policy/express in a real Express app over real HTTP on 127.0.0.1: valid bodies reach the
// route, invalid ones get CAMARA's answer, observe mode attaches the report, the x-correlator is
// echoed, the token kind comes from the gateway's header or the application's own decision.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qodPolicy, type ExpressMiddleware } from '../../src/gateway/express.js';
import { ConfigError, type Report } from '../../src/index.js';
import { badDuration, correlator, noDevice, post, read, SESSIONS, valid } from './bodies.js';

interface Reached {
  body: unknown;
  report: Report | undefined;
}

/** An app whose CreateSession route answers 201 with what reached it. */
function app(setup: (app: Express, route: express.RequestHandler) => void): Express {
  const application = express();
  const route: express.RequestHandler = (req, res) => {
    res.status(201).json({ body: req.body as unknown, report: res.locals.qodReport } satisfies Reached);
  };
  setup(application, route);
  return application;
}

const servers: Server[] = [];

async function start(application: Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const listening = application.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('qod-policy/express', () => {
  let origin: string;
  let parsedFirst: string;
  let observing: string;
  let decided: string;

  beforeAll(async () => {
    origin = await start(app((a, route) => a.post(SESSIONS, qodPolicy({ maxBodyBytes: 4096 }), route)));
    parsedFirst = await start(app((a, route) => a.post(SESSIONS, express.json(), qodPolicy(), route)));
    observing = await start(app((a, route) => a.post(SESSIONS, qodPolicy({ mode: 'observe' }), route)));
    // The application decides the token kind (here from a stand-in for its token check).
    const twoLegged = (req: { headers: Record<string, unknown> }) => (req.headers.authorization === 'Bearer two-legged' ? false : undefined);
    decided = await start(
      app((a, route) => {
        a.use(SESSIONS, qodPolicy({ tokenIdentifiesDevice: twoLegged }));
        a.post(SESSIONS, route);
        a.get(`${SESSIONS}/:id`, (req, res) => void res.json({ sessionId: req.params.id }));
      }),
    );
  });

  it('passes a valid body on to the route, parsed, with the report', async () => {
    const { status, body } = await read(await post(origin, valid));
    expect(status).toBe(201);
    expect(body.body).toEqual(valid);
    expect(body.report).toMatchObject({ valid: true, dialect: 'qod-1.2', errorCount: 0 });
  });

  it('answers an invalid body with the CAMARA ErrorInfo and its status; the route is not reached', async () => {
    const answer = await read(await post(origin, badDuration));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ status: 400, code: 'OUT_OF_RANGE', message: expect.any(String) });
  });

  it('takes the token kind from the gateway header: 2-legged without a device is 422 MISSING_IDENTIFIER', async () => {
    const answer = await read(await post(origin, noDevice, { 'x-qod-token-identifies-device': 'false' }));
    expect(answer).toMatchObject({ status: 422, body: { status: 422, code: 'MISSING_IDENTIFIER' } });
    expect((await post(origin, noDevice, { 'x-qod-token-identifies-device': 'true' })).status).toBe(201);
  });

  it('echoes a valid x-correlator on the route’s answer and on its own; refuses an invalid one', async () => {
    expect((await read(await post(origin, valid, { 'x-correlator': correlator }))).correlator).toBe(correlator);
    expect(await read(await post(origin, badDuration, { 'x-correlator': correlator }))).toMatchObject({ status: 400, correlator });
    const bad = await read(await post(origin, valid, { 'x-correlator': 'not a correlator!' }));
    expect(bad).toMatchObject({ status: 400, correlator: null, body: { code: 'INVALID_ARGUMENT' } });
  });

  it('reads the bytes itself when no body parser ran: content type, size, JSON syntax, duplicate keys', async () => {
    expect(await read(await post(origin, JSON.stringify(valid), { 'content-type': 'text/plain' }))).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const large = await post(origin, { ...valid, padding: 'x'.repeat(5000) });
    expect(large.headers.get('connection')).toBe('close');
    expect(await read(large)).toMatchObject({ status: 413, body: { status: 413, code: 'PAYLOAD_TOO_LARGE' } });
    // Without a content-length (chunked), reading stops at the chunk that crosses the limit.
    const chunked = await fetch(`${origin}${SESSIONS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob(['{"padding":"', 'x'.repeat(5000), '"}']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(await read(chunked)).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await read(await post(origin, '{"duration": '))).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await read(await post(origin, ''))).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    const duplicate = `{"qosProfile":"QOS_E","qosProfile":"QOS_L",${JSON.stringify(valid).slice(1)}`;
    expect(await read(await post(origin, duplicate))).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
  });

  it('judges the value when a body parser ran first', async () => {
    expect(await read(await post(parsedFirst, valid))).toMatchObject({ status: 201, body: { body: valid, report: { valid: true } } });
    expect(await read(await post(parsedFirst, badDuration))).toMatchObject({ status: 400, body: { code: 'OUT_OF_RANGE' } });
  });

  it("observe mode: every request reaches the route, with the report that says what is wrong", async () => {
    const answer = await read(await post(observing, badDuration, { 'x-correlator': correlator }));
    expect(answer).toMatchObject({ status: 201, correlator, body: { body: badDuration, report: { valid: false, errorCount: 1 } } });
    expect((answer.body.report as Report).issues[0]).toMatchObject({ path: '/duration', code: 'OUT_OF_RANGE' });
    const refused = await read(await post(observing, 'duration=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(refused).toMatchObject({ status: 201, body: { report: { valid: false, issues: [{ ruleId: 'http', status: 415 }] } } });
  });

  it("the application's token decision replaces the client's header", async () => {
    // The client claims a 3-legged token; the application's check found a 2-legged one.
    const claimed = { authorization: 'Bearer two-legged', 'x-qod-token-identifies-device': 'true' };
    expect(await read(await post(decided, noDevice, claimed))).toMatchObject({ status: 422, body: { code: 'MISSING_IDENTIFIER' } });
    // No decision (an unknown token kind): the client's header is dropped, not believed.
    expect((await post(decided, valid, { 'x-qod-token-identifies-device': 'true' })).status).toBe(201);
  });

  it('lets other methods through untouched', async () => {
    const answer = await fetch(`${decided}${SESSIONS}/abc`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ sessionId: 'abc' });
  });

  it('checks its options when it is made', () => {
    expect(() => qodPolicy({ rules: { 'no-such-rule': 'error' } })).toThrow(ConfigError);
    expect(() => qodPolicy({ mode: 'block' as never })).toThrow(ConfigError);
    expect(() => qodPolicy({ tokenHeader: false, tokenIdentifiesDevice: () => true })).toThrow(ConfigError);
  });

  it("is an Express RequestHandler by type", () => {
    const handler: express.RequestHandler = qodPolicy() satisfies ExpressMiddleware;
    expect(typeof handler).toBe('function');
  });
});
