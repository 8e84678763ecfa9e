// npm run bench: measures, in one process, the full validation of reference bodies against
// JSON.parse of the same bytes and against ajv alone with the same (compiled) schema, and prints
// each as a ratio to JSON.parse, then the targets of the accept pass (docs/performance.md) with
// their ratios. Speed is measured here, never asserted in tests.
import { Bench } from 'tinybench';
import { createValidator, dialectIds } from '../dist/index.js';
import { _acceptSwitch } from '../dist/engine/accept.js';
import * as schema12 from '../dist/schema/compiled/qod-1.2.js';
import { reference, validByDialect } from './reference-bodies.mjs';
import { target, targetSummary } from './targets.mjs';

const BATCH = 200; // operations per timed iteration: single calls are too short to time alone
const { validate, validateJson } = createValidator();

const validText = JSON.stringify(reference.valid);
const invalidText = JSON.stringify(reference.invalid);
const validBody = JSON.parse(validText);
const invalidBody = JSON.parse(invalidText);

// 20,000 bodies that differ only in the phone number, so no cache can answer for them.
const distinct = Array.from({ length: 20000 }, (_, i) => {
  const body = structuredClone(validBody);
  body.device.phoneNumber = `+346${String(10000000 + i * 37).padStart(8, '0')}`;
  return body;
});
let next = 0;

/** The engine without the accept pass (every stage runs), for the invalid body: what it cost before. */
function withoutPass(fn) {
  return () => {
    _acceptSwitch.enabled = false;
    try {
      fn();
    } finally {
      _acceptSwitch.enabled = true;
    }
  };
}

let sink = 0; // keeps results alive so nothing is optimised away
const tasks = {
  // tinybench's first task runs slow whatever it is; this one absorbs that and is not reported.
  'warm-up': () => { sink ^= JSON.parse(invalidText).duration; },
  'JSON.parse (valid, {bytes} B)': () => { sink ^= JSON.parse(validText).duration; },
  'ajv alone (valid)': () => { sink ^= schema12.validate(validBody) ? 1 : 0; },
  'validate (valid)': () => { sink ^= validate(validBody).errorCount; },
  'validate (valid, new phone number each call)': () => { sink ^= validate(distinct[next++ % distinct.length]).errorCount; },
  'validateJson (valid text: parse + validate)': () => { sink ^= validateJson(validText).errorCount; },
  'JSON.parse (invalid, {ibytes} B)': () => { sink ^= JSON.parse(invalidText).duration; },
  'ajv alone (invalid)': () => { sink ^= schema12.validate(invalidBody) ? 1 : 0; },
  'validate (invalid)': () => { sink ^= validate(invalidBody).errorCount; },
  'validate (invalid), accept pass off': withoutPass(() => { sink ^= validate(invalidBody).errorCount; }),
};

// The valid reference body of every dialect (bench/reference-bodies.mjs), each under its dialect.
const perDialect = dialectIds.map((id) => {
  const text = JSON.stringify(validByDialect[id]);
  const body = JSON.parse(text);
  const v = createValidator({ dialect: id });
  return { id, text, body, validate: v.validate };
});
for (const { id, text, body, validate: run } of perDialect) {
  tasks[`JSON.parse (${id}, ${Buffer.byteLength(text)} B)`] = () => { sink ^= JSON.parse(text).qos ? 1 : 0; };
  tasks[`validate (${id})`] = () => { sink ^= run(body).errorCount; };
}

const bench = new Bench({ time: 1000, warmupTime: 300 });
for (const [name, fn] of Object.entries(tasks)) {
  bench.add(name.replace('{bytes}', String(Buffer.byteLength(validText))).replace('{ibytes}', String(Buffer.byteLength(invalidText))), () => {
    for (let i = 0; i < BATCH; i++) fn();
  });
}
await bench.run(); // a first full round warms every path up (the first task would otherwise pay for it)
for (const task of bench.tasks) task.reset?.();
await bench.run();

