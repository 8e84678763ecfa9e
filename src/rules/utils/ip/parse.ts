// Strict address parsing for the address rules: the textual forms the schemas' `format: ipv4` and
// `format: ipv6` accept, nothing more lenient, and prefixes.
//
// ipaddr.js is the authority on what an address means; ajv-formats' ipv4/ipv6 formats are the
// authority on which spellings are accepted. The common case (a dotted quad, an IPv6 address in
// plain hexadecimal groups) is decided by a hand-written scanner that allocates nothing but its
// result; IPv6 with an embedded dotted quad ('::ffff:192.0.2.1') goes to the authorities
// themselves. The scanner stays for speed: bench/ip.mjs (run by `npm run bench`) compares it with
// the same job done by ajv-formats and ipaddr.js. test/rules/utils-ip.test.ts proves with
// fast-check that both paths agree with ipaddr.js and with ajv-formats on large samples of valid
// and near-valid strings.

import { fullFormats } from 'ajv-formats/dist/formats.js';
import ipaddr from 'ipaddr.js';
import { ipv4Value, ipv6Value, type IpAddress, type IpFamily, type IpSubnet } from './address.js';

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
  return ipv4Value(value * 256 + octet);
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
  if (gap < 0) return n === 8 ? ipv6Value(groups) : undefined;
  if (n > 7) return undefined; // '::' must stand for at least one group
  const zeros = 8 - n;
  for (let k = 0; k < 8; k++) expanded[k] = k < gap ? groups[k]! : k < gap + zeros ? 0 : groups[k - zeros]!;
  return ipv6Value(expanded);
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
    return ipv6Value(ipaddr.IPv6.parse(text).parts);
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
const MEMO_SIZE = 64;
const memoKeys: string[] = new Array<string>(MEMO_SIZE).fill('');
const memoValues: (IpSubnet | null)[] = new Array<IpSubnet | null>(MEMO_SIZE).fill(null);

/** A string's place in the memo: from its length and three of its characters (one comparison per lookup). */
function memoSlot(s: string): number {
  const n = s.length;
  return (n * 7 + s.charCodeAt(n - 1) * 3 + s.charCodeAt(n >> 1) * 5 + s.charCodeAt(0)) & (MEMO_SIZE - 1);
}

/**
 * parseSubnet, remembered for recent strings. Several rules read the same addresses of one body,
 * and the same servers come back body after body; with this, each string is parsed once rather than
 * once per rule. (A pure memo of the text: results are immutable, and an equal string always parses
 * the same. A string takes the place of an earlier one with the same slot.)
 */
export function subnetOf(s: string, family?: IpFamily): IpSubnet | undefined {
  if (s.length > MAX_SUBNET_LENGTH || s.length === 0) return undefined;
  const slot = memoSlot(s);
  let subnet: IpSubnet | null;
  if (memoKeys[slot] === s) subnet = memoValues[slot]!;
  else {
    subnet = parseSubnet(s) ?? null;
    memoKeys[slot] = s;
    memoValues[slot] = subnet;
  }
  if (subnet === null || (family !== undefined && subnet.address.family !== family)) return undefined;
  return subnet;
}

/** A single address (no prefix) of the family (either when omitted), via subnetOf. */
export function addressOf(s: string, family?: IpFamily): IpAddress | undefined {
  const subnet = subnetOf(s, family);
  return subnet === undefined || subnet.prefix >= 0 ? undefined : subnet.address;
}

