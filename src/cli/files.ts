// Which files to lint: explicit files, directories (walked recursively) and globs, in argument
// order, without duplicates; '-' is standard input.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { sourceKindOf, type SourceKind } from '../parse/index.js';
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
}

/** A path relative to the working directory, with '/' separators. */
function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Configuration files (qod-policy.config.json) are never bodies: walks and globs skip them. */
const CONFIG_PREFIX = 'qod-policy.config.';

/** A file found by walking: its absolute path and its path as reports show it. */
interface Found {
  readonly path: string;
  readonly filePath: string;
  readonly kind: SourceKind | undefined;
}

/**
 * Walks a directory: files with a known extension, sorted by name at each level, skipping
 * node_modules and dot-directories (and dot-files). Symbolic links to files are followed; to
 * directories, not. Paths are built by concatenation (this runs for every file of a large tree).
 */
function walk(dir: string, display: string, isIgnored: (path: string) => boolean, out: Found[], argument: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new CliError(`Cannot read the directory '${argument}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  const displayPrefix = display === '' || display === '.' ? '' : display.endsWith('/') ? display : `${display}/`;
  for (const entry of entries) {
    const name = entry.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    const path = prefix + name;
    if (entry.isDirectory()) {
      if (name === 'node_modules' || isIgnored(path)) continue;
      walk(path, displayPrefix + name, isIgnored, out, argument);
      continue;
    }
    const kind = sourceKindOf(name);
    if (kind === undefined || name.startsWith(CONFIG_PREFIX) || !(entry.isFile() || (entry.isSymbolicLink() && isFile(path)))) continue;
    if (!isIgnored(path)) out.push({ path, filePath: displayPrefix + name, kind });
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface CollectOptions {
  cwd: string;
  /** Whether the configuration ignores this absolute path (a file, or a folder with all it holds). */
  isIgnored: (path: string) => boolean;
  /** The configuration file, for messages about ignored files. */
  configName?: string | undefined;
  stdinFilename?: string | undefined;
}

/**
 * Resolves the command-line patterns to inputs. A path that does not exist, and a directory or
 * glob that matches no file, are usage errors (exit 2). An explicitly named file is linted whatever
 * its extension (unknown extensions are read as JSON), unless the configuration ignores it.
 */
export function collectInputs(patterns: readonly string[], options: CollectOptions): { inputs: Input[]; ignoredExplicit: string[] } {
  const { cwd, isIgnored } = options;
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const ignoredExplicit: string[] = [];
  let stdinSeen = false;
  const addFound = (found: Found) => {
    if (seen.has(found.path)) return;
    seen.add(found.path);
    inputs.push(found);
  };
  const ignoredBy = options.configName ? ` (see 'ignores' in ${options.configName})` : '';

  for (const pattern of patterns) {
    if (pattern === '-') {
      if (stdinSeen) continue;
      stdinSeen = true;
      const name = options.stdinFilename;
      if (name === undefined) inputs.push({ path: undefined, filePath: '<stdin>', kind: undefined });
      else inputs.push({ path: undefined, stdinPath: resolve(cwd, name), filePath: displayPath(cwd, resolve(cwd, name)), kind: sourceKindOf(name) });
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
    if (stats?.isFile()) {
      if (isIgnored(absolute)) ignoredExplicit.push(pattern);
      else addFound({ path: absolute, filePath: displayPath(cwd, absolute), kind: sourceKindOf(absolute) });
      continue;
    }
    if (stats?.isDirectory()) {
      const found: Found[] = [];
      walk(absolute, displayPath(cwd, absolute), isIgnored, found, pattern);
      if (found.length === 0) {
        const all: Found[] = [];
        walk(absolute, '', () => false, all, pattern);
        throw new CliError(all.length > 0
          ? `All files in '${pattern}' are ignored${ignoredBy}.`
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
      if (isDirectory(baseDir)) walk(baseDir, displayPath(cwd, baseDir), () => false, candidates, base || '.');
      const matched = candidates.filter((found) => match(toPosix(relative(baseDir, found.path))));
      const kept = matched.filter((found) => !isIgnored(found.path));
      if (kept.length === 0) {
        throw new CliError(matched.length > 0 ? `All files matched by '${pattern}' are ignored${ignoredBy}.` : `No files matching '${pattern}' were found.`);
      }
      kept.forEach(addFound);
      continue;
    }
    if (stats !== undefined) throw new CliError(`'${pattern}' is neither a file nor a directory.`);
    throw new CliError(`No such file or directory: '${pattern}'.`);
  }
  return { inputs, ignoredExplicit };
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
