// Measures the parse layer (not a test: `npx vitest bench --run test/parse/parse.bench.ts`).
// - a ~400-byte body: JSON.parse alone, + the duplicate-key test, parseSource, the position
//   scan (paid only by bodies with findings), validateJson vs validate(JSON.parse(text));
// - a corpus of 10,000 small files (mixed valid/invalid, some with duplicate keys, some YAML):
//   read + JSON.parse, read + parseSource, read + parseSource + validateSource (with locations).

import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { createValidator } from '../../src/index.js';
import { createSourceValidator } from '../../src/engine/validator.js';
import { builtinRules } from '../../src/rules/index.js';
import { mayHaveDuplicateKeys } from '../../src/parse/json.js';
import { scanJson } from '../../src/parse/json-scan.js';
import { parseSource, sourceKindOf } from '../../src/parse/index.js';
import { reference } from '../../bench/reference-bodies.mjs';

const { valid, invalid } = reference;

const validator = createValidator();
const sourceValidator = createSourceValidator(builtinRules);
let sink = 0;

for (const [label, text] of [
  ['compact', JSON.stringify(valid)],
  ['indented', JSON.stringify(valid, null, 2)],
] as const) {
  describe(`${text.length}-byte valid body, ${label}`, () => {
    bench('JSON.parse', () => {
      sink += JSON.parse(text) === null ? 1 : 0;
    });
    bench('JSON.parse + duplicate-key test', () => {
      sink += mayHaveDuplicateKeys(text, JSON.parse(text)) ? 1 : 0;
    });
    bench('parseSource(json)', () => {
      sink += parseSource(text, 'json').length;
    });
    bench('scanJson (positions; bodies with findings only)', () => {
      sink += scanJson(text).duplicates.length;
    });
    bench('validate(JSON.parse(text))', () => {
      sink += validator.validate(JSON.parse(text)).issues.length;
    });
    bench('validateJson(text)', () => {
      sink += validator.validateJson(text).issues.length;
    });
  });
}

describe(`${JSON.stringify(invalid).length}-byte invalid body (issues get positions)`, () => {
  const text = JSON.stringify(invalid);
  bench('validate(JSON.parse(text))', () => {
    sink += validator.validate(JSON.parse(text)).issues.length;
  });
  bench('validateJson(text)', () => {
    sink += validator.validateJson(text).issues.length;
  });
});

// The corpus: 10,000 small files.
const dir = join(tmpdir(), `qod-parse-bench-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (let n = 0; n < 10_000; n++) {
  const body = structuredClone(n % 2 === 0 ? valid : invalid) as { device: { phoneNumber: string }; duration: number };
  body.device.phoneNumber = `+346${String(n).padStart(8, '0')}`;
  body.duration = 60 + n;
  let text: string;
  let ext = 'json';
  if (n % 20 === 7) {
    ext = 'yaml';
    text = `device:\n  phoneNumber: "${body.device.phoneNumber}"\nqosProfile: QOS_L\nduration: ${body.duration}\napplicationServer:\n  ipv4Address: 198.51.100.10\n`;
  } else if (n % 50 === 3) {
    text = JSON.stringify(body).replace('"duration":', '"duration":1,"duration":');
  } else {
    text = n % 4 < 2 ? JSON.stringify(body) : JSON.stringify(body, null, 2);
  }
  writeFileSync(join(dir, `${String(n).padStart(5, '0')}.${ext}`), text);
}
const files = readdirSync(dir).map((name) => join(dir, name));

describe('corpus of 10,000 files (multiply hz by 10,000 for files/s)', () => {
  const options = { iterations: 5, warmupIterations: 1, time: 0 };
  bench(
    'read + JSON.parse (JSON files only)',
    () => {
      for (const file of files) if (file.endsWith('.json')) sink += JSON.parse(readFileSync(file, 'utf8')) === null ? 1 : 0;
    },
    options,
  );
  bench(
    'read + parseSource',
    () => {
      for (const file of files) sink += parseSource(readFileSync(file), sourceKindOf(file)!).length;
    },
    options,
  );
  bench(
    'read + parseSource + validateSource (validation, locations for bodies with issues)',
    () => {
      for (const file of files) {
        for (const body of parseSource(readFileSync(file), sourceKindOf(file)!)) sink += sourceValidator.validateSource(body).issues.length;
      }
    },
    options,
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (Number.isNaN(sink)) console.log(sink); // keeps the results observable
});
