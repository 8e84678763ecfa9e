// The createSession test scenarios of each CAMARA release that a probe case corresponds to, with
// the codes each scenario accepts (the releases' Gherkin test definitions, in
// ../shared/camara/<release>/test-definitions/; test/probe/scenarios.test.ts checks this table
// against src/dialects/camara-codes.json, which is generated from them). A case's accepted answers
// take in the codes of its scenario: where a feature file says "OUT_OF_RANGE" or
// "INVALID_ARGUMENT" (out-of-range ports; an access token type other than bearer), both pass.
// v0.8.1 publishes no test definitions; v0.9.0 and v0.10.1 publish no codes.

import type { CamaraRelease } from '../dialects/types.js';

/** One scenario: its tag (without 'quality_on_demand_createSession_'), status and codes. */
export interface Scenario {
  readonly tag: string;
  readonly status: number;
  readonly codes: readonly string[];
}

const IA = ['INVALID_ARGUMENT'];

/** Per release, the scenarios about the request body (and its headers) that probe cases correspond to. */
export const scenarios: Readonly<Record<CamaraRelease, readonly Scenario[]>> = {
  'v0.8.1': [],
  'v0.9.0': [],
  'v0.10.1': [],
  'r1.3': [
    { tag: '400.2_no_request_body', status: 400, codes: IA },
    { tag: '400.3_empty_request_body', status: 400, codes: IA },
    { tag: '400.4_empty_property', status: 400, codes: IA },
    { tag: '400.5_device_identifiers_not_schema_compliant', status: 400, codes: IA },
    { tag: '400.6_out_of_range_port', status: 400, codes: ['OUT_OF_RANGE', 'INVALID_ARGUMENT'] },
    { tag: '400.7_invalid_sink_credential', status: 400, codes: ['INVALID_CREDENTIAL'] },
    { tag: '400.8_sink_credential_invalid_token', status: 400, codes: ['INVALID_TOKEN', 'INVALID_ARGUMENT'] },
    { tag: '400.9_non_existent_qos_profile', status: 400, codes: IA },
    { tag: '400.10_invalid_duration', status: 400, codes: IA },
    { tag: '422.1_device_identifiers_unsupported', status: 422, codes: ['UNSUPPORTED_DEVICE_IDENTIFIERS'] },
    { tag: '422.4_unidentifiable_device', status: 422, codes: ['UNIDENTIFIABLE_DEVICE'] },
  ],
  'r2.2': [
    { tag: 'C01.01_device_empty', status: 400, codes: IA },
    { tag: 'C01.02_device_identifiers_not_schema_compliant', status: 400, codes: IA },
    { tag: 'C01.04_unnecessary_device', status: 422, codes: ['UNNECESSARY_IDENTIFIER'] },
    { tag: 'C01.05_missing_device', status: 422, codes: ['MISSING_IDENTIFIER'] },
    { tag: 'C01.06_unsupported_device', status: 422, codes: ['UNSUPPORTED_IDENTIFIER'] },
    { tag: '400.2_no_request_body', status: 400, codes: IA },
    { tag: '400.3_empty_request_body', status: 400, codes: IA },
    { tag: '400.4_empty_property', status: 400, codes: IA },
    { tag: '400.6_out_of_range_port', status: 400, codes: ['OUT_OF_RANGE', 'INVALID_ARGUMENT'] },
    { tag: '400.7_invalid_sink_credential', status: 400, codes: ['INVALID_CREDENTIAL'] },
    { tag: '400.8_sink_credential_invalid_token', status: 400, codes: ['INVALID_TOKEN', 'INVALID_ARGUMENT'] },
    { tag: '400.9_non_existent_qos_profile', status: 400, codes: IA },
    { tag: '400.10_invalid_duration', status: 400, codes: IA },
  ],
  'r3.2': [
    { tag: 'C01.01_device_empty', status: 400, codes: IA },
    { tag: 'C01.02_device_identifiers_not_schema_compliant', status: 400, codes: IA },
    { tag: 'C01.04_unnecessary_device', status: 422, codes: ['UNNECESSARY_IDENTIFIER'] },
    { tag: 'C01.05_missing_device', status: 422, codes: ['MISSING_IDENTIFIER'] },
    { tag: 'C01.06_unsupported_device', status: 422, codes: ['UNSUPPORTED_IDENTIFIER'] },
    { tag: '400.2_no_request_body', status: 400, codes: IA },
    { tag: '400.3_empty_request_body', status: 400, codes: IA },
    { tag: '400.4_empty_property', status: 400, codes: IA },
    { tag: '400.5_out_of_range_port', status: 400, codes: ['OUT_OF_RANGE', 'INVALID_ARGUMENT'] },
    { tag: '400.6_invalid_sink_credential', status: 400, codes: ['INVALID_CREDENTIAL'] },
    { tag: '400.7_sink_credential_invalid_token', status: 400, codes: ['INVALID_TOKEN', 'INVALID_ARGUMENT'] },
    { tag: '400.8_non_existent_qos_profile', status: 400, codes: IA },
    { tag: '400.9_invalid_duration', status: 400, codes: IA },
    { tag: '422.1_session_qos_profile_not_applicable', status: 422, codes: ['QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE'] },
  ],
  'r4.1': [
    { tag: 'C01.01_device_empty', status: 400, codes: IA },
    { tag: 'C01.02_device_identifiers_not_schema_compliant', status: 400, codes: IA },
    { tag: 'C01.04_unnecessary_device', status: 422, codes: ['UNNECESSARY_IDENTIFIER'] },
    { tag: 'C01.05_missing_device', status: 422, codes: ['MISSING_IDENTIFIER'] },
    { tag: 'C01.06_unsupported_device', status: 422, codes: ['UNSUPPORTED_IDENTIFIER'] },
    { tag: '400.2_no_request_body', status: 400, codes: IA },
    { tag: '400.3_empty_request_body', status: 400, codes: IA },
    { tag: '400.4_empty_property', status: 400, codes: IA },
    { tag: '400.5_out_of_range_port', status: 400, codes: ['OUT_OF_RANGE', 'INVALID_ARGUMENT'] },
    { tag: '400.6_unsupported_sink_credential_type', status: 400, codes: IA },
    { tag: '400.7_sink_credential_invalid_token', status: 400, codes: ['INVALID_TOKEN', 'INVALID_ARGUMENT'] },
    { tag: '400.8_non_existent_qos_profile', status: 400, codes: IA },
    { tag: '400.9_invalid_duration', status: 400, codes: IA },
    { tag: '400.11_invalid_application_server', status: 400, codes: IA },
    { tag: '400.12_empty_application_server_list', status: 400, codes: IA },
    { tag: '400.13_application_server_list_is_too_large', status: 400, codes: IA },
    { tag: '400.14_duplicate_values_in_application_server_list', status: 400, codes: IA },
    { tag: '400.15_invalid_values_in_application_server_list', status: 400, codes: IA },
    { tag: '400.16_subnet_in_application_server_list', status: 400, codes: IA },
    { tag: '422.1_session_qos_profile_not_applicable', status: 422, codes: ['QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE'] },
    { tag: '422.2_private_key_jwt_not_configured', status: 422, codes: ['PRIVATE_KEY_JWT_NOT_CONFIGURED'] },
  ],
};

