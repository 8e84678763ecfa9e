// Quoting untrusted text: escaped, shortened, never a raw control character or line separator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldName, showValue } from '../../src/shared/messages.js';
import { escapeControl, printable, quoteKey, shorten } from '../../src/shared/text.js';

const RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('quoting untrusted text', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb', 'a\\nb'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['x\u2028y', 'x\\u2028y'],
    ['k'.repeat(1_000_000), `${'k'.repeat(37)}...`],
  ])('quoteKey(%j) is %j', (key, quoted) => {
    expect(quoteKey(key)).toBe(quoted);
  });

  it('never shows a raw control character and never exceeds 40 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (key) => {
        const quoted = quoteKey(key);
        expect(quoted.length).toBeLessThanOrEqual(40);
        expect(RAW.test(quoted)).toBe(false);
        expect(RAW.test(fieldName(`/a/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`))).toBe(false);
        expect(RAW.test(showValue(key))).toBe(false);
      }),
      { seed: 20261130 },
    );
  });

  it('shorten never splits a surrogate pair', () => {
    expect(shorten(`${'a'.repeat(36)}😀😀😀`, 40)).toBe(`${'a'.repeat(36)}...`);
    expect(escapeControl('\t')).toBe('\\t');
  });

  it.each([
    ['DEL', 'a\u007fb', 'a\\u007fb'],
    ['a C1 control (NEL)', 'a\u0085b', 'a\\u0085b'],
    ['the line separator', 'a\u2028b', 'a\\u2028b'],
    ['the paragraph separator', 'a\u2029b', 'a\\u2029b'],
    ['a C0 control', 'a\u001bb', 'a\\u001bb'],
  ])('printable escapes %s', (_, value, shown) => {
    expect(printable(value)).toBe(shown);
  });

  it('printable and showValue read back as JSON strings to the value they show (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const shown = printable(value);
        expect(RAW.test(shown)).toBe(false);
        expect(JSON.parse(`"${shown}"`)).toBe(value);
        // showValue quotes, so a control character must not come out as a doubled backslash.
        expect(RAW.test(showValue(value))).toBe(false);
        expect(JSON.parse(showValue(value))).toBe(value);
      }),
      { seed: 20261130 },
    );
  });
});

describe('fieldName', () => {
  // The general rule, written independently: indexes in brackets, names joined by dots.
  const oracle = (segments: string[]) => segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? quoteKey(s) : `.${quoteKey(s)}`)).join('');
  const segment = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), fc.nat({ max: 70000 }).map(String), fc.string({ maxLength: 6 }));

  it('the fast path for plain pointers agrees with the general rule (property)', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const pointer = segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
        expect(fieldName(pointer)).toBe(oracle(segments));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });

  it.each([
    ['', 'the request body'],
    ['/devicePorts/ports/5', 'devicePorts.ports[5]'],
    ['/device/a~1b', 'device.a/b'],
  ])('%j is %j', (pointer, name) => {
    expect(fieldName(pointer)).toBe(name);
  });
});
