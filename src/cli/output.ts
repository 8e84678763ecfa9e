// Where the report goes, and whether it is coloured; progress on stderr for long runs.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors.js';

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
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new CliError(`Cannot write the report to '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

/** How many files make a run long enough to show progress. */
const PROGRESS_THRESHOLD = 300;

/** A one-line counter on stderr, for long runs on a terminal only (never in pipes or CI). */
export class Progress {
  private readonly enabled: boolean;
  private last: number;
  private shown = false;

  /** `clock` is for tests. The first draw comes 100 ms after the start, so quick runs draw nothing. */
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    env: NodeJS.ProcessEnv = process.env,
    private readonly clock: () => number = Date.now,
  ) {
    this.enabled = total > PROGRESS_THRESHOLD && stream.isTTY === true && !env.CI;
    this.last = this.enabled ? clock() : 0;
  }

  /** Called after each file; redraws at most every 100 ms. */
  tick(done: number): void {
    if (!this.enabled) return;
    const now = this.clock();
    if (now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\rqod-policy: ${done}/${this.total} files`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
  }
}
