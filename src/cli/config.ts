// The configuration file: lookup (working directory upward, or --config), loading (.json, .mjs),
// shape checks with one clear message naming the file, overrides and ignores by glob, and one
// validator per distinct combination of overrides.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSourceValidator, type SourceValidator } from '../engine/validator.js';
import { dialectIds, type QosProfile, type ValidateOptions } from '../index.js';
import { parseDataFile } from './data-file.js';
import { CliError, firstLine } from './errors.js';
import { compileConfigGlobs } from './glob.js';

export const CONFIG_NAMES = ['qod-policy.config.json', 'qod-policy.config.mjs'] as const;

const TOP_KEYS = ['$schema', 'dialect', 'policy', 'context', 'rules', 'maxIssues', 'plugins', 'overrides', 'ignores'];
const OVERRIDE_KEYS = ['files', 'dialect', 'policy', 'context', 'rules', 'maxIssues'];
const POLICY_KEYS = ['qosProfiles', 'supportedIdentifiers', 'privateKeyJwtConfigured', 'duration', 'resolveDevice'];
const CONTEXT_KEYS = ['tokenIdentifiesDevice', 'now'];

/** What the command line sets on top of every configuration. */
export interface CliSettings {
  dialect?: string | undefined;
  qosProfiles?: QosProfile[] | undefined;
}

interface Override {
  readonly matches: (relativePath: string) => boolean;
  /** The override's own options (before merging). */
  readonly raw: ValidateOptions;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Finds qod-policy.config.json or .mjs from `cwd` upward; undefined when there is none. */
export function findConfig(cwd: string): string | undefined {
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
      throw new CliError(`${name}: cannot be loaded: ${firstLine(error instanceof Error ? error.message : String(error))}`);
    }
    if (loaded.default === undefined) throw new CliError(`${name}: has no default export (export default { rules: { ... } }).`);
    return { raw: loaded.default, module: true };
  }
  throw new CliError(`${name}: a configuration file must be .json or .mjs.`);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new CliError(`${where}: unknown key '${key}' (allowed: ${allowed.filter((k) => k !== '$schema').join(', ')}).`);
  }
}

function checkStringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    throw new CliError(`${where} must be a non-empty array of glob strings.`);
  }
  return value as string[];
}

/** Checks the shape of one options object (the top level or an override) and converts JSON values. */
function checkOptions(raw: Record<string, unknown>, where: string, module: boolean): ValidateOptions {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema' || key === 'overrides' || key === 'ignores' || key === 'files') continue;
    options[key] = value;
  }
  if (raw.plugins !== undefined && !module) {
    throw new CliError(`${where}: plugins need a JavaScript configuration (qod-policy.config.mjs).`);
  }
  if (raw.rules !== undefined && !isPlainObject(raw.rules)) throw new CliError(`${where}: rules must be an object of rule id → severity or [severity, options].`);
  if (raw.policy !== undefined) {
    if (!isPlainObject(raw.policy)) throw new CliError(`${where}: policy must be an object.`);
    checkKeys(raw.policy, POLICY_KEYS, `${where}: policy`);
  }
  if (raw.context !== undefined) {
    if (!isPlainObject(raw.context)) throw new CliError(`${where}: context must be an object.`);
    checkKeys(raw.context, CONTEXT_KEYS, `${where}: context`);
    const now = raw.context.now;
    if (typeof now === 'string') {
      const date = new Date(now);
      if (Number.isNaN(date.getTime())) throw new CliError(`${where}: context.now must be a date-time (e.g. 2026-01-31T12:00:00Z), not '${now}'.`);
      options.context = { ...raw.context, now: date };
    }
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
    return createSourceValidator(options);
  } catch (error) {
    if (error instanceof Error && error.name === 'QodPolicyConfigError') throw new CliError(`${where}: ${firstLine(error.message)}`);
    throw error;
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
    this.base = base;
    this.cli = cli;
    const where = name ?? 'command line';
    this.options = withCli(base, cli);
    this.validators.set('', create(this.options, where));
    this.overrides = overrides.map((override, i) => {
      this.validators.set(String(i), create(withCli(merge(base, override.options), cli), `${where}: overrides[${i}]`));
      return { matches: compileConfigGlobs(override.files), raw: override.options };
    });
    this.ignored = ignores.length > 0 ? compileConfigGlobs(ignores.map((p) => p.replace(/\/+$/, ''))) : undefined;
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
  if (!isPlainObject(raw)) throw new CliError(`${name}: the configuration must be an object.`);
  checkKeys(raw, TOP_KEYS, name);
  const base = checkOptions(raw, name, module);
  const overrides: { files: string[]; options: ValidateOptions }[] = [];
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) throw new CliError(`${name}: overrides must be an array of { files: [globs], ...options }.`);
    raw.overrides.forEach((entry: unknown, i) => {
      const where = `${name}: overrides[${i}]`;
      if (!isPlainObject(entry)) throw new CliError(`${where} must be an object { files: [globs], ...options }.`);
      checkKeys(entry, OVERRIDE_KEYS, where);
      overrides.push({ files: checkStringList(entry.files, `${where}.files`), options: checkOptions(entry, where, module) });
    });
  }
  const ignores = raw.ignores === undefined ? [] : checkStringList(raw.ignores, `${name}: ignores`);
  return new LintConfig(name, dirname(path), base, overrides, ignores, cli);
}
