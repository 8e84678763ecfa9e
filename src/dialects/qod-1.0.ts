// CAMARA Quality-on-Demand 1.0.0 (release r2.2). The body is 0.11's with `sink` as `format: uri`;
// the token rules of Commonalities r2 (a 2-legged token needs a device: 422 MISSING_IDENTIFIER; a
// 3-legged one forbids it: 422 UNNECESSARY_IDENTIFIER), and several identifiers must name the same
// device (422 IDENTIFIER_MISMATCH). No INVALID_SINK yet (1.1), no QOS_PROFILE_NOT_APPLICABLE (1.1).

import * as compiled from '../schema/compiled/qod-1.0.js';
import type { Dialect } from './types.js';
import { e164PhoneNumber, sinkEraKeys } from './shared.js';

export const qod10: Dialect = {
  facts: {
    id: 'qod-1.0',
    apiVersion: '1.0.0',
    release: 'r2.2',
    phoneNumber: e164PhoneNumber,
    port: { min: 0, max: 65535 },
    // duration: integer, format int32, minimum 1, no maximum.
    duration: { min: 1, max: Number.POSITIVE_INFINITY },
    // NOTE2 of Device: the NAI is in the schema only for future-proofing; its use is not allowed.
    defaultSupportedIdentifiers: ['phoneNumber', 'ipv4Address', 'ipv6Address'],
    tokenRules: { missingDevice: { status: 422, code: 'MISSING_IDENTIFIER' }, unnecessaryDevice: { status: 422, code: 'UNNECESSARY_IDENTIFIER' } },
    unsupportedIdentifier: { status: 422, code: 'UNSUPPORTED_IDENTIFIER' },
    // NOTE1 of Device: "the identifiers MUST belong to the same device" (test C01.08).
    identifierMismatch: { status: 422, code: 'IDENTIFIER_MISMATCH' },
    identifierNotFound: { status: 404, code: 'IDENTIFIER_NOT_FOUND' },
    // "using the selected protocol": the schema asks only for a URI.
    sinkHttpsRequired: false,
    sinkMaxLength: Number.POSITIVE_INFINITY,
    invalidSink: { status: 400, code: 'INVALID_ARGUMENT' },
    serverAddressList: null,
    // PLAIN and REFRESHTOKEN "MUST not be used in this API version" (they stay in the enum).
    sinkCredential: { types: ['ACCESSTOKEN'], otherType: { status: 400, code: 'INVALID_CREDENTIAL' } },
    profileDurationError: { status: 400, code: 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE' },
    // 1.0 defines no code for a profile that exists but may not be used: the generic one.
    profileNotApplicable: { status: 400, code: 'INVALID_ARGUMENT' },
    // 1.0 does not forbid unknown properties; known-properties is opt-in here.
    ruleDefaults: { 'known-properties': 'off' },
  },
  keys: sinkEraKeys,
  schema: compiled,
};
