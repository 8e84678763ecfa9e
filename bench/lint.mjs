// The CLI benchmark (issues 3 and 12): lints a generated corpus of 10,000 small fixture files
// (mixed valid and invalid, mostly JSON, some YAML and NDJSON) with the built binary and prints
// files per second, side by side with ajv-cli checking the same files against the CAMARA 1.2 schema
// alone; then what a YAML file costs against a JSON file of the same body, and the start-up of a
// one-file lint against `node -e 0` (interleaved runs, medians). Each target is printed with its
// ratio (bench/targets.mjs). Run after `npm run build`: node bench/lint.mjs [--files n] [--runs n]
// Speed is measured here, never asserted in tests.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { target } from './targets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'qod-policy.js');
const { values } = parseArgs({ options: { files: { type: 'string' }, runs: { type: 'string' } } });
const FILES = Number(values.files ?? 10000);
const RUNS = Number(values.runs ?? 3);
const START_RUNS = 20;
const PAIRED_FILES = 1000;
const GENERATOR = 3; // bump when the corpus changes, so an old corpus is rebuilt

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench/lint.mjs: dist/ is missing; run npm run build first.');
  process.exit(2);
}

// A small deterministic PRNG (mulberry32), so the corpus is the same on every machine.
let seed = 0x5eed;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (min, max) => min + Math.floor(random() * (max - min + 1));

function phone() {
  return `+34${int(600000000, 699999999)}`;
}

function validCamara() {
  const body = {
    device: { phoneNumber: phone() },
    applicationServer: pick([{ ipv4Address: `198.51.100.${int(0, 255)}` }, { ipv4Address: '198.51.100.0/24', ipv6Address: '2001:db8:85a3:8d3::/64' }, { ipAddresses: [`203.0.113.${int(1, 254)}`, '2001:db8::1'] }]),
    qosProfile: pick(['QOS_E', 'QOS_S', 'QOS_M', 'QOS_L']),
    duration: int(1, 86400),
  };
  if (random() < 0.5) body.devicePorts = { ranges: [{ from: 5010, to: 5020 }], ports: [int(1, 65535)] };
  if (random() < 0.3) body.sink = `https://endpoint${int(1, 99)}.example.com/sink`;
  return body;
}

function validSdk() {
  return {
    device: { phone_number: phone() },
    qos_profile: pick(['QOS_VC', 'QOS_XR', 'QOS_RVM', 'QOS_E']),
    application_server: { ipv4_address: `198.51.100.${int(0, 255)}` },
    duration: int(60, 86400),
  };
}

const BREAKERS = [
  (b) => { b.duration = 0; },
  (b) => { b.device.phoneNumber = '34600000001'; },
  (b) => { b.devicePorts = { ranges: [{ from: 5020, to: 5010 }] }; },
  (b) => { b.applicationServer = { ipv4Address: '198.51.100.0/33' }; },
  (b) => { b.extra = true; },
  (b) => { delete b.qosProfile; },
  (b) => { b.sink = 'http://endpoint.example.com/sink'; },
  (b) => { b.device = { ipv4Address: { publicAddress: '084.125.93.10', publicPort: 1 } }; },
];

function body(i) {
  if (i % 10 === 9) return validSdk();
  const b = validCamara();
  if (random() < 0.3) pick(BREAKERS)(b); // about 3 in 10 CAMARA bodies are invalid
  return b;
}

const YAML_LINE = (value, indent = '') =>
  Object.entries(value).map(([k, v]) => (typeof v === 'object' && v !== null && !Array.isArray(v)
    ? `${indent}${k}:\n${YAML_LINE(v, `${indent}  `)}`
    : `${indent}${k}: ${JSON.stringify(v)}`)).join('\n');

const corpus = join(root, '.bench-tmp', 'lint-corpus');
const stamp = join(corpus, '.stamp');
const wanted = `${GENERATOR}:${FILES}`;
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
  rmSync(corpus, { recursive: true, force: true });
  for (let i = 0; i < FILES; i++) {
    const dir = join(corpus, `d${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    const name = `body-${String(i).padStart(5, '0')}`;
    if (i % 20 === 7) writeFileSync(join(dir, `${name}.yaml`), `${YAML_LINE(body(i))}\n`);
    else if (i % 50 === 11) writeFileSync(join(dir, `${name}.ndjson`), `${JSON.stringify(body(i))}\n`);
    else writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(body(i), null, 2)}\n`);
  }
  writeFileSync(stamp, wanted);
}

// The same bodies as JSON files and as YAML files (as the corpus writes each), and one small valid file.
const paired = join(root, '.bench-tmp', 'yaml-vs-json');
const pairedStamp = join(paired, '.stamp');
if (!existsSync(pairedStamp) || readFileSync(pairedStamp, 'utf8') !== `${GENERATOR}:${PAIRED_FILES}`) {
  rmSync(paired, { recursive: true, force: true });
  mkdirSync(join(paired, 'json'), { recursive: true });
  mkdirSync(join(paired, 'yaml'), { recursive: true });
  for (let i = 0; i < PAIRED_FILES; i++) {
    const b = body(i);
    writeFileSync(join(paired, 'json', `body-${i}.json`), `${JSON.stringify(b, null, 2)}\n`);
    writeFileSync(join(paired, 'yaml', `body-${i}.yaml`), `${YAML_LINE(b)}\n`);
  }
  writeFileSync(join(root, '.bench-tmp', 'one.json'), `${JSON.stringify(validCamara(), null, 2)}\n`);
  writeFileSync(pairedStamp, `${GENERATOR}:${PAIRED_FILES}`);
}

