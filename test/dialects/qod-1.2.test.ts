// qod-1.2 (CAMARA 1.2.0-rc.3, r4.1): what its schema accepts, and what the report says under it. Cases
// named after a scenario of r4.1's createSession test definitions are that scenario, decided from the
// body and static configuration (the QoS-profile catalogue, the supported identifiers, whether
// PRIVATE_KEY_JWT was configured, a device registry, and whether the token names a device).
//
// Scenarios of r4.1 that the body and static configuration cannot decide, so not cases here:
// - 02_2_event_received: an event sent to the sink once the session's status is known.
// - C01.07_device_not_supported: whether the operator offers the service to that device or
//   subscription (IoT, B2C, ...) is the operator's data about the device; no option says it.
// - 400.10_invalid_x-correlator: a request header, not the body.
// - 401.1_no_authorization_header, 401.2_expired_access_token, 401.3_invalid_access_token: the
//   Authorization header and the token's validity.
// - 403.1_missing_access_token_scope: the token's scopes.
// - 409.1_session_conflict: a session that already exists for the device.
// - 429.1_too_many_requests: the rate of requests.
// Of 01_generic_success_scenario, 02_1_sinkcredential_provided, 03_3_legged_missing_device,
// 04_1_application_server_subnets_provided and 04_2_application_server_list_provided only the
// request side is decided here (the body is accepted); what they check of the response is not.
//
// Where we answer with another code than a scenario expects because we follow the specification, the
// case says so (the tests' codes are an option of their own, not these cases).
import type { Policy } from '../../src/index.js';
import { dialectTester, sharedScenarios } from '../helpers/dialect-tester.js';

