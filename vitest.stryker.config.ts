import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test run of `npm run mutate`: the in-process tests only. The CLI tests spawn the built
// bin/ and dist/, which a mutant of src/ never reaches, so they could kill no mutant and would
// only slow every run.
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['test/cli/**', 'node_modules/**'], reporters: ['default'] },
  }),
);
