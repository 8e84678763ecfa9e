// The configuration file: lookup (from each linted file's folder upward, as ESLint's flat config
// does; or --config), loading (.json, .jsonc, and JavaScript as .js, .mjs or .cjs), shape checks
// against schemas/config.schema.json (the library's own, so that the command line and
// createValidator accept the same keys and say the same about a mistake), with one clear message
// naming the file; which files a run without paths lints ('files'); overrides and ignores by glob,
// and one validator per distinct combination of overrides.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkConfigFileShape } from '../engine/config-schema.js';
import { showValue } from '../engine/schema-messages.js';
import { createSourceValidator, type SourceValidator } from '../engine/validator.js';
import { dialectIds } from '../dialects/index.js';
import type { Plugin, QosProfile, ValidateOptions } from '../index.js';
import { builtinRules } from '../rules/index.js';
import { trimEnd } from '../shared/text.js';
import { parseDataFile, stripJsonComments } from './data-file.js';
import { describeThrown } from '../shared/errors.js';
import { CliError, configErrorMessage, isCliError } from './errors.js';
import { compileConfigGlobs } from './glob.js';
import { importModule } from './module-import.js';

/** The names a configuration file may have; two of them in one folder is an error. */
export const CONFIG_NAMES = ['qod-policy.config.json', 'qod-policy.config.jsonc', 'qod-policy.config.js', 'qod-policy.config.mjs', 'qod-policy.config.cjs'] as const;

/**
 * What a run without paths lints when the configuration has no 'files': the usual places of
 * request fixtures, and files that say what they are by their name (relative to the
 * configuration's folder, else the working directory).
 */
export const DEFAULT_FILES: readonly string[] = ['fixtures/**', 'test/fixtures/**', 'tests/fixtures/**', '**/*.qod.{json,ndjson,jsonl,yaml,yml}'];

/** What the command line sets on top of every configuration. */
export interface CliSettings {
  dialect?: string | undefined;
  qosProfiles?: QosProfile[] | undefined;
  /** The dialect when neither the configuration nor --dialect names one: 'auto' for lint, the library's default for serve. */
  defaultDialect?: NonNullable<ValidateOptions['dialect']>;
}

interface Override {
  readonly matches: (relativePath: string) => boolean;
  /** The override's own options (before merging). */
  readonly raw: ValidateOptions;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The configuration file in this folder itself (not above); undefined when there is none. */
function configIn(dir: string): string | undefined {
  const found = CONFIG_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path));
  if (found.length > 1) {
    const names = found.map((path) => basename(path));
    const list = names.length === 2 ? `Both ${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    throw new CliError(`${list} exist in '${dir}': keep only one.`);
  }
  return found[0];
}

/**
 * Finds a configuration file from `dir` upward to the root of the file system (as ESLint's flat
 * config does: there is no `root` marker that stops the search); undefined when there is none.
 * `cache` remembers the answer for every folder passed on the way.
 */
function findConfig(dir: string, cache?: Map<string, string | undefined>): string | undefined {
  const passed: string[] = [];
  let current = resolve(dir);
  let found: string | undefined;
  for (;;) {
    if (cache?.has(current)) {
      found = cache.get(current);
      break;
    }
    passed.push(current);
    found = configIn(current);
    if (found !== undefined) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of passed) cache?.set(folder, found);
  return found;
}

/** A file name's extension, lower case: 'json', 'mjs', ... */
function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(dot + 1).toLowerCase();
}

/**
 * Reads a configuration file: JSON; JSON with comments (.jsonc: comments and trailing commas);
 * or a JavaScript module whose default export (an ES module's `export default`, a CommonJS
 * module's `module.exports`) is the configuration. A .js file is an ES module or CommonJS as the
 * nearest package.json's "type" says, as Node decides.
 */
async function readConfigFile(path: string, name: string): Promise<{ raw: unknown; module: boolean }> {
  const extension = extensionOf(path);
  if (extension === 'json' || extension === 'jsonc') {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new CliError(`Cannot read the configuration file '${name}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    return { raw: parseDataFile(extension === 'jsonc' ? stripJsonComments(text, name) : text, 'json', name), module: false };
  }
  if (extension === 'mjs' || extension === 'js' || extension === 'cjs') {
    if (!existsSync(path)) throw new CliError(`Cannot read the configuration file '${name}': ENOENT.`);
    let loaded: { default?: unknown };
    try {
      loaded = (await importModule(pathToFileURL(path).href)) as { default?: unknown };
    } catch (error) {
      // The module's own code threw, which can be anything (describeThrown never throws).
      throw new CliError(`${name}: cannot be loaded: ${describeThrown(error)}`);
    }
    if (loaded.default === undefined) throw new CliError(`${name}: has no default export (export default { rules: { ... } }).`);
    return { raw: loaded.default, module: true };
  }
  throw new CliError(`${name}: a configuration file must be .json, .jsonc, .js, .mjs or .cjs.`);
}

