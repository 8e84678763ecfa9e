// YAML anchors and aliases (issue 7): lints 48 KB alias-heavy YAML files with the built command and
// prints the time of each, median of a few runs. Speed is measured here, never asserted in tests.
// Run after `npm run build`: node bench/yaml-aliases.mjs [--runs n] [--bin path/to/qod-policy.js]
// (--bin times another build, e.g. one of an earlier commit, on the same files.)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Not strict: npm run bench passes its arguments to every part.
const { values } = parseArgs({ options: { runs: { type: 'string' }, bin: { type: 'string' } }, strict: false });
const RUNS = Number(values.runs ?? 3);
const bin = values.bin === undefined ? join(root, 'bin', 'qod-policy.js') : resolve(values.bin);
const SIZE = 48 * 1024;

if (!existsSync(bin)) {
  console.error(`bench/yaml-aliases.mjs: ${bin} is missing; run npm run build first.`);
  process.exit(2);
}

/** Repeats `unit(i)` after `head` until the text reaches SIZE characters, then adds `tail`. */
function fill(head, unit, tail = '') {
  let text = head;
  for (let i = 0; text.length < SIZE; i++) text += unit(i);
  return text + tail;
}

const files = {
  // The reported shape: one anchor, aliases to it until the file is 48 KB (about 12,000).
  'one anchor, 12k aliases': fill('a: &a x\nlist: [', () => '*a, ', '*a]\n'),
  // Anchors each named once: no alias is repeated, so a count per anchor never trips.
  'distinct anchors, each aliased once': fill('', (i) => `k${i}: &a${i} x\nv${i}: *a${i}\n`),
  // Anchored collections used as mapping keys (their names are copied for each such key).
  'anchors and collection keys': fill('', (i) => `? [k${i}]\n: &a${i} x\n`),
  // Within the limits: 100 aliases, then 48 KB of plain mappings. The text's own cost.
  'within the limits: 100 aliases + plain text': fill(`base: &b {x: 1, y: [1, 2]}\nlist:\n${'  - *b\n'.repeat(100)}other:\n`, (i) => `  k${i}: [a, b, {c: d}]\n`),
};

const dir = join(root, '.bench-tmp', 'yaml-aliases');
mkdirSync(dir, { recursive: true });

// CPU time (user + system) when GNU time is there: on a busy machine wall time mostly measures
// the neighbours.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function timed(file) {
  const args = [bin, 'lint', file, '--no-config', '--format', 'json'];
  const command = TIME ? [TIME, '-f', '@@cpu %U %S', process.execPath, ...args] : [process.execPath, ...args];
  const start = process.hrtime.bigint();
  const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CI: '1', NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`qod-policy exited ${run.status}: ${run.stderr}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  const [result] = JSON.parse(run.stdout);
  const first = result?.issues?.[0];
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, outcome: first === undefined ? 'valid' : `${first.ruleId}/${first.messageId}` };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('');
console.log(`YAML aliases: lint one 48 KB file (${bin === join(root, 'bin', 'qod-policy.js') ? 'this build' : bin}), median of ${RUNS}`);
for (const [name, text] of Object.entries(files)) {
  const file = join(dir, `${name.replace(/[^a-z0-9]+/g, '-')}.yaml`);
  writeFileSync(file, text);
  const runs = Array.from({ length: RUNS }, () => timed(file));
  const cpu = runs[0].cpuMs === undefined ? '' : `, CPU ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(2)} s`;
  console.log(`${name.padEnd(46)} ${String(Buffer.byteLength(text)).padStart(6)} B  ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2).padStart(6)} s${cpu}  first finding: ${runs[0].outcome}`);
}
