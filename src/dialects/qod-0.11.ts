// CAMARA Quality-on-Demand 0.11.x (releases r1.1 to r1.3; the body is the same in all three). The
// first `sink`/`sinkCredential` version: device optional, duration required with no maximum, the
// phone number's '+' mandatory. Its error codes are Commonalities r0.4's: a 2-legged token without a
// device is 422 UNIDENTIFIABLE_DEVICE (a 3-legged token may come with the device it names),
// identifiers naming different devices 422 DEVICE_IDENTIFIERS_MISMATCH, none known 404
// DEVICE_NOT_FOUND.

import * as compiled from '../schema/compiled/qod-0.11.js';
import type { Dialect } from './types.js';
import { e164PhoneNumber, sinkEraKeys } from './shared.js';

export const qod011: Dialect = {
  facts: {
    id: 'qod-0.11',
    apiVersion: '0.11.1',
    release: 'r1.3',
    phoneNumber: e164PhoneNumber,
    port: { min: 0, max: 65535 },
    // duration: integer, format int32, minimum 1, no maximum.
    duration: { min: 1, max: Number.POSITIVE_INFINITY },
    // "Network Access Identifier is defined for future use and will not be supported with v0.11.0".
    defaultSupportedIdentifiers: ['phoneNumber', 'ipv4Address', 'ipv6Address'],
    // "For ... 2-legged access tokens, the device object MUST be provided" (test 422.4:
    // UNIDENTIFIABLE_DEVICE); with a 3-legged token "if included it must identify the same device"
    // (403 INVALID_TOKEN_CONTEXT otherwise, which needs the token's device).
    tokenRules: { missingDevice: { status: 422, code: 'UNIDENTIFIABLE_DEVICE' }, unnecessaryDevice: null },
    // The 422 codes 0.11 defines are DEVICE_IDENTIFIERS_MISMATCH, DEVICE_NOT_APPLICABLE and
    // UNIDENTIFIABLE_DEVICE: a device named only by unsupported identifiers cannot be identified.
    // (Its tests expect UNSUPPORTED_DEVICE_IDENTIFIERS, "not yet considered in the API spec".)
    unsupportedIdentifier: { status: 422, code: 'UNIDENTIFIABLE_DEVICE' },
    // NOTE1 of Device: "the identifiers MUST belong to the same device".
    identifierMismatch: { status: 422, code: 'DEVICE_IDENTIFIERS_MISMATCH' },
    identifierNotFound: { status: 404, code: 'DEVICE_NOT_FOUND' },
    // The schema's `format: url` is not checked by JSON Schema; the prose says "using the HTTP protocol".
    sinkHttpsRequired: false,
    sinkMaxLength: Number.POSITIVE_INFINITY,
    invalidSink: { status: 400, code: 'INVALID_ARGUMENT' },
    serverAddressList: null,
    // "sinkCredential.credentialType MUST be set to ACCESSTOKEN if provided" (400 INVALID_CREDENTIAL).
    sinkCredential: { types: ['ACCESSTOKEN'], otherType: { status: 400, code: 'INVALID_CREDENTIAL' } },
    profileDurationError: { status: 400, code: 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE' },
    // 0.11 defines no code for a profile that exists but may not be used: the generic one.
    profileNotApplicable: { status: 400, code: 'INVALID_ARGUMENT' },
    // 0.11 does not forbid unknown properties; known-properties is opt-in here.
    ruleDefaults: { 'known-properties': 'off' },
  },
  keys: sinkEraKeys,
  schema: compiled,
};
