// Which files to lint, each with its configuration: explicit files, directories (walked
// recursively) and globs, in argument order, without duplicates; '-' is standard input. Without
// paths: the files below the working directory that the configuration's 'files' select.
// Walks never yield files that are not request bodies by convention (package.json, lock files,
// tsconfig.json, ...); a file named on the command line is linted whatever its name.

import { isUtf8 } from 'node:buffer';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { sourceKindOf, type SourceKind } from '../parse/index.js';
import { invalidUtf8Offset } from '../parse/json.js';
import { DEFAULT_FILES, type LintConfig } from './config.js';
import { CliError } from './errors.js';
import { compileGlob, isGlobPattern, scanGlob } from './glob.js';


/** One input: a file, or standard input. */
export interface Input {
  /** Absolute path; undefined for standard input. */
  readonly path: string | undefined;
  /** For standard input with --stdin-filename: that name, absolute (overrides match it). */
  readonly stdinPath?: string;
  /** What reports show: the path relative to the working directory with '/', or '<stdin>'. */
  readonly filePath: string;
  readonly kind: SourceKind | undefined;
  /**
   * The path's bytes, when a name on it is not UTF-8: no string names such a file (Node decodes
   * the bad bytes to U+FFFD), so it is opened by these. `path` and `filePath` then show each bad
   * byte as `\xNN`.
   */
  readonly rawPath?: Buffer;
  /** The configuration this input is linted with. */
  readonly config: LintConfig;
}

/** A path relative to the working directory, with '/' separators. */
function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Configuration files (qod-policy.config.json) are never bodies: walks and globs skip them. */
const CONFIG_PREFIX = 'qod-policy.config.';

/**
 * Files that are not request bodies by convention: package manifests and lock files, compiler and
 * tool configurations. Walks and globs skip them (with node_modules, dot-folders and dot-files);
 * named on the command line, they are linted.
 */
const NOT_BODIES: ReadonlySet<string> = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'bun.lock',
  'composer.json',
  'composer.lock',
  'deno.json',
  'lerna.json',
  'nx.json',
  'turbo.json',
  'renovate.json',
  'biome.json',
]);

/** Whether a file name is one of NOT_BODIES, a tsconfig*.json or a jsconfig*.json. */
function isNotBody(name: string): boolean {
  return NOT_BODIES.has(name) || /^[tj]sconfig.*\.json$/.test(name) || name.startsWith(CONFIG_PREFIX);
}

/** A file found by walking: its absolute path, its path as reports show it, its configuration. */
interface Found {
  readonly path: string;
  readonly filePath: string;
  readonly kind: SourceKind | undefined;
  readonly rawPath?: Buffer;
  readonly config: LintConfig;
}

/** Where the configurations come from (src/cli/config.ts ConfigResolver). */
interface ConfigSource {
  /** The configuration for the files of this folder (absolute). */
  forDirectory(dir: string): Promise<LintConfig>;
  /** Whether this file is the run's own configuration file (--config names any file): never a body. */
  isConfigFile(path: string): boolean;
}

/** How a walk filters what it finds. */
interface WalkFilter {
  readonly configs: ConfigSource;
  /** Leave out what each file's configuration ignores (folders it ignores are not entered). */
  readonly ignores: boolean;
  /** Keep only what each file's configuration's 'files' select (a run without paths). */
  readonly selected: boolean;
  /** Files this run reads for another purpose (--qos-profiles): never bodies. */
  readonly skip: ReadonlySet<string>;
}

const utf8 = new TextDecoder();

