// ip-address: every device and application-server address parses as an address of the right
// family, in the strict notation (no leading zeros, no zone index), with a prefix only where one
// is allowed and valid for the family.
//
// The rule owns the schemas' address keywords ('x-rules' in schemas/*.schema.json: format
// ipv4/ipv6, maxLength, the application-server patterns, the anyOf of the address-list items),
// so it re-checks all of them here: whatever those keywords reject, this rule reports, with a
// message that says what is wrong. It is stricter than two of them on purpose: CAMARA 1.2's
// application-server IPv4 pattern accepts leading zeros ('010.1.1.1', octal or decimal?), and
// its IPv6 pattern accepts any mix of hex digits, colons and dots ('::::'). The option
// allowLeadingZeros accepts the leading zeros that pattern allows (at most three digits an octet,
// read as decimal) in the application server's IPv4 subnet; device addresses and list items, whose
// `format: ipv4` rejects them, are never lenient.
//
// The option canonicalIpv6 (off by default) also notes IPv6 addresses not written in RFC 5952's
// form (upper-case digits, leading zeros in a group, zero groups not compressed).
//
// Fixes, only where they cannot change the address: leading zeros removed when every octet that
// has them is below 8 (read as octal or as decimal, '007' is 7; '010' is 8 or 10, and is left
// alone); an IPv6 address rewritten in RFC 5952's form (canonicalIpv6).

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import type { Field } from '../model/types.js';
import type { RuleContext } from './api.js';
import type { IpFamily } from './utils/ip/address.js';
import { diagnoseAddress } from './utils/ip/diagnose.js';
import { canonicalIpv6 } from './utils/ip/format.js';
import { parseIp, parseIpv4, parseIpv6, parsePrefixLength, subnetOf } from './utils/ip/parse.js';
import { codePointLength, printable } from '../shared/text.js';

import { docsUrl } from '../shared/docs-url.js';
import { addressFields } from '../model/addresses.js';

type MessageId =
  | 'nonCanonicalIpv6'
  | 'tooLong'
  | 'notIpv4'
  | 'notIpv6'
  | 'notIpAddress'
  | 'leadingZeros'
  | 'wrongFamily'
  | 'zoneId'
  | 'prefixNotAllowed'
  | 'badPrefix';

/** What a field holds: a single address of one family or either, or an address with an optional prefix. */
type Form = 'single4' | 'single6' | 'singleEither' | 'subnet4' | 'subnet6';

/**
 * The schemas' maxLength per form. Each is exactly the longest valid text of the form
 * ('255.255.255.255', 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255', plus '/32' or '/128'),
 * so the limit never rejects a valid address, whatever the dialect.
 */
const MAX_LENGTH: Readonly<Record<Form, number>> = { single4: 15, single6: 45, singleEither: 45, subnet4: 18, subnet6: 49 };
const FORM_FAMILY: Readonly<Record<Form, IpFamily | undefined>> = { single4: 4, single6: 6, singleEither: undefined, subnet4: 4, subnet6: 6 };

const FAMILY_NAME: Readonly<Record<IpFamily, string>> = { 4: 'IPv4', 6: 'IPv6' };

type Options = {
  /** Accept leading zeros in the application server's IPv4 address/subnet (CAMARA 1.2's pattern does). */
  allowLeadingZeros: boolean;
  /** Note IPv6 addresses not written in RFC 5952's form. */
  canonicalIpv6: boolean;
};

type Ctx = RuleContext<MessageId, Options>;

/**
 * The application server's IPv4 text with the leading zeros of its octets removed ('010.001.2.3/24'
 * → '10.1.2.3/24'), where each octet has one to three digits as CAMARA 1.2's pattern allows; the
 * text itself otherwise.
 */
function withoutLeadingZeros(value: string): string {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const octets = address.split('.');
  if (octets.length !== 4 || !octets.every((octet) => /^[0-9]{1,3}$/.test(octet))) return value;
  const stripped = octets.map((octet) => String(Number(octet))).join('.');
  return slash < 0 ? stripped : stripped + value.slice(slash);
}

function report(ctx: Ctx, messageId: MessageId, field: Field<string>, data: Record<string, string | number>, replace?: string): void {
  const finding = { messageId, path: field.path, data: { field: fieldName(field.path), value: printable(field.value), ...data } };
  ctx.report(replace === undefined ? finding : { ...finding, fix: { replace } });
}

/** Whether every reading of a dotted-quad octet agrees: no leading zero, or a value below 8 (octal and decimal alike). */
function readsTheSame(octet: string): boolean {
  return octet.length < 2 || octet.charCodeAt(0) !== 48 || Number(octet) < 8;
}

/**
 * The field's value with the leading zeros of its dotted quad (an IPv4 address before any
 * '/prefix', or the quad that ends an IPv6 address) removed, when every reading of the octets
 * agrees and the result is an address of the family; undefined otherwise.
 */
