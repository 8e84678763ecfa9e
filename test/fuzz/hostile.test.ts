// Hostile JavaScript values for validate and validateAsync (./hostile.ts): getters and Proxy traps
// that throw values an error handler chokes on, sparse arrays with lengths in the billions, cycles,
// exotic prototypes, '__proto__' members. Every general promise holds (./invariants.ts), and each
// kind gives the report it must: a wrapper that holds the same JSON gives the plain body's report;
// input beyond a limit gives that one 'limits' finding, at the value it names.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validate, validateAsync, type Report } from '../../src/index.js';
import { TIMEOUT, checkAsync } from './harness.js';
import { build, recipes, type Built } from './hostile.js';
import { checkPaths, checkPrototypes, checkReport, checkSame, checkUnchanged, snapshot } from './invariants.js';

/** Kinds too large to snapshot on every run; plain data, which only the limits walk reads. */
const UNSNAPSHOTTED = new Set(['deep', 'many values']);

function checkExpectation(built: Built, report: Report): void {
  const { expect } = built;
  if (expect.kind === 'same as plain') checkSame(report, validate(expect.plain));
  else if (expect.kind === 'one limits finding') {
    const [issue, ...rest] = report.issues;
    const where = issue?.path === expect.path || (expect.below && issue?.path.startsWith(`${expect.path}/`));
    if (rest.length > 0 || issue?.ruleId !== 'limits' || issue.messageId !== expect.messageId || !where) {
      throw new Error(`one '${expect.messageId}' limits finding at ${expect.path}${expect.below ? ' or below' : ''}: ${JSON.stringify(report.issues.slice(0, 3))}`);
    }
  }
}

describe('hostile JavaScript values', () => {
  it(
    'validate and validateAsync: never throw, resolve, well-formed reports, the report each kind demands, input and prototypes unchanged',
    async () => {
      await checkAsync(
        'hostile: validate and validateAsync',
        fc.asyncProperty(recipes, async (recipe) => {
          const built = build(recipe);
          const { input } = built;
          const before = UNSNAPSHOTTED.has(recipe.hostile.kind) ? undefined : snapshot(input);
          const report = validate(input);
          checkReport(report);
          checkExpectation(built, report);
          if (built.deterministic) checkPaths(input, report);
          let promise: Promise<Report>;
          try {
            promise = validateAsync(input);
          } catch (error) {
            throw new Error(`validateAsync threw synchronously: ${String(error)}`);
          }
          const later = await promise.catch((error: unknown) => {
            throw new Error(`validateAsync rejected: ${String(error)}`);
          });
          checkReport(later);
          if (built.deterministic) {
            checkSame(report, later);
            checkSame(report, validate(input));
          }
          if (before !== undefined) checkUnchanged(before, snapshot(input));
          checkPrototypes();
        }),
      );
    },
    TIMEOUT,
  );
});
