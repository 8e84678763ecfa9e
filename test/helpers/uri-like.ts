// URI-like strings for property tests of the sink rule and its URI scanner: valid URLs, edits of
// them, and strings over the URI alphabet; and ajv-formats' own 'uri' format, the oracle.
import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';

export const ajvUri = fullFormats.uri as (s: string) => boolean;
const uriChars = "abcAZ09-._~!$&'()*+,;=:@/?#%[]\\ \"<>^`{|}é".split('');

/** URI-like strings: valid URLs, edits of them, and strings over the URI alphabet. */
export const uriLike = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl({ validSchemes: ['https', 'ftp', 'urn', 'mailto', 'a+b-c.d'], withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.webUrl(), fc.nat(), fc.constantFrom(...uriChars)).map(([u, at, c]) => {
    const i = at % (u.length + 1);
    return u.slice(0, i) + c + u.slice(i);
  }),
  fc
    .tuple(
      fc.constantFrom('https:', 'http:', 'x:', 'https://', 'https:///', 'https://[', 'https://[::1]', 'https://[v1.x]', 'https://u@', '1https:', ':'),
      fc.string({ unit: fc.constantFrom(...uriChars), maxLength: 12 }),
    )
    .map(([a, b]) => a + b),
  fc.string({ unit: fc.constantFrom(...uriChars), maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);
