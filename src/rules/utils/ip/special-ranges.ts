// Address scopes from the IANA IPv4 and IPv6 Special-Purpose Address Registries, and the
// classification of an address or a subnet by them.
//
// test/rules/utils-ip-special-ranges.test.ts checks this table against a copy of both registries
// (test/data/iana-ipv4-special-registry.csv, test/data/iana-ipv6-special-registry.csv): every
// registry block classifies as the table says, and every row here is a registry block or one of
// the commented additions.

import { bits128, ipv4Value, isIpv4Value, mask, MAPPED, networkAddress, type IpAddress } from './address.js';
import { parseSubnet } from './parse.js';

/** Address scopes, from the IANA special-purpose address registries. */
export type IpScope =
  | 'public'
  | 'documentation'
  | 'private'
  | 'loopback'
  | 'linkLocal'
  | 'multicast'
  | 'unspecified'
  | 'reserved';

/** The special range an address or subnet lies in. */
export interface ScopeInfo {
  readonly scope: IpScope;
  /** The range in CIDR notation, e.g. '10.0.0.0/8' ('' for public). */
  readonly range: string;
  /** The range as a phrase for messages, e.g. 'the private-use range 10.0.0.0/8 (RFC 1918)'. */
  readonly kind: string;
}

interface SpecialRange extends ScopeInfo {
  /** The RFC that defines the range, e.g. 'RFC 1918'. */
  readonly rfc: string;
  /** 128-bit prefix length. */
  readonly bits: number;
  /** The network's words and the prefix mask's words, precomputed. */
  readonly n0: number;
  readonly n1: number;
  readonly n2: number;
  readonly n3: number;
  readonly m0: number;
  readonly m1: number;
  readonly m2: number;
  readonly m3: number;
}

function range(cidr: string, scope: IpScope, name: string, rfc: string): SpecialRange {
  const { address, prefix } = parseSubnet(cidr)!;
  const bits = bits128(address, prefix);
  const n = networkAddress(address, prefix);
  return {
    scope,
    range: cidr,
    kind: `the ${name} range ${cidr} (${rfc})`,
    rfc,
    bits,
    n0: n.w0 | 0,
    n1: n.w1 | 0,
    n2: n.w2 | 0,
    n3: n.w3 | 0,
    m0: mask(bits, 0) | 0,
    m1: mask(bits, 1) | 0,
    m2: mask(bits, 2) | 0,
    m3: mask(bits, 3) | 0,
  };
}

/** Whether the address lies in the range. */
function contains(r: SpecialRange, a: IpAddress): boolean {
  return ((a.w0 ^ r.n0) & r.m0) === 0 && ((a.w1 ^ r.n1) & r.m1) === 0 && ((a.w2 ^ r.n2) & r.m2) === 0 && ((a.w3 ^ r.n3) & r.m3) === 0;
}

/** The first range holding all of the subnet a/bits (bits: 128-bit prefix length). */
function find(ranges: readonly SpecialRange[], a: IpAddress, bits: number): SpecialRange | undefined {
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (bits >= r.bits && contains(r, a)) return r;
  }
  return undefined;
}

/**
 * The special-purpose ranges (IANA IPv4/IPv6 special-purpose address registries); the first range
 * holding an address decides, so a block comes before any block that contains it. Documentation
 * ranges are a scope of their own: CAMARA's examples use them. Blocks the registry marks globally
 * reachable are 'public' entries carved out of the reserved block around them. Three rows come from
 * other IANA registries (marked "not in the special-purpose registry").
 */
