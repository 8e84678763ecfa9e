// The probe's scenarios (src/probe/scenarios.ts) come from the table generated from the releases'
// feature files (src/dialects/camara-codes.json, scripts/extract-camara-codes.mjs): a case finds
// its release's scenario by the end of the tag and the status, with the codes the file gives.
import { describe, expect, it } from 'vitest';
import { scenarioFor } from '../../src/probe/scenarios.js';

describe('scenarioFor', () => {
  it.each([
    ['r1.3', 'device-identifiers', 'unsupportedIdentifier', 422, { tag: '422.1_device_identifiers_unsupported', status: 422, codes: ['UNSUPPORTED_DEVICE_IDENTIFIERS'] }],
    ['r2.2', 'device-identifiers', 'unsupportedIdentifier', 422, { tag: 'C01.06_unsupported_device', status: 422, codes: ['UNSUPPORTED_IDENTIFIER'] }],
    ['r2.2', 'port-ranges', 'aboveMaximum', 400, { tag: '400.6_out_of_range_port', status: 400, codes: ['OUT_OF_RANGE', 'INVALID_ARGUMENT'] }],
    ['r3.2', 'duration-bounds', 'belowProfileMinimum', 400, { tag: '400.9_invalid_duration', status: 400, codes: ['INVALID_ARGUMENT'] }],
    ['r4.1', 'sink-credential', 'privateKeyJwtNotConfigured', 422, { tag: '422.2_private_key_jwt_not_configured', status: 422, codes: ['PRIVATE_KEY_JWT_NOT_CONFIGURED'] }],
    ['r4.1', 'server-address-list', 'tooMany', 400, { tag: '400.13_application_server_list_is_too_large', status: 400, codes: ['INVALID_ARGUMENT'] }],
  ] as const)('%s %s/%s (%i): the feature file\'s scenario', (release, ruleId, messageId, status, scenario) => {
    expect(scenarioFor(release, ruleId, messageId, undefined, status)).toEqual(scenario);
  });

  it('finds schema and parse cases by their variant', () => {
    expect(scenarioFor('r4.1', 'parse', 'invalidJson', 'no-body', 400)?.tag).toBe('400.2_no_request_body');
    expect(scenarioFor('r4.1', 'schema', 'required', 'empty-device', 400)?.tag).toBe('C01.01_device_empty');
  });

  it('finds none with another status, for a finding no scenario covers, or where a release has no coded scenarios', () => {
    expect(scenarioFor('r4.1', 'duration-bounds', 'belowProfileMinimum', undefined, 422)).toBeUndefined();
    expect(scenarioFor('r4.1', 'known-properties', 'unknown', undefined, 400)).toBeUndefined();
    for (const release of ['v0.8.1', 'v0.9.0', 'v0.10.1'] as const) expect(scenarioFor(release, 'duration-bounds', 'belowProfileMinimum', undefined, 400)).toBeUndefined();
  });
});
