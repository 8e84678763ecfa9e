// The value of an IP address, as every address rule holds it, and prefix arithmetic on it.
//
// Every address is held as 128 bits in four unsigned 32-bit words, an IPv4 address as its
// IPv4-mapped IPv6 form ::ffff:a.b.c.d. So '192.0.2.1' and '::ffff:192.0.2.1' are the same value
// (they name the same host), and one table of ranges (special-ranges.ts) serves both families.
// `family` keeps the notation the address was written in, for messages and for prefixes (a
// prefix counts bits of the notation: '/24' of an IPv4 address is '/120' of its mapped form).

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

// #endregion

// #region Construction and equality

/** The upper 16 bits of w2 in an IPv4-mapped address (::ffff:0:0/96). */
export const MAPPED = 0xffff;

/** An IPv4 address, from its 32-bit value. */
export function ipv4Value(value: number): IpAddress {
  return { family: 4, w0: 0, w1: 0, w2: MAPPED, w3: value };
}

/** An IPv6 address, from its eight 16-bit groups. */
export function ipv6Value(g: ArrayLike<number>): IpAddress {
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

// #endregion

// #region Prefixes

/** The 128-bit prefix length of a subnet written in the address's notation. */
export function bits128(a: IpAddress, prefix: number): number {
  return a.family === 4 ? 96 + prefix : prefix;
}

/** Word `word` (0..3) of the mask of a 128-bit prefix length `bits`. */
export function mask(bits: number, word: number): number {
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

// #endregion
