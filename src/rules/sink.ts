// sink: the notification URL (`sink` in CAMARA 1.2, `webhook.notification_url` in the SDK model;
// the model gives both as model.sink) is an absolute URI, an https URL where the dialect demands
// it, and not a URL that would make the provider call into its own network.
//
// It owns the schema's `format: uri` and, in CAMARA 1.2, `pattern: ^https://.+$`, and re-checks
// both exactly:
// - "absolute URI" is ajv-formats' `uri` format (RFC 3986), which the schemas use, as read by
//   utils/uri.ts (a scanner over the same grammar, proven to agree with ajv-formats).
// - The 1.2 pattern is case-sensitive, so 'HTTPS://host' fails it although URI schemes are not;
//   the rule follows the schema and says so.
// Hosts are judged as an HTTP client sees them, by the WHATWG URL parser (the global URL, as used
// by fetch): it reads 'https://2130706433/' and 'https://0x7f.1/' as 127.0.0.1. Plain DNS names
// (the common case) are recognised without building a URL object.
//
// Server-side request forgery findings (loopback, private, link-local, unspecified and other
// non-public hosts, cloud metadata endpoints) and credentials in the URL are secondary: one level
// below the rule's severity (warnings by default).

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import type { Field } from '../model/types.js';
import type { RuleContext } from './api.js';
import { isMetadataAddress, isMetadataName, METADATA_NAME_LIST } from './utils/cloud-metadata.js';
import type { IpAddress } from './utils/ip/address.js';
import { parseIpv4, parseIpv6 } from './utils/ip/parse.js';
import { classify } from './utils/ip/special-ranges.js';
import { codePointLength, printable } from '../shared/text.js';
import { absoluteUriSchemeEnd, isHexDigit, isUriRest, uriProblem } from './utils/uri.js';

import { docsUrl } from '../shared/docs-url.js';

type MessageId =
  | 'notUri'
  | 'notHttps'
  | 'schemeCase'
  | 'plainHttp'
  | 'missingHost'
  | 'unusableUrl'
  | 'credentials'
  | 'nonPublicHost'
  | 'metadataHost';
type Ctx = RuleContext<MessageId>;

// #region Hosts

