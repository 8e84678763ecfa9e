// handle(): the HTTP behaviour shared by the sidecar and the middlewares (docs/gateways.md), one
// table row per request: what it sends, what status, code and headers come back.
import { describe, expect, it } from 'vitest';
import { ConfigError, type DeviceIdentifier } from '../../src/index.js';
import { createHandler, type HandlerOptions, type HandlerRequest, type HandlerResponse } from '../../src/gateway/index.js';

const valid = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
const noDevice = { applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
const badDuration = { ...valid, duration: 0 };
const v08 = { ueId: { msisdn: '+34600000001' }, asId: { ipv4addr: '198.51.100.0/24' }, qos: 'QOS_L' };
const v10 = (device: Record<string, unknown>) => ({ device, applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 });

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (body: unknown, headers: Record<string, string | string[]> = {}): HandlerRequest => ({
  method: 'POST',
  headers: { ...JSON_TYPE, ...headers },
  body: typeof body === 'string' || body instanceof Uint8Array || body === undefined ? body : JSON.stringify(body),
});

interface Row {
  name: string;
  options?: HandlerOptions;
  request: HandlerRequest;
  status: number;
  /** The ErrorInfo code, or 'valid'. */
  code: string;
  /** The x-correlator echoed (undefined: none). */
  correlator?: string;
  headers?: Record<string, string>;
}

const corr = 'b4333c46-49c0-4f62-80d7-f0ef930f1c46';
const codeOf = (answer: HandlerResponse) => (answer.status === 200 ? 'valid' : (JSON.parse(answer.body) as { code: string }).code);

const rows: Row[] = [
  // Bodies
  { name: 'a valid body as text', request: post(valid), status: 200, code: 'valid' },
  { name: 'a valid body as bytes', request: post(new TextEncoder().encode(JSON.stringify(valid))), status: 200, code: 'valid' },
  { name: 'a valid body a framework parsed', request: { method: 'POST', headers: JSON_TYPE, body: valid }, status: 200, code: 'valid' },
  { name: 'a lower-case method', request: { ...post(valid), method: 'post' }, status: 200, code: 'valid' },
  { name: 'an invalid body: 400', request: post(badDuration), status: 400, code: 'OUT_OF_RANGE' },
  { name: 'an invalid parsed body: 400', request: { method: 'POST', headers: {}, body: badDuration }, status: 400, code: 'OUT_OF_RANGE' },
  { name: 'malformed JSON', request: post('{"duration": '), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'an empty text body', request: post(''), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'an empty body without a content type', request: { method: 'POST', headers: {}, body: '' }, status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'no body at all', request: { method: 'POST', headers: {} }, status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'a JSON array', request: post('[]'), status: 400, code: 'INVALID_ARGUMENT' },
  // Token context from the gateway's header
  { name: '2-legged token without a device: 422', request: post(noDevice, { 'x-qod-token-identifies-device': 'false' }), status: 422, code: 'MISSING_IDENTIFIER' },
  { name: '3-legged token with a device: 422', request: post(valid, { 'x-qod-token-identifies-device': 'true' }), status: 422, code: 'UNNECESSARY_IDENTIFIER' },
  { name: '3-legged token without a device', request: post(noDevice, { 'x-qod-token-identifies-device': ' TRUE ' }), status: 200, code: 'valid' },
  { name: 'a token header that is not true or false', request: post(valid, { 'x-qod-token-identifies-device': 'yes' }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'a repeated token header', request: post(valid, { 'x-qod-token-identifies-device': ['true', 'false'] }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'the token header ignored (tokenHeader: false)', options: { tokenHeader: false }, request: post(valid, { 'x-qod-token-identifies-device': 'true' }), status: 200, code: 'valid' },
  { name: 'a token header of another name', options: { tokenHeader: 'X-Token-Legs' }, request: post(noDevice, { 'x-token-legs': 'false', 'x-qod-token-identifies-device': 'true' }), status: 422, code: 'MISSING_IDENTIFIER' },
  { name: 'a token kind configured, none in the request', options: { context: { tokenIdentifiesDevice: false } }, request: post(noDevice), status: 422, code: 'MISSING_IDENTIFIER' },
  { name: 'the header wins over the configured token kind', options: { context: { tokenIdentifiesDevice: false } }, request: post(noDevice, { 'x-qod-token-identifies-device': 'true' }), status: 200, code: 'valid' },
  // Method, media type, size
  { name: 'GET', request: { method: 'GET', headers: {} }, status: 405, code: 'METHOD_NOT_ALLOWED', headers: { allow: 'POST' } },
  { name: 'text/plain', request: post(valid, { 'content-type': 'text/plain' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form data', request: post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'no content type', request: { method: 'POST', headers: {}, body: JSON.stringify(valid) }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a charset other than UTF-8', request: post(valid, { 'content-type': 'application/json; charset=iso-8859-1' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'JSON with charset UTF-8', request: post(valid, { 'content-type': 'Application/JSON; charset="UTF-8"' }), status: 200, code: 'valid' },
  { name: 'a body over the limit (text)', options: { maxBodyBytes: 100 }, request: post(valid), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a body over the limit (bytes)', options: { maxBodyBytes: 100 }, request: post(new TextEncoder().encode(JSON.stringify(valid))), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a body over the default 64 KiB', request: post(JSON.stringify({ ...valid, pad: 'x'.repeat(65536) })), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  // 34 characters that take 3 bytes each: 102 bytes, over 100 although 34 + 8 characters are not.
  { name: 'a limit counted in UTF-8 bytes', options: { maxBodyBytes: 100 }, request: post(`{"a":"${'€'.repeat(34)}"}`), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a multi-byte body within the limit', options: { maxBodyBytes: 120 }, request: post(`{"a":"${'€'.repeat(34)}"}`), status: 400, code: 'INVALID_ARGUMENT' },
  // x-correlator
  { name: 'a UUID correlator, echoed', request: post(valid, { 'x-correlator': corr }), status: 200, code: 'valid', correlator: corr },
  { name: 'a correlator with the wider r3 characters', request: post(valid, { 'x-correlator': 'a:b;c.d/e<f>{g}_h' }), status: 200, code: 'valid', correlator: 'a:b;c.d/e<f>{g}_h' },
  { name: 'a correlator echoed with an error', request: post(badDuration, { 'x-correlator': corr }), status: 400, code: 'OUT_OF_RANGE', correlator: corr },
  { name: 'a correlator echoed with 415', request: post(valid, { 'x-correlator': corr, 'content-type': 'text/plain' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', correlator: corr },
  { name: 'a correlator echoed with 405', request: { method: 'PUT', headers: { 'x-correlator': corr } }, status: 405, code: 'METHOD_NOT_ALLOWED', correlator: corr },
  { name: 'a correlator with =', request: post(valid, { 'x-correlator': 'a=b' }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'a correlator with a space', request: post(valid, { 'x-correlator': 'a b' }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'a correlator of 257 characters', request: post(valid, { 'x-correlator': 'a'.repeat(257) }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'a correlator of 256 characters', request: post(valid, { 'x-correlator': 'a'.repeat(256) }), status: 200, code: 'valid', correlator: 'a'.repeat(256) },
  { name: 'a repeated correlator', request: post(valid, { 'x-correlator': ['a', 'b'] }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'a bad correlator before a bad body', request: post(badDuration, { 'x-correlator': 'a=b' }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'CAMARA 1.0: the r2 pattern (no colon)', options: { dialect: 'qod-1.0' }, request: post(v10({ phoneNumber: '+34600000001' }), { 'x-correlator': 'a:b' }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'CAMARA 1.0: 55 characters at most', options: { dialect: 'qod-1.0' }, request: post(v10({ phoneNumber: '+34600000001' }), { 'x-correlator': 'a'.repeat(56) }), status: 400, code: 'INVALID_ARGUMENT' },
  { name: 'CAMARA 1.0: a UUID', options: { dialect: 'qod-1.0' }, request: post(v10({ phoneNumber: '+34600000001' }), { 'x-correlator': corr }), status: 200, code: 'valid', correlator: corr },
  { name: 'CAMARA 0.8 sets no pattern', options: { dialect: 'qod-0.8' }, request: post(v08, { 'x-correlator': 'a=b c' }), status: 200, code: 'valid', correlator: 'a=b c' },
  { name: 'auto: the pattern of the body’s dialect (0.8)', options: { dialect: 'auto' }, request: post(v08, { 'x-correlator': 'a=b' }), status: 200, code: 'valid', correlator: 'a=b' },
  { name: 'auto: the pattern of the body’s dialect (1.2)', options: { dialect: 'auto' }, request: post(valid, { 'x-correlator': 'a=b' }), status: 400, code: 'INVALID_ARGUMENT' },
  // Each dialect's words
  { name: 'CAMARA 0.8: every 400 is INVALID_INPUT', options: { dialect: 'qod-0.8' }, request: post({ ...v08, duration: 0 }), status: 400, code: 'INVALID_INPUT' },
  { name: 'CAMARA 0.8: a bad token header is INVALID_INPUT', options: { dialect: 'qod-0.8' }, request: post(v08, { 'x-qod-token-identifies-device': 'maybe' }), status: 400, code: 'INVALID_INPUT' },
  { name: 'the default dialect rejects a 0.8 body', request: post(v08), status: 400, code: 'INVALID_ARGUMENT' },
];

describe('handle()', () => {
  it.each(rows)('$name → $status $code', async ({ options, request, status, code, correlator, headers }) => {
    const answer = await createHandler(options)(request);
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status, code });
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-correlator']).toBe(correlator);
    if (headers !== undefined) expect(answer.headers).toMatchObject(headers);
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    if (status === 200) {
      expect(body).toMatchObject({ valid: true });
      expect(answer.report?.valid).toBe(true);
    } else {
      expect(Object.keys(body).sort()).toEqual(options?.dialect === 'qod-0.8' ? ['code', 'message'] : ['code', 'message', 'status']);
      if (body.status !== undefined) expect(body.status).toBe(status);
      expect(answer.report?.valid).toBe(false);
    }
  });

  it('answers a valid body with its own report, whichever body and dialect came before', async () => {
    // The text of a clean report is written once per dialect: a later report, clean or with warnings, is its own.
    const qosProfiles = [{ name: 'QOS_E', status: 'ACTIVE' as const, maxDuration: { value: 2, unit: 'Hours' as const } }, { name: 'QOS_L', status: 'ACTIVE' as const }];
    const handle = createHandler({ dialect: 'auto', policy: { qosProfiles }, rules: { 'duration-bounds': 'warn' } });
    const requests = [post(valid), post(v08), post({ ...valid, duration: 7300 }), post({ ...valid, qosProfile: 'QOS_L' }), post(v08), post(valid)];
    const dialects: string[] = [];
    for (const request of requests) {
      const answer = await handle(request);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(JSON.stringify(answer.report));
      dialects.push(answer.report!.dialect);
    }
    expect(dialects).toEqual(['qod-1.2', 'qod-0.8', 'qod-1.2', 'qod-1.2', 'qod-0.8', 'qod-1.2']);
    expect(JSON.parse((await handle(requests[2]!)).body)).toMatchObject({ valid: true, warningCount: 1 });
  });

  it('answers with the whole report when asked (x-qod-report: full)', async () => {
    const handle = createHandler();
    const answer = await handle(post(badDuration, { 'x-qod-report': 'full' }));
    const body = JSON.parse(answer.body) as { status: number; code: string; report: { issues: { ruleId: string; path: string; line?: number }[] } };
    expect(body).toMatchObject({ status: 400, code: 'OUT_OF_RANGE' });
    expect(body.report.issues.map((i) => `${i.ruleId}@${i.path}`)).toEqual(['duration-bounds@/duration']);
    // A bad header: judged before the body when the dialect is configured; under 'auto' after it, both listed.
    const header = await handle(post(badDuration, { 'x-correlator': 'a=b', 'x-qod-report': 'FULL' }));
    expect((JSON.parse(header.body) as typeof body).report.issues.map((i) => i.ruleId)).toEqual(['http']);
    const auto = await createHandler({ dialect: 'auto' })(post(badDuration, { 'x-correlator': 'a=b', 'x-qod-report': 'full' }));
    expect(JSON.parse(auto.body)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT', report: { valid: false, errorCount: 2 } });
    expect((JSON.parse(auto.body) as typeof body).report.issues.map((i) => i.ruleId)).toEqual(['http', 'duration-bounds']);
    const plain = await handle(post(badDuration));
    expect((JSON.parse(plain.body) as Record<string, unknown>).report).toBeUndefined();
    // Lines and columns are worked out only for the whole report (an ErrorInfo has no place for them).
    expect(plain.report!.issues[0]!.line).toBeUndefined();
    expect(body.report.issues[0]).toMatchObject({ line: 1, column: expect.any(Number) });
    // A parse error says where, in its message, either way.
    expect(JSON.parse((await handle(post('{"duration": 3600,}'))).body)).toMatchObject({ message: expect.stringMatching(/\(line 1, column \d+\)\.$/) });
  });

  it('says in the message what is wrong with the request', async () => {
    const handle = createHandler({ maxBodyBytes: 1000 });
    const message = async (request: HandlerRequest) => (JSON.parse((await handle(request)).body) as { message: string }).message;
    expect(await message(post(valid, { 'content-type': 'text/plain\u0007' }))).toBe("The content type 'text/plain?' is not supported: send the body as application/json.");
    expect(await message(post('x'.repeat(1001)))).toBe('The body is larger than 1000 bytes.');
    expect(await message(post(valid, { 'x-qod-token-identifies-device': '1' }))).toBe('The header x-qod-token-identifies-device must be true or false.');
    expect(await message(post('{"a": }'))).toMatch(/^The text is not valid JSON: .*\(line 1, column 7\)\.$/);
  });

  it('awaits an asynchronous device registry, for text and parsed bodies', async () => {
    const devices: Record<string, string> = { '+34600000001': 'a', '84.125.93.10': 'b' };
    const resolveDevice = async (id: DeviceIdentifier) => devices[id.type === 'ipv4Address' ? (id.value.publicAddress ?? '') : id.value];
    const handle = createHandler({ dialect: 'qod-1.0', policy: { resolveDevice } });
    const mismatch = v10({ phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000 } });
    for (const body of [JSON.stringify(mismatch), mismatch]) {
      const answer = await handle({ method: 'POST', headers: JSON_TYPE, body });
      expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 422, code: 'IDENTIFIER_MISMATCH' });
    }
    expect((await handle(post(v10({ phoneNumber: '+34600000001' })))).status).toBe(200);
    // Duplicate keys are still found on the asynchronous path.
    const duplicate = await handle(post('{"duration": 60, "duration": 3600}', { 'x-qod-report': 'full' }));
    expect(duplicate.body).toContain('duplicateKey');
  });

  it('checks its options once, when it is made', () => {
    expect(() => createHandler({ maxBodyBytes: 0 })).toThrow(ConfigError);
    expect(() => createHandler({ maxBodyBytes: 1.5 })).toThrow(/maxBodyBytes must be a positive whole number/);
    expect(() => createHandler({ tokenHeader: 'a header' })).toThrow(/tokenHeader must be a header name or false/);
    expect(() => createHandler({ rules: { 'no-such-rule': 'off' } })).toThrow(ConfigError);
  });

  it('never rejects: a body that throws when read is a 400', async () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    const answer = await createHandler()({ method: 'POST', headers: JSON_TYPE, body: hostile });
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('boom\n');
  });
});
