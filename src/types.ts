// Public types of qod-policy. DESIGN.md fixes the names; the comments say what each field means.

// #region Dialects and policy

/** The API versions (dialects) this package knows. */
export type DialectId = 'qod-1.2' | 'qod-sdk';

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

/** A duration as the CAMARA qos-profiles API writes it. */
export interface QosDuration {
  value?: number;
  unit?: 'Days' | 'Hours' | 'Minutes' | 'Seconds' | 'Milliseconds' | 'Microseconds' | 'Nanoseconds' | string;
}

/** A QoS profile as the CAMARA qos-profiles API returns it (only the fields we use are typed). */
export interface QosProfile {
  name: string;
  status?: 'ACTIVE' | 'INACTIVE' | 'DEPRECATED' | string;
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
  /** A device registry: which device an identifier names (undefined: not known). */
  resolveDevice?: (id: DeviceIdentifier) => string | undefined | Promise<string | undefined>;
}

/** Facts about one request. */
export interface RequestContext {
  /** true: 3-legged token (it names the device); false: 2-legged; absent: unknown. */
  tokenIdentifiesDevice?: boolean;
  /** The current time, for expiry checks (default: the clock). */
  now?: Date;
}

/** A plugin: a named bundle of rules, configured as `<plugin name>/<rule id>`. */
export interface Plugin {
  name: string;
  rules: Record<string, RuleDefinition>;
}

