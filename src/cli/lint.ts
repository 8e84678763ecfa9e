// `qod-policy lint`: inputs → bodies → reports → one formatted report, and the exit status.

import { fstatSync } from 'node:fs';
import { loadFormatter } from '../formatters/index.js';
import type { FormatterContext, LintResult } from '../formatters/types.js';
import type { LintArgs } from './args.js';
import { resolve } from 'node:path';
import { ConfigResolver } from './config.js';
import { collectInputs } from './files.js';
import { printError, Progress, useColor, writeReport, writeStdout } from './output.js';
import { loadQosProfiles } from './qos-profiles.js';
import { ruleDocs } from './rules.js';
import { lintBytes, lintFile, writeFixed, type TooLarge } from './lint-file.js';
import { unifiedDiff } from './unified-diff.js';
import { packageVersion } from './version.js';

/**
 * Reads standard input whole, unless it is larger than `maxFileSize`: a file given as stdin is
 * judged by its size before reading; otherwise reading stops one chunk past the limit.
 */
async function readStdin(maxFileSize: number): Promise<Uint8Array | TooLarge> {
  let size: number | undefined;
  try {
    const stats = fstatSync(0);
    if (stats.isFile()) size = stats.size;
  } catch {
    // no descriptor 0 to look at: read and count
  }
  if (size !== undefined && size > maxFileSize) return { tooLarge: true, size, atLeast: false };
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    length += (chunk as Buffer).length;
    // Leaving the loop ends the stream: nothing more is read.
    if (length > maxFileSize) return { tooLarge: true, size: length, atLeast: true };
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, length);
}

/** --quiet: errors only, and only the bodies that have errors (as ESLint). */
function errorsOnly(results: readonly LintResult[]): LintResult[] {
  const kept: LintResult[] = [];
  for (const result of results) {
    if (result.errorCount === 0) continue;
    kept.push({ ...result, warningCount: 0, issues: result.issues.filter((issue) => issue.severity === 'error') });
  }
  return kept;
}

/** Runs `qod-policy lint`; resolves to the exit status. */
export async function lint(args: LintArgs): Promise<number> {
  const cwd = process.cwd();
  // The formatter loads while the files are read (awaited below; never left unobserved).
  const loadingFormatter = loadFormatter(args.format);
  loadingFormatter.catch(() => undefined);
  const qosProfiles = args.qosProfiles === undefined ? undefined : loadQosProfiles(args.qosProfiles, cwd);
  // Each file gets the configuration found from its folder upward (or --config's, or none).
  const configs = new ConfigResolver({ cwd, configPath: args.config, noLookup: args.noConfig, cli: { dialect: args.dialect, qosProfiles } });
  const { inputs, ignoredExplicit } = await collectInputs(args.patterns, {
    cwd,
    configs,
    stdinFilename: args.stdinFilename,
    skip: args.qosProfiles === undefined ? [] : [resolve(cwd, args.qosProfiles)],
  });
  for (const { pattern, configName } of ignoredExplicit) {
    printError(`'${pattern}' is ignored by ${configName ?? 'the configuration'} ('ignores'); not linted.`);
  }

  // One thread: a worker thread per core was measured (bench/lint.mjs) and does not pay on two
  // cores, as each thread must load and warm up the engine again.
  const results: LintResult[] = [];
  const progress = new Progress(inputs.length);
  const fixing = args.fix || args.fixDryRun;
  // --fix-dry-run: the diff of each file it would change, printed before the report.
  let diff = '';
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    const fixed =
      input.path === undefined ? lintBytes(await readStdin(args.maxFileSize), input, results, args.maxFileSize, fixing) : lintFile(input, results, args.maxFileSize, fixing);
    if (fixed !== undefined) {
      if (args.fix) writeFixed(fixed);
      else diff += unifiedDiff(fixed.input.filePath, fixed.before, fixed.after);
    }
    progress.tick(i + 1);
  }
  progress.done();

  let errorCount = 0;
  let warningCount = 0;
  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
  }
  const tooManyWarnings = args.maxWarnings >= 0 && warningCount > args.maxWarnings;

  const formatter = await loadingFormatter;
  const context: FormatterContext = {
    color: useColor(args.color, args.output === undefined && process.stdout.isTTY === true),
    rules: ruleDocs((await configs.used()).flatMap((config) => config.plugins)),
    version: packageVersion(),
    sourceRoot: cwd,
  };
  if (tooManyWarnings) context.maxWarningsExceeded = { maxWarnings: args.maxWarnings, warningCount };
  const text = formatter(args.quiet ? errorsOnly(results) : results, context);
  // Formatters leave the final newline to the writer (json and sarif end with their bracket).
  const output = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  // A reader that closes the pipe early (`| head`) does not change the status of the run.
  if (args.output !== undefined) {
    writeReport(args.output, output, cwd);
    await writeStdout(diff);
  } else await writeStdout(diff + output);
  return errorCount > 0 || tooManyWarnings ? 1 : 0;
}
