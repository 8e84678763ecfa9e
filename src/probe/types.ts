// The probe's types: a suite of cases (request bodies with the answers CAMARA accepts for them) and
// the outcome of sending them to a running QoD API. docs/probe.md describes every field.

import type { CamaraRelease } from '../dialects/types.js';
import type { DialectId } from '../types.js';

/** The kind of access token the probe's requests carry (it decides what CAMARA demands of `device`). */
export type TokenKind = 'two-legged' | 'three-legged';

/**
 * One step from the base body to a case's body, in the spirit of RFC 6902 (JSON Patch): `set`
 * writes a value at a pointer (creating nothing above it), `remove` deletes the member, `text`
 * replaces the whole body with raw text (a body that is not JSON).
 */
export type MutationStep =
  | { readonly op: 'set'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'text'; readonly value: string };

/** Why CAMARA demands the answer: its schema, its prose (cited), or the operator's own policy. */
export type Basis =
  /** The dialect's JSON Schema rejects the body: with every qod-policy rule turned off, it is still invalid. */
  | { readonly kind: 'schema' }
  /** The API definition's text (or a standard it names) demands it; `source` cites it. */
  | { readonly kind: 'prose'; readonly source: string }
  /** The operator's configuration (QoS-profile catalogue, duration bounds, supported identifiers, PRIVATE_KEY_JWT set-up). */
  | { readonly kind: 'policy'; readonly source: string };

/** A status and code pair an endpoint may answer. */
export interface Answer {
  readonly status: number;
  readonly code: string;
}

/** One request of the suite. */
export interface ProbeCase {
  /** Stable id: `<ruleId>/<messageId>`, then `#<variant>` when a finding has several cases; 'valid' for the valid body. */
  readonly id: string;
  /** The finding the body causes (ruleId 'schema' or 'parse' for the schema's and the parser's); '' for the valid body. */
  readonly ruleId: string;
  readonly messageId: string;
  /** One sentence: what is wrong with the body. */
  readonly title: string;
  /** How the body was made from the base body. */
  readonly mutation: readonly MutationStep[];
  /** The request body, exactly as sent. */
  readonly body: string;
  /** Where in the body the finding is (JSON Pointer); '' for the root. */
  readonly path: string;
  /** qod-policy's message for the finding (what a conformant endpoint's message is about). */
  readonly finding: string;
  /**
   * The answers CAMARA accepts: the specification's, then (where they differ) those of the release's
   * test definitions. Empty for the valid body, which expects 201 Created.
   */
  readonly accepted: readonly Answer[];
  readonly basis: Basis;
  /** The release's test scenario that covers the case, when its test definitions name one. */
  readonly scenario?: string;
  /** The valid body: sent only with --include-valid; expects 201 and a session, which is deleted. */
  readonly valid?: true;
}

/** A finding the suite has no case for, and why. */
export interface Omission {
  readonly ruleId: string;
  readonly messageId: string;
  readonly reason: string;
}

/** The cases for one dialect and configuration. */
export interface ProbeSuite {
  readonly dialect: DialectId;
  /** The API version, e.g. '1.2.0-rc.3'. */
  readonly apiVersion: string;
  /** The CAMARA release the dialect answers like (its ErrorInfo, codes and test definitions). */
  readonly release: CamaraRelease;
  readonly tokenKind: TokenKind | undefined;
  /** The valid body every case starts from. */
  readonly base: unknown;
  readonly cases: readonly ProbeCase[];
  /** Findings the rules can make under the dialect for which there is no case, with the reason. */
  readonly omitted: readonly Omission[];
}

/** What came back for one request. */
export interface ResponseSummary {
  readonly status: number;
  /** The content-type header ('' when absent). */
  readonly contentType: string;
  /** The x-correlator header of the answer, when there is one. */
  readonly correlator?: string;
  /** The body's text, cut to 2048 characters. */
  readonly body: string;
  /** `code` and `message` of the body when it is a JSON object that has them. */
  readonly code?: string;
  readonly message?: string;
}

/** A session the endpoint created during the run, and what became of it. */
export interface SessionRecord {
  readonly sessionId: string;
  /** The case whose request created it. */
  readonly caseId: string;
  /** Whether DELETE /sessions/{id} answered 2xx. */
  deleted: boolean;
  /** The DELETE's status, or why it got no answer. */
  deleteStatus?: number;
  deleteError?: string;
}

/** The outcome of one case. */
export interface CaseResult {
  readonly case: ProbeCase;
  /** 'not-run': the run stopped before it (interrupted, or too many requests without an answer). */
  readonly outcome: 'passed' | 'failed' | 'not-run';
  /** The x-correlator sent (absent when not run). */
  readonly correlator?: string;
  readonly response?: ResponseSummary;
  /** No answer: refused, reset, timed out (one sentence). */
  readonly error?: string;
  /** What did not meet the expectation, one sentence each (empty when passed). */
  readonly failures: readonly string[];
  /** Milliseconds from sending to the end of the answer. */
  readonly durationMs?: number;
}

/** A whole run. */
export interface ProbeRun {
  /** POST target: `<base-url>/sessions`. */
  readonly target: string;
  readonly suite: ProbeSuite;
  readonly results: readonly CaseResult[];
  /** Sessions created (by the valid body, or by an endpoint that accepted an invalid one). */
  readonly sessions: readonly SessionRecord[];
  /** Why the run stopped early, if it did. */
  readonly stopped?: string;
}
