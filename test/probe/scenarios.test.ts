// The probe's table of CAMARA test scenarios (src/probe/scenarios.ts) against the one generated from
// the releases' feature files (src/dialects/camara-codes.json, scripts/extract-camara-codes.mjs):
// every scenario it names exists in its release with the same status and codes.
import { describe, expect, it } from 'vitest';
import table from '../../src/dialects/camara-codes.json' with { type: 'json' };
import { scenarios } from '../../src/probe/scenarios.js';

type Entry = { testDefinitions?: { scenarios: { scenario: string; status: number; codes: string[] }[] } };

describe('probe scenarios', () => {
  it.each(Object.entries(scenarios))('%s: as the release\'s test definitions say', (release, listed) => {
    const entry = (table.releases as Record<string, Entry>)[release];
    expect(entry).toBeDefined();
    const published = new Map((entry!.testDefinitions?.scenarios ?? []).map((s) => [s.scenario, s]));
    for (const scenario of listed) {
      const found = published.get(scenario.tag);
      expect(found, `${release} ${scenario.tag}`).toBeDefined();
      expect({ status: found!.status, codes: found!.codes }).toEqual({ status: scenario.status, codes: scenario.codes });
    }
  });
});
