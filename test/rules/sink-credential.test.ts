import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qod12 } from '../../src/dialects/qod-1.2.js';
import { validate, type Issue } from '../../src/index.js';
import { dateTimeMs } from '../../src/rules/utils/date-time.js';
import { ruleTester } from '../helpers/rule-tester.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const at = { context: { now: NOW } };
const base = {
  device: { phoneNumber: '+34600000001' },
  applicationServer: { ipv4Address: '198.51.100.0/24' },
  qosProfile: 'QOS_E',
  duration: 3600,
  sink: 'https://endpoint.example.com/sink',
};
const token = { credentialType: 'ACCESSTOKEN', accessToken: 'abc', accessTokenExpiresUtc: '2027-01-01T00:00:00Z', accessTokenType: 'bearer' };
const withToken = (fields: Record<string, unknown>) => ({ ...base, sinkCredential: { ...token, ...fields } });
const expiring = (accessTokenExpiresUtc: string) => withToken({ accessTokenExpiresUtc });
const jwt = { credentialType: 'PRIVATE_KEY_JWT', clientId: 'client-1', tokenUri: 'https://auth.example.com/token' };

ruleTester('sink-credential', {
  valid: [
    { name: 'an access token that outlives the session', body: withToken({}), options: at },
    { name: 'a far-future expiry against the clock', body: expiring('2099-07-03T12:27:08Z') },
    { name: 'an expiry with an offset', body: expiring('2027-01-01T00:00:00+01:00'), options: at },
    { name: 'an expiry with lower-case separators and a fraction', body: expiring('2027-01-01t00:00:00.123456z'), options: at },
    { name: 'an expiry with a space for separator (as ajv-formats accepts)', body: expiring('2027-01-01 00:00:00Z'), options: at },
    { name: 'an expiry on a leap day', body: expiring('2028-02-29T00:00:00Z'), options: at },
    { name: 'an expiry on a leap second', body: expiring('2026-12-31T23:59:60Z'), options: at },
    { name: 'an expiry one second after the session ends', body: expiring('2026-11-27T13:00:01Z'), options: at },
    { name: 'no sinkCredential', body: base },
    {
      name: 'PRIVATE_KEY_JWT configured beforehand',
      body: { ...base, sinkCredential: jwt },
      options: { policy: { privateKeyJwtConfigured: true } },
    },
    { name: 'a missing credentialType is the schema finding', body: { ...base, sinkCredential: { accessToken: 'abc' } } },
    { name: 'a credentialType of the wrong type is the schema finding', body: { ...base, sinkCredential: { credentialType: 5 } } },
    { name: 'an access token of the wrong type is the schema finding, not a missing one', body: withToken({ accessToken: 5 }), options: at },
    { name: 'an accessTokenType of the wrong type is the schema finding', body: withToken({ accessTokenType: null }), options: at },
    {
      name: 'an out-of-range duration says nothing about the session end',
      body: { ...withToken({ accessTokenExpiresUtc: '2026-11-27T12:30:00Z' }), duration: 0 },
      options: at,
    },
    {
      name: 'SDK: the model has no sinkCredential',
      body: { qos_profile: 'QOS_VC', device: { phone_number: '+34600000001' }, sinkCredential: { credentialType: 'PLAIN' } },
    },
    { name: 'the rule turned off', body: { ...base, sinkCredential: { credentialType: 'PLAIN' } }, options: { rules: { 'sink-credential': 'off' } } },
  ],
  invalid: [
    {
      name: 'a PLAIN credential (no longer in 1.2)',
      body: { ...base, sinkCredential: { credentialType: 'PLAIN' } },
      errors: [
        {
          messageId: 'unknownType',
          path: '/sinkCredential/credentialType',
          severity: 'error',
          status: 400,
          code: 'INVALID_ARGUMENT',
          data: { value: 'PLAIN', allowed: 'ACCESSTOKEN, PRIVATE_KEY_JWT' },
        },
      ],
    },
    {
      name: 'a credential type in the wrong case; its fields are still checked',
      body: { ...base, sinkCredential: { credentialType: 'accesstoken', accessTokenType: 'mac' } },
      errors: [
        { messageId: 'unknownType', path: '/sinkCredential/credentialType', data: { value: 'accesstoken' } },
        { messageId: 'notBearer', path: '/sinkCredential/accessTokenType' },
      ],
    },
    {
      name: 'an access token credential without its token',
      body: { ...base, sinkCredential: { credentialType: 'ACCESSTOKEN', accessTokenExpiresUtc: '2099-07-03T12:27:08Z', accessTokenType: 'bearer' } },
      errors: [{ messageId: 'missingField', path: '/sinkCredential', status: 400, code: 'INVALID_ARGUMENT', data: { property: 'accessToken' } }],
    },
    {
      name: 'an access token credential with no field at all',
      body: { ...base, sinkCredential: { credentialType: 'ACCESSTOKEN' } },
      errors: [
        { messageId: 'missingField', path: '/sinkCredential', data: { property: 'accessToken' } },
        { messageId: 'missingField', path: '/sinkCredential', data: { property: 'accessTokenExpiresUtc' } },
        { messageId: 'missingField', path: '/sinkCredential', data: { property: 'accessTokenType' } },
      ],
    },
    {
      name: 'a token type that is not bearer',
      body: withToken({ accessTokenType: 'mac' }),
      options: at,
      errors: [{ messageId: 'notBearer', path: '/sinkCredential/accessTokenType', status: 400, code: 'INVALID_TOKEN', data: { value: 'mac' } }],
    },
    {
      name: "'Bearer' with a capital, as the prose writes it",
      body: withToken({ accessTokenType: 'Bearer' }),
      options: at,
      errors: [{ messageId: 'bearerCase', path: '/sinkCredential/accessTokenType', status: 400, code: 'INVALID_TOKEN', message: "lower-case 'bearer'" }],
    },
    {
      name: 'an expiry without a time zone',
      body: expiring('2099-07-03T12:27:08'),
      errors: [{ messageId: 'expiryNoTimeZone', path: '/sinkCredential/accessTokenExpiresUtc', severity: 'error', status: 400, code: 'INVALID_ARGUMENT' }],
    },
    {
      name: 'an expiry that is not a date-time',
      body: expiring('tomorrow'),
      errors: [{ messageId: 'expiryInvalid', path: '/sinkCredential/accessTokenExpiresUtc', status: 400, code: 'INVALID_ARGUMENT', data: { value: 'tomorrow' } }],
    },
    { name: 'an expiry on a day the month does not have', body: expiring('2027-02-29T00:00:00Z'), errors: [{ messageId: 'expiryInvalid', path: '/sinkCredential/accessTokenExpiresUtc' }] },
    { name: 'an expiry with a bad offset', body: expiring('2027-01-01T00:00:00+24:00'), errors: [{ messageId: 'expiryInvalid', path: '/sinkCredential/accessTokenExpiresUtc' }] },
    {
      name: 'an expiry in the past',
      body: expiring('2020-01-01T00:00:00Z'),
      options: at,
      errors: [
        {
          messageId: 'expired',
          path: '/sinkCredential/accessTokenExpiresUtc',
          severity: 'warn',
          data: { value: '2020-01-01T00:00:00Z', now: '2026-11-27T12:00:00.000Z' },
        },
      ],
    },
    {
      name: 'an expiry exactly now',
      body: expiring('2026-11-27T13:00:00+01:00'),
      options: at,
      errors: [{ messageId: 'expired', path: '/sinkCredential/accessTokenExpiresUtc', severity: 'warn' }],
    },
    {
      name: 'an expiry before the session would end',
      body: expiring('2026-11-27T12:30:00Z'),
      options: at,
      errors: [
        {
          messageId: 'expiresBeforeSessionEnd',
          path: '/sinkCredential/accessTokenExpiresUtc',
          severity: 'warn',
          data: { sessionEnd: '2026-11-27T13:00:00.000Z' },
        },
      ],
    },
    {
      name: 'an expiry exactly when the session ends, written with an offset',
      body: expiring('2026-11-27T08:00:00-05:00'),
      options: at,
      errors: [{ messageId: 'expiresBeforeSessionEnd', path: '/sinkCredential/accessTokenExpiresUtc' }],
    },
    {
      name: 'expiry notes one level below the configured severity',
      body: expiring('2020-01-01T00:00:00Z'),
      options: { ...at, rules: { 'sink-credential': 'warn' } },
      errors: [{ messageId: 'expired', path: '/sinkCredential/accessTokenExpiresUtc', severity: 'info' }],
    },
    {
      name: 'PRIVATE_KEY_JWT without configuration shared beforehand',
      body: { ...base, sinkCredential: { credentialType: 'PRIVATE_KEY_JWT' } },
      errors: [
        { messageId: 'privateKeyJwtNotConfigured', path: '/sinkCredential/credentialType', severity: 'error', status: 422, code: 'PRIVATE_KEY_JWT_NOT_CONFIGURED' },
      ],
    },
    {
      name: 'a read-only jwksUri sent in the request',
      body: { ...base, sinkCredential: { ...jwt, jwksUri: 'https://auth.example.com/jwks' } },
      options: { policy: { privateKeyJwtConfigured: true } },
      errors: [{ messageId: 'jwksUriReadOnly', path: '/sinkCredential/jwksUri', severity: 'warn' }],
    },
    {
      name: 'a sinkCredential without a sink',
      body: { device: base.device, applicationServer: base.applicationServer, qosProfile: 'QOS_E', duration: 3600, sinkCredential: token },
      options: at,
      errors: [{ messageId: 'withoutSink', path: '/sinkCredential', severity: 'warn' }],
    },
  ],
});

