// The snake_case SDK model the project started from (seed/CreateSession.md). It matches no CAMARA
// tag; where the seed is silent (sub-objects, port bounds, phone syntax) it follows CAMARA 0.10,
// the closest published version, and it answers as 0.10 does: 0.10's createSession defines only
// 400 INVALID_ARGUMENT / OUT_OF_RANGE for the body (no 404, no 422, no INVALID_SINK). See
// docs/dialects.md.

import * as compiled from '../schema/compiled/qod-sdk.js';
import type { Dialect } from './types.js';
import { optionalPlusPhoneNumber } from './shared.js';
import { DEVICE_IDENTIFIER_TYPES } from '../shared/identifiers.js';

export const qodSdk: Dialect = {
  facts: {
    id: 'qod-sdk',
    apiVersion: 'SDK model (CAMARA 0.10 shapes, snake_case)',
    release: 'v0.10.1',
    phoneNumber: optionalPlusPhoneNumber,
    port: { min: 0, max: 65535 },
    duration: { min: 60, max: 86400, default: 86400 },
    // The SDK model lists all four identifiers as options ("the MNO might support only a subset").
    defaultSupportedIdentifiers: DEVICE_IDENTIFIER_TYPES,
    tokenRules: null,
    // "the identifiers MUST belong to the same device"; 0.10's example InconsistentDeviceProperties.
    identifierMismatch: { status: 400, code: 'INVALID_ARGUMENT' },
    // 0.10's example CannotIdentifyDevice ("Unable to identify device from specified parameters").
    identifierNotFound: { status: 400, code: 'INVALID_ARGUMENT' },
    unsupportedIdentifier: { status: 400, code: 'INVALID_ARGUMENT' },
    sinkHttpsRequired: false,
    sinkMaxLength: 2048,
    // INVALID_SINK exists only from CAMARA 1.1.
    invalidSink: { status: 400, code: 'INVALID_ARGUMENT' },
    // The SDK model's application server has only the subnet form (ipv4_address, ipv6_address).
    serverAddressList: null,
    sinkCredential: null,
    // CAMARA 0.10 answers a duration outside the profile's range with OUT_OF_RANGE.
    profileDurationError: { status: 400, code: 'OUT_OF_RANGE' },
    // QOS_PROFILE_NOT_APPLICABLE exists only from CAMARA 1.1; 0.10 answers a profile it cannot use
    // for this request with INVALID_ARGUMENT.
    profileNotApplicable: { status: 400, code: 'INVALID_ARGUMENT' },
    // The model does not forbid unknown properties; known-properties is opt-in here.
    ruleDefaults: { 'known-properties': 'off' },
  },
  keys: {
    device: 'device',
    phoneNumber: 'phone_number',
    networkAccessIdentifier: 'network_access_identifier',
    deviceIpv4Address: 'ipv4_address',
    publicAddress: 'public_address',
    privateAddress: 'private_address',
    publicPort: 'public_port',
    deviceIpv6Address: 'ipv6_address',
    applicationServer: 'application_server',
    serverIpv4Address: 'ipv4_address',
    serverIpv6Address: 'ipv6_address',
    devicePorts: 'device_ports',
    applicationServerPorts: 'application_server_ports',
    ranges: 'ranges',
    from: 'from',
    to: 'to',
    ports: 'ports',
    qosProfile: 'qos_profile',
    duration: 'duration',
    webhook: ['webhook', 'notification_url'],
  },
  schema: compiled,
  signature: {
    '': ['device', 'qos_profile', 'application_server', 'device_ports', 'application_server_ports', 'webhook'],
    device: ['phone_number', 'network_access_identifier', 'ipv4_address', 'ipv6_address'],
    application_server: ['ipv4_address', 'ipv6_address'],
    webhook: ['notification_url', 'notification_auth_token'],
  },
};
