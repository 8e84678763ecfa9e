// CAMARA Quality-on-Demand 0.8.x (0.8.1; 0.8.0 spelt the callback `notificationUri`): the device is
// `ueId {externalId, msisdn, ipv4addr, ipv6addr}`, the application server `asId {ipv4addr, ipv6addr}`,
// the ports `uePorts`/`asPorts`, the profile `qos` (QOS_E, QOS_S, QOS_M or QOS_L) and the callback
// `notificationUrl` at the top. Its ErrorInfo is `{code, message}` and every 400 is INVALID_INPUT.
// See docs/dialects.md.

import * as compiled from '../schema/compiled/qod-0.8.js';
import { DEVICE_IDENTIFIER_TYPES } from '../shared/identifiers.js';
import type { CamaraError } from '../types.js';
import type { Dialect } from './types.js';
import { optionalPlusPhoneNumber } from './shared.js';

/** 0.8's createSession defines 400 INVALID_INPUT, 401 UNAUTHORIZED, 403 FORBIDDEN, 409 CONFLICT, 500 INTERNAL and 503. */
const INVALID_INPUT: CamaraError = { status: 400, code: 'INVALID_INPUT' };

export const qod08: Dialect = {
  facts: {
    id: 'qod-0.8',
    apiVersion: '0.8.1',
    release: 'v0.8.1',
    phoneNumber: optionalPlusPhoneNumber,
    port: { min: 0, max: 65535 },
    // "Maximal value of 24 hours is used if not set."
    duration: { min: 1, max: 86400, default: 86400 },
    // externalId is the network access identifier of later versions; all four are ordinary identifiers.
    defaultSupportedIdentifiers: DEVICE_IDENTIFIER_TYPES,
    tokenRules: null,
    unsupportedIdentifier: INVALID_INPUT,
    // 0.8 says nothing about several identifiers naming one device.
    identifierMismatch: null,
    identifierNotFound: INVALID_INPUT,
    sinkHttpsRequired: false,
    // notificationUrl has no maxLength.
    sinkMaxLength: Infinity,
    invalidSink: INVALID_INPUT,
    serverAddressList: null,
    sinkCredential: null,
    profileDurationError: INVALID_INPUT,
    profileNotApplicable: INVALID_INPUT,
    // Unknown properties are allowed: known-properties is opt-in.
    ruleDefaults: { 'known-properties': 'off' },
    answers: { '400': INVALID_INPUT, '404': INVALID_INPUT, '422': INVALID_INPUT },
    errorInfo: 'code-message',
  },
  keys: {
    device: 'ueId',
    phoneNumber: 'msisdn',
    networkAccessIdentifier: 'externalId',
    deviceIpv4Address: 'ipv4addr',
    // ueId.ipv4addr is one string (see deviceIpv4AddressIsString): no members to name.
    publicAddress: 'ipv4addr',
    privateAddress: 'ipv4addr',
    publicPort: 'ipv4addr',
    deviceIpv4AddressIsString: true,
    deviceIpv6Address: 'ipv6addr',
    devicePrefixes: { ipv4: true, ipv6: true },
    applicationServer: 'asId',
    serverIpv4Address: 'ipv4addr',
    serverIpv6Address: 'ipv6addr',
    devicePorts: 'uePorts',
    applicationServerPorts: 'asPorts',
    ranges: 'ranges',
    from: 'from',
    to: 'to',
    ports: 'ports',
    qosProfile: 'qos',
    duration: 'duration',
    sink: 'notificationUrl',
  },
  schema: compiled,
  signature: {
    '': ['ueId', 'asId', 'uePorts', 'asPorts', 'qos', 'notificationUrl', 'notificationAuthToken'],
    ueId: ['externalId', 'msisdn', 'ipv4addr', 'ipv6addr'],
    asId: ['ipv4addr', 'ipv6addr'],
  },
};
