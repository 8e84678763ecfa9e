// What kind of text a body without a telling file name is (standard input, or a file named
// explicitly with another extension).

import type { SourceKind } from '../parse/index.js';

/**
 * Guesses the kind of a text: JSON when it starts with '{' or '[' — NDJSON when a line ends an
 * object and the next line starts one, which a single JSON text never allows — YAML otherwise.
 * Blank text counts as JSON (and becomes the finding "the text is empty").
 */
export function sniffKind(text: string): SourceKind {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  if (i === text.length) return 'json';
  const c = text.charCodeAt(i);
  if (c !== 123 /* { */ && c !== 91 /* [ */) return 'yaml';
  return /\}[ \t]*\r?\n[ \t\r\n]*\{/.test(text) ? 'ndjson' : 'json';
}
