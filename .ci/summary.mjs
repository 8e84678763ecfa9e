// Prints `tests: N passed, N failed` from vitest's JSON report (the line CI reads). Type tests
// (test/**/*.test-d.ts, vitest typecheck) are tests of the report like the others.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
} catch (error) {
  console.error(`could not read the vitest JSON report: ${error.message}`);
  failed = 1;
}
// The test command's exit status, when given: a run that failed without a failed test in the report
// (an unhandled error, or a type error vitest's typecheck found outside the type tests) is one failure.
const status = Number(process.argv[3] ?? 0);
if (status !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
