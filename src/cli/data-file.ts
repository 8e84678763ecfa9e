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

/**
 * JSON with comments (a .jsonc configuration, as VS Code and tsconfig.json read it) as JSON:
 * `//` and `/* *\/` comments and a comma before a closing `}` or `]` become spaces, every other
 * character (line breaks included) stays where it is, so that positions in messages are the file's.
 */
export function stripJsonComments(text: string, name: string): string {
  const units = text.split('');
  const blank = (from: number, to: number) => {
    for (let j = from; j < to; j++) if (units[j] !== '\n' && units[j] !== '\r') units[j] = ' ';
  };
  /** The last comma outside strings and comments, while only blanks and comments follow it. */
  let comma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      comma = -1;
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      blank(i, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) {
        const before = text.slice(0, i);
        throw new CliError(`${name}:${before.split('\n').length}:${i - before.lastIndexOf('\n')}: this /* comment is not closed.`);
      }
      blank(i, close + 2);
      i = close + 1;
    } else if (c === ',') {
      comma = i;
    } else if ((c === '}' || c === ']') && comma !== -1) {
      blank(comma, comma + 1);
      comma = -1;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      comma = -1;
    }
  }
  return units.join('');
}