const SPECIAL_RANGES: readonly SpecialRange[] = [
  range('0.0.0.0/8', 'unspecified', "unspecified ('this network')", 'RFC 791'),
  range('10.0.0.0/8', 'private', 'private-use', 'RFC 1918'),
  range('100.64.0.0/10', 'private', 'shared carrier-grade NAT', 'RFC 6598'),
  range('127.0.0.0/8', 'loopback', 'loopback', 'RFC 1122'),
  range('169.254.0.0/16', 'linkLocal', 'link-local', 'RFC 3927'),
  range('172.16.0.0/12', 'private', 'private-use', 'RFC 1918'),
  range('192.0.0.9/32', 'public', 'Port Control Protocol anycast', 'RFC 7723'),
  range('192.0.0.10/32', 'public', 'TURN anycast', 'RFC 8155'),
  range('192.0.0.0/24', 'reserved', 'IETF protocol assignments', 'RFC 6890'),
  range('192.0.2.0/24', 'documentation', 'documentation TEST-NET-1', 'RFC 5737'),
  range('192.88.99.0/24', 'reserved', 'deprecated 6to4 relay anycast', 'RFC 7526'),
  range('192.168.0.0/16', 'private', 'private-use', 'RFC 1918'),
  range('198.18.0.0/15', 'reserved', 'benchmarking', 'RFC 2544'),
  range('198.51.100.0/24', 'documentation', 'documentation TEST-NET-2', 'RFC 5737'),
  range('203.0.113.0/24', 'documentation', 'documentation TEST-NET-3', 'RFC 5737'),
  range('224.0.0.0/4', 'multicast', 'multicast', 'RFC 5771'), // not in the special-purpose registry
  range('255.255.255.255/32', 'reserved', 'limited broadcast', 'RFC 919'),
  range('240.0.0.0/4', 'reserved', 'reserved-for-future-use', 'RFC 1112'),
  range('::/128', 'unspecified', 'unspecified', 'RFC 4291'),
  range('::1/128', 'loopback', 'loopback', 'RFC 4291'),
  range('64:ff9b:1::/48', 'private', 'local-use IPv4/IPv6 translation', 'RFC 8215'),
  range('100::/64', 'reserved', 'discard-only', 'RFC 6666'),
  // Teredo: the registry leaves it N/A; its addresses are hosts reached through Teredo relays.
  range('2001::/32', 'public', 'Teredo', 'RFC 4380'),
  range('2001:1::1/128', 'public', 'Port Control Protocol anycast', 'RFC 7723'),
  range('2001:1::2/128', 'public', 'TURN anycast', 'RFC 8155'),
  range('2001:1::3/128', 'public', 'DNS-SD service registration anycast', 'RFC 9665'),
  range('2001:2::/48', 'reserved', 'benchmarking', 'RFC 5180'),
  range('2001:3::/32', 'public', 'AMT', 'RFC 7450'),
  range('2001:4:112::/48', 'public', 'AS112-v6', 'RFC 7535'),
  range('2001:20::/28', 'public', 'ORCHIDv2', 'RFC 7343'),
  range('2001:30::/28', 'public', 'drone remote ID entity tags', 'RFC 9374'),
  range('2001::/23', 'reserved', 'IETF protocol assignments', 'RFC 2928'),
  range('2001:db8::/32', 'documentation', 'documentation', 'RFC 3849'),
  range('3fff::/20', 'documentation', 'documentation', 'RFC 9637'),
  range('fc00::/7', 'private', 'unique local', 'RFC 4193'),
  range('fe80::/10', 'linkLocal', 'link-local', 'RFC 4291'),
  range('fec0::/10', 'private', 'deprecated site-local', 'RFC 3879'), // not in the special-purpose registry
  range('ff00::/8', 'multicast', 'multicast', 'RFC 4291'), // not in the special-purpose registry
];

/** The table as data: test/rules/utils-ip-special-ranges.test.ts checks it against the registries. */
export const specialRangeTable: readonly Pick<SpecialRange, 'range' | 'scope' | 'rfc'>[] = SPECIAL_RANGES;

const IPV4_RANGES = SPECIAL_RANGES.filter((r) => r.bits >= 96 && r.n0 === 0 && r.n1 === 0 && r.n2 === MAPPED);
const GLOBAL_UNICAST_RANGES = SPECIAL_RANGES.filter((r) => r.bits >= 3 && r.n0 >>> 29 === 1);
/** First octets below 224 that start a special IPv4 range (224 and above are all special). */
const SPECIAL_FIRST_OCTETS = new Uint8Array(256);
for (const r of IPV4_RANGES) {
  const first = r.n3 >>> 24;
  const last = first + (2 ** Math.max(0, 104 - r.bits) - 1);
  for (let o = first; o <= Math.min(last, 255); o++) SPECIAL_FIRST_OCTETS[o] = 1;
}

const IPV4_MAPPED = range('::ffff:0:0/96', 'public', 'IPv4-mapped', 'RFC 4291');
/** The well-known NAT64 prefix: its addresses stand for the embedded IPv4 address (RFC 6052). */
const NAT64 = range('64:ff9b::/96', 'public', 'IPv4/IPv6 translation', 'RFC 6052');
const GLOBAL_UNICAST = range('2000::/3', 'public', 'global unicast', 'RFC 4291');
const OUTSIDE_GLOBAL_UNICAST: ScopeInfo = {
  scope: 'reserved',
  range: '::/0 minus 2000::/3',
  kind: 'the reserved IPv6 space outside the global unicast range 2000::/3 (RFC 4291)',
};
const PUBLIC: ScopeInfo = { scope: 'public', range: '', kind: 'public address space' };

/**
 * The only ranges that can hold all of an IPv4-mapped subnet (128-bit prefix of 96 or more), in
 * table order: the IPv4 ranges, and any wider range that holds ::ffff:0:0/96 (none today). find()
 * over them answers as over the whole table: a range holding such a subnet either lies inside
 * ::ffff:0:0/96 or holds it.
 */
