// qod-1.1 (CAMARA 1.1.0, r3.2): what its schema accepts, and what the report says under it. Cases
// named after a scenario of r3.2's createSession test definitions are that scenario, decided from the
// body and static configuration.
import type { Policy } from '../../src/index.js';
import { dialectTester, sharedScenarios } from '../helpers/dialect-tester.js';

const body = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const token = { credentialType: 'ACCESSTOKEN', accessToken: 'eyJhbGciOiJSUzI1NiJ9', accessTokenExpiresUtc: '2099-07-03T12:27:08Z', accessTokenType: 'bearer' };
const sink = 'https://endpoint.example.com/sink';
const withCredential = (credential: Record<string, unknown>) => ({ ...body, sink, sinkCredential: credential });
const without = (key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const catalogue = { qosProfiles: [{ name: 'QOS_E', status: 'ACTIVE' }, { name: 'QOS_OLD', status: 'DEPRECATED' }] } satisfies Policy;
const twoIdentifiers = { ...body, device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } } };

dialectTester('qod-1.1', {
  schema: [
    { name: 'a minimal body', body, spec: true },
    { name: 'no device', body: without('device'), spec: true },
    { name: 'no qosProfile', body: without('qosProfile'), spec: false },
    { name: 'duration 3000000000: no maximum', body: { ...body, duration: 3000000000 }, spec: true },
    { name: 'port 0', body: { ...body, device: { ipv4Address: { publicAddress: '84.125.93.10', publicPort: 0 } } }, spec: true },
    { name: 'an https sink', body: { ...body, sink }, spec: true },
    { name: 'a sink over http (https only from 1.1)', body: { ...body, sink: 'http://endpoint.example.com/sink' }, spec: false },
    { name: 'HTTPS in capitals (the pattern is case-sensitive)', body: { ...body, sink: 'HTTPS://endpoint.example.com/sink' }, spec: false },
    { name: 'a PLAIN credential with its fields (still in the enum)', body: withCredential({ credentialType: 'PLAIN', identifier: 'client', secret: 's3cr3t' }), spec: true },
    { name: 'an ACCESSTOKEN credential without accessTokenType', body: withCredential({ ...token, accessTokenType: undefined }), spec: false },
    { name: 'a credentialType not in the enum', body: withCredential({ credentialType: 'TOKEN' }), spec: false },
    { name: 'an unknown property of the device', body: { ...body, device: { phoneNumber: '+34600000001', imei: '490154203237518' } }, spec: true, strict: false },
  ],
  reports: [
    { name: 'a minimal body: nothing to say', body, issues: [] },
    ...sharedScenarios({ noBody: '400.2_no_request_body', emptyBody: '400.3_empty_request_body', emptyProperty: '400.4_empty_property', badIdentifier: 'C01.02_device_identifiers_not_schema_compliant', outOfRangePort: '400.5_out_of_range_port' }, body),
    { name: 'C01.04_unnecessary_device', body, options: { context: { tokenIdentifiesDevice: true } }, issues: ['device-identifiers:unnecessaryIdentifier@/device 422 UNNECESSARY_IDENTIFIER'] },
    { name: 'C01.05_missing_device', body: without('device'), options: { context: { tokenIdentifiesDevice: false } }, issues: ['device-identifiers:missingIdentifier@ 422 MISSING_IDENTIFIER'] },
    { name: 'C01.06_unsupported_device', body: { ...body, device: { networkAccessIdentifier: '123456789@example.com' } }, issues: ['device-identifiers:unsupportedIdentifier@/device 422 UNSUPPORTED_IDENTIFIER'] },
    { name: 'C01.03_device_not_found', body, options: { policy: { resolveDevice: () => undefined } }, issues: ['device-identifiers:identifierNotFound@/device 404 IDENTIFIER_NOT_FOUND'] },
    { name: 'identifiers naming different devices: never checked from 1.1', body: twoIdentifiers, options: { policy: { resolveDevice: (id) => (id.type === 'phoneNumber' ? 'a' : 'b') } }, issues: [] },
    { name: '400.6_invalid_sink_credential PLAIN', body: withCredential({ credentialType: 'PLAIN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    { name: '400.6_invalid_sink_credential REFRESHTOKEN', body: withCredential({ credentialType: 'REFRESHTOKEN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    { name: 'a credentialType not in the enum: also INVALID_CREDENTIAL ("Only Access token is supported")', body: withCredential({ credentialType: 'TOKEN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    { name: '400.7_sink_credential_invalid_token', body: withCredential({ ...token, accessTokenType: 'mac' }), issues: ['sink-credential:notBearer@/sinkCredential/accessTokenType 400 INVALID_TOKEN'] },
    { name: 'a sink over http: 400 INVALID_SINK (new in 1.1)', body: { ...body, sink: 'http://endpoint.example.com/sink' }, issues: ['sink:notHttps@/sink 400 INVALID_SINK'] },
    { name: 'HTTPS in capitals', body: { ...body, sink: 'HTTPS://endpoint.example.com/sink' }, issues: ['sink:schemeCase@/sink 400 INVALID_SINK'] },
    { name: 'a sink over http at warn: still an error (the pattern is the specification)', body: { ...body, sink: 'http://endpoint.example.com/sink' }, options: { rules: { sink: 'warn' } }, issues: ['sink:notHttps@/sink 400 INVALID_SINK'] },
    { name: 'a sink over http with the sink rule off: the schema says so', body: { ...body, sink: 'http://endpoint.example.com/sink' }, options: { rules: { sink: 'off' } }, issues: ['schema:pattern@/sink 400 INVALID_ARGUMENT'] },
    { name: 'a sink at a loopback host: a warning', body: { ...body, sink: 'https://127.0.0.1/cb' }, issues: ['warn:sink:nonPublicHost@/sink 400 INVALID_SINK'] },
    { name: '422.1_session_qos_profile_not_applicable', body: { ...body, qosProfile: 'QOS_OLD' }, options: { policy: catalogue }, issues: ['qos-profile:notApplicable@/qosProfile 422 QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE'] },
    { name: 'a 100-year session', body: { ...body, duration: 3153600000 }, issues: [] },
    { name: 'unknown properties are allowed', body: { ...body, device: { phoneNumber: '+34600000001', imei: '490154203237518' } }, issues: [] },
    {
      name: 'known-properties turned on',
      body: { ...body, device: { phoneNumber: '+34600000001', imei: '490154203237518' } },
      options: { rules: { 'known-properties': 'error' } },
      issues: ['known-properties:unknownProperty@/device/imei 400 INVALID_ARGUMENT'],
    },
  ],
});
