// Public types of qod-policy: reports and options. DESIGN.md fixes the names; the comments say
// what each field means. The model's types are in src/model/types.ts, the dialects' in
// src/dialects/types.ts and the rules' API in src/rules/api.ts (all re-exported by src/index.ts).

import type { Plugin } from './rules/api.js';

// #region Dialects and policy

/** The API versions (dialects) this package knows. */
export type DialectId = 'qod-1.2' | 'qod-1.1' | 'qod-1.0' | 'qod-0.11' | 'qod-0.10' | 'qod-0.9' | 'qod-0.8' | 'qod-sdk';

/** A severity a finding can have. */
export type Severity = 'error' | 'warn' | 'info';

/** A rule's configured level: a severity, or 'off' to disable it. */
export type RuleLevel = Severity | 'off';

/** Options a rule takes (validated against its `meta.schema`). */
export type RuleOptions = Record<string, unknown>;

/** How a rule is configured: a level, or a level with options (ESLint style). */
export type RuleConfig = RuleLevel | [RuleLevel, RuleOptions?];

/** The kinds of device identifier in CAMARA's naming, whatever the dialect's spelling. */
export type DeviceIdentifierType = 'phoneNumber' | 'networkAccessIdentifier' | 'ipv4Address' | 'ipv6Address';

/** A device identifier in CAMARA's shape, as handed to `policy.resolveDevice`. */
export type DeviceIdentifier =
  | { type: 'phoneNumber'; value: string }
  | { type: 'networkAccessIdentifier'; value: string }
  | { type: 'ipv4Address'; value: { publicAddress?: string; privateAddress?: string; publicPort?: number } }
  | { type: 'ipv6Address'; value: string };

/** The units of CAMARA's TimeUnitEnum (the qos-profiles API, every release from 0.9.0 to r4.1). */
export type DurationUnit = 'Days' | 'Hours' | 'Minutes' | 'Seconds' | 'Milliseconds' | 'Microseconds' | 'Nanoseconds';

/**
 * CAMARA's QosProfileStatusEnum (every release from 0.9.0 to r4.1): ACTIVE, available to be used;
 * INACTIVE, not currently available to be deployed; DEPRECATED, still used by existing sessions but
 * not available for new ones. Only an ACTIVE profile (or one without a status) may be requested.
 */
export type QosProfileStatus = 'ACTIVE' | 'INACTIVE' | 'DEPRECATED';

/**
 * A duration as the CAMARA qos-profiles API writes it. CAMARA's Duration makes both fields
 * optional; a catalogue given to qod-policy needs both (a bound without them is a ConfigError).
 */
export interface QosDuration {
  /** A non-negative whole number of units. */
  value: number;
  unit: DurationUnit;
}

/** A QoS profile as the CAMARA qos-profiles API returns it (only the fields we use are typed). */
export interface QosProfile {
  name: string;
  status?: QosProfileStatus;
  minDuration?: QosDuration;
  maxDuration?: QosDuration;
  [other: string]: unknown;
}

/** The operator's static facts. */
export interface Policy {
  /** The QoS-profile catalogue. Without one, profile names are not checked against a catalogue. */
  qosProfiles?: QosProfile[];
  /** Identifier types the operator supports (default per dialect: every type but the NAI). */
  supportedIdentifiers?: DeviceIdentifierType[];
  /** Whether PRIVATE_KEY_JWT sink credentials were configured beforehand (default false). */
  privateKeyJwtConfigured?: boolean;
  /** Extra duration bounds in seconds, on top of the dialect's. */
  duration?: { min?: number; max?: number };
  /**
   * A device registry: which device an identifier names (undefined: not known). `options.signal` is
   * aborted when qod-policy stops waiting for the answer (see resolveDeviceTimeout), so that the
   * lookup can be cancelled.
   */
  resolveDevice?: (id: DeviceIdentifier, options: ResolveDeviceOptions) => string | undefined | Promise<string | undefined>;
  /**
   * How long `validateAsync` waits for `resolveDevice`, in milliseconds (default 1000): one deadline
   * per call for all of a body's identifiers, which are looked up at once. An identifier not
   * answered by then is an error (`resolverTimeout`, 500 INTERNAL), never an allow.
   */
  resolveDeviceTimeout?: number;
}

/** What `policy.resolveDevice` gets besides the identifier. */
export interface ResolveDeviceOptions {
  /** Aborted (with a TimeoutError) when qod-policy stops waiting for this lookup. */
  readonly signal: AbortSignal;
}