const MAPPED_CANDIDATES = SPECIAL_RANGES.filter((r) => IPV4_RANGES.includes(r) || (r.bits <= 96 && contains(r, parseSubnet('::ffff:0:0')!.address)));
/**
 * MAPPED_CANDIDATES by the first octet of an IPv4 subnet of /8 or longer (128-bit prefix of 104 or
 * more): the ranges that lie within that octet, or span it, in table order. Each octet's list is
 * made when an address first needs it: a run meets a few octets, and making all 256 at load was a
 * millisecond of every command-line start.
 */
const IPV4_BY_OCTET: (readonly SpecialRange[] | undefined)[] = new Array<readonly SpecialRange[] | undefined>(256).fill(undefined);
function ipv4Candidates(octet: number): readonly SpecialRange[] {
  return (IPV4_BY_OCTET[octet] ??= MAPPED_CANDIDATES.filter((r) => {
    if (r.bits < 96) return true;
    const first = r.n3 >>> 24;
    return r.bits >= 104 ? first === octet : octet >= first && octet < first + 2 ** (104 - r.bits);
  }));
}
/** The same for subnets within the global unicast range 2000::/3 (prefix of 3 or more). */
const GLOBAL_CANDIDATES = SPECIAL_RANGES.filter((r) => GLOBAL_UNICAST_RANGES.includes(r) || (r.bits <= 3 && contains(r, parseSubnet('2000::')!.address)));

/**
 * The last few subnets classified, by their address object (subnetOf in ./parse.ts hands out the
 * same object for the same text) and prefix: a body's rules ask about the same subnets, and the
 * same servers come back body after body. Addresses are immutable; the answer depends on nothing else.
 */
const MEMO_SIZE = 8;
const memoAddresses: (IpAddress | undefined)[] = new Array<IpAddress | undefined>(MEMO_SIZE).fill(undefined);
const memoPrefixes = new Int16Array(MEMO_SIZE);
const memoScopes: (ScopeInfo | undefined)[] = new Array<ScopeInfo | undefined>(MEMO_SIZE).fill(undefined);
let memoNext = 0;

/**
 * The scope of an address, or of a whole subnet when `prefix` is given: the special range that
 * contains all of it. A subnet wider than every special range it overlaps counts as public.
 */
export function classify(a: IpAddress, prefix = -1): ScopeInfo {
  if (prefix < 0) return classifyNow(a, prefix);
  for (let k = 0; k < MEMO_SIZE; k++) if (memoAddresses[k] === a && memoPrefixes[k] === prefix) return memoScopes[k]!;
  const info = classifyNow(a, prefix);
  memoAddresses[memoNext] = a;
  memoPrefixes[memoNext] = prefix;
  memoScopes[memoNext] = info;
  memoNext = (memoNext + 1) % MEMO_SIZE;
  return info;
}

function classifyNow(a: IpAddress, prefix: number): ScopeInfo {
  if (prefix < 0) {
    // Single addresses, the common case: public ones are decided without scanning every range.
    if (isIpv4Value(a)) {
      const octet = a.w3 >>> 24;
      if (octet < 224 && SPECIAL_FIRST_OCTETS[octet] === 0) return PUBLIC;
      return find(IPV4_RANGES, a, 128) ?? PUBLIC;
    }
    if (a.w0 >>> 29 === 1) return find(GLOBAL_UNICAST_RANGES, a, 128) ?? PUBLIC;
  }
  const bits = prefix < 0 ? 128 : bits128(a, prefix);
  const ipv4 = isIpv4Value(a);
  const candidates = ipv4 && bits >= 104 ? ipv4Candidates(a.w3 >>> 24) : ipv4 && bits >= 96 ? MAPPED_CANDIDATES : a.w0 >>> 29 === 1 && bits >= 3 ? GLOBAL_CANDIDATES : SPECIAL_RANGES;
  const special = find(candidates, a, bits);
  if (special !== undefined) return special;
  if (bits >= 96 && contains(NAT64, a)) return classifyNow(ipv4Value(a.w3), bits === 128 ? -1 : bits - 96);
  if (bits >= 96 && contains(IPV4_MAPPED, a)) return PUBLIC;
  // Public when it overlaps the global unicast range 2000::/3 (lies in it, or is wider and holds it).
  const overlaps = bits >= 3 ? contains(GLOBAL_UNICAST, a) : (0x20000000 & mask(bits, 0)) === ((a.w0 & mask(bits, 0)) >>> 0);
  return overlaps ? PUBLIC : OUTSIDE_GLOBAL_UNICAST;
}
