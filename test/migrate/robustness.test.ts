// migrate() on whatever it is given: any JSON value, in any pair of dialects, never throws, never
// changes its input, and answers with a result that keeps its own promises (its patch gives its
// body, its pointers resolve); what cannot be read is a loss and a report, not an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, dialectIds, migrate, type DialectId, type MigrateResult } from '../../src/index.js';
import { checkResult } from './helpers.js';

const froms: (DialectId | 'auto')[] = ['auto', ...dialectIds];

/** Every key any dialect declares, at the top and one level down, to reach the steps' functions with values of every type. */
const KEYS = {
  '': ['ueId', 'asId', 'uePorts', 'asPorts', 'qos', 'notificationUrl', 'notificationAuthToken', 'device', 'applicationServer', 'devicePorts', 'applicationServerPorts', 'qosProfile', 'webhook', 'duration', 'sink', 'sinkCredential', 'qos_profile', 'application_server', 'device_ports', 'application_server_ports'],
  inner: ['ipv4addr', 'ipv6addr', 'msisdn', 'externalId', 'phoneNumber', 'ipv4Address', 'ipv6Address', 'ipAddresses', 'publicAddress', 'publicPort', 'ports', 'ranges', 'notificationUrl', 'notificationAuthToken', 'credentialType', 'accessToken', 'accessTokenExpiresUtc', 'accessTokenType', 'phone_number', 'ipv4_address', 'notification_url'],
};

const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(0, '', '198.51.100.0/24', '2001:db8::/64', '2001:db8::1', 'QOS_E', 'voice', 'ACCESSTOKEN', 'PLAIN', 'PRIVATE_KEY_JWT', 'bearer', [0], [{ from: 0, to: 0 }], { from: 0, to: 5 }));
const inner = fc.dictionary(fc.constantFrom(...KEYS.inner), fc.oneof(value, fc.dictionary(fc.constantFrom(...KEYS.inner), value, { maxKeys: 3 })), { maxKeys: 4 });
/** Objects with the keys the steps look for, holding anything. */
const bodyLike = fc.dictionary(fc.constantFrom(...KEYS['']), fc.oneof(value, inner), { maxKeys: 6 });

function wellFormed(input: unknown, result: MigrateResult): void {
  checkResult(input, result);
  expect(result.lost.filter((loss) => loss.messageId === 'internalError')).toEqual([]);
  expect(typeof result.report.valid).toBe('boolean');
  // The body is JSON: nothing shared with the input, nothing JSON cannot write.
  if (result.body !== undefined) expect(JSON.parse(JSON.stringify(result.body))).toEqual(result.body);
}

describe('migrate: any JSON value', () => {
  it('never throws, in any pair of dialects, and keeps its promises', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), bodyLike), fc.constantFrom(...froms), fc.constantFrom(...dialectIds), (body, from, to) => {
        const copy = structuredClone(body);
        const result = migrate(body, { from, to });
        expect(body).toEqual(copy);
        wellFormed(body, result);
      }),
      { numRuns: 1500 },
    );
  });

  it('changes nothing of a frozen input', () => {
    const freeze = <T>(v: T): T => {
      if (typeof v === 'object' && v !== null) for (const child of Object.values(v)) freeze(child);
      return Object.freeze(v);
    };
    fc.assert(
      fc.property(bodyLike, fc.constantFrom(...dialectIds), fc.constantFrom(...dialectIds), (body, from, to) => {
        const frozen = freeze(structuredClone(body));
        const result = migrate(frozen, { from, to });
        expect(frozen).toEqual(body);
        wellFormed(body, result);
      }),
      { numRuns: 500 },
    );
  });

  it('answers a value that is not an object with a loss, and the target’s report', () => {
    for (const body of [null, 1, 'x', [], [{ ueId: {} }], true]) {
      const result = migrate(body, { from: 'qod-0.8', to: 'qod-1.2' });
      expect(result.body).toEqual(body);
      expect(result.lost).toMatchObject([{ messageId: 'notAnObject', before: '' }]);
      expect(result.report.valid).toBe(false);
    }
    const missing = migrate(undefined, { from: 'qod-0.8', to: 'qod-1.2' });
    expect(missing.lost).toMatchObject([{ messageId: 'notAnObject', before: '' }]);
    expect(missing.report.issues[0]!.message).toContain('missing');
  });

  it('carries a body to its own dialect unchanged, whatever it is', () => {
    const body = { anything: [1, { b: null }], duration: -1 };
    const result = migrate(body, { from: 'qod-1.2', to: 'qod-1.2' });
    expect(result).toMatchObject({ from: 'qod-1.2', to: 'qod-1.2', route: ['qod-1.2'], body, changes: [], lost: [], patch: [] });
    expect(result.body).not.toBe(body);
    expect(result.report.valid).toBe(false);
  });

  it("keeps a '__proto__' member a member: carried where unknown properties are, and never a prototype", () => {
    const body = JSON.parse('{"ueId":{"msisdn":"+34600000001","__proto__":{"polluted":true}},"asId":{"ipv4addr":"198.51.100.0/24"},"qos":"QOS_E","__proto__":{"x":1}}');
    const result = migrate(body, { from: 'qod-0.8', to: 'qod-1.1' });
    const out = result.body as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(out.device, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const to12 = migrate(body, { from: 'qod-0.8', to: 'qod-1.2' });
    expect(to12.lost.map((l) => `${l.messageId} ${l.before}`)).toEqual(['unknownProperty /__proto__', 'unknownProperty /ueId/__proto__']);
    expect(Object.prototype.hasOwnProperty.call(to12.body, '__proto__')).toBe(false);
  });
});

