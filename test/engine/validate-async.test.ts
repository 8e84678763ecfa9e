// validateAsync: rules that must wait (a device registry behind policy.resolveDevice, or a custom
// rule) are awaited; validate() stays synchronous and says clearly what it could not wait for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createValidator,
  defineRule,
  toErrorInfo,
  validate,
  validateAsync,
  type DeviceIdentifier,
  type Issue,
  type ResolveDeviceOptions,
  type Plugin,
  type Report,
} from '../../src/index.js';

// The bodies name their dialect by their keys: options say dialect 'auto' (the library's default is qod-1.2).
const sdkBody = (device: Record<string, unknown>) => ({ qos_profile: 'QOS_VC', device });
const body12 = (device: Record<string, unknown>) => ({ applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600, device });

const devices = new Map<string, string>([
  ['+34600000001', 'device-a'],
  ['84.125.93.10', 'device-a'],
  ['2001:db8::1', 'device-b'],
]);
const lookup = (id: DeviceIdentifier) => devices.get(id.type === 'ipv4Address' ? (id.value.publicAddress ?? '') : id.value);
const later = <T>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), 1));

const findings = (report: Report, ruleId = 'device-identifiers') =>
  report.issues.filter((i: Issue) => i.ruleId === ruleId).map((i) => `${i.messageId}@${i.path}`);

const same = sdkBody({ phone_number: '+34600000001', ipv4_address: { public_address: '84.125.93.10', public_port: 5000 } });
const different = sdkBody({ phone_number: '+34600000001', ipv6_address: '2001:db8::1' });
const unknown = sdkBody({ phone_number: '+34699999999' });

