// validateJson on arbitrary strings, near-JSON text and arbitrary bytes (byte-order marks, bytes that
// are not UTF-8, NULs): it never throws, every report is well-formed and located in the text, text
// that is JSON is judged as its value, text that is not is a 'parse' finding, and the same text gives
// the same report whether it comes as a string or as its UTF-8 bytes.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validateJson, type Report } from '../../src/index.js';
import { VALID } from './bodies.js';
import { TIMEOUT, check } from './harness.js';
import { checkPaths, checkPrototypes, checkReport, checkSame } from './invariants.js';
import { checkPositions, jsonOf, utf8, wellFormed } from './text.js';

const BOM = '\uFEFF';
const encoder = new TextEncoder();

/** Strings that look a little like JSON more often than random ones do. */
const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ':', ',', '"', '\\', 'u', '0', '1', '9', '-', 'e', '.', ' ', '\n', '\r', '\t', 't', 'r', 'n', 'l', 'a', BOM, '\u0000', '\u2028', '\ud800') });

const strings = fc
  .tuple(fc.nat({ max: 3 }), fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), jsonish))
  .map(([boms, text]) => BOM.repeat(boms) + text);

/** A valid body's text, or a JSON value's, as the editing below starts from. */
const jsonText = fc.oneof(
  fc.constantFrom(...VALID['qod-1.2'], ...VALID['qod-sdk']).map((fixture) => fixture.text),
  fc.jsonValue({ stringUnit: 'binary' }).map((value) => JSON.stringify(value, null, 1)),
);

/** One edit of a text: what a broken client, a proxy or an attacker might do to it. */
type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate member'; member: string }
  | { kind: 'boms'; count: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(jsonish, fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate member' as const), member: fc.constantFrom('"qosProfile":"QOS_E",', '"duration":1,', '"device":{},', '"a":1,"a":2,', '"__proto__":{"x":1},') }),
  fc.record({ kind: fc.constant('boms' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

function edited(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = 'at' in e ? e.at % (out.length + 1) : 0;
    switch (e.kind) {
      case 'insert':
        out = out.slice(0, at) + e.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + e.length);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'duplicate member':
        out = out.replace('{', `{${e.member}`);
        break;
      case 'boms':
        out = BOM.repeat(e.count) + out;
    }
  }
  return out;
}

const nearJson = fc.tuple(jsonText, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) => edited(text, edits));

/** What holds for any text: well-formed, located, judged as its value or as a parse finding. */
function checkText(text: string, report: Report): void {
  checkReport(report);
  checkPositions(text, report, true);
  const parsed = jsonOf(text);
  if (parsed.ok) checkPaths(parsed.value, report);
  else if (report.valid || !report.issues.some((i) => i.ruleId === 'parse' && i.severity === 'error')) {
    throw new Error(`text that is not JSON is a parse error: ${JSON.stringify(report.issues.slice(0, 3))}`);
  }
  checkPrototypes();
}

function checkString(text: string): void {
  const report = validateJson(text);
  checkText(text, report);
  checkSame(report, validateJson(text));
  // The same text as UTF-8 bytes (lone surrogates have no UTF-8 form).
  if (wellFormed(text)) checkSame(report, validateJson(encoder.encode(text)));
}

/** Bytes that are hard on a decoder: byte-order marks of every encoding, NULs, ill-formed sequences. */
const awkwardBytes = fc.constantFrom(
  [0xef, 0xbb, 0xbf],
  [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
  [0xfe, 0xff],
  [0xff, 0xfe],
  [0x00],
  [0x00, 0x00, 0xfe, 0xff],
  [0xc0, 0x80], // an overlong NUL
  [0xed, 0xa0, 0x80], // a surrogate
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xe2, 0x82], // a truncated sequence
  [0x80],
  [0xff],
);

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.tuple(fc.array(awkwardBytes, { maxLength: 3 }), fc.oneof(nearJson, jsonText), fc.nat(), fc.array(awkwardBytes, { maxLength: 2 })).map(([prefix, text, at, inside]) => {
    const body = [...encoder.encode(text)];
    const cut = body.length === 0 ? 0 : at % (body.length + 1);
    return Uint8Array.from([...prefix.flat(), ...body.slice(0, cut), ...inside.flat(), ...body.slice(cut)]);
  }),
);

describe('validateJson on any text', () => {
  it(
    'arbitrary strings, byte-order marks first: never throws, well-formed and located, a parse finding unless JSON',
    () => {
      check('json-text: validateJson on strings', fc.property(strings, checkString));
    },
    TIMEOUT,
  );

  it(
    'near-JSON text (valid bodies edited, members duplicated, BOMs added): the same promises',
    () => {
      check('json-text: validateJson on near-JSON text', fc.property(nearJson, checkString));
    },
    TIMEOUT,
  );

  it(
    'arbitrary bytes (BOMs, NULs, bytes that are not UTF-8): never throws; UTF-8 bytes are judged as their text',
    () => {
      check(
        'bytes: validateJson on byte sequences',
        fc.property(bytes, (input) => {
          const copy = input.slice();
          const report = validateJson(input);
          checkReport(report);
          const text = utf8(input);
          if (text === undefined) {
            if (report.valid || !report.issues.some((i) => i.ruleId === 'parse')) throw new Error(`bytes that are not UTF-8 are a parse error: ${JSON.stringify(report.issues)}`);
          } else {
            checkText(text, report);
            checkSame(report, validateJson(text));
          }
          checkSame(report, validateJson(input));
          if (Buffer.compare(copy, input) !== 0) throw new Error('the input is unchanged: the bytes were written to');
        }),
      );
    },
    TIMEOUT,
  );
});
