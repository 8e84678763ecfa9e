// Errors the CLI turns into one line on stderr and exit status 2 (no stack trace: these are the
// user's mistakes, not ours), and safe ways to look at whatever else was thrown: configuration
// modules and plugins are the user's code and can throw any value, including ones whose every
// property access throws.

import { describeThrown } from '../shared/errors.js';

/** A usage, input or configuration mistake: printed as one line, exit status 2. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The first line of a message (Node's parseArgs and JSON.parse messages can span lines). */
export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end === -1 ? message : message.slice(0, end)).trim();
}

/** Whether a thrown value is a CliError; never throws (instanceof runs a Proxy's trap). */
export function isCliError(thrown: unknown): thrown is CliError {
  try {
    return thrown instanceof CliError;
  } catch {
    return false;
  }
}

/**
 * The first line of the engine's ConfigError message (an unknown rule, a bad severity...), or
 * undefined for any other value. Never throws. Recognised by name: the bundled CLI and the library
 * can hold two copies of the class.
 */
export function configErrorMessage(thrown: unknown): string | undefined {
  try {
    if (thrown instanceof Error && thrown.name === 'QodPolicyConfigError' && typeof thrown.message === 'string') return firstLine(thrown.message);
  } catch {
    // a hostile value: not ours
  }
  return undefined;
}

// libuv's descriptions, as Node puts them in the messages of system errors ("ENOSPC: no space left
// on device, write"), for the codes that reading and writing files meet.
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EBADF: 'bad file descriptor',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'file already exists',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'name too long',
  ENOENT: 'no such file or folder',
  ENOSPC: 'no space left on device',
  ENOTDIR: 'a part of the path is not a folder',
  EPERM: 'operation not permitted',
  EPIPE: 'the reader has closed the pipe',
  EROFS: 'read-only file system',
};

/** A system error as `CODE (what it means)`, e.g. `ENOSPC (no space left on device)`. Never throws. */
export function systemErrorText(thrown: unknown): string {
  let code: unknown;
  try {
    code = (thrown as { code?: unknown } | undefined)?.code;
  } catch {
    code = undefined;
  }
  if (typeof code !== 'string') return describeThrown(thrown);
  const meaning = SYSTEM_ERRORS[code];
  return meaning === undefined ? code : `${code} (${meaning})`;
}