/** Fails the test if any promise rejection goes unhandled while it runs. */
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});
/** Lets the event loop turn, so that a rejection without a handler would be reported. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('validateAsync', () => {
  describe.each([
    ['a synchronous resolver', (id: DeviceIdentifier) => lookup(id)],
    ['an asynchronous resolver', (id: DeviceIdentifier) => later(lookup(id))],
    ['a resolver answering with a non-native thenable', (id: DeviceIdentifier) => ({ then: (ok: (v: unknown) => void) => ok(lookup(id)) })],
  ])('with %s', (_name, resolveDevice) => {
    const options = { dialect: 'auto' as const, policy: { resolveDevice: resolveDevice as (id: DeviceIdentifier) => Promise<string | undefined> } };

    it('accepts identifiers naming the same device', async () => {
      const report = await validateAsync(same, options);
      expect(findings(report)).toEqual([]);
      expect(report.valid).toBe(true);
    });

    it('reports identifiers naming different devices where the dialect demands one device (SDK)', async () => {
      const report = await validateAsync(different, options);
      expect(findings(report)).toEqual(['identifierMismatch@/device']);
      // The SDK model answers as CAMARA 0.10: 400 INVALID_ARGUMENT ("Multiple inconsistent parameters").
      expect(toErrorInfo(report)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT' });
    });

    it('never cross-checks identifiers in 1.2', async () => {
      const report = await validateAsync(body12({ phoneNumber: '+34600000001', ipv6Address: '2001:db8::1' }), options);
      expect(findings(report)).toEqual([]);
    });

    it('reports an identifier no device is known for, in both dialects', async () => {
      const sdk = await validateAsync(unknown, options);
      expect(findings(sdk)).toEqual(['identifierNotFound@/device']);
      // CAMARA 0.10 (the SDK model's reference) defines no 404 for createSession.
      expect(toErrorInfo(sdk)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT' });
      const camara = await validateAsync(body12({ phoneNumber: '+34699999999' }), options);
      expect(findings(camara)).toEqual(['identifierNotFound@/device']);
      expect(toErrorInfo(camara)).toMatchObject({ status: 404, code: 'IDENTIFIER_NOT_FOUND' });
    });
  });

  it('waits for answers that arrive in any order, mixed with synchronous ones', async () => {
    const resolveDevice = (id: DeviceIdentifier) =>
      id.type === 'phoneNumber' ? new Promise<string>((resolve) => setTimeout(() => resolve('device-a'), 5)) : id.type === 'ipv6Address' ? 'device-b' : later(undefined);
    const report = await validateAsync(different, { dialect: 'auto', policy: { resolveDevice } });
    expect(findings(report)).toEqual(['identifierMismatch@/device']);
  });

  it('turns a rejecting resolver into a finding, without failing', async () => {
    const resolveDevice = (id: DeviceIdentifier) => (id.type === 'phoneNumber' ? Promise.reject(new Error('registry timeout')) : later('device-a'));
    const report = await validateAsync(same, { dialect: 'auto', policy: { resolveDevice } });
    expect(report.issues.filter((i) => i.ruleId === 'device-identifiers')).toEqual([
      expect.objectContaining({ messageId: 'resolverFailed', path: '/device/phone_number', severity: 'error', status: 500, code: 'INTERNAL', data: expect.objectContaining({ reason: 'registry timeout' }) }),
    ]);
    expect(report.issues.some((i) => i.messageId === 'internalError')).toBe(false);
    expect(report.valid).toBe(false);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('turns a resolver that throws into a finding, without failing', async () => {
    const report = await validateAsync(unknown, {
      dialect: 'auto',
      policy: {
        resolveDevice: () => {
          throw new TypeError('not configured');
        },
      },
    });
    expect(findings(report)).toEqual(['resolverFailed@/device/phone_number']);
  });

  it('works through createValidator, and resolves each identifier once per call', async () => {
    const calls: string[] = [];
    const { validateAsync: check } = createValidator({
      dialect: 'auto',
      policy: {
        resolveDevice: async (id) => {
          calls.push(id.type);
          return lookup(id);
        },
      },
    });
    expect(findings(await check(different))).toEqual(['identifierMismatch@/device']);
    expect(findings(await check(same))).toEqual([]);
    expect(calls).toEqual(['phoneNumber', 'ipv6Address', 'phoneNumber', 'ipv4Address']);
  });

  it('never rejects, whatever the payload', async () => {
    const options = { dialect: 'auto' as const, policy: { resolveDevice: async () => undefined } };
    for (const payload of [undefined, null, 'text', 42, [], { device: [] }, { device: { phoneNumber: 1 } }]) {
      const report = await validateAsync(payload, options);
      expect(report.valid).toBe(false);
    }
  });
});

describe('validateAsync: policy.resolveDeviceTimeout', () => {
  const never = () => new Promise<never>(() => {});
  /** A lookup the test answers when it likes. */
  function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    return { promise, resolve, reject };
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a registry that does not answer in time as an error, never an allow', async () => {
    const report = await validateAsync(unknown, { dialect: 'auto', policy: { resolveDevice: never, resolveDeviceTimeout: 5 } });
    expect(report.issues.filter((i) => i.ruleId === 'device-identifiers')).toEqual([
      expect.objectContaining({
        messageId: 'resolverTimeout',
        path: '/device/phone_number',
        severity: 'error',
        status: 500,
        code: 'INTERNAL',
        data: { identifier: 'device.phone_number', timeout: 5 },
        message: 'The device registry (policy.resolveDevice) did not answer for device.phone_number within 5 ms, so the device could not be checked.',
      }),
    ]);
    expect(report.valid).toBe(false);
    expect(toErrorInfo(report)).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('judges the identifiers answered in time and claims nothing from the others', async () => {
    // The phone number names device-a in time; the IPv6 address never answers: no mismatch and no
    // "not found" can be claimed from it, only the timeout.
    const resolveDevice = (id: DeviceIdentifier) => (id.type === 'phoneNumber' ? later('device-a') : never());
    const report = await validateAsync(different, { dialect: 'auto', policy: { resolveDevice, resolveDeviceTimeout: 20 } });
    expect(findings(report)).toEqual(['resolverTimeout@/device/ipv6_address']);
  });

  it('waits the default 1000 ms, no less (fake clock)', async () => {
    vi.useFakeTimers();
    let settled: Report | undefined;
    void validateAsync(unknown, { dialect: 'auto', policy: { resolveDevice: never } }).then((report) => (settled = report));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeDefined();
    expect(findings(settled!)).toEqual(['resolverTimeout@/device/phone_number']);
    expect(settled!.issues.find((i) => i.messageId === 'resolverTimeout')!.data).toMatchObject({ timeout: 1000 });
  });

  it('leaves no timer behind when the registry answers in time (fake clock)', async () => {
    vi.useFakeTimers();
    const answer = deferred<string | undefined>();
    const pending = validateAsync(unknown, { dialect: 'auto', policy: { resolveDevice: () => answer.promise, resolveDeviceTimeout: 50 } });
    expect(vi.getTimerCount()).toBe(1);
    answer.resolve('device-a');
    expect(findings(await pending)).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops answers that arrive after the deadline, and leaves no late rejection unhandled', async () => {
    const a = deferred<string | undefined>();
    const b = deferred<string | undefined>();
    const resolveDevice = (id: DeviceIdentifier) => (id.type === 'phoneNumber' ? a.promise : b.promise);
    const report = await validateAsync(different, { dialect: 'auto', policy: { resolveDevice, resolveDeviceTimeout: 5 } });
    const before = JSON.stringify(report);
    a.resolve('device-a');
    b.reject(new Error('registry gave up too'));
    await settle();
    expect(JSON.stringify(report)).toBe(before);
    expect(findings(report)).toEqual(['resolverTimeout@/device/phone_number', 'resolverTimeout@/device/ipv6_address']);
    expect(unhandled).toEqual([]);
  });

  it('aborts the signal it hands the resolver when it stops waiting, with a TimeoutError', async () => {
    const signals: AbortSignal[] = [];
    const resolveDevice = (_id: DeviceIdentifier, { signal }: ResolveDeviceOptions) => {
      signals.push(signal);
      return never();
    };
    await validateAsync(unknown, { dialect: 'auto', policy: { resolveDevice, resolveDeviceTimeout: 5 } });
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect((signals[0]!.reason as Error).name).toBe('TimeoutError');
  });

  it('does not abort the signal of a lookup answered in time', async () => {
    let seen: AbortSignal | undefined;
    const report = await validateAsync(unknown, {
      dialect: 'auto',
      policy: {
        resolveDevice: (id, { signal }) => {
          seen = signal;
          return later(lookup(id));
        },
        resolveDeviceTimeout: 60_000,
      },
    });
    expect(findings(report)).toEqual(['identifierNotFound@/device']);
    expect(seen!.aborted).toBe(false);
  });

  it('aborts the signal at once under validate(), which does not wait', () => {
    let seen: AbortSignal | undefined;
    const report = validate(unknown, {
      dialect: 'auto',
      policy: {
        resolveDevice: (_id, { signal }) => {
          seen = signal;
          return never();
        },
      },
    });
    expect(findings(report)).toEqual(['needsAsync@/device']);
    expect(seen!.aborted).toBe(true);
  });

  it.each([0, -1, 1.5, 2 ** 31, '1000', null])('rejects resolveDeviceTimeout %j when the validator is made', (timeout) => {
    expect(() => createValidator({ policy: { resolveDevice: never, resolveDeviceTimeout: timeout as number } })).toThrow(/policy\.resolveDeviceTimeout/);
  });
});

