// Quoting untrusted text in messages. A message may reach an API consumer (toErrorInfo), a log or a
// terminal: keys and values from the body are shown escaped (no control characters, no line
// breaks) and shortened, so that a huge or hostile key cannot flood a report or forge a log line.

/** Characters a message never shows raw: C0 and C1 controls, DEL, and the Unicode line separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` with every unprintable character written as \uXXXX (or \n, \r, \t). */
export function escapeControl(text: string): string {
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