/** Options of `validate`, `validateJson` and `createValidator`. */
export interface ValidateOptions {
  /** The API version of the body; 'auto' (the default) detects it from the body's keys. */
  dialect?: DialectId | 'auto';
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
  /** A rule id, 'schema' for JSON Schema findings, 'parse' for text that is not JSON. */
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

/** The CAMARA ErrorInfo body a gateway sends. */
export interface ErrorInfo {
  status: number;
  code: string;
  message: string;
}

// #endregion

// #region Rules

/** A string field of the body, with the pointer it came from. */
export interface Field<T> {
  readonly value: T;
  readonly path: string;
}

/** An object of the body, with the pointer it came from (for findings about the whole object). */
export interface Located {
  readonly path: string;
}

export interface PortRangeModel extends Located {
  /** Present only when an integer. */
  readonly from?: Field<number>;
  readonly to?: Field<number>;
}

export interface PortsModel extends Located {
  readonly ranges: readonly PortRangeModel[];
  readonly ports: readonly Field<number>[];
}

export interface DeviceIpv4Model extends Located {
  readonly publicAddress?: Field<string>;
  readonly privateAddress?: Field<string>;
  readonly publicPort?: Field<number>;
}

export interface DeviceModel extends Located {
  readonly phoneNumber?: Field<string>;
  readonly networkAccessIdentifier?: Field<string>;
  readonly ipv4Address?: DeviceIpv4Model;
  readonly ipv6Address?: Field<string>;
  /** Names of properties present that are not identifiers of the dialect (as spelled in the body). */
  readonly unknownKeys: readonly string[];
}

export interface ApplicationServerModel extends Located {
  /** The list form (CAMARA 1.2): single addresses. Absent when the body has no such list. */
  readonly ipAddresses?: Located & { readonly items: readonly Field<string>[] };
  /** Address or address/prefix. */
  readonly ipv4Address?: Field<string>;
  readonly ipv6Address?: Field<string>;
}

export interface SinkCredentialModel extends Located {
  readonly credentialType?: Field<string>;
  readonly accessToken?: Field<string>;
  readonly accessTokenExpiresUtc?: Field<string>;
  readonly accessTokenType?: Field<string>;
  readonly clientId?: Field<string>;
  readonly tokenUri?: Field<string>;
  readonly jwksUri?: Field<string>;
}

/**
 * The dialect-neutral view of a CreateSession body that rules read. A field is present only when
 * the body has it with the right JSON type (a wrong type is the schema's finding); every field
 * remembers the pointer it came from, in the body's own spelling.
 */
export interface SessionModel {
  /** The whole body (for rules that must look at raw values; prefer the typed fields). */
  readonly body: Readonly<Record<string, unknown>>;
  readonly device?: DeviceModel;
  readonly applicationServer?: ApplicationServerModel;
  readonly devicePorts?: PortsModel;
  readonly applicationServerPorts?: PortsModel;
  readonly qosProfile?: Field<string>;
  /** Present when the body has an integer-typed number (any magnitude). */
  readonly duration?: Field<number>;
  /** `sink` (CAMARA 0.11+) or the webhook's notification URL (CAMARA 0.9/0.10, SDK). */
  readonly sink?: Field<string>;
  readonly sinkCredential?: SinkCredentialModel;
}

/** A CAMARA status and code pair. */
export interface CamaraError {
  status: number;
  code: string;
}

/** What one dialect (API version) says, as data rules read instead of branching on version. */
export interface DialectFacts {
  readonly id: DialectId;
  /** The API version, e.g. '1.2.0-rc.3'. */
  readonly apiVersion: string;
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
  /** Inclusive duration bounds in seconds; `default` when the dialect fills in an absent duration. */
  readonly duration: { readonly min: number; readonly max: number; readonly default?: number };
  /** Identifier types supported when the policy does not say. */
  readonly defaultSupportedIdentifiers: readonly DeviceIdentifierType[];
  /** Token rules: 'camara-1.0+' (2-legged needs a device, 3-legged forbids one) or 'none'. */
  readonly tokenRules: 'camara-1.0+' | 'none';
  /** Where identifiers must name the same device: the answer for a mismatch; null: never checked. */
  readonly identifierMismatch: CamaraError | null;
  /** The answer when no identifier given resolves to a device. */
  readonly identifierNotFound: CamaraError;
  /** Sink must be https. */
  readonly sinkHttpsRequired: boolean;
  /** Maximum sink length in characters. */
  readonly sinkMaxLength: number;
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
}

/** What a rule sees. */
export interface RuleContext<MessageIds extends string = string, Options = RuleOptions> {
  /** The rule's options: its defaults merged with the configured ones. */
  readonly options: Options;
  readonly policy: Policy;
  readonly request: RequestContext;
  readonly dialect: DialectFacts;
  /** True under `validateAsync`: the rule may await (e.g. an asynchronous device registry). */
  readonly async: boolean;
  /** Reports a finding; the engine adds rule id, severity, message, status and code. */
  report(finding: Finding<MessageIds>): void;
}

/** What a rule reports. */
export interface Finding<MessageIds extends string = string> {
  messageId: MessageIds;
  path: string;
  data?: Record<string, string | number | boolean>;
  /** Overrides the message's status and code, for answers that differ per dialect. */
  error?: CamaraError;
}

/** A message of a rule: its text, and optionally its own CAMARA answer and level. */
export type RuleMessage =
  | string
  | {
      text: string;
      status?: number;
      code?: string;
      /**
       * 'secondary' findings are one level below the rule's configured severity
       * (error → warn, warn → info): e.g. a phone number valid in syntax but not in the numbering plan.
       */
      level?: 'primary' | 'secondary';
    };

export interface RuleMeta<MessageIds extends string = string> {
  docs: { description: string; url?: string };
  /** Message texts with `{{ placeholders }}` filled from the finding's data. */
  messages: Record<MessageIds, RuleMessage>;
  /** JSON Schema of the options object (validated at createValidator time). */
  schema?: Record<string, unknown>;
  defaultOptions?: RuleOptions;
  /** Default level (default 'error'). */
  defaultLevel?: RuleLevel;
  /** Default CAMARA answer of the rule's findings. */
  status: number;
  code: string;
}

/** A rule: declarative meta plus a check over the neutral model. */
export interface RuleDefinition<MessageIds extends string = string, Options = RuleOptions> {
  meta: RuleMeta<MessageIds>;
  /**
   * Checks one body. Synchronous rules return nothing; a rule that must wait (a device registry)
   * returns a promise, which only `validateAsync` awaits.
   */
  check(model: SessionModel, ctx: RuleContext<MessageIds, Options>): void | Promise<void>;
}

// #endregion
