// ip-address-scope: addresses that must be reachable on the Internet are public. A device's public
// address or IPv6 address, and the application server's addresses and subnets, that lie in a
// private, loopback, link-local, multicast, unspecified or reserved range are suspicious (a QoS
// session for them would never match real traffic), as is a server subnet of /0 (all traffic).
// Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are allowed:
// CAMARA's own examples use them.
//
// Notes one level below the rule's severity: a subnet with host bits set ('198.51.100.7/24', which
// the spec allows as notation) and a device privateAddress that is not private although it differs
// from the public address (without NAT both are the same address).
//
// Only addresses that parse are looked at: a malformed one is ip-address's finding.

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import type { Field } from '../model/types.js';
import type { RuleContext } from './api.js';
import { hasHostBits, networkAddress, sameAddress, type IpAddress, type IpFamily } from './utils/ip/address.js';
import { formatAddress } from './utils/ip/format.js';
import { addressOf, subnetOf } from './utils/ip/parse.js';
import { classify, type IpScope } from './utils/ip/special-ranges.js';
import { printable } from '../shared/text.js';

import { docsUrl } from '../shared/docs-url.js';
import { addressFields } from '../model/addresses.js';

type MessageId = 'notPublic' | 'wholeInternet' | 'hostBitsSet' | 'privateNotPrivate';

interface Options {
  /** Non-public scopes accepted anyway (e.g. 'private' for servers inside an enterprise network). */
  allow: IpScope[];
  /** Accept the documentation ranges (default true). */
  allowDocumentation: boolean;
  [key: string]: unknown;
}

type Ctx = RuleContext<MessageId, Options>;

const NON_PUBLIC_SCOPES: readonly IpScope[] = ['private', 'loopback', 'linkLocal', 'multicast', 'unspecified', 'reserved'];

function accepted(scope: IpScope, options: Options): boolean {
  if (scope === 'public') return true;
  if (scope === 'documentation') return options.allowDocumentation !== false;
  return options.allow.includes(scope);
}

/** A public address (device or single server address): its scope. */
function checkAddress(ctx: Ctx, field: Field<string>, address: IpAddress): void {
  const info = classify(address);
  if (accepted(info.scope, ctx.options)) return;
  ctx.report({
    messageId: 'notPublic',
    path: field.path,
    data: { field: fieldName(field.path), value: printable(field.value), scope: info.scope, range: info.range, kind: info.kind },
  });
}

/** A server address or subnet (application server ipv4Address/ipv6Address). */
function checkSubnet(ctx: Ctx, field: Field<string>, family: IpFamily): void {
  const subnet = subnetOf(field.value, family);
  if (subnet === undefined) return;
  const { address, prefix } = subnet;
  if (prefix < 0) return checkAddress(ctx, field, address);
  // Message data is made only when there is something to report (this runs on every valid
  // request), and spelt out: a spread followed by more properties is slow on V8.
  if (prefix === 0) {
    ctx.report({ messageId: 'wholeInternet', path: field.path, data: { field: fieldName(field.path), value: printable(field.value), family: family === 4 ? 'IPv4' : 'IPv6' } });
    return;
  }
  const info = classify(address, prefix);
  if (!accepted(info.scope, ctx.options)) {
    ctx.report({ messageId: 'notPublic', path: field.path, data: { field: fieldName(field.path), value: printable(field.value), scope: info.scope, range: info.range, kind: info.kind } });
  }
  if (hasHostBits(address, prefix)) {
    ctx.report({ messageId: 'hostBitsSet', path: field.path, data: { field: fieldName(field.path), value: printable(field.value), prefix, network: `${formatAddress(networkAddress(address, prefix))}/${prefix}` } });
  }
}

/** For the fast check: checkSubnet's valid case (a value that does not parse is ip-address's). */
function isCleanSubnet(value: unknown, family: IpFamily, options: Options): boolean {
  if (typeof value !== 'string') return true;
  const subnet = subnetOf(value, family);
  if (subnet === undefined) return true;
  const { address, prefix } = subnet;
  if (prefix < 0) return accepted(classify(address).scope, options);
  return prefix !== 0 && accepted(classify(address, prefix).scope, options) && !hasHostBits(address, prefix);
}

