// The probe against the project's own sidecar (`qod-policy serve --mode ext-authz`, the built
// binary, on 127.0.0.1): a CAMARA-conformant judge of CreateSession bodies, so every case of every
// dialect's suite must pass, under each token kind the sidecar is told of (its token header), with
// a catalogue and duration bounds given to both. And once through the probe's own command line,
// with a JUnit report.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/runner.js';
import { buildSuite } from '../../src/probe/suite.js';
import type { TokenKind } from '../../src/probe/types.js';
import { dialectIds, type DialectId, type QosProfile, type ValidateOptions } from '../../src/index.js';
import { runCli } from '../cli/helpers.js';
import { startServe } from '../cli/serve-helpers.js';
import { parseJunit } from './xml.js';

const dir = mkdtempSync(join(tmpdir(), 'qod-probe-sidecar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const catalogue: QosProfile[] = [
  { name: 'QOS_E', status: 'ACTIVE', minDuration: { value: 60, unit: 'Seconds' }, maxDuration: { value: 1, unit: 'Days' } },
  { name: 'QOS_OLD', status: 'DEPRECATED' },
];
const cataloguePath = join(dir, 'profiles.json');
writeFileSync(cataloguePath, JSON.stringify(catalogue));
const configPath = join(dir, 'qod-policy.config.json');
writeFileSync(configPath, JSON.stringify({ policy: { duration: { min: 30 } } }));

/** Starts the sidecar, runs the suite against it, stops it; the ids of the cases that did not pass, with why. */
async function probeSidecar(dialect: DialectId, tokenKind: TokenKind, extra: { serve: string[]; options: ValidateOptions }): Promise<{ failed: string[]; total: number }> {
  const serving = await startServe(['--mode', 'ext-authz', '--dialect', dialect, ...extra.serve]);
  try {
    const suite = buildSuite({ options: { ...extra.options, dialect }, tokenKind });
    const run = await runProbe(suite, {
      baseUrl: new URL(`${serving.origin}/quality-on-demand/v1`),
      headers: [['x-qod-token-identifies-device', String(tokenKind === 'three-legged')]],
      rate: 0,
    });
    return { failed: run.results.filter((r) => r.outcome !== 'passed').map((r) => `${r.case.id}: ${r.failures.join(' ')}`), total: run.results.length };
  } finally {
    await serving.stop();
  }
}

describe('probe against qod-policy serve', () => {
  it.each(dialectIds.map((d) => [d]))('%s, two-legged token: every case passes', async (dialect) => {
    const { failed, total } = await probeSidecar(dialect, 'two-legged', { serve: [], options: {} });
    expect(failed).toEqual([]);
    expect(total).toBeGreaterThan(25);
  }, 60_000);

  it('qod-1.2, three-legged token: every case passes', async () => {
    expect((await probeSidecar('qod-1.2', 'three-legged', { serve: [], options: {} })).failed).toEqual([]);
  }, 60_000);

  it.each([['qod-1.2'], ['qod-0.11'], ['qod-0.10']] as const)('%s with a catalogue and duration bounds: every case passes', async (dialect) => {
    const { failed, total } = await probeSidecar(dialect, 'two-legged', {
      serve: ['--qos-profiles', cataloguePath, '--config', configPath],
      options: { policy: { qosProfiles: catalogue, duration: { min: 30 } } },
    });
    expect(failed).toEqual([]);
    expect(total).toBeGreaterThan(25);
  }, 60_000);

  it('through the command line: exit 0 and a JUnit report of passed test cases', async () => {
    const serving = await startServe(['--mode', 'ext-authz']);
    try {
      const result = await runCli(['probe', `${serving.origin}/qod`, '--no-config', '--rate', '0', '--token-kind', 'two-legged', '-H', 'x-qod-token-identifies-device: false', '--format', 'junit']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const junit = parseJunit(result.stdout);
      expect(junit.failures).toBe(0);
      expect(junit.errors).toBe(0);
      expect(junit.cases.length).toBe(buildSuite({ options: {}, tokenKind: 'two-legged' }).cases.length);
      expect(junit.cases.every((c) => c.outcome === 'passed')).toBe(true);
    } finally {
      await serving.stop();
    }
  }, 60_000);
});
