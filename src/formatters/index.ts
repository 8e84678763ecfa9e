// The formatters by name (the `--format` value): the one list of them, which the CLI reads for
// argument checking, its help and loading. A formatter's name is its file name; keep the keys
// sorted. Each is a pure function `(results, context) => string`: no I/O, no process access.
// The text ends with a newline except json and sarif (a JSON document each), which end with their
// closing bracket; whoever writes the text adds the final newline where it is missing. stylish and
// github return '' when there is nothing to report.
//
// Formatters load on first use: in the bundled CLI (scripts/bundle-cli.mjs) each import() below is
// a function that evaluates its formatter the first time it is called.

import type { Formatter } from './types.js';

export type { Formatter, FormatterContext, LintResult } from './types.js';

const loaders = {
  github: () => import('./github.js'),
  json: () => import('./json.js'),
  junit: () => import('./junit.js'),
  sarif: () => import('./sarif.js'),
  stylish: () => import('./stylish.js'),
} satisfies Record<string, () => Promise<{ default: Formatter }>>;

/** The names `--format` accepts. */
export type FormatterName = keyof typeof loaders;

/** The names, sorted (for usage messages). */
export const formatterNames: readonly FormatterName[] = Object.keys(loaders) as FormatterName[];

/** The formatter used when none is named. */
export const defaultFormatterName: FormatterName = 'stylish';

/** Whether a string names a formatter. */
export function isFormatterName(name: string): name is FormatterName {
  return Object.prototype.hasOwnProperty.call(loaders, name);
}

/** Loads the formatter of that name. */
export async function loadFormatter(name: FormatterName): Promise<Formatter> {
  return (await loaders[name]()).default;
}
