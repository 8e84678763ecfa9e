#!/usr/bin/env node
'use strict';
// The qod-policy command (CommonJS: bin/package.json), kept small because every start pays for
// it. It runs the bundled CLI, dist/cli/bundle/qod-policy.cjs (scripts/bundle-cli.mjs), compiled
// through vm.Script with V8's code cache: the bytecode of a previous run is read back instead of
// parsing and compiling the bundle again (docs/performance.md, "Start-up"). The cache is a file
// per bundle, Node.js version and architecture in dist/cli/bundle/code-cache/, written after a run
// that had none (npm run build makes the first). A cache that is missing, that V8 rejects (another
// V8 or flags) or that cannot be written is only slower, never an error. Without the bundle (a
// build that stopped early) the plain modules of dist/cli/ run.

const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const folder = join(__dirname, '..', 'dist', 'cli', 'bundle');
const bundle = join(folder, 'qod-policy.cjs');

/** The bundle's exports and, when it had no usable cache, a function that writes one. */
function loadBundle() {
  let source;
  try {
    // ASCII by construction (scripts/bundle-cli.mjs): Latin-1 is the fastest way to read it.
    source = readFileSync(bundle, 'latin1');
  } catch (error) {
    if (error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  // V8 accepts a cache made from any source of the same length: the name carries the content's hash.
  const id = /\/\/# qod-policy-bundle ([0-9a-f]+)\n$/.exec(source.slice(-64));
  const cacheFile = id === null ? undefined : join(folder, 'code-cache', `${id[1]}-${process.version}-${process.arch}.bin`);
  let cachedData;
  try {
    if (cacheFile !== undefined) cachedData = readFileSync(cacheFile);
  } catch {
    // none yet: made after this run
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require('node:module').createRequire(bundle), module, bundle, folder);
  const writeCache = cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected) ? () => save(script, cacheFile) : undefined;
  return { cli: module.exports, writeCache };
}

/** Writes the code cache of everything this run compiled; a file renamed into place, so a concurrent run never reads half of one. */
function save(script, cacheFile) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(join(folder, 'code-cache'), { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // a read-only install, a full disk: the next run compiles again
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing to tidy
    }
  }
}

async function start() {
  const loaded = loadBundle();
  let cli = loaded?.cli;
  if (cli === undefined) {
    try {
      cli = await import('../dist/cli/main.js');
    } catch (error) {
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('main.js')) {
        process.stderr.write("qod-policy: the package is not built (dist/ is missing): run 'npm run build' first.\n");
        return 2;
      }
      throw error;
    }
  }
  // The bundle has no import() of its own (src/cli/module-import.ts): a configuration module is loaded by this file's.
  const status = await cli.main(process.argv.slice(2), { importModule: (url) => import(url) });
  loaded?.writeCache?.();
  return status;
}

start().then((status) => {
  process.exitCode = status;
});
