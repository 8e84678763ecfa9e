// Bundles the command line (dist/cli/main.js and everything it imports, dependencies included)
// into dist/cli/bundle/, so that `qod-policy` starts by reading a handful of files instead of
// resolving ~150 modules: about half the cold start of one file (bench/lint.mjs measures it).
// What a run may not need stays in lazy chunks (each formatter, YAML, the rules command).
// Runs after tsc (npm run build); bin/qod-policy.js uses the bundle when it exists.

import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'cli', 'bundle');

rmSync(outDir, { recursive: true, force: true });
const bundle = await rolldown({
  input: { 'qod-policy': join(root, 'dist', 'cli', 'main.js') },
  platform: 'node',
  // picomatch is loaded with require() on first use; leave it to node_modules.
  external: [/^node:/, 'picomatch'],
  logLevel: 'warn',
});
await bundle.write({
  dir: outDir,
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
});
await bundle.close();
console.log('bundled the CLI into dist/cli/bundle/');
