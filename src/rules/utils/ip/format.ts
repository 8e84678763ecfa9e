// Addresses as text for messages and keys: a dotted quad for IPv4 notation, RFC 5952 for IPv6.

import { isIpv4Value, type IpAddress } from './address.js';

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

