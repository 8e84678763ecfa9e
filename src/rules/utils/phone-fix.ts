// The E.164 form of a phone number written for people ('+34 600 000 000', '+1 (202) 555-0100',
// '+44.20.7946.0958'), offered as the phone-number rule's fix only where it cannot change which
// number is meant: the text has the '+' and a country calling code already (no country is ever
// guessed), its only other characters are digits, separators and brackets, and libphonenumber-js
// reads it as the same number the digits make, valid in its numbering plan. Where they differ
// ('+44 (0) 20 7946 0958': the '(0)' is a trunk prefix the digits keep and libphonenumber-js
// drops), no fix is offered.

import { readInternational } from './phone-plan.js';

/**
 * '+', digits, then groups of digits each after one separator (a space, '-' or '.'), or a bracketed
 * group with or without one; digits may follow a bracket directly. Written so that no two parts can
 * match the same digits (linear time whatever the input).
 */
const WRITTEN_FOR_PEOPLE = /^\+[0-9]+(?:[ .-]?\([0-9]+\)[0-9]*|[ .-][0-9]+)*$/;
const NOT_A_DIGIT = /[^0-9]/g;

/** The E.164 form of `value` when that is certain (see above); undefined otherwise. */
export function e164Fix(value: string): string | undefined {
  if (!WRITTEN_FOR_PEOPLE.test(value)) return undefined;
  const digits = `+${value.replace(NOT_A_DIGIT, '')}`;
  if (digits === value) return undefined;
  const read = readInternational(value);
  return read !== undefined && read.valid && read.number === digits ? digits : undefined;
}
