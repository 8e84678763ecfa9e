// Helpers of the sidecar tests: start the built `qod-policy serve` on an ephemeral port of
// 127.0.0.1, talk to it over real sockets, stop it with a signal.

import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { bin, ensureBuilt } from './helpers.js';

export interface Serving {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves to the exit status (null when ended by a signal) once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Sends the signal (default SIGTERM) and waits for the exit status. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const validBody = { device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.10' }, qosProfile: 'QOS_E', duration: 3600 };

/** Runs `qod-policy serve --port 0 --no-config <args>` and waits for its listening line. */
export async function startServe(args: readonly string[], cwd?: string): Promise<Serving> {
  ensureBuilt();
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...(args.includes('--config') ? [] : ['--no-config']), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match !== null) {
        child.stdout!.off('data', look);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening: ${err}${out}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `qod-policy serve <args>` expecting it not to start: its status and output. */
export function serveFails(args: readonly string[], cwd?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  ensureBuilt();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A server that did start is stopped: the test then fails on its status.
    const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A raw connection: write what you like, read everything the server sends until it closes. */
export function rawConnection(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    // Writes after the server closed fail with EPIPE/ECONNRESET: the test looks at what came back.
    socket.on('error', () => undefined);
    const closed = new Promise<string>((done) => socket.once('close', () => done(text)));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

/** POSTs JSON (or the given text) with fetch; the status, headers and parsed body. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string; json: () => Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}
