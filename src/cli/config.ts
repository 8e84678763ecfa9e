// The configuration file: lookup (working directory upward, or --config), loading (.json, .mjs),
// shape checks against schemas/config.schema.json (the library's own, so that the command line and
// createValidator accept the same keys and say the same about a mistake), with one clear message
// naming the file, overrides and ignores by glob, and one validator per distinct combination of
// overrides.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkConfigFileShape } from '../engine/config-schema.js';
import { showValue } from '../engine/schema-messages.js';
import { createSourceValidator, type SourceValidator } from '../engine/validator.js';
import { dialectIds, type QosProfile, type ValidateOptions } from '../index.js';
import { builtinRules } from '../rules/index.js';
import { trimEnd } from '../shared/text.js';
import { parseDataFile } from './data-file.js';
import { describeThrown } from '../shared/errors.js';
import { CliError, configErrorMessage, isCliError } from './errors.js';
import { compileConfigGlobs } from './glob.js';

const CONFIG_NAMES = ['qod-policy.config.json', 'qod-policy.config.mjs'] as const;

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

/** Finds qod-policy.config.json or .mjs from `cwd` upward; undefined when there is none. */
function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const found = CONFIG_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path));
    if (found.length > 1) {
      throw new CliError(`Both ${CONFIG_NAMES.join(' and ')} exist in '${dir}': keep only one.`);
    }
    if (found.length === 1) return found[0];
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a configuration file: JSON, or an ES module whose default export is the configuration. */
async function readConfigFile(path: string, name: string): Promise<{ raw: unknown; module: boolean }> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new CliError(`Cannot read the configuration file '${name}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    return { raw: parseDataFile(text, 'json', name), module: false };
  }
  if (lower.endsWith('.mjs') || lower.endsWith('.js')) {
    if (!existsSync(path)) throw new CliError(`Cannot read the configuration file '${name}': ENOENT.`);
    let loaded: { default?: unknown };
    try {
      loaded = (await import(pathToFileURL(path).href)) as { default?: unknown };
    } catch (error) {
      // The module's own code threw, which can be anything (describeThrown never throws).
      throw new CliError(`${name}: cannot be loaded: ${describeThrown(error)}`);
    }
    if (loaded.default === undefined) throw new CliError(`${name}: has no default export (export default { rules: { ... } }).`);
    return { raw: loaded.default, module: true };
  }
  throw new CliError(`${name}: a configuration file must be .json or .mjs.`);
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

/** The configuration of one lint run. */
export class LintConfig {
  /** The configuration file shown in messages (relative to the working directory), if any. */
  readonly name: string | undefined;
  /** Overrides and ignores are relative to this directory (the configuration's, else the working directory). */
  readonly dir: string;
  /** The base options (configuration + command line), without overrides. */
  readonly options: ValidateOptions;
  private readonly overrides: readonly Override[];
  private readonly ignored: ((path: string) => boolean) | undefined;
  private readonly validators = new Map<string, SourceValidator>();
  private readonly base: ValidateOptions;
  private readonly cli: CliSettings;
  /** Plugin rules, for descriptions in reports. */
  readonly plugins: NonNullable<ValidateOptions['plugins']>;

  constructor(name: string | undefined, dir: string, base: ValidateOptions, overrides: { files: string[]; options: ValidateOptions }[], ignores: string[], cli: CliSettings) {
    this.name = name;
    this.dir = dir;
    this.plugins = base.plugins ?? [];
    // lint detects each body's version unless told (the library judges as qod-1.2; so does serve, a gateway).
    if (base.dialect === undefined) base = { ...base, dialect: cli.defaultDialect ?? 'auto' };
    this.base = base;
    this.cli = cli;
    const where = name ?? 'command line';
    this.options = withCli(base, cli);
    this.validators.set('', create(this.options, where));
    this.overrides = overrides.map((override, i) => {
      this.validators.set(String(i), create(withCli(merge(base, override.options), cli), `${where}: overrides[${i}]`));
      return { matches: compileConfigGlobs(override.files), raw: override.options };
    });
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

  /** The validator for a file (its overrides applied); standard input without a name gets the base. */
  validatorFor(path: string | undefined): SourceValidator {
    if (this.overrides.length === 0 || path === undefined) return this.validators.get('')!;
    const rel = this.relativePath(path);
    if (rel === undefined) return this.validators.get('')!;
    const matching: number[] = [];
    for (let i = 0; i < this.overrides.length; i++) if (this.overrides[i]!.matches(rel)) matching.push(i);
    const key = matching.join(',');
    let validator = this.validators.get(key);
    if (validator === undefined) {
      let options = this.base;
      for (const i of matching) options = merge(options, this.overrides[i]!.raw);
      validator = create(withCli(options, this.cli), `${this.name ?? 'command line'}: overrides[${key}]`);
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

/** Finds, reads and checks the configuration; every mistake is a CliError naming the file. */
export async function loadConfig({ cwd, configPath, noLookup, cli }: LoadConfigOptions): Promise<LintConfig> {
  if (cli.dialect !== undefined && cli.dialect !== 'auto' && !(dialectIds as readonly string[]).includes(cli.dialect)) {
    throw new CliError(`Unknown dialect '${cli.dialect}' for --dialect. Use auto or one of: ${dialectIds.join(', ')}.`);
  }
  const path = configPath !== undefined ? resolve(cwd, configPath) : noLookup ? undefined : findConfig(cwd);
  if (path === undefined) return new LintConfig(undefined, cwd, {}, [], [], cli);
  const name = configPath ?? (toPosix(relative(cwd, path)) || path);
  const { raw, module } = await readConfigFile(path, name);
  return readingExport(name, () => {
    const problem = checkConfigFileShape(raw);
    if (problem !== undefined) throw new CliError(`${name}: ${problem}`);
    const config = raw as Record<string, unknown> & { overrides?: Record<string, unknown>[]; ignores?: string[] };
    if (config.plugins !== undefined && !module) {
      throw new CliError(`${name}: plugins need a JavaScript configuration (qod-policy.config.mjs).`);
    }
    const base = toOptions(config, `${name}: `);
    const overrides = (config.overrides ?? []).map((entry, i) => ({
      files: entry.files as string[],
      options: toOptions(entry, `${name}: overrides[${i}].`),
    }));
    const ignores = config.ignores ?? [];
    return new LintConfig(name, dirname(path), base, overrides, ignores, cli);
  });
}
