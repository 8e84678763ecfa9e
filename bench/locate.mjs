// What locating issues costs (issue 7, "locating <= 3x parse"): the positions of the issues a
// report lists, found in the text alone (no parse, no validation), as a ratio to JSON.parse of
// the same text, for an 8 to 11 MB body with its problems at the start, at the end and spread
// through it; and, for comparison, what the former way (the tree of offsets of every value, then
// a line index of the whole text) costs on the same text. bench/invalid.mjs measures the same
// through validateJson. Best of several rounds (the machine is shared); run alone with
// `npm run build && node bench/locate.mjs`.
import { createValidator } from '../dist/index.js';
import { MEMBER_MESSAGE_IDS, parseSource } from '../dist/parse/index.js';
import { scanJson } from '../dist/parse/json-scan.js';
import { LineIndex } from '../dist/parse/lines.js';
import { reference } from './reference-bodies.mjs';
import { best } from './best.mjs';

// Limits raised so that the whole body is checked (by default it is one 'maxValues' finding).
const { validateJson } = createValidator({ limits: { maxValues: 10_000_000 } });

// Every port 1..65535 as a one-port range, in both lists: valid and without overlaps.
const ranges = Array.from({ length: 65535 }, (_, i) => ({ from: i + 1, to: i + 1 }));
const { duration: _, ...rest } = reference.valid;
const cases = [
  ['1 problem at the start', { duration: 0, ...rest, devicePorts: { ranges }, applicationServerPorts: { ranges } }],
  ['1 problem at the end', { ...rest, devicePorts: { ranges }, applicationServerPorts: { ranges }, duration: 0 }],
  ['1 unknown property at the end', { ...reference.valid, devicePorts: { ranges }, applicationServerPorts: { ranges }, zzz: true }],
  // One port above 65535 every 655 ranges: 101 problems, 100 listed, the most a report lists by default.
  ['100 problems spread through it', { ...reference.valid, devicePorts: { ranges: ranges.map((r, i) => (i % 655 === 7 ? { from: r.from, to: 70000 } : r)) }, applicationServerPorts: { ranges } }],
];

/** The places a report's issues name, as withLocations asks for them. */
function placesOf(report) {
  return report.issues.filter((issue) => issue.ruleId !== 'truncated').map((issue) => ({ pointer: issue.path, member: MEMBER_MESSAGE_IDS.has(issue.messageId) }));
}

/** Locating the issues of a parsed body, timed alone (no parse, no validation), × JSON.parse. */
function locating(text, places) {
  const parse = best(() => JSON.parse(text));
  const [body] = parseSource(text, 'json');
  return best(() => body.locatePlaces(places)) / parse;
}

console.log('');
console.log(`${'8 MB body'.padEnd(34)} ${'layout'.padEnd(8)} ${'bytes'.padStart(9)} ${'issues'.padStart(7)} ${'locating×'.padStart(10)}   (locating the report's issues alone, × JSON.parse of the same text)`);
for (const [name, body] of cases) {
  for (const [layout, text] of [['indent 4', JSON.stringify(body, null, 4)], ['compact', JSON.stringify(body)]]) {
    const places = placesOf(validateJson(text));
    console.log(`${name.padEnd(34)} ${layout.padEnd(8)} ${String(text.length).padStart(9)} ${String(places.length).padStart(7)} ${locating(text, places).toFixed(2).padStart(10)}`);
  }
}

// The former way, on the same text: the tree of offsets of every value, then a line index of the
// whole text (then a lookup per issue, not counted). It is still the way when a duplicate key is
// suspected, since the duplicate-key scan builds the tree anyway.
const text = JSON.stringify(cases[1][1], null, 4);
const parse = best(() => JSON.parse(text));
const former = best(() => new LineIndex(text).positionOf(scanJson(text).root.end));
console.log(`${'the former way (tree, line index)'.padEnd(34)} ${'indent 4'.padEnd(8)} ${String(text.length).padStart(9)} ${'any'.padStart(7)} ${(former / parse).toFixed(2).padStart(10)}`);
console.log('target: locating <= 3×');
