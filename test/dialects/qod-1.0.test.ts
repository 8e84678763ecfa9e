// qod-1.0 (CAMARA 1.0.0, r2.2): what its schema accepts, and what the report says under it. Cases
// named after a scenario of r2.2's createSession test definitions are that scenario, decided from the
// body and static configuration.
import type { Policy } from '../../src/index.js';
import { dialectTester, sharedScenarios } from '../helpers/dialect-tester.js';

const body = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const token = { credentialType: 'ACCESSTOKEN', accessToken: 'eyJhbGciOiJSUzI1NiJ9', accessTokenExpiresUtc: '2099-07-03T12:27:08Z', accessTokenType: 'bearer' };
const sink = 'https://endpoint.example.com/sink';
const withCredential = (credential: Record<string, unknown>) => ({ ...body, sink, sinkCredential: credential });
const without = (key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const catalogue = { qosProfiles: [{ name: 'QOS_E', status: 'ACTIVE', minDuration: { value: 10, unit: 'Minutes' } }, { name: 'QOS_OLD', status: 'INACTIVE' }] } satisfies Policy;
const twoIdentifiers = { ...body, device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } } };

dialectTester('qod-1.0', {
  schema: [
    { name: 'a minimal body', body, spec: true },
    { name: 'no device', body: without('device'), spec: true },
    { name: 'no duration', body: without('duration'), spec: false },
    { name: 'duration 3000000000: no maximum', body: { ...body, duration: 3000000000 }, spec: true },
    { name: 'port 0', body: { ...body, devicePorts: { ranges: [{ from: 0, to: 10 }] } }, spec: true },
    { name: 'a phone number starting with +0', body: { ...body, device: { phoneNumber: '+034600000001' } }, spec: false },
    { name: 'a sink over http', body: { ...body, sink: 'http://endpoint.example.com/sink' }, spec: true },
    { name: 'a sink of another scheme (any URI)', body: { ...body, sink: 'mailto:ops@example.com' }, spec: true },
    { name: 'a sink that is no URI (format uri from 1.0)', body: { ...body, sink: 'not a uri' }, spec: false },
    { name: 'a PLAIN credential with its fields (still in the enum)', body: withCredential({ credentialType: 'PLAIN', identifier: 'client', secret: 's3cr3t' }), spec: true },
    { name: 'a REFRESHTOKEN credential without its refresh fields', body: withCredential({ ...token, credentialType: 'REFRESHTOKEN' }), spec: false },
    { name: 'an ACCESSTOKEN credential', body: withCredential(token), spec: true },
    { name: 'an unknown property', body: { ...body, extra: true }, spec: true, strict: false },
    { name: 'an unknown property of a port range', body: { ...body, devicePorts: { ranges: [{ from: 1, to: 2, step: 1 }] } }, spec: true, strict: false },
  ],
  reports: [
    { name: 'a minimal body: nothing to say', body, issues: [] },
    ...sharedScenarios({ noBody: '400.2_no_request_body', emptyBody: '400.3_empty_request_body', emptyProperty: '400.4_empty_property', badIdentifier: 'C01.02_device_identifiers_not_schema_compliant', outOfRangePort: '400.5_out_of_range_port' }, body),
    { name: 'C01.01_device_empty', body: { ...body, device: {} }, options: { context: { tokenIdentifiesDevice: false } }, issues: ['schema:minProperties@/device 400 INVALID_ARGUMENT'] },
    { name: 'C01.02 phoneNumber not compliant', body: { ...body, device: { phoneNumber: '+034600000001' } }, issues: ['phone-number:leadingZero@/device/phoneNumber 400 INVALID_ARGUMENT'] },
    { name: 'C01.02 ipv6Address not compliant', body: { ...body, device: { ipv6Address: '2001:db8::1/64' } }, issues: ['ip-address:prefixNotAllowed@/device/ipv6Address 400 INVALID_ARGUMENT'] },
    { name: 'C01.03_device_not_found', body, options: { policy: { resolveDevice: () => undefined }, context: { tokenIdentifiesDevice: false } }, issues: ['device-identifiers:identifierNotFound@/device 404 IDENTIFIER_NOT_FOUND'] },
    { name: 'C01.04_unnecessary_device', body, options: { context: { tokenIdentifiesDevice: true } }, issues: ['device-identifiers:unnecessaryIdentifier@/device 422 UNNECESSARY_IDENTIFIER'] },
    { name: 'C01.05_missing_device', body: without('device'), options: { context: { tokenIdentifiesDevice: false } }, issues: ['device-identifiers:missingIdentifier@ 422 MISSING_IDENTIFIER'] },
    { name: 'C01.06_unsupported_device', body: { ...body, device: { networkAccessIdentifier: '123456789@example.com' } }, issues: ['device-identifiers:unsupportedIdentifier@/device 422 UNSUPPORTED_IDENTIFIER'] },
    {
      name: 'C01.06_unsupported_device (the operator supports only phone numbers)',
      body: { ...body, device: { ipv4Address: { publicAddress: '84.125.93.10', privateAddress: '10.0.0.1' } } },
      options: { policy: { supportedIdentifiers: ['phoneNumber'] } },
      issues: ['device-identifiers:unsupportedIdentifier@/device 422 UNSUPPORTED_IDENTIFIER'],
    },
    {
      name: 'C01.08_device_identifiers_mismatch',
      body: twoIdentifiers,
      options: { policy: { resolveDevice: (id) => (id.type === 'phoneNumber' ? 'a' : 'b') } },
      issues: ['device-identifiers:identifierMismatch@/device 422 IDENTIFIER_MISMATCH'],
    },
    {
      name: 'C01.08_device_identifiers_mismatch, from a registry that answers later',
      body: twoIdentifiers,
      options: { policy: { resolveDevice: async (id) => (id.type === 'phoneNumber' ? 'a' : 'b') } },
      async: true,
      issues: ['device-identifiers:identifierMismatch@/device 422 IDENTIFIER_MISMATCH'],
    },
    { name: 'two identifiers of one device', body: twoIdentifiers, options: { policy: { resolveDevice: () => 'a' } }, issues: [] },
    { name: '400.6_invalid_sink_credential PLAIN', body: withCredential({ credentialType: 'PLAIN', identifier: 'client', secret: 's3cr3t' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    { name: '400.6_invalid_sink_credential REFRESHTOKEN', body: withCredential({ ...token, credentialType: 'REFRESHTOKEN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    { name: '400.7_sink_credential_invalid_token', body: withCredential({ ...token, accessTokenType: 'Bearer' }), issues: ['sink-credential:bearerCase@/sinkCredential/accessTokenType 400 INVALID_TOKEN'] },
    { name: 'an expiry without a time zone ("must have time zone")', body: withCredential({ ...token, accessTokenExpiresUtc: '2099-07-03T12:27:08' }), issues: ['sink-credential:expiryNoTimeZone@/sinkCredential/accessTokenExpiresUtc 400 INVALID_ARGUMENT'] },
    { name: '400.8_non_existent_qos_profile', body: { ...body, qosProfile: 'qos_e' }, options: { policy: catalogue }, issues: ['qos-profile:caseMismatch@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: '400.9_invalid_duration', body: { ...body, duration: 599 }, options: { policy: catalogue }, issues: ['duration-bounds:belowProfileMinimum@/duration 400 QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE'] },
    { name: 'an INACTIVE profile: 1.0 defines no code, the generic one', body: { ...body, qosProfile: 'QOS_OLD' }, options: { policy: catalogue }, issues: ['qos-profile:notApplicable@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: 'a sink over http: a warning', body: { ...body, sink: 'http://endpoint.example.com/sink' }, issues: ['warn:sink:plainHttp@/sink 400 INVALID_ARGUMENT'] },
    { name: 'a mailto: sink: the schema accepts it, the rule does not (no INVALID_SINK before 1.1)', body: { ...body, sink: 'mailto:ops@example.com' }, issues: ['sink:notHttps@/sink 400 INVALID_ARGUMENT'] },
    { name: 'a mailto: sink with the sink rule off', body: { ...body, sink: 'mailto:ops@example.com' }, options: { rules: { sink: 'off' } }, issues: [] },
    { name: 'a sink that is no URI, with the sink rule off: the schema says so', body: { ...body, sink: 'not a uri' }, options: { rules: { sink: 'off' } }, issues: ['schema:format@/sink 400 INVALID_ARGUMENT'] },
    { name: 'unknown properties are allowed', body: { ...body, extra: true }, issues: [] },
    { name: 'known-properties turned on', body: { ...body, extra: true }, options: { rules: { 'known-properties': 'error' } }, issues: ['known-properties:unknownProperty@/extra 400 INVALID_ARGUMENT'] },
  ],
});
