// CLI behaviour that golden scenarios cannot show well: unreadable files, the SARIF log of a real run
// validated against the official schema, stdout staying empty with --output, and the pure helpers
// (colour decision, progress, stdin kind detection) tested directly on src/.

import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_HELP } from '../../src/cli/help.js';
import { Progress, useColor } from '../../src/cli/output.js';
import { rules } from '../../src/index.js';
import { sniffKind } from '../../src/cli/source.js';
import { ensureBuilt, runCli } from './helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const temp = mkdtempSync(join(tmpdir(), 'qod-policy-cli-test-'));

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('qod-policy lint (subprocess)', { timeout: 60_000 }, () => {
  it('reports an unreadable file on one line with status 2', async () => {
    let target: string;
    if (process.getuid?.() === 0) {
      // root reads any file whatever its mode; /proc/self/mem is a file whose read fails (EIO).
      target = '/proc/self/mem';
    } else {
      target = join(temp, 'locked.json');
      writeFileSync(target, '{}');
      chmodSync(target, 0o000);
    }
    const result = await runCli(['lint', '--no-config', target]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^qod-policy: Cannot read '[^']+': [\w ]+\.\n$/);
  });

  it('writes a SARIF log that validates against the official SARIF 2.1.0 schema, plugin rules included', async () => {
    const require = createRequire(import.meta.url);
    const schemaPath = require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`);
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' });

    const dir = mkdtempSync(join(temp, 'sarif-'));
    writeFileSync(join(dir, 'qod-policy.config.mjs'), [
      'export default {',
      "  plugins: [{ name: 'acme', rules: { 'no-test-profiles': {",
      "    meta: { docs: { description: 'No test profiles.' }, messages: { testProfile: 'Test profile {{ name }}.' }, status: 400, code: 'INVALID_ARGUMENT' },",
      "    check(model, ctx) { if (model.qosProfile?.value.startsWith('TEST_')) ctx.report({ messageId: 'testProfile', path: model.qosProfile.path, data: { name: model.qosProfile.value } }); },",
      '  } } }],',
      "  rules: { 'acme/no-test-profiles': 'warn' },",
      '};',
    ].join('\n'));
    writeFileSync(join(dir, 'body.json'), JSON.stringify({ device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'TEST_X', duration: 0, devicePorts: { ranges: [{ from: 9, to: 1 }] } }, null, 2));
    writeFileSync(join(dir, 'broken.yaml'), 'device: [\n');
    const result = await runCli(['lint', '--format', 'sarif', '.'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string }[] }[] };
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const descriptors = new Map(log.runs[0]!.tool.driver.rules.map((r) => [r.id, r]));
    // Help links come from meta.docs.url alone; the plugin rule has none and gets none.
    for (const [id, rule] of Object.entries(rules)) expect(descriptors.get(id)?.helpUri, id).toBe(rule.meta.docs.url);
    expect(descriptors.get('acme/no-test-profiles')).toBeDefined();
    expect(descriptors.get('acme/no-test-profiles')!.helpUri).toBeUndefined();
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toContain('acme/no-test-profiles');
  });

  it('prints nothing on stdout with --output, whatever the format', async () => {
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
      const out = join(temp, 'out', `report.${format}`);
      const result = await runCli(['lint', '--no-config', '--format', format, '--output', out, 'fixtures/qod-1.2/invalid/port-range-reversed.json']);
      expect(result, format).toMatchObject({ status: 1, stdout: '', stderr: '' });
      expect(readFileSync(out, 'utf8').length, format).toBeGreaterThan(0);
    }
  });

  it('gives every finding of a JSON body a line and column in the file', async () => {
    const result = await runCli(['lint', '--no-config', '--format', 'json', 'fixtures/']);
    const results = JSON.parse(result.stdout) as { filePath: string; issues: { line?: number; column?: number; endLine?: number; endColumn?: number }[] }[];
    expect(results.length).toBeGreaterThan(20);
    for (const r of results) {
      for (const issue of r.issues) {
        expect(issue.line, r.filePath).toBeGreaterThanOrEqual(1);
        expect(issue.column, r.filePath).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('runs from a fresh checkout as the README says: npx qod-policy lint fixtures/', async () => {
    const result = await runCli(['lint', 'fixtures/']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?(?:, \d+ info)?\)/);
  });
});

describe('qod-policy --help', { timeout: 60_000 }, () => {
  const listed = [...MAIN_HELP.matchAll(/^ {2}qod-policy ([a-z]+)/gm)].map((m) => m[1]!);

  it('lists the commands there are, and only those: each one answers --help', async () => {
    expect(listed).toEqual(['lint', 'rules', 'serve', 'init', 'probe', 'migrate']);
    for (const command of listed) {
      const result = await runCli([command, '--help']);
      expect({ command, status: result.status, stderr: result.stderr }).toEqual({ command, status: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^Usage: qod-policy ${command}\\b`));
    }
  });

  it('names the same commands when a command is unknown', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.stderr).toBe(`qod-policy: Unknown command 'frobnicate'. The commands are ${listed.join(', ')}. Run 'qod-policy --help' for usage.\n`);
  });
});

