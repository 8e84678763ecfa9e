// The hand-written address code against ipaddr.js (DESIGN.md: a hand-written replacement of a
// dependency's job stays only with a committed benchmark that shows why). One process, one fixed
// sample of 2,000 strings as the address rules meet them: dotted quads, IPv6 in plain hexadecimal
// groups, IPv4-mapped and other mixed notation, subnets of both families, and strings that are
// not addresses (leading zeros, a zone index, a bad group, words).
//
// Both sides do the same job: accept exactly the spellings ajv-formats' ipv4/ipv6 formats accept,
// read the value, then (second pair of rows) classify it into a special-purpose range. The
// ipaddr.js side is the code we would write without the scanner: the ajv-formats pattern decides
// the spelling, ipaddr.js the value and its range (ipaddr.process turns an IPv4-mapped address into
// IPv4, as our classify does).
// Run after `npm run build`: node bench/ip.mjs. Speed is measured here, never asserted in tests.

import { existsSync } from 'node:fs';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import ipaddr from 'ipaddr.js';
import { Bench } from 'tinybench';

const utils = new URL('../dist/rules/utils/ip/', import.meta.url);
if (!existsSync(new URL('parse.js', utils))) {
  console.error('bench/ip.mjs: dist/ is missing; run npm run build first.');
  process.exit(2);
}
const { parseSubnet } = await import(new URL('parse.js', utils).href);
const { classify } = await import(new URL('special-ranges.js', utils).href);

// #region The sample: a fixed mix from a small deterministic PRNG (mulberry32)

