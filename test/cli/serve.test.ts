// `qod-policy serve` over real HTTP: the built command on an ephemeral port of 127.0.0.1, spoken
// to with fetch and raw sockets, in each mode (plain, ext-authz, proxy to a real upstream), and
// stopped with SIGTERM. No timing is asserted: timeouts are set short so that the tests end soon.
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, rawConnection, serveFails, startServe, validBody, type Serving } from './serve-helpers.js';

const noDevice = { applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
const badDuration = { ...validBody, duration: 0 };

describe('qod-policy serve (plain mode)', () => {
  let sidecar: Serving;
  beforeAll(async () => {
    sidecar = await startServe(['--max-body-bytes', '4096', '--headers-timeout', '300', '--request-timeout', '600']);
  }, 60_000);
  afterAll(async () => {
    expect(await sidecar.stop()).toBe(0);
    // Nothing is logged per request, and never a stack trace.
    expect(sidecar.stderr()).toBe('');
    expect(sidecar.stdout()).toMatch(/^qod-policy serve: listening on http:\/\/127\.0\.0\.1:\d+ \(plain; dialect qod-1\.2\)\nqod-policy serve: stopped\n$/);
  });
  const validate = () => `${sidecar.origin}/validate`;

  it('answers a valid body with 200 and the report', async () => {
    const answer = await post(validate(), validBody, { 'x-correlator': 'c-1' });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ valid: true, dialect: 'qod-1.2', issues: [], errorCount: 0, warningCount: 0 });
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('x-correlator')).toBe('c-1');
  });

  it('answers an invalid body with the CAMARA error (400)', async () => {
    const answer = await post(validate(), badDuration, { 'x-correlator': 'c-2' });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ status: 400, code: 'OUT_OF_RANGE', message: expect.stringContaining('duration') });
    expect(answer.headers.get('x-correlator')).toBe('c-2');
  });

  it('answers a 2-legged token without a device with 422, from the gateway’s header', async () => {
    const answer = await post(validate(), noDevice, { 'x-qod-token-identifies-device': 'false' });
    expect(answer.status).toBe(422);
    expect(answer.json()).toMatchObject({ status: 422, code: 'MISSING_IDENTIFIER' });
    expect((await post(validate(), noDevice)).status).toBe(200);
  });

  it('gives the whole report when asked', async () => {
    const answer = await post(validate(), badDuration, { 'x-qod-report': 'full' });
    expect(answer.json()).toMatchObject({ status: 400, code: 'OUT_OF_RANGE', report: { valid: false, issues: [{ ruleId: 'duration-bounds' }] } });
  });

  it.each([
    ['a wrong content type', validBody, { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['bad JSON', '{"duration": 36', {}, 400, 'INVALID_ARGUMENT'],
    ['an empty body', '', {}, 400, 'INVALID_ARGUMENT'],
    ['a bad x-correlator', validBody, { 'x-correlator': 'a b=c' }, 400, 'INVALID_ARGUMENT'],
    ['a bad token header', validBody, { 'x-qod-token-identifies-device': 'yes' }, 400, 'INVALID_ARGUMENT'],
  ] as const)('answers %s with %i %s', async (_name, body, headers, status, code) => {
    const answer = await post(validate(), body, headers);
    expect(answer.status).toBe(status);
    expect(answer.json()).toMatchObject({ status, code });
    expect(answer.headers.get('x-correlator')).toBeNull();
  });

  it('answers an oversized body with 413 (declared length)', async () => {
    const answer = await post(validate(), JSON.stringify({ ...validBody, pad: 'x'.repeat(100_000) }));
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers a streamed body with 413 at the limit, without reading the rest', async () => {
    const { socket, closed } = await rawConnection(sidecar.port);
    socket.write('POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    socket.write(`1400\r\n${'x'.repeat(0x1400)}\r\n`);
    // The rest is never sent: the answer comes without it, and the connection closes.
    const text = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toMatch(/connection: close/i);
    expect(text).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });

  it('refuses a declared oversized body at once when the client expects 100-continue', async () => {
    const { socket, closed } = await rawConnection(sidecar.port);
    socket.write('POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n');
    const text = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).not.toContain('100 Continue');
  });

  it('answers other methods with 405 and other paths with 404', async () => {
    const get = await fetch(validate());
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const other = await post(`${sidecar.origin}/sessions`, validBody);
    expect(other.status).toBe(404);
    expect(other.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('keeps connections alive', async () => {
    const { socket, received } = await rawConnection(sidecar.port);
    const body = JSON.stringify(validBody);
    const req = `POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    socket.write(req + req);
    while ((received().match(/HTTP\/1\.1 200 /g) ?? []).length < 2) await new Promise((r) => setTimeout(r, 10));
    expect(received()).toMatch(/keep-alive/i);
    socket.destroy();
  });

  it('closes connections whose headers or body come too slowly', async () => {
    const headers = await rawConnection(sidecar.port);
    headers.socket.write('POST /validate HTTP/1.1\r\nHost: x\r\n');
    expect(await headers.closed).toMatch(/^(HTTP\/1\.1 408 |$)/);
    const body = await rawConnection(sidecar.port);
    body.socket.write('POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"dur');
    expect(await body.closed).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('answers garbage with 400 and stays up', async () => {
    const { socket, closed } = await rawConnection(sidecar.port);
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    expect(await closed).toMatch(/^HTTP\/1\.1 400 /);
    expect((await post(validate(), validBody)).status).toBe(200);
  });

  it('answers /healthz', async () => {
    const answer = await fetch(`${sidecar.origin}/healthz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: 'ok' });
  });

  it('counts requests by outcome and by rule, with a latency histogram, on /metrics', async () => {
    await post(validate(), { ...validBody, duration: 0 });
    const answer = await fetch(`${sidecar.origin}/metrics`);
    expect(answer.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await answer.text();
    const value = (name: string) => Number(text.split('\n').find((line) => line.startsWith(`${name} `))?.slice(name.length + 1));
    expect(value('qod_policy_requests_total{outcome="valid"}')).toBeGreaterThan(0);
    expect(value('qod_policy_requests_total{outcome="invalid"}')).toBeGreaterThan(0);
    expect(value('qod_policy_requests_total{outcome="refused"}')).toBeGreaterThan(0);
    expect(value('qod_policy_rule_rejections_total{rule="duration-bounds"}')).toBeGreaterThan(0);
    expect(value('qod_policy_rule_rejections_total{rule="device-identifiers"}')).toBeGreaterThan(0);
    expect(value('qod_policy_decision_duration_seconds_count')).toBeGreaterThan(0);
    expect(value('qod_policy_decision_duration_seconds_bucket{le="+Inf"}')).toBe(value('qod_policy_decision_duration_seconds_count'));
    expect(text).toMatch(/^# TYPE qod_policy_decision_duration_seconds histogram$/m);
  });
});

describe('qod-policy serve --mode ext-authz', () => {
  let sidecar: Serving;
  beforeAll(async () => {
    sidecar = await startServe(['--mode', 'ext-authz']);
  }, 60_000);
  afterAll(async () => {
    expect(await sidecar.stop()).toBe(0);
  });

  it('allows a valid CreateSession with an empty 200', async () => {
    const answer = await post(`${sidecar.origin}/quality-on-demand/v1/sessions`, validBody, { 'x-correlator': 'c-3' });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    expect(answer.headers.get('x-correlator')).toBe('c-3');
  });

  it('denies an invalid CreateSession with the CAMARA error', async () => {
    const answer = await post(`${sidecar.origin}/quality-on-demand/v1/sessions`, badDuration);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ status: 400, code: 'OUT_OF_RANGE' });
    const denied = await post(`${sidecar.origin}/sessions`, noDevice, { 'x-qod-token-identifies-device': 'false' });
    expect(denied.status).toBe(422);
    expect(denied.json()).toMatchObject({ code: 'MISSING_IDENTIFIER' });
  });

  it('allows any other request (path and method)', async () => {
    expect((await fetch(`${sidecar.origin}/quality-on-demand/v1/sessions/3fa85f64`)).status).toBe(200);
    expect((await fetch(`${sidecar.origin}/quality-on-demand/v1/sessions/3fa85f64`, { method: 'DELETE' })).status).toBe(200);
    expect((await post(`${sidecar.origin}/quality-on-demand/v1/sessions/3fa85f64/extend`, { requestedAdditionalDuration: 60 })).status).toBe(200);
  });
});

describe('qod-policy serve --upstream (validating proxy)', () => {
  let sidecar: Serving;
  let upstream: Server;
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        if (req.url!.endsWith('/stream')) {
          // An answer in pieces, streamed back as it comes.
          res.writeHead(200, { 'content-type': 'text/plain', 'x-upstream': 'yes' });
          res.write('one,');
          setTimeout(() => res.end('two'), 20);
          return;
        }
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', 'x-upstream': 'yes', 'set-cookie': ['a=1', 'b=2'] });
        res.end(JSON.stringify({ sessionId: 'from-upstream', got: req.method }));
      });
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    const { port } = upstream.address() as AddressInfo;
    sidecar = await startServe(['--upstream', `http://127.0.0.1:${port}/base/`]);
  }, 60_000);
  afterAll(async () => {
    expect(await sidecar.stop()).toBe(0);
    upstream.close();
  });

  it('forwards a valid CreateSession unchanged and returns the upstream’s answer', async () => {
    seen.length = 0;
    const text = JSON.stringify(validBody, null, 2);
    const answer = await post(`${sidecar.origin}/quality-on-demand/v1/sessions?x=1`, text, { authorization: 'Bearer t', 'x-correlator': 'c-4' });
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual({ sessionId: 'from-upstream', got: 'POST' });
    expect(answer.headers.get('x-upstream')).toBe('yes');
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/base/quality-on-demand/v1/sessions?x=1', body: text });
    expect(seen[0]!.headers).toMatchObject({ authorization: 'Bearer t', 'x-correlator': 'c-4', 'content-type': 'application/json' });
  });

  it('answers an invalid CreateSession itself: nothing reaches the upstream', async () => {
    seen.length = 0;
    const answer = await post(`${sidecar.origin}/quality-on-demand/v1/sessions`, badDuration);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ status: 400, code: 'OUT_OF_RANGE' });
    const big = await post(`${sidecar.origin}/quality-on-demand/v1/sessions`, JSON.stringify({ pad: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it('forwards other requests without validating them, streaming the answer back', async () => {
    seen.length = 0;
    const get = await fetch(`${sidecar.origin}/quality-on-demand/v1/sessions/abc`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ sessionId: 'from-upstream', got: 'GET' });
    const extend = await post(`${sidecar.origin}/quality-on-demand/v1/sessions/abc/extend`, 'not even json', { 'content-type': 'text/plain' });
    expect(extend.status).toBe(201);
    const streamed = await fetch(`${sidecar.origin}/stream`);
    expect(await streamed.text()).toBe('one,two');
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['GET /base/quality-on-demand/v1/sessions/abc ', 'POST /base/quality-on-demand/v1/sessions/abc/extend not even json', 'GET /base/stream ']);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const dead = await startServe(['--upstream', 'http://127.0.0.1:9/']);
    try {
      const answer = await post(`${dead.origin}/sessions`, validBody);
      expect(answer.status).toBe(502);
      expect(answer.json()).toMatchObject({ status: 502, code: 'BAD_GATEWAY' });
      expect((await post(`${dead.origin}/sessions`, badDuration)).status).toBe(400);
      const metrics = await (await fetch(`${dead.origin}/metrics`)).text();
      expect(metrics).toMatch(/^qod_policy_upstream_failures_total 1$/m);
      expect(metrics).toMatch(/^qod_policy_requests_total\{outcome="valid"\} 1$/m);
    } finally {
      expect(await dead.stop()).toBe(0);
    }
  });

  it('answers 504 when the upstream stays silent', async () => {
    const silent = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const slow = await startServe(['--upstream', `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, '--upstream-timeout', '200']);
    try {
      const answer = await post(`${slow.origin}/sessions`, validBody);
      expect(answer.status).toBe(504);
      expect(answer.json()).toMatchObject({ status: 504, code: 'TIMEOUT' });
    } finally {
      expect(await slow.stop()).toBe(0);
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('qod-policy serve: graceful shutdown', () => {
  it('lets a request in flight finish after SIGTERM, then exits 0', async () => {
    const sidecar = await startServe([]);
    const body = JSON.stringify(validBody);
    const { socket, closed } = await rawConnection(sidecar.port);
    socket.write(`POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    // The request is in flight (its body half sent) when the signal comes.
    await new Promise((resolve) => setTimeout(resolve, 100));
    sidecar.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write(body.slice(10));
    const text = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/connection: close/i);
    expect(text).toContain('"valid":true');
    expect(await sidecar.exited).toBe(0);
    expect(sidecar.stdout()).toMatch(/stopped\n$/);
  }, 60_000);

  it('stops accepting connections and closes idle ones', async () => {
    const sidecar = await startServe([]);
    const idle = await rawConnection(sidecar.port);
    expect(await sidecar.stop('SIGINT')).toBe(0);
    await idle.closed;
    await expect(fetch(`${sidecar.origin}/healthz`)).rejects.toThrow();
  }, 60_000);
});

