// What a dialect is: its facts (data the rules read instead of branching on version), how it
// spells the keys of the neutral model, its compiled schema, and how `auto` recognises it.

import type { KeyMap } from '../model/build-model.js';
import type { CompiledSchema } from '../schema/compiled-schema.js';
import type { CamaraError, DeviceIdentifierType, DialectId, RuleLevel } from '../types.js';

/**
 * The CAMARA releases whose createSession answers src/dialects/camara-codes.json lists (generated
 * from their API definitions by scripts/extract-camara-codes.mjs).
 */
export type CamaraRelease = 'v0.8.1' | 'v0.9.0' | 'v0.10.1' | 'r1.3' | 'r2.2' | 'r3.2' | 'r4.1';

/** What one dialect (API version) says, as data rules read instead of branching on version. */
export interface DialectFacts {
  readonly id: DialectId;
  /** The API version, e.g. '1.2.0-rc.3'. */
  readonly apiVersion: string;
  /**
   * The CAMARA release the dialect answers like (its own, or its reference: CAMARA 0.10 for the SDK
   * model). Every status and code a finding can have under the dialect is one that release defines
   * for createSession (test/dialect-codes.test.ts), and its test definitions decide the answers of
   * the `codes: 'test-definitions'` profile (./test-definition-codes.ts).
   */
  readonly release: CamaraRelease;
  /**
   * How phone numbers must be written, and its description for messages. `pattern` and `maxLength`
   * decide (they are the schema's); `plus`, `digits` and `leadingZero` describe the same syntax so
   * that a rule can say precisely what is wrong.
   */
  readonly phoneNumber: {
    readonly pattern: RegExp;
    readonly description: string;
    readonly maxLength: number;
    /** Whether the leading '+' is required; when 'optional', a number without it is read as international digits. */
    readonly plus: 'required' | 'optional';
    /** Inclusive bounds of the digit count (country code included, '+' excluded). */
    readonly digits: { readonly min: number; readonly max: number };
    /** Whether the first digit may be 0. */
    readonly leadingZero: boolean;
  };
  /** Inclusive port bounds. */
  readonly port: { readonly min: number; readonly max: number };
  /**
   * Inclusive duration bounds in seconds (`max` Infinity where the schema sets no maximum);
   * `default` when the dialect fills in an absent duration.
   */
  readonly duration: { readonly min: number; readonly max: number; readonly default?: number };
  /** Identifier types supported when the policy does not say. */
  readonly defaultSupportedIdentifiers: readonly DeviceIdentifierType[];
  /**
   * What the access token demands of `device` (null: nothing, as before CAMARA 0.11): the answer
   * when a 2-legged token comes without a device, and when a 3-legged token comes with one (null
   * where that is allowed: in 0.11 the device must then name the token's device, which the body
   * alone cannot show).
   */
  readonly tokenRules: { readonly missingDevice: CamaraError; readonly unnecessaryDevice: CamaraError | null } | null;
  /** The answer when none of the identifiers given is of a type the provider supports. */
  readonly unsupportedIdentifier: CamaraError;
  /** Where identifiers must name the same device: the answer for a mismatch; null: never checked. */
  readonly identifierMismatch: CamaraError | null;
  /** The answer when no identifier given resolves to a device. */
  readonly identifierNotFound: CamaraError;
  /** Sink must be https. */
  readonly sinkHttpsRequired: boolean;
  /** Maximum sink length in characters (Infinity where the schema sets none). */
  readonly sinkMaxLength: number;
  /** The answer for a sink the sink rule rejects (CAMARA 1.1+: 400 INVALID_SINK, a code earlier versions lack). */
  readonly invalidSink: CamaraError;
  /**
   * The application server's list of single addresses (CAMARA 1.2 `ipAddresses`): its key as the
   * dialect spells it and the schema's item bounds. null when the dialect has no list form.
   */
  readonly serverAddressList: { readonly key: string; readonly minItems: number; readonly maxItems: number } | null;
  /** Credential types allowed, and the answer for another one; null when the dialect has no sinkCredential. */
  readonly sinkCredential: { readonly types: readonly string[]; readonly otherType: CamaraError } | null;
  /** The answer for a duration outside the QoS profile's bounds. */
  readonly profileDurationError: CamaraError;
  /** The answer for a profile that is INACTIVE or DEPRECATED. */
  readonly profileNotApplicable: CamaraError;
  /** Rule levels that differ from the rules' defaults in this dialect (e.g. known-properties off). */
  readonly ruleDefaults: Readonly<Record<string, RuleLevel>>;
  /**
   * This release's own answers for the ones it does not define, applied to every issue of a report
   * under this dialect: keyed by 'status code' (exactly that answer), else by 'status' (any code of
   * that status). E.g. CAMARA 0.8 answers every 400 as INVALID_INPUT; 0.10 defines no 422 and no
   * INVALID_SINK. Absent: every answer stands as the rules give it.
   */
  readonly answers?: Readonly<Record<string, CamaraError>>;
  /**
   * The members of this release's ErrorInfo body: CAMARA 0.8's is `{code, message}`, without
   * `status` (toErrorInfo keeps the status readable for the HTTP status line, but not enumerable, so
   * it is not serialised). Absent: `{status, code, message}`.
   */
  readonly errorInfo?: 'code-message';
}

export interface Dialect {
  readonly facts: DialectFacts;
  readonly keys: KeyMap;
  readonly schema: CompiledSchema;
  /**
   * For `auto`: the keys of this dialect that `auto` counts, by the top-level member they sit in (''
   * for the top level itself, 'device' for the keys inside the body's device object, ...): the ones
   * that set versions apart and the ones it shares with some of them (not those every version has).
   * A body is judged under the dialect whose signature the most of its keys fit (src/dialects/index.ts).
   */
  readonly signature?: Readonly<Record<string, readonly string[]>>;
  /**
   * For `auto`: this dialect has the keys of another and is told from it by a value only this one
   * accepts (CAMARA 0.9 from 0.10: a device IPv6 address with a prefix). When `auto` chooses
   * `dialect` and `feature` holds for the body, this dialect is chosen instead.
   */
  readonly refines?: { readonly dialect: DialectId; readonly feature: (body: Readonly<Record<string, unknown>>) => boolean };
}