function withoutAgreedZeros(value: string, family: IpFamily | undefined, end: number): string | undefined {
  const address = value.slice(0, end);
  const colon = address.lastIndexOf(':');
  const quad = address.slice(colon + 1);
  const octets = quad.split('.');
  if (octets.length !== 4 || !octets.every((octet) => /^[0-9]{1,3}$/.test(octet) && readsTheSame(octet))) return undefined;
  const fixed = address.slice(0, colon + 1) + octets.map((octet) => String(Number(octet))).join('.');
  const parsed = family === 4 ? parseIpv4(fixed) : family === 6 ? parseIpv6(fixed) : parseIp(fixed);
  return parsed === undefined ? undefined : fixed + value.slice(end);
}

/** Reports why `text` before `end` (the field's value, or its lenient reading) is not an address of `family` (either when undefined). */
function reportAddress(ctx: Ctx, field: Field<string>, text: string, family: IpFamily | undefined, end: number): void {
  const problem = diagnoseAddress(text, family, 0, end);
  switch (problem.kind) {
    case 'notIpv4':
    case 'notIpv6':
      return report(ctx, problem.kind, field, { reason: problem.reason });
    case 'notIpAddress':
      return report(ctx, 'notIpAddress', field, {});
    case 'leadingZeros':
      return report(ctx, 'leadingZeros', field, { octet: problem.octet }, text === field.value ? withoutAgreedZeros(text, family, end) : undefined);
    case 'wrongFamily':
      return report(ctx, 'wrongFamily', field, { expected: FAMILY_NAME[family ?? 4], actual: FAMILY_NAME[problem.actual] });
    case 'zoneId':
      return report(ctx, 'zoneId', field, { zone: printable(problem.zone) });
  }
}

function check(ctx: Ctx, field: Field<string> | undefined, form: Form): void {
  if (field === undefined) return;
  // The text as parsed: the field's value, or (allowLeadingZeros, server IPv4) its reading without leading zeros.
  const value = form === 'subnet4' && ctx.options.allowLeadingZeros ? withoutLeadingZeros(field.value) : field.value;
  // The valid case, from the parse the address rules share.
  const valid = subnetOf(value, FORM_FAMILY[form]);
  if (valid !== undefined && (valid.prefix < 0 || form === 'subnet4' || form === 'subnet6')) {
    if (ctx.options.canonicalIpv6 && valid.address.family === 6) checkCanonical(ctx, field);
    return;
  }
  const limit = MAX_LENGTH[form];
  if (field.value.length > limit) {
    const length = codePointLength(field.value);
    if (length > limit) {
      ctx.report({ messageId: 'tooLong', path: field.path, data: { field: fieldName(field.path), length, limit } });
      return;
    }
  }
  const slash = value.indexOf('/');
  const end = slash < 0 ? value.length : slash;
  const family = FORM_FAMILY[form];
  const address = family === 4 ? parseIpv4(value, 0, end) : family === 6 ? parseIpv6(value, 0, end) : parseIp(value, 0, end);
  if (address === undefined) {
    reportAddress(ctx, field, value, family, end);
    return;
  }
  if (slash < 0) return;
  if (form === 'single4' || form === 'single6') {
    report(ctx, 'prefixNotAllowed', field, { prefix: printable(value.slice(slash + 1)) });
    return;
  }
  const max = address.family === 4 ? 32 : 128;
  if (parsePrefixLength(value, slash + 1, value.length, max) < 0) {
    report(ctx, 'badPrefix', field, { prefix: printable(value.slice(slash + 1)), family: FAMILY_NAME[address.family], max });
  }
  // A valid address/prefix in the address list is server-address-list's finding (no masks in the list).
}

/** canonicalIpv6: an IPv6 address (or address/prefix) not in RFC 5952's form, with that form as its fix. */
function checkCanonical(ctx: Ctx, field: Field<string>): void {
  const value = field.value;
  const slash = value.indexOf('/');
  const end = slash < 0 ? value.length : slash;
  const address = parseIpv6(value, 0, end);
  if (address === undefined) return;
  const canonical = canonicalIpv6(address, value.lastIndexOf('.', end) >= 0) + value.slice(end);
  if (canonical !== value) report(ctx, 'nonCanonicalIpv6', field, { canonical }, canonical);
}

/**
 * Whether an IPv6 address (and prefix) is spelt as the patterns of every dialect accept it: lower
 * case, no group with a leading zero, no dotted quad (CAMARA 0.8 and 0.9 refuse the others, which
 * are valid addresses all the same).
 */
function isPlainIpv6Spelling(value: string): boolean {
  let group = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 47) return true; // the prefix: the parse checks it
    if (c === 58) {
      group = i + 1;
      continue;
    }
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
    if (c === 48 && i === group && i + 1 < value.length && value.charCodeAt(i + 1) !== 58 && value.charCodeAt(i + 1) !== 47) return false;
  }
  return true;
}