// #region Property tests: the rule rejects exactly what the schema keywords it owns reject.

const isDateTime = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;
const schemaValidate = qod12.schema.validate;
const OWNED: Record<string, string> = {
  '#/properties/sinkCredential/properties/credentialType/enum': 'enum',
  '#/properties/sinkCredential/allOf/0/then/required': 'required',
  '#/properties/sinkCredential/properties/accessTokenExpiresUtc/format': 'format',
  '#/properties/sinkCredential/properties/accessTokenType/enum': 'enum',
};
/** Each owning message id → the schema keyword it stands for. */
const KEYWORD_OF: Record<string, string> = {
  unknownType: 'enum',
  missingField: 'required',
  expiryNoTimeZone: 'format',
  expiryInvalid: 'format',
  notBearer: 'enum',
  bearerCase: 'enum',
};

const pad = (width: number, max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
const dateTimeLike = fc
  .tuple(
    fc.oneof(pad(4, 9999), fc.constantFrom('2024', '2023', '1900', '2000', '0000', '0400')),
    fc.oneof(pad(2, 13), fc.constant('02')),
    fc.oneof(pad(2, 32), fc.constantFrom('28', '29', '30', '31')),
    fc.constantFrom('T', 't', ' ', '\u00a0', '\n', 'x', 'TT', ''),
    fc.oneof(pad(2, 25), fc.constantFrom('23', '00', '24', '22')),
    fc.oneof(pad(2, 61), fc.constantFrom('59', '00', '01')),
    fc.oneof(pad(2, 62), fc.constantFrom('60', '60.5', '61', '59.999')),
    fc.constantFrom('', '.5', '.123456789', '.'),
    fc.constantFrom('', 'Z', 'z', '+01:00', '-01:00', '+0100', '+01', '-0001', '+00:01', '+24:00', '+01:60', '-23:59', '+1:00', 'Z ', '+01:00:00', 'UTC'),
  )
  .map(([y, mo, d, sep, h, mi, s, frac, tz]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac}${tz}`);
const anyExpiry = fc.oneof({ arbitrary: dateTimeLike, weight: 4 }, { arbitrary: fc.string(), weight: 1 });

describe('sink-credential: agreement with the schema keywords it owns', () => {
  it('flags an expiry exactly when ajv-formats says it is not a date-time', () => {
    fc.assert(
      fc.property(anyExpiry, (expiry) => {
        const report = validate(expiring(expiry), at);
        const flagged = report.issues.some(
          (i) => i.ruleId === 'sink-credential' && (i.messageId === 'expiryNoTimeZone' || i.messageId === 'expiryInvalid'),
        );
        expect(flagged).toBe(!isDateTime(expiry));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with ajv-formats on a table of edge cases', () => {
    const cases = [
      '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '0000-02-29T00:00:00Z',
      '2026-12-31T23:59:60Z', '2026-12-31T23:59:60.5Z', '2026-12-31T23:59:61Z', '2026-12-31T22:59:60Z', '2027-01-01T00:59:60+01:00',
      '2026-12-31T22:59:60-01:00', '2027-01-01T24:59:30+01:00', '2027-01-01T00:00:60+00:01', '2027-01-01T12:00:00', '2027-01-01T12:00:00+0100',
      '2027-01-01T12:00:00+01', '2027-01-01T12:00:00.Z', '2027-01-01T12:00Z', '2027-1-01T12:00:00Z', '2027-01-01\tT12:00:00Z',
      '2027-01-01\u2028 12:00:00Z', '\u00a02027-01-01T12:00:00Z', '2027-01-01T12:00:00Z\n', '٢٠٢٧-01-01T12:00:00Z', '',
    ];
    for (const expiry of cases) {
      const report = validate(expiring(expiry), at);
      const flagged = report.issues.some((i) => i.ruleId === 'sink-credential' && i.messageId.startsWith('expiry'));
      expect(flagged, JSON.stringify(expiry)).toBe(!isDateTime(expiry));
    }
  });

  it('reads the instant as Date.parse does for canonical date-times', () => {
    const canonical = fc
      .tuple(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('Z', '+01:00', '-05:30', '+14:00', '-00:00'),
      )
      .map(([date, zone]) => `${date.toISOString().slice(0, 23)}${zone}`);
    fc.assert(
      fc.property(canonical, (text) => {
        expect(dateTimeMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  const nonString = fc.oneof(fc.integer(), fc.constant(null), fc.boolean());
  const credential = fc.record(
    {
      credentialType: fc.oneof(
        { arbitrary: fc.constant('ACCESSTOKEN'), weight: 6 },
        { arbitrary: fc.constantFrom('PRIVATE_KEY_JWT', 'accesstoken', 'PLAIN', 'REFRESHTOKEN', ''), weight: 2 },
        { arbitrary: fc.string(), weight: 1 },
        { arbitrary: nonString, weight: 1 },
      ),
      accessToken: fc.oneof(fc.string(), nonString),
      accessTokenExpiresUtc: fc.oneof({ arbitrary: anyExpiry, weight: 4 }, { arbitrary: nonString, weight: 1 }),
      accessTokenType: fc.oneof(
        { arbitrary: fc.constantFrom('bearer', 'Bearer', 'BEARER', 'mac', ''), weight: 3 },
        { arbitrary: fc.string(), weight: 1 },
        { arbitrary: nonString, weight: 1 },
      ),
    },
    { requiredKeys: [] },
  );

  it('reports exactly the failures of the owned keywords (enum, required, format), and nothing of them leaks as a schema finding', () => {
    fc.assert(
      fc.property(credential, (sinkCredential) => {
        const body = { ...base, sinkCredential };
        schemaValidate(body);
        const expected: string[] = [];
        const typeErrors: string[] = [];
        const undeclared: string[] = [];
        for (const error of schemaValidate.errors ?? []) {
          const keyword = OWNED[error.schemaPath];
          if (keyword === undefined) continue;
          const value = (sinkCredential as Record<string, unknown>)[error.instancePath.split('/').pop()!];
          // An enum failing on a value that is not a string is also a 'type' failure, which the
          // schema reports itself; the rule looks at strings only.
          if (keyword === 'enum' && typeof value !== 'string') {
            typeErrors.push(error.instancePath);
            continue;
          }
          // A PRIVATE_KEY_JWT credential does not declare the access-token fields: each one it has is
          // an unknown property there (known-properties, at the field), which the rule leaves alone.
          if (sinkCredential.credentialType === 'PRIVATE_KEY_JWT' && keyword !== 'required') {
            undeclared.push(error.instancePath);
            continue;
          }
          expected.push(`${keyword}${keyword === 'required' ? `:${String(error.params.missingProperty)}` : ''}@${error.instancePath}`);
        }
        const report = validate(body, at);
        const actual = report.issues
          .filter((i) => i.ruleId === 'sink-credential' && KEYWORD_OF[i.messageId] !== undefined)
          .map((i) => `${KEYWORD_OF[i.messageId]}${i.messageId === 'missingField' ? `:${String(i.data?.property)}` : ''}@${i.path}`);
        expect(actual.sort()).toEqual(expected.sort());
        const schemaIssues = report.issues.filter((i: Issue) => i.ruleId === 'schema');
        for (const path of typeErrors) expect(schemaIssues.some((i) => i.messageId === 'type' && i.path === path)).toBe(true);
        for (const path of undeclared) expect(report.issues.some((i) => i.ruleId === 'known-properties' && i.messageId === 'undeclaredForType' && i.path === path)).toBe(true);
        for (const issue of schemaIssues) {
          const owned = ['enum', 'format'].includes(issue.messageId) || (issue.messageId === 'required' && issue.data?.property !== 'credentialType');
          expect(owned && issue.path.startsWith('/sinkCredential'), JSON.stringify(issue)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

// #endregion
