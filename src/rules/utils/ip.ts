// IP addresses for the address rules: strict parsing (the textual forms the schemas' `format: ipv4`
// and `format: ipv6` accept, nothing more lenient), prefixes, value equality, scope classification
// and cloud-metadata addresses.
//
// ipaddr.js is the authority on what an address means; ajv-formats' ipv4/ipv6 formats are the
// authority on which spellings are accepted. The common case (a dotted quad, an IPv6 address in
// plain hexadecimal groups) is decided by a hand-written scanner that allocates nothing but its
// result; IPv6 with an embedded dotted quad ('::ffff:192.0.2.1') goes to the authorities
// themselves. test/rules/utils-ip.test.ts proves with fast-check that both paths agree with
// ipaddr.js and with ajv-formats on large samples of valid and near-valid strings.
//
// Every address is held as 128 bits in four unsigned 32-bit words, an IPv4 address as its
// IPv4-mapped IPv6 form ::ffff:a.b.c.d. So '192.0.2.1' and '::ffff:192.0.2.1' are the same value
// (they name the same host), and one table of ranges serves both families.

import { fullFormats } from 'ajv-formats/dist/formats.js';
import ipaddr from 'ipaddr.js';

// #region Types

export type IpFamily = 4 | 6;

/** A parsed address. `family` is the notation it was written in. */
export interface IpAddress {
  readonly family: IpFamily;
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
}

/** An address with an optional prefix length (-1: none given). */
export interface IpSubnet {
  readonly address: IpAddress;
  readonly prefix: number;
}

/** Why a string is not the address expected (see diagnoseAddress). */
export type IpProblem =
  | { readonly kind: 'notIpv4'; readonly reason: string }
  | { readonly kind: 'notIpv6'; readonly reason: string }
  | { readonly kind: 'notIpAddress' }
  | { readonly kind: 'leadingZeros'; readonly octet: string }
  | { readonly kind: 'wrongFamily'; readonly actual: IpFamily }
  | { readonly kind: 'zoneId'; readonly zone: string };

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

// #endregion

// #region Construction and formatting

const MAPPED = 0xffff;

function v4(value: number): IpAddress {
  return { family: 4, w0: 0, w1: 0, w2: MAPPED, w3: value };
}

function v6(g: ArrayLike<number>): IpAddress {
  return {
    family: 6,
    w0: (g[0]! * 0x10000 + g[1]!) >>> 0,
    w1: (g[2]! * 0x10000 + g[3]!) >>> 0,
    w2: (g[4]! * 0x10000 + g[5]!) >>> 0,
    w3: (g[6]! * 0x10000 + g[7]!) >>> 0,
  };
}

/** True for IPv4 addresses and IPv4-mapped IPv6 addresses (::ffff:0:0/96). */
export function isIpv4Value(a: IpAddress): boolean {
  return a.w0 === 0 && a.w1 === 0 && a.w2 === MAPPED;
}

/** The family of the value: 4 for IPv4 and IPv4-mapped IPv6 addresses, otherwise 6. */
export function effectiveFamily(a: IpAddress): IpFamily {
  return isIpv4Value(a) ? 4 : 6;
}

/** Same address by value (so '2001:db8::a' equals '2001:DB8:0:0::A', and '192.0.2.1' equals '::ffff:192.0.2.1'). */
export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.w0 === b.w0 && a.w1 === b.w1 && a.w2 === b.w2 && a.w3 === b.w3;
}