/** WHATWG 'ends in a number': a last label of digits or 0x-hex makes the host an IPv4 address. */
function isNumericLabel(s: string, label: number, end: number): boolean {
  let digits = true;
  for (let i = label; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) digits = false;
  }
  if (digits) return true;
  const c1 = s.charCodeAt(label + 1);
  if (s.charCodeAt(label) !== 48 || (c1 !== 120 && c1 !== 88)) return false;
  for (let i = label + 2; i < end; i++) if (!isHexDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Whether s[start, end) is exactly `word` (compared by char codes: no string is built). */
function isText(s: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (s.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** Name suffixes that resolve only on a local network. */
const LOCAL_SUFFIXES: readonly (readonly [string, string])[] = [
  ['.localhost', 'a loopback name (RFC 6761)'],
  ['.local', 'a multicast DNS name of the local link (RFC 6762)'],
  ['.internal', 'a private-use name (.internal, reserved by ICANN)'],
  ['.home.arpa', 'a home-network name (RFC 8375)'],
  ['.localdomain', 'a local domain name'],
];

/** Last labels that leave the fast path: the local suffixes and the metadata names' top labels. */
const SPECIAL_LAST_LABELS: readonly string[] = ['localhost', 'local', 'internal', 'arpa', 'localdomain', 'goog'];

/** Marks, by length, the lengths that a special last label or a metadata name has (most hosts' differ: no comparison then). */
function lengthsOf(words: readonly string[]): Uint8Array {
  const marks = new Uint8Array(Math.max(...words.map((w) => w.length)) + 1);
  for (const word of words) marks[word.length] = 1;
  return marks;
}
const SPECIAL_LABEL_LENGTHS = lengthsOf(SPECIAL_LAST_LABELS);
const METADATA_NAME_LENGTHS = lengthsOf(METADATA_NAME_LIST);

/**
 * The end of a plain authority of an http(s) URL that starts at `start` (after '//'), or -1: a
 * plain DNS name (lower-case letters, digits, '-', '.'; at least two labels; no punycode, no
 * special last label, not numeric) that WHATWG leaves as it is and that is not a local or metadata
 * name, then at most an ordinary port (up to five digits, at most 65535), up to the first '/', '?',
 * '#' or the end. No credentials, no IP literal, nothing the URL parser would rewrite, and a host
 * judgeHost finds public. Anything else goes to the URL parser. One pass over the authority.
 */
function plainAuthorityEnd(s: string, start: number): number {
  const length = s.length;
  let dots = 0;
  let label = start;
  let i = start;
  for (; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      dots++;
      label = i + 1;
      continue;
    }
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c !== 45) break;
    // 'xn--' starting a label: punycode, which the URL parser decodes and validates.
    if (i === label + 3 && s.charCodeAt(i - 1) === 45 && s.charCodeAt(label) === 120 && s.charCodeAt(label + 1) === 110) return -1;
  }
  const end = i;
  if (end === start || dots === 0 || label === end || isNumericLabel(s, label, end)) return -1;
  if (SPECIAL_LABEL_LENGTHS[end - label] === 1) for (let k = 0; k < SPECIAL_LAST_LABELS.length; k++) if (isText(s, label, end, SPECIAL_LAST_LABELS[k]!)) return -1;
  if (METADATA_NAME_LENGTHS[end - start] === 1) for (let k = 0; k < METADATA_NAME_LIST.length; k++) if (isText(s, start, end, METADATA_NAME_LIST[k]!)) return -1;
  if (i < length && s.charCodeAt(i) === 58) {
    let value = 0;
    for (i++; i < length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (i - end > 5) return -1;
      value = value * 10 + (c - 48);
    }
    if (value > 65535) return -1;
  }
  if (i === length) return i;
  const c = s.charCodeAt(i);
  return c === 47 || c === 63 || c === 35 ? i : -1;
}

/** Whether the authority of an http(s) URL, starting at `start` (after '//'), is plain (plainAuthorityEnd). */
function hasPlainAuthority(s: string, start: number): boolean {
  return plainAuthorityEnd(s, start) >= 0;
}

/**
 * The common case, decided in one pass: an absolute URI that is 'https://', a plain authority
 * and the rest of a URI (a path, a query, a fragment). Nothing to report about it.
 */
function isPlainHttpsUri(s: string): boolean {
  if (!isText(s, 0, 8, 'https://')) return false;
  const end = plainAuthorityEnd(s, 8);
  return end >= 0 && isUriRest(s, end);
}

interface HostVerdict {
  messageId: 'nonPublicHost' | 'metadataHost';
  kind: string;
  scope: string;
}

function judgeAddress(address: IpAddress): HostVerdict | undefined {
  if (isMetadataAddress(address)) return { messageId: 'metadataHost', kind: 'a cloud instance-metadata address', scope: 'metadata' };
  const info = classify(address);
  if (info.scope === 'public' || info.scope === 'documentation') return undefined;
  return { messageId: 'nonPublicHost', kind: `in ${info.kind}`, scope: info.scope };
}

/** Judges a host as the WHATWG URL parser serialises it (lower case, IPv4 dotted, IPv6 in brackets). */
function judgeHost(hostname: string): HostVerdict | undefined {
  if (hostname.startsWith('[')) {
    const address = parseIpv6(hostname, 1, hostname.length - 1);
    return address === undefined ? undefined : judgeAddress(address);
  }
  const address = parseIpv4(hostname);
  if (address !== undefined) return judgeAddress(address);
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (isMetadataName(name)) return { messageId: 'metadataHost', kind: 'a cloud instance-metadata name', scope: 'metadata' };
  if (name === 'localhost') return { messageId: 'nonPublicHost', kind: 'a loopback name (RFC 6761)', scope: 'loopback' };
  for (const [suffix, kind] of LOCAL_SUFFIXES) if (name.endsWith(suffix)) return { messageId: 'nonPublicHost', kind, scope: suffix === '.localhost' ? 'loopback' : 'private' };
  if (!name.includes('.')) return { messageId: 'nonPublicHost', kind: 'a single-label name, resolved only on the local network', scope: 'private' };
  return undefined;
}

// #endregion

const USER_INFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/;

/** The sink as shown in messages: credentials ('user:secret@') masked, printable, bounded. */
function shown(value: string): string {
  return printable(value.replace(USER_INFO, '$1***@'), 100);
}

/**
 * The data every finding about the sink carries, and what that finding adds. Copied property by
 * property: an object spread followed by more properties is slow on V8.
 */
function sinkData(path: string, value: string, extra?: Record<string, string>): Record<string, string> {
  const data: Record<string, string> = { field: fieldName(path), value: shown(value) };
  if (extra !== undefined) for (const key of Object.keys(extra)) data[key] = extra[key]!;
  return data;
}

function authorityEndOf(s: string, start: number): number {
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) return i;
  }
  return s.length;
}

