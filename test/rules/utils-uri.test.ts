// The URI scanner of the sink rule (src/rules/utils/uri.ts), proven against its authority:
// ajv-formats' `uri` format, which the schemas use for the notification URL.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvUri, uriLike } from '../helpers/uri-like.js';
import { absoluteUriSchemeEnd, isHexDigit, uriProblem } from '../../src/rules/utils/uri.js';

describe('utils/uri', () => {
  describe('absoluteUriSchemeEnd', () => {
    it('decides "absolute URI" exactly as ajv-formats uri does', () => {
      fc.assert(
        fc.property(uriLike, (s) => {
          expect(absoluteUriSchemeEnd(s) >= 0).toBe(ajvUri(s));
        }),
        { numRuns: 20000 },
      );
    }, 30_000);

    it('points at the colon that ends the scheme', () => {
      fc.assert(
        fc.property(uriLike, (s) => {
          const end = absoluteUriSchemeEnd(s);
          fc.pre(end >= 0);
          expect(s[end]).toBe(':');
          expect(s.slice(0, end)).toMatch(/^[A-Za-z][A-Za-z0-9+.-]*$/);
        }),
        { numRuns: 5000 },
      );
    }, 30_000);

    it.each([
      ['https://application-server.com/notifications', true],
      ['https:', false],
      ['https:/', true],
      ['https://', true],
      ['https:///x', true],
      ['https:foo', true],
      ['urn:isbn:0451450523', true],
      ['mailto:', false],
      ['https://a b', false],
      ['https://[::1]:8443/x', true],
      ['https://[v1.x]/', true],
      ['https://[::1', false],
      ['https://x/#a#b', false],
      ['https://x/?a?b#c?d', true],
      ['https://x/%41', true],
      ['https://x/%4', false],
      ['https://x/?%4', false],
      ['https://x/#%4', false],
      ['https://x/?%41#%41', true],
      ['1https://x', false],
      ['https://x/<', false],
      ['', false],
    ])('reads %j as %s, like ajv-formats', (s, expected) => {
      expect(absoluteUriSchemeEnd(s) >= 0).toBe(expected);
      expect(ajvUri(s)).toBe(expected);
    });
  });

  describe('uriProblem', () => {
    it.each([
      ['', 'it is empty'],
      ['https://a b', 'it contains whitespace'],
      ['https://bücher.example/', "it contains the non-ASCII character 'ü' (percent-encode it)"],
      ['//example.com/x', "it does not start with a scheme such as 'https:'"],
      ['https://x/%4g', "it has a '%' that is not followed by two hexadecimal digits"],
      ['https:', 'it has nothing after the scheme'],
      ['https:?q', 'it has nothing after the scheme'],
      ['https://x/<', 'it contains "<", which a URI does not allow unencoded'],
      ['https://x/#a#b', "it does not follow the URI syntax of RFC 3986 (a '#' or '[' out of place)"],
    ])('explains %j: %s', (s, reason) => {
      expect(absoluteUriSchemeEnd(s)).toBe(-1);
      expect(uriProblem(s)).toBe(reason);
    });

    it('explains every string the scanner rejects', () => {
      fc.assert(
        fc.property(uriLike, (s) => {
          fc.pre(absoluteUriSchemeEnd(s) < 0);
          expect(uriProblem(s)).toMatch(/^it /);
        }),
        { numRuns: 5000 },
      );
    }, 30_000);
  });

  it('isHexDigit accepts exactly 0-9, a-f and A-F', () => {
    for (let c = 0; c < 200; c++) expect(isHexDigit(c), String.fromCharCode(c)).toBe(/^[0-9a-fA-F]$/.test(String.fromCharCode(c)));
  });
});
