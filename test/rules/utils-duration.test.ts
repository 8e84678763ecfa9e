import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeBound, isAbove, isBelow, toSeconds } from '../../src/rules/utils/duration.js';

describe('toSeconds', () => {
  it('converts every unit exactly', () => {
    expect(toSeconds({ value: 2, unit: 'Days' })).toMatchObject({ seconds: '172800', whole: true, ceil: 172800, floor: 172800 });
    expect(toSeconds({ value: 3, unit: 'Hours' })).toMatchObject({ seconds: '10800', ceil: 10800 });
    expect(toSeconds({ value: 10, unit: 'Minutes' })).toMatchObject({ seconds: '600', text: '10 Minutes' });
    expect(toSeconds({ value: 7, unit: 'Seconds' })).toMatchObject({ seconds: '7', ceil: 7, floor: 7 });
    expect(toSeconds({ value: 1500, unit: 'Milliseconds' })).toMatchObject({ seconds: '1.5', whole: false, ceil: 2, floor: 1 });
    expect(toSeconds({ value: 1, unit: 'Microseconds' })).toMatchObject({ seconds: '0.000001', ceil: 1, floor: 0 });
    expect(toSeconds({ value: 1_000_000_001, unit: 'Nanoseconds' })).toMatchObject({ seconds: '1.000000001', ceil: 2, floor: 1 });
    expect(toSeconds({ value: 0, unit: 'Nanoseconds' })).toMatchObject({ seconds: '0', ceil: 0, floor: 0 });
  });

  it('keeps values beyond 2^53 exact as BigInt', () => {
    expect(toSeconds({ value: 2147483647, unit: 'Days' })).toMatchObject({ seconds: '185542587100800', ceil: 185542587100800 });
    const beyond = toSeconds({ value: 1e20, unit: 'Days' })!;
    expect(beyond.ceil).toBe(8_640_000_000_000_000_000_000_000n);
    expect(isBelow(2147483647, beyond.ceil)).toBe(true);
    expect(isAbove(1e300, beyond.floor)).toBe(true);
    // The double nearest 8.64e24 is not that integer: the comparison uses the double's exact value.
    expect(isBelow(8.64e24, beyond.ceil)).toBe(BigInt(8.64e24) < 8_640_000_000_000_000_000_000_000n);
    expect(isBelow(2 ** 83, beyond.ceil)).toBe(false);
    expect(isAbove(2 ** 83, beyond.floor)).toBe(true);
  });

  it('rejects malformed durations', () => {
    for (const d of [undefined, { value: 1 }, { unit: 'Days' }, { value: -1, unit: 'Days' }, { value: 1.5, unit: 'Days' }, { value: 1, unit: 'Weeks' }, { value: 1, unit: 'toString' }]) {
      expect(toSeconds(d as never)).toBeUndefined();
    }
  });

  it('describes bounds in their own unit', () => {
    expect(describeBound(toSeconds({ value: 10, unit: 'Minutes' })!, 'max')).toBe('10 Minutes (600 s)');
    expect(describeBound(toSeconds({ value: 600, unit: 'Seconds' })!, 'max')).toBe('600 Seconds');
    expect(describeBound(toSeconds({ value: 1500, unit: 'Milliseconds' })!, 'min')).toBe('1500 Milliseconds (1.5 s, so at least 2 s)');
    expect(describeBound(toSeconds({ value: 1500, unit: 'Milliseconds' })!, 'max')).toBe('1500 Milliseconds (1.5 s, so at most 1 s)');
  });

  it('has ceil and floor that bracket the exact value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2147483647 }), fc.constantFrom('Milliseconds', 'Microseconds', 'Nanoseconds'), (value, unit) => {
        const d = toSeconds({ value, unit })!;
        const per = { Milliseconds: 1000n, Microseconds: 1_000_000n, Nanoseconds: 1_000_000_000n }[unit];
        const ceil = BigInt(d.ceil);
        const floor = BigInt(d.floor);
        expect(floor * per <= BigInt(value) && BigInt(value) <= ceil * per).toBe(true);
        expect(ceil - floor).toBe(d.whole ? 0n : 1n);
      }),
    );
  });
});
