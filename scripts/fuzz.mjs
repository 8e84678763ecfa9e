#!/usr/bin/env node
// npm run fuzz: the property tests of test/fuzz/ with many more cases than `npm test` runs
// (1,000,000 by default, shared out among the properties by test/fuzz/harness.ts; the accept pass's
// differential property runs as many again on its own), then one line per property: cases run,
// failures, time; and for a failure its counterexample and seed.
//
//   npm run fuzz                          1,000,000 cases (and 1,000,000 for the accept pass), a new seed (printed)
//   npm run fuzz -- --runs 10000          fewer
//   npm run fuzz -- --seed 20261127       the seed of an earlier run, to replay it
//
// Exits 1 when a property fails or does not report (vitest crashed, a property was renamed), 2 on
// bad usage.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');

function usage(message) {
  if (message) process.stderr.write(`fuzz: ${message}\n`);
  process.stderr.write('usage: npm run fuzz -- [--runs <cases>] [--seed <integer>]\n');
  process.exit(message ? 2 : 0);
}

let values;
try {
  ({ values } = parseArgs({
    options: { runs: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (error) {
  usage(error.message);
}
if (values.help) usage();
const runs = values.runs === undefined ? 1_000_000 : Number(values.runs.replace(/[_,]/g, ''));
if (!Number.isSafeInteger(runs) || runs < 1) usage(`--runs must be a positive integer, not '${values.runs}'`);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isSafeInteger(seed)) usage(`--seed must be an integer, not '${values.seed}'`);

// The property names and shares are in test/fuzz/harness.ts; read back from the report file.
const folder = mkdtempSync(join(tmpdir(), 'qod-fuzz-'));
const reportFile = join(folder, 'report.ndjson');
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

const number = (n) => n.toLocaleString('en-US');
const duration = (ms) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

process.stdout.write(`fuzz: ${number(runs)} cases, seed ${seed}\n`);
const started = Date.now();

/** Each property's outcome, printed as soon as its line reaches the report file. */
const outcomes = [];
function readOutcomes() {
  if (!existsSync(reportFile)) return;
  const lines = readFileSync(reportFile, 'utf8').split('\n').filter(Boolean);
  for (const line of lines.slice(outcomes.length)) {
    const outcome = JSON.parse(line);
    outcomes.push(outcome);
    process.stdout.write(`  done: ${outcome.name} (${number(outcome.runs)} cases, ${outcome.failed ? 'FAILED' : 'passed'}, ${duration(outcome.ms)})\n`);
  }
}
const poll = setInterval(readOutcomes, 1000);

const child = spawn(process.execPath, [vitest, 'run', 'test/fuzz', '--reporter=dot'], {
  cwd: root,
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_REPORT: reportFile, FC_SEED: String(seed) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const status = await new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
clearInterval(poll);
readOutcomes();
rmSync(folder, { recursive: true, force: true });

// The table: every property of the harness, in its order, whether it reported or not.
const shares = readFileSync(join(root, 'test/fuzz/harness.ts'), 'utf8');
const names = [...shares.matchAll(/^\s+'([^']+)': \{ ci: /gm)].map((m) => m[1]);
const width = Math.max(...names.map((n) => n.length), 8);
const rows = [`${'property'.padEnd(width)}  ${'cases'.padStart(9)}  failures  ${'time'.padStart(12)}`];
let total = 0;
let failures = 0;
const missing = [];
for (const name of names) {
  const found = outcomes.filter((o) => o.name === name);
  if (found.length === 0) {
    missing.push(name);
    rows.push(`${name.padEnd(width)}  ${'-'.padStart(9)}  ${'none ran'.padStart(8)}  ${''.padStart(12)}`);
    continue;
  }
  for (const o of found) {
    total += o.runs;
    if (o.failed) failures++;
    rows.push(`${name.padEnd(width)}  ${number(o.runs).padStart(9)}  ${String(o.failed ? 1 : 0).padStart(8)}  ${duration(o.ms).padStart(12)}`);
  }
}
rows.push(`${'total'.padEnd(width)}  ${number(total).padStart(9)}  ${String(failures).padStart(8)}  ${duration(Date.now() - started).padStart(12)}`);
process.stdout.write(`\n${rows.join('\n')}\n`);

// Counterexamples hold whatever the generators made: controls other than line breaks are shown escaped.
const printable = (text) => text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const o of outcomes.filter((o) => o.failed)) process.stdout.write(`\n${o.name} failed (seed ${o.seed}):\n${printable(o.message)}\n`);
if (missing.length > 0) {
  process.stdout.write(`\nNo result from: ${missing.join(', ')}. vitest said:\n${output.slice(-20_000)}\n`);
} else if (status !== 0 && failures === 0) {
  process.stdout.write(`\nvitest exited with ${status} although every property passed:\n${output.slice(-20_000)}\n`);
}
process.exit(failures > 0 || missing.length > 0 || status !== 0 ? 1 : 0);
