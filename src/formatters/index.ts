// The formatters by name (the `--format` value). A formatter's name is its file name; keep the keys
// sorted. Each is a pure function `(results, context) => string`: no I/O, no process access.
// The text ends with a newline except json and sarif (a JSON document each), which end with their
// closing bracket; whoever writes the text adds the final newline where it is missing. stylish and
// github return '' when there is nothing to report.

import github from './github.js';
import json from './json.js';
import junit from './junit.js';
import sarif from './sarif.js';
import stylish from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext, LintResult } from './types.js';

/** The names `--format` accepts. */
export type FormatterName = 'github' | 'json' | 'junit' | 'sarif' | 'stylish';

/** Formatters by name. */
export const formatters: Readonly<Record<FormatterName, Formatter>> = { github, json, junit, sarif, stylish };

/** The names, sorted (for usage messages). */
export const formatterNames: readonly FormatterName[] = Object.keys(formatters) as FormatterName[];

/** The formatter used when none is named. */
export const defaultFormatterName: FormatterName = 'stylish';

/** Whether a string names a formatter. */
export function isFormatterName(name: string): name is FormatterName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

/** The formatter of that name, or undefined. */
export function getFormatter(name: string): Formatter | undefined {
  return isFormatterName(name) ? formatters[name] : undefined;
}
