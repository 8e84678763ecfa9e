// Linting one file: read it, parse it into bodies (src/parse), validate each body, and give the
// findings of bodies that have any their positions in the file (validateBody does both).

import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { LintResult } from '../formatters/types.js';
import type { DialectId, Issue } from '../index.js';
import { decodeUtf8, parseSource, validateBody, type SourceKind } from '../parse/index.js';
import type { LintConfig } from './config.js';
import { CliError } from './errors.js';
import type { Input } from './files.js';
import { sniffKind } from './source.js';

/** Issues by position in the file (stable: the engine's order among equals); truncation last. */
function compareIssues(a: Issue, b: Issue): number {
  const ta = a.ruleId === 'truncated' ? 1 : 0;
  const tb = b.ruleId === 'truncated' ? 1 : 0;
  if (ta !== tb) return ta - tb;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

// Small files are read into one reused buffer (open, read, close: no stat, no allocation).
// The parse layer decodes the bytes into a string before this buffer is reused.
const SHARED = Buffer.allocUnsafe(64 * 1024);

export function readInput(input: Input): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(input.path!, 'r');
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
  const dialect = (config.options.dialect !== undefined && config.options.dialect !== 'auto' ? config.options.dialect : 'qod-1.2') as DialectId;
  let source: string | Uint8Array = bytes;
  let kind: SourceKind | undefined = input.kind;
  if (kind === undefined) {
    // No telling extension: look at the text (bytes that are not UTF-8 are the parser's finding).
    const text = decodeUtf8(bytes);
    if (text !== undefined) source = text;
    kind = text === undefined ? 'json' : sniffKind(text);
  }
  for (const body of parseSource(source, kind)) {
    const report = validateBody(body, validator.validate, dialect);
    const issues = report.issues;
    if (issues.length > 1) issues.sort(compareIssues);
    out.push({
      filePath: input.filePath,
      index: body.index,
      dialect: report.dialect,
      valid: report.valid,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      issues,
    });
  }
}

/** Reads and lints a file (not standard input); appends a result per body. */
export function lintFile(input: Input, config: LintConfig, out: LintResult[]): void {
  lintBytes(readInput(input), input, config, out);
}
