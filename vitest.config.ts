import { defineConfig } from 'vitest/config';

// CI asks for a JSON report too (QOD_TEST_JSON=<file>), from which .ci/run prints its summary line.
const json = process.env.QOD_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