function dotted(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Canonical text: dotted quad for IPv4 notation, RFC 5952 for IPv6 notation. */
export function formatAddress(a: IpAddress): string {
  if (a.family === 4) return dotted(a.w3);
  if (isIpv4Value(a)) return `::ffff:${dotted(a.w3)}`;
  const groups = [a.w0 >>> 16, a.w0 & 0xffff, a.w1 >>> 16, a.w1 & 0xffff, a.w2 >>> 16, a.w2 & 0xffff, a.w3 >>> 16, a.w3 & 0xffff];
  // RFC 5952: compress the longest run of two or more zero groups (the first one on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

// #endregion

// #region Parsing

/**
 * A strict dotted quad: four decimal numbers 0..255 without leading zeros (exactly what
 * ajv-formats' `ipv4` accepts). undefined for anything else.
 */
export function parseIpv4(s: string, start = 0, end = s.length): IpAddress | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && octet === 0) return undefined; // a leading zero
      octet = octet * 10 + (c - 48);
      if (octet > 255) return undefined;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return v4(value * 256 + octet);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Scratch space of the IPv6 scanner (rules run synchronously, one at a time). */
const groups = new Array<number>(8).fill(0);
const expanded = new Array<number>(8).fill(0);
/** The scanner's answer when the text has an embedded dotted quad: ask the authorities. */
const EMBEDDED_IPV4 = null;

/**
 * The fast path: IPv6 in hexadecimal groups only. An address, undefined (not IPv6), or
 * EMBEDDED_IPV4 when a '.' shows a mixed notation the slow path decides.
 */
function scanIpv6(s: string, start: number, end: number): IpAddress | undefined | typeof EMBEDDED_IPV4 {
  if (end - start < 2) return undefined;
  let i = start;
  let n = 0;
  let gap = -1;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return undefined;
    gap = 0;
    i += 2;
  }
  while (i < end) {
    let value = 0;
    let digits = 0;
    let c = s.charCodeAt(i);
    let h = hexValue(c);
    while (h >= 0) {
      if (++digits > 4) return undefined;
      value = value * 16 + h;
      if (++i === end) break;
      c = s.charCodeAt(i);
      h = hexValue(c);
    }
    if (i < end && c === 46) return EMBEDDED_IPV4;
    if (digits === 0 || n === 8) return undefined;
    groups[n++] = value;
    if (i === end) break;
    if (c !== 58) return undefined;
    i++;
    if (i === end) return undefined; // a trailing single ':'
    if (s.charCodeAt(i) === 58) {
      if (gap >= 0) return undefined; // a second '::'
      gap = n;
      i++;
    }
  }
  if (gap < 0) return n === 8 ? v6(groups) : undefined;
  if (n > 7) return undefined; // '::' must stand for at least one group
  const zeros = 8 - n;
  for (let k = 0; k < 8; k++) expanded[k] = k < gap ? groups[k]! : k < gap + zeros ? 0 : groups[k - zeros]!;
  return v6(expanded);
}

const ipv6Format = fullFormats.ipv6 as RegExp;
/** '::a.b.c.d', the deprecated IPv4-compatible form (RFC 4291 2.5.5.1). */
const IPV4_COMPATIBLE = /^::(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** The slow path for mixed notation: ajv-formats decides the spelling, ipaddr.js the value. */
function parseMixedIpv6(text: string): IpAddress | undefined {
  if (!ipv6Format.test(text)) return undefined;
  const compatible = IPV4_COMPATIBLE.exec(text);
  // ipaddr.js reads '::a.b.c.d' as the IPv4-mapped ::ffff:a.b.c.d; RFC 4291 gives it its own value.
  if (compatible) return { family: 6, w0: 0, w1: 0, w2: 0, w3: parseIpv4(compatible[1]!)!.w3 };
  try {
    return v6(ipaddr.IPv6.parse(text).parts);
  } catch {
    return undefined;
  }
}

/**
 * An IPv6 address in the text forms of RFC 4291 that ajv-formats' `ipv6` accepts (no zone
 * index, no prefix, no leading zeros in an embedded dotted quad). undefined for anything else.
 */
export function parseIpv6(s: string, start = 0, end = s.length): IpAddress | undefined {
  const fast = scanIpv6(s, start, end);
  if (fast !== EMBEDDED_IPV4) return fast;
  return parseMixedIpv6(start === 0 && end === s.length ? s : s.slice(start, end));
}

/** Either family: IPv6 when the text has a ':', IPv4 otherwise. */
export function parseIp(s: string, start = 0, end = s.length): IpAddress | undefined {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === 58) return parseIpv6(s, start, end);
  return parseIpv4(s, start, end);
}

/** A prefix length: 0..max in decimal without leading zeros; -1 if not. */
export function parsePrefixLength(s: string, start: number, end: number, max: number): number {
  const length = end - start;
  if (length < 1 || length > 3) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  if (length > 1 && s.charCodeAt(start) === 48) return -1;
  return value <= max ? value : -1;
}

/**
 * 'address' or 'address/prefix' of the given family (either when omitted), with the prefix
 * 0..32 or 0..128. undefined when any part is not valid.
 */
export function parseSubnet(s: string, family?: IpFamily): IpSubnet | undefined {
  const slash = s.indexOf('/');
  const end = slash < 0 ? s.length : slash;
  const address = family === 4 ? parseIpv4(s, 0, end) : family === 6 ? parseIpv6(s, 0, end) : parseIp(s, 0, end);
  if (address === undefined) return undefined;
  if (slash < 0) return { address, prefix: -1 };
  const prefix = parsePrefixLength(s, slash + 1, s.length, address.family === 4 ? 32 : 128);
  return prefix < 0 ? undefined : { address, prefix };
}

