// CAMARA Quality-on-Demand 1.1.0 (release r3.2). The body is 1.0's with `sink` restricted to https
// (pattern ^https://.+$, answered 400 INVALID_SINK, a code new in 1.1) and the same-device check
// reversed: the provider must not cross-check several identifiers (Commonalities r3), so 1.1 has
// no mismatch code. Unknown properties are allowed; PLAIN and REFRESHTOKEN are in the enum but the
// prose allows only ACCESSTOKEN (400 INVALID_CREDENTIAL).

import * as compiled from '../schema/compiled/qod-1.1.js';
import type { Dialect } from './types.js';
import { e164PhoneNumber, sinkEraKeys } from './shared.js';

export const qod11: Dialect = {
  facts: {
    id: 'qod-1.1',
    apiVersion: '1.1.0',
    release: 'r3.2',
    phoneNumber: e164PhoneNumber,
    port: { min: 0, max: 65535 },
    // duration: integer, format int32, minimum 1, no maximum.
    duration: { min: 1, max: Number.POSITIVE_INFINITY },
    // NOTE2 of Device: the NAI is in the schema only for future-proofing; its use is not allowed.
    defaultSupportedIdentifiers: ['phoneNumber', 'ipv4Address', 'ipv6Address'],
    tokenRules: { missingDevice: { status: 422, code: 'MISSING_IDENTIFIER' }, unnecessaryDevice: { status: 422, code: 'UNNECESSARY_IDENTIFIER' } },
    unsupportedIdentifier: { status: 422, code: 'UNSUPPORTED_IDENTIFIER' },
    // IDENTIFIER_MISMATCH left the 422 enum; the tests dropped the scenario (camara-notes, errata 1).
    identifierMismatch: null,
    identifierNotFound: { status: 404, code: 'IDENTIFIER_NOT_FOUND' },
    sinkHttpsRequired: true,
    sinkMaxLength: Number.POSITIVE_INFINITY,
    invalidSink: { status: 400, code: 'INVALID_SINK' },
    serverAddressList: null,
    sinkCredential: { types: ['ACCESSTOKEN'], otherType: { status: 400, code: 'INVALID_CREDENTIAL' } },
    profileDurationError: { status: 400, code: 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE' },
    profileNotApplicable: { status: 422, code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE' },
    // 1.1 does not forbid unknown properties; known-properties is opt-in here.
    ruleDefaults: { 'known-properties': 'off' },
  },
  keys: sinkEraKeys,
  schema: compiled,
};
