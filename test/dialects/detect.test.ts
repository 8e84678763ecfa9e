// `auto`: which dialect judges a body, and the info issue when its keys fit more than one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDialect, detectDialect, dialects } from '../../src/dialects/index.js';
import { validate, validateJson, type DialectId } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
/**
 * CAMARA 0.11, 1.0 and 1.1 bodies have 1.2's keys (the versions differ in constraints, not in
 * names): `auto` cannot tell them apart and judges them as the newest version (below); their
 * fixtures name their dialect instead (qod-policy.config.json).
 */
const keyless = new Set(['qod-1.1', 'qod-1.0', 'qod-0.11']);
const valid = readdirSync(root)
  .filter((dialect) => !keyless.has(dialect))
  .flatMap((dialect) => readdirSync(join(root, dialect, 'valid')).map((file) => [`${dialect}/valid/${file}`, dialect] as const));

const v12 = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const v10 = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', webhook: { notificationUrl: 'https://example.com/n' } };
const sdk = { device: { phone_number: '+34600000001' }, qos_profile: 'QOS_VC' };
const v08 = { ueId: { msisdn: '+34600000001' }, asId: { ipv4addr: '198.51.100.1' }, qos: 'QOS_E' };

describe('auto: every valid fixture', () => {
  it('covers every dialect', () => {
    expect(new Set(readdirSync(root))).toEqual(new Set(Object.keys(dialects)));
  });

  it.each(valid)('%s is judged as %s, without a note', (file, dialect) => {
    const report = validateJson(readFileSync(join(root, file)), { dialect: 'auto' });
    expect(report.dialect).toBe(dialect);
    expect(report.issues.filter((i) => i.ruleId === 'dialect')).toEqual([]);
  });
});

describe('auto: which dialect', () => {
  it.each<[string, unknown, DialectId]>([
    ['nothing to go by', {}, 'qod-1.2'],
    ['a 1.1 body (the keys of 1.2)', JSON.parse(readFileSync(join(root, 'qod-1.1/valid/session-creation-example.json'), 'utf8')), 'qod-1.2'],
    ['not an object', 'x', 'qod-1.2'],
    ['an array', [v12], 'qod-1.2'],
    ['only keys every version has', { duration: 60 }, 'qod-1.2'],
    ['CAMARA keys any version from 0.9 has: the newest', v12, 'qod-1.2'],
    ['ipAddresses in the application server', { applicationServer: { ipAddresses: ['198.51.100.1'] } }, 'qod-1.2'],
    ['sink', { sink: 'https://example.com/n' }, 'qod-1.2'],
    ['webhook', v10, 'qod-0.10'],
    ['webhook alone', { webhook: { notificationUrl: 'https://example.com/n' } }, 'qod-0.10'],
    ['webhook and a device IPv6 address with a prefix (only 0.9 accepts it)', { ...v10, device: { ipv6Address: '2001:db8::/64' } }, 'qod-0.9'],
    ['a device IPv6 address with a prefix without webhook: the newest', { ...v12, device: { ipv6Address: '2001:db8::/64' } }, 'qod-1.2'],
    ['webhook and a device IPv6 address without a prefix', { ...v10, device: { ipv6Address: '2001:db8::1' } }, 'qod-0.10'],
    ['ueId', { ueId: { msisdn: '+34600000001' } }, 'qod-0.8'],
    ['asId', { asId: { ipv4addr: '198.51.100.1' } }, 'qod-0.8'],
    ['qos', { qos: 'QOS_E' }, 'qod-0.8'],
    ['a 0.8 body', v08, 'qod-0.8'],
    ['snake_case top-level keys', sdk, 'qod-sdk'],
    ['snake_case device keys only', { device: { ipv4_address: { public_address: '84.125.93.10', public_port: 1 } } }, 'qod-sdk'],
    ['the SDK webhook', { webhook: { notification_url: 'https://example.com/n' } }, 'qod-sdk'],
  ])('%s → %s', (_, body, dialect) => {
    expect(validate(body, { dialect: 'auto' }).dialect).toBe(dialect);
    expect(detectDialect(body).note).toBeUndefined();
  });

  it('the default is the first dialect that auto scores, and nothing refines it (the fast path relies on both)', () => {
    expect(Object.values(dialects).find((d) => d.signature !== undefined)).toBe(defaultDialect);
    expect(Object.values(dialects).filter((d) => d.refines?.dialect === defaultDialect.facts.id)).toEqual([]);
  });

  it('looks at own keys only: an inherited key does not change the choice', () => {
    const body = Object.assign(Object.create({ qos_profile: 'QOS_VC', webhook: {} }) as object, v12);
    expect(detectDialect(body)).toEqual({ dialect: dialects['qod-1.2'] });
  });

  it('--dialect (or the option) wins: no detection, no note', () => {
    const report = validate({ ...v12, qos_profile: 'QOS_E' }, { dialect: 'qod-1.2' });
    expect(report.issues.map((i) => i.ruleId)).toEqual(['known-properties']);
  });
});