describe('colour', () => {
  it('is never used when NO_COLOR is set, whatever else asks for it', () => {
    expect(useColor(true, true, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(undefined, true, { NO_COLOR: 'yes' })).toBe(false);
  });
  it('ignores an empty NO_COLOR, as the NO_COLOR convention says', () => {
    expect(useColor(undefined, true, { NO_COLOR: '' })).toBe(true);
  });
  it('follows --color / --no-color, then FORCE_COLOR, then the terminal', () => {
    expect(useColor(false, true, { FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(true, false, {})).toBe(true);
    expect(useColor(undefined, false, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(undefined, true, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(undefined, true, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColor(undefined, true, {})).toBe(true);
    expect(useColor(undefined, false, {})).toBe(false);
    expect(useColor(undefined, true, { TERM: 'dumb' })).toBe(false);
  });
});

describe('progress', () => {
  function fakeStream(isTTY: boolean) {
    const writes: string[] = [];
    return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream };
  }
  /** A run of `files` files, each taking `msPerFile` on a clock that only moves when told. */
  function run(files: number, msPerFile: number, isTTY: boolean, env: NodeJS.ProcessEnv = {}) {
    const { writes, stream } = fakeStream(isTTY);
    let now = 0;
    const progress = new Progress(files, stream, env, () => now);
    for (let i = 1; i <= files; i++) {
      now += msPerFile;
      progress.tick(i);
    }
    progress.done();
    return writes;
  }

  it('draws nothing in the first second, then a counter at most every 100 ms, and clears it at the end', () => {
    const writes = run(40, 50, true);
    // 50 ms a file: file 20 ends the first second; then every second file is 100 ms later.
    expect(writes[0]).toBe('\rqod-policy: 20/40 files');
    expect(writes.slice(0, -1)).toEqual([20, 22, 24, 26, 28, 30, 32, 34, 36, 38].map((n) => `\rqod-policy: ${n}/40 files`));
    expect(writes.at(-1)).toBe('\r\u001b[K');
  });

  it('draws nothing for a run that ends within the second, however many files', () => {
    expect(run(5000, 0.1, true)).toEqual([]);
  });

  it('never draws for the last file (the report follows at once)', () => {
    expect(run(1, 5000, true)).toEqual([]);
    expect(run(2, 5000, true)).toEqual(['\rqod-policy: 1/2 files', '\r\u001b[K']);
  });

  it('stays silent in CI, in pipes and files, and on a dumb terminal', () => {
    expect(run(40, 50, true, { CI: 'true' })).toEqual([]);
    expect(run(40, 50, true, { CI: '1' })).toEqual([]);
    expect(run(40, 50, false)).toEqual([]);
    expect(run(40, 50, true, { TERM: 'dumb' })).toEqual([]);
  });

  it("draws when CI is unset, empty, 'false' or '0'", () => {
    for (const CI of [undefined, '', 'false', 'FALSE', '0']) expect(run(40, 50, true, { CI }).length, String(CI)).toBe(11);
  });
});

describe('stdin kind detection', () => {
  it.each([
    ['{"a":1}', 'json'],
    ['\ufeff  {\n  "a": 1\n}\n', 'json'],
    ['[{"a":1},\n{"a":2}]', 'json'],
    ['{"a":1}\n{"a":2}\n', 'ndjson'],
    ['{"a":1}\r\n\r\n{"a":2}', 'ndjson'],
    ['device:\n  phoneNumber: "+1"\n', 'yaml'],
    ['---\nqosProfile: QOS_E\n', 'yaml'],
    ['# a comment\n{}', 'yaml'],
    ['', 'json'],
  ])('reads %j as %s', (text, kind) => {
    expect(sniffKind(text)).toBe(kind);
  });
});

