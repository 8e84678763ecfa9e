// Cost of each rule on the valid reference body: the best of 15 rounds of 5,000 calls each (the
// minimum is the least noisy figure on a shared machine), with every other rule off. 'parse' is
// JSON.parse of the same body, 'none' the schema and model alone, 'all' the default configuration.
import { createValidator, rules } from '../dist/index.js';
import { reference } from './reference-bodies.mjs';
const body = JSON.parse(JSON.stringify(reference.valid)); const text = JSON.stringify(body);
const off = Object.fromEntries(Object.keys(rules).map((id) => [id, 'off']));
const variants = { parse: null, none: createValidator({ rules: off }), all: createValidator() };
for (const id of Object.keys(rules)) variants[id] = createValidator({ rules: { ...off, [id]: 'error' } });
const best = {};
for (let round = 0; round < 15; round++) for (const [name, v] of Object.entries(variants)) {
  const t = performance.now(); for (let i = 0; i < 5000; i++) { if (v) v.validate(body); else JSON.parse(text); }
  const us = (performance.now() - t) / 5; best[name] = Math.min(best[name] ?? 1e9, us);
}
console.log('\nper rule, best of 15 rounds (µs per validate; ratio to JSON.parse)');
for (const [k, v] of Object.entries(best)) console.log(k.padEnd(28), v.toFixed(2).padStart(6), (v / best.parse).toFixed(2).padStart(6));