/** For the fast check: checkAddress's valid case. */
function isCleanAddress(address: IpAddress | undefined, options: Options): boolean {
  return address === undefined || accepted(classify(address).scope, options);
}

export default defineRule<MessageId, Options>({
  meta: {
    docs: {
      description:
        'Public device addresses and application-server addresses are not private, loopback, link-local, multicast, unspecified or reserved; a server subnet is not /0.',
      url: docsUrl('ip-address-scope'),
    },
    messages: {
      notPublic: "{{ field }} '{{ value }}' is in {{ kind }}, not in public Internet address space.",
      wholeInternet:
        "{{ field }} '{{ value }}' is a /0 subnet: it covers every {{ family }} address, so the QoS session would apply to all of the device's traffic.",
      hostBitsSet: {
        text: "{{ field }} '{{ value }}' has host bits set after its /{{ prefix }} prefix; it stands for the network {{ network }} (allowed notation).",
        level: 'secondary',
      },
      privateNotPrivate: {
        text: "{{ field }} '{{ value }}' is in {{ kind }} rather than a private range, yet differs from the public address; without NAT both are the same address.",
        level: 'secondary',
      },
    },
    schema: {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: { enum: NON_PUBLIC_SCOPES },
          uniqueItems: true,
          description: "Non-public scopes accepted anyway (e.g. ['private'] where application servers sit in an enterprise network reached through the mobile core). Default [].",
        },
        allowDocumentation: {
          type: 'boolean',
          description: 'Accept the documentation ranges (192.0.2.0/24, 2001:db8::/32, ...). Default true; false in production, where such an address is a forgotten placeholder.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allow: [], allowDocumentation: true },
    defaultLevel: 'warn',
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  check(model, ctx) {
    let publicAddress: IpAddress | undefined;
    for (const { role, field, family, subnet } of addressFields(model)) {
      if (subnet) {
        checkSubnet(ctx, field, family!);
        continue;
      }
      const address = addressOf(field.value, family);
      if (address === undefined) continue;
      if (role === 'devicePublicIpv4') publicAddress = address;
      if (role !== 'devicePrivateIpv4') {
        checkAddress(ctx, field, address);
        continue;
      }
      // A private address that differs from the public one should be private (else no NAT is needed).
      if (publicAddress !== undefined && sameAddress(address, publicAddress)) continue;
      const info = classify(address);
      if (info.scope !== 'private' && info.scope !== 'documentation') {
        ctx.report({
          messageId: 'privateNotPrivate',
          path: field.path,
          data: { field: fieldName(field.path), value: printable(field.value), scope: info.scope, kind: info.kind },
        });
      }
    }
  },
  // check's walk over addressFields(), without findings: the same roles in the same order.
  fast(view, ctx) {
    const { options } = ctx;
    const prefixes = view.devicePrefixes;
    const { publicAddress: publicText, privateAddress: privateText, ipv6Address: ipv6Text } = view;
    let publicAddress: IpAddress | undefined;
    if (prefixes?.ipv4 === true) {
      if (!isCleanSubnet(publicText, 4, options) || !isCleanSubnet(privateText, 4, options)) return false;
    } else {
      publicAddress = typeof publicText === 'string' ? addressOf(publicText, 4) : undefined;
      if (!isCleanAddress(publicAddress, options)) return false;
      const privateAddress = typeof privateText === 'string' ? addressOf(privateText, 4) : undefined;
      if (privateAddress !== undefined && !(publicAddress !== undefined && sameAddress(privateAddress, publicAddress))) {
        const scope = classify(privateAddress).scope;
        if (scope !== 'private' && scope !== 'documentation') return false;
      }
    }
    if (prefixes?.ipv6 === true) {
      if (!isCleanSubnet(ipv6Text, 6, options)) return false;
    } else if (typeof ipv6Text === 'string' && !isCleanAddress(addressOf(ipv6Text, 6), options)) return false;
    const list = view.serverAddressList;
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        if (typeof item === 'string' && !isCleanAddress(addressOf(item), options)) return false;
      }
    }
    return isCleanSubnet(view.serverIpv4Address, 4, options) && isCleanSubnet(view.serverIpv6Address, 6, options);
  },
});
