// Standard Schema V1: every validator is a schema (`~standard`) that libraries accepting Standard
// Schema take as it is. Checked against the spec's own types (@standard-schema/spec, a dev
// dependency: the package copies the interface) and with a real consumer, Hono's sValidator, over
// Hono's own request handling.
import { sValidator } from '@hono/standard-validator';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createValidator, validate, type DeviceIdentifier, type Validator } from '../../src/index.js';

const body = (extra: Record<string, unknown> = {}) => ({
  device: { phoneNumber: '+34600000001' },
  applicationServer: { ipv4Address: '198.51.100.0/24' },
  qosProfile: 'QOS_E',
  duration: 3600,
  ...extra,
});

/** Standard Schema's answer, awaited when it is a promise. */
const run = async (schema: StandardSchemaV1, value: unknown) => schema['~standard'].validate(value);

describe('~standard', () => {
  const validator = createValidator();

  it('is version 1 of vendor qod-policy', () => {
    expect(validator['~standard']).toMatchObject({ version: 1, vendor: 'qod-policy' });
    expect(typeof validator['~standard'].validate).toBe('function');
  });

  it('has the types of @standard-schema/spec: input unknown, output a JSON object', () => {
    expectTypeOf(validator).toExtend<StandardSchemaV1>();
    expectTypeOf<StandardSchemaV1.InferInput<Validator>>().toEqualTypeOf<unknown>();
    expectTypeOf<StandardSchemaV1.InferOutput<Validator>>().toEqualTypeOf<Record<string, unknown>>();
  });

  it('answers a valid body synchronously with the value itself', () => {
    const value = body();
    const result = validator['~standard'].validate(value);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ value });
    expect((result as { value: unknown }).value).toBe(value);
    expect('issues' in (result as object)).toBe(false);
  });

  it('lets a body with warnings only pass: warnings are not failures', () => {
    // A private device address: ip-address-scope warns by default.
    const value = body({ device: { ipv4Address: { publicAddress: '10.0.0.1', publicPort: 5000 } } });
    const report = validate(value);
    expect(report.valid).toBe(true);
    expect(report.warningCount).toBeGreaterThan(0);
    expect(validator['~standard'].validate(value)).toEqual({ value });
  });

  it('lists the errors only, each with its message and its pointer as keys', () => {
    const value = body({ device: { phoneNumber: '34600000001', ipv4Address: { publicAddress: '10.0.0.1', publicPort: 5000 } }, duration: 0 });
    const report = validate(value);
    const errors = report.issues.filter((i) => i.severity === 'error');
    expect(report.issues.length).toBeGreaterThan(errors.length); // the private address is a warning
    const result = validator['~standard'].validate(value) as StandardSchemaV1.FailureResult;
    expect(result.issues).toEqual(errors.map((i) => ({ message: i.message, path: i.path.slice(1).split('/') })));
    expect(result.issues.map((i) => i.path)).toEqual([['device', 'phoneNumber'], ['duration']]);
  });

  it('gives array items as numbers and unescapes the pointer', () => {
    const value = body({ devicePorts: { ports: [5000, 70000] }, 'a/b~c': 1 });
    const result = validator['~standard'].validate(value) as StandardSchemaV1.FailureResult;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContainEqual(['devicePorts', 'ports', 1]);
    expect(paths).toContainEqual(['a/b~c']);
    expect(validate(value).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['/devicePorts/ports/1', '/a~1b~0c']));
  });

  it('answers a body that is not an object at the root, with an empty path', () => {
    for (const value of [null, 'text', 42, [], undefined]) {
      const result = validator['~standard'].validate(value) as StandardSchemaV1.FailureResult;
      expect(result.issues.length).toBeGreaterThan(0);
      expect(result.issues[0]!.path).toEqual([]);
    }
  });

  it('a key that looks like an index is a string in an object', () => {
    const value = body({ device: { 0: 'x', phoneNumber: '+34600000001' } });
    const result = validator['~standard'].validate(value) as StandardSchemaV1.FailureResult;
    expect(result.issues.map((i) => i.path)).toEqual([['device', '0']]);
  });

  it('waits for a device registry (a promise, from validateAsync), so nothing is left unchecked', async () => {
    const registry = createValidator({
      dialect: 'qod-1.0',
      policy: { resolveDevice: async (id: DeviceIdentifier) => (id.type === 'phoneNumber' ? 'device-a' : 'device-b') },
    });
    const value = body({ device: { phoneNumber: '+34600000001', ipv6Address: '2001:db8::1' } });
    const pending = registry['~standard'].validate(value);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual({ issues: [{ message: expect.stringContaining('name different devices'), path: ['device'] }] });
  });

  it('a registry that does not answer in time fails the body, never passes it', async () => {
    const slow = createValidator({ policy: { resolveDevice: () => new Promise<never>(() => {}), resolveDeviceTimeout: 5 } });
    const result = (await run(slow, body())) as StandardSchemaV1.FailureResult;
    expect(result.issues).toEqual([{ message: expect.stringContaining('did not answer for device.phoneNumber within 5 ms'), path: ['device', 'phoneNumber'] }]);
  });
});

describe("with a library that takes any Standard Schema: Hono's sValidator", () => {
  const sessions = createValidator({ policy: { qosProfiles: [{ name: 'QOS_E', status: 'ACTIVE' }] } });
  const app = new Hono().post('/sessions', sValidator('json', sessions), (c) => {
    const session = c.req.valid('json');
    expectTypeOf(session).toEqualTypeOf<Record<string, unknown>>();
    return c.json({ sessionId: 'a', qosProfile: session.qosProfile }, 201);
  });
  const post = (value: unknown) => app.request('/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

  it('passes a valid body on to the handler', async () => {
    const response = await post(body());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ sessionId: 'a', qosProfile: 'QOS_E' });
  });

  it('answers an invalid one itself with the issues', async () => {
    const response = await post(body({ qosProfile: 'QOS_UNKNOWN' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      success: false,
      error: [{ message: expect.stringContaining('QOS_UNKNOWN'), path: ['qosProfile'] }],
    });
  });

  it('lets a hook answer with the message of the first issue', async () => {
    const camara = new Hono().post(
      '/sessions',
      sValidator('json', sessions, (result, c) => {
        if (!result.success) return c.json({ status: 400, code: 'INVALID_ARGUMENT', message: result.error[0]!.message }, 400);
      }),
      (c) => c.json({}, 201),
    );
    const response = await camara.request('/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body({ duration: 0 })) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ status: 400, code: 'INVALID_ARGUMENT', message: expect.stringContaining('duration') });
  });
});
