// Arbitrary JSON values through validate, validateAsync and validateJson: every promise of the public
// API holds (./invariants.ts), and the three entry points agree with one another.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validate, validateAsync, validateJson, type Issue, type Report } from '../../src/index.js';
import { at, containers, places, replaced, validBody } from './bodies.js';
import { TIMEOUT, check, checkAsync } from './harness.js';
import { checkPaths, checkPrototypes, checkReport, checkSame, checkUnchanged } from './invariants.js';
import { checkPositions } from './text.js';

/**
 * JSON values of three kinds: anything (mostly not a body at all), anything with control characters
 * and lone surrogates in keys and strings, and a valid body with one place replaced or one member
 * added, which reaches the rules.
 */
const jsonValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue({ stringUnit: 'binary' }),
  fc
    .tuple(validBody(), fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: undefined }))
    .map(([body, i, value, key]) => {
      if (key === undefined) {
        const all = places(body);
        return replaced(body, all[i % all.length]!, value);
      }
      // A new member of an object, or a new last item of an array.
      const objects = containers(body);
      const parent = objects[i % objects.length]!;
      const node = at(body, parent);
      return replaced(body, [...parent, Array.isArray(node) ? node.length : key], value);
    }),
);

/** The report without positions and fixes (validate has no text to locate issues in, nor to edit). */
function unlocated(report: Report): Report {
  const strip = ({ line: _l, column: _c, endLine: _el, endColumn: _ec, fix: _f, ...issue }: Issue): Issue => issue;
  return { ...report, issues: report.issues.map(strip) };
}

/** What every report on a JSON value must be: well formed, its paths resolving, the value and the prototypes untouched, the same as validate gives again. */
function checkValueReport(value: unknown, before: unknown, report: Report): void {
  checkReport(report);
  checkPaths(value, report);
  checkUnchanged(before, value);
  checkPrototypes();
  checkSame(report, validate(value));
}

describe('arbitrary JSON values', () => {
  it(
    'validate: never throws, a well-formed report whose paths resolve, input and prototypes unchanged, the same report twice',
    () => {
      check(
        'json-values: validate',
        fc.property(jsonValues, (value) => {
          const before = structuredClone(value);
          const report = validate(value);
          checkValueReport(value, before, report);
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'validateAsync: never throws synchronously, always resolves, to the report validate gives',
    async () => {
      await checkAsync(
        'json-values: validateAsync',
        fc.asyncProperty(jsonValues, async (value) => {
          const before = structuredClone(value);
          let promise: Promise<Report>;
          try {
            promise = validateAsync(value);
          } catch (error) {
            throw new Error(`validateAsync threw synchronously: ${String(error)}`);
          }
          if (!(promise instanceof Promise)) throw new Error('validateAsync returns a promise');
          const report = await promise.catch((error: unknown) => {
            throw new Error(`validateAsync rejected: ${String(error)}`);
          });
          checkValueReport(value, before, report);
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'validateJson of the JSON text gives the report validate gives, every issue located in the text',
    () => {
      check(
        'json-values: validateJson agrees with validate',
        fc.property(jsonValues, (value) => {
          const text = JSON.stringify(value);
          const fromText = validateJson(text);
          checkReport(fromText);
          checkPositions(text, fromText, true);
          // The value JSON.parse makes from the text (-0 is 0 there), as validateJson sees it.
          checkSame(unlocated(fromText), validate(JSON.parse(text)));
        }),
      );
    },
    TIMEOUT,
  );
});
