// device-server-consistency: the device and the application server are the two ends of the flows
// a QoS session covers, so
// - the device's address (ipv4Address.publicAddress, ipv6Address) is not also a server address
//   (compared by value; a server subnet that merely contains the device address is not flagged);
// - their address families can meet: a device known only by IPv4 addresses and a server given only
//   by IPv6 addresses leave no flow to prioritise. The reverse, a device known only by its IPv6
//   address and IPv4 servers, is a set-up CAMARA describes ("If NAT64 is in use, the device should
//   be identified ... separately by its allocated IPv6 address"): no warning, only a note naming
//   NAT64 (secondary: an info by default). A device identified only by a phone number or NAI has no
//   known family, so nothing is claimed then.
//
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) count as IPv4. Addresses that do not parse are
// ip-address's finding and are ignored here.

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import type { Field, SessionModel } from '../model/types.js';
import type { RuleContext } from './api.js';
import { effectiveFamily, sameAddress, type IpAddress, type IpFamily } from './utils/ip/address.js';
import { addressOf, subnetOf } from './utils/ip/parse.js';
import { printable } from '../shared/text.js';
import { isPlainObject } from '../shared/object.js';

import { docsUrl } from '../shared/docs-url.js';
import { addressFields } from '../model/addresses.js';

type MessageId = 'sameAddress' | 'familyMismatch' | 'nat64';
type Ctx = RuleContext<MessageId>;

/** Bit set of families: 1 = IPv4, 2 = IPv6. */
const FAMILY_BIT: Readonly<Record<IpFamily, number>> = { 4: 1, 6: 2 };
const IPV4 = FAMILY_BIT[4];
const IPV6 = FAMILY_BIT[6];
const FAMILY_NAMES = ['', 'IPv4', 'IPv6', 'IPv4 and IPv6'];

interface ServerAddress {
  readonly field: Field<string>;
  readonly address: IpAddress;
  /** Whether it names a single host (no prefix, or /32, /128). */
  readonly single: boolean;
}

/** The application server's addresses and subnets that parse. */
function serverAddresses(model: SessionModel): ServerAddress[] {
  const out: ServerAddress[] = [];
  for (const { field, family, device } of addressFields(model)) {
    if (device) continue;
    const subnet = subnetOf(field.value, family);
    if (subnet === undefined) continue;
    const full = subnet.address.family === 4 ? 32 : 128;
    out.push({ field, address: subnet.address, single: subnet.prefix < 0 || subnet.prefix === full });
  }
  return out;
}

/** Reports a device address that is also a single server address; returns its family bit. */
function compare(ctx: Ctx, field: Field<string>, address: IpAddress, servers: readonly ServerAddress[]): number {
  for (const s of servers) {
    if (!s.single || !sameAddress(s.address, address)) continue;
    ctx.report({
      messageId: 'sameAddress',
      path: field.path,
      data: { field: fieldName(field.path), value: printable(field.value), server: fieldName(s.field.path), serverValue: printable(s.field.value) },
    });
    break;
  }
  return FAMILY_BIT[effectiveFamily(address)];
}

function check(model: SessionModel, ctx: Ctx): void {
  const device = model.device;
  const server = model.applicationServer;
  if (device === undefined || server === undefined) return;
  const publicField = device.ipv4Address?.publicAddress;
  const publicAddress = publicField === undefined ? undefined : addressOf(publicField.value, 4);
  const ipv6Field = device.ipv6Address;
  const ipv6 = ipv6Field === undefined ? undefined : addressOf(ipv6Field.value, 6);
  if (publicAddress === undefined && ipv6 === undefined) return;

  const servers = serverAddresses(model);
  if (servers.length === 0) return;
  let serverFamilies = 0;
  for (const s of servers) serverFamilies |= FAMILY_BIT[effectiveFamily(s.address)];
  let deviceFamilies = 0;
  if (publicAddress !== undefined) deviceFamilies |= compare(ctx, publicField!, publicAddress, servers);
  if (ipv6 !== undefined) deviceFamilies |= compare(ctx, ipv6Field!, ipv6, servers);

  if ((deviceFamilies & serverFamilies) === 0) {
    ctx.report({
      messageId: deviceFamilies === IPV6 && serverFamilies === IPV4 ? 'nat64' : 'familyMismatch',
      path: server.path,
      data: { field: fieldName(server.path), device: FAMILY_NAMES[deviceFamilies]!, server: FAMILY_NAMES[serverFamilies]! },
    });
  }
}

/**
 * For the fast check: the family bits of the server's addresses that parse, or -1 when one of them
 * is a single address equal to the device's public IPv4 or IPv6 address (sameAddress).
 */
function serverFamilies(value: unknown, family: IpFamily | undefined, publicAddress: IpAddress | undefined, ipv6: IpAddress | undefined): number {
  if (typeof value !== 'string') return 0;
  const subnet = subnetOf(value, family);
  if (subnet === undefined) return 0;
  const { address, prefix } = subnet;
  if (prefix < 0 || prefix === (address.family === 4 ? 32 : 128)) {
    if ((publicAddress !== undefined && sameAddress(address, publicAddress)) || (ipv6 !== undefined && sameAddress(address, ipv6))) return -1;
  }
  return FAMILY_BIT[effectiveFamily(address)];
}

export default defineRule<MessageId>({
  meta: {
    docs: {
      description: 'The device and the application server are not the same address, and their address families can meet.',
      url: docsUrl('device-server-consistency'),
    },
    messages: {
      sameAddress:
        "{{ field }} '{{ value }}' is also the application server address {{ server }} ('{{ serverValue }}'); the device and the server are the two ends of a flow and cannot be the same host.",
      familyMismatch:
        'The device is given only by {{ device }} addresses and {{ field }} only by {{ server }} addresses, so no flow between them can match the session.',
      nat64: {
        text: 'The device is given only by {{ device }} addresses and {{ field }} only by {{ server }} addresses: the flows meet only if NAT64 is in use (the network translating the device\'s IPv6 traffic to IPv4).',
        level: 'secondary',
      },
    },
    defaultLevel: 'warn',
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  check,
  // check without findings: no device address is also a single server address, and the families meet.
  fast(view) {
    if (!isPlainObject(view.device) || !isPlainObject(view.applicationServer)) return true;
    const publicText = view.publicAddress;
    const ipv6Text = view.ipv6Address;
    const publicAddress = typeof publicText === 'string' ? addressOf(publicText, 4) : undefined;
    const ipv6 = typeof ipv6Text === 'string' ? addressOf(ipv6Text, 6) : undefined;
    if (publicAddress === undefined && ipv6 === undefined) return true;
    let servers = 0;
    const list = view.serverAddressList;
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        const bits = serverFamilies(list[i], undefined, publicAddress, ipv6);
        if (bits < 0) return false;
        servers |= bits;
      }
    }
    const ipv4Bits = serverFamilies(view.serverIpv4Address, 4, publicAddress, ipv6);
    const ipv6Bits = serverFamilies(view.serverIpv6Address, 6, publicAddress, ipv6);
    if (ipv4Bits < 0 || ipv6Bits < 0) return false;
    servers |= ipv4Bits | ipv6Bits;
    if (servers === 0) return true;
    let device = 0;
    if (publicAddress !== undefined) device |= FAMILY_BIT[effectiveFamily(publicAddress)];
    if (ipv6 !== undefined) device |= FAMILY_BIT[effectiveFamily(ipv6)];
    return (device & servers) !== 0;
  },
});
