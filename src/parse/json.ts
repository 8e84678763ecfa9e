// JSON text → value. The fast path is JSON.parse; positions are computed only when needed.

export interface ParseFailure {
  message: string;
  /** 1-based. */
  line: number;
  column: number;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: ParseFailure };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes bytes as UTF-8 (a BOM is dropped); undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Line and column (1-based, in UTF-16 code units) of an offset in text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}

/** Parses JSON text; a failure names the position where the text stops being JSON. */
export function parseJson(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const reason = (error as Error).message;
    const match = /at position (\d+)/.exec(reason);
    const offset = match ? Number(match[1]) : body.trim() === '' ? 0 : body.length;
    const { line, column } = positionAt(body, offset);
    const message = body.trim() === ''
      ? 'The text is empty: a JSON object is required.'
      : `The text is not valid JSON: ${reason.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')} (line ${line}, column ${column}).`;
    return { ok: false, error: { message, line, column } };
  }
}
