// The round trip: a body valid in its dialect, carried to a neighbour and back without loss, comes
// back as it was. Two things a version says in one way that its neighbour says in two come back in
// the first way, and each is a change of the round trip: a duration 0.11 and later require comes
// back as the 86400 s a body without one meant (filledDuration), and a 1.2 server given as mask-less
// single addresses in the subnet form comes back as a list (listedAddress). Bodies that lose
// something on the way are counted: each pair must show the property on many bodies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate, type DialectId, type MigrateResult } from '../../src/index.js';
import { judged, validBodies } from './bodies.js';
import { checkResult } from './helpers.js';

type Json = Record<string, unknown>;

const RUNS = 250;

const neighbours: [DialectId, DialectId][] = [
  ['qod-sdk', 'qod-0.10'],
  ['qod-0.8', 'qod-0.9'],
  ['qod-0.9', 'qod-0.10'],
  ['qod-0.10', 'qod-0.11'],
  ['qod-0.11', 'qod-1.0'],
  ['qod-1.0', 'qod-1.1'],
  ['qod-1.1', 'qod-1.2'],
];
const longJumps: [DialectId, DialectId][] = [
  ['qod-0.8', 'qod-1.2'],
  ['qod-sdk', 'qod-1.2'],
];

/** Both directions of each pair. */
const pairs = [...neighbours, ...longJumps].flatMap(([a, b]) => [[a, b] as const, [b, a] as const]);

/**
 * The body as its dialect reads it: a duration the dialect defaults written in, a 1.2 server of
 * mask-less single addresses in the subnet form written as a list (the form the way back writes).
 */
function asRead(body: Json, dialect: DialectId): Json {
  const out = structuredClone(body);
  if (['qod-0.8', 'qod-0.9', 'qod-0.10', 'qod-sdk'].includes(dialect) && !('duration' in out)) out.duration = 86400;
  const server = out.applicationServer as Record<string, unknown> | undefined;
  if (dialect === 'qod-1.2' && server !== undefined && !('ipAddresses' in server) && Object.values(server).every((v) => typeof v === 'string' && !v.includes('/'))) {
    out.applicationServer = { ipAddresses: Object.values(server) };
  }
  return out;
}

const normalising = (result: MigrateResult): boolean => result.changes.some((c) => c.messageId === 'filledDuration' || c.messageId === 'listedAddress');

describe('migrate: round trips', () => {
  it.each(pairs.map(([a, b]) => [`${a} → ${b} → ${a}`, a, b] as const))('%s gives the body back when nothing was lost', (_, a, b) => {
    let lossless = 0;
    let exact = 0;
    fc.assert(
      fc.property(validBodies(a), (body) => {
        const there = migrate(body, { from: a, to: b, validateOptions: judged });
        checkResult(body, there);
        if (there.lost.length > 0) return;
        const back = migrate(there.body, { from: b, to: a, validateOptions: judged });
        checkResult(there.body, back);
        expect(back.lost).toEqual([]);
        // The way back is judged by the original dialect, which accepted the body.
        expect(back.report.valid, back.report.issues.map((i) => i.message).join(' ')).toBe(true);
        if (normalising(there) || normalising(back)) expect(asRead(back.body as Json, a)).toEqual(asRead(body, a));
        else {
          expect(back.body).toEqual(body);
          exact++;
        }
        lossless++;
      }),
      { numRuns: RUNS },
    );
    // The property held on many bodies, not on a few that happened to lose nothing.
    expect(lossless).toBeGreaterThanOrEqual(RUNS / 4);
    expect(exact).toBeGreaterThan(0);
  });
});
