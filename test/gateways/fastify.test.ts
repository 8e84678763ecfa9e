// qod-policy/fastify in a real Fastify app over real HTTP on 127.0.0.1: the preValidation hook lets
// valid bodies reach the route, answers invalid ones with CAMARA's error, attaches the report in
// observe mode, echoes the x-correlator, takes the token kind from the gateway's header or the
// application's decision, and applies only in the context it is registered in.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qodPolicy, type FastifyOptions } from '../../src/gateway/fastify.js';
import { ConfigError, type Report } from '../../src/index.js';
import { badDuration, correlator, noDevice, post, read, SESSIONS, valid } from './bodies.js';

const apps: FastifyInstance[] = [];

const route = async (request: FastifyRequest, reply: FastifyReply) => reply.code(201).send({ body: request.body, report: request.qodReport });

/** An app with the plugin registered next to the CreateSession route; the extend route lies outside it. */
async function start(options: FastifyOptions = {}): Promise<string> {
  const app = Fastify();
  apps.push(app);
  await app.register(async (sessions) => {
    await sessions.register(qodPolicy, options);
    sessions.post(SESSIONS, route);
    sessions.get(`${SESSIONS}/:id`, async (request) => ({ sessionId: (request.params as { id: string }).id }));
  });
  app.post(`${SESSIONS}/:id/extend`, route);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

afterAll(async () => {
  for (const app of apps) await app.close();
});

describe('qod-policy/fastify', () => {
  let origin: string;
  let observing: string;
  let decided: string;

  beforeAll(async () => {
    origin = await start();
    observing = await start({ mode: 'observe' });
    decided = await start({ tokenIdentifiesDevice: (request) => (request.headers.authorization === 'Bearer two-legged' ? false : undefined) });
  });

  it('passes a valid body on to the route with the report', async () => {
    const answer = await read(await post(origin, valid));
    expect(answer).toMatchObject({ status: 201, body: { body: valid, report: { valid: true, dialect: 'qod-1.2' } } });
  });

  it('answers an invalid body with the CAMARA ErrorInfo and its status', async () => {
    const answer = await read(await post(origin, badDuration));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ status: 400, code: 'OUT_OF_RANGE', message: expect.any(String) });
  });

  it('takes the token kind from the gateway header: 3-legged with a device is 422 UNNECESSARY_IDENTIFIER', async () => {
    expect(await read(await post(origin, valid, { 'x-qod-token-identifies-device': 'true' }))).toMatchObject({ status: 422, body: { code: 'UNNECESSARY_IDENTIFIER' } });
    expect(await read(await post(origin, noDevice, { 'x-qod-token-identifies-device': 'false' }))).toMatchObject({ status: 422, body: { code: 'MISSING_IDENTIFIER' } });
  });

  it('echoes a valid x-correlator on the route’s answer and on its own; refuses an invalid one', async () => {
    expect((await read(await post(origin, valid, { 'x-correlator': correlator }))).correlator).toBe(correlator);
    expect(await read(await post(origin, badDuration, { 'x-correlator': correlator }))).toMatchObject({ status: 400, correlator });
    expect(await read(await post(origin, valid, { 'x-correlator': 'not a correlator!' }))).toMatchObject({ status: 400, correlator: null, body: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses a text body as 415 (Fastify parsed it as a string)', async () => {
    expect(await read(await post(origin, JSON.stringify(valid), { 'content-type': 'text/plain' }))).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('observe mode: every request reaches the route, with the report that says what is wrong', async () => {
    const answer = await read(await post(observing, badDuration, { 'x-correlator': correlator }));
    expect(answer).toMatchObject({ status: 201, correlator, body: { body: badDuration, report: { valid: false, errorCount: 1 } } });
    expect((answer.body.report as Report).issues[0]).toMatchObject({ path: '/duration', code: 'OUT_OF_RANGE' });
  });

  it("the application's token decision replaces the client's header", async () => {
    const claimed = { authorization: 'Bearer two-legged', 'x-qod-token-identifies-device': 'true' };
    expect(await read(await post(decided, noDevice, claimed))).toMatchObject({ status: 422, body: { code: 'MISSING_IDENTIFIER' } });
    expect((await post(decided, valid, { 'x-qod-token-identifies-device': 'true' })).status).toBe(201);
  });

  it('judges only POST in the context it is registered in', async () => {
    const get = await fetch(`${origin}${SESSIONS}/abc`);
    expect(await get.json()).toEqual({ sessionId: 'abc' });
    // The extend route lies outside the plugin's context: its body is not a CreateSession body.
    expect(await read(await post(origin, { requestedAdditionalDuration: 60 }, {}, `${SESSIONS}/abc/extend`))).toMatchObject({ status: 201 });
  });

  it('fails registration on a configuration mistake', async () => {
    const app = Fastify();
    await expect(app.register(qodPolicy, { rules: { 'no-such-rule': 'error' } }).ready()).rejects.toThrow(ConfigError);
    await app.close();
  });

  it('may be registered in two contexts of one app', async () => {
    const app = Fastify();
    apps.push(app);
    for (const prefix of ['/a', '/b']) {
      await app.register(
        async (sessions) => {
          await sessions.register(qodPolicy);
          sessions.post(SESSIONS, route);
        },
        { prefix },
      );
    }
    const at = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await post(at, badDuration, {}, `/b${SESSIONS}`)).status).toBe(400);
    expect((await post(at, valid, {}, `/a${SESSIONS}`)).status).toBe(201);
  });
});
