// `qod-policy probe`: tests a running QoD API against CAMARA with a suite built from the rules
// (src/probe/; docs/probe.md). This file only reads the options, the configuration and the files
// they name, hands them to src/probe/, writes the report (or the suite, with --list and --write),
// handles SIGINT/SIGTERM, and picks the exit status: 0 every case passed, 1 not, 2 usage.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ValidateOptions } from '../index.js';
import { formatRun, formatSuite, probeFormats, type ProbeFormat } from '../probe/formats.js';
import { OWN_HEADERS, passed, runProbe } from '../probe/runner.js';
import { buildSuite, ProbeSetupError } from '../probe/suite.js';
import type { SessionRecord, TokenKind } from '../probe/types.js';
import { BODIES, MANIFEST, MANIFEST_TOOL, suiteFiles } from '../probe/write.js';
import { parseStrict } from './args.js';
import { loadConfig } from './config.js';
import { parseDataFile } from './data-file.js';
import { CliError, configErrorMessage, systemErrorText } from './errors.js';
import { printError, useColor, writeReport, writeStdout } from './output.js';
import { loadQosProfiles } from './qos-profiles.js';
import { packageVersion } from './version.js';

export const PROBE_HELP = `Usage: qod-policy probe <base-url> [options]
       qod-policy probe --list [options]
       qod-policy probe --write <dir> [options]

Tests a running QoD API: sends request bodies that CAMARA says it must reject, each built from a
valid body by a documented mutation and checked with qod-policy first, as POST <base-url>/sessions,
one at a time, and checks each answer: status, code, CAMARA ErrorInfo, x-correlator echo, content
type. Nothing valid is sent unless --include-valid. See docs/probe.md.

Options:
      --dialect <id>            API version the endpoint implements: qod-1.2, qod-1.1, qod-1.0,
                                qod-0.11, qod-0.10, qod-0.9, qod-0.8 or qod-sdk (default: config, else qod-1.2)
      --token-kind <kind>       two-legged or three-legged: the kind of access token the headers carry
  -H, --header <'Name: value'>  a request header (repeatable), e.g. 'Authorization: Bearer ...'
      --header-file <file>      request headers from a file, one 'Name: value' a line (# comments)
  -c, --config <file>           the endpoint's configuration (.json or .mjs) instead of looking one up
      --no-config               do not look up a configuration file
      --qos-profiles <file>     the endpoint's QoS-profile catalogue (JSON or YAML)
      --base <file>             the valid body every case starts from (JSON or YAML; default built in)
      --include-valid           also send the valid body (it creates a session, deleted at once)
      --timeout <ms>            time for each request to be answered (default 10000)
      --rate <n>                at most n requests a second (default 5; 0: no limit)
      --max-connection-failures <n>  stop after n requests got no answer (default 3)
      --list                    print the suite (stylish or json), send nothing
      --write <dir>             write the suite as files with a manifest, send nothing
  -f, --format <name>           stylish (default), json, junit or sarif
  -o, --output <file>           write the report to a file instead of stdout
      --color, --no-color       force colour on or off (NO_COLOR always turns it off)
  -h, --help                    show this help

Exit status: 0 every case passed (and every session created was deleted), or the suite was
listed or written; 1 a case failed or was not run; 2 bad usage or configuration. SIGINT or SIGTERM
finish the request in flight, delete the sessions created, report and exit 1.
`;

