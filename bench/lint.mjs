// The CLI benchmark (issue 3): lints a generated corpus of 10,000 small fixture files (mixed valid
// and invalid, mostly JSON, some YAML and NDJSON) with the built binary and prints files per second;
// then the single-file cold start (process start to exit), median of several runs.
// Run after `npm run build`: node bench/lint.mjs [--files n] [--runs n]
// Speed is measured here, never asserted in tests.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'qod-policy.js');
const { values } = parseArgs({ options: { files: { type: 'string' }, runs: { type: 'string' } } });
const FILES = Number(values.files ?? 10000);
const RUNS = Number(values.runs ?? 3);
const COLD_RUNS = 11;
const GENERATOR = 2; // bump when the corpus changes, so an old corpus is rebuilt

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
  // A single small valid file for the cold start.
  writeFileSync(join(corpus, '..', 'one.json'), `${JSON.stringify(validCamara(), null, 2)}\n`);
  writeFileSync(stamp, wanted);
}

// CPU time (user + system) of the run, when GNU time is there to tell it: on a busy machine wall
// time mostly measures the neighbours, CPU time much less so.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function timed(args) {
  const command = TIME ? [TIME, '-f', '@@cpu %U %S', process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  const start = process.hrtime.bigint();
  const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: '1', NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`qod-policy exited ${run.status}: ${run.stderr}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, run };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} (wall times grow with the load; CPU times much less)`);
console.log(existsSync(join(root, 'dist', 'cli', 'bundle', 'qod-policy.js'))
  ? 'CLI: the bundle (dist/cli/bundle/)'
  : 'CLI: plain modules (dist/cli/); the bundle starts faster: node scripts/bundle-cli.mjs');
console.log(`corpus: ${FILES} files in .bench-tmp/lint-corpus (about 3 in 10 invalid; 5% YAML, 2% NDJSON)`);
for (const format of ['json', 'stylish']) {
  const times = [];
  const cpuTimes = [];
  let counts = '';
  for (let r = 0; r < RUNS; r++) {
    const { ms, cpuMs, run } = timed(['lint', '.bench-tmp/lint-corpus', '--no-config', '--format', format]);
    times.push(ms);
    if (cpuMs !== undefined) cpuTimes.push(cpuMs);
    if (format === 'json') {
      const results = JSON.parse(run.stdout);
      counts = `${results.length} bodies, ${results.filter((x) => !x.valid).length} invalid`;
    }
  }
  const ms = median(times);
  const cpu = cpuTimes.length > 0 ? `; CPU ${(median(cpuTimes) / 1000).toFixed(2)} s → ${Math.round(FILES / (median(cpuTimes) / 1000))} files per CPU second` : '';
  console.log(`lint --format ${format.padEnd(8)} ${(ms / 1000).toFixed(2)} s (median of ${RUNS}) → ${Math.round(FILES / (ms / 1000))} files/s${cpu}${counts ? ` (${counts})` : ''}`);
}

const baseline = median(Array.from({ length: COLD_RUNS }, () => {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - start) / 1e6;
}));
const coldRuns = Array.from({ length: COLD_RUNS }, () => timed(['lint', '.bench-tmp/one.json', '--no-config']));
const cold = median(coldRuns.map((r) => r.ms));
const coldCpu = coldRuns[0].cpuMs === undefined ? '' : `, CPU ${median(coldRuns.map((r) => r.cpuMs)).toFixed(0)} ms`;
const coldInvalid = median(Array.from({ length: COLD_RUNS }, () => timed(['lint', 'fixtures/qod-1.2/invalid/port-range-reversed.json', '--no-config']).ms));
const version = median(Array.from({ length: COLD_RUNS }, () => timed(['--version']).ms));
console.log(`cold start, one valid file:   ${cold.toFixed(0)} ms (median of ${COLD_RUNS}${coldCpu}; node -e 0 alone: ${baseline.toFixed(0)} ms; --version: ${version.toFixed(0)} ms)`);
console.log(`cold start, one invalid file: ${coldInvalid.toFixed(0)} ms (with locations and the stylish report)`);
console.log(`targets: >= 5000 files/s; cold start <= 250 ms`);
