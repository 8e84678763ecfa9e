// Absolute URIs as ajv-formats' `uri` format reads them (RFC 3986), for the sink rule, which owns
// the schemas' `format: uri`. The common case is decided by a scanner over the same grammar that
// allocates nothing; a URI with an IP literal ('https://[::1]/') goes to ajv-formats itself.
// test/rules/utils-uri.test.ts proves with fast-check that the scanner agrees with ajv-formats.

import { fullFormats } from 'ajv-formats/dist/formats.js';
import { escapeControl } from '../../shared/text.js';

const SCHEME = 1;
/** pchar: unreserved, sub-delims, ':' and '@' (RFC 3986 3.3). */
const PCHAR = 2;
/** Query and fragment characters: pchar, '/' and '?'. */
const QCHAR = 4;
const HEX = 8;

const CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const alnum = /[A-Za-z0-9]/.test(ch);
  if (alnum || '+-.'.includes(ch)) CHARS[c]! |= SCHEME;
  if (alnum || "-._~!$&'()*+,;=:@".includes(ch)) CHARS[c]! |= PCHAR | QCHAR;
  if ('/?'.includes(ch)) CHARS[c]! |= QCHAR;
  if (/[0-9A-Fa-f]/.test(ch)) CHARS[c]! |= HEX;
}

function has(c: number, kind: number): boolean {
  return c < 128 && (CHARS[c]! & kind) !== 0;
}

/** Whether the character code is a hexadecimal digit. */
export function isHexDigit(c: number): boolean {
  return has(c, HEX);
}

function isPercentEncoded(s: string, i: number): boolean {
  return i + 2 < s.length && has(s.charCodeAt(i + 1), HEX) && has(s.charCodeAt(i + 2), HEX);
}

const ajvUri = fullFormats.uri as (value: string) => boolean;

/**
 * The index of the ':' that ends the scheme of an absolute URI, or -1 when `s` is not one.
 * Agrees with ajv-formats' `uri`: scheme ':' hier-part ['?' query] ['#' fragment], where the
 * hier-part is a non-empty run of path characters and '/' (all its RFC 3986 forms together).
 */
export function absoluteUriSchemeEnd(s: string): number {
  const length = s.length;
  if (length === 0) return -1;
  const c = s.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
  let i = 1;
  while (i < length && has(s.charCodeAt(i), SCHEME)) i++;
  if (i === length || s.charCodeAt(i) !== 58) return -1;
  const schemeEnd = i++;
  // The hier-part is not empty.
  if (i === length || s.charCodeAt(i) === 63 || s.charCodeAt(i) === 35) return -1;
  return isUriRest(s, i) ? schemeEnd : -1;
}

/**
 * Whether `s`, from index `i` inside a hier-part that is not empty and valid so far (all of
 * s[0, i) an absolute URI's scheme, ':' and hier-part characters), ends as an absolute URI does:
 * the rest of the hier-part, then ['?' query] ['#' fragment]. absoluteUriSchemeEnd's second half,
 * for a caller that has read the start itself (the sink rule's 'https://' and host).
 */
export function isUriRest(s: string, i: number): boolean {
  const length = s.length;
  let c: number;
  for (; i < length; i++) {
    c = s.charCodeAt(i);
    if (c === 63 || c === 35) break;
    if (c === 47 || has(c, PCHAR)) continue;
    if (c === 37 && isPercentEncoded(s, i)) {
      i += 2;
      continue;
    }
    // An IP literal host ('[2001:db8::1]'): rare in a sink; ajv-formats' grammar decides.
    if (c === 91 || c === 93) return ajvUri(s);
    return false;
  }
  if (i < length && s.charCodeAt(i) === 63) {
    // The query, up to a '#'.
    for (i++; i < length; i++) {
      c = s.charCodeAt(i);
      if (c === 35) break;
      if (has(c, QCHAR)) continue;
      if (c === 37 && isPercentEncoded(s, i)) {
        i += 2;
        continue;
      }
      return false;
    }
  }
  if (i < length) {
    // The fragment, after the '#' (which it may not contain again).
    for (i++; i < length; i++) {
      c = s.charCodeAt(i);
      if (has(c, QCHAR)) continue;
      if (c === 37 && isPercentEncoded(s, i)) {
        i += 2;
        continue;
      }
      return false;
    }
  }
  return true;
}

/** Why a string is not an absolute URI (the failure path). */
export function uriProblem(s: string): string {
  if (s === '') return 'it is empty';
  const space = /\s/.exec(s);
  if (space) return 'it contains whitespace';
  const nonAscii = /[^\x00-\x7f]/u.exec(s);
  if (nonAscii) return `it contains the non-ASCII character '${escapeControl(nonAscii[0])}' (percent-encode it)`;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s)) return "it does not start with a scheme such as 'https:'";
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return "it has a '%' that is not followed by two hexadecimal digits";
  if (/^[^:]*:(?:[?#]|$)/.test(s)) return 'it has nothing after the scheme';
  const bad = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%[\]]/.exec(s);
  if (bad) return `it contains ${escapeControl(JSON.stringify(bad[0]))}, which a URI does not allow unencoded`;
  return "it does not follow the URI syntax of RFC 3986 (a '#' or '[' out of place)";
}
