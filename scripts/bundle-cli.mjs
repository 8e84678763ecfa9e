// Bundles the command line (dist/cli/main.js and everything it imports, dependencies included)
// into one CommonJS file, dist/cli/bundle/qod-policy.cjs, which bin/qod-policy.js compiles with
// V8's code cache: a start reads two files and deserialises bytecode instead of resolving,
// parsing and compiling ~150 ES modules (docs/performance.md, "Start-up"; bench/lint.mjs
// measures it). What a run may not need is evaluated only when used: each dynamic import()
// (a command, a formatter) becomes a function that runs its modules on first call.
//
// The file is ASCII (every other character is written as a \u escape), so the loader can read
// it as Latin-1, V8's cheapest string, and its last line names a hash of its content: a code
// cache is used only by the bundle it was made from (V8 checks nothing but the source's length).
// Finally a lint of every fixture (each dialect, valid and invalid bodies, JSON, NDJSON and YAML)
// writes the code cache for the Node.js that built it: the bytecode of nearly every function a lint
// runs, so that no run compiles them again (a one-file start reads a larger cache, about as fast).
// Runs after tsc (npm run build).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { stringify } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'cli', 'bundle');
const file = join(outDir, 'qod-policy.cjs');

rmSync(outDir, { recursive: true, force: true });
const bundle = await rolldown({
  input: join(root, 'dist', 'cli', 'main.js'),
  platform: 'node',
  // picomatch is loaded with require() on first use; leave it to node_modules.
  external: [/^node:/, 'picomatch'],
  logLevel: 'warn',
});
await bundle.write({ file, format: 'cjs', codeSplitting: false });
await bundle.close();

/**
 * rolldown puts the require() of every Node.js module the bundle imports at its top, so each run
 * would load http, https, stream and crypto, which only serve and probe use (a few ms of every
 * start). Each of these is written `node_<name>.<member>` in the bundle: its first use requires it.
 * Any other use of the name stops the build rather than guess.
 */
const LAZY_BUILTINS = ['crypto', 'http', 'https', 'stream'];
function requireBuiltinsOnUse(text) {
  for (const name of LAZY_BUILTINS) {
    const binding = `node_${name}`;
    const declaration = `let ${binding} = require("node:${name}");\n`;
    if (!text.includes(declaration)) continue;
    const uses = text.match(new RegExp(`\\b${binding}\\b`, 'g')).length - 1;
    const memberUses = text.match(new RegExp(`\\b${binding}\\.`, 'g'))?.length ?? 0;
    if (uses !== memberUses) throw new Error(`bundle-cli: ${binding} is used otherwise than as ${binding}.<member>; load node:${name} eagerly or extend requireBuiltinsOnUse`);
    text = text.replace(declaration, `let ${binding};\n`).replaceAll(new RegExp(`\\b${binding}\\.`, 'g'), `(${binding} ??= require("node:${name}")).`);
  }
  return text;
}

/** Every character outside ASCII as a \u escape (UTF-16 units): the same program in strings, templates, regular expressions and comments. */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const code = asciiOnly(requireBuiltinsOnUse(readFileSync(file, 'utf8')));
if (code.includes('String.raw')) throw new Error('bundle-cli: String.raw would show the \\u escapes written for non-ASCII characters');
const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
writeFileSync(file, `${code}\n//# qod-policy-bundle ${id}\n`, 'latin1');

// The code cache of a first run (bin/qod-policy.js writes it when it has none); status 1: the
// invalid fixtures. fixtures/ holds JSON only: two of its bodies go in as YAML and NDJSON too.
const extra = mkdtempSync(join(tmpdir(), 'qod-policy-warm-'));
try {
  const valid = JSON.parse(readFileSync(join(root, 'fixtures', 'qod-1.2', 'valid', 'address-list.json'), 'utf8'));
  const invalid = JSON.parse(readFileSync(join(root, 'fixtures', 'qod-1.2', 'invalid', 'port-range-reversed.json'), 'utf8'));
  writeFileSync(join(extra, 'bodies.yaml'), `${stringify(valid)}---\n${stringify(invalid)}`);
  writeFileSync(join(extra, 'bodies.ndjson'), `${JSON.stringify(valid)}\n${JSON.stringify(invalid)}\n`);
  const warm = spawnSync(process.execPath, [join(root, 'bin', 'qod-policy.js'), 'lint', '--no-config', join(root, 'fixtures'), extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (warm.status !== 1 || warm.stderr !== '') throw new Error(`bundle-cli: the bundled CLI failed on fixtures/ (status ${warm.status}):\n${warm.stderr}`);
} finally {
  rmSync(extra, { recursive: true, force: true });
}
console.log(`bundled the CLI into dist/cli/bundle/qod-policy.cjs (${id}) and wrote its code cache`);