/**
 * The library's options from one options object of the file (the top level or an override),
 * whose shape the schema has checked: without the file-only keys, and with context.now, which a
 * JSON file can only write as a date-time string, as a Date.
 */
function toOptions(raw: Record<string, unknown>, where: string): ValidateOptions {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema' || key === 'overrides' || key === 'ignores' || key === 'files') continue;
    options[key] = value;
  }
  const context = raw.context as Record<string, unknown> | undefined;
  const now = context?.now;
  if (now !== undefined && !(now instanceof Date)) {
    const date = typeof now === 'string' ? new Date(now) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) {
      throw new CliError(`${where}context.now must be a date-time string such as 2026-01-31T12:00:00Z (got ${showValue(now)}).`);
    }
    options.context = { ...context, now: date };
  }
  return options as ValidateOptions;
}

function merge(base: ValidateOptions, extra: ValidateOptions): ValidateOptions {
  const merged: ValidateOptions = { ...base, ...extra };
  if (base.rules !== undefined || extra.rules !== undefined) merged.rules = { ...base.rules, ...extra.rules };
  if (base.policy !== undefined || extra.policy !== undefined) merged.policy = { ...base.policy, ...extra.policy };
  if (base.context !== undefined || extra.context !== undefined) merged.context = { ...base.context, ...extra.context };
  if (base.plugins !== undefined) merged.plugins = base.plugins;
  return merged;
}

function withCli(options: ValidateOptions, cli: CliSettings): ValidateOptions {
  if (cli.dialect === undefined && cli.qosProfiles === undefined) return options;
  const result: ValidateOptions = { ...options };
  if (cli.dialect !== undefined) result.dialect = cli.dialect as ValidateOptions['dialect'];
  if (cli.qosProfiles !== undefined) result.policy = { ...options.policy, qosProfiles: cli.qosProfiles };
  return result;
}

function create(options: ValidateOptions, where: string): SourceValidator {
  try {
    return createSourceValidator(builtinRules, options);
  } catch (error) {
    // Anything but a ConfigError comes from the configuration's own code (a plugin's getter).
    throw new CliError(`${where}: ${configErrorMessage(error) ?? `cannot be used: ${describeThrown(error)}`}`);
  }
}

/**
 * Runs a step that reads the value a configuration module exported: its getters and Proxy traps
 * are the user's code and may throw anything, which becomes one line naming the file.
 */
function readingExport<T>(name: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isCliError(error)) throw error;
    throw new CliError(`${name}: ${configErrorMessage(error) ?? `cannot be used: ${describeThrown(error)}`}`);
  }
}

/** One configuration: a file's, or the command line's alone (no file). */
export class LintConfig {
  /** The configuration file shown in messages (relative to the working directory), if any. */
  readonly name: string | undefined;
  /** The configuration file's absolute path, if any. */
  readonly path: string | undefined;
  /** Files, overrides and ignores are relative to this directory (the configuration's, else the working directory). */
  readonly dir: string;
  /** The base options (configuration + command line), without overrides. */
  readonly options: ValidateOptions;
  /** The configuration's own 'files', if it has them (else DEFAULT_FILES select). */
  readonly files: readonly string[] | undefined;
  private readonly overrides: readonly Override[];
  private readonly ignored: ((path: string) => boolean) | undefined;
  private selected: ((path: string) => boolean) | undefined;
  private readonly validators = new Map<string, SourceValidator>();
  private readonly merged = new Map<string, ValidateOptions>();
  private readonly base: ValidateOptions;
  private readonly cli: CliSettings;
  /** Plugin rules, for descriptions in reports. */
  readonly plugins: readonly Plugin[];

