// The x-correlator patterns of src/gateway/correlator.ts are the ones each release's API definition
// writes (../shared/camara; a clean clone without that folder skips the comparison, saying why).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCamaraDir } from '../../scripts/extract-camara-codes.mjs';
import { dialects } from '../../src/dialects/index.js';
import { correlatorPatterns, isValidCorrelator } from '../../src/gateway/correlator.js';
import type { DialectId } from '../../src/index.js';

const camaraDir = process.env.QOD_CAMARA_DIR ?? defaultCamaraDir;
const present = existsSync(camaraDir);
if (!present) console.warn(`correlator: ${camaraDir} is absent, so the x-correlator patterns are not compared with the API definitions.`);

/** The pattern written for x-correlator in a release's YAML files, or undefined when none is. */
function releasePattern(release: string): string | undefined {
  const found = new Set<string>();
  for (const file of readdirSync(join(camaraDir, release)).filter((f) => f.endsWith('.yaml'))) {
    const text = readFileSync(join(camaraDir, release, file), 'utf8');
    // The header parameter (r2.x) or the XCorrelator schema (r3.x on): the first pattern after it.
    for (const match of text.matchAll(/(?:x-correlator|XCorrelator):\n(?:[^\n]*\n){0,8}?\s+pattern: (\S+)/g)) found.add(match[1]!);
  }
  expect(found.size).toBeLessThanOrEqual(1);
  return [...found][0];
}

describe('x-correlator patterns', () => {
  it.skipIf(!present).each(Object.keys(dialects) as DialectId[])('%s: the pattern of its release', (id) => {
    const written = releasePattern(dialects[id].facts.release);
    if (written === undefined) expect(correlatorPatterns[id].source).toBe('^[\\t\\x20-\\x7e\\x80-\\xff]*$');
    else expect(new RegExp(written).source.replace('\\/', '/')).toBe(correlatorPatterns[id].source);
  });

  it.each([
    ['qod-1.2', 'b4333c46-49c0-4f62-80d7-f0ef930f1c46', true],
    ['qod-1.2', '', true],
    ['qod-1.2', 'a=b', false],
    ['qod-1.2', 'a?b', false],
    ['qod-1.2', 'a@b', false],
    ['qod-1.2', 'a\\b', false],
    ['qod-1.0', 'a_b', false],
    ['qod-1.0', 'A-9', true],
    ['qod-0.11', 'any thing=ok', true],
    ['qod-0.11', 'no\r\nnewline', false],
  ] as const)('%s: %j is %s', (dialect, value, expected) => {
    expect(isValidCorrelator(value, dialect)).toBe(expected);
  });
});