describe('qod-policy serve: configuration checked at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qod-serve-'));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
  writeFileSync(join(dir, 'good.json'), JSON.stringify({ dialect: 'qod-1.0', context: { tokenIdentifiesDevice: false } }));

  it.each([
    [['--dialect', 'qod-9'], /^qod-policy: Unknown dialect 'qod-9' for --dialect/],
    [['--mode', 'sidecar'], /^qod-policy: Unknown mode 'sidecar' for --mode/],
    [['--mode', 'proxy'], /^qod-policy: Mode proxy needs --upstream/],
    [['--upstream', 'ftp://example.com'], /^qod-policy: Option --upstream needs an http/],
    [['--port', '70000'], /^qod-policy: Option --port needs a whole number/],
    [['--config', 'bad.json'], /^qod-policy: bad\.json: Unknown rule 'no-such-rule'/],
    [['--qos-profiles', 'missing.json'], /^qod-policy: Cannot read the QoS-profile file 'missing\.json'/],
    [['--frobnicate'], /^qod-policy: Unknown option '--frobnicate'/],
    [['--headers-timeout', '5000', '--request-timeout', '1000'], /cannot be longer than --request-timeout/],
  ])('%j: exit 2 with one line', async (args, message) => {
    const { status, stderr, stdout } = await serveFails(['--port', '0', ...args], dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  }, 30_000);

  it('exits 2 with one line when the port is taken', async () => {
    const first = await startServe([]);
    try {
      const { status, stderr } = await serveFails(['--port', String(first.port), '--no-config']);
      expect(status).toBe(2);
      expect(stderr.trim()).toMatch(/^qod-policy: Cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
    } finally {
      await first.stop();
    }
  }, 30_000);

  it('uses the configuration file (dialect, context)', async () => {
    const sidecar = await startServe(['--config', 'good.json'], dir);
    try {
      expect(sidecar.stdout()).toContain('dialect qod-1.0');
      const body = { applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
      expect((await post(`${sidecar.origin}/validate`, body)).json()).toMatchObject({ status: 422, code: 'MISSING_IDENTIFIER' });
      // The gateway's header wins over the configured token kind.
      expect((await post(`${sidecar.origin}/validate`, body, { 'x-qod-token-identifies-device': 'true' })).status).toBe(200);
    } finally {
      expect(await sidecar.stop()).toBe(0);
    }
  }, 30_000);

  it('prints its help', async () => {
    const { status, stdout } = await serveFails(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: qod-policy serve [options]');
  }, 30_000);
});
