// The public types of migrate() (re-exported by src/index.ts). A migration carries a CreateSession
// body from one dialect (API version) to another, one neighbouring version at a time, and says
// exactly what it did (changes), what it could not carry (lost), how to replay it on a file
// (patch) and what the target version thinks of the result (report). See docs/migrate.md.

import type { DialectId, Report, ValidateOptions } from '../types.js';

/** What `migrate` is asked to do. */
export interface MigrateOptions {
  /** The body's dialect, or 'auto' to detect it from its keys as `validate` does (the newest version on a tie). */
  from: DialectId | 'auto';
  /** The dialect to carry the body to. */
  to: DialectId;
  /**
   * The options of the target's report (policy, rules, context, ...); its `dialect` is always `to`.
   * A mistake in them throws a ConfigError, as `validate` does.
   */
  validateOptions?: Omit<ValidateOptions, 'dialect'>;
}

/** What a change did (docs/migrate.md, "Changes and losses by id"). */
export type MigrationChangeId =
  | 'renamed'
  | 'moved'
  | 'filledDuration'
  | 'impliedCredential'
  | 'impliedTokenType'
  | 'listedAddress'
  | 'unlistedAddress'
  | 'narrowedRange';

/** Why something was lost (docs/migrate.md, "Changes and losses by id"). */
export type MigrationLossId =
  | 'unknownProperty'
  | 'nameTaken'
  | 'noPlace'
  | 'deviceSubnet'
  | 'devicePublicPair'
  | 'portZero'
  | 'qosProfileName'
  | 'credentialType'
  | 'tokenType'
  | 'tokenExpiry'
  | 'serverAddressCount'
  | 'required'
  | 'notAnObject'
  | 'unreadable'
  | 'internalError';

/** One step between neighbouring dialects, as a change or a loss names it. */
export interface MigrationStep {
  readonly from: DialectId;
  readonly to: DialectId;
}

/**
 * One thing a migration did to the body. A value carried through several steps has a change per
 * step that moved it, each with the pointers of the input and of the result.
 */
export interface MigrationChange {
  /** The step that made the change. */
  readonly step: MigrationStep;
  /** What happened, as a stable id: 'renamed' (a member renamed in its object), 'moved' (to another object or list), ... */
  readonly messageId: MigrationChangeId;
  /** One sentence a person understands, in the words of the step's two versions. */
  readonly message: string;
  /** RFC 6901 pointer of the value in the input body; absent for a value the migration added. */
  readonly before?: string;
  /** RFC 6901 pointer of the value in the migrated body; absent for a value the migration removed. */
  readonly after?: string;
  /** The value before the change, when it was a scalar (an object moved with its members has none). */
  readonly value?: unknown;
  /** The value the migration wrote, when it added or replaced one. */
  readonly newValue?: unknown;
}

/**
 * Something the migration could not carry: a value the target has no place for, or cannot hold,
 * or a value the target requires that the input does not have (nothing is invented).
 */
export interface MigrationLoss {
  /** The step where it was lost. */
  readonly step: MigrationStep;
  /** Why, as a stable id: 'unknownProperty', 'portZero', 'required', ... */
  readonly messageId: MigrationLossId;
  /** One sentence a person understands: what, why, and what to do where something must be added. */
  readonly message: string;
  /** RFC 6901 pointer of the value in the input body; absent for a value the input does not have. */
  readonly before?: string;
  /** For a value the target requires and the input lacks: where it belongs in the migrated body. */
  readonly after?: string;
  /** The value that was not carried (absent when the input did not have one). */
  readonly value?: unknown;
}

/**
 * One edit of the body, in order: applying the whole list to the input, each operation on the
 * result of the previous one, gives the migrated body. RFC 6902 operations, plus `rename`: a
 * `move` within one object that keeps the member's place among its siblings (applied as a
 * `move`, it gives the same body with another key order).
 */
export type PatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'move'; readonly from: string; readonly path: string }
  | { readonly op: 'rename'; readonly from: string; readonly path: string };

/** What `migrate` gives back. The input is never changed. */
export interface MigrateResult {
  /** The body's dialect (the detected one when `from` was 'auto'; `to` when the body could not be read). */
  readonly from: DialectId;
  readonly to: DialectId;
  /** The dialects passed through, `from` first and `to` last (one entry when they are the same). */
  readonly route: readonly DialectId[];
  /** The migrated body: a new value, sharing nothing with the input. */
  readonly body: unknown;
  /** Every change made, step by step, in order. */
  readonly changes: readonly MigrationChange[];
  /** Everything that could not be carried, step by step; empty when the migration lost nothing. */
  readonly lost: readonly MigrationLoss[];
  /** The edits that turn the input into `body`, for tools that rewrite a file in place. */
  readonly patch: readonly PatchOperation[];
  /** The target dialect's report of `body` (of the input itself when it could not be read as JSON). */
  readonly report: Report;
}