/** Whether s starts with `scheme` followed by ':', ignoring case (scheme given in lower case). */
function isScheme(s: string, schemeEnd: number, scheme: string): boolean {
  if (schemeEnd !== scheme.length) return false;
  for (let i = 0; i < schemeEnd; i++) if ((s.charCodeAt(i) | 0x20) !== scheme.charCodeAt(i)) return false;
  return true;
}

function checkSink(ctx: Ctx, field: Field<string>): void {
  const value = field.value;
  const facts = ctx.dialect;
  // Every finding answers with the dialect's code (INVALID_SINK exists only from CAMARA 1.1).
  const error = facts.invalidSink;
  // Over the maximum length the schema's maxLength reports it (a keyword this rule does not own).
  if (value.length > facts.sinkMaxLength && codePointLength(value) > facts.sinkMaxLength) return;
  const path = field.path;
  if (isPlainHttpsUri(value)) return;

  const schemeEnd = absoluteUriSchemeEnd(value);
  if (schemeEnd < 0) {
    ctx.report({ messageId: 'notUri', path, error, data: sinkData(path, value, { reason: uriProblem(value) }) });
    return;
  }
  const hasAuthority = value.charCodeAt(schemeEnd + 1) === 47 && value.charCodeAt(schemeEnd + 2) === 47;
  const authorityStart = hasAuthority ? schemeEnd + 3 : -1;
  const authorityEnd = hasAuthority ? authorityEndOf(value, authorityStart) : -1;

  // The scheme, compared case-insensitively, then for the exact spelling 1.2's pattern demands.
  const https = isScheme(value, schemeEnd, 'https');
  const http = isScheme(value, schemeEnd, 'http');
  if (!https && (facts.sinkHttpsRequired || !http)) {
    const allowed = facts.sinkHttpsRequired ? 'https' : 'https (or http)';
    ctx.report({ messageId: 'notHttps', path, error, data: sinkData(path, value, { scheme: printable(value.slice(0, schemeEnd)), allowed }) });
  } else if (https && facts.sinkHttpsRequired && !value.startsWith('https')) {
    ctx.report({ messageId: 'schemeCase', path, error, data: sinkData(path, value, { scheme: value.slice(0, schemeEnd) }) });
  } else if (http) {
    ctx.report({ messageId: 'plainHttp', path, error, data: sinkData(path, value) });
  }
  if (!https && !http) return;
  // An http URL (or https spelt in capitals) with a plain authority: its host is public, no URL parse.
  if (hasAuthority && hasPlainAuthority(value, authorityStart)) return;

  // The host: RFC 3986 first (an http(s) URL needs an authority with a host), then as a client sees it.
  const at = hasAuthority ? value.lastIndexOf('@', authorityEnd - 1) : -1;
  const hostStart = at >= authorityStart ? at + 1 : authorityStart;
  let hostEnd = authorityEnd;
  if (hasAuthority && value.charCodeAt(hostStart) !== 91) {
    const colon = value.indexOf(':', hostStart);
    if (colon >= 0 && colon < authorityEnd) hostEnd = colon;
  }
  if (!hasAuthority || hostEnd === hostStart) {
    ctx.report({ messageId: 'missingHost', path, error, data: sinkData(path, value, { scheme: value.slice(0, schemeEnd).toLowerCase() }) });
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.report({ messageId: 'unusableUrl', path, error, data: sinkData(path, value) });
    return;
  }
  if (url.username !== '' || url.password !== '') ctx.report({ messageId: 'credentials', path, error, data: sinkData(path, value) });
  const verdict = judgeHost(url.hostname);
  if (verdict !== undefined) {
    ctx.report({ messageId: verdict.messageId, path, error, data: sinkData(path, value, { host: printable(url.hostname), kind: verdict.kind, scope: verdict.scope }) });
  }
}