/** Facts about one request. */
export interface RequestContext {
  /** true: 3-legged token (it names the device); false: 2-legged; absent: unknown. */
  tokenIdentifiesDevice?: boolean;
  /** The current time, for expiry checks (default: the clock). */
  now?: Date;
}

/**
 * Options of one call on a validator (`createValidator(...).validate(body, { context })`): what
 * differs per request, applied without rebuilding the configuration.
 */
export interface CallOptions {
  /**
   * This request's context, merged over the configured one: a key given here (even as undefined)
   * replaces the configured value, the others stay.
   */
  context?: RequestContext;
}

/**
 * Which of CAMARA's words a finding answers with: 'specification' (the default), the codes the
 * release's API definition defines; 'test-definitions', the codes its published createSession test
 * definitions expect where they differ (docs/dialects.md, "Conformance profile").
 */
export type CodesProfile = 'specification' | 'test-definitions';

/** Options of `validate`, `validateJson` and `createValidator`. */
export interface ValidateOptions {
  /**
   * The API version of the body (default 'qod-1.2', the newest CAMARA dialect); 'auto' detects it
   * from each body's keys (the CLI's default).
   */
  dialect?: DialectId | 'auto';
  /** The answers' profile (default 'specification'); 'test-definitions' for CAMARA's test suite. */
  codes?: CodesProfile;
  policy?: Policy;
  context?: RequestContext;
  rules?: Record<string, RuleConfig>;
  plugins?: Plugin[];
  /** At most this many issues (default 100), then one truncation issue. */
  maxIssues?: number;
  /**
   * Bounds on the payload, checked before anything expensive runs (SECURITY.md): input beyond
   * them is one 'limits' finding. Defaults: maxDepth 10, maxStringLength 16384, maxArrayLength
   * 65536, maxProperties 256, maxValues 300000.
   */
  limits?: Partial<Limits>;
}

/** Bounds on a payload (see ValidateOptions.limits). */
export interface Limits {
  maxDepth: number;
  maxStringLength: number;
  maxArrayLength: number;
  maxProperties: number;
  maxValues: number;
}

// #endregion

// #region Reports

/** One finding. */
export interface Issue {
  /**
   * A rule id; or 'schema' for JSON Schema findings, 'parse' for text that is not JSON, 'limits' for
   * a body beyond the limits or unreadable, 'truncated' for the note on issues not listed, 'dialect'
   * for the note that a body's keys fit more than one API version (auto).
   */
  ruleId: string;
  /** Stable machine id of the finding: the rule's message id, or the JSON Schema keyword. */
  messageId: string;
  severity: Severity;
  /** RFC 6901 JSON Pointer into the body as given; '' is the root. */
  path: string;
  /** One sentence a person understands, naming the value and the limit. */
  message: string;
  /** The facts behind the message. */
  data?: Record<string, string | number | boolean>;
  /** The HTTP status a CAMARA gateway answers for it. */
  status: number;
  /** The CAMARA error code. */
  code: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /**
   * A change of the text that resolves the finding and cannot change what the body means (a phone
   * number's separators, an IPv6 address's spelling, a repeated port, leading zeros every reader
   * agrees on): present only on issues of text whose source is known (validateJson, the CLI).
   * See Fix.
   */
  fix?: Fix;
}

/**
 * ESLint's shape of a fix: the text between the offsets `range[0]` and `range[1]` (UTF-16 code
 * units, end exclusive) becomes `text`. Offsets count in the text given to validateJson (bytes:
 * their UTF-8 decoding), a leading byte-order mark included.
 */
export interface Fix {
  range: [number, number];
  text: string;
}

/** The result of validating one body. */
export interface Report {
  /** No issue of severity 'error'. */
  valid: boolean;
  /** The dialect used (the detected one when 'auto'). */
  dialect: DialectId;
  /** Sorted by path in document order, then rule id. */
  issues: Issue[];
  errorCount: number;
  warningCount: number;
}

/**
 * The CAMARA ErrorInfo body a gateway sends. Under qod-0.8, whose ErrorInfo is `{code, message}`,
 * `status` is still there for the HTTP status line but not enumerable: JSON.stringify leaves it out.
 */
export interface ErrorInfo {
  status: number;
  code: string;
  message: string;
}

// #endregion

// #region Rules

/** A CAMARA status and code pair. */
export interface CamaraError {
  status: number;
  code: string;
}

// #endregion
