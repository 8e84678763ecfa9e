// Debian's nginx with njs in front of the real sidecar, all on 127.0.0.1: the shipped
// examples/nginx/ config (only its addresses changed, and a stand-in for token verification) sends
// each CreateSession body to `qod-policy serve` and passes valid requests to a small upstream, so a
// client talking to nginx gets 201 from the upstream or CAMARA's error from qod-policy.
//
// Needs nginx-light and libnginx-mod-http-js (.ci/run installs them). Without them the test is
// skipped, loudly; under CI=true a missing nginx is a failure.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type Serving } from '../cli/serve-helpers.js';
import { badDuration, correlator, noDevice, post, read, SESSIONS, valid } from './bodies.js';
import { findNginx, replaceOnce, startNginx, type RunningNginx } from './nginx.js';

const nginx = findNginx();
const onCi = process.env.CI === 'true' || process.env.CI === '1';
const INSTALL = 'apt-get install -y nginx-light libnginx-mod-http-js';

if ('missing' in nginx && !onCi) {
  console.warn(`\n*** SKIPPED test/gateways/nginx.test.ts: ${nginx.missing}. Install it to run this test: ${INSTALL} ***\n`);
}

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The QoD API behind nginx: answers 201 to every request and remembers what it received. */
function upstream(received: Received[]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sessionId: 'a8e7a4b0-0000-4000-8000-000000000001' }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A stand-in for the gateway's token verification: two known test tokens and their kinds. */
const TOKEN_MAP = `    map $http_authorization $test_token_kind {
        "Bearer three-legged" true;
        "Bearer two-legged" false;
        default "";
    }

`;

describe('nginx (njs) in front of qod-policy serve', () => {
  if ('missing' in nginx) {
    if (onCi) {
      it('has nginx with njs to run (CI=true)', () => {
        throw new Error(`${nginx.missing}: CI must run this test (${INSTALL}; .ci/run does it)`);
      });
    } else {
      it.skip(`SKIPPED: ${nginx.missing} (${INSTALL})`, () => undefined);
    }
    return;
  }

  const received: Received[] = [];
  let api: Server;
  let sidecar: Serving;
  let proxy: RunningNginx;
  let origin: string;

  beforeAll(async () => {
    api = await upstream(received);
    sidecar = await startServe([]);
    const apiPort = (api.address() as AddressInfo).port;
    proxy = await startNginx(nginx.binary, (config, port) => {
      let edited = replaceOnce(config, 'listen 127.0.0.1:8080;', `listen 127.0.0.1:${port};`);
      edited = replaceOnce(edited, 'server 127.0.0.1:8787;', `server 127.0.0.1:${sidecar.port};`);
      edited = replaceOnce(edited, 'server 127.0.0.1:9000;', `server 127.0.0.1:${apiPort};`);
      edited = replaceOnce(edited, 'set $qod_token_identifies_device "";', 'set $qod_token_identifies_device $test_token_kind;');
      return replaceOnce(edited, '    upstream qod_sidecar {', `${TOKEN_MAP}    upstream qod_sidecar {`);
    });
    origin = `http://127.0.0.1:${proxy.port}`;
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await sidecar?.stop();
    api?.closeAllConnections();
    await new Promise((resolve) => api?.close(resolve));
  });

  /** The upstream's requests made by one call. */
  async function reaching(call: () => Promise<Response>): Promise<{ response: Response; upstream: Received[] }> {
    const before = received.length;
    const response = await call();
    await response.clone().arrayBuffer();
    return { response, upstream: received.slice(before) };
  }

  it('passes a valid body to the upstream unchanged and returns its 201', async () => {
    const text = JSON.stringify(valid, null, 2);
    const { response, upstream: got } = await reaching(() => post(origin, text, { 'x-correlator': correlator, authorization: 'Bearer some-token' }));
    expect(response.status, proxy.errorLog()).toBe(201);
    expect(await response.json()).toEqual({ sessionId: expect.any(String) });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ method: 'POST', url: SESSIONS, body: text, headers: { 'x-correlator': correlator, authorization: 'Bearer some-token', 'content-type': 'application/json' } });
  });

  it("answers an invalid body with qod-policy's CAMARA error, echoing the x-correlator; the upstream sees nothing", async () => {
    const { response, upstream: got } = await reaching(() => post(origin, badDuration, { 'x-correlator': correlator }));
    expect(await read(response)).toEqual({ status: 400, correlator, body: { status: 400, code: 'OUT_OF_RANGE', message: expect.any(String) } });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(got).toEqual([]);
  });

  it('gives the sidecar the token kind the gateway verified: 422 for the wrong identifiers', async () => {
    expect(await read(await post(origin, noDevice, { authorization: 'Bearer two-legged' }))).toMatchObject({ status: 422, body: { code: 'MISSING_IDENTIFIER' } });
    expect(await read(await post(origin, valid, { authorization: 'Bearer three-legged' }))).toMatchObject({ status: 422, body: { code: 'UNNECESSARY_IDENTIFIER' } });
    expect((await post(origin, noDevice, { authorization: 'Bearer three-legged' })).status).toBe(201);
  });

  it("never passes on a client's own token-kind header", async () => {
    // Believed, 'true' would make this body, which names a device, a 422 UNNECESSARY_IDENTIFIER;
    // dropped, the sidecar does not know the token kind and accepts it.
    expect((await post(origin, valid, { 'x-qod-token-identifies-device': 'true' })).status).toBe(201);
    const { upstream: got } = await reaching(() => post(origin, valid, { 'x-qod-token-identifies-device': 'false' }));
    expect(got[0]?.headers['x-qod-token-identifies-device']).toBeUndefined();
  });

  it('answers bad requests with CAMARA errors: content type, JSON syntax, x-correlator, size', async () => {
    expect(await read(await post(origin, JSON.stringify(valid), { 'content-type': 'text/plain' }))).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(await read(await post(origin, '{"duration": '))).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    expect(await read(await post(origin, valid, { 'x-correlator': 'not a correlator!' }))).toMatchObject({ status: 400, body: { code: 'INVALID_ARGUMENT' } });
    // Over client_max_body_size: nginx's own 413, in CAMARA's shape.
    expect(await read(await post(origin, { ...valid, padding: 'x'.repeat(70_000) }))).toMatchObject({ status: 413, body: { status: 413, code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('passes other QoD operations straight to the upstream', async () => {
    const { response, upstream: got } = await reaching(() => fetch(`${origin}${SESSIONS}/a8e7a4b0`, { method: 'DELETE' }));
    expect(response.status).toBe(201);
    expect(got).toMatchObject([{ method: 'DELETE', url: `${SESSIONS}/a8e7a4b0` }]);
  });

  it('fails closed when the sidecar is down: 503, and the upstream sees nothing', async () => {
    await sidecar.stop();
    const { response, upstream: got } = await reaching(() => post(origin, valid));
    expect(await read(response)).toMatchObject({ status: 503, body: { status: 503, code: 'UNAVAILABLE' } });
    expect(got).toEqual([]);
  });
});
