// Which (status, code) pairs a dialect may answer, from the table generated from CAMARA's API
// definitions (src/dialects/camara-codes.json, scripts/extract-camara-codes.mjs): the pairs its
// release defines for createSession, the statuses the release leaves to CAMARA_common.yaml, and,
// under `codes: 'test-definitions'`, the codes the release's test scenarios expect.
import table from '../../src/dialects/camara-codes.json' with { type: 'json' };
import { dialects } from '../../src/dialects/index.js';
import type { CamaraRelease } from '../../src/dialects/types.js';
import type { CodesProfile, DialectId, Issue } from '../../src/index.js';

type ReleaseEntry = (typeof table.releases)[keyof typeof table.releases];

/** The release a dialect answers like, and its entry of the table. */
export function releaseOf(dialect: DialectId): { release: CamaraRelease; entry: ReleaseEntry } {
  const release = dialects[dialect].facts.release;
  const entry = (table.releases as Record<string, ReleaseEntry | undefined>)[release];
  if (entry === undefined) throw new Error(`dialect ${dialect} answers like ${release}, which src/dialects/camara-codes.json does not list`);
  return { release, entry };
}

const cache = new Map<string, ReadonlySet<string>>();

/** 'status code' strings a dialect may answer under a profile. */
export function allowedAnswers(dialect: DialectId, codes: CodesProfile = 'specification'): ReadonlySet<string> {
  const key = `${dialect} ${codes}`;
  let allowed = cache.get(key);
  if (allowed === undefined) {
    const { entry } = releaseOf(dialect);
    const pairs = [...entry.codes, ...(('additional' in entry ? entry.additional : undefined) ?? [])].map((p) => `${p.status} ${p.code}`);
    if (codes === 'test-definitions' && 'testDefinitions' in entry) {
      for (const scenario of entry.testDefinitions.scenarios) for (const code of scenario.codes) pairs.push(`${scenario.status} ${code}`);
    }
    allowed = new Set(pairs);
    cache.set(key, allowed);
  }
  return allowed;
}

/**
 * Failures of the validator or of the operator's device registry (500 INTERNAL), not answers about
 * the body: a rule that threw, a registry that failed or did not answer in time, a registry
 * validate() could not wait for.
 * CAMARA_common's Generic500 covers them in every Commonalities release, though r2.2's and r3.2's
 * own files list no 5xx (r3.2 points to its Commonalities' CAMARA_common.yaml, not in ../shared).
 */
export const SERVER_FAILURES: ReadonlySet<string> = new Set(['internalError', 'needsAsync', 'resolverFailed', 'resolverTimeout']);

/** Whether an issue answers in its dialect's words (server failures: 500 INTERNAL). */
export function answersInReleaseWords(issue: Pick<Issue, 'status' | 'code' | 'messageId'>, dialect: DialectId, codes: CodesProfile = 'specification'): boolean {
  if (SERVER_FAILURES.has(issue.messageId) && issue.status === 500 && issue.code === 'INTERNAL') return true;
  return allowedAnswers(dialect, codes).has(`${issue.status} ${issue.code}`);
}
