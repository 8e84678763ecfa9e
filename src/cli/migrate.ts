// `qod-policy migrate --to <dialect> [--from <dialect>|auto] [--write] <paths>`: carries the request
// bodies of files from one CAMARA version to another with the library's migrate(), and either shows
// what would change (a unified diff per file, then every change, everything lost and what the
// target version still rejects, each with its place) or rewrites the files in place (--write),
// keeping their format: the migration's patch is replayed on the text (JSON, NDJSON: by the
// ranges of the keys and values it touches, src/cli/migrate-json.ts; YAML: on the yaml package's
// Document, src/cli/migrate-yaml.ts), and the text written is read back and must give exactly the
// migrated bodies, or it is not written.
//
// Files are found as lint finds them (src/cli/files.ts), each with its configuration: its dialect
// (with overrides) is the bodies' version when --from is not given, and its policy, rules and
// context judge the result, as `qod-policy lint --dialect <to>` will.
//
// Exit status: 0 nothing lost; 1 something lost (listed); 2 a usage mistake, a file that cannot be
// read or does not parse (listed; with --write, then nothing is written), or a file whose rewrite
// does not read back as the migrated bodies (a bug: nothing is written).

import { writeFileSync } from 'node:fs';
import { createSourceValidator, type SourceValidator } from '../engine/validator.js';
import { displayWidth, escapeJsonText, padEnd, printable, visibleControls } from '../formatters/utils.js';
import { dialectIds, migrate, type DialectId, type Issue, type MigrateResult, type MigrationChange, type MigrationLoss, type ValidateOptions } from '../index.js';
import { decodeUtf8, parseSource, type SourceBody, type SourceKind, type SourceRange } from '../parse/index.js';
import { builtinRules } from '../rules/index.js';
import { parseStrict } from './args.js';
import { ConfigResolver } from './config.js';
import { unifiedDiff } from './diff.js';
import { CliError, systemErrorText } from './errors.js';
import { collectInputs, type Input } from './files.js';
import { readInput } from './lint-file.js';
import { patchJsonText } from './migrate-json.js';
import { patchYamlText } from './migrate-yaml.js';
import { printError, useColor, writeStdout } from './output.js';
import { sniffKind } from './source.js';

// #region Arguments

const FORMATS = ['stylish', 'json'] as const;
type MigrateFormat = (typeof FORMATS)[number];

export interface MigrateArgs {
  patterns: string[];
  to: DialectId;
  /** undefined: each file's configuration says, else 'auto'. */
  from: DialectId | 'auto' | undefined;
  write: boolean;
  format: MigrateFormat;
  config: string | undefined;
  noConfig: boolean;
  color: boolean | undefined;
  help: boolean;
}

const MIGRATE_OPTIONS = {
  to: { type: 'string' },
  from: { type: 'string' },
  write: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function isDialectId(value: string): value is DialectId {
  return (dialectIds as readonly string[]).includes(value);
}

/** Reads the arguments of `qod-policy migrate`; every mistake is a CliError (status 2). */
export function parseMigrateArgs(args: string[]): MigrateArgs {
  const { values, positionals } = parseStrict(args, MIGRATE_OPTIONS, 'migrate');
  const help = values.help === true;
  const dialects = dialectIds.join(', ');
  const to = values.to?.trim();
  if (!help && (to === undefined || to === '')) throw new CliError(`Option --to is required: the dialect to migrate to (${dialects}). Run 'qod-policy migrate --help' for usage.`);
  if (to !== undefined && !help && !isDialectId(to)) throw new CliError(`Unknown dialect '${to}' for --to. Use one of: ${dialects}.`);
  const from = values.from?.trim();
  if (from !== undefined && from !== 'auto' && !isDialectId(from)) throw new CliError(`Unknown dialect '${from}' for --from. Use auto or one of: ${dialects}.`);
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`Unknown format '${format}' for migrate. Use one of: ${FORMATS.join(', ')}.`);
  if (values.config !== undefined && values['no-config']) throw new CliError('Options --config and --no-config cannot be used together.');
  if (values.color && values['no-color']) throw new CliError('Options --color and --no-color cannot be used together.');
  if (!help && positionals.length === 0) throw new CliError("No files to migrate: name the files, folders or globs (e.g. 'qod-policy migrate --to qod-1.2 fixtures/').");
  if (positionals.includes('-')) throw new CliError("migrate reads and rewrites files: standard input ('-') is not one. Name the files, folders or globs.");
  return {
    patterns: positionals,
    to: (to ?? 'qod-1.2') as DialectId,
    from: from as DialectId | 'auto' | undefined,
    write: values.write === true,
    format: format as MigrateFormat,
    config: values.config,
    noConfig: values['no-config'] === true,
    color: values['no-color'] ? false : values.color ? true : undefined,
    help,
  };
}

