import { describe, expect, it } from 'vitest';
import { toErrorInfo, validate } from '../../src/index.js';
import { ruleTester } from '../helpers/rule-tester.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const token = { accessToken: 'x', accessTokenExpiresUtc: '2099-01-01T00:00:00Z', accessTokenType: 'bearer' };

ruleTester('known-properties', {
  valid: [
    { name: 'a body with declared properties only', body: { ...base, device: { phoneNumber: '+34600000000' }, devicePorts: { ports: [5060] } } },
    { name: 'unknown properties in the SDK dialect (opt-in there)', body: { device: { phone_number: '+34600000000', extra: 1 }, qos_profile: 'QOS_VC', extra: true } },
    { name: 'the rule turned off', body: { ...base, extra: 1 }, options: { rules: { 'known-properties': 'off' } } },
    { name: 'each credential type with its own fields', body: { ...base, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token } } },
    {
      name: 'a PRIVATE_KEY_JWT credential with its own fields',
      body: { ...base, sink: 'https://example.com/n', sinkCredential: { credentialType: 'PRIVATE_KEY_JWT', clientId: 'c', tokenUri: 'https://example.com/token' } },
      options: { policy: { privateKeyJwtConfigured: true } },
    },
  ],
  invalid: [
    {
      name: 'an unknown top-level property',
      body: { ...base, qosprofile: 'QOS_E' },
      errors: [{ messageId: 'unknownProperty', path: '/qosprofile', status: 400, code: 'INVALID_ARGUMENT', data: { property: 'qosprofile' } }],
    },
    {
      name: 'unknown properties at every depth',
      body: {
        ...base,
        device: { phoneNumber: '+34600000000', imei: '1', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 5000, nat: true } },
        devicePorts: { ranges: [{ from: 1, to: 2, step: 1 }], other: [] },
        sinkCredential: { credentialType: 'ACCESSTOKEN', accessToken: 'x', accessTokenExpiresUtc: '2030-01-01T00:00:00Z', accessTokenType: 'bearer', scope: 'a' },
      },
      errors: [
        { messageId: 'unknownProperty', path: '/device/imei' },
        { messageId: 'unknownProperty', path: '/device/ipv4Address/nat' },
        { messageId: 'unknownProperty', path: '/devicePorts/ranges/0/step' },
        { messageId: 'unknownProperty', path: '/devicePorts/other' },
        { messageId: 'undeclaredForType', path: '/sinkCredential/scope' },
      ],
    },
    {
      name: 'a field of the other credential type: jwksUri on an ACCESSTOKEN credential',
      body: { ...base, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, jwksUri: 'https://example.com/jwks' } },
      errors: [
        {
          messageId: 'undeclaredForType',
          path: '/sinkCredential/jwksUri',
          severity: 'error',
          status: 400,
          code: 'INVALID_ARGUMENT',
          data: { property: 'jwksUri', parent: 'sinkCredential' },
          message: "sinkCredential has the property 'jwksUri', which its credentialType does not declare.",
        },
      ],
    },
    {
      name: 'fields of the other credential type: access-token fields on a PRIVATE_KEY_JWT credential, each at its field',
      body: { ...base, sink: 'https://example.com/n', sinkCredential: { credentialType: 'PRIVATE_KEY_JWT', clientId: 'c', accessToken: 'x', accessTokenType: 'mac' } },
      options: { policy: { privateKeyJwtConfigured: true } },
      errors: [
        { messageId: 'undeclaredForType', path: '/sinkCredential/accessToken' },
        { messageId: 'undeclaredForType', path: '/sinkCredential/accessTokenType' },
      ],
    },
    {
      name: 'a credential of no known type may have any credential field; other properties are unknown',
      body: { ...base, sink: 'https://example.com/n', sinkCredential: { credentialType: 'PLAIN', accessToken: 'x', identifier: 'a' } },
      errors: [{ messageId: 'unknownProperty', path: '/sinkCredential/identifier' }],
    },
    {
      name: 'an unknown property beside the subnet form of applicationServer',
      body: { ...base, applicationServer: { ipv4Address: '198.51.100.0/24', port: 80 } },
      errors: [{ messageId: 'unknownProperty', path: '/applicationServer/port' }],
    },
    {
      name: 'a key escaped in the pointer',
      body: { ...base, 'a/b~c': 1 },
      errors: [{ messageId: 'unknownProperty', path: '/a~1b~0c', data: { property: 'a/b~c' } }],
    },
    {
      name: 'opted in for the SDK dialect, as a warning',
      body: { device: { phone_number: '+34600000000', extra: 1 }, qos_profile: 'QOS_VC' },
      options: { rules: { 'known-properties': 'warn' } },
      errors: [{ messageId: 'unknownProperty', path: '/device/extra', severity: 'warn' }],
    },
  ],
});

describe('known-properties off: a field of the other credential type stays an error of the schema (qod-1.2 forbids it)', () => {
  it('is the schema\'s additionalProperties finding at the field', () => {
    const report = validate(
      { ...base, sink: 'https://example.com/n', sinkCredential: { credentialType: 'ACCESSTOKEN', ...token, jwksUri: 'https://example.com/jwks' } },
      { rules: { 'known-properties': 'off' } },
    );
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => `${i.ruleId}:${i.messageId}@${i.path}`)).toEqual(['schema:additionalProperties@/sinkCredential/jwksUri']);
    expect(toErrorInfo(report)).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT' });
  });
});
