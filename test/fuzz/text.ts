// What validateJson promises about text: positions inside it, and the value it stands for.
import type { Report } from '../../src/index.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes as UTF-8 text, a leading BOM kept as U+FEFF; undefined when they are not UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether a string has no lone surrogate (so that it has a UTF-8 encoding that decodes back to it). */
export function wellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * The value JSON text stands for: JSON.parse after at most one byte-order mark (a BOM is not part of
 * the text; a second one is a character JSON does not allow). `{ ok: false }` when it is not JSON.
 */
export function jsonOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Every position lies in the text: 1-based, the line one of the text's lines, the column at most one
 * past the end of the text, and the end not before the start. With `required`, every issue has one
 * (validateJson locates every issue it lists).
 */
export function checkPositions(text: string, report: Report, required = false): void {
  // An upper bound whatever the line terminators counted (\n, \r, \r\n, U+2028, U+2029).
  const lines = (text.match(/\r\n|[\n\r\u2028\u2029]/g)?.length ?? 0) + 1;
  for (const issue of report.issues) {
    if (issue.line === undefined) {
      if (required && issue.ruleId !== 'truncated') throw new Error(`an issue of validateJson has a position: ${JSON.stringify(issue)}`);
      continue;
    }
    const { line, column, endLine, endColumn } = issue;
    const ok =
      column !== undefined &&
      endLine !== undefined &&
      endColumn !== undefined &&
      line <= lines &&
      endLine <= lines &&
      column <= text.length + 1 &&
      endColumn <= text.length + 1 &&
      (endLine > line || (endLine === line && endColumn >= column));
    if (!ok) throw new Error(`positions lie in the text: ${JSON.stringify(issue)}`);
    if (issue.fix !== undefined && issue.fix.range[1] > text.length) throw new Error(`a fix lies in the text: ${JSON.stringify(issue)}`);
  }
}
