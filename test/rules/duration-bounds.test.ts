import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { createValidator, type DialectId, type DurationUnit, type QosProfile } from '../../src/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_S' };
const body = (duration: unknown, qosProfile = 'QOS_S') => ({ ...base, qosProfile, duration });
const sdk = (extra: Record<string, unknown> = {}) => ({ device: { phone_number: '+34600000000' }, qos_profile: 'QOS_S', ...extra });

const catalogue: QosProfile[] = [
  { name: 'QOS_S', status: 'ACTIVE', minDuration: { value: 1, unit: 'Seconds' }, maxDuration: { value: 10, unit: 'Minutes' } },
  { name: 'FRACTION', minDuration: { value: 1500, unit: 'Milliseconds' }, maxDuration: { value: 2500, unit: 'Milliseconds' } },
  { name: 'NANO', minDuration: { value: 1_000_000_001, unit: 'Nanoseconds' } },
  { name: 'LONG', minDuration: { value: 1, unit: 'Hours' }, maxDuration: { value: 2147483647, unit: 'Days' } },
  { name: 'HUGE_MIN', minDuration: { value: 2147483647, unit: 'Days' } },
  { name: 'BEYOND', minDuration: { value: 1e20, unit: 'Days' } },
  { name: 'OPEN' },
];
const withCatalogue = { policy: { qosProfiles: catalogue } };
const sdkWithCatalogue = { dialect: 'qod-sdk' as const, policy: { qosProfiles: catalogue } };

