// Small string helpers that replace regular expressions whose cost is not linear.

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
