// How the fuzz properties run. `npm test` runs each property a bounded number of times (CI must stay
// quick); `npm run fuzz` (scripts/fuzz.mjs) runs the same properties with FUZZ_RUNS cases shared out
// by the weights below, and reads each property's counts back from the file named by FUZZ_REPORT.
// The seed is the project's fixed one (test/setup.ts) unless FC_SEED says otherwise, so a failure
// printed with its seed can be run again.
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

/**
 * Every fuzz property: its runs in CI and its share of a `npm run fuzz` run. The shares add up to 1
 * (test/fuzz/harness.test.ts); a property marked `own` runs all of a run's cases by itself instead.
 * The script reports a property missing from a run as a failure, so a renamed or deleted property
 * cannot silently drop out of the count.
 */
export const PROPERTIES = {
  'json-values: validate': { ci: 1000, share: 0.13 },
  'json-values: validateAsync': { ci: 300, share: 0.05 },
  'json-values: validateJson agrees with validate': { ci: 500, share: 0.08 },
  'json-text: validateJson on strings': { ci: 1000, share: 0.1 },
  'json-text: validateJson on near-JSON text': { ci: 1000, share: 0.1 },
  'bytes: validateJson on byte sequences': { ci: 1000, share: 0.1 },
  'hostile: validate and validateAsync': { ci: 600, share: 0.12 },
  'mutations: qod-1.2': { ci: 800, share: 0.12 },
  'mutations: qod-sdk': { ci: 800, share: 0.12 },
  'mutations: qod-1.1, qod-1.0, qod-0.11': { ci: 600, share: 0.08 },
  // The accept pass against the engine: all of a run's cases for itself (1,000,000 by default),
  // on top of the shared ones.
  'accept: answers only where the engine reports nothing': { ci: 1500, share: 0, own: true },
} as const satisfies Record<string, { ci: number; share: number; own?: true }>;

export type PropertyName = keyof typeof PROPERTIES;

const fuzzRuns = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);

/** Whether this is a `npm run fuzz` run (many cases) rather than `npm test`. */
const fuzzing = fuzzRuns !== undefined;

/** A vitest timeout that only guards against a hang: generous in CI, none to speak of when fuzzing. */
export const TIMEOUT = fuzzing ? 7 * 24 * 3600 * 1000 : 120_000;

/** The cases a property runs: its CI count, or its share of FUZZ_RUNS (at least one), or all of them. */
function runsOf(name: PropertyName): number {
  const property: { ci: number; share: number; own?: true } = PROPERTIES[name];
  if (fuzzRuns === undefined) return property.ci;
  return property.own === true ? fuzzRuns : Math.max(1, Math.round(fuzzRuns * property.share));
}

/** What the fuzz script prints for one property. */
interface Outcome {
  name: string;
  runs: number;
  failed: boolean;
  seed: number;
  ms: number;
  message?: string;
}

function record(outcome: Outcome): void {
  const file = process.env.FUZZ_REPORT;
  if (file !== undefined) appendFileSync(file, `${JSON.stringify(outcome)}\n`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `Broken: ${error.message}` : `Thrown: ${String(error)}`;
}

function conclude(name: PropertyName, details: fc.RunDetails<unknown>, started: number): void {
  const message = details.failed ? `${fc.defaultReportMessage(details)}\n${describeError(details.errorInstance)}` : undefined;
  record({ name, runs: details.numRuns, failed: details.failed, seed: details.seed, ms: Math.round(performance.now() - started), ...(message && { message }) });
  // The report names the seed, the path and the shrunk counterexample: enough to run it again.
  if (message !== undefined) throw new Error(message);
}

/** Runs a synchronous property its number of times; throws fast-check's report on a failure. */
export function check<Ts extends [unknown, ...unknown[]]>(name: PropertyName, property: fc.IPropertyWithHooks<Ts>): void {
  const started = performance.now();
  conclude(name, fc.check(property, { numRuns: runsOf(name) }) as fc.RunDetails<unknown>, started);
}

/** The same for an asynchronous property. */
export async function checkAsync<Ts extends [unknown, ...unknown[]]>(name: PropertyName, property: fc.IAsyncPropertyWithHooks<Ts>): Promise<void> {
  const started = performance.now();
  conclude(name, (await fc.check(property, { numRuns: runsOf(name) })) as fc.RunDetails<unknown>, started);
}
