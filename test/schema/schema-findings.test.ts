// Findings of the JSON Schema itself (ruleId 'schema'): one clear sentence naming the field, the
// value and the limit, the JSON Schema keyword as messageId, and the CAMARA code.
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';

const base = { applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };

describe('schema findings', () => {
  it.each([
    ['a missing property', { ...base, qosProfile: undefined }, 'required', '', "The request body is missing the required property 'qosProfile'."],
    ['a wrong type', { ...base, qosProfile: 42 }, 'type', '/qosProfile', 'qosProfile must be a string, not an integer.'],
    ['null', { ...base, device: null }, 'type', '/device', 'device must be an object, not null.'],
    ['a string too short', { ...base, qosProfile: 'QE' }, 'minLength', '/qosProfile', 'qosProfile has 2 characters; it must have at least 3.'],
    ['a string too long', { ...base, qosProfile: 'Q'.repeat(257) }, 'maxLength', '/qosProfile', 'qosProfile has 257 characters; it must have at most 256.'],
    ['a pattern mismatch', { ...base, qosProfile: 'QOS E' }, 'pattern', '/qosProfile', 'qosProfile "QOS E" does not match the pattern ^[a-zA-Z0-9_.-]+$.'],
    ['an empty device', { ...base, device: {} }, 'minProperties', '/device', 'device is empty; it must have at least 1 property.'],
    ['an empty ports list', { ...base, devicePorts: { ranges: [] } }, 'minItems', '/devicePorts/ranges', 'devicePorts.ranges has 0 items; it must have at least 1.'],
    ['a range missing its end', { ...base, devicePorts: { ranges: [{ from: 1 }] } }, 'required', '/devicePorts/ranges/0', "devicePorts.ranges[0] is missing the required property 'to'."],
    ['both server forms', { ...base, applicationServer: { ipAddresses: ['198.51.100.1'], ipv4Address: '198.51.100.0/24' } }, 'oneOf', '/applicationServer',
      'applicationServer must be either a list of single addresses (ipAddresses) or an IPv4 and/or IPv6 subnet (ipv4Address, ipv6Address), not both.'],
    // It holds neither form: it is not told it holds both.
    ['an empty server object', { ...base, applicationServer: {} }, 'minProperties', '/applicationServer',
      'applicationServer is empty; it must have at least 1 property.'],
    ['a public address alone', { ...base, device: { ipv4Address: { publicAddress: '84.125.93.10' } } }, 'anyOf', '/device/ipv4Address',
      'device.ipv4Address needs publicAddress together with privateAddress or publicPort.'],
    ['a token URI that is not https', { ...base, sinkCredential: { credentialType: 'PRIVATE_KEY_JWT', tokenUri: 'http://auth.example.com/token' } }, 'pattern', '/sinkCredential/tokenUri',
      'sinkCredential.tokenUri "http://auth.example.com/token" does not match the pattern ^https:\\/\\/.+$.'],
  ])('describes %s', (_, body, keyword, path, message) => {
    const issues = validate(body, { policy: { privateKeyJwtConfigured: true } }).issues.filter((i) => i.ruleId === 'schema');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ messageId: keyword, path, message, severity: 'error', status: 400, code: 'INVALID_ARGUMENT' });
  });

  it('picks the alternative the body meant: a list entry problem is not reported as a oneOf failure', () => {
    const issues = validate({ ...base, applicationServer: { ipAddresses: ['198.51.100.1', 7] } }).issues;
    expect(issues.map((i) => `${i.ruleId}:${i.messageId}@${i.path}`)).toEqual(['schema:type@/applicationServer/ipAddresses/1']);
  });

  it('names the missing property in data', () => {
    const [issue] = validate({ ...base, duration: undefined }).issues;
    expect(issue?.data).toEqual({ property: 'duration' });
  });
});
