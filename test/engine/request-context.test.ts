// Per-request context: one validator serves requests with different token kinds and clocks. A
// call's context is merged over the configured one, reaches every rule's ctx.request (the
// synchronous contexts are cached per rule and lent to each run) and never leaks into the next call.
import { describe, expect, it } from 'vitest';
import { ConfigError, createValidator, defineRule, toErrorInfo, type DeviceIdentifier, type Report, type RequestContext } from '../../src/index.js';

const withDevice = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
const withoutDevice = { applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };
const withSink = (expires: string) => ({
  ...withoutDevice,
  sink: 'https://app.example.com/notifications',
  sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'token', accessTokenType: 'bearer', accessTokenExpiresUtc: expires },
});

const codeOf = (report: Report) => toErrorInfo(report)?.code ?? 'valid';
const messageIds = (report: Report, ruleId: string) => report.issues.filter((i) => i.ruleId === ruleId).map((i) => i.messageId);

describe('a call’s context', () => {
  it('decides the token rules per call on one validator', () => {
    const { validate, validateJson } = createValidator();
    expect(codeOf(validate(withDevice, { context: { tokenIdentifiesDevice: true } }))).toBe('UNNECESSARY_IDENTIFIER');
    expect(codeOf(validate(withDevice, { context: { tokenIdentifiesDevice: false } }))).toBe('valid');
    expect(codeOf(validate(withoutDevice, { context: { tokenIdentifiesDevice: false } }))).toBe('MISSING_IDENTIFIER');
    expect(codeOf(validate(withoutDevice, { context: { tokenIdentifiesDevice: true } }))).toBe('valid');
    expect(codeOf(validateJson(JSON.stringify(withDevice), { context: { tokenIdentifiesDevice: true } }))).toBe('UNNECESSARY_IDENTIFIER');
    expect(codeOf(validateJson(JSON.stringify(withoutDevice), { context: { tokenIdentifiesDevice: false } }))).toBe('MISSING_IDENTIFIER');
  });

  it('does not stay for the next call: without one, the configured context applies', () => {
    const { validate } = createValidator({ context: { tokenIdentifiesDevice: false } });
    expect(codeOf(validate(withoutDevice))).toBe('MISSING_IDENTIFIER');
    expect(codeOf(validate(withoutDevice, { context: { tokenIdentifiesDevice: true } }))).toBe('valid');
    expect(codeOf(validate(withoutDevice))).toBe('MISSING_IDENTIFIER');
    expect(codeOf(validate(withoutDevice, {}))).toBe('MISSING_IDENTIFIER');
  });

  it('is merged over the configured one key by key', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const { validate } = createValidator({ context: { tokenIdentifiesDevice: false, now } });
    // now from the configuration (the token expired by 2030), token kind from the call.
    const report = validate(withSink('2029-01-01T00:00:00Z'), { context: { tokenIdentifiesDevice: true } });
    expect(messageIds(report, 'device-identifiers')).toEqual([]);
    expect(messageIds(report, 'sink-credential')).toEqual(['expired']);
    // A key given as undefined replaces the configured value: the token kind is unknown.
    expect(codeOf(validate(withoutDevice, { context: { tokenIdentifiesDevice: undefined } }))).toBe('valid');
  });

  it('gives each call its own clock', () => {
    const { validate } = createValidator();
    const body = withSink('2029-01-01T00:00:00Z');
    expect(messageIds(validate(body, { context: { now: new Date('2030-01-01T00:00:00Z') } }), 'sink-credential')).toEqual(['expired']);
    expect(messageIds(validate(body, { context: { now: new Date('2028-01-01T00:00:00Z') } }), 'sink-credential')).toEqual([]);
  });

  it('is each validateAsync run’s own while synchronous calls with other contexts run in between', async () => {
    // A registry that answers later, so the asynchronous runs are in flight while validate() runs.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const resolveDevice = async (_id: DeviceIdentifier) => {
      await gate;
      return 'device-a';
    };
    const { validate, validateAsync } = createValidator({ policy: { resolveDevice } });
    const a = validateAsync(withDevice, { context: { tokenIdentifiesDevice: false } });
    const b = validateAsync(withoutDevice, { context: { tokenIdentifiesDevice: false } });
    expect(codeOf(validate(withDevice, { context: { tokenIdentifiesDevice: true } }))).toBe('UNNECESSARY_IDENTIFIER');
    const c = validateAsync(withDevice, { context: { tokenIdentifiesDevice: true } });
    expect(codeOf(validate(withoutDevice, { context: { tokenIdentifiesDevice: true } }))).toBe('valid');
    release();
    expect((await Promise.all([a, b, c])).map(codeOf)).toEqual(['valid', 'MISSING_IDENTIFIER', 'UNNECESSARY_IDENTIFIER']);
  });

  it('reaches ctx.request of plugin rules, also when a rule validates a body itself', () => {
    const seen: (boolean | undefined)[] = [];
    let inner: ((body: unknown, context: RequestContext) => unknown) | undefined;
    const probe = defineRule({
      meta: { docs: { description: 'records the token kind' }, messages: { seen: 'seen' }, status: 400, code: 'INVALID_ARGUMENT' },
      check(_model, ctx) {
        seen.push(ctx.request.tokenIdentifiesDevice);
        // A nested run with another context, then this run's context again.
        if (inner !== undefined && ctx.request.tokenIdentifiesDevice === true) {
          const nested = inner;
          inner = undefined;
          nested(withoutDevice, { tokenIdentifiesDevice: false });
          seen.push(ctx.request.tokenIdentifiesDevice);
        }
      },
    });
    const { validate } = createValidator({ plugins: [{ name: 'test', rules: { probe } }] });
    inner = (body, context) => validate(body, { context });
    validate(withoutDevice, { context: { tokenIdentifiesDevice: true } });
    validate(withoutDevice);
    expect(seen).toEqual([true, false, true, undefined]);
  });

  it.each([
    ['not an object', 'token', /must be an object/],
    ['an unknown key', { tokenIdentifiesDevices: true }, /did you mean 'tokenIdentifiesDevice'/],
    ['a token kind that is not a boolean', { tokenIdentifiesDevice: 'true' }, /tokenIdentifiesDevice must be true, false or absent/],
    ['an invalid Date', { now: new Date('nope') }, /context.now must be a valid Date \(got an invalid Date\)/],
    ['a clock that is not a Date', { now: '2030-01-01' }, /context.now must be a valid Date/],
  ])('is checked: %s is a ConfigError', async (_name, context, message) => {
    const { validate, validateJson, validateAsync } = createValidator();
    const options = { context: context as RequestContext };
    expect(() => validate(withDevice, options)).toThrow(ConfigError);
    expect(() => validate(withDevice, options)).toThrow(message);
    expect(() => validateJson('{}', options)).toThrow(message);
    await expect(validateAsync(withDevice, options)).rejects.toThrow(message);
  });
});