ruleTester('duration-bounds', {
  valid: [
    { name: 'a duration within the 1.2 bounds', body: body(3600) },
    { name: 'the 1.2 minimum 1', body: body(1) },
    { name: 'the 1.2 maximum 2147483647', body: body(2147483647) },
    { name: 'a duration of the wrong type (the schema reports it)', body: body('3600') },
    { name: 'no duration in 1.2 (the schema reports it)', body: base },
    { name: 'the profile maximum itself (10 Minutes = 600 s)', body: body(600), options: withCatalogue },
    { name: 'a minimum of 1500 ms accepts 2 s', body: body(2, 'FRACTION'), options: withCatalogue },
    { name: 'a maximum of 2500 ms accepts 2 s', body: body(2, 'FRACTION'), options: withCatalogue },
    { name: 'a maximum of 2147483647 Days is no limit in 1.2', body: body(2147483647, 'LONG'), options: withCatalogue },
    { name: 'a profile without bounds', body: body(2147483647, 'OPEN'), options: withCatalogue },
    { name: 'an unknown profile (qos-profile reports it)', body: body(5, 'NOPE'), options: withCatalogue },
    { name: 'within policy.duration', body: body(3600), options: { policy: { duration: { min: 60, max: 3600 } } } },
    { name: 'exactly the policy minimum', body: body(60), options: { policy: { duration: { min: 60, max: 3600 } } } },
    { name: 'SDK: the bounds 60 and 86400', body: sdk({ duration: 60, device_ports: { ports: [1] } }) },
    { name: 'SDK: 86400', body: sdk({ duration: 86400 }) },
    { name: 'SDK: no duration and nothing to check it against', body: sdk() },
    { name: 'SDK: no duration, the default fits the profile', body: sdk({ qos_profile: 'LONG' }), options: sdkWithCatalogue },
  ],
  invalid: [
    {
      name: 'reports belowMinimum for 0 in 1.2',
      body: body(0),
      errors: [{ messageId: 'belowMinimum', path: '/duration', severity: 'error', status: 400, code: 'OUT_OF_RANGE', data: { value: 0, limit: 1, dialect: 'qod-1.2' }, message: 'duration 0 s is below the minimum of 1 s that qod-1.2 accepts.' }],
    },
    { name: 'reports belowMinimum for a negative duration', body: body(-5), errors: [{ messageId: 'belowMinimum', path: '/duration' }] },
    {
      name: 'reports aboveMaximum beyond int32',
      body: body(2147483648),
      errors: [{ messageId: 'aboveMaximum', path: '/duration', code: 'OUT_OF_RANGE', data: { limit: 2147483647 } }],
    },
    { name: 'reports aboveMaximum for 1e300', body: body(1e300), errors: [{ messageId: 'aboveMaximum', path: '/duration', data: { value: 1e300 } }] },
    {
      name: 'reports belowPolicyMinimum',
      body: body(30),
      options: { policy: { duration: { min: 60 } } },
      errors: [{ messageId: 'belowPolicyMinimum', path: '/duration', code: 'OUT_OF_RANGE', data: { limit: 60 }, message: "duration 30 s is below the operator's minimum of 60 s (policy.duration.min)." }],
    },
    {
      name: 'reports abovePolicyMaximum',
      body: body(7200),
      options: { policy: { duration: { max: 3600 } } },
      errors: [{ messageId: 'abovePolicyMaximum', path: '/duration', data: { limit: 3600 } }],
    },
    {
      name: 'reports aboveProfileMaximum with the spec code, naming the unit',
      body: body(3600),
      options: withCatalogue,
      errors: [{
        messageId: 'aboveProfileMaximum',
        path: '/duration',
        severity: 'error',
        status: 400,
        code: 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE',
        data: { profile: 'QOS_S', limit: 600, seconds: '600' },
        message: "duration 3600 s is above the maximum of 10 Minutes (600 s) of QoS profile 'QOS_S'.",
      }],
    },
    {
      name: 'reports belowProfileMinimum: 1500 ms needs at least 2 s',
      body: body(1, 'FRACTION'),
      options: withCatalogue,
      errors: [{ messageId: 'belowProfileMinimum', path: '/duration', data: { limit: 2, seconds: '1.5' }, message: 'the minimum of 1500 Milliseconds (1.5 s, so at least 2 s)' }],
    },
    {
      name: 'reports aboveProfileMaximum: 2500 ms allows at most 2 s',
      body: body(3, 'FRACTION'),
      options: withCatalogue,
      errors: [{ messageId: 'aboveProfileMaximum', path: '/duration', data: { limit: 2 }, message: 'the maximum of 2500 Milliseconds (2.5 s, so at most 2 s)' }],
    },
    {
      name: 'converts nanoseconds exactly (1000000001 ns needs 2 s)',
      body: body(1, 'NANO'),
      options: withCatalogue,
      errors: [{ messageId: 'belowProfileMinimum', path: '/duration', data: { limit: 2, seconds: '1.000000001' } }],
    },
    {
      name: 'converts 2147483647 Days without overflow',
      body: body(2147483647, 'HUGE_MIN'),
      options: withCatalogue,
      errors: [{ messageId: 'belowProfileMinimum', path: '/duration', data: { limit: 185542587100800 }, message: '2147483647 Days (185542587100800 s)' }],
    },
    {
      name: 'compares exactly beyond 2^53 seconds',
      body: body(2147483647, 'BEYOND'),
      options: withCatalogue,
      errors: [{ messageId: 'belowProfileMinimum', path: '/duration', data: { limit: '8640000000000000000000000' } }],
    },
    {
      name: 'reports every bound a duration breaks',
      body: body(0),
      options: { policy: { duration: { min: 60 }, qosProfiles: catalogue } },
      errors: [
        { messageId: 'belowMinimum', path: '/duration' },
        { messageId: 'belowPolicyMinimum', path: '/duration' },
        { messageId: 'belowProfileMinimum', path: '/duration' },
      ],
    },
    {
      name: 'SDK: reports belowMinimum for 59',
      body: sdk({ duration: 59 }),
      options: { dialect: 'qod-sdk' },
      errors: [{ messageId: 'belowMinimum', path: '/duration', data: { limit: 60, dialect: 'qod-sdk' } }],
    },
    { name: 'SDK: reports aboveMaximum for 86401', body: sdk({ duration: 86401 }), errors: [{ messageId: 'aboveMaximum', path: '/duration', data: { limit: 86400 } }] },
    {
      name: 'SDK: a profile bound is answered with the dialect code (OUT_OF_RANGE)',
      body: sdk({ duration: 3600 }),
      options: sdkWithCatalogue,
      errors: [{ messageId: 'aboveProfileMaximum', path: '/duration', status: 400, code: 'OUT_OF_RANGE' }],
    },
    {
      name: 'SDK: an absent duration means 86400 s, checked against the profile',
      body: sdk(),
      options: sdkWithCatalogue,
      errors: [{
        messageId: 'aboveProfileMaximum',
        path: '',
        data: { property: 'duration', default: 86400, value: 86400, limit: 600 },
        message: "The default duration of 86400 s (duration is not set) is above the maximum of 10 Minutes (600 s) of QoS profile 'QOS_S'.",
      }],
    },
    {
      name: 'SDK: an absent duration means 86400 s, checked against the policy',
      body: sdk(),
      options: { dialect: 'qod-sdk', policy: { duration: { max: 3600 } } },
      errors: [{ messageId: 'abovePolicyMaximum', path: '', data: { property: 'duration', limit: 3600 } }],
    },
  ],
});

