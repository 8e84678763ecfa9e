// Says precisely what is wrong with a phone number's syntax, for a dialect's phone-number facts.
// The dialect's `pattern` and `maxLength` decide whether the syntax is right (they are the
// schema's); the diagnosis only names the reason, and falls back to 'notPhoneNumber' if the facts
// ever disagree, so that nothing the schema rejects is let through.

import type { DialectFacts } from '../../dialects/types.js';
import { codePointLength } from '../../shared/text.js';

export type PhoneSyntax = DialectFacts['phoneNumber'];

/** What is wrong with a phone number's syntax (positions are 1-based, in characters). */
export type PhoneSyntaxProblem =
  | { readonly kind: 'whitespace'; readonly position: number }
  | { readonly kind: 'nonDigit'; readonly position: number; readonly character: string }
  | { readonly kind: 'missingPlus' }
  | { readonly kind: 'leadingZero' }
  | { readonly kind: 'tooShort'; readonly digits: number }
  | { readonly kind: 'tooLong'; readonly digits: number; readonly length: number }
  | { readonly kind: 'notPhoneNumber' };

const WHITESPACE = /\s/u;
const PLUS = 43;
const ZERO = 48;
const NINE = 57;

/** Whether `value` has more than `max` characters (Unicode code points, as JSON Schema counts). */
export function longerThan(value: string, max: number): boolean {
  if (value.length <= max) return false;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A low surrogate that follows a high one continues the same code point.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = value.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    if (++count > max) return true;
  }
  return false;
}

/** Whether the syntax facts accept `value` (pattern and maxLength, exactly as the schema does). */
export function isPhoneSyntaxValid(value: string, syntax: PhoneSyntax): boolean {
  return !longerThan(value, syntax.maxLength) && syntax.pattern.test(value);
}

/**
 * What is wrong with `value`, or undefined when the dialect accepts it. The checks run from the
 * most concrete problem to the most general: whitespace, another non-digit, the '+', the first
 * digit, the digit count, the length.
 */
export function phoneSyntaxProblem(value: string, syntax: PhoneSyntax): PhoneSyntaxProblem | undefined {
  const tooManyCharacters = longerThan(value, syntax.maxLength);
  if (!tooManyCharacters && syntax.pattern.test(value)) return undefined;

  const space = value.search(WHITESPACE);
  if (space !== -1) return { kind: 'whitespace', position: codePointLength(value, space) + 1 };
  const hasPlus = value.charCodeAt(0) === PLUS;
  for (let i = hasPlus ? 1 : 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < ZERO || unit > NINE) {
      return { kind: 'nonDigit', position: codePointLength(value, i) + 1, character: String.fromCodePoint(value.codePointAt(i)!) };
    }
  }
  // Now value is an optional '+' followed by ASCII digits only.
  const digits = value.length - (hasPlus ? 1 : 0);
  if (digits === 0) return { kind: 'notPhoneNumber' };
  if (!hasPlus && syntax.plus === 'required') return { kind: 'missingPlus' };
  if (!syntax.leadingZero && value.charCodeAt(hasPlus ? 1 : 0) === ZERO) return { kind: 'leadingZero' };
  if (digits < syntax.digits.min) return { kind: 'tooShort', digits };
  if (digits > syntax.digits.max || tooManyCharacters) return { kind: 'tooLong', digits, length: value.length };
  return { kind: 'notPhoneNumber' };
}