/** The longest valid text: an IPv6 address with an embedded dotted quad and '/128'. */
const MAX_SUBNET_LENGTH = 49;
const MEMO_SIZE = 16;
const memoKeys: string[] = new Array<string>(MEMO_SIZE).fill('');
const memoValues: (IpSubnet | null)[] = new Array<IpSubnet | null>(MEMO_SIZE).fill(null);
let memoNext = 0;

/**
 * parseSubnet, remembered for the last few strings. Several rules read the same addresses of one
 * body; with this, each string is parsed once per body rather than once per rule. (A pure memo of
 * the text: results are immutable, and an equal string always parses the same.)
 */
export function subnetOf(s: string, family?: IpFamily): IpSubnet | undefined {
  if (s.length > MAX_SUBNET_LENGTH || s.length === 0) return undefined;
  let subnet: IpSubnet | null | undefined;
  for (let k = 0; k < MEMO_SIZE; k++) {
    if (memoKeys[k] === s) {
      subnet = memoValues[k] as IpSubnet | null;
      break;
    }
  }
  if (subnet === undefined) {
    subnet = parseSubnet(s) ?? null;
    memoKeys[memoNext] = s;
    memoValues[memoNext] = subnet;
    memoNext = (memoNext + 1) % MEMO_SIZE;
  }
  if (subnet === null || (family !== undefined && subnet.address.family !== family)) return undefined;
  return subnet;
}

/** A single address (no prefix) of the family (either when omitted), via subnetOf. */
export function addressOf(s: string, family?: IpFamily): IpAddress | undefined {
  const subnet = subnetOf(s, family);
  return subnet === undefined || subnet.prefix >= 0 ? undefined : subnet.address;
}

// #endregion

// #region Diagnosis (the failure path: allocation is fine here)

const NOT_IPV4 = (reason: string): IpProblem => ({ kind: 'notIpv4', reason });
const NOT_IPV6 = (reason: string): IpProblem => ({ kind: 'notIpv6', reason });

/** A character as a reader sees it in a message. */
function showChar(c: string): string {
  return /^[\x21-\x7e]$/.test(c) ? `'${c}'` : JSON.stringify(c);
}

/** A dotted quad whose only fault is leading zeros: the first such octet. */
function leadingZeroOctet(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  if (!parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.find((p) => p.length > 1 && p.startsWith('0'));
}

/** Whether a lenient parser (ipaddr.js, like inet_aton) reads the text as an IPv4 address. */
function readsAsIpv4(text: string): boolean {
  try {
    // isIPv4 first: a cheap pattern test, so that isValid does not throw for ordinary non-addresses.
    return ipaddr.IPv4.isIPv4(text) && ipaddr.IPv4.isValid(text);
  } catch {
    return false;
  }
}

function diagnoseIpv4(text: string): IpProblem {
  if (text === '') return NOT_IPV4('it is empty');
  if (text.includes(':') && parseIpv6(text) !== undefined) return { kind: 'wrongFamily', actual: 6 };
  const octet = leadingZeroOctet(text);
  if (octet !== undefined) return { kind: 'leadingZeros', octet };
  const bad = /[^0-9.]/.exec(text);
  if (bad) {
    if (readsAsIpv4(text)) return NOT_IPV4('it uses a hexadecimal or other non-standard notation that parsers read differently');
    return NOT_IPV4(`it contains ${showChar(bad[0])}, which is not a digit or a dot`);
  }
  const parts = text.split('.');
  if (parts.length !== 4) {
    if (parts.every((p) => p !== '') && readsAsIpv4(text)) {
      return NOT_IPV4(`it has ${parts.length} part${parts.length === 1 ? '' : 's'}, a shorthand that parsers read differently; write four numbers separated by dots`);
    }
    return NOT_IPV4(`it has ${parts.length} part${parts.length === 1 ? '' : 's'}; an IPv4 address is four numbers separated by dots`);
  }
  if (parts.some((p) => p === '')) return NOT_IPV4('it has an empty part between dots');
  const big = parts.find((p) => Number(p) > 255);
  if (big !== undefined) return NOT_IPV4(`'${big}' is above 255`);
  return NOT_IPV4('it is not four numbers 0 to 255 separated by dots');
}

function diagnoseIpv6(text: string): IpProblem {
  if (text === '') return NOT_IPV6('it is empty');
  if (!text.includes(':') && (parseIpv4(text) !== undefined || leadingZeroOctet(text) !== undefined)) {
    return { kind: 'wrongFamily', actual: 4 };
  }
  const percent = text.indexOf('%');
  if (percent > 0 && parseIpv6(text, 0, percent) !== undefined) return { kind: 'zoneId', zone: text.slice(percent + 1) };
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    const octet = leadingZeroOctet(tail);
    const repaired = text.slice(0, text.length - tail.length) + tail.split('.').map((p) => String(Number(p))).join('.');
    if (octet !== undefined && parseIpv6(repaired) !== undefined) return { kind: 'leadingZeros', octet };
  }
  if (/^:+$/.test(text)) return NOT_IPV6('it is only colons');
  const bad = /[^0-9a-fA-F:.]/.exec(text);
  if (bad) return NOT_IPV6(`it contains ${showChar(bad[0])}, which is not a hexadecimal digit, ':' or '.'`);
  if (text.indexOf('::') !== text.lastIndexOf('::') || text.includes(':::')) return NOT_IPV6("'::' may appear only once");
  const long = text.split(':').find((g) => !g.includes('.') && g.length > 4);
  if (long !== undefined) return NOT_IPV6(`the group '${long}' has more than four hexadecimal digits`);
  if (/^:[^:]/.test(text)) return NOT_IPV6("it starts with a single ':'");
  if (/[^:]:$/.test(text)) return NOT_IPV6("it ends with a single ':'");
  if (text.split(':').slice(0, -1).some((g) => g.includes('.'))) return NOT_IPV6('an embedded IPv4 address may only come last');
  if (tail.includes('.') && parseIpv4(tail) === undefined) return NOT_IPV6(`the embedded IPv4 address '${tail}' is not valid`);
  const count = text.split(':').filter((g) => g !== '').reduce((sum, g) => sum + (g.includes('.') ? 2 : 1), 0);
  if (!text.includes('::')) return NOT_IPV6(`it has ${count} groups; without '::' an IPv6 address has eight`);
  return NOT_IPV6(`it has ${count} groups besides '::'; with '::' an IPv6 address has at most seven`);
}

