// @ts-check
// `npm run mutate`: mutation testing of the rules and the engine (Stryker with its vitest runner).
// Not part of `npm test` or CI: a full run takes a long while on a small machine. Narrow it with
// --mutate, e.g. `npm run mutate -- --mutate src/rules/port-ranges.ts`. The report is written to
// reports/mutation/ (HTML and JSON) and summed up on the console.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/rules/**/*.ts', 'src/engine/**/*.ts'],
  // Tests are chosen per mutant from the coverage of each test.
  coverageAnalysis: 'perTest',
  // Module-level code (message tables, lookup tables built at import) runs before any test, so a
  // mutant there needs every test; such mutants cost most of a run and are left out.
  ignoreStatic: true,
  concurrency: 2,
  // Property tests run thousands of cases; give a slow mutant room before calling it a timeout.
  timeoutFactor: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