describe('auto: keys of more than one dialect', () => {
  it('a 1.2 body with one stray snake_case key is judged as 1.2 (not told it lacks qos_profile), with a note', () => {
    const report = validate({ ...v12, qos_profile: 'QOS_E' }, { dialect: 'auto' });
    expect(report.dialect).toBe('qod-1.2');
    expect(report.issues).toEqual([
      {
        ruleId: 'dialect',
        messageId: 'ambiguous',
        severity: 'info',
        path: '',
        message: "The body's keys fit more than one API version: it is judged as qod-1.2, which 5 of them fit; 'qos_profile' fits qod-sdk.",
        data: { dialect: 'qod-1.2', fitting: 5, keys: 'qos_profile', others: 'qod-sdk' },
        status: 400,
        code: 'INVALID_ARGUMENT',
      },
      expect.objectContaining({ ruleId: 'known-properties', path: '/qos_profile' }),
    ]);
    expect(report.valid).toBe(false);
  });

  it('an SDK body with one camelCase key is judged as the SDK model', () => {
    const report = validate({ ...sdk, devicePorts: { ports: [80] } }, { dialect: 'auto' });
    expect(report.dialect).toBe('qod-sdk');
    expect(report.issues.map((i) => i.message)).toEqual([
      "The body's keys fit more than one API version: it is judged as qod-sdk, which 3 of them fit; 'devicePorts' fits qod-1.2 or qod-0.10.",
    ]);
    expect(report.valid).toBe(true);
  });

  it('names each group of other keys with the dialects they fit', () => {
    const { dialect, note } = detectDialect({ ...v10, sink: 'https://example.com/n', qos_profile: 'QOS_E', ueId: {} });
    expect(dialect.facts.id).toBe('qod-0.10');
    expect(note?.message).toBe("The body's keys fit more than one API version: it is judged as qod-0.10, which 7 of them fit; 'sink' fits qod-1.2; 'qos_profile' fits qod-sdk; 'ueId' fits qod-0.8.");
    expect(note?.data).toEqual({ dialect: 'qod-0.10', fitting: 7, keys: 'sink, qos_profile, ueId', others: 'qod-1.2, qod-sdk, qod-0.8' });
  });

  it('on equal scores the newest version judges, and the note says so', () => {
    const { dialect, note } = detectDialect({ device: { phone_number: '+34600000001' }, qosProfile: 'QOS_E' });
    expect(dialect.facts.id).toBe('qod-1.2');
    expect(note?.data).toMatchObject({ fitting: 2, keys: 'device.phone_number', others: 'qod-sdk' });
  });

  it('a refined choice keeps its note: 0.9 with a stray sink', () => {
    const report = validate({ ...v10, device: { ipv6Address: '2001:db8::/64' }, applicationServer: { ipv6Address: '2001:db8:1::/48' }, sink: 'https://example.com/n' }, { dialect: 'auto' });
    expect(report.dialect).toBe('qod-0.9');
    expect(report.issues.map((i) => `${i.ruleId} ${i.severity} ${String(i.data?.others)}`)).toEqual(['dialect info qod-1.2']);
  });

  it("answers in the chosen release's words: under 0.8 the note is INVALID_INPUT", () => {
    const [note] = validate({ ...v08, device: { phoneNumber: '+34600000001' } }, { dialect: 'auto' }).issues;
    expect(note).toMatchObject({ ruleId: 'dialect', status: 400, code: 'INVALID_INPUT', data: { dialect: 'qod-0.8', keys: 'device, device.phoneNumber' } });
  });
});
