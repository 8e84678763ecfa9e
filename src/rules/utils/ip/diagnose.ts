// Why a string is not the address expected: the failure path of the address rules, where
// allocation is fine. Each answer names one fault a person can fix.

import ipaddr from 'ipaddr.js';
import type { IpFamily } from './address.js';
import { parseIpv4, parseIpv6 } from './parse.js';
import { showChar } from '../../../shared/text.js';

/** Why a string is not the address expected (see diagnoseAddress). */
export type IpProblem =
  | { readonly kind: 'notIpv4'; readonly reason: string }
  | { readonly kind: 'notIpv6'; readonly reason: string }
  | { readonly kind: 'notIpAddress' }
  | { readonly kind: 'leadingZeros'; readonly octet: string }
  | { readonly kind: 'wrongFamily'; readonly actual: IpFamily }
  | { readonly kind: 'zoneId'; readonly zone: string };


const NOT_IPV4 = (reason: string): IpProblem => ({ kind: 'notIpv4', reason });
const NOT_IPV6 = (reason: string): IpProblem => ({ kind: 'notIpv6', reason });

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