const PROBE_OPTIONS = {
  dialect: { type: 'string' },
  'token-kind': { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  'header-file': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'qos-profiles': { type: 'string' },
  base: { type: 'string' },
  'include-valid': { type: 'boolean' },
  timeout: { type: 'string' },
  rate: { type: 'string' },
  'max-connection-failures': { type: 'string' },
  list: { type: 'boolean' },
  write: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ProbeArgs {
  baseUrl: URL | undefined;
  dialect: string | undefined;
  tokenKind: TokenKind | undefined;
  headers: [string, string][];
  config: string | undefined;
  noConfig: boolean;
  qosProfiles: string | undefined;
  base: string | undefined;
  includeValid: boolean;
  timeoutMs: number;
  rate: number;
  maxConnectionFailures: number;
  list: boolean;
  write: string | undefined;
  format: ProbeFormat;
  output: string | undefined;
  color: boolean | undefined;
  help: boolean;
}

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number, unit: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw new CliError(`Option --${name} needs a whole number of ${unit} from ${min} to ${max}, not '${raw}'.`);
  return value;
}

function given(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new CliError(`Option --${name} needs a value.`);
  return value;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/** 'Name: value' → [name, value]; `where` names the option or file line in messages. */
function parseHeader(text: string, where: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  // The value is never quoted back: it is usually a credential.
  if (!HEADER_NAME.test(name)) throw new CliError(`${where} needs 'Name: value' with a header name before the colon.`);
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new CliError(`${where}: the value of ${name} has a line break or NUL.`);
  if (OWN_HEADERS.includes(name.toLowerCase())) throw new CliError(`${where}: the probe sets ${name.toLowerCase()} itself.`);
  return [name, value];
}

function readHeaderFile(file: string, cwd: string): [string, string][] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the header file '${file}': ${systemErrorText(error)}.`);
  }
  const headers: [string, string][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    headers.push(parseHeader(line, `${file}:${i + 1}`));
  });
  return headers;
}

export function parseProbeArgs(args: string[], cwd = process.cwd()): ProbeArgs {
  const { values, positionals } = parseStrict(args, PROBE_OPTIONS, 'probe');
  if (positionals.length > 1) throw new CliError(`Unexpected argument '${positionals[1]}'. Run 'qod-policy probe --help' for usage.`);
  const list = values.list === true;
  const write = given('write', values.write);
  let baseUrl: URL | undefined;
  const raw = positionals[0];
  if (raw !== undefined) {
    if (list || write !== undefined) throw new CliError('Options --list and --write send nothing: leave out the base URL.');
    try {
      baseUrl = new URL(raw);
    } catch {
      baseUrl = undefined;
    }
    if (baseUrl === undefined || (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') || baseUrl.search !== '' || baseUrl.hash !== '' || baseUrl.username !== '' || baseUrl.password !== '') {
      throw new CliError(`The base URL must be an http:// or https:// URL without query, fragment or credentials, not '${raw}'.`);
    }
  } else if (!list && write === undefined && values.help !== true) {
    throw new CliError("qod-policy probe needs the API's base URL (requests go to <base-url>/sessions), or --list or --write. Run 'qod-policy probe --help' for usage.");
  }
  const format = values.format ?? 'stylish';
  if (!(probeFormats as readonly string[]).includes(format)) throw new CliError(`Unknown format '${format}'. Use one of: ${probeFormats.join(', ')}.`);
  if (list && format !== 'stylish' && format !== 'json') throw new CliError(`Option --list prints stylish or json, not ${format}.`);
  const tokenKind = values['token-kind'];
  if (tokenKind !== undefined && tokenKind !== 'two-legged' && tokenKind !== 'three-legged') {
    throw new CliError(`Unknown token kind '${tokenKind}' for --token-kind. Use two-legged or three-legged.`);
  }
  if (values.config !== undefined && values['no-config']) throw new CliError('Options --config and --no-config cannot be used together.');
  if (values.color && values['no-color']) throw new CliError('Options --color and --no-color cannot be used together.');
  const headers = (values.header ?? []).map((text) => parseHeader(text, 'Option --header'));
  const headerFile = given('header-file', values['header-file']);
  if (headerFile !== undefined) headers.push(...readHeaderFile(headerFile, cwd));
  return {
    baseUrl,
    dialect: given('dialect', values.dialect),
    tokenKind,
    headers,
    config: given('config', values.config),
    noConfig: values['no-config'] === true,
    qosProfiles: given('qos-profiles', values['qos-profiles']),
    base: given('base', values.base),
    includeValid: values['include-valid'] === true,
    timeoutMs: whole('timeout', values.timeout, 10_000, 1, 600_000, 'milliseconds'),
    rate: whole('rate', values.rate, 5, 0, 10_000, 'requests a second'),
    maxConnectionFailures: whole('max-connection-failures', values['max-connection-failures'], 3, 1, 1000, 'requests'),
    list,
    write,
    format: format as ProbeFormat,
    output: given('output', values.output),
    color: values['no-color'] ? false : values.color ? true : undefined,
    help: values.help === true,
  };
}