/** The last sink isPlainHttpsUri found clean (its answer depends on nothing but the text). */
let lastClean: string | undefined;

/**
 * For the fast check: whether checkSink would report nothing. The common case ('https://' and a
 * plain DNS name) in one pass; anything else runs checkSink itself with a report that only notes
 * a finding. A value it reports nothing for is an absolute URI (format: uri, which the rule owns).
 * Over the dialect's maximum length the schema reports the sink, and checkSink says nothing: not
 * sure then.
 */
function isCleanSink(value: string, facts: Ctx['dialect']): boolean {
  if (value.length > facts.sinkMaxLength) return false;
  // The same callback comes back request after request: the last clean one is remembered.
  if (value === lastClean) return true;
  if (isPlainHttpsUri(value)) {
    lastClean = value;
    return true;
  }
  if (absoluteUriSchemeEnd(value) < 0) return false;
  let clean = true;
  const ctx = { dialect: facts, report: () => void (clean = false) } as unknown as Ctx;
  checkSink(ctx, { value, path: '' });
  return clean;
}

/** For tests only: the host fast path and the host judgement. */
export const _internals = { hasPlainAuthority, judgeHost };

export default defineRule<MessageId>({
  meta: {
    docs: {
      description:
        'The notification URL is an absolute URI and an https URL where the API version demands it, without credentials, and not aimed at a loopback, private, link-local or cloud-metadata host.',
      url: docsUrl('sink'),
    },
    messages: {
      notUri: "{{ field }} '{{ value }}' is not an absolute URI (RFC 3986): {{ reason }}.",
      notHttps: "{{ field }} '{{ value }}' uses the scheme '{{ scheme }}'; notification URLs must use {{ allowed }}.",
      schemeCase:
        "{{ field }} '{{ value }}' writes the scheme as '{{ scheme }}'; this API version's pattern ^https://.+$ is case-sensitive, so the URL must start with 'https://' in lower case.",
      plainHttp: {
        text: "{{ field }} '{{ value }}' uses plain http; notifications and their credentials would travel unencrypted, so use https.",
        level: 'secondary',
      },
      missingHost: "{{ field }} '{{ value }}' has no host; write it as {{ scheme }}://host/path.",
      unusableUrl:
        "{{ field }} '{{ value }}' is a URI but not a URL an HTTP client accepts (the WHATWG URL parser rejects it: for example a port above 65535 or a malformed host).",
      credentials: {
        text: "{{ field }} '{{ value }}' carries credentials before '@', where logs and proxies see them; send them in the request's credential field instead.",
        level: 'secondary',
      },
      nonPublicHost: {
        text: "{{ field }} points at the host '{{ host }}', which is {{ kind }}: a provider calling it would reach its own network, not the Internet (server-side request forgery).",
        level: 'secondary',
      },
      metadataHost: {
        text: "{{ field }} points at the host '{{ host }}', {{ kind }}: a provider calling it could leak its cloud credentials (server-side request forgery).",
        level: 'secondary',
      },
    },
    defaultLevel: 'error',
    status: 400,
    code: 'INVALID_SINK',
    // A sink it finds clean is an absolute URI (format: uri), and an https URL with a host where the
    // dialect demands https (CAMARA 1.1 and 1.2, whose pattern is ^https://.+$).
    fastKeywords: ['format', 'pattern'],
  },
  check(model, ctx) {
    if (model.sink !== undefined) checkSink(ctx, model.sink);
  },
  fast(view, ctx) {
    const sink = view.sink;
    if (sink === undefined) return true;
    return typeof sink === 'string' && isCleanSink(sink, ctx.dialect);
  },
});
