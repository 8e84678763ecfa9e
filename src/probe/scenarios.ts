// The createSession test scenarios of each CAMARA release that a probe case corresponds to, with
// the codes each scenario accepts: read from src/dialects/camara-codes.json, which
// scripts/extract-camara-codes.mjs generates from the releases' Gherkin test definitions
// (../shared/camara/<release>/test-definitions/). A case's accepted answers take in the codes of
// its scenario: where a feature file says "OUT_OF_RANGE" or "INVALID_ARGUMENT" (out-of-range
// ports; an access token type other than bearer), both pass. v0.8.1 publishes no test
// definitions; v0.9.0 and v0.10.1 publish two generic scenarios without codes, which no case names.

import codes from '../dialects/camara-codes.json' with { type: 'json' };
import type { CamaraRelease } from '../dialects/types.js';

/** One scenario: its tag (without 'quality_on_demand_createSession_'), status and codes. */
export interface Scenario {
  readonly tag: string;
  readonly status: number;
  readonly codes: readonly string[];
}

interface PublishedScenario {
  readonly scenario: string;
  readonly status: number;
  readonly codes: readonly string[];
}

/** Per release, its createSession scenarios as the feature files give them. */
const scenarios = new Map<string, readonly Scenario[]>(
  Object.entries(codes.releases as Record<string, { testDefinitions?: { scenarios: readonly PublishedScenario[] } }>).map(([release, entry]) => [
    release,
    (entry.testDefinitions?.scenarios ?? []).map(({ scenario, status, codes: accepted }) => ({ tag: scenario, status, codes: accepted })),
  ]),
);

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
  return scenarios.get(release)?.find((scenario) => scenario.status === status && ends.some((end) => scenario.tag.endsWith(end)));
}
