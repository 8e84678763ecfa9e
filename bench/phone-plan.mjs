// The numbering-plan check's choices (src/rules/utils/phone-plan.ts), measured: the fast path
// (`new PhoneNumber(e164, metadata)`, no text parsing) against the full parse it falls back to,
// and the 'min' metadata set the rule uses against the 'max' set. One process, one fixed sample:
// an example mobile number of every country libphonenumber-js knows, in E.164, plus the same
// numbers with a digit dropped (mostly impossible or invalid).
// Run: node bench/phone-plan.mjs (no build needed). Speed is measured here, never asserted in tests.

import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getCountryCallingCode, parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import max from 'libphonenumber-js/metadata.max.json';
import min from 'libphonenumber-js/metadata.min.json';
import { Bench } from 'tinybench';

const valid = Object.entries(examples).map(([country, national]) => `+${getCountryCallingCode(country, min)}${national}`);
const SAMPLE = [...valid, ...valid.map((n) => n.slice(0, -1))];

let sink = 0; // keeps results alive so nothing is optimised away
const fast = (metadata) => () => {
  for (const n of SAMPLE) {
    const number = new PhoneNumber(n, metadata);
    sink ^= number.isValid() && number.isPossible() ? 1 : 2;
  }
};
const full = (metadata) => () => {
  for (const n of SAMPLE) {
    const number = parsePhoneNumberFromString(n, { extract: false }, metadata);
    sink ^= number !== undefined && number.isValid() && number.isPossible() ? 1 : 2;
  }
};
const TASKS = {
  'fast path, min metadata (the rule)': fast(min),
  'full parse, min metadata': full(min),
  'fast path, max metadata': fast(max),
  'full parse, max metadata': full(max),
};

const bench = new Bench({ time: 500, warmupTime: 200 });
// tinybench's first task runs slow whatever it is; this one absorbs that and is not reported.
bench.add('warm-up', () => { for (const n of SAMPLE) sink ^= n.length; });
for (const [name, fn] of Object.entries(TASKS)) bench.add(name, fn);
await bench.run(); // a first round warms every path up
for (const task of bench.tasks) task.reset?.();
await bench.run();

const us = new Map(bench.tasks.map((t) => [t.name, ((t.result.latency?.mean ?? t.result.mean) * 1000) / SAMPLE.length])); // tinybench reports ms
const base = us.get('fast path, min metadata (the rule)');
console.log('');
console.log(`numbering plans: libphonenumber-js, node ${process.version}; ${SAMPLE.length} numbers (${valid.length} countries' examples, each also one digit short)`);
console.log(`${'µs per number'.padEnd(40)} ${'µs'.padStart(7)} ${'× the rule'.padStart(11)}`);
for (const name of Object.keys(TASKS)) console.log(`${name.padEnd(40)} ${us.get(name).toFixed(2).padStart(7)} ${`${(us.get(name) / base).toFixed(1)}×`.padStart(11)}`);
const require = createRequire(import.meta.url);
const size = (file) => `${Math.round(statSync(require.resolve(`libphonenumber-js/${file}`)).size / 1000)} kB`;
console.log(`metadata files: min ${size('metadata.min.json')}, max ${size('metadata.max.json')}`);
if (sink === 0.5) console.log(sink);
