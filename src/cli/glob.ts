// Glob matching (picomatch, loaded on first use): for glob arguments, and for the configuration's
// overrides and ignores. A run with plain paths and no such configuration never loads it.

import { createRequire } from 'node:module';
import type picomatchType from 'picomatch';

let loaded: typeof picomatchType | undefined;

function picomatch(): typeof picomatchType {
  return (loaded ??= createRequire(import.meta.url)('picomatch') as typeof picomatchType);
}

/** Whether a command-line argument is a glob rather than a path (checked after the path was not found). */
export function isGlobPattern(pattern: string): boolean {
  return /[*?[\]{}()!]/.test(pattern) && picomatch().scan(pattern).isGlob;
}

/** Splits a glob into the directory to walk and the pattern to match below it. */
export function scanGlob(pattern: string): { base: string; glob: string } {
  const { base, glob } = picomatch().scan(pattern);
  return { base, glob };
}

/** A matcher for paths relative to the glob's base, with '/' separators (dot files excluded). */
export function compileGlob(glob: string): (path: string) => boolean {
  return picomatch()(glob, { dot: false });
}

/** A matcher for the configuration's globs (relative to its folder; dot files included). */
export function compileConfigGlobs(globs: readonly string[]): (path: string) => boolean {
  return picomatch()([...globs], { dot: true });
}
