// Helpers of the packed-install test: a copy of the sources as git holds them, `npm pack` there, a
// fresh consumer project that installs the tarball, and commands run with an exit status instead of
// an exception.

import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment for npm and node child processes: the test's own, without what `npm test` sets
 * for its script (npm_lifecycle_*, npm_package_* ...), which would make a nested npm believe it runs
 * inside this package's lifecycle. npm's configuration (npm_config_*, the cache) is kept.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_/i.test(key)) continue;
    if (key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Runs a command to its end; never throws for a non-zero exit. */
export function run(command: string, args: readonly string[], cwd: string, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`${command} ${args.join(' ')} did not run: ${error.message}`));
        return;
      }
      resolve({ status: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

/**
 * Copies the files git would give a fresh clone of `root` — tracked files and new files not ignored,
 * as they are in the working tree — into `target`, and links the dependencies that `npm ci` installed
 * (the build needs typescript and rolldown). Nothing generated (dist/, compiled schemas) comes along.
 */
export function copySources(root: string, target: string): void {
  let listing: string;
  try {
    listing = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`the packaging test copies the sources that git lists, and 'git ls-files' failed in ${root}: ${(error as Error).message}`);
  }
  for (const path of new Set(listing.split('\0').filter(Boolean))) {
    const from = join(root, path);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet in the index
    mkdirSync(dirname(join(target, path)), { recursive: true });
    cpSync(from, join(target, path));
  }
  symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/** What `npm pack --json` says of one tarball. */
export interface PackResult {
  filename: string;
  version: string;
  files: { path: string }[];
}