// CPU time (user + system) of a run, when GNU time is there to tell it: on a busy machine wall
// time mostly measures the neighbours, CPU time much less so.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs node with `args` (in the checkout); its wall time, CPU time and output. Statuses 0 and 1 are answers, others failures. */
function timed(args, { ok = [0, 1] } = {}) {
  const command = TIME ? [TIME, '-f', '@@cpu %U %S', process.execPath, ...args] : [process.execPath, ...args];
  const start = process.hrtime.bigint();
  const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: '1', NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok.includes(run.status)) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, run };
}
const lint = (...args) => timed([bin, 'lint', '--no-config', ...args]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} (wall times grow with the load; CPU times much less)`);
console.log(existsSync(join(root, 'dist', 'cli', 'bundle', 'qod-policy.cjs'))
  ? 'CLI: the bundle (dist/cli/bundle/qod-policy.cjs) with its code cache'
  : 'CLI: plain modules (dist/cli/); the bundle starts faster: node scripts/bundle-cli.mjs');

// qod-policy and ajv-cli on the same corpus, in turns. ajv-cli reads JSON and YAML but not NDJSON,
// so it gets the corpus's JSON and YAML files (98% of them); each is credited with the files it read.
const ajvCli = createRequire(import.meta.url).resolve('ajv-cli/dist/index.js');
const ajvArgs = [ajvCli, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', 'schemas/qod-1.2.schema.json', '-d', '.bench-tmp/lint-corpus/**/*.{json,yaml}', '--errors=json'];
const ajvFiles = FILES - Math.floor((FILES + 38) / 50); // the NDJSON files (i % 50 === 11) are left out
console.log(`corpus: ${FILES} files in .bench-tmp/lint-corpus (about 3 in 10 invalid; 5% YAML, 2% NDJSON)`);
const ours = { json: [], stylish: [], cpu: [] };
const theirs = { ms: [], cpu: [] };
let counts = '';
for (let r = 0; r < RUNS; r++) {
  for (const format of ['json', 'stylish']) {
    const { ms, cpuMs, run } = lint('.bench-tmp/lint-corpus', '--format', format);
    ours[format].push(ms);
    if (format === 'json') {
      if (cpuMs !== undefined) ours.cpu.push(cpuMs);
      const results = JSON.parse(run.stdout);
      counts = `${results.length} bodies, ${results.filter((x) => !x.valid).length} invalid`;
    }
  }
  const ajv = timed(ajvArgs);
  theirs.ms.push(ajv.ms);
  if (ajv.cpuMs !== undefined) theirs.cpu.push(ajv.cpuMs);
}
const perSecond = (files, ms) => Math.round(files / (ms / 1000));
const cpuNote = (files, cpu) => (cpu.length > 0 ? `; CPU ${(median(cpu) / 1000).toFixed(2)} s → ${perSecond(files, median(cpu))} files per CPU second` : '');
for (const format of ['json', 'stylish']) {
  console.log(`qod-policy lint --format ${format.padEnd(8)} ${(median(ours[format]) / 1000).toFixed(2)} s (median of ${RUNS}) → ${perSecond(FILES, median(ours[format]))} files/s${format === 'json' ? `${cpuNote(FILES, ours.cpu)} (${counts})` : ''}`);
}
console.log(`ajv-cli validate (1.2 schema)   ${(median(theirs.ms) / 1000).toFixed(2)} s (median of ${RUNS}) → ${perSecond(ajvFiles, median(theirs.ms))} files/s${cpuNote(ajvFiles, theirs.cpu)} (${ajvFiles} JSON and YAML files)`);
target('lint throughput, files/s: qod-policy (json) / ajv-cli', perSecond(FILES, median(ours.json)) / perSecond(ajvFiles, median(theirs.ms)), '>=', 2);

// A YAML file against a JSON file of the same body: the same PAIRED_FILES bodies as .yaml and as
// .json, in turns; per file, what a run costs beyond the start-up of a one-file run.
const pairedRuns = { json: [], yaml: [], one: [] };
for (let r = 0; r < RUNS + 2; r++) {
  pairedRuns.one.push(lint('.bench-tmp/one.json').ms);
  pairedRuns.json.push(lint('.bench-tmp/yaml-vs-json/json').ms);
  pairedRuns.yaml.push(lint('.bench-tmp/yaml-vs-json/yaml').ms);
}
const perFile = (kind) => (median(pairedRuns[kind]) - median(pairedRuns.one)) / PAIRED_FILES;
console.log(`the same ${PAIRED_FILES} bodies: ${(perFile('json') * 1000).toFixed(0)} µs per JSON file, ${(perFile('yaml') * 1000).toFixed(0)} µs per YAML file (beyond a one-file run)`);
target('lint, a YAML file / a JSON file of the same body', perFile('yaml') / perFile('json'), '<=', 2);

// Start-up: `node -e 0` and a one-file lint in turns, medians.
const bare = [];
const oneFile = [];
const invalidFile = [];
for (let r = 0; r < START_RUNS; r++) {
  bare.push(timed(['-e', '0'], { ok: [0] }).ms);
  oneFile.push(lint('.bench-tmp/one.json').ms);
  invalidFile.push(lint('fixtures/qod-1.2/invalid/port-range-reversed.json').ms);
}
const version = median(Array.from({ length: 5 }, () => timed([bin, '--version'], { ok: [0] }).ms));
console.log(`start-up, one valid file:   ${median(oneFile).toFixed(0)} ms; node -e 0: ${median(bare).toFixed(0)} ms (medians of ${START_RUNS} interleaved runs; --version: ${version.toFixed(0)} ms)`);
console.log(`start-up, one invalid file: ${median(invalidFile).toFixed(0)} ms (with locations and the stylish report)`);
target('start-up of a one-file lint, ms after node -e 0', median(oneFile) - median(bare), '<=', 40, 'ms');
