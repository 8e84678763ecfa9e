// qod-0.11 (CAMARA 0.11.x, r1.3): what its schema accepts, and what the report says under it. Cases
// named after a scenario of r1.3's createSession test definitions are that scenario, decided from the
// body and static configuration.
import type { Policy } from '../../src/index.js';
import { dialectTester, sharedScenarios } from '../helpers/dialect-tester.js';

const body = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const token = { credentialType: 'ACCESSTOKEN', accessToken: 'eyJhbGciOiJSUzI1NiJ9', accessTokenExpiresUtc: '2099-07-03T12:27:08Z', accessTokenType: 'bearer' };
const sink = 'https://endpoint.example.com/sink';
const withCredential = (credential: Record<string, unknown>) => ({ ...body, sink, sinkCredential: credential });
const without = (key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const catalogue = { qosProfiles: [{ name: 'QOS_E', status: 'ACTIVE', maxDuration: { value: 1, unit: 'Hours' } }, { name: 'QOS_OLD', status: 'DEPRECATED' }] } satisfies Policy;
const registry = (ids: Record<string, string>) => ({ resolveDevice: (id: { type: string }) => ids[id.type] });

dialectTester('qod-0.11', {
  schema: [
    { name: 'a minimal body', body, spec: true },
    { name: 'no device (optional from 0.11)', body: without('device'), spec: true },
    { name: 'no duration (required from 0.11)', body: without('duration'), spec: false },
    { name: 'no applicationServer', body: without('applicationServer'), spec: false },
    { name: 'duration 3000000000: no maximum (int32 is not a JSON Schema format)', body: { ...body, duration: 3000000000 }, spec: true },
    { name: 'duration 0', body: { ...body, duration: 0 }, spec: false },
    { name: 'port 0', body: { ...body, devicePorts: { ports: [0] } }, spec: true },
    { name: 'port 65536', body: { ...body, devicePorts: { ports: [65536] } }, spec: false },
    { name: 'a phone number without +', body: { ...body, device: { phoneNumber: '34600000001' } }, spec: false },
    { name: 'a phone number of 16 digits', body: { ...body, device: { phoneNumber: '+1234567890123456' } }, spec: false },
    { name: 'a device IPv6 address with a prefix', body: { ...body, device: { ipv6Address: '2001:db8::1/64' } }, spec: false },
    { name: 'a device public address alone', body: { ...body, device: { ipv4Address: { publicAddress: '84.125.93.10' } } }, spec: false },
    { name: 'a server address that is no address (no pattern in the YAML)', body: { ...body, applicationServer: { ipv4Address: 'hello' } }, spec: true },
    { name: 'an empty applicationServer', body: { ...body, applicationServer: {} }, spec: false },
    { name: 'a sink that is no URL (format url is not checked)', body: { ...body, sink: 'not a url' }, spec: true },
    { name: 'an ACCESSTOKEN credential', body: withCredential(token), spec: true },
    { name: 'an ACCESSTOKEN credential without accessToken', body: withCredential({ ...token, accessToken: undefined }), spec: false },
    { name: 'accessTokenType Bearer', body: withCredential({ ...token, accessTokenType: 'Bearer' }), spec: false },
    { name: 'an expiry without a time zone', body: withCredential({ ...token, accessTokenExpiresUtc: '2099-07-03T12:27:08' }), spec: false },
    { name: 'a PLAIN credential with its fields (the enum has it)', body: withCredential({ credentialType: 'PLAIN', identifier: 'client', secret: 's3cr3t' }), spec: true },
    { name: 'a PLAIN credential without its fields', body: withCredential({ credentialType: 'PLAIN' }), spec: false },
    { name: 'a REFRESHTOKEN credential with its fields', body: withCredential({ ...token, credentialType: 'REFRESHTOKEN', refreshToken: 'r', refreshTokenEndpoint: 'https://auth.example.com/token' }), spec: true },
    { name: 'a REFRESHTOKEN credential with a relative endpoint', body: withCredential({ ...token, credentialType: 'REFRESHTOKEN', refreshToken: 'r', refreshTokenEndpoint: '/token' }), spec: false },
    { name: 'PRIVATE_KEY_JWT (1.2 only)', body: withCredential({ credentialType: 'PRIVATE_KEY_JWT' }), spec: false },
    { name: 'a field no credential type declares', body: withCredential({ ...token, jwksUri: 'https://example.com/jwks' }), spec: true, strict: false },
    { name: "another type's field, of any type (AccessTokenCredential does not declare it)", body: withCredential({ ...token, secret: 5 }), spec: true },
    { name: 'an unknown top-level property (webhook is 0.10)', body: { ...body, webhook: { notificationUrl: sink } }, spec: true, strict: false },
    { name: 'a device with only an unknown key', body: { ...body, device: { imei: '490154203237518' } }, spec: true, strict: false },
    { name: "1.2's address list", body: { ...body, applicationServer: { ipAddresses: ['198.51.100.1'] } }, spec: true, strict: false },
  ],
  reports: [
    { name: 'a minimal body: nothing to say', body, issues: [] },
    ...sharedScenarios({ noBody: '400.2_no_request_body', emptyBody: '400.3_empty_request_body', emptyProperty: '400.4_empty_property', badIdentifier: '400.5_device_identifiers_not_schema_compliant', outOfRangePort: '400.6_out_of_range_port' }, body),
    { name: 'a 30-day session', body: { ...body, duration: 2592000 }, issues: [] },
    { name: 'duration 0', body: { ...body, duration: 0 }, issues: ['duration-bounds:belowMinimum@/duration 400 OUT_OF_RANGE'] },
    { name: 'a duration beyond the last date, with a credential: no session-end note', body: { ...withCredential(token), duration: 1e20 }, issues: [] },
    { name: '400.4_empty_property $.device', body: { ...body, device: {} }, issues: ['schema:minProperties@/device 400 INVALID_ARGUMENT'] },
    { name: '400.4_empty_property $.sinkCredential', body: { ...body, sinkCredential: {} }, issues: ['schema:required@/sinkCredential 400 INVALID_ARGUMENT', 'warn:sink-credential:withoutSink@/sinkCredential 400 INVALID_ARGUMENT'] },
    { name: '400.5 phoneNumber without +', body: { ...body, device: { phoneNumber: '34600000001' } }, issues: ['phone-number:missingPlus@/device/phoneNumber 400 INVALID_ARGUMENT'] },
    { name: 'port 0 is in range', body: { ...body, applicationServerPorts: { ranges: [{ from: 0, to: 1023 }] } }, issues: [] },
    { name: '400.7_invalid_sink_credential PLAIN', body: withCredential({ credentialType: 'PLAIN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    { name: '400.7_invalid_sink_credential REFRESHTOKEN', body: withCredential({ credentialType: 'REFRESHTOKEN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    {
      name: 'PLAIN with sink-credential off: the schema finds what the PLAIN branch lacks',
      body: withCredential({ credentialType: 'PLAIN' }),
      options: { rules: { 'sink-credential': 'off' } },
      issues: ['schema:required@/sinkCredential 400 INVALID_ARGUMENT', 'schema:required@/sinkCredential 400 INVALID_ARGUMENT'],
    },
    { name: 'PRIVATE_KEY_JWT is another type here, not one to configure', body: withCredential({ credentialType: 'PRIVATE_KEY_JWT' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_CREDENTIAL'] },
    { name: '400.8_sink_credential_invalid_token', body: withCredential({ ...token, accessTokenType: 'mac' }), issues: ['sink-credential:notBearer@/sinkCredential/accessTokenType 400 INVALID_TOKEN'] },
    { name: 'a sink over ftp: "using the HTTP protocol"', body: { ...body, sink: 'ftp://endpoint.example.com/sink' }, issues: ['sink:notHttps@/sink 400 INVALID_ARGUMENT'] },
    { name: 'a sink over http: a warning', body: { ...body, sink: 'http://endpoint.example.com/sink' }, issues: ['warn:sink:plainHttp@/sink 400 INVALID_ARGUMENT'] },
    { name: 'a sink that is no URI', body: { ...body, sink: 'not a url' }, issues: ['sink:notUri@/sink 400 INVALID_ARGUMENT'] },
    { name: '400.9_non_existent_qos_profile', body: { ...body, qosProfile: 'QOS_Z' }, options: { policy: catalogue }, issues: ['qos-profile:unknownProfile@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: "a duration within the profile's bounds", body, options: { policy: catalogue }, issues: [] },
    { name: '400.10_invalid_duration: above the profile maximum', body: { ...body, duration: 3601 }, options: { policy: catalogue }, issues: ['duration-bounds:aboveProfileMaximum@/duration 400 QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE'] },
    { name: 'a DEPRECATED profile: 0.11 defines no code, the generic one', body: { ...body, qosProfile: 'QOS_OLD' }, options: { policy: catalogue }, issues: ['qos-profile:notApplicable@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: '422.4_unidentifiable_device (2-legged token, no device)', body: without('device'), options: { context: { tokenIdentifiesDevice: false } }, issues: ['device-identifiers:missingIdentifier@ 422 UNIDENTIFIABLE_DEVICE'] },
    { name: '03_3_legged_missing_device', body: without('device'), options: { context: { tokenIdentifiesDevice: true } }, issues: [] },
    { name: 'a 3-legged token with a device: allowed (it must be the same device, which needs the token)', body, options: { context: { tokenIdentifiesDevice: true } }, issues: [] },
    { name: '422.1_device_identifiers_unsupported', body: { ...body, device: { networkAccessIdentifier: '123456789@example.com' } }, issues: ['device-identifiers:unsupportedIdentifier@/device 422 UNIDENTIFIABLE_DEVICE'] },
    {
      name: '422.2_device_identifiers_mismatch',
      body: { ...body, device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } } },
      options: { policy: registry({ phoneNumber: 'a', ipv4Address: 'b' }) },
      issues: ['device-identifiers:identifierMismatch@/device 422 DEVICE_IDENTIFIERS_MISMATCH'],
    },
    { name: '404.1_device_not_found', body, options: { policy: registry({}) }, issues: ['device-identifiers:identifierNotFound@/device 404 DEVICE_NOT_FOUND'] },
    { name: 'a device with only an unknown key', body: { ...body, device: { imei: '490154203237518' } }, issues: ['device-identifiers:noIdentifier@/device 400 INVALID_ARGUMENT'] },
    { name: 'a server address that is no address: the prose asks for one', body: { ...body, applicationServer: { ipv4Address: 'hello' } }, issues: ['ip-address:notIpv4@/applicationServer/ipv4Address 400 INVALID_ARGUMENT'] },
    { name: 'unknown properties are allowed', body: { ...body, webhook: { notificationUrl: sink } }, issues: [] },
    { name: 'known-properties turned on', body: { ...body, webhook: { notificationUrl: sink } }, options: { rules: { 'known-properties': 'error' } }, issues: ['known-properties:unknownProperty@/webhook 400 INVALID_ARGUMENT'] },
    { name: 'known-properties turned on as a warning', body: withCredential({ ...token, jwksUri: 'x' }), options: { rules: { 'known-properties': 'warn' } }, issues: ['warn:known-properties:unknownProperty@/sinkCredential/jwksUri 400 INVALID_ARGUMENT'] },
  ],
});
