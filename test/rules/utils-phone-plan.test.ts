import fc from 'fast-check';
import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { getCountryCallingCode, parsePhoneNumberFromString, PhoneNumber, type E164Number } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import { _phonePlanCacheSize, numberingPlanProblem, planVerdict } from '../../src/rules/utils/phone-plan.js';

describe('numberingPlanProblem', () => {
  it('accepts exactly the numbers the full parse finds possible and valid (fast path included)', () => {
    // Prefixes of shared calling codes (+1 US/CA..., +44 GB/GG/JE/IM, +7 RU/KZ), national-prefix
    // cases (+46 0...), non-geographic codes and unused ones.
    const prefix = fc.constantFrom('+1', '+1416', '+1204', '+44', '+447911', '+447624', '+7', '+77', '+34', '+346', '+465', '+460', '+39', '+390', '+800', '+882', '+999', '+86', '+49', '+3');
    fc.assert(
      fc.property(prefix, fc.stringMatching(/^[0-9]{2,12}$/), (p, rest) => {
        const e164 = `${p}${rest}`;
        const parsed = parsePhoneNumberFromString(e164, { extract: false }, metadata);
        const fine = parsed !== undefined && parsed.isPossible() && parsed.isValid();
        expect(numberingPlanProblem(e164) === undefined).toBe(fine);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a plan's answer as the library's PhoneNumber does, on every country's example number and its neighbours", () => {
    const valid = Object.entries(examples).map(([country, national]) => `+${getCountryCallingCode(country as never, metadata)}${national}`);
    const sample = [...valid, ...valid.flatMap((n) => [n.slice(0, -1), `${n}0`, `${n.slice(0, -1)}${(Number(n.at(-1)) + 1) % 10}`, n.slice(0, 4) + n.slice(5)])];
    let answered = 0;
    for (const e164 of sample) {
      // The calling code's length, as the library finds it (the first of 1 to 3 digits it knows).
      const length = [1, 2, 3].find((l) => (metadata.country_calling_codes as Record<string, unknown>)[e164.slice(1, 1 + l)] !== undefined);
      if (length === undefined || e164.length <= length + 1) continue;
      const verdict = planVerdict(e164, length);
      if (verdict === undefined) continue;
      answered++;
      const number = new PhoneNumber(e164 as E164Number, metadata);
      expect(verdict, e164).toBe(number.isValid() && number.isPossible());
    }
    expect(answered).toBeGreaterThan(sample.length / 2);
  });

  it('names the problem and the country', () => {
    expect(numberingPlanProblem('+34500000000')).toEqual({ messageId: 'invalidNumber', callingCode: '34', country: 'ES' });
    expect(numberingPlanProblem('+3412345')).toEqual({ messageId: 'impossibleNumber', callingCode: '34', country: 'ES' });
    expect(numberingPlanProblem('+99912345')).toEqual({ messageId: 'unknownCallingCode', callingCode: '', country: undefined });
    expect(numberingPlanProblem('+00000')).toEqual({ messageId: 'unknownCallingCode', callingCode: '', country: undefined });
    expect(numberingPlanProblem('+88212345678')).toEqual({ messageId: 'invalidNumber', callingCode: '882', country: undefined });
    expect(numberingPlanProblem('+14165550123')).toBeUndefined();
  });

  it('answers repeated numbers from its cache, which stays bounded', () => {
    const first = numberingPlanProblem('+34500000001');
    expect(first).toBeDefined();
    expect(numberingPlanProblem('+34500000001')).toBe(first);
    // Still cached after a few hundred other numbers...
    for (let i = 0; i < 400; i++) numberingPlanProblem(`+3460${String(i).padStart(7, '0')}`);
    expect(numberingPlanProblem('+34500000001')).toBe(first);
    // ...forgotten after a few thousand, and the cache never holds more than 1024 numbers.
    for (let i = 0; i < 3000; i++) {
      numberingPlanProblem(`+3461${String(i).padStart(7, '0')}`);
      expect(_phonePlanCacheSize()).toBeLessThanOrEqual(1024);
    }
    const again = numberingPlanProblem('+34500000001');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});