// The median sample of each task: a garbage collection or another process that lengthens a few
// samples on a shared machine does not move it (the mean it does). µs (tinybench reports ms).
const perOp = new Map(bench.tasks.map((t) => [t.name, (t.result.latency?.p50 ?? t.result.p50) * 1000 / BATCH]));
const names = [...perOp.keys()].filter((name) => name !== 'warm-up');
const find = (prefix) => perOp.get(names.find((name) => name.startsWith(prefix)));
const parseValid = find('JSON.parse (valid,');
const parseInvalid = find('JSON.parse (invalid,');
/** The JSON.parse a task is compared with: its own body's. */
function baseOf(name) {
  const dialect = /^validate \((qod-[^)]+)\)$/.exec(name)?.[1] ?? /^JSON\.parse \((qod-[^,]+),/.exec(name)?.[1];
  if (dialect !== undefined) return find(`JSON.parse (${dialect},`);
  return name.includes('invalid') ? parseInvalid : parseValid;
}
console.log(`node ${process.version}, ${BATCH} calls per sample, median sample; ratios are to JSON.parse of the same body`);
console.log('');
console.log(`${'task'.padEnd(52)} ${'µs/op'.padStart(9)} ${'× JSON.parse'.padStart(13)}`);
for (const name of names) {
  const us = perOp.get(name);
  console.log(`${name.padEnd(52)} ${us.toFixed(2).padStart(9)} ${(us / baseOf(name)).toFixed(2).padStart(13)}`);
}

// The targets of the accept pass (issue 12), each with its ratio.
console.log('');
console.log('targets (x JSON.parse of the same text):');
for (const { id } of perDialect) target(`validate, valid body of ${id}`, perOp.get(`validate (${id})`) / find(`JSON.parse (${id},`), '<=', 1.0);
target('validate, valid body, a new phone number each call', perOp.get('validate (valid, new phone number each call)') / parseValid, '<=', 1.5);
target('validateJson, valid text', perOp.get('validateJson (valid text: parse + validate)') / parseValid, '<=', 2.0);
// Invalid bodies pay for the pass's attempt (it stops at the first doubt): with it and without it,
// in turns, the best of 40 rounds (a ratio of two tinybench figures is too noisy for a few percent).
let withPass = Infinity;
let withoutIt = Infinity;
const off = withoutPass(() => { sink ^= validate(invalidBody).errorCount; });
for (let round = 0; round < 40; round++) {
  let t = performance.now();
  for (let i = 0; i < 500; i++) sink ^= validate(invalidBody).errorCount;
  withPass = Math.min(withPass, performance.now() - t);
  t = performance.now();
  for (let i = 0; i < 500; i++) off();
  withoutIt = Math.min(withoutIt, performance.now() - t);
}
target('validate, invalid body: with the pass / without it', withPass / withoutIt, '<=', 1.05);
if (sink === 0.5) console.log(sink);

// Per-rule costs, best of many rounds.
await import('./rules.mjs');

// Bad input costs little (issue 7): 1 to 100,000 problems, and an 8 MB body with one.
await import('./invalid.mjs');

// Locating issues in big texts (issue 7): what one targeted walk costs against JSON.parse.
await import('./locate.mjs');

// The hand-written address code against ipaddr.js, the dependency it stands in for.
await import('./ip.mjs');

// The numbering-plan check's fast path and metadata set against the alternatives.
await import('./phone-plan.mjs');

// The linter's figures (issue 3): files per second on a generated corpus, and cold start.
await import('./lint.mjs');

// The size of a browser/worker bundle (issue 9).
await import('./edge.mjs');

// YAML anchors and aliases (issue 7): 48 KB alias-heavy files through the built command.
await import('./yaml-aliases.mjs');

// Every target of the run together (issues 9 and 12), as measured above.
console.log('');
console.log('all targets of this run:');
console.log(targetSummary());
