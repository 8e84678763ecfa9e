// Command-line arguments of `qod-policy lint`, parsed with node:util parseArgs (strict).

import { constants } from 'node:buffer';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, firstLine } from './errors.js';
import { defaultFormatterName, formatterNames, isFormatterName, type FormatterName } from '../formatters/index.js';

export interface LintArgs {
  patterns: string[];
  format: FormatterName;
  output: string | undefined;
  dialect: string | undefined;
  config: string | undefined;
  noConfig: boolean;
  qosProfiles: string | undefined;
  /** -1: no limit. */
  maxWarnings: number;
  /** Files (and standard input) larger than this many bytes are a finding, not read. */
  maxFileSize: number;
  quiet: boolean;
  stdinFilename: string | undefined;
  /** undefined: decide from the terminal and the environment. */
  color: boolean | undefined;
  help: boolean;
}

/**
 * The default of --max-file-size, in bytes. A CreateSession body is a few hundred bytes; this
 * leaves room for large NDJSON and YAML collections while keeping a run's memory far from what
 * V8 can hold (a string of about 512 MiB at most, and parsing takes several times the text).
 */
const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  dialect: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'qos-profiles': { type: 'string' },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  quiet: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;
/** What parseArgs returns for these options (strict, with positionals). */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** Runs parseArgs and turns its errors into one-line usage errors. */
export function parseStrict<O extends Options>(args: string[], options: O, command: string): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      let message = firstLine((error as Error).message);
      // "Unknown option '--foo'. To specify a positional argument ..." → keep the first sentence.
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') message = message.replace(/\. To specify a positional[\s\S]*/, '.');
      if (!/[.?!]$/.test(message)) message += '.';
      throw new CliError(`${message} Run 'qod-policy ${command} --help' for usage.`);
    }
    throw error;
  }
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new CliError(`Option --${name} needs a value.`);
  return value;
}

export function parseLintArgs(args: string[]): LintArgs {
  const { values, positionals } = parseStrict(args, LINT_OPTIONS, 'lint');
  const format = values.format ?? defaultFormatterName;
  if (!isFormatterName(format)) {
    throw new CliError(`Unknown format '${format}'. Use one of: ${formatterNames.join(', ')}.`);
  }
  let maxWarnings = -1;
  const rawMax = values['max-warnings'];
  if (rawMax !== undefined) {
    if (!/^-?\d+$/.test(rawMax.trim()) || Number(rawMax) < -1 || !Number.isSafeInteger(Number(rawMax))) {
      throw new CliError(`Option --max-warnings needs a whole number of warnings (or -1 for no limit), not '${rawMax}'.`);
    }
    maxWarnings = Number(rawMax);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  const rawSize = values['max-file-size'];
  if (rawSize !== undefined) {
    // Above this, the text would not fit in a JavaScript string.
    const most = constants.MAX_STRING_LENGTH;
    if (!/^\d+$/.test(rawSize.trim()) || Number(rawSize) < 1 || Number(rawSize) > most) {
      throw new CliError(`Option --max-file-size needs a whole number of bytes from 1 to ${most}, not '${rawSize}'.`);
    }
    maxFileSize = Number(rawSize);
  }
  if (values.config !== undefined && values['no-config']) {
    throw new CliError('Options --config and --no-config cannot be used together.');
  }
  if (values.color && values['no-color']) throw new CliError('Options --color and --no-color cannot be used together.');
  return {
    patterns: positionals,
    format,
    output: nonEmpty('output', values.output),
    dialect: nonEmpty('dialect', values.dialect),
    config: nonEmpty('config', values.config),
    noConfig: values['no-config'] === true,
    qosProfiles: nonEmpty('qos-profiles', values['qos-profiles']),
    maxWarnings,
    maxFileSize,
    quiet: values.quiet === true,
    stdinFilename: nonEmpty('stdin-filename', values['stdin-filename']),
    color: values['no-color'] ? false : values.color ? true : undefined,
    help: values.help === true,
  };
}