/**
 * Why `s.slice(start, end)` is not an address of the expected family (either when omitted).
 * Call it only for text the parsers rejected.
 */
export function diagnoseAddress(s: string, expected?: IpFamily, start = 0, end = s.length): IpProblem {
  const text = start === 0 && end === s.length ? s : s.slice(start, end);
  if (expected === 4) return diagnoseIpv4(text);
  if (expected === 6) return diagnoseIpv6(text);
  if (text.includes(':')) return diagnoseIpv6(text);
  if (/^[0-9.]+$/.test(text) || /^\d+\.\d+\.\d+\.\d+/.test(text)) return diagnoseIpv4(text);
  return { kind: 'notIpAddress' };
}

// #endregion

// #region Prefixes and ranges

/** The 128-bit prefix length of a subnet written in the address's notation. */
function bits128(a: IpAddress, prefix: number): number {
  return a.family === 4 ? 96 + prefix : prefix;
}

function mask(bits: number, word: number): number {
  const b = bits - 32 * word;
  if (b <= 0) return 0;
  if (b >= 32) return 0xffffffff;
  return (0xffffffff << (32 - b)) >>> 0;
}

function wordOf(a: IpAddress, word: number): number {
  return word === 0 ? a.w0 : word === 1 ? a.w1 : word === 2 ? a.w2 : a.w3;
}

/** Whether the subnet has bits set after its prefix ('198.51.100.7/24'). */
export function hasHostBits(a: IpAddress, prefix: number): boolean {
  const bits = bits128(a, prefix);
  for (let k = 0; k < 4; k++) if ((wordOf(a, k) & ~mask(bits, k)) !== 0) return true;
  return false;
}

/** The network address of a subnet ('198.51.100.7/24' → 198.51.100.0). */
export function networkAddress(a: IpAddress, prefix: number): IpAddress {
  const bits = bits128(a, prefix);
  return {
    family: a.family,
    w0: (a.w0 & mask(bits, 0)) >>> 0,
    w1: (a.w1 & mask(bits, 1)) >>> 0,
    w2: (a.w2 & mask(bits, 2)) >>> 0,
    w3: (a.w3 & mask(bits, 3)) >>> 0,
  };
}

