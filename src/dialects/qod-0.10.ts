// CAMARA Quality-on-Demand 0.10.x (0.10.0, 0.10.1; the body is the same in both): the first
// version with `device`, `applicationServer` and `webhook {notificationUrl, notificationAuthToken}`
// in the shapes of 0.10 (0.9 differs only in address patterns: ./qod-0.9.ts). See docs/dialects.md.

import * as compiled from '../schema/compiled/qod-0.10.js';
import { DEVICE_IDENTIFIER_TYPES } from '../shared/identifiers.js';
import type { CamaraError } from '../types.js';
import type { Dialect, DialectFacts } from './types.js';
import { optionalPlusPhoneNumber, webhookEraKeys } from './shared.js';

const INVALID_ARGUMENT: CamaraError = { status: 400, code: 'INVALID_ARGUMENT' };
const OUT_OF_RANGE: CamaraError = { status: 400, code: 'OUT_OF_RANGE' };

/**
 * The facts 0.9 and 0.10 share (./qod-0.9.ts spreads them). Their createSession defines 400
 * INVALID_ARGUMENT and OUT_OF_RANGE, 401, 403, 409, 500, 501 and 503: no 404, no 422, no INVALID_SINK.
 */
export const webhookEraFacts: Omit<DialectFacts, 'id' | 'apiVersion' | 'release'> = {
  phoneNumber: optionalPlusPhoneNumber,
  port: { min: 0, max: 65535 },
  // "Maximal value of 24 hours is used if not set."
  duration: { min: 1, max: 86400, default: 86400 },
  // All four identifiers ("the MNO might support only a subset of these options").
  defaultSupportedIdentifiers: DEVICE_IDENTIFIER_TYPES,
  tokenRules: null,
  // An identifier of a type the provider does not support: a device it cannot identify.
  unsupportedIdentifier: INVALID_ARGUMENT,
  // "In this case the identifiers MUST belong to the same device": InconsistentDeviceProperties.
  identifierMismatch: INVALID_ARGUMENT,
  // CannotIdentifyDevice: "Unable to identify device from specified parameters".
  identifierNotFound: INVALID_ARGUMENT,
  sinkHttpsRequired: false,
  // webhook.notificationUrl has no maxLength.
  sinkMaxLength: Infinity,
  // INVALID_SINK starts in 1.1.
  invalidSink: INVALID_ARGUMENT,
  serverAddressList: null,
  sinkCredential: null,
  // 0.10's DurationOutOfRangeForQoSProfile example.
  profileDurationError: OUT_OF_RANGE,
  // No code for a profile that is not ACTIVE (QOS_PROFILE_NOT_APPLICABLE starts in 1.1).
  profileNotApplicable: INVALID_ARGUMENT,
  // Unknown properties are allowed: known-properties is opt-in.
  ruleDefaults: { 'known-properties': 'off' },
  answers: {
    '400 INVALID_SINK': INVALID_ARGUMENT,
    '400 INVALID_CREDENTIAL': INVALID_ARGUMENT,
    '400 INVALID_TOKEN': INVALID_ARGUMENT,
    '400 QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE': OUT_OF_RANGE,
    // An unsupported identifier is a device the provider cannot identify (CannotIdentifyDevice).
    '404': INVALID_ARGUMENT,
    '422': INVALID_ARGUMENT,
  },
};

export const qod010: Dialect = {
  facts: { id: 'qod-0.10', apiVersion: '0.10.1', release: 'v0.10.1', ...webhookEraFacts },
  keys: webhookEraKeys,
  schema: compiled,
  signature: {
    '': ['device', 'applicationServer', 'devicePorts', 'applicationServerPorts', 'qosProfile', 'webhook'],
    device: ['phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address'],
    applicationServer: ['ipv4Address', 'ipv6Address'],
    webhook: ['notificationUrl', 'notificationAuthToken'],
  },
};
