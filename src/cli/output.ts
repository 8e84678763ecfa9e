// Where the report goes, and whether it is coloured; progress on stderr for long runs; what
// happens when output cannot be written.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { printable } from '../formatters/utils.js';
import { CliError, systemErrorText } from './errors.js';

/**
 * Colour: never when NO_COLOR is set (to anything but ''), whatever else says; otherwise
 * --no-color / --color; otherwise FORCE_COLOR ('0' or 'false' turns it off, anything else on);
 * otherwise only when the report goes to a terminal (not a file, not a pipe) and TERM is not 'dumb'.
 */
export function useColor(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return toTerminal && env.TERM !== 'dumb';
}

/** Writes the report to a file, creating its folders. */
export function writeReport(file: string, text: string, cwd: string): void {
  const path = resolve(cwd, file);
  const fail = (error: unknown) => new CliError(`Cannot write the report to '${file}': ${systemErrorText(error)}.`);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    // A recursive mkdir meets a file where a folder should be as EEXIST: say what that means.
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(code === 'EEXIST' || code === 'ENOTDIR' ? { code: 'ENOTDIR' } : error);
  }
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw fail(error);
  }
}

/**
 * Makes failures of the standard streams the writers' business. Node reports a failed write twice:
 * to the write's callback and as an 'error' event, which, unheard, would end the process with a
 * stack trace. writeStdout hears the callback; for stderr there is no one left to tell, and the
 * exit status still says what happened.
 */
export function watchStandardStreams(): void {
  const ignore = (): void => undefined;
  process.stdout.on('error', ignore);
  process.stderr.on('error', ignore);
}

/**
 * Writes one message line on stderr: `qod-policy: <message>`. Messages quote file names and
 * arguments, which may hold line breaks or escape sequences: they are made visible (`\n`,
 * `\u001b`), so that a name cannot forge a line (a workflow command) in a CI log or drive the
 * terminal.
 */
export function printError(message: string): void {
  process.stderr.write(`qod-policy: ${printable(message)}\n`);
}

/**
 * Writes to standard output and resolves once the text is handed to the system. A reader that has
 * gone (EPIPE: `qod-policy lint ... | head`) is not an error: the rest is dropped and the promise
 * resolves. Any other failure (a full disk, an I/O error) rejects with a CliError (status 2).
 */
export function writeStdout(text: string, stream: NodeJS.WritableStream & { errored?: Error | null } = process.stdout): Promise<void> {
  return new Promise((resolveWrite, reject) => {
    const done = (error: Error | null | undefined): void => {
      // After a first failure Node answers every later write with ERR_STREAM_DESTROYED; the
      // stream keeps the failure that matters.
      const failure = stream.errored ?? error;
      if (failure == null || (failure as NodeJS.ErrnoException).code === 'EPIPE') resolveWrite();
      else reject(new CliError(`Cannot write to standard output: ${systemErrorText(failure)}.`));
    };
    if (stream.errored != null) done(stream.errored);
    else if (text === '') resolveWrite();
    else stream.write(text, done);
  });
}

/** How long a run goes on before it shows progress (ms): a quick run draws nothing. */
const PROGRESS_DELAY = 1000;
/** How often the counter is redrawn at most (ms). */
const PROGRESS_INTERVAL = 100;

/** Whether the environment says this is CI: CI set to anything but '', 'false' or '0'. */
function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci.toLowerCase() !== 'false' && ci !== '0';
}

/**
 * A one-line file counter on stderr for runs that last more than a second, on a terminal only:
 * never when stderr is a pipe or a file, in CI, or on a terminal that cannot clear a line
 * (TERM=dumb). It is cleared before the report is written.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly start: number;
  private last = 0;
  private shown = false;

  /** `stream`, `env` and `clock` are for tests. */
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    env: NodeJS.ProcessEnv = process.env,
    private readonly clock: () => number = Date.now,
  ) {
    this.enabled = stream.isTTY === true && !isCI(env) && env.TERM !== 'dumb';
    this.start = this.enabled ? clock() : 0;
  }

  /** Called after each file: draws once the run is a second old, then at most every 100 ms; never for the last file. */
  tick(done: number): void {
    if (!this.enabled || done >= this.total) return;
    const now = this.clock();
    if (now - this.start < PROGRESS_DELAY || (this.shown && now - this.last < PROGRESS_INTERVAL)) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\rqod-policy: ${done}/${this.total} files`);
  }

  /** Clears the counter, if it was drawn. */
  done(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
  }
}