interface SpecialRange extends ScopeInfo {
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
 * The special-purpose ranges (IANA IPv4/IPv6 special-purpose address registries), most specific
 * first. Documentation ranges are a scope of their own: CAMARA's examples use them.
 */
const SPECIAL_RANGES: readonly SpecialRange[] = [
  range('0.0.0.0/8', 'unspecified', "unspecified ('this network')", 'RFC 1122'),
  range('10.0.0.0/8', 'private', 'private-use', 'RFC 1918'),
  range('100.64.0.0/10', 'private', 'shared carrier-grade NAT', 'RFC 6598'),
  range('127.0.0.0/8', 'loopback', 'loopback', 'RFC 1122'),
  range('169.254.0.0/16', 'linkLocal', 'link-local', 'RFC 3927'),
  range('172.16.0.0/12', 'private', 'private-use', 'RFC 1918'),
  range('192.0.0.0/24', 'reserved', 'IETF protocol assignments', 'RFC 6890'),
  range('192.0.2.0/24', 'documentation', 'documentation TEST-NET-1', 'RFC 5737'),
  range('192.88.99.0/24', 'reserved', 'deprecated 6to4 relay anycast', 'RFC 7526'),
  range('192.168.0.0/16', 'private', 'private-use', 'RFC 1918'),
  range('198.18.0.0/15', 'reserved', 'benchmarking', 'RFC 2544'),
  range('198.51.100.0/24', 'documentation', 'documentation TEST-NET-2', 'RFC 5737'),
  range('203.0.113.0/24', 'documentation', 'documentation TEST-NET-3', 'RFC 5737'),
  range('224.0.0.0/4', 'multicast', 'multicast', 'RFC 5771'),
  range('255.255.255.255/32', 'reserved', 'limited broadcast', 'RFC 919'),
  range('240.0.0.0/4', 'reserved', 'reserved-for-future-use', 'RFC 1112'),
  range('::/128', 'unspecified', 'unspecified', 'RFC 4291'),
  range('::1/128', 'loopback', 'loopback', 'RFC 4291'),
  range('64:ff9b:1::/48', 'private', 'local-use IPv4/IPv6 translation', 'RFC 8215'),
  range('100::/64', 'reserved', 'discard-only', 'RFC 6666'),
  range('2001:2::/48', 'reserved', 'benchmarking', 'RFC 5180'),
  range('2001:db8::/32', 'documentation', 'documentation', 'RFC 3849'),
  range('3fff::/20', 'documentation', 'documentation', 'RFC 9637'),
  range('fc00::/7', 'private', 'unique local', 'RFC 4193'),
  range('fe80::/10', 'linkLocal', 'link-local', 'RFC 4291'),
  range('fec0::/10', 'private', 'deprecated site-local', 'RFC 3879'),
  range('ff00::/8', 'multicast', 'multicast', 'RFC 4291'),
];

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
 * The scope of an address, or of a whole subnet when `prefix` is given: the special range that
 * contains all of it. A subnet wider than every special range it overlaps counts as public.
 */
export function classify(a: IpAddress, prefix = -1): ScopeInfo {
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
  const special = find(SPECIAL_RANGES, a, bits);
  if (special !== undefined) return special;
  if (bits >= 96 && contains(NAT64, a)) return classify(v4(a.w3), bits === 128 ? -1 : bits - 96);
  if (bits >= 96 && contains(IPV4_MAPPED, a)) return PUBLIC;
  // Public when it overlaps the global unicast range 2000::/3 (lies in it, or is wider and holds it).
  const overlaps = bits >= 3 ? contains(GLOBAL_UNICAST, a) : (0x20000000 & mask(bits, 0)) === ((a.w0 & mask(bits, 0)) >>> 0);
  return overlaps ? PUBLIC : OUTSIDE_GLOBAL_UNICAST;
}

/** Cloud instance-metadata endpoints (server-side request forgery targets). */
const METADATA_ADDRESSES: readonly IpAddress[] = [
  '169.254.169.254', // AWS, Azure, Google Cloud, Oracle Cloud, OpenStack, DigitalOcean...
  '169.254.170.2', // AWS ECS task metadata
  'fd00:ec2::254', // AWS instance metadata over IPv6
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer (platform DNS and agent endpoint)
].map((text) => parseIp(text)!);

/** Whether the address is a well-known cloud metadata endpoint. */
export function isMetadataAddress(a: IpAddress): boolean {
  for (const m of METADATA_ADDRESSES) if (sameAddress(a, m)) return true;
  return false;
}

// #endregion

// #region Message helpers

/** A value as shown in a message: printable ASCII as is, anything else escaped; long values cut. */
export function printable(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max - 3)}...` : value;
  return /^[\x20-\x7e]*$/.test(cut) ? cut : JSON.stringify(cut).slice(1, -1);
}

/** The length in Unicode code points, as JSON Schema's maxLength counts it. */
export function codePointLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

// #endregion
