// The conformance profile, `codes: 'test-definitions'`: where a release's own createSession test
// definitions expect another code than its specification, the finding answers with the tests' code;
// by default (and with `codes: 'specification'`) with the specification's. One test per affected
// scenario in both profiles, named after the scenario, for every dialect whose release has such
// scenarios (src/dialects/test-definition-codes.ts); and, for qod-1.2, the scenarios where the tests
// accept the specification's code too, which the profile leaves alone.
import { describe, expect, it } from 'vitest';
import { dialects } from '../src/dialects/index.js';
import { testDefinitionAnswers } from '../src/dialects/test-definition-codes.js';
import { createValidator, dialectIds, toErrorInfo, validate, type CamaraError, type CodesProfile, type DialectFacts, type DialectId, type QosProfile, type ValidateOptions } from '../src/index.js';

const catalogue: QosProfile[] = [{ name: 'QOS_L', status: 'ACTIVE', minDuration: { value: 1, unit: 'Minutes' }, maxDuration: { value: 1, unit: 'Hours' } }];

/** A CAMARA 0.11–1.2 body (the same keys in all of them), 2-legged, naming the device by phone number. */
function body(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_L', duration: 600, ...extra };
}

interface Trigger {
  /** Whether the dialect can report the finding at all (a duration maximum only where there is one). */
  readonly applies?: (facts: DialectFacts) => boolean;
  readonly body: (facts: DialectFacts) => Record<string, unknown>;
  readonly options?: ValidateOptions;
  readonly path: string;
  /** What the specification answers (the profile's default). */
  readonly specification: (facts: DialectFacts) => CamaraError;
}

const OUT_OF_RANGE: CamaraError = { status: 400, code: 'OUT_OF_RANGE' };

/** A body that makes each finding the profile switches, and the specification's answer to it. */
const TRIGGERS: Readonly<Record<string, Trigger>> = {
  'duration-bounds#belowProfileMinimum': { body: () => body({ duration: 30 }), options: { policy: { qosProfiles: catalogue } }, path: '/duration', specification: (f) => f.profileDurationError },
  'duration-bounds#aboveProfileMaximum': { body: () => body({ duration: 7200 }), options: { policy: { qosProfiles: catalogue } }, path: '/duration', specification: (f) => f.profileDurationError },
  'duration-bounds#belowMinimum': { body: (f) => body({ duration: f.duration.min - 1 }), path: '/duration', specification: () => OUT_OF_RANGE },
  'duration-bounds#aboveMaximum': {
    applies: (f) => Number.isFinite(f.duration.max),
    body: (f) => body({ duration: f.duration.max + 1 }),
    path: '/duration',
    specification: () => OUT_OF_RANGE,
  },
  'sink#notUri': { body: () => body({ sink: 'example.com/notify' }), path: '/sink', specification: (f) => f.invalidSink },
  'sink#notHttps': { body: () => body({ sink: 'http://example.com/notify' }), path: '/sink', specification: (f) => f.invalidSink },
  'sink#schemeCase': { body: () => body({ sink: 'HTTPS://example.com/notify' }), path: '/sink', specification: (f) => f.invalidSink },
  'device-identifiers#unsupportedIdentifier': {
    body: () => body({ device: { networkAccessIdentifier: 'alice@example.com' } }),
    options: { policy: { supportedIdentifiers: ['phoneNumber'] } },
    path: '/device',
    specification: (f) => f.unsupportedIdentifier,
  },
};

const cases = dialectIds.flatMap((dialect) =>
  testDefinitionAnswers[dialects[dialect].facts.release].flatMap((entry) =>
    entry.messageIds
      .filter((messageId) => TRIGGERS[`${entry.ruleId}#${messageId}`]?.applies?.(dialects[dialect].facts) !== false)
      .map((messageId) => ({ dialect, release: dialects[dialect].facts.release, scenario: entry.scenario, ruleId: entry.ruleId, messageId, answer: entry.answer })),
  ),
);

/** The finding of a rule's message in the report of a body, under a profile. */
function findingOf(dialect: DialectId, codes: CodesProfile | undefined, key: string) {
  const trigger = TRIGGERS[key]!;
  const options: ValidateOptions = { ...trigger.options, dialect, ...(codes === undefined ? {} : { codes }) };
  const report = validate(trigger.body(dialects[dialect].facts), options);
  const [ruleId, messageId] = key.split('#');
  return { issue: report.issues.find((i) => i.ruleId === ruleId && i.messageId === messageId && i.path === trigger.path), report };
}

describe.each(cases.map((c) => [`${c.dialect} (${c.release}) ${c.scenario}: ${c.ruleId}#${c.messageId}`, c] as const))('%s', (_name, c) => {
  const key = `${c.ruleId}#${c.messageId}`;

  it('every switched finding has a body that makes it', () => {
    expect(TRIGGERS[key], `add a trigger for ${key}`).toBeDefined();
  });

  it.runIf(TRIGGERS[key] !== undefined).each([
    ['not set', undefined],
    ["'specification'", 'specification'],
  ] as const)('codes %s: answers with the specification', (_label, codes) => {
    const { issue } = findingOf(c.dialect, codes, key);
    expect(issue).toBeDefined();
    expect({ status: issue!.status, code: issue!.code }).toEqual(TRIGGERS[key]!.specification(dialects[c.dialect].facts));
  });

  it.runIf(TRIGGERS[key] !== undefined)("codes: 'test-definitions' answers as the scenario expects", () => {
    const { issue, report } = findingOf(c.dialect, 'test-definitions', key);
    expect(issue).toBeDefined();
    expect({ status: issue!.status, code: issue!.code }).toEqual(c.answer);
    if (issue!.severity === 'error' && report.issues.filter((i) => i.severity === 'error').length === 1) {
      expect(toErrorInfo(report)).toMatchObject(c.answer);
    }
  });
});

