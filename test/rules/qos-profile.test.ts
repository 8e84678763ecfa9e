import { describe, expect, it } from 'vitest';
import { createValidator, type QosProfile } from '../../src/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, duration: 3600 };
const body = (qosProfile: unknown) => ({ ...base, qosProfile });
const sdk = (qos_profile: string) => ({ device: { phone_number: '+34600000000' }, qos_profile });

const catalogue: QosProfile[] = [
  { name: 'QOS_E', status: 'ACTIVE' },
  { name: 'QOS_S' },
  { name: 'QOS_M', status: 'INACTIVE' },
  { name: 'QOS_L', status: 'DEPRECATED' },
  { name: 'voice', status: 'ACTIVE' },
  { name: 'QOS_VC', status: 'ACTIVE' },
];
const withCatalogue = { policy: { qosProfiles: catalogue } };

ruleTester('qos-profile', {
  valid: [
    { name: 'an ACTIVE profile of the catalogue', body: body('QOS_E'), options: withCatalogue },
    { name: 'a profile without status counts as ACTIVE', body: body('QOS_S'), options: withCatalogue },
    { name: 'a lower-case profile name', body: body('voice'), options: withCatalogue },
    { name: 'any name without a catalogue', body: body('ANYTHING_GOES') },
    { name: 'an empty catalogue is a catalogue, but a name of the wrong type is the schema\'s', body: body(5), options: { policy: { qosProfiles: [] } } },
    { name: 'SDK: predefined names are not a catalogue', body: sdk('QOS_XR') },
    { name: 'SDK: a profile of the catalogue', body: sdk('QOS_VC'), options: withCatalogue },
  ],
  invalid: [
    {
      name: 'reports unknownProfile with 400 INVALID_ARGUMENT',
      body: body('QOS_Z'),
      options: withCatalogue,
      errors: [{ messageId: 'unknownProfile', path: '/qosProfile', severity: 'error', status: 400, code: 'INVALID_ARGUMENT', data: { profile: 'QOS_Z', count: 6 }, message: "qosProfile 'QOS_Z' is not a QoS profile of the catalogue (6 profiles)." }],
    },
    {
      name: 'reports any name against an empty catalogue',
      body: body('QOS_E'),
      options: { policy: { qosProfiles: [] } },
      errors: [{ messageId: 'unknownProfile', path: '/qosProfile', data: { count: 0 } }],
    },
    {
      name: 'reports caseMismatch and suggests the name',
      body: body('qos_e'),
      options: withCatalogue,
      errors: [{ messageId: 'caseMismatch', path: '/qosProfile', status: 400, code: 'INVALID_ARGUMENT', data: { suggestion: 'QOS_E' }, message: "did you mean 'QOS_E'?" }],
    },
    {
      name: 'reports caseMismatch the other way round',
      body: body('VOICE'),
      options: withCatalogue,
      errors: [{ messageId: 'caseMismatch', path: '/qosProfile', data: { suggestion: 'voice' } }],
    },
    {
      name: 'reports an INACTIVE profile with 422',
      body: body('QOS_M'),
      options: withCatalogue,
      errors: [{ messageId: 'notApplicable', path: '/qosProfile', severity: 'error', status: 422, code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE', data: { status: 'INACTIVE' }, message: "QoS profile 'QOS_M' is INACTIVE" }],
    },
    {
      name: 'reports a DEPRECATED profile with 422',
      body: body('QOS_L'),
      options: withCatalogue,
      errors: [{ messageId: 'notApplicable', path: '/qosProfile', status: 422, data: { status: 'DEPRECATED' }, message: 'is DEPRECATED' }],
    },
    {
      name: 'SDK: reports unknownProfile at /qos_profile',
      body: sdk('QOS_XR'),
      options: { ...withCatalogue, dialect: 'qod-sdk' },
      errors: [{ messageId: 'unknownProfile', path: '/qos_profile', message: "qos_profile 'QOS_XR' is not" }],
    },
    {
      name: 'SDK: reports notApplicable, answered as CAMARA 0.10 (no 422 there)',
      body: sdk('QOS_L'),
      options: withCatalogue,
      errors: [{ messageId: 'notApplicable', path: '/qos_profile', status: 400, code: 'INVALID_ARGUMENT' }],
    },
  ],
});

describe('qos-profile catalogue lookup', () => {
  it('builds its lookup once per catalogue, not per request', () => {
    let reads = 0;
    const profiles = catalogue.map((p) => Object.defineProperty({ ...p }, 'name', { get: () => (reads++, p.name), enumerable: true }) as QosProfile);
    const { validate } = createValidator({ policy: { qosProfiles: profiles } });
    validate(body('QOS_E'));
    const afterFirst = reads;
    for (const name of ['QOS_E', 'QOS_M', 'nope', 'qos_s']) validate(body(name));
    expect(reads).toBe(afterFirst);
  });
});
