// bin/qod-policy.js runs the bundled CLI with V8's code cache (docs/performance.md, "Start-up").
// Each test runs a copy of the command (bin/, the bundle, package.json) in its own folder, so
// it can remove, spoil or block the cache without touching the checkout's.

import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, ensureBuilt, root, type RunResult } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'qod-policy-code-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const INVALID = readFileSync(join(root, 'fixtures', 'qod-1.2', 'invalid', 'port-range-reversed.json'), 'utf8');

let copies = 0;
/** A copy of the command in a folder of its own: bin/, dist/cli/bundle/qod-policy.cjs, package.json, node_modules (linked). */
function copyOfTheCommand(): { bin: string; cacheFolder: string; dir: string } {
  const dir = join(work, `copy-${copies++}`);
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist', 'cli', 'bundle'), { recursive: true });
  copyFileSync(join(root, 'dist', 'cli', 'bundle', 'qod-policy.cjs'), join(dir, 'dist', 'cli', 'bundle', 'qod-policy.cjs'));
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'body.json'), INVALID);
  return { bin: join(dir, 'bin', 'qod-policy.js'), cacheFolder: join(dir, 'dist', 'cli', 'bundle', 'code-cache'), dir };
}

function run(bin: string, cwd: string, args: readonly string[] = ['lint', '--no-config', 'body.json']): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: cleanEnv(), encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** What the command answers for the invalid body: status 1 and the port-ranges finding. */
let expected: RunResult;
beforeAll(async () => {
  ensureBuilt();
  const reference = copyOfTheCommand();
  expected = await run(reference.bin, reference.dir);
  expect(expected.status).toBe(1);
  expect(expected.stdout).toMatch(/12:7 +error +Invalid port range specified.* port-ranges\n/);
  expect(expected.stderr).toBe('');
}, 120_000);

const cacheName = new RegExp(`^[0-9a-f]{16}-${process.version}-${process.arch.replace(/[^a-z0-9]/g, '\\$&')}\\.bin$`);

describe('the code cache of the bundled CLI', { timeout: 60_000 }, () => {
  it('is written by a first run, then read back without being written again', async () => {
    const { bin, cacheFolder, dir } = copyOfTheCommand();
    expect(existsSync(cacheFolder)).toBe(false);
    expect(await run(bin, dir)).toEqual(expected);
    const [name, ...others] = readdirSync(cacheFolder);
    expect(others).toEqual([]);
    expect(name).toMatch(cacheName);
    const cache = join(cacheFolder, name!);
    const written = statSync(cache);
    expect(written.size).toBeGreaterThan(10_000);

    // V8 accepts it, so nothing rewrites it: the same file, untouched.
    expect(await run(bin, dir)).toEqual(expected);
    expect(await run(bin, dir, ['--version'])).toMatchObject({ status: 0, stderr: '' });
    const after = statSync(cache);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([written.ino, written.mtimeMs, written.size]);
    expect(readdirSync(cacheFolder)).toEqual([name]);
  });

  it('is replaced when V8 rejects it (another V8, a damaged file): the run is only slower', async () => {
    const { bin, cacheFolder, dir } = copyOfTheCommand();
    await run(bin, dir);
    const [name] = readdirSync(cacheFolder);
    const cache = join(cacheFolder, name!);
    for (const spoiled of [Buffer.alloc(0), Buffer.from('not a code cache'), Buffer.alloc(statSync(cache).size, 0xa5), readFileSync(cache).subarray(0, 1000)]) {
      writeFileSync(cache, spoiled);
      expect(await run(bin, dir)).toEqual(expected);
      const rewritten = readFileSync(cache);
      expect(rewritten.length).toBeGreaterThan(10_000);
      expect(rewritten.equals(spoiled)).toBe(false);
    }
  });

  it('that cannot be written is no error: same answer, nothing left behind', async () => {
    const { bin, cacheFolder, dir } = copyOfTheCommand();
    // A file where the folder would be: neither the folder nor a cache in it can be made.
    writeFileSync(cacheFolder, 'in the way');
    for (let i = 0; i < 2; i++) expect(await run(bin, dir)).toEqual(expected);
    expect(readFileSync(cacheFolder, 'utf8')).toBe('in the way');
    expect(readdirSync(join(dir, 'dist', 'cli', 'bundle'))).toEqual(['code-cache', 'qod-policy.cjs']);
  });

  it('belongs to one bundle: a bundle with other content does not read it', async () => {
    const { bin, cacheFolder, dir } = copyOfTheCommand();
    await run(bin, dir);
    const [first] = readdirSync(cacheFolder);
    // The same bundle under another build hash (as a rebuilt bundle of the same length would be).
    const bundle = join(dir, 'dist', 'cli', 'bundle', 'qod-policy.cjs');
    const text = readFileSync(bundle, 'latin1');
    const rebuilt = text.replace(/qod-policy-bundle ([0-9a-f]{16})\n$/, (_, id: string) => `qod-policy-bundle ${[...id].reverse().join('')}\n`);
    expect(rebuilt).not.toBe(text);
    writeFileSync(bundle, rebuilt, 'latin1');
    expect(await run(bin, dir)).toEqual(expected);
    expect(readdirSync(cacheFolder).sort()).toEqual([first, `${[...first!.slice(0, 16)].reverse().join('')}${first!.slice(16)}`].sort());
  });
});

describe('the bundled CLI', () => {
  it('is ASCII, and its last line names the hash of its content', () => {
    const bytes = readFileSync(join(root, 'dist', 'cli', 'bundle', 'qod-policy.cjs'));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.subarray(-64).toString('latin1')).toMatch(/\n\/\/# qod-policy-bundle [0-9a-f]{16}\n$/);
  });
});
