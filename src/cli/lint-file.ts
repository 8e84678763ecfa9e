// Linting one file: read it, parse it into bodies (src/parse), and let the engine turn each body
// into its report (validateSource: parse findings, schema and rules, truncation, positions).

import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { LintResult } from '../formatters/types.js';
import { decodeUtf8, parseSource, type SourceKind } from '../parse/index.js';
import type { LintConfig } from './config.js';
import { CliError } from './errors.js';
import type { Input } from './files.js';
import { sniffKind } from './source.js';

// Small files are read into one reused buffer (open, read, close: no stat, no allocation).
// The parse layer decodes the bytes into a string before this buffer is reused.
const SHARED = Buffer.allocUnsafe(64 * 1024);

export function readInput(input: Input): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(input.rawPath ?? input.path!, 'r');
    const length = readSync(fd, SHARED, 0, SHARED.length, 0);
    if (length < SHARED.length) return SHARED.subarray(0, length);
    return readFileSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot read '${input.filePath}': ${code === 'EACCES' ? 'permission denied' : code ?? (error as Error).message}.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Lints one input's bytes; appends a result per body. */
export function lintBytes(bytes: Uint8Array, input: Input, config: LintConfig, out: LintResult[]): void {
  const validator = config.validatorFor(input.path ?? input.stdinPath);
  let source: string | Uint8Array = bytes;
  let kind: SourceKind | undefined = input.kind;
  if (kind === undefined) {
    // No telling extension: look at the text (bytes that are not UTF-8 are the parser's finding).
    const text = decodeUtf8(bytes);
    if (text !== undefined) source = text;
    kind = text === undefined ? 'json' : sniffKind(text);
  }
  for (const body of parseSource(source, kind)) {
    const report = validator.validateSource(body);
    out.push({
      filePath: input.filePath,
      index: body.index,
      dialect: report.dialect,
      valid: report.valid,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      issues: report.issues,
    });
  }
}

/** Reads and lints a file (not standard input); appends a result per body. */
export function lintFile(input: Input, config: LintConfig, out: LintResult[]): void {
  lintBytes(readInput(input), input, config, out);
}