/** A file name's bytes as text: UTF-8 where they are UTF-8, each other byte as `\xNN`. */
function nameFromBytes(bytes: Uint8Array): string {
  let text = '';
  let rest = bytes;
  for (;;) {
    const bad = invalidUtf8Offset(rest);
    if (bad === -1) return text + utf8.decode(rest);
    text += `${utf8.decode(rest.subarray(0, bad))}\\x${rest[bad]!.toString(16).padStart(2, '0')}`;
    rest = rest.subarray(bad + 1);
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function cannotRead(argument: string, error: unknown): CliError {
  return new CliError(`Cannot read the directory '${argument}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
}

/**
 * Walks a directory: files with a known extension, sorted by name at each level, skipping
 * node_modules, dot-directories, dot-files and files that are not bodies (isNotBody). Symbolic
 * links to files are followed; to directories, not. Each folder's configuration is looked up (and
 * loaded, which is why this is async) before its entries are looked at. Paths are built by
 * concatenation (this runs for every file of a large tree). `rawDir` is the directory's path as
 * bytes when a name on it is not UTF-8 (see Input.rawPath).
 */
async function walk(dir: string, display: string, filter: WalkFilter, out: Found[], argument: string, rawDir?: Buffer): Promise<void> {
  const config = await filter.configs.forDirectory(dir);
  if (filter.ignores && config.isIgnored(dir)) return;
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  const displayPrefix = display === '' || display === '.' ? '' : display.endsWith('/') ? display : `${display}/`;
  const visit = async (name: string, entry: Dirent | Dirent<Buffer>, raw: Buffer | undefined): Promise<void> => {
    if (name.charCodeAt(0) === 46 /* . */) return;
    const path = prefix + name;
    if (entry.isDirectory()) {
      if (name === 'node_modules') return;
      await walk(path, displayPrefix + name, filter, out, argument, raw);
      return;
    }
    const kind = sourceKindOf(name);
    if (kind === undefined || isNotBody(name) || !(entry.isFile() || (entry.isSymbolicLink() && isFile(raw ?? path)))) return;
    if (filter.skip.has(path) || filter.configs.isConfigFile(path)) return;
    if (filter.ignores && config.isIgnored(path)) return;
    if (filter.selected && !config.selects(path)) return;
    out.push(raw === undefined ? { path, filePath: displayPrefix + name, kind, config } : { path, filePath: displayPrefix + name, kind, rawPath: raw, config });
  };

  if (rawDir === undefined) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw cannotRead(argument, error);
    }
    // The common case: every name is UTF-8 (a name that is not comes back with U+FFFD in it).
    if (!entries.some((entry) => entry.name.includes('\ufffd'))) {
      entries.sort(byName);
      for (const entry of entries) await visit(entry.name, entry, undefined);
      return;
    }
  }
  // Some name is not UTF-8: list the names as bytes, and keep the bytes of those paths.
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(rawDir ?? dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    throw cannotRead(argument, error);
  }
  const rawBase = rawDir ?? Buffer.from(dir);
  const rawPrefix = dir.endsWith(sep) ? rawBase : Buffer.concat([rawBase, Buffer.from(sep)]);
  const named = entries.map((entry) => ({ name: nameFromBytes(entry.name), entry }));
  named.sort(byName);
  for (const { name, entry } of named) {
    await visit(name, entry, rawDir !== undefined || !isUtf8(entry.name) ? Buffer.concat([rawPrefix, entry.name]) : undefined);
  }
}

function isFile(path: string | Buffer): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file or folder an argument names when its last name is not UTF-8: the argument reaches us
 * with U+FFFD for the bad bytes, which names nothing, so look in its folder for the one name that
 * decodes to it. Undefined when there is none; a CliError when there are several.
 */
function undecodableEntry(absolute: string, pattern: string): { raw: Buffer; name: string } | undefined {
  let entries: Buffer[];
  try {
    entries = readdirSync(dirname(absolute), { encoding: 'buffer' });
  } catch {
    return undefined;
  }
  const wanted = basename(absolute);
  const matches = entries.filter((entry) => !isUtf8(entry) && entry.toString('utf8') === wanted);
  if (matches.length === 0) return undefined;
  if (matches.length > 1) {
    throw new CliError(`'${pattern}' could be any of ${matches.map((m) => `'${nameFromBytes(m)}'`).join(', ')} (names that are not UTF-8): name their folder instead.`);
  }
  return { raw: Buffer.concat([Buffer.from(dirname(absolute)), Buffer.from(sep), matches[0]!]), name: nameFromBytes(matches[0]!) };
}

export interface CollectOptions {
  cwd: string;
  configs: ConfigSource;
  stdinFilename?: string | undefined;
  /** Files this run reads for another purpose (--qos-profiles), absolute: walks and globs skip them. */
  skip?: readonly string[];
}

/** A file named on the command line that its configuration ignores: skipped, with a note. */
export interface IgnoredExplicit {
  readonly pattern: string;
  readonly configName: string | undefined;
}

/** The note after 'ignored' in messages: which file's 'ignores' did it. */
function ignoredBy(configs: readonly LintConfig[]): string {
  const names = [...new Set(configs.map((config) => config.name).filter((name) => name !== undefined))];
  return names.length === 0 ? '' : ` (see 'ignores' in ${names.join(', ')})`;
}

/**
 * Resolves the command-line patterns to inputs, each with its configuration. A path that does not
 * exist, and a directory or glob that matches no file, are usage errors (exit 2). An explicitly
 * named file is linted whatever its name and extension (unknown extensions are read as JSON),
 * unless its configuration ignores it. No patterns: the files below the working directory that
 * 'files' selects (selectedInputs).
 */
export async function collectInputs(patterns: readonly string[], options: CollectOptions): Promise<{ inputs: Input[]; ignoredExplicit: IgnoredExplicit[] }> {
  const { cwd, configs } = options;
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const ignoredExplicit: IgnoredExplicit[] = [];
  let stdinSeen = false;
  const addFound = (found: Found) => {
    // Paths with bytes that are not UTF-8 are told apart by those bytes ('\0' is in no path).
    const key = found.rawPath === undefined ? found.path : `\0${found.rawPath.toString('latin1')}`;
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(found);
  };
  const filter: WalkFilter = { configs, ignores: true, selected: false, skip: new Set(options.skip) };
  const unfiltered: WalkFilter = { ...filter, ignores: false };
  const named = async (path: string, pattern: string, found: Omit<Found, 'config'>) => {
    const config = await configs.forDirectory(dirname(path));
    if (config.isIgnored(path)) ignoredExplicit.push({ pattern, configName: config.name });
    else addFound({ ...found, config });
  };

  if (patterns.length === 0) return { inputs: await selectedInputs(cwd, filter), ignoredExplicit };

  for (const pattern of patterns) {
    if (pattern === '-') {
      if (stdinSeen) continue;
      stdinSeen = true;
      const name = options.stdinFilename;
      if (name === undefined) {
        inputs.push({ path: undefined, filePath: '<stdin>', kind: undefined, config: await configs.forDirectory(cwd) });
      } else {
        const stdinPath = resolve(cwd, name);
        inputs.push({ path: undefined, stdinPath, filePath: displayPath(cwd, stdinPath), kind: sourceKindOf(name), config: await configs.forDirectory(dirname(stdinPath)) });
      }
      continue;
    }
    const absolute = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new CliError(`Cannot read '${pattern}': ${code ?? (error as Error).message}.`);
    }
    const undecodable = stats === undefined && pattern.includes('\ufffd') ? undecodableEntry(absolute, pattern) : undefined;
    if (undecodable !== undefined) {
      const { raw, name } = undecodable;
      const path = join(dirname(absolute), name);
      if (isFile(raw)) {
        await named(path, pattern, { path, filePath: displayPath(cwd, path), kind: sourceKindOf(name), rawPath: raw });
        continue;
      }
      const found: Found[] = [];
      await walk(path, displayPath(cwd, path), filter, found, pattern, raw);
      if (found.length === 0) throw new CliError(`No files to lint in '${pattern}' (looked for .json, .ndjson, .jsonl, .yaml, .yml).`);
      found.forEach(addFound);
      continue;
    }
    if (stats?.isFile()) {
      await named(absolute, pattern, { path: absolute, filePath: displayPath(cwd, absolute), kind: sourceKindOf(absolute) });
      continue;
    }
    if (stats?.isDirectory()) {
      const found: Found[] = [];
      await walk(absolute, displayPath(cwd, absolute), filter, found, pattern);
      if (found.length === 0) {
        const all: Found[] = [];
        await walk(absolute, '', unfiltered, all, pattern);
        throw new CliError(all.length > 0
          ? `All files in '${pattern}' are ignored${ignoredBy(all.map((f) => f.config))}.`
          : `No files to lint in '${pattern}' (looked for .json, .ndjson, .jsonl, .yaml, .yml).`);
      }
      found.forEach(addFound);
      continue;
    }
    if (stats === undefined && pattern.startsWith('!')) {
      throw new CliError(`'${pattern}': negated patterns are not supported on the command line; use 'ignores' in the configuration.`);
    }
    if (stats === undefined && isGlobPattern(pattern)) {
      const { base, glob } = scanGlob(pattern);
      const baseDir = resolve(cwd, base === '' ? '.' : base);
      const match = compileGlob(glob);
      const candidates: Found[] = [];
      if (isDirectory(baseDir)) await walk(baseDir, displayPath(cwd, baseDir), unfiltered, candidates, base || '.');
      const matched = candidates.filter((found) => match(toPosix(relative(baseDir, found.path))));
      const kept = matched.filter((found) => !found.config.isIgnored(found.path));
      if (kept.length === 0) {
        throw new CliError(matched.length > 0 ? `All files matched by '${pattern}' are ignored${ignoredBy(matched.map((f) => f.config))}.` : `No files matching '${pattern}' were found.`);
      }
      kept.forEach(addFound);
      continue;
    }
    if (stats !== undefined) throw new CliError(`'${pattern}' is neither a file nor a directory.`);
    throw new CliError(`No such file or directory: '${pattern}'.`);
  }
  return { inputs, ignoredExplicit };
}

/**
 * A run without paths: the files below the working directory that their configuration's 'files'
 * selects (DEFAULT_FILES without it), less what it ignores. None is a usage error that says where
 * the run looked and how to name files instead.
 */
async function selectedInputs(cwd: string, filter: WalkFilter): Promise<Input[]> {
  const found: Found[] = [];
  await walk(cwd, '', { ...filter, selected: true }, found, '.');
  if (found.length > 0) return found;
  const config = await filter.configs.forDirectory(cwd);
  const patterns = (config.files ?? DEFAULT_FILES).join(', ');
  const source = config.files !== undefined ? `'files' in ${config.name ?? 'the configuration'}` : `the default 'files'`;
  const unselected: Found[] = [];
  await walk(cwd, '', { ...filter, ignores: false, selected: true }, unselected, '.');
  if (unselected.length > 0) throw new CliError(`All files selected by ${source} (${patterns}) are ignored${ignoredBy(unselected.map((f) => f.config))}.`);
  throw new CliError(`No files to lint: without paths, 'qod-policy lint' checks the files below the working directory that ${source} selects (${patterns}), and there are none. Name the files or folders to lint ('qod-policy lint .' for all of them), or set 'files' in the configuration.`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
