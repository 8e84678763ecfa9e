// Which files to lint: explicit files, directories (walked recursively) and globs, in argument
// order, without duplicates; '-' is standard input.

import { isUtf8 } from 'node:buffer';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { sourceKindOf, type SourceKind } from '../parse/index.js';
import { invalidUtf8Offset } from '../parse/json.js';
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
  readonly rawPath?: Buffer;
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
 * node_modules and dot-directories (and dot-files). Symbolic links to files are followed; to
 * directories, not. Paths are built by concatenation (this runs for every file of a large tree).
 * `rawDir` is the directory's path as bytes when a name on it is not UTF-8 (see Input.rawPath).
 */
function walk(dir: string, display: string, isIgnored: (path: string) => boolean, out: Found[], argument: string, rawDir?: Buffer): void {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  const displayPrefix = display === '' || display === '.' ? '' : display.endsWith('/') ? display : `${display}/`;
  const visit = (name: string, entry: Dirent | Dirent<Buffer>, raw: Buffer | undefined): void => {
    if (name.charCodeAt(0) === 46 /* . */) return;
    const path = prefix + name;
    if (entry.isDirectory()) {
      if (name === 'node_modules' || isIgnored(path)) return;
      walk(path, displayPrefix + name, isIgnored, out, argument, raw);
      return;
    }
    const kind = sourceKindOf(name);
    if (kind === undefined || name.startsWith(CONFIG_PREFIX) || !(entry.isFile() || (entry.isSymbolicLink() && isFile(raw ?? path)))) return;
    if (isIgnored(path)) return;
    out.push(raw === undefined ? { path, filePath: displayPrefix + name, kind } : { path, filePath: displayPrefix + name, kind, rawPath: raw });
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
      for (const entry of entries) visit(entry.name, entry, undefined);
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
    visit(name, entry, rawDir !== undefined || !isUtf8(entry.name) ? Buffer.concat([rawPrefix, entry.name]) : undefined);
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
    // Paths with bytes that are not UTF-8 are told apart by those bytes ('\0' is in no path).
    const key = found.rawPath === undefined ? found.path : `\0${found.rawPath.toString('latin1')}`;
    if (seen.has(key)) return;
    seen.add(key);
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
    const undecodable = stats === undefined && pattern.includes('\ufffd') ? undecodableEntry(absolute, pattern) : undefined;
    if (undecodable !== undefined) {
      const { raw, name } = undecodable;
      const path = join(dirname(absolute), name);
      if (isFile(raw)) {
        if (isIgnored(path)) ignoredExplicit.push(pattern);
        else addFound({ path, filePath: displayPath(cwd, path), kind: sourceKindOf(name), rawPath: raw });
        continue;
      }
      const found: Found[] = [];
      walk(path, displayPath(cwd, path), isIgnored, found, pattern, raw);
      if (found.length === 0) throw new CliError(`No files to lint in '${pattern}' (looked for .json, .ndjson, .jsonl, .yaml, .yml).`);
      found.forEach(addFound);
      continue;
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