function readBase(file: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the base body '${file}': ${systemErrorText(error)}.`);
  }
  return parseDataFile(text, /\.ya?ml$/i.test(file) ? 'yaml' : 'json', file);
}

/** Writes the suite's files; the folder must be new, empty, or a suite written before (whose bodies are replaced). */
function writeSuiteFiles(dir: string, files: { path: string; text: string }[], cwd: string): void {
  const root = resolve(cwd, dir);
  const fail = (error: unknown) => new CliError(`Cannot write the suite to '${dir}': ${systemErrorText(error)}.`);
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) throw new CliError(`Cannot write the suite to '${dir}': it is a file, not a folder.`);
    const entries = readdirSync(root);
    if (entries.length > 0) {
      let tool: unknown;
      try {
        tool = (JSON.parse(readFileSync(join(root, MANIFEST), 'utf8')) as { tool?: unknown }).tool;
      } catch {
        tool = undefined;
      }
      if (tool !== MANIFEST_TOOL) throw new CliError(`Cannot write the suite to '${dir}': the folder is not empty and holds no suite written before.`);
      rmSync(join(root, BODIES), { recursive: true, force: true });
    }
  }
  try {
    for (const file of files) {
      const path = join(root, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
  } catch (error) {
    throw fail(error);
  }
}

/** Runs `qod-policy probe`; resolves to the exit status. */
export async function probeCommand(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  const args = parseProbeArgs(argv, cwd);
  if (args.help) {
    await writeStdout(PROBE_HELP);
    return 0;
  }
  const qosProfiles = args.qosProfiles === undefined ? undefined : loadQosProfiles(args.qosProfiles, cwd);
  const config = await loadConfig({ cwd, configPath: args.config, noLookup: args.noConfig, cli: { dialect: args.dialect, qosProfiles, defaultDialect: 'qod-1.2' } });
  const options: ValidateOptions = config.options;
  const base = args.base === undefined ? undefined : readBase(args.base, cwd);
  let suite;
  try {
    suite = buildSuite({ options, ...(args.tokenKind === undefined ? {} : { tokenKind: args.tokenKind }), base, includeValid: args.includeValid });
  } catch (error) {
    if (error instanceof ProbeSetupError) throw new CliError(error.message);
    const message = configErrorMessage(error);
    if (message !== undefined) throw new CliError(`${config.name ?? 'command line'}: ${message}`);
    throw error;
  }
  const context = { color: useColor(args.color, args.output === undefined && process.stdout.isTTY === true), version: packageVersion() };
  const emit = async (text: string) => {
    const output = text.endsWith('\n') ? text : `${text}\n`;
    if (args.output !== undefined) writeReport(args.output, output, cwd);
    else await writeStdout(output);
  };

  if (args.write !== undefined) writeSuiteFiles(args.write, suiteFiles(suite, options, context.version), cwd);
  if (args.list) await emit(formatSuite(suite, args.format === 'json' ? 'json' : 'stylish', context));
  if (args.write !== undefined || args.list) return 0;

  // SIGINT/SIGTERM: the first finishes the request in flight and deletes the sessions created; a
  // second stops at once, naming the sessions left behind.
  const controller = new AbortController();
  const sessions: SessionRecord[] = [];
  const onSignal = () => {
    if (!controller.signal.aborted) {
      printError('interrupted: finishing the request in flight, then deleting the sessions created (a second signal stops at once).');
      controller.abort();
      return;
    }
    const left = sessions.filter((record) => !record.deleted).map((record) => record.sessionId);
    printError(left.length === 0 ? 'stopped.' : `stopped; sessions NOT deleted: ${left.join(', ')}.`);
    process.exit(1);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let run;
  try {
    run = await runProbe(suite, {
      baseUrl: args.baseUrl!,
      headers: args.headers,
      timeoutMs: args.timeoutMs,
      rate: args.rate,
      maxConnectionFailures: args.maxConnectionFailures,
      signal: controller.signal,
      sessions,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  await emit(formatRun(run, args.format, context));
  return passed(run) ? 0 : 1;
}
