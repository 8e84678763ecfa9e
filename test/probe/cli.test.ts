// `qod-policy probe` as a user runs it: the built binary as a subprocess, against the mock QoD API
// of ./mock-api.ts on 127.0.0.1. Safety (SIGINT/SIGTERM mid-run: the sessions created are
// deleted; --list sends nothing), the reports (a failure names its case in every format; JUnit is
// well-formed XML; SARIF is valid against the official schema) and --write (the files, and lint
// agreeing with the manifest).

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildSuite } from '../../src/probe/suite.js';
import { validateJson, type ValidateOptions } from '../../src/index.js';
import { bin, cleanEnv, ensureBuilt, root, runCli } from '../cli/helpers.js';
import { startMock, type Fault, type MockApi } from './mock-api.js';
import { parseJunit } from './xml.js';

const dir = mkdtempSync(join(tmpdir(), 'qod-probe-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let mock: MockApi | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const options: ValidateOptions = { dialect: 'qod-1.2', context: { tokenIdentifiesDevice: false } };
const suite = buildSuite({ options, tokenKind: 'two-legged' });
const caseOf = (body: string) => suite.cases.find((c) => c.body === body)?.id;
const probeArgs = (base: string, ...extra: string[]) => ['probe', base, '--no-config', '--rate', '0', '--token-kind', 'two-legged', ...extra];

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading reports back

describe('qod-policy probe (command line)', () => {
  describe.each(['SIGINT', 'SIGTERM'] as const)('interrupted by %s', (signal) => {
    it('finishes the request in flight, deletes every session created, sends nothing more, reports and exits 1', async () => {
      ensureBuilt();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let arrived!: () => void;
      const third = new Promise<void>((resolve) => (arrived = resolve));
      let posts = 0;
      // A non-conformant API that creates a session for every body; it holds its third answer.
      mock = await startMock({
        validate: options,
        fault: (request): Fault | undefined => {
          if (request.method !== 'POST') return undefined;
          posts++;
          if (posts !== 3) return { kind: 'accept' };
          arrived();
          return { kind: 'hold', release: held };
        },
      });
      const child = spawn(process.execPath, [bin, ...probeArgs(mock.base, '--format', 'json')], { cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const told = new Promise<void>((resolve) =>
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (stderr.includes('interrupted')) resolve();
        }),
      );
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await third;
      child.kill(signal);
      // It says so before it exits (a probe that died of the signal would never say it).
      expect(await Promise.race([told.then(() => 'told'), exited.then(() => 'exited')]), stderr).toBe('told');
      // Only now does the request in flight get its answer: a session the probe must delete.
      release();
      expect(await exited).toBe(1);
      expect(stderr).toBe('qod-policy: interrupted: finishing the request in flight, then deleting the sessions created (a second signal stops at once).\n');
      const report = JSON.parse(stdout) as Json;
      expect(report.stopped).toBe('interrupted');
      expect(report.sessions).toHaveLength(3);
      expect(report.sessions.every((s: Json) => s.deleted === true)).toBe(true);
      const deleted = mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.slice(r.path.lastIndexOf('/') + 1));
      expect(deleted).toEqual(report.sessions.map((s: Json) => s.sessionId));
      expect(mock.sessions.size).toBe(0);
      expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
      expect(report.cases.slice(3).every((c: Json) => c.outcome === 'not-run')).toBe(true);
      expect(report.summary).toMatchObject({ total: suite.cases.length, failed: 3, notRun: suite.cases.length - 3, sessionsCreated: 3, sessionsNotDeleted: 0 });
    }, 60_000);
  });

  it('sends no valid body without --include-valid, and exactly one (deleted) with it', async () => {
    mock = await startMock({ validate: options });
    const without = await runCli(probeArgs(mock.base));
    expect(without.status).toBe(0);
    expect(mock.requests.filter((r) => validateJson(r.body, options).valid)).toEqual([]);
    expect(mock.requests.every((r) => r.method === 'POST')).toBe(true);
    mock.requests.length = 0;
    const withValid = await runCli(probeArgs(mock.base, '--include-valid'));
    expect(withValid.status).toBe(0);
    const valid = mock.requests.filter((r) => r.method === 'POST' && validateJson(r.body, options).valid);
    expect(valid).toHaveLength(1);
    expect(mock.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(mock.sessions.size).toBe(0);
    expect(withValid.stdout).toContain('Sessions: 1 created, 1 deleted.');
  }, 60_000);

  it('--list sends nothing: with a base URL it is a usage error; without, it prints the suite', async () => {
    mock = await startMock({ validate: options });
    const refused = await runCli([...probeArgs(mock.base), '--list']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('qod-policy: Options --list and --write send nothing: leave out the base URL.\n');
    const listed = await runCli(['probe', '--list', '--no-config', '--token-kind', 'two-legged', '--format', 'json']);
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as Json).cases.map((c: Json) => c.id)).toEqual(suite.cases.map((c) => c.id));
    expect(mock.requests).toEqual([]);
  }, 60_000);

  it('reports a non-conformant API: exit 1, and every format names the failed case', async () => {
    const faults: Record<string, Fault> = { 'sink/notUri': { kind: 'no-correlator' }, 'port-ranges/reversedRange': { kind: 'code', code: 'INVALID_ARGUMENT' } };
    mock = await startMock({ validate: options, fault: (request) => faults[caseOf(request.body) ?? ''] });
    const stylish = await runCli(probeArgs(mock.base));
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toMatch(
      /\n {2}\u2717 port-ranges\/reversedRange +expected 400 OUT_OF_RANGE, got 400 INVALID_ARGUMENT\n {6}A device port range runs from 5020 down to 5010\.\n {6}- The code is 'INVALID_ARGUMENT'; expected OUT_OF_RANGE\.\n {6}message: Invalid port range specified: .*\n {6}x-correlator: [0-9a-f-]{36}\n/,
    );
    expect(stylish.stdout).toContain('\u2717 sink/notUri ');
    expect(stylish.stdout).toMatch(/\u2716 2 of \d+ cases failed \(\d+ passed\)\n$/);

    const json = JSON.parse((await runCli(probeArgs(mock.base, '--format', 'json'))).stdout) as Json;
    expect(json.passed).toBe(false);
    expect(json.cases.filter((c: Json) => c.outcome === 'failed').map((c: Json) => c.id)).toEqual(['port-ranges/reversedRange', 'sink/notUri']);

    const junitRun = await runCli(probeArgs(mock.base, '--format', 'junit'));
    expect(junitRun.status).toBe(1);
    const junit = parseJunit(junitRun.stdout);
    expect({ tests: junit.tests, failures: junit.failures, errors: junit.errors, skipped: junit.skipped }).toEqual({ tests: suite.cases.length, failures: 2, errors: 0, skipped: 0 });
    const failed = junit.cases.filter((c) => c.outcome === 'failure');
    expect(failed.map((c) => c.name)).toEqual(['port-ranges/reversedRange: A device port range runs from 5020 down to 5010.', 'sink/notUri: The notification URL is not a URI.']);
    expect(failed[1]!.message).toBe('The answer does not echo the x-correlator header.');
    expect(failed[1]!.text).toContain('request body: {\n  "device"');

    const sarifRun = await runCli(probeArgs(mock.base, '--format', 'sarif', '--output', join(dir, 'probe.sarif')));
    expect(sarifRun.status).toBe(1);
    expect(sarifRun.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'probe.sarif'), 'utf8')) as Json;
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results.map((r: Json) => r.ruleId)).toEqual(['port-ranges/reversedRange', 'sink/notUri']);
  }, 60_000);

  it('--write writes the bodies, a manifest and a configuration with which lint finds exactly each case', async () => {
    const out = join(dir, 'written');
    const profiles = join(dir, 'profiles.json');
    writeFileSync(profiles, JSON.stringify([{ name: 'QOS_E', status: 'ACTIVE', maxDuration: { value: 2, unit: 'Hours' } }, { name: 'QOS_OLD', status: 'INACTIVE' }]));
    const written = await runCli(['probe', '--write', out, '--no-config', '--dialect', 'qod-1.1', '--token-kind', 'three-legged', '--qos-profiles', profiles, '--include-valid']);
    expect(written).toEqual({ status: 0, stdout: '', stderr: '' });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Json;
    expect(manifest).toMatchObject({ tool: 'qod-policy probe', dialect: 'qod-1.1', release: 'r3.2', tokenKind: 'three-legged', request: { method: 'POST', path: '<base-url>/sessions', correlatorEchoed: true } });
    const ids = manifest.cases.map((c: Json) => c.id);
    expect(ids).toContain('qos-profile/notApplicable');
    expect(ids).toContain('device-identifiers/unnecessaryIdentifier');

    const lint = await runCli(['lint', '--config', join(out, 'qod-policy.config.json'), join(out, 'bodies'), '--format', 'json'], { cwd: out });
    expect(lint.status).toBe(1);
    const results = new Map((JSON.parse(lint.stdout) as Json[]).map((r) => [r.filePath, r]));
    expect(results.size).toBe(manifest.cases.length);
    for (const entry of manifest.cases) {
      const result = results.get(entry.file);
      expect(result, entry.file).toBeDefined();
      if (entry.valid === true) {
        expect(result.issues, entry.id).toEqual([]);
        continue;
      }
      expect(result.issues.length, entry.id).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(`${issue.ruleId}/${issue.messageId} ${issue.severity}`, entry.id).toBe(`${entry.ruleId}/${entry.messageId} error`);
        expect(entry.expected.accepted, entry.id).toContainEqual({ status: issue.status, code: issue.code });
      }
      expect(result.issues[0].path, entry.id).toBe(entry.path);
      expect(readFileSync(join(out, entry.file), 'utf8')).toBe(buildSuite({ options: { dialect: 'qod-1.1', policy: { qosProfiles: JSON.parse(readFileSync(profiles, 'utf8')) } }, tokenKind: 'three-legged', includeValid: true }).cases.find((c) => c.id === entry.id)!.body);
    }

    // Written again over itself: fine. Over a folder that holds something else: refused.
    expect((await runCli(['probe', '--write', out, '--no-config'])).status).toBe(0);
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const refused = await runCli(['probe', '--write', foreign, '--no-config']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('the folder is not empty and holds no suite written before');
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
  }, 60_000);

  it('reads headers from --header-file, and never prints their values', async () => {
    mock = await startMock({ validate: options, fault: () => ({ kind: 'status', status: 401 }) });
    const file = join(dir, 'headers.txt');
    writeFileSync(file, '# the staging token\nAuthorization: Bearer very-secret\n\nX-Tenant: probe\n');
    const result = await runCli(probeArgs(mock.base, '--header-file', file, '--format', 'json'));
    expect(result.status).toBe(1);
    expect(mock.requests[0]!.headers).toMatchObject({ authorization: 'Bearer very-secret', 'x-tenant': 'probe' });
    expect(result.stdout).not.toContain('very-secret');
    const stylish = await runCli(probeArgs(mock.base, '--header-file', file));
    expect(stylish.stdout).not.toContain('very-secret');
    expect(stylish.stdout).toContain('Every answer was 401: check the credentials sent with --header or --header-file.');
  }, 60_000);
});

// The official SARIF 2.1.0 schema, as test/formatters/sarif.test.ts reads it.
const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`), 'utf8')) as Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile({ ...sarifSchema, $schema: 'http://json-schema.org/draft-07/schema#' });

function sarifErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
