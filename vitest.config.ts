import { defineConfig } from 'vitest/config';

// CI asks for a JSON report too (QOD_TEST_JSON=<file>), from which .ci/run prints its summary line.
const json = process.env.QOD_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
    // Type tests (test/**/*.test-d.ts, expectTypeOf and @ts-expect-error) run with the others: tsc
    // checks them with the project's tsconfig, and each test-d `test` is a test of the report.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
