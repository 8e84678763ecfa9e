// Errors the CLI turns into one line on stderr and exit status 2 (no stack trace: these are the
// user's mistakes, not ours).

/** A usage, input or configuration mistake: printed as one line, exit status 2. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The first line of a message (Node's parseArgs and JSON.parse messages can span lines). */
export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end === -1 ? message : message.slice(0, end)).trim();
}
