// CAMARA Quality-on-Demand 1.2.0-rc.3 (release r4.1): the default dialect.

import * as compiled from '../schema/compiled/qod-1.2.js';
import type { Dialect } from './types.js';
import { e164PhoneNumber, sinkEraKeys } from './shared.js';

export const qod12: Dialect = {
  facts: {
    id: 'qod-1.2',
    apiVersion: '1.2.0-rc.3',
    release: 'r4.1',
    phoneNumber: e164PhoneNumber,
    port: { min: 1, max: 65535 },
    duration: { min: 1, max: 2147483647 },
    // Commonalities NOTE2: the NAI is in the schema only for future-proofing; its use is not allowed.
    defaultSupportedIdentifiers: ['phoneNumber', 'ipv4Address', 'ipv6Address'],
    tokenRules: { missingDevice: { status: 422, code: 'MISSING_IDENTIFIER' }, unnecessaryDevice: { status: 422, code: 'UNNECESSARY_IDENTIFIER' } },
    unsupportedIdentifier: { status: 422, code: 'UNSUPPORTED_IDENTIFIER' },
    // 1.1 and 1.2: the provider must NOT cross-check identifiers (it picks one).
    identifierMismatch: null,
    identifierNotFound: { status: 404, code: 'IDENTIFIER_NOT_FOUND' },
    sinkHttpsRequired: true,
    sinkMaxLength: 2048,
    invalidSink: { status: 400, code: 'INVALID_SINK' },
    serverAddressList: { key: 'ipAddresses', minItems: 1, maxItems: 16 },
    // The enum itself excludes other types, so the published tests expect INVALID_ARGUMENT.
    sinkCredential: { types: ['ACCESSTOKEN', 'PRIVATE_KEY_JWT'], otherType: { status: 400, code: 'INVALID_ARGUMENT' } },
    profileDurationError: { status: 400, code: 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE' },
    profileNotApplicable: { status: 422, code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE' },
    ruleDefaults: {},
  },
  keys: { ...sinkEraKeys, ipAddresses: 'ipAddresses' },
  schema: compiled,
  signature: {
    '': ['device', 'applicationServer', 'devicePorts', 'applicationServerPorts', 'qosProfile', 'sink', 'sinkCredential'],
    device: ['phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address'],
    applicationServer: ['ipAddresses', 'ipv4Address', 'ipv6Address'],
  },
};
