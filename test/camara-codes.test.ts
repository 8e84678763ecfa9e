// src/dialects/camara-codes.json is generated from the CAMARA API definitions in ../shared/camara
// by scripts/extract-camara-codes.mjs and committed. Where that folder exists (a developer's
// checkout), running the script again must give the committed file byte for byte; a clean clone
// (CI) has no such folder and skips that test, saying why. The table's shape is checked everywhere.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCamaraDir, extractCamaraCodes, renderCodes, tablePath } from '../scripts/extract-camara-codes.mjs';
import table from '../src/dialects/camara-codes.json' with { type: 'json' };

const camaraDir = process.env.QOD_CAMARA_DIR ?? defaultCamaraDir;
const present = existsSync(camaraDir);
if (!present) {
  console.warn(`camara-codes: ${camaraDir} is absent, so the table is not regenerated and compared (set QOD_CAMARA_DIR to the CAMARA folder to check it).`);
}

describe('camara-codes.json', () => {
  it.skipIf(!present)(`is what scripts/extract-camara-codes.mjs makes from ${present ? camaraDir : `${camaraDir} (absent: skipped; the committed table is used as is)`}`, () => {
    expect(renderCodes(extractCamaraCodes(camaraDir))).toBe(readFileSync(tablePath, 'utf8'));
  }, 60_000); // parsing seven API definitions: about half a second alone, much more on a busy machine

  it('holds every release, each with createSession pairs sorted by status and code', () => {
    expect(Object.keys(table.releases)).toEqual(['v0.8.1', 'v0.9.0', 'v0.10.1', 'r1.3', 'r2.2', 'r3.2', 'r4.1']);
    for (const entry of Object.values(table.releases)) {
      expect(entry.codes.length).toBeGreaterThan(0);
      const keys = entry.codes.map((c) => `${c.status} ${c.code}`);
      expect(keys).toEqual([...keys].sort((a, b) => Number(a.slice(0, 3)) - Number(b.slice(0, 3)) || (a < b ? -1 : a > b ? 1 : 0)));
      for (const pair of entry.codes) expect(pair.from.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['v0.8.1', 400, 'INVALID_INPUT', true],
    ['v0.8.1', 400, 'INVALID_ARGUMENT', false],
    ['v0.10.1', 400, 'OUT_OF_RANGE', true],
    ['v0.10.1', 422, 'IDENTIFIER_MISMATCH', false],
    ['v0.10.1', 400, 'INVALID_SINK', false],
    ['r1.3', 422, 'DEVICE_IDENTIFIERS_MISMATCH', true],
    ['r1.3', 422, 'UNSUPPORTED_DEVICE_IDENTIFIERS', false],
    ['r2.2', 422, 'IDENTIFIER_MISMATCH', true],
    ['r2.2', 400, 'INVALID_SINK', false],
    ['r3.2', 400, 'INVALID_SINK', true],
    ['r3.2', 422, 'IDENTIFIER_MISMATCH', false],
    ['r4.1', 400, 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE', true],
    ['r4.1', 422, 'PRIVATE_KEY_JWT_NOT_CONFIGURED', true],
  ] as const)('%s: %i %s is a createSession answer: %s', (release, status, code, listed) => {
    const codes = table.releases[release].codes;
    expect(codes.some((c) => c.status === status && c.code === code)).toBe(listed);
  });
});
