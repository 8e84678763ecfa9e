import { describe, expect, it } from 'vitest';
import { dialects } from '../../src/dialects/index.js';
import { isPhoneSyntaxValid, longerThan, phoneSyntaxProblem, type PhoneSyntax } from '../../src/rules/utils/phone-syntax.js';

const e164 = dialects['qod-1.2'].facts.phoneNumber;
const sdk = dialects['qod-sdk'].facts.phoneNumber;

describe('phoneSyntaxProblem', () => {
  it('accepts what the dialect accepts', () => {
    for (const value of ['+12345', '+123456789012345', '+34600000000']) expect(phoneSyntaxProblem(value, e164)).toBeUndefined();
    for (const value of ['12345', '+00000', '123456789012345', '+123456789012345']) expect(phoneSyntaxProblem(value, sdk)).toBeUndefined();
  });

  it('names the first problem, most concrete first', () => {
    expect(phoneSyntaxProblem('+34 60-0', e164)).toEqual({ kind: 'whitespace', position: 4 });
    expect(phoneSyntaxProblem('+34-600', e164)).toEqual({ kind: 'nonDigit', position: 4, character: '-' });
    expect(phoneSyntaxProblem('3460', e164)).toEqual({ kind: 'missingPlus' });
    expect(phoneSyntaxProblem('+01', e164)).toEqual({ kind: 'leadingZero' });
    expect(phoneSyntaxProblem('+1', e164)).toEqual({ kind: 'tooShort', digits: 1 });
    expect(phoneSyntaxProblem('1', sdk)).toEqual({ kind: 'tooShort', digits: 1 });
    expect(phoneSyntaxProblem('1234567890123456', sdk)).toEqual({ kind: 'tooLong', digits: 16, length: 16 });
    expect(phoneSyntaxProblem('', sdk)).toEqual({ kind: 'notPhoneNumber' });
  });

  it('falls back to notPhoneNumber when the facts describe less than the pattern checks', () => {
    // A pattern stricter than the descriptive facts: the pattern decides, nothing slips through.
    const strict: PhoneSyntax = { ...e164, pattern: /^\+1[0-9]{4,14}$/ };
    expect(isPhoneSyntaxValid('+34600000000', strict)).toBe(false);
    expect(phoneSyntaxProblem('+34600000000', strict)).toEqual({ kind: 'notPhoneNumber' });
  });

  it('counts characters as JSON Schema does (code points)', () => {
    expect(longerThan('😀'.repeat(16), 16)).toBe(false);
    expect(longerThan('😀'.repeat(17), 16)).toBe(true);
    expect(longerThan('a'.repeat(16), 16)).toBe(false);
    expect(longerThan('\udc00'.repeat(17), 16)).toBe(true);
  });
});