  constructor(
    file: { name: string; path: string } | undefined,
    dir: string,
    base: ValidateOptions,
    overrides: { files: string[]; options: ValidateOptions }[],
    selection: { files?: string[] | undefined; ignores?: string[] | undefined },
    cli: CliSettings,
  ) {
    this.name = file?.name;
    this.path = file?.path;
    this.dir = dir;
    this.plugins = base.plugins ?? [];
    this.files = selection.files;
    // lint detects each body's version unless told (the library judges as qod-1.2; so does serve, a gateway).
    if (base.dialect === undefined) base = { ...base, dialect: cli.defaultDialect ?? 'auto' };
    this.base = base;
    this.cli = cli;
    const where = this.name ?? 'command line';
    this.options = withCli(base, cli);
    this.validators.set('', create(this.options, where));
    this.overrides = overrides.map((override, i) => {
      this.validators.set(String(i), create(withCli(merge(base, override.options), cli), `${where}: overrides[${i}]`));
      return { matches: compileConfigGlobs(override.files), raw: override.options };
    });
    const ignores = selection.ignores ?? [];
    this.ignored = ignores.length > 0 ? compileConfigGlobs(ignores.map((p) => trimEnd(p, '/'))) : undefined;
  }

  private relativePath(path: string): string | undefined {
    const rel = relative(this.dir, path);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || resolve(this.dir, rel) !== path) return undefined;
    return toPosix(rel);
  }

  /** Whether 'ignores' excludes this absolute path (or one of its folders below the configuration's). */
  isIgnored(path: string): boolean {
    if (this.ignored === undefined) return false;
    let rel = this.relativePath(path);
    while (rel !== undefined && rel !== '') {
      if (this.ignored(rel)) return true;
      const slash = rel.lastIndexOf('/');
      rel = slash === -1 ? undefined : rel.slice(0, slash);
    }
    return false;
  }

  /** Whether 'files' (or, without it, DEFAULT_FILES) selects this absolute path, for a run without paths. */
  selects(path: string): boolean {
    const rel = this.relativePath(path);
    if (rel === undefined) return false;
    this.selected ??= compileConfigGlobs(this.files ?? DEFAULT_FILES);
    return this.selected(rel);
  }

  /** Which overrides apply to a file: their indexes joined by commas ('' for none, and for standard input without a name). */
  private overridesKey(path: string | undefined): string {
    if (this.overrides.length === 0 || path === undefined) return '';
    const rel = this.relativePath(path);
    if (rel === undefined) return '';
    const matching: number[] = [];
    for (let i = 0; i < this.overrides.length; i++) if (this.overrides[i]!.matches(rel)) matching.push(i);
    return matching.join(',');
  }

  /** The options for a file: the configuration, the overrides that match it, the command line (one object per set of overrides). */
  optionsFor(path: string | undefined): ValidateOptions {
    const key = this.overridesKey(path);
    if (key === '') return this.options;
    let options = this.merged.get(key);
    if (options === undefined) {
      options = this.base;
      for (const i of key.split(',')) options = merge(options, this.overrides[Number(i)]!.raw);
      options = withCli(options, this.cli);
      this.merged.set(key, options);
    }
    return options;
  }

  /** The validator for a file (its overrides applied); standard input without a name gets the base. */
  validatorFor(path: string | undefined): SourceValidator {
    const key = this.overridesKey(path);
    let validator = this.validators.get(key);
    if (validator === undefined) {
      validator = create(this.optionsFor(path), `${this.name ?? 'command line'}: overrides[${key}]`);
      this.validators.set(key, validator);
    }
    return validator;
  }
}

export interface LoadConfigOptions {
  cwd: string;
  /** --config */
  configPath?: string | undefined;
  /** --no-config */
  noLookup?: boolean;
  cli: CliSettings;
}

function checkDialect(cli: CliSettings): void {
  if (cli.dialect !== undefined && cli.dialect !== 'auto' && !(dialectIds as readonly string[]).includes(cli.dialect)) {
    throw new CliError(`Unknown dialect '${cli.dialect}' for --dialect. Use auto or one of: ${dialectIds.join(', ')}.`);
  }
}

