// Bad input costs little (issue 7): invalid bodies with 1 to 100,000 problems, through validate and
// validateJson, and an 8 MB body with one problem, each as a ratio to JSON.parse of the same text.
// Best of several rounds (the machine is shared); run alone with `node bench/invalid.mjs`.
import { createValidator } from '../dist/index.js';
import { reference } from './reference-bodies.mjs';
import { best } from './best.mjs';

const { validate, validateJson } = createValidator();
// The 8 MB body holds about 400,000 values, more than the default limits let through (maxValues
// 300,000): raised for that row, so that it is validated rather than stopped by the limit.
const big8 = createValidator({ limits: { maxValues: 1_000_000 } });
const base = reference.valid;

function badPorts(count) {
  // Port 70000 is above every dialect's maximum: one problem each.
  const half = Math.min(count, 50000);
  const body = { ...base, devicePorts: { ports: Array(half).fill(70000) } };
  if (count > half) body.applicationServerPorts = { ports: Array(count - half).fill(70000) };
  return body;
}

function eightMegabytes() {
  // Every port 1..65535 as a one-port range, in both lists: valid and without overlaps; one problem.
  const ranges = Array.from({ length: 65535 }, (_, i) => ({ from: i + 1, to: i + 1 }));
  return { ...base, devicePorts: { ranges }, applicationServerPorts: { ranges }, duration: 0 };
}

const cases = [
  ['1 problem', { ...base, duration: 0 }],
  ['10 problems (the reference invalid body)', reference.invalid],
  ['100 problems', badPorts(100)],
  ['10,000 problems', badPorts(10000)],
  ['100,000 problems', badPorts(100000)],
];

function row(name, text, body, budget, validator = { validate, validateJson }) {
  const parse = best(() => JSON.parse(text), budget);
  const viaValidate = best(() => validator.validate(body), budget);
  const viaJson = best(() => validator.validateJson(text), budget);
  const problems = validator.validate(body).errorCount;
  console.log(`${name.padEnd(42)} ${String(text.length).padStart(9)} ${String(problems).padStart(8)} ${(viaValidate / parse).toFixed(2).padStart(10)} ${(viaJson / parse).toFixed(2).padStart(13)}`);
  return { parse, viaValidate, viaJson };
}

console.log('');
console.log(`${'invalid body'.padEnd(42)} ${'bytes'.padStart(9)} ${'errors'.padStart(8)} ${'validate×'.padStart(10)} ${'validateJson×'.padStart(13)}   (× JSON.parse of the same text, best of rounds)`);
for (const [name, body] of cases) row(name, JSON.stringify(body), body, 300);
const big = eightMegabytes();
const bigText = JSON.stringify(big, null, 4);
const { parse, viaValidate, viaJson } = row('8 MB body, 1 problem', bigText, big, 3000, big8);
console.log(`locating the one problem in the 8 MB body: ${((viaJson - viaValidate - parse) / parse).toFixed(2)}× JSON.parse (validateJson − validate − JSON.parse)`);
console.log('targets: 1 problem <= 5×, the reference invalid body <= 10×, every count <= 20×, locating <= 3×');
