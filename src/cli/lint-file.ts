// Linting one file: read it, parse it into bodies (src/parse), and let the engine turn each body
// into its report (validateSource: parse findings, schema and rules, truncation, positions).
// A file or standard input larger than --max-file-size is not read: it is one finding. With
// --fix or --fix-dry-run, the text is fixed first (./fix.ts) and the reports are of the fixed text.

import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import type { LintResult } from '../formatters/types.js';
import type { Report } from '../types.js';
import { decodeUtf8, parseProblem, parseSource, type SourceBody, type SourceKind } from '../parse/index.js';
import { CliError, systemErrorText } from './errors.js';
import type { Input } from './files.js';
import { fixText } from './fix.js';
import { sniffKind } from './source.js';

/** An input over the limit: its size, when known, else how much was read before stopping. */
export interface TooLarge {
  readonly tooLarge: true;
  readonly size: number;
  /** `size` is a lower bound: reading stopped there. */
  readonly atLeast: boolean;
}

// Small files are read into one reused buffer (open, read, close: no allocation).
// The parse layer decodes the bytes into a string before this buffer is reused.
const SHARED = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a file whole, unless it is larger than `maxFileSize`. A file that fits in SHARED is read
 * with one read (no fstat: most fixtures are a few hundred bytes, and a syscall is a good part of
 * their cost). One that fills it is judged by its size (fstat) before anything more is read; the
 * size is only a hint for what follows (a file can grow meanwhile, files in /proc say 0), so
 * reading also stops one byte past the limit whatever the size said. Memory stays within the limit.
 */
export function readInput(input: Input, maxFileSize: number): Uint8Array | TooLarge {
  let fd: number | undefined;
  try {
    fd = openSync(input.rawPath ?? input.path!, 'r');
    const want = Math.min(SHARED.length, maxFileSize + 1);
    const first = readSync(fd, SHARED, 0, want, 0);
    if (first < want) return SHARED.subarray(0, first);
    const { size } = fstatSync(fd);
    if (size > maxFileSize) return { tooLarge: true, size, atLeast: false };
    return readRest(fd, first, size, maxFileSize);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot read '${input.filePath}': ${code === 'EACCES' ? 'permission denied' : code ?? (error as Error).message}.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The rest of a file whose first `first` bytes are in SHARED, in a buffer of at most the limit plus one byte. */
function readRest(fd: number, first: number, size: number, maxFileSize: number): Uint8Array | TooLarge {
  // Room for the size the file claims and one byte more (to see it end), within the limit.
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(size + 1, first * 2), maxFileSize + 1));
  SHARED.copy(buffer, 0, 0, first);
  let length = first;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxFileSize) return { tooLarge: true, size: length, atLeast: true };
      const larger = Buffer.allocUnsafe(Math.min(length * 2, maxFileSize + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

/** The one body of an input over the limit: a 'parse' finding (ruleId 'parse', messageId 'fileTooLarge'). */
function tooLargeBody(input: Input, over: TooLarge, maxFileSize: number): SourceBody {
  const what = input.path === undefined ? 'Standard input' : 'The file';
  const message = over.atLeast
    ? `${what} is more than the maximum of ${maxFileSize} bytes (--max-file-size): reading stopped there.`
    : `${what} is ${over.size} bytes, more than the maximum of ${maxFileSize} (--max-file-size): it was not read.`;
  const issue = parseProblem('fileTooLarge', message, undefined, over.atLeast ? { maxFileSize } : { size: over.size, maxFileSize });

  return { index: 0, line: 1, problems: [issue], locate: () => undefined, locateMember: () => undefined, locatePlaces: (places) => places.map(() => undefined) };
}

/** A file (or standard input) that --fix or --fix-dry-run changed: its text before and after. */
export interface FixedInput {
  readonly input: Input;
  readonly before: string;
  readonly after: string;
}

/**
 * Lints one input's bytes (or the finding that it is too large); appends a result per body.
 * `fixing`: fixes the text first, and answers the input with its texts when that changed it.
 */
export function lintBytes(bytes: Uint8Array | TooLarge, input: Input, out: LintResult[], maxFileSize: number, fixing = false): FixedInput | undefined {
  const validator = input.config.validatorFor(input.path ?? input.stdinPath);
  let bodies: readonly SourceBody[];
  let reports: readonly Report[] | undefined;
  let fixed: FixedInput | undefined;
  if ('tooLarge' in bytes) {
    bodies = [tooLargeBody(input, bytes, maxFileSize)];
  } else {
    let source: string | Uint8Array = bytes;
    let kind: SourceKind | undefined = input.kind;
    // The text (bytes that are not UTF-8 are the parser's finding, and are never fixed).
    const text = kind === undefined || fixing ? decodeUtf8(bytes) : undefined;
    if (text !== undefined) source = text;
    // No telling extension: look at the text.
    kind ??= text === undefined ? 'json' : sniffKind(text);
    if (fixing && text !== undefined) {
      const result = fixText(text, kind, validator);
      ({ bodies, reports } = result);
      if (result.text !== text) fixed = { input, before: text, after: result.text };
    } else {
      bodies = parseSource(source, kind);
    }
  }
  bodies.forEach((body, i) => {
    const report = reports?.[i] ?? validator.validateSource(body);
    out.push({
      filePath: input.filePath,
      index: body.index,
      dialect: report.dialect,
      valid: report.valid,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      issues: report.issues,
    });
  });
  return fixed;
}

/** Reads and lints a file (not standard input); appends a result per body. `fixing`: as lintBytes. */
export function lintFile(input: Input, out: LintResult[], maxFileSize: number, fixing = false): FixedInput | undefined {
  return lintBytes(readInput(input, maxFileSize), input, out, maxFileSize, fixing);
}

/** Writes a fixed file in place (`--fix`): the same path, so its mode and owner stay. */
export function writeFixed({ input, after }: FixedInput): void {
  try {
    writeFileSync(input.rawPath ?? input.path!, after);
  } catch (error) {
    throw new CliError(`Cannot write the fixes to '${input.filePath}': ${systemErrorText(error)}.`);
  }
}