/** Reads and checks one configuration file; every mistake is a CliError naming the file. */
async function loadConfigFile(path: string, name: string, cli: CliSettings): Promise<LintConfig> {
  const { raw, module } = await readConfigFile(path, name);
  return readingExport(name, () => {
    const problem = checkConfigFileShape(raw);
    if (problem !== undefined) throw new CliError(`${name}: ${problem}`);
    const config = raw as Record<string, unknown> & { overrides?: Record<string, unknown>[]; ignores?: string[]; files?: string[] };
    if (config.plugins !== undefined && !module) {
      throw new CliError(`${name}: plugins need a JavaScript configuration (qod-policy.config.js, .mjs or .cjs).`);
    }
    const base = toOptions(config, `${name}: `);
    const overrides = (config.overrides ?? []).map((entry, i) => ({
      files: entry.files as string[],
      options: toOptions(entry, `${name}: overrides[${i}].`),
    }));
    return new LintConfig({ name, path }, dirname(path), base, overrides, { files: config.files, ignores: config.ignores }, cli);
  });
}

/** How a configuration file is named in messages: as given to --config, else relative to the working directory. */
function displayName(cwd: string, path: string): string {
  return toPosix(relative(cwd, path)) || path;
}

/**
 * The one configuration of a run that has no files to look it up from (serve): --config, none
 * (--no-config), or the one found from the working directory upward.
 */
export async function loadConfig({ cwd, configPath, noLookup, cli }: LoadConfigOptions): Promise<LintConfig> {
  checkDialect(cli);
  const path = configPath !== undefined ? resolve(cwd, configPath) : noLookup ? undefined : findConfig(cwd);
  if (path === undefined) return new LintConfig(undefined, cwd, {}, [], {}, cli);
  return loadConfigFile(path, configPath ?? displayName(cwd, path), cli);
}

/**
 * The configurations of a lint run, each file's own: the one found from the file's folder upward
 * (so that a file gets the same verdict from whatever working directory), or --config for all, or
 * none with --no-config. Each folder is looked up once and each configuration file loaded once;
 * the files of a run are grouped by the configuration they get.
 */
export class ConfigResolver {
  private readonly cache = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, Promise<LintConfig>>();
  private readonly fixed: Promise<LintConfig> | undefined;
  private none: LintConfig | undefined;

  constructor(private readonly settings: LoadConfigOptions) {
    checkDialect(settings.cli);
    const { cwd, configPath, noLookup, cli } = settings;
    if (configPath !== undefined) this.fixed = loadConfigFile(resolve(cwd, configPath), configPath, cli);
    else if (noLookup) this.fixed = Promise.resolve(this.withoutFile());
    // Never left unobserved: the first caller awaits it (and reports the mistake).
    this.fixed?.catch(() => undefined);
  }

  /** The configuration when there is no file: the command line's settings alone, relative to the working directory. */
  private withoutFile(): LintConfig {
    return (this.none ??= new LintConfig(undefined, this.settings.cwd, {}, [], {}, this.settings.cli));
  }

  /** The configuration for the files of this folder (absolute). */
  forDirectory(dir: string): Promise<LintConfig> {
    if (this.fixed !== undefined) return this.fixed;
    const path = findConfig(dir, this.cache);
    if (path === undefined) return Promise.resolve(this.withoutFile());
    let config = this.loaded.get(path);
    if (config === undefined) {
      config = loadConfigFile(path, displayName(this.settings.cwd, path), this.settings.cli);
      config.catch(() => undefined);
      this.loaded.set(path, config);
    }
    return config;
  }

  /** Whether a file is the configuration of this run (--config may name any file): walks skip it. */
  isConfigFile(path: string): boolean {
    return this.settings.configPath !== undefined && resolve(this.settings.cwd, this.settings.configPath) === path;
  }

  /** Every configuration loaded so far (for the plugins' rule descriptions). */
  async used(): Promise<LintConfig[]> {
    const all = this.fixed !== undefined ? [this.fixed] : [...this.loaded.values()];
    const configs: LintConfig[] = [];
    for (const config of await Promise.allSettled(all)) if (config.status === 'fulfilled') configs.push(config.value);
    return configs;
  }
}
