// Addresses as text for messages and keys: a dotted quad for IPv4 notation, RFC 5952 for IPv6.

import { isIpv4Value, type IpAddress } from './address.js';

function dotted(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Canonical text: dotted quad for IPv4 notation, RFC 5952 for IPv6 notation. */
export function formatAddress(a: IpAddress): string {
  if (a.family === 4) return dotted(a.w3);
  if (isIpv4Value(a)) return `::ffff:${dotted(a.w3)}`;
  return rfc5952(groupsOf(a));
}

/** The eight 16-bit groups of an address. */
function groupsOf(a: IpAddress): number[] {
  return [a.w0 >>> 16, a.w0 & 0xffff, a.w1 >>> 16, a.w1 & 0xffff, a.w2 >>> 16, a.w2 & 0xffff, a.w3 >>> 16, a.w3 & 0xffff];
}

/**
 * Groups as RFC 5952 writes them: lower-case hexadecimal without leading zeros, the longest run of
 * two or more zero groups (the first one on a tie) written '::'.
 */
function rfc5952(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
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

/**
 * An IPv6 address in the RFC 5952 form of the notation it was written in: all in hexadecimal
 * groups, or (`mixed`) the first 96 bits so and the last 32 as a dotted quad ('::ffff:192.0.2.1',
 * '64:ff9b::198.51.100.7'), as RFC 5952 section 5 and RFC 6052 write addresses that embed an IPv4
 * address. The writer's choice of notation is kept; only the spelling within it is made canonical.
 */
export function canonicalIpv6(a: IpAddress, mixed: boolean): string {
  if (!mixed) return rfc5952(groupsOf(a));
  const head = rfc5952(groupsOf(a).slice(0, 6));
  return `${head}${head.endsWith('::') ? '' : ':'}${dotted(a.w3)}`;
}
