// The command line under hostile conditions (issue 7, items 7-10), each with real child processes
// of the built binary: output that cannot be written, file names that would forge log lines or are
// not UTF-8, configuration modules that throw odd values, and files too large to read.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, ensureBuilt, root, runCli, type RunResult } from './helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'qod-policy-hostile-'));

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** An invalid body (a reversed port range and no applicationServer): two errors. */
const INVALID = JSON.stringify({ device: { phoneNumber: '+34600000001' }, qosProfile: 'QOS_E', duration: 3600, devicePorts: { ranges: [{ from: 5020, to: 5010 }] } });
const VALID = JSON.stringify({ device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 });

/** A fresh folder under the test's temporary folder. */
function folder(name: string): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

interface SpawnOptions {
  cwd?: string;
  /** A file descriptor for the child's standard output; default a pipe. */
  stdoutFd?: number;
  /** A file descriptor for the child's standard input; default an empty pipe. */
  stdinFd?: number;
  /** A file descriptor for the child's standard error; default a pipe. */
  stderrFd?: number;
  /** Close our end of the stdout pipe as soon as the first bytes arrive (as `| head -c1` does). */
  closeStdoutEarly?: boolean;
}

/** Runs the built binary with the given standard streams; resolves when it exits. */
function spawnCli(args: readonly string[], options: SpawnOptions = {}): Promise<RunResult & { firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: cleanEnv(),
      stdio: [options.stdinFd ?? 'pipe', options.stdoutFd ?? 'pipe', options.stderrFd ?? 'pipe'],
    });
    let stdout = '';
    let firstChunk = '';
    let stderr = '';
    child.stdin?.end();
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (firstChunk === '') firstChunk = chunk;
      if (options.closeStdoutEarly) child.stdout!.destroy();
      else stdout += chunk;
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === null) reject(new Error(`killed by ${signal}`));
      else resolve({ status: code, stdout, stderr, firstChunk });
    });
  });
}

/** One line on stderr, prefixed 'qod-policy: ', with no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr).toMatch(/^qod-policy: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('output that cannot be written (item 7)', { timeout: 60_000 }, () => {
  // More output than a pipe holds (64 KiB on Linux), so that a reader that stops early leaves the
  // command writing: 2,000 invalid bodies in one NDJSON file.
  let big: string;
  beforeAll(() => {
    big = join(folder('output'), 'many.ndjson');
    writeFileSync(big, `${Array.from({ length: 2000 }, () => INVALID).join('\n')}\n`);
  });

  it.each([
    [['lint', '--no-config', 'fixtures/']],
    [['lint', '--no-config', '--format', 'sarif', 'fixtures/qod-1.2/valid/']],
    [['rules']],
    [['--help']],
    [['--version']],
  ])('%j to a full disk (/dev/full): one line on stderr, status 2', async (args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = await spawnCli(args, { stdoutFd: full });
      expect(result.status).toBe(2);
      expectOneLine(result.stderr);
      expect(result.stderr).toMatch(/^qod-policy: Cannot write to standard output: ENOSPC \(no space left on device\)\.\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('stops quietly with the status of the run when the reader closes the pipe early (| head)', async () => {
    const invalid = await spawnCli(['lint', '--no-config', '--format', 'json', big], { closeStdoutEarly: true });
    expect(invalid.firstChunk).toMatch(/^\[\{"filePath":/);
    expect(invalid).toMatchObject({ status: 1, stderr: '' });

    const valid = join(folder('output-valid'), 'many.ndjson');
    writeFileSync(valid, `${Array.from({ length: 2000 }, () => VALID).join('\n')}\n`);
    const clean = await spawnCli(['lint', '--no-config', '--format', 'json', valid], { closeStdoutEarly: true });
    expect(clean.firstChunk).toMatch(/^\[\{"filePath":/);
    expect(clean).toMatchObject({ status: 0, stderr: '' });
  });

  it('ends with the status of the run when stderr cannot be written either', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      expect((await spawnCli(['lint', '--no-config', 'no-such-file.json'], { stderrFd: full })).status).toBe(2);
      expect((await spawnCli(['lint', '--no-config', 'fixtures/qod-1.2/valid/'], { stdoutFd: full, stderrFd: full })).status).toBe(0);
      expect((await spawnCli(['lint', '--no-config', 'fixtures/qod-1.2/invalid/'], { stdoutFd: full, stderrFd: full })).status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it.each([
    ['a path inside a file', (dir: string) => join(dir, 'a-file', 'report.txt'), /a part of the path is not a folder/],
    ['a folder', (dir: string) => dir, /EISDIR \(it is a folder\)/],
    ['a full disk', () => '/dev/full', /ENOSPC \(no space left on device\)/],
  ])('--output to %s: one line naming it, status 2', async (_, target, reason) => {
    const dir = folder('unwritable');
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const output = target(dir);
    const result = await runCli(['lint', '--no-config', '--output', output, 'fixtures/qod-1.2/invalid/port-range-reversed.json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(`Cannot write the report to '${output}'`);
    expect(result.stderr).toMatch(reason);
  });
});

describe('a .mjs configuration that throws an odd value (item 9)', { timeout: 60_000 }, () => {
  it.each([
    ['a null-prototype object', 'throw Object.create(null);', /cannot be loaded: a value that is not an Error$/],
    ['an Error whose message getter throws', 'class E extends Error { get message() { throw Object.create(null); } }\nthrow new E();', /cannot be loaded: a value that cannot be described$/],
    ['a Symbol', "throw Symbol('odd');", /cannot be loaded: Symbol\(odd\)$/],
    ['undefined', 'throw undefined;', /cannot be loaded: undefined$/],
    ['a multi-line message with escape sequences', "throw new Error('one\\n::error::forged \\u001b[2J');", /cannot be loaded: one\\u000a::error::forged \\u001b\[2J$/],
    // Node's module loader reads the thrown value's stack itself: what reaches us may be what the trap threw.
    ['a Proxy whose every trap throws', 'throw new Proxy({}, { get() { throw Object.create(null); }, getPrototypeOf() { throw Object.create(null); } });', /cannot be loaded: a value that (cannot be described|is not an Error)$/],
    ['a default export whose getter throws', 'export default { get rules() { throw Object.create(null); } };', /qod-policy\.config\.mjs: /],
    ['a default export that is a throwing Proxy', 'export default new Proxy({}, { ownKeys() { throw Symbol(); }, get() { throw Symbol(); }, has() { throw Symbol(); }, getPrototypeOf() { throw Symbol(); }, getOwnPropertyDescriptor() { throw Symbol(); } });', /qod-policy\.config\.mjs: /],
    ['a plugin whose rules getter throws', "export default { plugins: [{ name: 'p', get rules() { throw Object.create(null); } }] };", /qod-policy\.config\.mjs: /],
    ['a plugin rule whose meta getter throws', "export default { plugins: [{ name: 'p', rules: { r: { get meta() { throw Symbol('meta'); }, check() {} } } }] };", /qod-policy\.config\.mjs: /],
    ['a timer that throws after loading', 'setTimeout(() => { throw Object.create(null); });\nexport default { rules: {} };', /^qod-policy: internal error: a value that is not an Error$/],
  ])('%s: one line on stderr, status 2', async (_, module, expected) => {
    const dir = mkdtempSync(join(temp, 'config-'));
    writeFileSync(join(dir, 'qod-policy.config.mjs'), module);
    writeFileSync(join(dir, 'body.json'), VALID);
    const result = await runCli(['lint', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr.trimEnd()).toMatch(expected);
  });
});