describe('duration-bounds agrees with the schema and converts exactly', () => {
  const duration = fc.oneof(fc.integer({ min: -2, max: 100_000 }), fc.integer(), fc.constantFrom(2147483647, 2147483648, 1e300, -1e300, -0));

  for (const dialect of ['qod-1.2', 'qod-1.1', 'qod-1.0', 'qod-0.11', 'qod-sdk'] as DialectId[]) {
    const { validate } = createValidator({ dialect });
    const schema = dialects[dialect].schema;
    it(`reports the dialect bounds exactly where the schema's minimum/maximum fail (${dialect})`, () => {
      fc.assert(
        fc.property(duration, (d) => {
          const payload = dialect === 'qod-sdk' ? sdk({ duration: d }) : body(d);
          schema.validate(payload);
          const expected = (schema.validate.errors ?? [])
            .filter((e) => e.instancePath === '/duration' && (e.keyword === 'minimum' || e.keyword === 'maximum'))
            .map((e) => (e.keyword === 'minimum' ? 'belowMinimum' : 'aboveMaximum'));
          const actual = validate(payload).issues.filter((i) => i.ruleId === 'duration-bounds').map((i) => i.messageId);
          expect(actual).toEqual(expected);
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('decides profile bounds as exact rational comparisons would', () => {
    const NS: Record<DurationUnit, bigint> = { Days: 86_400_000_000_000n, Hours: 3_600_000_000_000n, Minutes: 60_000_000_000n, Seconds: 1_000_000_000n, Milliseconds: 1_000_000n, Microseconds: 1_000n, Nanoseconds: 1n };
    const unit = fc.constantFrom(...(Object.keys(NS) as DurationUnit[]));
    const value = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2147483647 }), fc.constantFrom(1e15, 1e20, 2 ** 60));
    const seconds = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 2147483647 }));
    fc.assert(
      fc.property(value, unit, value, unit, seconds, (minValue, minUnit, maxValue, maxUnit, d) => {
        const profile: QosProfile = { name: 'P', minDuration: { value: minValue, unit: minUnit }, maxDuration: { value: maxValue, unit: maxUnit } };
        const { validate } = createValidator({ policy: { qosProfiles: [profile] } });
        const found = validate(body(d, 'P')).issues.filter((i) => i.ruleId === 'duration-bounds').map((i) => i.messageId).sort();
        const nanos = BigInt(d) * 1_000_000_000n;
        const expected: string[] = [];
        if (nanos < BigInt(minValue) * NS[minUnit]!) expected.push('belowProfileMinimum');
        if (nanos > BigInt(maxValue) * NS[maxUnit]!) expected.push('aboveProfileMaximum');
        expect(found).toEqual(expected.sort());
      }),
      { numRuns: 1500 },
    );
  });

  it('converts each profile once, not per request', () => {
    let reads = 0;
    const profile = { name: 'QOS_S', maxDuration: { value: 10, unit: 'Minutes' } } as QosProfile;
    const counted = Object.defineProperty({ ...profile }, 'maxDuration', { get: () => (reads++, profile.maxDuration), enumerable: true }) as QosProfile;
    const { validate } = createValidator({ policy: { qosProfiles: [counted] } });
    validate(body(3600));
    const afterFirst = reads;
    for (let i = 0; i < 5; i++) expect(validate(body(3600 + i)).issues.map((x) => x.messageId)).toEqual(['aboveProfileMaximum']);
    expect(reads).toBe(afterFirst);
  });
});

describe('duration-bounds and qos-profile robustness', () => {
  it('never fail, whatever the duration and profile name hold', () => {
    const { validate } = createValidator({ policy: { qosProfiles: catalogue, duration: { min: 1, max: 100 } } });
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.constantFrom(...catalogue.map((p) => p.name)), fc.anything()), fc.boolean(), (duration, name, snake) => {
        const payload = snake ? { device: { phone_number: '+34600000000' }, qos_profile: name, duration } : { ...base, qosProfile: name, duration };
        const issues = validate(payload).issues;
        expect(issues.filter((i) => (i.ruleId === 'duration-bounds' || i.ruleId === 'qos-profile') && i.status === 500)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