let seed = 0x1f00d;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const quad = () => `${pick([84, 10, 192, 203, 172, 100, 8, 185])}.${int(256)}.${int(256)}.${int(256)}`;
function ipv6() {
  const groups = Array.from({ length: 8 }, (_, i) => (i < 2 ? pick([0x2001, 0x2a00, 0xfe80, 0xfd00, 0x0db8, 0x2600]) : random() < 0.4 ? 0 : int(0x10000)).toString(16));
  const text = groups.join(':');
  // Compress the first run of zero groups, as most writers do.
  return text.replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** name → [share of the sample in %, generator] */
const KINDS = {
  'IPv4': [30, () => quad()],
  'IPv6': [20, () => ipv6()],
  'IPv4-mapped and mixed IPv6': [10, () => pick(['::ffff:', '64:ff9b::', '::ffff:0:']) + quad()],
  'IPv4 subnets': [10, () => `${quad()}/${int(33)}`],
  'IPv6 subnets': [10, () => `${ipv6()}/${int(129)}`],
  'not addresses': [20, () => pick([
    () => `${int(256)}.0${int(10)}.${int(256)}.${int(256)}`, // a leading zero
    () => `${ipv6()}%eth0`,
    () => ipv6().replace(':', ':g'),
    () => `${quad()}.1`,
    () => pick(['localhost', 'not-an-ip', '', '::::', '1::2::3', '256.1.1.1', '2001:db8::/129']),
  ])()],
};
const SAMPLE = [];
const BY_KIND = {};
for (const [name, [share, make]] of Object.entries(KINDS)) {
  BY_KIND[name] = Array.from({ length: share * 20 }, make);
  SAMPLE.push(...BY_KIND[name]);
}

// #endregion

// #region The two implementations

const ipv4Format = fullFormats.ipv4;
const ipv6Format = fullFormats.ipv6;
const PREFIX = /^(0|[1-9]\d{0,2})$/;

/** parseSubnet written with ajv-formats and ipaddr.js: undefined, or the address and prefix. */
function parseWithIpaddr(s) {
  const slash = s.indexOf('/');
  const text = slash < 0 ? s : s.slice(0, slash);
  const isV6 = text.includes(':');
  if (!(isV6 ? ipv6Format : ipv4Format).test(text)) return undefined;
  let address;
  try {
    address = ipaddr.parse(text);
  } catch {
    return undefined;
  }
  if (slash < 0) return { address, prefix: -1 };
  const p = s.slice(slash + 1);
  if (!PREFIX.test(p) || Number(p) > (isV6 ? 128 : 32)) return undefined;
  return { address, prefix: Number(p) };
}

function classifyWithIpaddr(s) {
  const parsed = parseWithIpaddr(s);
  if (parsed === undefined) return undefined;
  const address = parsed.address.kind() === 'ipv6' && parsed.address.isIPv4MappedAddress() ? parsed.address.toIPv4Address() : parsed.address;
  return address.range();
}

function classifyOurs(s) {
  const parsed = parseSubnet(s);
  return parsed === undefined ? undefined : classify(parsed.address, parsed.prefix).scope;
}

// #endregion

// Both sides must accept the same strings, or the comparison means nothing.
for (const s of SAMPLE) {
  if ((parseSubnet(s) === undefined) !== (parseWithIpaddr(s) === undefined)) {
    console.error(`bench/ip.mjs: the two implementations disagree on ${JSON.stringify(s)}`);
    process.exit(1);
  }
}

let sink = 0; // keeps results alive so nothing is optimised away
const parseOurs = (list) => () => { for (const s of list) sink ^= parseSubnet(s) === undefined ? 1 : 2; };
const parseTheirs = (list) => () => { for (const s of list) sink ^= parseWithIpaddr(s) === undefined ? 1 : 2; };
/** [label, size of the list each call runs over, ours, ipaddr.js] */
const PAIRS = [
  ['parse, the whole sample', SAMPLE.length, parseOurs(SAMPLE), parseTheirs(SAMPLE)],
  [
    'parse + classify, the whole sample',
    SAMPLE.length,
    () => { for (const s of SAMPLE) sink ^= classifyOurs(s) === undefined ? 1 : 2; },
    () => { for (const s of SAMPLE) sink ^= classifyWithIpaddr(s) === undefined ? 1 : 2; },
  ],
  ...Object.entries(BY_KIND).map(([name, list]) => [`parse, ${name} only`, list.length, parseOurs(list), parseTheirs(list)]),
];

const bench = new Bench({ time: 400, warmupTime: 200 });
// tinybench's first task runs slow whatever it is; this one absorbs that and is not reported.
bench.add('warm-up', () => { for (const s of SAMPLE) sink ^= s.length; });
for (const [label, , ours, theirs] of PAIRS) {
  bench.add(`${label}: ours`, ours);
  bench.add(`${label}: ipaddr.js`, theirs);
}
await bench.run(); // a first round warms every path up
for (const task of bench.tasks) task.reset?.();
await bench.run();

const ms = new Map(bench.tasks.map((t) => [t.name, t.result.latency?.mean ?? t.result.mean]));
const valid = SAMPLE.filter((s) => parseSubnet(s) !== undefined).length;
console.log('');
console.log(`addresses: hand-written (src/rules/utils) vs ajv-formats pattern + ipaddr.js, node ${process.version}`);
console.log(`sample: ${SAMPLE.length} strings, ${valid} valid (${Object.entries(KINDS).map(([name, [share]]) => `${share}% ${name}`).join(', ')})`);
console.log('');
console.log(`${'µs per string'.padEnd(44)} ${'ours'.padStart(8)} ${'ipaddr.js'.padStart(10)} ${'ratio'.padStart(7)}`);
for (const [label, size] of PAIRS) {
  const ours = (ms.get(`${label}: ours`) * 1000) / size; // tinybench reports ms
  const theirs = (ms.get(`${label}: ipaddr.js`) * 1000) / size;
  console.log(`${label.padEnd(44)} ${ours.toFixed(3).padStart(8)} ${theirs.toFixed(3).padStart(10)} ${`${(theirs / ours).toFixed(1)}×`.padStart(7)}`);
}
if (sink === 0.5) console.log(sink);