/**
 * For the fast check: whether a field's value is certainly clean, the valid case of `check` (an
 * address of the family, with a prefix only where the field takes one), and an IPv6 address spelt
 * plainly. A strict parse is also what the schemas' `format: ipv4`/`ipv6` accept
 * (test/rules/utils-ip.test.ts), and with that spelling what their patterns accept.
 */
function isClean(value: unknown, family: IpFamily | undefined, subnet: boolean): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'string') return false;
  const parsed = subnetOf(value, family);
  return parsed !== undefined && (parsed.prefix < 0 || subnet) && (parsed.address.family === 4 || isPlainIpv6Spelling(value));
}

export default defineRule<MessageId, Options>({
  meta: {
    docs: {
      description:
        'Device and application-server addresses parse as the right IP family: no leading zeros, no zone index, prefixes only on server subnets and valid for the family.',
      url: docsUrl('ip-address'),
    },
    messages: {
      nonCanonicalIpv6: {
        text: "{{ field }} '{{ value }}' is not written as RFC 5952 recommends: '{{ canonical }}' (lower-case, no leading zeros in a group, the longest run of zero groups as '::').",
        level: 'secondary',
      },
      tooLong: '{{ field }} has {{ length }} characters; it must have at most {{ limit }}, the length of the longest valid address.',
      notIpv4: "{{ field }} '{{ value }}' is not an IPv4 address: {{ reason }}.",
      notIpv6: "{{ field }} '{{ value }}' is not an IPv6 address: {{ reason }}.",
      notIpAddress: "{{ field }} '{{ value }}' is neither an IPv4 nor an IPv6 address.",
      leadingZeros:
        "{{ field }} '{{ value }}' has the octet '{{ octet }}' with a leading zero, which some parsers read as octal and others as decimal; write it without leading zeros.",
      wrongFamily: "{{ field }} '{{ value }}' is an {{ actual }} address; this field takes an {{ expected }} address.",
      zoneId: "{{ field }} '{{ value }}' has the zone index '%{{ zone }}', which only has a meaning on one host; remove it.",
      prefixNotAllowed: "{{ field }} '{{ value }}' has the prefix '/{{ prefix }}'; a device address must be a single address without a prefix.",
      badPrefix: "{{ field }} '{{ value }}' has the prefix '/{{ prefix }}'; an {{ family }} prefix length is a number from 0 to {{ max }} without leading zeros.",
    },
    schema: {
      type: 'object',
      properties: {
        allowLeadingZeros: {
          type: 'boolean',
          description:
            "Accept leading zeros in the application server's IPv4 address or subnet ('010.1.1.0/24', read as decimal), as CAMARA 1.2's pattern does; device addresses and list items still reject them. Default false: rejecting them is stricter than CAMARA.",
        },
        canonicalIpv6: {
          type: 'boolean',
          description:
            "Also note IPv6 addresses not written as RFC 5952 recommends ('2001:DB8:0:0::1' for '2001:db8::1'), one level below the rule's severity, with the canonical form as a fix. Default false.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowLeadingZeros: false, canonicalIpv6: false },
    defaultLevel: 'error',
    status: 400,
    code: 'INVALID_ARGUMENT',
    // A strict parse is what format ipv4/ipv6 accept, never longer than the longest valid text, an
    // address list item of one family or the other, and (IPv6 spelt plainly) what every dialect's
    // address patterns accept.
    fastKeywords: ['format', 'maxLength', 'anyOf', 'pattern'],
  },
  check(model, ctx) {
    for (const { field, family, subnet } of addressFields(model)) {
      check(ctx, field, subnet ? (family === 4 ? 'subnet4' : 'subnet6') : family === 4 ? 'single4' : family === 6 ? 'single6' : 'singleEither');
    }
  },
  // The fields addressFields() lists, with the same roles. allowLeadingZeros is not needed: a value
  // that parses strictly reads the same without leading zeros.
  fast(view, ctx) {
    // canonicalIpv6 notes spellings a plain one may still have (a run of zero groups not written
    // as '::'): not answered here, the engine judges those bodies.
    if (ctx.options.canonicalIpv6) return false;
    const prefixes = view.devicePrefixes;
    if (!isClean(view.publicAddress, 4, prefixes?.ipv4 === true) || !isClean(view.privateAddress, 4, prefixes?.ipv4 === true)) return false;
    if (!isClean(view.ipv6Address, 6, prefixes?.ipv6 === true)) return false;
    const list = view.serverAddressList;
    if (list !== undefined) {
      if (!Array.isArray(list)) return false;
      for (let i = 0; i < list.length; i++) if (!isClean(list[i], undefined, false)) return false;
    }
    return isClean(view.serverIpv4Address, 4, true) && isClean(view.serverIpv6Address, 6, true);
  },
});