describe('validate() with an asynchronous resolver', () => {
  it('does not wait, and says clearly that validateAsync is needed', () => {
    const report = validate(different, { dialect: 'auto', policy: { resolveDevice: (id) => later(lookup(id)) } });
    expect(report.issues.filter((i) => i.ruleId === 'device-identifiers')).toEqual([
      expect.objectContaining({ messageId: 'needsAsync', path: '/device', severity: 'warn', status: 500, code: 'INTERNAL' }),
    ]);
    expect(report.issues.find((i) => i.messageId === 'needsAsync')!.message).toContain('use validateAsync()');
    // A warning: the body itself is fine, only the registry check could not run.
    expect(report.valid).toBe(true);
  });

  it('leaves no rejection unhandled when the resolver rejects', async () => {
    const report = validate(different, { dialect: 'auto', policy: { resolveDevice: () => Promise.reject(new Error('registry down')) } });
    expect(findings(report)).toEqual(['needsAsync@/device']);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('still reports identifiers whose lookup threw synchronously', () => {
    const report = validate(different, {
      dialect: 'auto',
      policy: {
        resolveDevice: (id) => {
          if (id.type === 'phoneNumber') throw new Error('bad number');
          return later('device-b');
        },
      },
    });
    expect(findings(report)).toEqual(['needsAsync@/device', 'resolverFailed@/device/phone_number']);
  });
});

describe('asynchronous custom rules (from outside src/)', () => {
  const slow = defineRule({
    meta: {
      docs: { description: 'Asks a remote catalogue whether the profile may be used.' },
      messages: { blocked: "QoS profile '{{ name }}' is blocked by the remote catalogue." },
      status: 422,
      code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE',
    },
    async check(model, ctx) {
      const profile = model.qosProfile;
      if (profile === undefined) return;
      const blocked = await later(profile.value === 'QOS_BLOCKED');
      if (blocked) ctx.report({ messageId: 'blocked', path: profile.path, data: { name: profile.value } });
    },
  });
  const broken = defineRule({
    meta: { docs: { description: 'Always fails after waiting.' }, messages: { never: 'Never reported.' }, status: 400, code: 'INVALID_ARGUMENT' },
    async check() {
      await later(undefined);
      throw new Error('remote catalogue unreachable');
    },
  });
  const remote: Plugin = { name: 'remote', rules: { slow, broken } };
  const blockedBody = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_BLOCKED', duration: 60 };

  it('is awaited by validateAsync', async () => {
    const report = await validateAsync(blockedBody, { plugins: [remote], rules: { 'remote/broken': 'off' } });
    expect(report.issues.filter((i) => i.ruleId === 'remote/slow')).toEqual([
      expect.objectContaining({ messageId: 'blocked', path: '/qosProfile', severity: 'error', status: 422, message: "QoS profile 'QOS_BLOCKED' is blocked by the remote catalogue." }),
    ]);
    expect(report.valid).toBe(false);
  });

  it('is reported as not awaited by validate()', () => {
    const report = validate(blockedBody, { plugins: [remote], rules: { 'remote/broken': 'off' } });
    expect(report.issues.filter((i) => i.ruleId === 'remote/slow').map((i) => i.messageId)).toEqual(['needsAsync']);
    expect(report.issues.some((i) => i.messageId === 'blocked')).toBe(false);
  });

  it('that rejects becomes an internal finding, not a rejected validateAsync', async () => {
    const report = await validateAsync(blockedBody, { plugins: [remote] });
    expect(report.issues.find((i) => i.ruleId === 'remote/broken')).toMatchObject({ messageId: 'internalError', status: 500, code: 'INTERNAL' });
    expect(report.issues.some((i) => i.ruleId === 'remote/slow' && i.messageId === 'blocked')).toBe(true);
    await settle();
    expect(unhandled).toEqual([]);
  });
});