/**
 * Which scenario (by the end of its tag) covers a case, by `ruleId/messageId` or the case id. The
 * tags' numbers change between releases; their ends do not (or the alternatives are listed).
 */
const SCENARIO_OF: Readonly<Record<string, readonly string[]>> = {
  'parse#no-body': ['_no_request_body'],
  'schema#empty-body': ['_empty_request_body'],
  'schema#empty-device': ['_device_empty'],
  'schema#empty-application-server': ['_empty_property'],
  'schema#empty-device-ports': ['_empty_property'],
  'schema#empty-sink-credential': ['_empty_property'],
  'schema#server-list-and-subnet': ['_invalid_application_server'],
  'phone-number': ['_device_identifiers_not_schema_compliant'],
  'ip-address/notIpv4': ['_device_identifiers_not_schema_compliant'],
  'ip-address/notIpv6': ['_device_identifiers_not_schema_compliant'],
  'ip-address/leadingZeros': ['_device_identifiers_not_schema_compliant'],
  'ip-address/zoneId': ['_device_identifiers_not_schema_compliant'],
  'ip-address/prefixNotAllowed': ['_device_identifiers_not_schema_compliant'],
  'ip-address/tooLong': ['_device_identifiers_not_schema_compliant'],
  'ip-address/notIpAddress': ['_invalid_values_in_application_server_list'],
  'server-address-list/empty': ['_empty_application_server_list'],
  'server-address-list/tooMany': ['_application_server_list_is_too_large'],
  'server-address-list/duplicate': ['_duplicate_values_in_application_server_list'],
  'server-address-list/prefixInList': ['_subnet_in_application_server_list'],
  'port-ranges/belowMinimum': ['_out_of_range_port'],
  'port-ranges/aboveMaximum': ['_out_of_range_port'],
  'sink-credential/unknownType': ['_invalid_sink_credential', '_unsupported_sink_credential_type'],
  'sink-credential/notBearer': ['_sink_credential_invalid_token'],
  'sink-credential/bearerCase': ['_sink_credential_invalid_token'],
  'sink-credential/privateKeyJwtNotConfigured': ['_private_key_jwt_not_configured'],
  'qos-profile/unknownProfile': ['_non_existent_qos_profile'],
  'qos-profile/caseMismatch': ['_non_existent_qos_profile'],
  'qos-profile/notApplicable': ['_session_qos_profile_not_applicable'],
  'duration-bounds/belowProfileMinimum': ['_invalid_duration'],
  'duration-bounds/aboveProfileMaximum': ['_invalid_duration'],
  'device-identifiers/missingIdentifier': ['_missing_device', '_unidentifiable_device'],
  'device-identifiers/unnecessaryIdentifier': ['_unnecessary_device'],
  'device-identifiers/unsupportedIdentifier': ['_unsupported_device', '_device_identifiers_unsupported'],
};

/**
 * The release's scenario for a case: looked up by `<ruleId>#<variant>` (schema and parse cases),
 * `<ruleId>/<messageId>`, then `<ruleId>`; only a scenario with the case's status counts.
 */
export function scenarioFor(release: CamaraRelease, ruleId: string, messageId: string, variant: string | undefined, status: number): Scenario | undefined {
  const ends = SCENARIO_OF[`${ruleId}#${variant ?? ''}`] ?? SCENARIO_OF[`${ruleId}/${messageId}`] ?? SCENARIO_OF[ruleId];
  if (ends === undefined) return undefined;
  return scenarios[release].find((scenario) => scenario.status === status && ends.some((end) => scenario.tag.endsWith(end)));
}
