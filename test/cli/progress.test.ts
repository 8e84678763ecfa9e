// Progress on a real terminal: the built binary runs under a pseudo-terminal (util-linux
// `script`), so that its stderr is a TTY, on a run made long on purpose: a plugin rule of the
// configuration sleeps 600 ms per body, so three files take at least 1.8 s whatever the machine
// (a lower bound; no test here depends on how fast anything is). The same run piped, or in CI,
// prints no progress at all. The drawing logic itself is tested with a fake clock in cli.test.ts.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, ensureBuilt, runCli } from './helpers.js';

/** util-linux `script` on the PATH (a system tool, not a dependency), if it is there. */
const script = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'script')).find((path) => existsSync(path));
const hasScript = script !== undefined && /util-linux/.test(spawnSync(script, ['--version'], { encoding: 'utf8' }).stdout ?? '');
const temp = realpathSync(mkdtempSync(join(tmpdir(), 'qod-policy-progress-')));

const SLOW_CONFIG = `// Every body takes 600 ms: a run of three files lasts more than a second.
const slow = {
  meta: { docs: { description: 'Sleeps.' }, messages: { never: 'Never reported.' }, status: 400, code: 'INVALID_ARGUMENT' },
  check() {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
  },
};
export default { plugins: [{ name: 'test', rules: { slow } }], rules: { 'test/slow': 'warn' } };
`;

const BODY = `{
  "device": { "phoneNumber": "+34600000001" },
  "applicationServer": { "ipv4Address": "198.51.100.0/24" },
  "qosProfile": "QOS_E",
  "duration": 3600,
  "devicePorts": { "ranges": [{ "from": 5020, "to": 5010 }] }
}
`;

beforeAll(() => {
  ensureBuilt();
  mkdirSync(join(temp, 'fixtures'));
  writeFileSync(join(temp, 'qod-policy.config.mjs'), SLOW_CONFIG);
  for (const name of ['a', 'b', 'c']) writeFileSync(join(temp, 'fixtures', `${name}.json`), BODY);
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Runs `qod-policy lint` under a pseudo-terminal: stdout and stderr both go to the terminal, whose output is returned. */
function onTerminal(env: Record<string, string> = {}): Promise<{ status: number; output: string }> {
  const command = [process.execPath, bin, 'lint', '--no-color', 'fixtures/'].map((word) => `'${word}'`).join(' ');
  return new Promise((resolve, reject) => {
    execFile(script!, ['-qec', command, '/dev/null'], { cwd: temp, env: cleanEnv({ ...env, TERM: 'xterm' }), encoding: 'utf8' }, (error, stdout) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, output: stdout });
    });
  });
}

describe.skipIf(!hasScript)('progress on a terminal (script from util-linux)', { timeout: 60_000 }, () => {
  it('shows a file counter on stderr during a long run and clears it before the report', async () => {
    const { status, output } = await onTerminal();
    expect(status).toBe(1);
    expect(output).toContain('\rqod-policy: 2/3 files');
    const cleared = output.lastIndexOf('\r\u001b[K');
    expect(cleared).toBeGreaterThan(output.indexOf('\rqod-policy: 2/3 files'));
    expect(output.indexOf('fixtures/a.json')).toBeGreaterThan(cleared);
    expect(output).not.toContain('3/3 files');
  });

  it('shows none in CI, even on a terminal', async () => {
    const { status, output } = await onTerminal({ CI: 'true' });
    expect(status).toBe(1);
    expect(output).toContain('fixtures/a.json');
    expect(output).not.toMatch(/\d\/3 files/);
    expect(output).not.toContain('\u001b[K');
  });
});

describe('progress when piped', { timeout: 60_000 }, () => {
  it('prints nothing on stderr when stderr is a pipe, however long the run', async () => {
    const result = await runCli(['lint', 'fixtures/'], { cwd: temp });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('fixtures/a.json');
  });
});