describe('migrate: values that cannot be read as JSON', () => {
  const cyclic: Record<string, unknown> = { qos: 'QOS_E' };
  cyclic.self = cyclic;
  let deep: unknown = {};
  for (let i = 0; i < 1000; i++) deep = { ueId: deep };
  const cases: [string, unknown][] = [
    ['a cycle', cyclic],
    ['a BigInt', { duration: 10n }],
    ['a getter that throws', Object.defineProperty({}, 'ueId', { enumerable: true, get: () => { throw new Error('no'); } })],
    ['a Proxy that throws', new Proxy({}, { ownKeys: () => { throw new Error('no'); } })],
    ['a body nested a thousand levels deep', deep],
  ];
  it.each(cases)('%s: a loss and a report, no exception', (_, body) => {
    for (const from of ['auto', 'qod-0.8'] as const) {
      let result: MigrateResult | undefined;
      expect(() => (result = migrate(body, { from, to: 'qod-1.2' }))).not.toThrow();
      expect(result!.body).toBeUndefined();
      expect(result!.lost).toHaveLength(1);
      expect(result!.lost[0]).toMatchObject({ messageId: 'unreadable', before: '' });
      expect(result!.lost[0]!.message).toMatch(/^The body cannot be read as JSON: /);
      expect(result!.report.valid).toBe(false);
    }
  });
});

describe('migrate: options', () => {
  it.each([
    ['no options', undefined],
    ['an unknown target', { from: 'qod-0.8', to: 'qod-2.0' }],
    ['an unknown source', { from: 'qod-0.7', to: 'qod-1.2' }],
    ['no source', { to: 'qod-1.2' }],
    ['a source that is not a string', { from: 10n, to: 'qod-1.2' }],
    ['validateOptions that are not an object', { from: 'qod-0.8', to: 'qod-1.2', validateOptions: 3 }],
    ['validateOptions the validator rejects', { from: 'qod-0.8', to: 'qod-1.2', validateOptions: { rules: { 'no-such-rule': 'error' } } }],
  ])('%s is a ConfigError', (_, options) => {
    expect(() => migrate({}, options as never)).toThrow(ConfigError);
  });

  it("'auto' detects the source dialect as validate does, and says which", () => {
    expect(migrate({ ueId: { msisdn: '+34600000001' }, asId: { ipv4addr: '198.51.100.0/24' }, qos: 'QOS_E' }, { from: 'auto', to: 'qod-1.2' }).from).toBe('qod-0.8');
    expect(migrate({ device: { phone_number: '+34600000001' }, qos_profile: 'QOS_E' }, { from: 'auto', to: 'qod-1.2' }).route).toEqual(['qod-sdk', 'qod-0.10', 'qod-0.11', 'qod-1.0', 'qod-1.1', 'qod-1.2']);
    // 0.11 to 1.1 have the keys of 1.2: name them.
    expect(migrate({ applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 60 }, { from: 'auto', to: 'qod-0.8' }).from).toBe('qod-1.2');
  });

  it('judges the result with the given options (the target dialect always)', () => {
    const body = { ueId: { msisdn: '+34600000001' }, asId: { ipv4addr: '198.51.100.0/24' }, qos: 'QOS_E' };
    const plain = migrate(body, { from: 'qod-0.8', to: 'qod-1.2' });
    expect(plain.report.valid).toBe(true);
    const strict = migrate(body, { from: 'qod-0.8', to: 'qod-1.2', validateOptions: { policy: { qosProfiles: [{ name: 'QOS_L', status: 'ACTIVE' }] } } });
    expect(strict.report.dialect).toBe('qod-1.2');
    expect(strict.report.issues.map((i) => `${i.ruleId}@${i.path}`)).toEqual(['qos-profile@/qosProfile']);
  });
});

describe('migrate: large bodies', () => {
  it('loses 65,536 ports of 0 one by one, each listed', () => {
    const body = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 60, devicePorts: { ports: [...Array(65536).fill(0), 443] } };
    const result = migrate(body, { from: 'qod-1.1', to: 'qod-1.2' });
    expect(result.lost).toHaveLength(65536);
    expect(result.lost[0]!.before).toBe('/devicePorts/ports/65535');
    expect(result.body).toMatchObject({ devicePorts: { ports: [443] } });
  });

  it('loses 100,000 unknown properties where 1.2 rejects them', () => {
    const body: Record<string, unknown> = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 60 };
    for (let i = 0; i < 100_000; i++) body[`x${i}`] = i;
    const result = migrate(body, { from: 'qod-1.1', to: 'qod-1.2' });
    expect(result.lost).toHaveLength(100_000);
    expect(result.report.valid).toBe(true);
  });
});
