// The dialect-neutral view of a CreateSession body that rules read (built by ./build-model.ts).

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

/** Which device address families may carry a prefix (an address/mask rather than a single address). */
export interface DevicePrefixes {
  readonly ipv4: boolean;
  readonly ipv6: boolean;
}

export interface DeviceModel extends Located {
  readonly phoneNumber?: Field<string>;
  readonly networkAccessIdentifier?: Field<string>;
  readonly ipv4Address?: DeviceIpv4Model;
  readonly ipv6Address?: Field<string>;
  /** Names of properties present that are not identifiers of the dialect (as spelled in the body). */
  readonly unknownKeys: readonly string[];
  /** How many properties the device object has, declared or not, whatever their values. */
  readonly keyCount: number;
  /**
   * Device address families that may carry a prefix (CAMARA 0.8: both; 0.9: IPv6); absent: the
   * device's addresses are single addresses, as from CAMARA 0.10 on.
   */
  readonly prefixes?: DevicePrefixes;
}

export interface ApplicationServerModel extends Located {
  /** The list form (CAMARA 1.2): single addresses. Absent when the body has no such list. */
  readonly ipAddresses?: Located & {
    /** The string items (others are the schema's finding); empty when the list is too long to walk. */
    readonly items: readonly Field<string>[];
    /** The list's length, whatever its items. */
    readonly count: number;
  };
  /** Address or address/prefix. */
  readonly ipv4Address?: Field<string>;
  readonly ipv6Address?: Field<string>;
}

export interface SinkCredentialModel extends Located {
  /** The names of the properties given (a value of the wrong type is still given; undefined is not). */
  readonly given: readonly string[];
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
  /**
   * Which top-level members the body has, whatever their values (a device or duration of the wrong
   * type is the schema's finding, not a missing one). The model holds no reference to the body: a
   * rule cannot change the caller's input through it.
   */
  readonly given: { readonly device: boolean; readonly duration: boolean };
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

/**
 * A ports object's lists as the body holds them, for a rule's fast check: `ranges` items are the
 * body's objects, whose ends are read with the dialect's spellings `from` and `to`.
 */
export interface FastPorts {
  readonly ranges: unknown;
  readonly ports: unknown;
  readonly from: string;
  readonly to: string;
}

/**
 * The body's values at the places the neutral model names, as the body holds them, for a rule's
 * fast check (RuleDefinition.fast): what the accept pass stored while walking a body the dialect's
 * schema accepts (docs/performance.md). undefined where the body has nothing. Objects and arrays
 * are the body's own: read them, never change them, and keep no reference after the check.
 */
export interface FastView {
  /** The device object (`device`; CAMARA 0.8 `ueId`). */
  readonly device: unknown;
  readonly phoneNumber: unknown;
  readonly networkAccessIdentifier: unknown;
  /** The device's IPv4 address: an object with publicAddress..., or one string in CAMARA 0.8. */
  readonly ipv4Address: unknown;
  /** ipv4Address.publicAddress (CAMARA 0.8: ipv4Address itself). */
  readonly publicAddress: unknown;
  readonly privateAddress: unknown;
  readonly publicPort: unknown;
  readonly ipv6Address: unknown;
  /** DeviceModel.prefixes: the device address families that may carry a prefix. */
  readonly devicePrefixes: DevicePrefixes | undefined;
  readonly applicationServer: unknown;
  /** The application server's list of single addresses (CAMARA 1.2 `ipAddresses`). */
  readonly serverAddressList: unknown;
  readonly serverIpv4Address: unknown;
  readonly serverIpv6Address: unknown;
  readonly devicePorts: FastPorts;
  readonly applicationServerPorts: FastPorts;
  readonly qosProfile: unknown;
  readonly duration: unknown;
  /** `sink`, or the webhook's notification URL. */
  readonly sink: unknown;
  /** The sinkCredential object; its members are read by their CAMARA names. */
  readonly sinkCredential: unknown;
}
