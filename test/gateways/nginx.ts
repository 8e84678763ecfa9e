// Runs Debian's nginx with njs as a child process for a test: the shipped examples/nginx/ config
// with the test's addresses, in a temporary prefix that holds everything nginx writes (pid file,
// error and access logs, temporary bodies), in the foreground (daemon off), stopped by its pid.

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { root } from '../cli/helpers.js';

/** Where Debian's libnginx-mod-http-js puts the module (also named in examples/nginx/nginx.conf). */
const njsModule = '/usr/lib/nginx/modules/ngx_http_js_module.so';
const exampleDir = join(root, 'examples', 'nginx');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nginx binary ($NGINX, then PATH, then /usr/sbin), or why it cannot run the example. */
export function findNginx(): { binary: string } | { missing: string } {
  const candidates = [process.env.NGINX, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nginx')), '/usr/sbin/nginx'];
  const binary = candidates.find((path): path is string => path !== undefined && path !== '' && executable(path));
  if (binary === undefined) return { missing: 'nginx is not installed' };
  if (!existsSync(njsModule)) return { missing: `the njs module ${njsModule} is not installed` };
  return { binary };
}

/** A port that was free a moment ago (nginx cannot listen on port 0 and say which port it got). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Replaces one line of the config that must occur exactly once, so that the example cannot drift from the test. */
export function replaceOnce(config: string, find: string, replacement: string): string {
  const at = config.indexOf(find);
  if (at < 0 || config.indexOf(find, at + 1) >= 0) throw new Error(`examples/nginx/nginx.conf must contain ${JSON.stringify(find)} exactly once`);
  return config.slice(0, at) + replacement + config.slice(at + find.length);
}

export interface RunningNginx {
  port: number;
  prefix: string;
  /** The error log so far (for a failing test's message). */
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * Starts nginx on the shipped config, edited by `edit` (the test's addresses). Resolves once it
 * accepts connections; rejects with its error log when it exits first or does not come up.
 */
export async function startNginx(binary: string, edit: (config: string, port: number) => string): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'qod-policy-nginx-'));
  // Workers run as nobody when the tests run as root: they must be able to enter the prefix.
  chmodSync(prefix, 0o755);
  copyFileSync(join(exampleDir, 'qod-policy.js'), join(prefix, 'qod-policy.js'));
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, edit(readFileSync(join(exampleDir, 'nginx.conf'), 'utf8'), port));
  const errorLogPath = join(prefix, 'error.log');
  const errorLog = (): string => (existsSync(errorLogPath) ? readFileSync(errorLogPath, 'utf8') : '');

  let output = '';
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-e', errorLogPath, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const cleanUp = (): void => rmSync(prefix, { recursive: true, force: true });
  const stop = async (): Promise<void> => {
    if (!hasExited) child.kill('SIGTERM');
    await exited;
    cleanUp();
  };

  for (let attempt = 0; attempt < 200; attempt++) {
    if (hasExited) break;
    if (await canConnect(port)) return { port, prefix, errorLog, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = `${output}${errorLog()}`;
  if (!hasExited) child.kill('SIGKILL');
  await exited;
  cleanUp();
  throw new Error(`nginx did not start:\n${log}`);
}
