import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test run of `npm run mutate`: the in-process tests only. The CLI tests spawn the built
// bin/ and dist/, which a mutant of src/ never reaches, so they could kill no mutant and would
// only slow every run; so does the packaging test, which packs and installs a copy of the sources.
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['test/cli/**', 'test/packaging/**', 'node_modules/**'], reporters: ['default'] },
  }),
);