describe('qod-1.2 (r4.1): the differences, pinned', () => {
  const withCatalogue = { policy: { qosProfiles: catalogue } } as const;
  it.each([
    ['400.9_invalid_duration: below the profile minimum', 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE', 'INVALID_ARGUMENT', body({ duration: 30 }), withCatalogue],
    ['400.9_invalid_duration: above the profile maximum', 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE', 'INVALID_ARGUMENT', body({ duration: 7200 }), withCatalogue],
    ['400.1_schema_not_compliant: duration 0', 'OUT_OF_RANGE', 'INVALID_ARGUMENT', body({ duration: 0 }), {}],
    ['400.1_schema_not_compliant: duration beyond int32', 'OUT_OF_RANGE', 'INVALID_ARGUMENT', body({ duration: 2147483648 }), {}],
    ['400.1_schema_not_compliant: sink over http', 'INVALID_SINK', 'INVALID_ARGUMENT', body({ sink: 'http://example.com/notify' }), {}],
    ['400.1_schema_not_compliant: sink that is no URI', 'INVALID_SINK', 'INVALID_ARGUMENT', body({ sink: 'example.com/notify' }), {}],
    ["400.1_schema_not_compliant: sink scheme in upper case", 'INVALID_SINK', 'INVALID_ARGUMENT', body({ sink: 'HTTPS://example.com/notify' }), {}],
  ] as const)('%s: %s, or %s under the profile', (_name, specification, tests, payload, options) => {
    expect(toErrorInfo(validate(payload, options))).toMatchObject({ status: 400, code: specification });
    expect(toErrorInfo(validate(payload, { ...options, codes: 'specification' }))).toMatchObject({ status: 400, code: specification });
    expect(toErrorInfo(validate(payload, { ...options, codes: 'test-definitions' }))).toMatchObject({ status: 400, code: tests });
    expect(toErrorInfo(createValidator({ ...options, codes: 'test-definitions' }).validate(payload))).toMatchObject({ status: 400, code: tests });
  });

  it('leaves what a rule adds beyond the schema as the specification says (a sink on a loopback host)', () => {
    const report = validate(body({ sink: 'https://127.0.0.1/notify' }), { codes: 'test-definitions' });
    expect(report.issues.map((i) => `${i.messageId}:${i.code}`)).toEqual(['nonPublicHost:INVALID_SINK']);
  });

  // The scenarios whose codes the tests accept in either form (or that the specification shares):
  // the profile changes nothing there.
  it.each([
    ['400.5_out_of_range_port', 'OUT_OF_RANGE', body({ devicePorts: { ports: [0] } }), {}],
    ['400.6_unsupported_sink_credential_type', 'INVALID_ARGUMENT', body({ sink: 'https://example.com/n', sinkCredential: { credentialType: 'PLAIN' } }), {}],
    ['400.7_sink_credential_invalid_token', 'INVALID_TOKEN', body({ sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'a', accessTokenExpiresUtc: '2099-01-01T00:00:00Z', accessTokenType: 'mac' } }), {}],
    ['400.8_non_existent_qos_profile', 'INVALID_ARGUMENT', body({ qosProfile: 'QOS_X' }), withCatalogue],
    ['C01.06_unsupported_device', 'UNSUPPORTED_IDENTIFIER', body({ device: { networkAccessIdentifier: 'alice@example.com' } }), {}],
    ['422.2_private_key_jwt_not_configured', 'PRIVATE_KEY_JWT_NOT_CONFIGURED', body({ sink: 'https://example.com/n', sinkCredential: { credentialType: 'PRIVATE_KEY_JWT' } }), {}],
  ] as const)('%s: %s in both profiles', (_name, code, payload, options) => {
    for (const codes of ['specification', 'test-definitions'] as const) {
      expect(toErrorInfo(validate(payload, { ...options, codes }))).toMatchObject({ code });
    }
  });
});

describe('qod-sdk (CAMARA 0.10, whose test definitions name no codes)', () => {
  it('answers the same in both profiles', () => {
    const sdk = { device: { phone_number: '+34600000001' }, qos_profile: 'QOS_L', duration: 30, webhook: { notification_url: 'ftp://example.com' } };
    const options = { dialect: 'qod-sdk', policy: { qosProfiles: catalogue } } as const;
    const codes = (c: CodesProfile) => validate(sdk, { ...options, codes: c }).issues.map((i) => `${i.messageId}:${i.status} ${i.code}`);
    expect(codes('test-definitions')).toEqual(codes('specification'));
    expect(codes('specification')).toEqual(['belowMinimum:400 OUT_OF_RANGE', 'belowProfileMinimum:400 OUT_OF_RANGE', 'notHttps:400 INVALID_ARGUMENT']);
  });
});

describe('configuration', () => {
  it('rejects another value, naming the allowed ones', () => {
    expect(() => createValidator({ codes: 'tests' as CodesProfile })).toThrow(/codes/);
  });
});
