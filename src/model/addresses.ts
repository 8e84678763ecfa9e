// The address fields of a session, device and application server alike, in document order: the one
// walk that the address rules (ip-address, ip-address-scope, device-server-consistency) share.

import type { Field, SessionModel } from './types.js';

/** Where an address field sits, and so what it may hold. */
type AddressRole =
  /** device.ipv4Address.publicAddress: a single IPv4 address (CAMARA 0.8's ueId.ipv4addr: address or address/mask). */
  | 'devicePublicIpv4'
  /** device.ipv4Address.privateAddress: a single IPv4 address. */
  | 'devicePrivateIpv4'
  /** device.ipv6Address: a single IPv6 address (CAMARA 0.8 and 0.9: address or address/prefix). */
  | 'deviceIpv6'
  /** An item of the application server's address list: a single address of either family. */
  | 'serverListItem'
  /** applicationServer.ipv4Address: an IPv4 address or subnet. */
  | 'serverIpv4'
  /** applicationServer.ipv6Address: an IPv6 address or subnet. */
  | 'serverIpv6';

export interface AddressField {
  readonly role: AddressRole;
  readonly field: Field<string>;
  /** The family the field takes; undefined: either (list items). */
  readonly family: 4 | 6 | undefined;
  /** Whether the field may carry a prefix (the server's subnets; the device's addresses in CAMARA 0.8 and 0.9). */
  readonly subnet: boolean;
  /** Whether it belongs to the device (else to the application server). */
  readonly device: boolean;
}

// The last model asked about: the address rules run one after the other on one model, so a
// one-entry memo answers all but the first (a WeakMap would cost the garbage collector more).
let lastModel: SessionModel | undefined;
let lastFields: readonly AddressField[] = [];
const NONE: readonly AddressField[] = [];

function add(out: AddressField[], role: AddressRole, field: Field<string> | undefined, family: 4 | 6 | undefined, subnet: boolean, device: boolean): void {
  if (field !== undefined) out.push({ role, field, family, subnet, device });
}

/**
 * Every address field the session has (string-valued; a value of another type is the schema's
 * finding), device first. Computed once per model, however many rules ask.
 */
export function addressFields(model: SessionModel): readonly AddressField[] {
  if (model === lastModel) return lastFields;
  const { device, applicationServer: server } = model;
  if (device === undefined && server === undefined) return remember(model, NONE);
  const out: AddressField[] = [];
  if (device !== undefined) {
    const ipv4Prefix = device.prefixes?.ipv4 === true;
    add(out, 'devicePublicIpv4', device.ipv4Address?.publicAddress, 4, ipv4Prefix, true);
    add(out, 'devicePrivateIpv4', device.ipv4Address?.privateAddress, 4, ipv4Prefix, true);
    add(out, 'deviceIpv6', device.ipv6Address, 6, device.prefixes?.ipv6 === true, true);
  }
  if (server !== undefined) {
    for (const item of server.ipAddresses?.items ?? NONE_FIELDS) add(out, 'serverListItem', item, undefined, false, false);
    add(out, 'serverIpv4', server.ipv4Address, 4, true, false);
    add(out, 'serverIpv6', server.ipv6Address, 6, true, false);
  }
  return remember(model, out);
}

function remember(model: SessionModel, fields: readonly AddressField[]): readonly AddressField[] {
  lastModel = model;
  lastFields = fields;
  return fields;
}

const NONE_FIELDS: readonly Field<string>[] = [];