const body = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 };
const token = { credentialType: 'ACCESSTOKEN', accessToken: 'eyJhbGciOiJSUzI1NiJ9', accessTokenExpiresUtc: '2099-07-03T12:27:08Z', accessTokenType: 'bearer' };
const sink = 'https://endpoint.example.com/sink';
const withCredential = (credential: Record<string, unknown>) => ({ ...body, sink, sinkCredential: credential });
const without = (key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const withServer = (applicationServer: unknown) => ({ ...body, applicationServer });
const addresses = (count: number) => Array.from({ length: count }, (_, i) => `198.51.100.${i + 1}`);
const catalogue = {
  qosProfiles: [
    { name: 'QOS_E', status: 'ACTIVE', minDuration: { value: 10, unit: 'Minutes' }, maxDuration: { value: 1, unit: 'Days' } },
    { name: 'QOS_OLD', status: 'DEPRECATED' },
    { name: 'QOS_OFF', status: 'INACTIVE' },
  ],
} satisfies Policy;
// "a valid access token which does not identify a single device" (the C01 scenarios)
const twoLegged = { tokenIdentifiesDevice: false };
const twoIdentifiers = { ...body, device: { phoneNumber: '+34600000001', ipv4Address: { publicAddress: '84.125.93.10', publicPort: 59765 } } };

// The scenario ids of r4.1 that r2.2 and r3.2 share. An empty applicationServer is decided alike too:
// 1.2's oneOf (an address list or subnets) applies only to a non-empty object, so {} is 'empty'
// (minProperties), not told it holds both forms.
const shared = sharedScenarios(
  { noBody: '400.2_no_request_body', emptyBody: '400.3_empty_request_body', emptyProperty: '400.4_empty_property', badIdentifier: 'C01.02_device_identifiers_not_schema_compliant', outOfRangePort: '400.5_out_of_range_port' },
  body,
);

dialectTester('qod-1.2', {
  schema: [
    { name: 'a minimal body', body, spec: true },
    { name: 'no device', body: without('device'), spec: true },
    { name: 'no duration', body: without('duration'), spec: false },
    { name: 'duration 2147483647', body: { ...body, duration: 2147483647 }, spec: true },
    { name: 'duration 2147483648', body: { ...body, duration: 2147483648 }, spec: false },
    { name: 'port 0 (the minimum is 1 from 1.2)', body: { ...body, devicePorts: { ports: [0] } }, spec: false },
    { name: 'a server address list', body: withServer({ ipAddresses: ['198.51.100.1', '2001:db8::1'] }), spec: true },
    { name: 'a list and a subnet together', body: withServer({ ipv4Address: '198.51.100.0/24', ipAddresses: ['198.51.100.1'] }), spec: false },
    { name: 'an empty list', body: withServer({ ipAddresses: [] }), spec: false },
    { name: '16 addresses', body: withServer({ ipAddresses: addresses(16) }), spec: true },
    { name: '17 addresses', body: withServer({ ipAddresses: addresses(17) }), spec: false },
    { name: 'the same address twice', body: withServer({ ipAddresses: ['198.51.100.1', '198.51.100.1'] }), spec: false },
    { name: 'one address spelt two ways (uniqueItems compares text)', body: withServer({ ipAddresses: ['2001:db8::1', '2001:DB8:0::1'] }), spec: true },
    { name: 'a list entry that is no address', body: withServer({ ipAddresses: ['not-an-ip'] }), spec: false },
    { name: 'a subnet in the list', body: withServer({ ipAddresses: ['198.51.100.0/24'] }), spec: false },
    { name: 'a server IPv4 subnet with leading zeros (the pattern allows them)', body: withServer({ ipv4Address: '198.051.100.0/24' }), spec: true },
    { name: "a server IPv6 subnet the loose pattern lets through ('::::')", body: withServer({ ipv6Address: '::::' }), spec: true },
    { name: 'a sink over http', body: { ...body, sink: 'http://endpoint.example.com/sink' }, spec: false },
    { name: 'an ACCESSTOKEN credential', body: withCredential(token), spec: true },
    { name: 'an ACCESSTOKEN credential without its fields', body: withCredential({ credentialType: 'ACCESSTOKEN' }), spec: false },
    { name: 'a PRIVATE_KEY_JWT credential (no required fields)', body: withCredential({ credentialType: 'PRIVATE_KEY_JWT' }), spec: true },
    { name: 'PLAIN (no longer in the enum)', body: withCredential({ credentialType: 'PLAIN' }), spec: false },
    { name: 'an unknown property (rejected by the 1.2 prose)', body: { ...body, extra: true }, spec: false },
    { name: 'an unknown property of the credential', body: withCredential({ ...token, foo: 1 }), spec: false },
  ],
  reports: [
    { name: 'a minimal body: nothing to say', body, issues: [] },
    { name: '01_generic_success_scenario', body, options: { policy: catalogue }, issues: [] },
    {
      name: '01_generic_success_scenario with ports and a sink',
      body: { ...body, devicePorts: { ranges: [{ from: 5010, to: 5020 }], ports: [5060] }, applicationServerPorts: { ports: [443] }, sink },
      options: { policy: catalogue },
      issues: [],
    },
    { name: '02_1_sinkcredential_provided', body: withCredential(token), options: { policy: catalogue }, issues: [] },
    { name: '03_3_legged_missing_device', body: without('device'), options: { context: { tokenIdentifiesDevice: true } }, issues: [] },
    { name: '04_1_application_server_subnets_provided', body: withServer({ ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8::/32' }), issues: [] },
    { name: '04_2_application_server_list_provided', body: withServer({ ipAddresses: ['198.51.100.1', '2001:db8::1'] }), issues: [] },
    { name: '04_2_application_server_list_provided (16 addresses)', body: withServer({ ipAddresses: addresses(16) }), issues: [] },

    ...shared,
    { name: 'C01.01_device_empty', body: { ...body, device: {} }, options: { context: twoLegged }, issues: ['schema:minProperties@/device 400 INVALID_ARGUMENT'] },
    { name: 'C01.02 phoneNumber without +', body: { ...body, device: { phoneNumber: '34600000001' } }, options: { context: twoLegged }, issues: ['phone-number:missingPlus@/device/phoneNumber 400 INVALID_ARGUMENT'] },
    { name: 'C01.02 phoneNumber starting with +0', body: { ...body, device: { phoneNumber: '+034600000001' } }, options: { context: twoLegged }, issues: ['phone-number:leadingZero@/device/phoneNumber 400 INVALID_ARGUMENT'] },
    { name: 'C01.02 phoneNumber of 16 digits', body: { ...body, device: { phoneNumber: '+1234567890123456' } }, options: { context: twoLegged }, issues: ['phone-number:tooLong@/device/phoneNumber 400 INVALID_ARGUMENT'] },
    {
      name: 'C01.02 ipv4Address.publicAddress not an address',
      body: { ...body, device: { ipv4Address: { publicAddress: '999.1.1.1', publicPort: 59765 } } },
      options: { context: twoLegged },
      issues: ['ip-address:notIpv4@/device/ipv4Address/publicAddress 400 INVALID_ARGUMENT'],
    },
    { name: 'C01.02 ipv4Address with privateAddress only', body: { ...body, device: { ipv4Address: { privateAddress: '10.0.0.1' } } }, options: { context: twoLegged }, issues: ['schema:required@/device/ipv4Address 400 INVALID_ARGUMENT'] },
    { name: 'C01.02 ipv6Address with a prefix', body: { ...body, device: { ipv6Address: '2001:db8::1/64' } }, options: { context: twoLegged }, issues: ['ip-address:prefixNotAllowed@/device/ipv6Address 400 INVALID_ARGUMENT'] },
    { name: 'C01.03_device_not_found', body, options: { policy: { resolveDevice: () => undefined }, context: twoLegged }, issues: ['device-identifiers:identifierNotFound@/device 404 IDENTIFIER_NOT_FOUND'] },
    { name: 'C01.04_unnecessary_device', body, options: { context: { tokenIdentifiesDevice: true } }, issues: ['device-identifiers:unnecessaryIdentifier@/device 422 UNNECESSARY_IDENTIFIER'] },
    { name: 'C01.05_missing_device', body: without('device'), options: { context: twoLegged }, issues: ['device-identifiers:missingIdentifier@ 422 MISSING_IDENTIFIER'] },
    {
      name: 'C01.06_unsupported_device (the NAI, unsupported by default)',
      body: { ...body, device: { networkAccessIdentifier: '123456789@example.com' } },
      options: { context: twoLegged },
      issues: ['device-identifiers:unsupportedIdentifier@/device 422 UNSUPPORTED_IDENTIFIER'],
    },
    {
      name: 'C01.06_unsupported_device (the operator supports only IPv4 addresses)',
      body: { ...body, device: { phoneNumber: '+34600000001' } },
      options: { policy: { supportedIdentifiers: ['ipv4Address'] }, context: twoLegged },
      issues: ['device-identifiers:unsupportedIdentifier@/device 422 UNSUPPORTED_IDENTIFIER'],
    },
    {
      name: 'an unsupported identifier beside a supported one: ignored, with a warning',
      body: { ...body, device: { phoneNumber: '+34600000001', networkAccessIdentifier: '123456789@example.com' } },
      options: { context: twoLegged },
      issues: ['warn:device-identifiers:ignoredIdentifier@/device/networkAccessIdentifier 422 UNSUPPORTED_IDENTIFIER'],
    },
    { name: 'identifiers naming different devices: never checked in 1.2', body: twoIdentifiers, options: { policy: { resolveDevice: (id) => (id.type === 'phoneNumber' ? 'a' : 'b') } }, issues: [] },

    { name: '400.1_schema_not_compliant (an array)', body: [body], issues: ['schema:type@ 400 INVALID_ARGUMENT'] },
    { name: '400.1_schema_not_compliant (no qosProfile)', body: without('qosProfile'), issues: ['schema:required@ 400 INVALID_ARGUMENT'] },
    { name: '400.1_schema_not_compliant (qosProfile a number)', body: { ...body, qosProfile: 5 }, issues: ['schema:type@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: '400.1_schema_not_compliant (qosProfile with a space)', body: { ...body, qosProfile: 'QOS E' }, issues: ['schema:pattern@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: '400.1_schema_not_compliant (duration not an integer)', body: { ...body, duration: 3600.5 }, issues: ['schema:type@/duration 400 INVALID_ARGUMENT'] },
    { name: '400.1_schema_not_compliant (an unknown property)', body: { ...body, extra: true }, issues: ['known-properties:unknownProperty@/extra 400 INVALID_ARGUMENT'] },
    { name: '400.1_schema_not_compliant (a sink too long)', body: { ...body, sink: `${sink}/${'a'.repeat(2048)}` }, issues: ['schema:maxLength@/sink 400 INVALID_ARGUMENT'] },
    // 400.1 expects INVALID_ARGUMENT for every body the schema rejects. A duration outside 1..2147483647
    // is a field with a pre-defined range, which r4.1 answers 400 OUT_OF_RANGE ("a given field has a
    // pre-defined range"; docs/rules/duration-bounds.md): we follow the specification.
    { name: '400.1_schema_not_compliant (duration 0: OUT_OF_RANGE, as the specification defines)', body: { ...body, duration: 0 }, issues: ['duration-bounds:belowMinimum@/duration 400 OUT_OF_RANGE'] },
    {
      name: '400.1_schema_not_compliant (duration 2147483648: OUT_OF_RANGE, as the specification defines)',
      body: { ...body, duration: 2147483648 },
      issues: ['duration-bounds:aboveMaximum@/duration 400 OUT_OF_RANGE'],
    },
    // 400.1 expects INVALID_ARGUMENT; a sink that is not https is INVALID_SINK in r4.1 ("sink not valid
    // for the specified protocol"; docs/rules/sink.md): we follow the specification.
    { name: '400.1_schema_not_compliant (a sink over http: INVALID_SINK, as the specification defines)', body: { ...body, sink: 'http://endpoint.example.com/sink' }, issues: ['sink:notHttps@/sink 400 INVALID_SINK'] },
    { name: '400.4_empty_property $.sinkCredential', body: { ...body, sink, sinkCredential: {} }, issues: ['schema:required@/sinkCredential 400 INVALID_ARGUMENT'] },
    // The tests' range is "0 and 65535" (as in every earlier release); 1.2's Port starts at 1.
    { name: '400.5_out_of_range_port port 0 (below the minimum of 1 in 1.2)', body: { ...body, devicePorts: { ports: [0] } }, issues: ['port-ranges:belowMinimum@/devicePorts/ports/0 400 OUT_OF_RANGE'] },
    // r4.1 drops PLAIN and REFRESHTOKEN from the enum: INVALID_ARGUMENT, not r1.3 to r3.2's INVALID_CREDENTIAL.
    { name: '400.6_unsupported_sink_credential_type PLAIN', body: withCredential({ credentialType: 'PLAIN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_ARGUMENT'] },
    { name: '400.6_unsupported_sink_credential_type REFRESHTOKEN', body: withCredential({ credentialType: 'REFRESHTOKEN' }), issues: ['sink-credential:unknownType@/sinkCredential/credentialType 400 INVALID_ARGUMENT'] },
    {
      name: '400.6_unsupported_sink_credential_type PLAIN with sink-credential off: the schema says so',
      body: withCredential({ credentialType: 'PLAIN' }),
      options: { rules: { 'sink-credential': 'off' } },
      issues: ['schema:enum@/sinkCredential/credentialType 400 INVALID_ARGUMENT'],
    },
    { name: '400.7_sink_credential_invalid_token', body: withCredential({ ...token, accessTokenType: 'mac' }), issues: ['sink-credential:notBearer@/sinkCredential/accessTokenType 400 INVALID_TOKEN'] },
    { name: '400.7_sink_credential_invalid_token Bearer', body: withCredential({ ...token, accessTokenType: 'Bearer' }), issues: ['sink-credential:bearerCase@/sinkCredential/accessTokenType 400 INVALID_TOKEN'] },
    { name: '400.8_non_existent_qos_profile', body: { ...body, qosProfile: 'QOS_Z' }, options: { policy: catalogue }, issues: ['qos-profile:unknownProfile@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: '400.8_non_existent_qos_profile (another case)', body: { ...body, qosProfile: 'qos_e' }, options: { policy: catalogue }, issues: ['qos-profile:caseMismatch@/qosProfile 400 INVALID_ARGUMENT'] },
    { name: 'no catalogue: any profile name the schema accepts', body: { ...body, qosProfile: 'QOS_Z' }, issues: [] },
    // 400.9_invalid_duration expects INVALID_ARGUMENT; r4.1 specifies QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE
    // ("The requested duration is out of the allowed range for the specific QoS profile"). We follow the
    // specification (docs/dialects.md, docs/rules/duration-bounds.md).
    { name: '400.9_invalid_duration below the profile minimum', body: { ...body, duration: 599 }, options: { policy: catalogue }, issues: ['duration-bounds:belowProfileMinimum@/duration 400 QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE'] },
    { name: '400.9_invalid_duration above the profile maximum', body: { ...body, duration: 86401 }, options: { policy: catalogue }, issues: ['duration-bounds:aboveProfileMaximum@/duration 400 QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE'] },
    { name: '400.11_invalid_application_server ipv4Address and ipAddresses', body: withServer({ ipv4Address: '198.51.100.0/24', ipAddresses: ['198.51.100.1'] }), issues: ['schema:oneOf@/applicationServer 400 INVALID_ARGUMENT'] },
    { name: '400.11_invalid_application_server ipv6Address and ipAddresses', body: withServer({ ipv6Address: '2001:db8::/32', ipAddresses: ['2001:db8::1'] }), issues: ['schema:oneOf@/applicationServer 400 INVALID_ARGUMENT'] },
    { name: '400.12_empty_application_server_list', body: withServer({ ipAddresses: [] }), issues: ['server-address-list:empty@/applicationServer/ipAddresses 400 INVALID_ARGUMENT'] },
    { name: '400.13_application_server_list_is_too_large', body: withServer({ ipAddresses: addresses(17) }), issues: ['server-address-list:tooMany@/applicationServer/ipAddresses 400 INVALID_ARGUMENT'] },
    { name: '400.14_duplicate_values_in_application_server_list', body: withServer({ ipAddresses: ['198.51.100.1', '198.51.100.1'] }), issues: ['server-address-list:duplicate@/applicationServer/ipAddresses/1 400 INVALID_ARGUMENT'] },
    {
      name: '400.14_duplicate_values_in_application_server_list (one address spelt two ways: "unique" addresses)',
      body: withServer({ ipAddresses: ['2001:db8::1', '2001:DB8:0::1'] }),
      issues: ['server-address-list:duplicate@/applicationServer/ipAddresses/1 400 INVALID_ARGUMENT'],
    },
    { name: '400.15_invalid_values_in_application_server_list not an address', body: withServer({ ipAddresses: ['198.51.100.1', 'not-an-ip'] }), issues: ['ip-address:notIpAddress@/applicationServer/ipAddresses/1 400 INVALID_ARGUMENT'] },
    { name: '400.15_invalid_values_in_application_server_list bad IPv4', body: withServer({ ipAddresses: ['999.1.1.1'] }), issues: ['ip-address:notIpv4@/applicationServer/ipAddresses/0 400 INVALID_ARGUMENT'] },
    { name: '400.15_invalid_values_in_application_server_list bad IPv6', body: withServer({ ipAddresses: ['2001:db8::zz'] }), issues: ['ip-address:notIpv6@/applicationServer/ipAddresses/0 400 INVALID_ARGUMENT'] },
    { name: '400.15_invalid_values_in_application_server_list not a string', body: withServer({ ipAddresses: ['198.51.100.1', 7] }), issues: ['schema:type@/applicationServer/ipAddresses/1 400 INVALID_ARGUMENT'] },
    { name: '400.16_subnet_in_application_server_list IPv4', body: withServer({ ipAddresses: ['198.51.100.0/24'] }), issues: ['server-address-list:prefixInList@/applicationServer/ipAddresses/0 400 INVALID_ARGUMENT'] },
    { name: '400.16_subnet_in_application_server_list IPv6', body: withServer({ ipAddresses: ['2001:db8::/32'] }), issues: ['server-address-list:prefixInList@/applicationServer/ipAddresses/0 400 INVALID_ARGUMENT'] },
    { name: '400.16_subnet_in_application_server_list /32', body: withServer({ ipAddresses: ['198.51.100.1/32'] }), issues: ['server-address-list:prefixInList@/applicationServer/ipAddresses/0 400 INVALID_ARGUMENT'] },
    { name: '422.1_session_qos_profile_not_applicable DEPRECATED', body: { ...body, qosProfile: 'QOS_OLD' }, options: { policy: catalogue }, issues: ['qos-profile:notApplicable@/qosProfile 422 QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE'] },
    { name: '422.1_session_qos_profile_not_applicable INACTIVE', body: { ...body, qosProfile: 'QOS_OFF' }, options: { policy: catalogue }, issues: ['qos-profile:notApplicable@/qosProfile 422 QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE'] },
    {
      name: '422.2_private_key_jwt_not_configured',
      body: withCredential({ credentialType: 'PRIVATE_KEY_JWT' }),
      issues: ['sink-credential:privateKeyJwtNotConfigured@/sinkCredential/credentialType 422 PRIVATE_KEY_JWT_NOT_CONFIGURED'],
    },
    {
      name: '422.2_private_key_jwt_not_configured (with a client id and token endpoint in the body)',
      body: withCredential({ credentialType: 'PRIVATE_KEY_JWT', clientId: 'client', tokenUri: 'https://auth.example.com/token' }),
      issues: ['sink-credential:privateKeyJwtNotConfigured@/sinkCredential/credentialType 422 PRIVATE_KEY_JWT_NOT_CONFIGURED'],
    },
    { name: 'PRIVATE_KEY_JWT configured beforehand', body: withCredential({ credentialType: 'PRIVATE_KEY_JWT' }), options: { policy: { privateKeyJwtConfigured: true } }, issues: [] },
  ],
});
