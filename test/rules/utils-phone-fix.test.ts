// e164Fix: the phone-number rule's fix relies on libphonenumber-js reading a number written for
// people as the same number its digits make. These tests hold the two to agreeing: every
// country's example mobile number, written as libphonenumber-js itself formats it for people,
// gets its E.164 form; separators anywhere never yield another number.

import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { e164Fix } from '../../src/rules/utils/phone-fix.js';

const countries = Object.keys(examples) as CountryCode[];

describe('e164Fix agrees with libphonenumber-js', () => {
  it("fixes every country's example number as libphonenumber-js writes it for people, with spaces, dashes or dots", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const country of countries) {
      const example = getExampleNumber(country, examples, metadata);
      if (example === undefined || !example.isValid()) continue;
      const international = example.formatInternational();
      for (const written of [international, international.replace(/ /g, '-'), international.replace(/ /g, '.')]) {
        if (written === example.number) continue; // nothing to fix
        checked++;
        if (e164Fix(written) !== example.number) wrong.push(`${country}: ${written} → ${e164Fix(written)}, not ${example.number}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('never offers a number other than the digits written, and only when libphonenumber-js reads those very digits as valid', () => {
    const separator = fc.constantFrom(' ', '-', '.', '(', ')', '', '', '');
    const written = fc
      .tuple(fc.constantFrom(...countries), fc.array(separator, { minLength: 20, maxLength: 20 }), fc.boolean())
      .map(([country, separators, real]) => {
        const example = getExampleNumber(country, examples, metadata)!;
        const digits = real ? example.number.slice(1) : `${example.countryCallingCode}0${example.nationalNumber}`;
        return `+${[...digits].map((digit, i) => (i === 0 ? digit : separators[i % separators.length]! + digit)).join('')}`;
      });
    let fixedCount = 0;
    fc.assert(
      fc.property(written, (text) => {
        const fixed = e164Fix(text);
        if (fixed !== undefined) fixedCount++;
        const digits = `+${text.replace(/[^0-9]/g, '')}`;
        if (fixed !== undefined) {
          expect(fixed).toBe(digits);
          const read = parsePhoneNumberFromString(text, { extract: false }, metadata);
          expect(read?.number).toBe(digits);
          expect(read?.isValid()).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(fixedCount).toBeGreaterThan(50);
  });

  it('gives nothing for a text that is E.164 already (nothing to fix)', () => {
    expect(e164Fix('+34600000000')).toBeUndefined();
  });
});
