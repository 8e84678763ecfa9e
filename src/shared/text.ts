// Quoting untrusted text in messages. A message may reach an API consumer (toErrorInfo), a log or a
// terminal: keys and values from the body are shown escaped (no control characters, no line
// breaks) and shortened, so that a huge or hostile key cannot flood a report or forge a log line.

/** Characters a message never shows raw: C0 and C1 controls, DEL, and the Unicode line separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const ANY_UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** `text` with every unprintable character written as \uXXXX (or \n, \r, \t). */
export function escapeControl(text: string): string {
  // Most text has nothing to escape: a test allocates nothing, a replace with a callback does.
  if (!ANY_UNPRINTABLE.test(text)) return text;
  return text.replace(UNPRINTABLE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** At most `max` characters of `text`, '...' marking a cut; never splits a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 3;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}...`;
}

/** A property name as a message quotes it: escaped, at most 40 characters. */
export function quoteKey(key: string): string {
  // Shorten before escaping, so that a key of megabytes costs nothing; then cap the escaped form.
  return shorten(escapeControl(shorten(key, 40)), 40);
}

/**
 * `text` without the run of `chars` at its end: what `text.replace(/[chars]+$/, '')` gives, in
 * linear time. (That regular expression is quadratic: it starts a match at every character of a
 * long run that is not at the end, and each attempt reads the rest of the run.)
 */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * A value as shown in a message: printable ASCII as is, anything else escaped as in a JSON string;
 * long values cut. JSON.stringify escapes only C0 controls, so DEL, C1 controls and the Unicode line
 * separators are escaped after it.
 */
export function printable(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max - 3)}...` : value;
  return /^[\x20-\x7e]*$/.test(cut) ? cut : escapeControl(JSON.stringify(cut).slice(1, -1));
}

/** One character as a message names it: 'x' when printable ASCII, else a JSON escape ("\u2028"). */
export function showChar(c: string): string {
  return /^[\x21-\x7e]$/.test(c) ? `'${c}'` : escapeControl(JSON.stringify(c));
}

/** The length in Unicode code points (of value[0, end)), as JSON Schema's maxLength counts it. */
export function codePointLength(value: string, end = value.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
