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
  /** --fix: write the fixes into the files. */
  fix: boolean;
  /** --fix-dry-run: print the fixes as a unified diff, write nothing. */
  fixDryRun: boolean;
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
  // ESLint's name of --output.
  'output-file': { type: 'string' },
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
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;
/** What parseArgs returns for these options (strict, with positionals). */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * The arguments with each negative number that follows an option taking a value joined to it
 * (`--max-warnings -1` → `--max-warnings=-1`). parseArgs refuses a value that starts with a dash
 * after a space as "ambiguous"; ESLint (optionator) takes it, and no option of ours is a digit,
 * so a negative number there can only be the option's value. Anything else is left to parseArgs.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const takesValue = new Map<string, string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string') continue;
    takesValue.set(`--${name}`, name);
    if (option.short !== undefined) takesValue.set(`-${option.short}`, name);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const name = takesValue.get(arg);
    const next = args[i + 1];
    if (name !== undefined && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(arg);
      // The value of an option that takes one is never read as an option of its own.
      if (name !== undefined && next !== undefined && !next.startsWith('-')) out.push(args[++i]!);
    }
  }
  return out;
}

/** Runs parseArgs and turns its errors into one-line usage errors. */
export function parseStrict<O extends Options>(args: string[], options: O, command: string): Parsed<O> {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      let message = firstLine((error as Error).message);
      // "Unknown option '--foo'. To specify a positional argument ..." → keep the first sentence.
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') message = message.replace(/\. To specify a positional[\s\S]*/, '.');
      // "Option '--output' argument is ambiguous": its value is missing (another option came next).
      const ambiguous = /^Option '(-[^' ]+)(?: [^']*)?' argument is ambiguous/.exec(message);
      if (ambiguous) {
        const flag = ambiguous[1]!;
        const long = flag.startsWith('--') ? flag : `--${Object.entries(options).find(([, option]) => `-${option.short}` === flag)?.[0] ?? flag}`;
        message = `Option '${flag}' needs a value; one that starts with '-' is written ${long}=<value>.`;
      }
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
    if (!/^-?\d+$/.test(rawMax.trim()) || !Number.isSafeInteger(Number(rawMax))) {
      throw new CliError(`Option --max-warnings needs a whole number of warnings (or -1 for no limit), not '${rawMax}'.`);
    }
    // As in ESLint, any negative number means no limit.
    maxWarnings = Math.max(-1, Number(rawMax));
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
  if (values.output !== undefined && values['output-file'] !== undefined) {
    throw new CliError('Options --output and --output-file (the same option) cannot be used together.');
  }
  if (values.color && values['no-color']) throw new CliError('Options --color and --no-color cannot be used together.');
  if (values.fix && values['fix-dry-run']) throw new CliError('Options --fix and --fix-dry-run cannot be used together.');
  if (values.fix && positionals.includes('-')) {
    throw new CliError("Option --fix cannot write its fixes into standard input; use --fix-dry-run to see them as a diff.");
  }
  return {
    patterns: positionals,
    format,
    output: values['output-file'] !== undefined ? nonEmpty('output-file', values['output-file']) : nonEmpty('output', values.output),
    dialect: nonEmpty('dialect', values.dialect),
    config: nonEmpty('config', values.config),
    noConfig: values['no-config'] === true,
    qosProfiles: nonEmpty('qos-profiles', values['qos-profiles']),
    maxWarnings,
    maxFileSize,
    quiet: values.quiet === true,
    stdinFilename: nonEmpty('stdin-filename', values['stdin-filename']),
    color: values['no-color'] ? false : values.color ? true : undefined,
    fix: values.fix === true,
    fixDryRun: values['fix-dry-run'] === true,
    help: values.help === true,
  };
}

/** How `qod-policy serve` answers (docs/cli.md, "serve"). */
type ServeMode = 'plain' | 'ext-authz' | 'proxy';

export interface ServeArgs {
  host: string;
  /** 0: any free port (the listening line says which). */
  port: number;
  mode: ServeMode;
  /** The upstream QoD API (proxy mode). */
  upstream: URL | undefined;
  dialect: string | undefined;
  config: string | undefined;
  noConfig: boolean;
  qosProfiles: string | undefined;
  maxBodyBytes: number;
  /** The token-kind header's name; false: ignored (--token-header none). */
  tokenHeader: string | false;
  /** Milliseconds: for the request's headers, for the whole request, idle keep-alive, the upstream's answer, the shutdown grace. */
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  upstreamTimeout: number;
  shutdownTimeout: number;
  help: boolean;
}

const SERVE_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  mode: { type: 'string' },
  upstream: { type: 'string' },
  dialect: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'qos-profiles': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'token-header': { type: 'string' },
  'headers-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  'keep-alive-timeout': { type: 'string' },
  'upstream-timeout': { type: 'string' },
  'shutdown-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A whole number option within bounds, or its default. */
function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number, unit: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new CliError(`Option --${name} needs a whole number of ${unit} from ${min} to ${max}, not '${raw}'.`);
  }
  return value;
}

