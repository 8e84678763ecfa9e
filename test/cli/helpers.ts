// Helpers of the CLI tests: build the package once when dist/ is missing or older than the
// sources (a lock keeps parallel test files from building together), and run the built binary.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'bin', 'qod-policy.js');
const built = join(root, 'dist', 'cli', 'main.js');
const bundled = join(root, 'dist', 'cli', 'bundle', 'qod-policy.cjs');

/** Newest modification time under a folder (generated code in src/schema/compiled excluded). */
function newest(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    const child = join(path, name);
    if (child === join(root, 'src', 'schema', 'compiled')) continue;
    max = Math.max(max, newest(child));
  }
  return max;
}

function isBuilt(): boolean {
  if (!existsSync(built)) return false;
  return statSync(built).mtimeMs >= Math.max(newest(join(root, 'src')), newest(join(root, 'schemas')));
}

function isBundled(): boolean {
  return existsSync(bundled) && existsSync(built) && statSync(bundled).mtimeMs >= statSync(built).mtimeMs;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `npm run build` unless dist/ is up to date, then bundles the CLI (scripts/bundle-cli.mjs)
 * unless the build did. Type errors elsewhere do not stop the emit. The tests run the bundle, as
 * the installed command does.
 */
export function ensureBuilt(): void {
  if (isBuilt() && isBundled()) return;
  const lock = join(tmpdir(), `qod-policy-build-${Buffer.from(root).toString('hex').slice(-24)}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after five minutes.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`waited too long for the build lock ${lock}`);
      sleep(200);
    }
  }
  try {
    if (!isBuilt()) {
      const before = Date.now();
      try {
        execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
      } catch (error) {
        // tsc still emits when some other file has a type error; accept a fresh dist/cli/main.js.
        if (!existsSync(built) || statSync(built).mtimeMs < before - 1000) {
          throw new Error(`npm run build failed:\n${String((error as { stdout?: Buffer }).stdout ?? '')}${String((error as { stderr?: Buffer }).stderr ?? '')}`);
        }
      }
    }
    if (!isBundled()) execFileSync(process.execPath, [join(root, 'scripts', 'bundle-cli.mjs')], { cwd: root, stdio: 'pipe' });
  } finally {
    rmdirSync(lock);
  }
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
}

/** The environment of a run: the parent's, without anything that changes colour or progress. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM', 'QOD_POLICY_DEBUG', 'NODE_OPTIONS']) delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs the built binary as a subprocess. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env: cleanEnv(options.env), maxBuffer: 1 << 26, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolvePromise({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}