// #endregion
// #region Migrating a file

/** Where something is: in the file as it was (`before`) or in the migrated text (`after`). */
interface Place {
  readonly side: 'before' | 'after';
  readonly range: SourceRange;
}

interface PlacedEntry {
  readonly kind: 'change' | 'lost';
  readonly entry: MigrationChange | MigrationLoss;
  readonly beforeRange?: SourceRange;
  readonly afterRange?: SourceRange;
}

interface MigratedBody {
  readonly index: number;
  readonly result: MigrateResult;
  readonly entries: readonly PlacedEntry[];
  /** The target's report of the migrated body, placed in the migrated text. */
  readonly issues: readonly Issue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

interface FileOutcome {
  readonly input: Input;
  /** The text as read and as migrated (without a BOM); equal when nothing changes. */
  readonly before: string;
  readonly after: string;
  readonly bom: boolean;
  readonly bodies: readonly MigratedBody[];
  /** Findings that stop the file from being migrated: it does not parse. */
  readonly problems: readonly Issue[];
  /** The rewrite did not read back as the migrated bodies (a bug): the file is not written. */
  readonly failure?: string;
}

/** The line break a text uses (its first one), LF when it has none. */
function lineBreakOf(text: string): string {
  const at = text.search(/[\r\n]/);
  if (at < 0) return '\n';
  return text[at] === '\r' ? (text[at + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** The spans of an NDJSON text's bodies: its lines that are not blank, as the parse layer counts them. */
function ndjsonLines(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (!/^[ \t]*$/.test(text.slice(start, end))) spans.push([start, end]);
    if (end >= text.length) break;
    start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  }
  return spans;
}

/** The text with each body's patch replayed on it. */
function rewrite(text: string, kind: SourceKind, results: readonly MigrateResult[], printed = false): string {
  const eol = lineBreakOf(text);
  if (kind === 'json') return patchJsonText(text, results[0]!.patch, { eol });
  if (kind === 'yaml') return patchYamlText(text, results.map((r) => r.patch), eol, printed);
  let out = '';
  let at = 0;
  ndjsonLines(text).forEach(([start, end], i) => {
    out += text.slice(at, start) + patchJsonText(text.slice(start, end), results[i]!.patch, { eol, oneLine: true });
    at = end;
  });
  return out + text.slice(at);
}

/**
 * Whether a text reads back as exactly the migrated bodies (values and key order), with no finding
 * of the parse layer. A body the migration could not read (nested too deep) stays as it was.
 */
function readsBackAs(text: string, kind: SourceKind, results: readonly MigrateResult[], sources: readonly SourceBody[]): SourceBody[] | undefined {
  const bodies = parseSource(text, kind);
  if (bodies.length !== results.length) return undefined;
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i]!;
    const expected = results[i]!.body === undefined ? sources[i]!.value : results[i]!.body;
    if (body.problems.length > 0 || !('value' in body) || JSON.stringify(body.value) !== JSON.stringify(expected)) return undefined;
  }
  return bodies;
}

function rangeOf(body: SourceBody, pointer: string, member: boolean): SourceRange | undefined {
  try {
    return body.locatePlaces([{ pointer, member }])[0];
  } catch {
    return undefined;
  }
}

/** The options of a migration's report: the file's, without the dialect (the target's). */
function reportOptions(options: ValidateOptions): Omit<ValidateOptions, 'dialect'> {
  const { dialect: _dialect, ...rest } = options;
  return rest;
}

/** Migrates the bodies of one file in memory. Throws a CliError when it cannot be read. */
function migrateFile(input: Input, args: MigrateArgs, judges: Map<ValidateOptions, SourceValidator>): FileOutcome {
  const bytes = readInput(input, MAX_FILE_SIZE);
  if ('tooLarge' in bytes) throw new CliError(`'${input.filePath}' is larger than ${MAX_FILE_SIZE} bytes: too large to migrate.`);
  const decoded = decodeUtf8(bytes);
  const kind: SourceKind = input.kind ?? (decoded === undefined ? 'json' : sniffKind(decoded));
  const sources = parseSource(decoded ?? bytes, kind);
  const problems = sources.flatMap((body) => body.problems);
  const bom = decoded?.charCodeAt(0) === 0xfeff;
  const text = decoded === undefined ? '' : bom ? decoded.slice(1) : decoded;
  if (problems.length > 0 || decoded === undefined) return { input, before: text, after: text, bom, bodies: [], problems };

  const options = input.config.optionsFor(input.path);
  // --from, else the file's configuration (with its overrides), else detected from each body.
  const from = options.dialect ?? 'auto';
  const results = sources.map((body) => migrate(body.value, { from, to: args.to, validateOptions: reportOptions(options) }));
  const changes = results.some((result) => result.patch.length > 0);
  let after = text;
  let migrated: SourceBody[] | undefined = sources;
  if (changes) {
    migrated = undefined;
    for (const printed of kind === 'yaml' ? [false, true] : [false]) {
      try {
        after = rewrite(text, kind, results, printed);
      } catch {
        continue;
      }
      migrated = readsBackAs(after, kind, results, sources);
      if (migrated !== undefined) break;
    }
    if (migrated === undefined) {
      return { input, before: text, after: text, bom, bodies: [], problems: [], failure: 'its rewritten text does not read back as the migrated bodies (a bug in qod-policy: please report it)' };
    }
  }

  let judge = judges.get(options);
  if (judge === undefined) {
    judge = createSourceValidator(builtinRules, { ...options, dialect: args.to });
    judges.set(options, judge);
  }
  const bodies = results.map((result, i): MigratedBody => {
    const source = sources[i]!;
    const target = migrated![i]!;
    const place = (entry: MigrationChange | MigrationLoss, kindOf: 'change' | 'lost'): PlacedEntry => {
      const placed: { -readonly [K in keyof PlacedEntry]: PlacedEntry[K] } = { kind: kindOf, entry };
      if (entry.before !== undefined) placed.beforeRange = rangeOf(source, entry.before, kindOf === 'change');
      if (entry.after !== undefined) placed.afterRange = rangeOf(target, entry.after, kindOf === 'change');
      return placed;
    };
    const report = result.route.length > 1 ? judge.validateSource(target) : undefined;
    return {
      index: source.index,
      result,
      entries: [...result.changes.map((c) => place(c, 'change')), ...result.lost.map((l) => place(l, 'lost'))],
      issues: report?.issues ?? [],
      errorCount: report?.errorCount ?? 0,
      warningCount: report?.warningCount ?? 0,
    };
  });
  return { input, before: text, after, bom, bodies, problems: [] };
}

/** Files larger than this are not migrated (as lint's default --max-file-size). */
const MAX_FILE_SIZE = 64 * 1024 * 1024;

// #endregion
// #region Output

const RED = ['\u001b[31m', '\u001b[39m'] as const;
const GREEN = ['\u001b[32m', '\u001b[39m'] as const;
const YELLOW = ['\u001b[33m', '\u001b[39m'] as const;
const CYAN = ['\u001b[36m', '\u001b[39m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const DIM = ['\u001b[2m', '\u001b[22m'] as const;
const UNDERLINE = ['\u001b[4m', '\u001b[24m'] as const;

type Paint = (text: string, style: readonly [string, string]) => string;

/** A file path as a heading: printable, never starting with ':' (a GitHub Actions workflow command). */
function heading(filePath: string): string {
  const shown = printable(filePath);
  return /^\s*:/.test(shown) ? `./${shown}` : shown;
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

function position(place: Place | undefined): string {
  if (place === undefined) return '';
  return `${place.side === 'before' ? '-' : '+'}${place.range.line}:${place.range.column}`;
}

function pointer(path: string): string {
  return path === '' ? '(body)' : path;
}

interface Row {
  readonly where: string;
  readonly body: string;
  readonly kind: 'change' | 'lost' | 'error';
  readonly pointers: string;
  readonly message: string;
  readonly id: string;
}

function entryRow(placed: PlacedEntry, body: string): Row {
  const { entry, kind } = placed;
  // A change is shown where its value is now; a loss where the value was, or where one is missing.
  const place: Place | undefined =
    kind === 'change'
      ? placed.afterRange !== undefined ? { side: 'after', range: placed.afterRange } : placed.beforeRange && { side: 'before', range: placed.beforeRange }
      : placed.beforeRange !== undefined ? { side: 'before', range: placed.beforeRange } : placed.afterRange && { side: 'after', range: placed.afterRange };
  const pointers = entry.before !== undefined && entry.after !== undefined
    ? entry.before === entry.after ? entry.before : `${pointer(entry.before)} → ${pointer(entry.after)}`
    : entry.before !== undefined ? pointer(entry.before) : `→ ${pointer(entry.after ?? '')}`;
  return { where: position(place), body, kind, pointers: printable(pointers), message: printable(entry.message).replace(/([^ .])\.$/, '$1'), id: entry.messageId };
}

function issueRow(issue: Issue, body: string, side: Place['side']): Row {
  const range = issue.line === undefined ? undefined : { line: issue.line, column: issue.column ?? 1, endLine: issue.endLine ?? issue.line, endColumn: issue.endColumn ?? 1 };
  return { where: position(range && { side, range }), body, kind: 'error', pointers: printable(pointer(issue.path)), message: printable(issue.message).replace(/([^ .])\.$/, '$1'), id: printable(issue.ruleId) };
}

function width(rows: readonly Row[], key: keyof Row): number {
  return rows.reduce((max, row) => Math.max(max, displayWidth(row[key])), 0);
}

function table(rows: readonly Row[], paint: Paint): string {
  const w = { where: width(rows, 'where'), body: width(rows, 'body'), kind: width(rows, 'kind'), id: width(rows, 'id'), pointers: width(rows, 'pointers') };
  const kindStyle = { change: DIM, lost: YELLOW, error: RED } as const;
  let out = '';
  for (const row of rows) {
    const cells = [
      paint(padEnd(row.where, w.where), DIM),
      ...(w.body > 0 ? [paint(padEnd(row.body, w.body), DIM)] : []),
      paint(padEnd(row.kind, w.kind), kindStyle[row.kind]),
      paint(padEnd(row.id, w.id), DIM),
      padEnd(row.pointers, w.pointers),
      row.message,
    ];
    out += `  ${cells.join('  ')}`.trimEnd() + '\n';
  }
  return out;
}

/** The diff of a file, coloured like git's when colour is on. */
function diffText(outcome: FileOutcome, to: DialectId, paint: Paint): string {
  // A file name may hold line breaks or escape sequences: shown escaped, as everywhere.
  const name = printable(outcome.input.filePath);
  const diff = unifiedDiff(outcome.before, outcome.after, { before: name, after: `${name} (${to})` }, visibleControls);
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('--- ') || line.startsWith('+++ ')) return paint(line, BOLD);
      if (line.startsWith('@@')) return paint(line, CYAN);
      if (line.startsWith('-')) return paint(line, RED);
      if (line.startsWith('+')) return paint(line, GREEN);
      return line;
    })
    .join('\n');
}

interface Totals {
  files: number;
  changed: number;
  changes: number;
  lost: number;
  errors: number;
  broken: number;
}

function totalsOf(outcomes: readonly FileOutcome[]): Totals {
  const totals: Totals = { files: outcomes.length, changed: 0, changes: 0, lost: 0, errors: 0, broken: 0 };
  for (const outcome of outcomes) {
    if (outcome.problems.length > 0 || outcome.failure !== undefined) totals.broken++;
    if (outcome.after !== outcome.before) totals.changed++;
    for (const body of outcome.bodies) {
      totals.changes += body.result.changes.length;
      totals.lost += body.result.lost.length;
      totals.errors += body.errorCount;
    }
  }
  return totals;
}

function stylish(outcomes: readonly FileOutcome[], args: MigrateArgs, written: boolean, paint: Paint): string {
  let out = '';
  if (!args.write) for (const outcome of outcomes) if (outcome.after !== outcome.before) out += diffText(outcome, args.to, paint);
  for (const outcome of outcomes) {
    const multiBody = outcome.bodies.length > 1;
    const rows: Row[] = outcome.problems.map((issue) => issueRow(issue, '', 'before'));
    for (const body of outcome.bodies) {
      if (body.result.route.length === 1) continue;
      const tag = multiBody ? `[${body.index}]` : '';
      for (const placed of body.entries) rows.push(entryRow(placed, tag));
      // What the target still rejects (its warnings are lint's to show).
      for (const issue of body.issues) if (issue.severity === 'error') rows.push(issueRow(issue, tag, 'after'));
    }
    if (rows.length === 0 && outcome.failure === undefined) continue;
    const routes = [...new Set(outcome.bodies.filter((b) => b.result.route.length > 1).map((b) => `${b.result.from} → ${b.result.to}`))];
    out += `\n${paint(heading(outcome.input.filePath), UNDERLINE)}${routes.length > 0 ? `  ${paint(routes.join(', '), DIM)}` : ''}\n`;
    if (outcome.failure !== undefined) out += `  ${paint('not migrated', RED)}: ${outcome.failure}\n`;
    out += table(rows, paint);
  }
  out += `\n${summary(totalsOf(outcomes), args, written)}\n`;
  return out;
}

function summary(t: Totals, args: MigrateArgs, written: boolean): string {
  const parts = [plural(t.changes, 'change'), `${t.lost} lost`];
  if (t.errors > 0) parts.push(`${plural(t.errors, 'error')} under ${args.to}`);
  let text = `${args.to}: ${t.changed} of ${plural(t.files, 'file')} ${t.changed === 1 ? 'changes' : 'change'} (${parts.join(', ')}).`;
  if (t.broken > 0) text += ` ${plural(t.broken, 'file')} could not be migrated (above).`;
  if (t.changed > 0) text += written ? ' Written.' : args.write ? ' Nothing written.' : ' Nothing written: --write rewrites the files.';
  return text;
}

function placeOf(range: SourceRange | undefined): SourceRange | undefined {
  return range && { line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

/** --format json: one object per file (docs/migrate.md, "The command"). */
function json(outcomes: readonly FileOutcome[], args: MigrateArgs, written: boolean): string {
  const files = outcomes.map((outcome) => {
    const changed = outcome.after !== outcome.before;
    const file: Record<string, unknown> = {
      filePath: outcome.input.filePath,
      changed,
      written: written && changed,
      diff: changed ? unifiedDiff(outcome.before, outcome.after, { before: outcome.input.filePath, after: `${outcome.input.filePath} (${args.to})` }) : '',
      bodies: outcome.bodies.map((body) => {
        const entry = (placed: PlacedEntry) => {
          const out: Record<string, unknown> = { ...placed.entry };
          const before = placeOf(placed.beforeRange);
          const after = placeOf(placed.afterRange);
          if (before !== undefined) out.beforeRange = before;
          if (after !== undefined) out.afterRange = after;
          return out;
        };
        return {
          index: body.index,
          from: body.result.from,
          to: body.result.to,
          route: body.result.route,
          changes: body.entries.filter((e) => e.kind === 'change').map(entry),
          lost: body.entries.filter((e) => e.kind === 'lost').map(entry),
          valid: body.errorCount === 0,
          errorCount: body.errorCount,
          warningCount: body.warningCount,
          issues: body.issues,
        };
      }),
    };
    if (outcome.problems.length > 0) file.problems = outcome.problems;
    if (outcome.failure !== undefined) file.failure = outcome.failure;
    return file;
  });
  return `${escapeJsonText(JSON.stringify(files))}\n`;
}

// #endregion

/** Runs `qod-policy migrate`; resolves to the exit status. */
export async function migrateCommand(args: MigrateArgs): Promise<number> {
  const cwd = process.cwd();
  const configs = new ConfigResolver({ cwd, configPath: args.config, noLookup: args.noConfig, cli: { dialect: args.from } });
  let collected: Awaited<ReturnType<typeof collectInputs>>;
  try {
    collected = await collectInputs(args.patterns, { cwd, configs });
  } catch (error) {
    // The messages of the file search speak of linting.
    if (error instanceof CliError) throw new CliError(error.message.replace('No files to lint', 'No files to migrate'));
    throw error;
  }
  for (const { pattern, configName } of collected.ignoredExplicit) {
    printError(`'${pattern}' is ignored by ${configName ?? 'the configuration'} ('ignores'); not migrated.`);
  }
  const judges = new Map<ValidateOptions, SourceValidator>();
  const outcomes = collected.inputs.map((input) => migrateFile(input, args, judges));
  const broken = outcomes.filter((outcome) => outcome.problems.length > 0 || outcome.failure !== undefined);

  // Every file is migrated in memory first: with --write, nothing is written unless all of them can be.
  let written = false;
  if (args.write && broken.length === 0) {
    for (const outcome of outcomes) {
      if (outcome.after === outcome.before) continue;
      try {
        writeFileSync(outcome.input.rawPath ?? outcome.input.path!, (outcome.bom ? '\ufeff' : '') + outcome.after);
      } catch (error) {
        throw new CliError(`Cannot write '${outcome.input.filePath}': ${systemErrorText(error)}.`);
      }
    }
    written = true;
  }

  const paint: Paint = useColor(args.color, process.stdout.isTTY === true)
    ? (text, [open, close]) => (text === '' ? text : open + text + close)
    : (text) => text;
  await writeStdout(args.format === 'json' ? json(outcomes, args, written) : stylish(outcomes, args, written, paint));
  if (broken.length > 0) {
    const what = broken.length === 1 ? `'${broken[0]!.input.filePath}' could not be migrated` : `${broken.length} files could not be migrated`;
    printError(`${what} (listed above)${args.write ? ': nothing was written' : ''}.`);
    return 2;
  }
  return outcomes.some((outcome) => outcome.bodies.some((body) => body.result.lost.length > 0)) ? 1 : 0;
}