const DAY_MS = 86_400_000;

export function parseServeArgs(args: string[]): ServeArgs {
  const { values, positionals } = parseStrict(args, SERVE_OPTIONS, 'serve');
  if (positionals.length > 0) throw new CliError(`Unexpected argument '${positionals[0]}'. Run 'qod-policy serve --help' for usage.`);
  if (values.config !== undefined && values['no-config']) throw new CliError('Options --config and --no-config cannot be used together.');
  const rawMode = values.mode;
  if (rawMode !== undefined && rawMode !== 'plain' && rawMode !== 'ext-authz' && rawMode !== 'proxy') {
    throw new CliError(`Unknown mode '${rawMode}' for --mode. Use plain (the default), ext-authz or proxy (with --upstream).`);
  }
  let upstream: URL | undefined;
  const rawUpstream = nonEmpty('upstream', values.upstream);
  if (rawUpstream !== undefined) {
    try {
      upstream = new URL(rawUpstream);
    } catch {
      upstream = undefined;
    }
    if (upstream === undefined || (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') || upstream.search !== '' || upstream.hash !== '' || upstream.username !== '') {
      throw new CliError(`Option --upstream needs an http:// or https:// URL without query, fragment or credentials, not '${rawUpstream}'.`);
    }
  }
  const mode: ServeMode = rawMode ?? (upstream !== undefined ? 'proxy' : 'plain');
  if (mode === 'proxy' && upstream === undefined) throw new CliError('Mode proxy needs --upstream <url>: the QoD API that valid requests are forwarded to.');
  if (mode !== 'proxy' && upstream !== undefined) throw new CliError(`Option --upstream is for the proxy mode, not --mode ${mode}.`);
  const rawHeader = nonEmpty('token-header', values['token-header']);
  if (rawHeader !== undefined && rawHeader !== 'none' && !/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(rawHeader)) {
    throw new CliError(`Option --token-header needs a header name or none, not '${rawHeader}'.`);
  }
  const headersTimeout = wholeNumber('headers-timeout', values['headers-timeout'], 10_000, 1, DAY_MS, 'milliseconds');
  const requestTimeout = wholeNumber('request-timeout', values['request-timeout'], 30_000, 1, DAY_MS, 'milliseconds');
  if (headersTimeout > requestTimeout) throw new CliError(`Option --headers-timeout (${headersTimeout} ms) cannot be longer than --request-timeout (${requestTimeout} ms).`);
  return {
    host: nonEmpty('host', values.host) ?? '127.0.0.1',
    port: wholeNumber('port', values.port, 8080, 0, 65535, 'a port'),
    mode,
    upstream,
    dialect: nonEmpty('dialect', values.dialect),
    config: nonEmpty('config', values.config),
    noConfig: values['no-config'] === true,
    qosProfiles: nonEmpty('qos-profiles', values['qos-profiles']),
    maxBodyBytes: wholeNumber('max-body-bytes', values['max-body-bytes'], 65536, 1, 64 * 1024 * 1024, 'bytes'),
    tokenHeader: rawHeader === 'none' ? false : (rawHeader?.toLowerCase() ?? 'x-qod-token-identifies-device'),
    headersTimeout,
    requestTimeout,
    keepAliveTimeout: wholeNumber('keep-alive-timeout', values['keep-alive-timeout'], 65_000, 1, DAY_MS, 'milliseconds'),
    upstreamTimeout: wholeNumber('upstream-timeout', values['upstream-timeout'], 30_000, 1, DAY_MS, 'milliseconds'),
    shutdownTimeout: wholeNumber('shutdown-timeout', values['shutdown-timeout'], 10_000, 0, DAY_MS, 'milliseconds'),
    help: values.help === true,
  };
}
