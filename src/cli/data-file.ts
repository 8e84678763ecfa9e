// Reading a JSON or YAML data file of the user's (configuration, QoS-profile catalogue) with the
// parse layer, so that a syntax error is reported as file:line:column.

import { parseSource, type SourceKind } from '../parse/index.js';
import { CliError } from './errors.js';

/** The value of a one-document JSON or YAML text; a syntax error is a CliError naming the place. */
export function parseDataFile(text: string, kind: Exclude<SourceKind, 'ndjson'>, name: string): unknown {
  const bodies = parseSource(text, kind);
  if (bodies.length > 1) throw new CliError(`${name}: expected one YAML document, found ${bodies.length}.`);
  const body = bodies[0]!;
  const fatal = body.problems.find((problem) => problem.messageId !== 'duplicateKey');
  if (fatal !== undefined || !('value' in body)) {
    const where = fatal?.line === undefined ? name : `${name}:${fatal.line}:${fatal.column}`;
    throw new CliError(`${where}: ${fatal?.message ?? 'the file cannot be read.'}`);
  }
  return body.value;
}
