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
