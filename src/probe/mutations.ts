// The documented mutations: each one turns the valid base body into a body meant to cause one
// finding, written with the dialect's own keys. A mutation does not claim anything by itself:
// ./suite.ts runs qod-policy on every body it makes and keeps only those that cause exactly the
// finding named here (or, for `schema` mutations without a messageId, one JSON Schema keyword) and
// nothing else. docs/probe.md lists them.

import type { DialectFacts } from '../dialects/types.js';
import type { KeyMap } from '../model/build-model.js';
import type { DeviceIdentifierType, QosProfile } from '../types.js';
import type { MutationStep } from './types.js';

/** What a mutation may look at. */
export interface MutationContext {
  readonly facts: DialectFacts;
  readonly keys: KeyMap;
  /** The base body (a JSON object). */
  readonly base: Readonly<Record<string, unknown>>;
  /** The QoS-profile catalogue of the configuration, if any. */
  readonly qosProfiles: readonly QosProfile[] | undefined;
  /** The configured extra duration bounds (policy.duration), if any. */
  readonly policyDuration: { readonly min?: number; readonly max?: number } | undefined;
  /** Identifier types the provider supports (the policy's, else the dialect's default). */
  readonly supportedIdentifiers: readonly DeviceIdentifierType[];
}

export interface Mutation {
  /** The finding aimed at: a rule id, or 'schema' / 'parse' for the schema's and the parser's findings. */
  readonly ruleId: string;
  /** The message id; for 'schema' and 'parse', undefined means whichever one keyword the body fails. */
  readonly messageId?: string;
  /** Tells apart several mutations for one finding; part of the case id (`#variant`). */
  readonly variant?: string;
  /** One sentence: what is wrong with the body. */
  readonly title: string;
  /**
   * The steps from the base body (or alternatives, tried in order until one causes the finding
   * alone), or why the mutation does not apply under this dialect and configuration.
   */
  steps(ctx: MutationContext): MutationStep[] | { readonly alternatives: readonly MutationStep[][] } | string;
}

// #region Helpers

/** A far-future expiry: valid whatever the clock and the session's length. */
const FAR_FUTURE = '2099-12-31T23:59:59Z';
const SINK = 'https://notifications.example.com/qod';
const NO_CATALOGUE = "needs the endpoint's QoS-profile catalogue (--qos-profiles, or policy.qosProfiles in the configuration)";

function pointer(...keys: (string | number)[]): string {
  return keys.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const set = (path: string, value: unknown): MutationStep => ({ op: 'set', path, value });
const remove = (path: string): MutationStep => ({ op: 'remove', path });
const text = (value: string): MutationStep => ({ op: 'text', value });

/** The device object with one identifier set (in the dialect's keys and shape). */
function device(ctx: MutationContext, type: DeviceIdentifierType, value: unknown): MutationStep {
  const k = ctx.keys;
  const key = type === 'phoneNumber' ? k.phoneNumber : type === 'networkAccessIdentifier' ? k.networkAccessIdentifier : type === 'ipv4Address' ? k.deviceIpv4Address : k.deviceIpv6Address;
  return set(pointer(k.device), { [key]: value });
}

/** A device IPv4 identifier: the object `{publicAddress, publicPort}`, or CAMARA 0.8's string. */
function deviceIpv4(ctx: MutationContext, publicAddress: string): MutationStep {
  const k = ctx.keys;
  if (k.deviceIpv4AddressIsString === true) return device(ctx, 'ipv4Address', publicAddress);
  return device(ctx, 'ipv4Address', { [k.publicAddress]: publicAddress, [k.publicPort]: 59765 });
}

/** The application server given by its IPv4 address or subnet only. */
function serverIpv4(ctx: MutationContext, value: string): MutationStep {
  return set(pointer(ctx.keys.applicationServer), { [ctx.keys.serverIpv4Address]: value });
}

/** The application server as CAMARA 1.2's list of single addresses. */
function serverList(ctx: MutationContext, items: unknown[]): MutationStep[] | string {
  const list = ctx.keys.ipAddresses;
  return list === undefined ? `${ctx.facts.id} has no list of application-server addresses` : [set(pointer(ctx.keys.applicationServer), { [list]: items })];
}

/** The notification URL set (sink, webhook.notificationUrl or notificationUrl), with nothing else about notifications. */
function sink(ctx: MutationContext, url: string): MutationStep[] | string {
  const k = ctx.keys;
  if (k.sink !== undefined) return [set(pointer(k.sink), url)];
  if (k.webhook !== undefined) return [set(pointer(k.webhook[0]), { [k.webhook[1]]: url })];
  return `${ctx.facts.id} has no notification URL`;
}

/** A sink and a sink credential (CAMARA 0.11 and later). */
function credential(ctx: MutationContext, value: Record<string, unknown>): MutationStep[] | string {
  const k = ctx.keys;
  if (k.sink === undefined || k.sinkCredential === undefined || ctx.facts.sinkCredential === null) return `${ctx.facts.id} has no sinkCredential`;
  return [set(pointer(k.sink), SINK), set(pointer(k.sinkCredential), value)];
}

function accessToken(overrides: Record<string, unknown>): Record<string, unknown> {
  return { credentialType: 'ACCESSTOKEN', accessToken: 'qod-policy-probe-token', accessTokenExpiresUtc: FAR_FUTURE, accessTokenType: 'bearer', ...overrides };
}

/** The base body's QoS profile name, if it has one. */
function baseProfile(ctx: MutationContext): string | undefined {
  const value = ctx.base[ctx.keys.qosProfile];
  return typeof value === 'string' ? value : undefined;
}

const SECONDS: Readonly<Record<string, number>> = { Days: 86400, Hours: 3600, Minutes: 60, Seconds: 1, Milliseconds: 1e-3, Microseconds: 1e-6, Nanoseconds: 1e-9 };

/** The base body's profile's minDuration or maxDuration in seconds (a first guess; the suite checks the body). */
function profileBound(ctx: MutationContext, bound: 'minDuration' | 'maxDuration'): number | undefined {
  const name = baseProfile(ctx);
  const duration = ctx.qosProfiles?.find((profile) => profile.name === name)?.[bound];
  const factor = SECONDS[String(duration?.unit)];
  return typeof duration?.value === 'number' && factor !== undefined ? duration.value * factor : undefined;
}

/** A value for an identifier type (valid in every dialect that has the type). */
function identifierValue(ctx: MutationContext, type: DeviceIdentifierType): unknown {
  switch (type) {
    case 'phoneNumber':
      return '+34600000001';
    case 'networkAccessIdentifier':
      return 'device@probe.example.com';
    case 'ipv4Address':
      return ctx.keys.deviceIpv4AddressIsString === true ? '84.125.93.10' : { [ctx.keys.publicAddress]: '84.125.93.10', [ctx.keys.publicPort]: 59765 };
    case 'ipv6Address':
      return '2001:db8:85a3:8d3:1319:8a2e:370:7344';
  }
}

const IDENTIFIER_TYPES: readonly DeviceIdentifierType[] = ['phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address'];

// #endregion

/** Every mutation, in the order of the suite. */
export const mutations: readonly Mutation[] = [
  // #region The body as a whole
  { ruleId: 'parse', variant: 'no-body', title: 'The request has no body.', steps: () => [text('')] },
  { ruleId: 'parse', variant: 'malformed-json', title: 'The body is not JSON (it ends in the middle of an object).', steps: (ctx) => [text(`{"${ctx.keys.qosProfile}": `)] },
  { ruleId: 'schema', variant: 'array-body', title: 'The body is a JSON array, not an object.', steps: () => [text('[]')] },
  { ruleId: 'schema', variant: 'empty-body', title: 'The body is an empty object.', steps: () => [text('{}')] },
  // #endregion

  // #region Required properties and types
  { ruleId: 'schema', variant: 'missing-qos-profile', title: 'The QoS profile is missing.', steps: (ctx) => [remove(pointer(ctx.keys.qosProfile))] },
  { ruleId: 'schema', variant: 'missing-application-server', title: 'The application server is missing.', steps: (ctx) => [remove(pointer(ctx.keys.applicationServer))] },
  { ruleId: 'schema', variant: 'missing-duration', title: 'The duration is missing.', steps: (ctx) => [remove(pointer(ctx.keys.duration))] },
  { ruleId: 'schema', variant: 'missing-device', title: 'The device is missing.', steps: (ctx) => [remove(pointer(ctx.keys.device))] },
  { ruleId: 'schema', variant: 'duration-as-string', title: 'The duration is a string, not an integer.', steps: (ctx) => [set(pointer(ctx.keys.duration), '3600')] },
  { ruleId: 'schema', variant: 'qos-profile-too-short', title: 'The QoS profile name has 2 characters.', steps: (ctx) => [set(pointer(ctx.keys.qosProfile), 'QO')] },
  { ruleId: 'schema', variant: 'qos-profile-too-long', title: 'The QoS profile name has 257 characters.', steps: (ctx) => [set(pointer(ctx.keys.qosProfile), 'Q'.repeat(257))] },
  { ruleId: 'schema', variant: 'qos-profile-bad-character', title: 'The QoS profile name contains a space.', steps: (ctx) => [set(pointer(ctx.keys.qosProfile), 'QOS E')] },
  { ruleId: 'schema', variant: 'qos-not-in-enum', title: "The QoS profile is not one of QOS_E, QOS_S, QOS_M and QOS_L.", steps: (ctx) => [set(pointer(ctx.keys.qosProfile), 'QOS_X')] },
  { ruleId: 'schema', variant: 'empty-device', title: 'The device is an empty object.', steps: (ctx) => [set(pointer(ctx.keys.device), {})] },
  { ruleId: 'schema', variant: 'empty-application-server', title: 'The application server is an empty object.', steps: (ctx) => [set(pointer(ctx.keys.applicationServer), {})] },
  { ruleId: 'schema', variant: 'empty-device-ports', title: 'The device ports are an empty object.', steps: (ctx) => [set(pointer(ctx.keys.devicePorts), {})] },
  {
    ruleId: 'schema',
    variant: 'empty-sink-credential',
    title: 'The sink credential is an empty object.',
    steps: (ctx) => credential(ctx, {}),
  },
  {
    ruleId: 'schema',
    variant: 'device-ipv4-public-address-alone',
    title: "The device's IPv4 address has a public address but neither a private address nor a public port.",
    steps: (ctx) => (ctx.keys.deviceIpv4AddressIsString === true ? `${ctx.facts.id}'s device IPv4 address is one string` : [device(ctx, 'ipv4Address', { [ctx.keys.publicAddress]: '84.125.93.10' })]),
  },
  {
    ruleId: 'schema',
    variant: 'server-list-and-subnet',
    title: 'The application server has both a list of addresses and a subnet.',
    steps: (ctx) => {
      const list = ctx.keys.ipAddresses;
      return list === undefined ? `${ctx.facts.id} has no list of application-server addresses` : [set(pointer(ctx.keys.applicationServer), { [list]: ['198.51.100.10'], [ctx.keys.serverIpv4Address]: '198.51.100.0/24' })];
    },
  },
  {
    ruleId: 'schema',
    variant: 'webhook-without-url',
    title: 'The webhook has a token but no notification URL.',
    steps: (ctx) => (ctx.keys.webhook === undefined ? `${ctx.facts.id} has no webhook` : [set(pointer(ctx.keys.webhook[0]), { notificationAuthToken: 'qod-policy-probe-token-0001' })]),
  },
  {
    ruleId: 'schema',
    variant: 'webhook-token-too-short',
    title: 'The webhook token has 5 characters.',
    steps: (ctx) => (ctx.keys.webhook === undefined ? `${ctx.facts.id} has no webhook` : [set(pointer(ctx.keys.webhook[0]), { [ctx.keys.webhook[1]]: SINK, notificationAuthToken: 'short' })]),
  },
  // #endregion

  // #region known-properties
  { ruleId: 'known-properties', messageId: 'unknownProperty', title: 'The body has a property the API version does not declare.', steps: () => [set('/qodPolicyProbe', true)] },
  {
    ruleId: 'known-properties',
    messageId: 'unknownProperty',
    variant: 'nested',
    title: 'The device ports have a property the API version does not declare.',
    steps: (ctx) => [set(pointer(ctx.keys.devicePorts), { [ctx.keys.ports]: [5060], qodPolicyProbe: true })],
  },
  {
    ruleId: 'known-properties',
    messageId: 'undeclaredForType',
    title: 'An ACCESSTOKEN sink credential has clientId, a property of PRIVATE_KEY_JWT credentials.',
    steps: (ctx) => credential(ctx, accessToken({ clientId: 'qod-policy-probe' })),
  },
  // #endregion

  // #region device-identifiers
  { ruleId: 'device-identifiers', messageId: 'missingIdentifier', title: 'The device is missing although the access token does not identify one.', steps: (ctx) => [remove(pointer(ctx.keys.device))] },
  {
    ruleId: 'device-identifiers',
    messageId: 'unnecessaryIdentifier',
    title: 'The body names a device although the access token identifies it.',
    steps: (ctx) => [device(ctx, 'phoneNumber', '+34600000001')],
  },
  {
    ruleId: 'device-identifiers',
    messageId: 'unsupportedIdentifier',
    title: 'The device is given only by an identifier type the provider does not support.',
    steps: (ctx) => {
      const type = IDENTIFIER_TYPES.find((candidate) => !ctx.supportedIdentifiers.includes(candidate));
      return type === undefined ? 'every identifier type is supported' : [device(ctx, type, identifierValue(ctx, type))];
    },
  },
  {
    ruleId: 'device-identifiers',
    messageId: 'noIdentifier',
    title: 'The device has only a property that is not an identifier.',
    steps: (ctx) => [set(pointer(ctx.keys.device), { qodPolicyProbe: 'x' })],
  },
  // #endregion

  // #region phone-number
  { ruleId: 'phone-number', messageId: 'whitespace', title: 'The phone number contains a space.', steps: (ctx) => [device(ctx, 'phoneNumber', '+34 600000001')] },
  { ruleId: 'phone-number', messageId: 'nonDigit', title: 'The phone number contains a letter.', steps: (ctx) => [device(ctx, 'phoneNumber', '+3460000000A')] },
  { ruleId: 'phone-number', messageId: 'missingPlus', title: "The phone number does not start with '+'.", steps: (ctx) => [device(ctx, 'phoneNumber', '34600000001')] },
  { ruleId: 'phone-number', messageId: 'leadingZero', title: "The phone number's first digit is 0.", steps: (ctx) => [device(ctx, 'phoneNumber', '+034600000001')] },
  { ruleId: 'phone-number', messageId: 'tooShort', title: 'The phone number has 4 digits.', steps: (ctx) => [device(ctx, 'phoneNumber', '+3460')] },
  { ruleId: 'phone-number', messageId: 'tooLong', title: 'The phone number has 16 digits.', steps: (ctx) => [device(ctx, 'phoneNumber', '+3460000000100001')] },
  { ruleId: 'phone-number', messageId: 'notPhoneNumber', title: "The phone number is a lone '+'.", steps: (ctx) => [device(ctx, 'phoneNumber', '+')] },
  // #endregion

  // #region ip-address
  { ruleId: 'ip-address', messageId: 'notIpv4', title: "The device's IPv4 address has an octet above 255.", steps: (ctx) => [deviceIpv4(ctx, '999.125.93.10')] },
  { ruleId: 'ip-address', messageId: 'notIpv6', title: "The device's IPv6 address has '::' twice.", steps: (ctx) => [device(ctx, 'ipv6Address', '2001::db8::1')] },
  {
    ruleId: 'ip-address',
    messageId: 'notIpAddress',
    title: "An entry of the application server's address list is not an address.",
    steps: (ctx) => serverList(ctx, ['not-an-address']),
  },
  { ruleId: 'ip-address', messageId: 'leadingZeros', title: "The device's IPv4 address has an octet with a leading zero.", steps: (ctx) => [deviceIpv4(ctx, '084.125.93.10')] },
  { ruleId: 'ip-address', messageId: 'wrongFamily', title: "The application server's IPv4 address holds an IPv6 address.", steps: (ctx) => [serverIpv4(ctx, '2001:db8::1')] },
  { ruleId: 'ip-address', messageId: 'zoneId', title: "The device's IPv6 address has a zone index.", steps: (ctx) => [device(ctx, 'ipv6Address', 'fe80::1%eth0')] },
  { ruleId: 'ip-address', messageId: 'prefixNotAllowed', title: "The device's IPv6 address has a prefix.", steps: (ctx) => [device(ctx, 'ipv6Address', '2001:db8:85a3:8d3::/64')] },
  { ruleId: 'ip-address', messageId: 'badPrefix', title: "The application server's IPv4 subnet has the prefix /33.", steps: (ctx) => [serverIpv4(ctx, '198.51.100.0/33')] },
  { ruleId: 'ip-address', messageId: 'tooLong', title: "The device's IPv6 address has 46 characters.", steps: (ctx) => [device(ctx, 'ipv6Address', `2001:db8::${'0'.repeat(36)}`)] },
  // #endregion

  // #region server-address-list
  { ruleId: 'server-address-list', messageId: 'empty', title: "The application server's address list is empty.", steps: (ctx) => (serverList(ctx, [])) },
  {
    ruleId: 'server-address-list',
    messageId: 'tooMany',
    title: "The application server's address list has 17 addresses.",
    steps: (ctx) => (serverList(ctx, Array.from({ length: 17 }, (_, i) => `198.51.100.${i + 1}`))),
  },
  { ruleId: 'server-address-list', messageId: 'duplicate', title: "The application server's address list has one address twice.", steps: (ctx) => (serverList(ctx, ['198.51.100.10', '198.51.100.10'])) },
  { ruleId: 'server-address-list', messageId: 'prefixInList', title: "An entry of the application server's address list is a subnet.", steps: (ctx) => (serverList(ctx, ['198.51.100.0/24'])) },
  // #endregion

  // #region port-ranges
  {
    ruleId: 'port-ranges',
    messageId: 'belowMinimum',
    title: 'A device port is below the lowest port the API version accepts.',
    steps: (ctx) => [set(pointer(ctx.keys.devicePorts), { [ctx.keys.ports]: [ctx.facts.port.min - 1] })],
  },
  {
    ruleId: 'port-ranges',
    messageId: 'aboveMaximum',
    title: 'A device port is 65536.',
    steps: (ctx) => [set(pointer(ctx.keys.devicePorts), { [ctx.keys.ports]: [ctx.facts.port.max + 1] })],
  },
  {
    ruleId: 'port-ranges',
    messageId: 'aboveMaximum',
    variant: 'range-end',
    title: "An application-server port range ends at 65536.",
    steps: (ctx) => [set(pointer(ctx.keys.applicationServerPorts), { [ctx.keys.ranges]: [{ [ctx.keys.from]: 5000, [ctx.keys.to]: ctx.facts.port.max + 1 }] })],
  },
  {
    ruleId: 'port-ranges',
    messageId: 'reversedRange',
    title: "A device port range runs from 5020 down to 5010.",
    steps: (ctx) => [set(pointer(ctx.keys.devicePorts), { [ctx.keys.ranges]: [{ [ctx.keys.from]: 5020, [ctx.keys.to]: 5010 }] })],
  },
  // #endregion

  // #region duration-bounds
  { ruleId: 'duration-bounds', messageId: 'belowMinimum', title: 'The duration is below the minimum of the API version.', steps: (ctx) => [set(pointer(ctx.keys.duration), ctx.facts.duration.min - 1)] },
  {
    ruleId: 'duration-bounds',
    messageId: 'aboveMaximum',
    title: 'The duration is above the maximum of the API version.',
    steps: (ctx) => (Number.isFinite(ctx.facts.duration.max) ? [set(pointer(ctx.keys.duration), ctx.facts.duration.max + 1)] : `${ctx.facts.id} sets no maximum duration`),
  },
  {
    ruleId: 'duration-bounds',
    messageId: 'belowPolicyMinimum',
    title: "The duration is one second below the operator's minimum (policy.duration.min).",
    steps: (ctx) => (ctx.policyDuration?.min === undefined ? 'the configuration sets no policy.duration.min' : [set(pointer(ctx.keys.duration), ctx.policyDuration.min - 1)]),
  },
  {
    ruleId: 'duration-bounds',
    messageId: 'abovePolicyMaximum',
    title: "The duration is one second above the operator's maximum (policy.duration.max).",
    steps: (ctx) => (ctx.policyDuration?.max === undefined ? 'the configuration sets no policy.duration.max' : [set(pointer(ctx.keys.duration), ctx.policyDuration.max + 1)]),
  },
  {
    ruleId: 'duration-bounds',
    messageId: 'belowProfileMinimum',
    title: "The duration is below the QoS profile's minimum duration (one second below it, or the API version's minimum).",
    steps: (ctx) => {
      if (ctx.qosProfiles === undefined) return NO_CATALOGUE;
      const min = profileBound(ctx, 'minDuration');
      const values = [...(min === undefined ? [] : [Math.ceil(min) - 1]), ctx.facts.duration.min];
      return { alternatives: values.map((value) => [set(pointer(ctx.keys.duration), value)]) };
    },
  },
  {
    ruleId: 'duration-bounds',
    messageId: 'aboveProfileMaximum',
    title: "The duration is above the QoS profile's maximum duration (one second above it, or the API version's maximum).",
    steps: (ctx) => {
      if (ctx.qosProfiles === undefined) return NO_CATALOGUE;
      const max = profileBound(ctx, 'maxDuration');
      const values = [...(max === undefined ? [] : [Math.floor(max) + 1]), Number.isFinite(ctx.facts.duration.max) ? ctx.facts.duration.max : 2147483647];
      return { alternatives: values.map((value) => [set(pointer(ctx.keys.duration), value)]) };
    },
  },
  // #endregion

  // #region qos-profile
  {
    ruleId: 'qos-profile',
    messageId: 'unknownProfile',
    title: 'The QoS profile is not in the catalogue.',
    steps: (ctx) => (ctx.qosProfiles === undefined ? NO_CATALOGUE : [set(pointer(ctx.keys.qosProfile), 'QOD_POLICY_PROBE_UNKNOWN')]),
  },
  {
    ruleId: 'qos-profile',
    messageId: 'caseMismatch',
    title: "The QoS profile is a catalogue profile's name with its letters' case swapped.",
    steps: (ctx) => {
      const name = baseProfile(ctx);
      if (ctx.qosProfiles === undefined) return NO_CATALOGUE;
      if (name === undefined) return 'the base body has no QoS profile name';
      const swapped = [...name].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
      return swapped === name ? `the base body's profile '${name}' has no letters` : [set(pointer(ctx.keys.qosProfile), swapped)];
    },
  },
  {
    ruleId: 'qos-profile',
    messageId: 'notApplicable',
    title: 'The QoS profile is one of the catalogue that is not ACTIVE.',
    steps: (ctx) => {
      if (ctx.qosProfiles === undefined) return NO_CATALOGUE;
      const inactive = ctx.qosProfiles.find((profile) => profile.status === 'INACTIVE' || profile.status === 'DEPRECATED');
      return inactive === undefined ? 'the catalogue has no profile that is INACTIVE or DEPRECATED' : [set(pointer(ctx.keys.qosProfile), inactive.name)];
    },
  },
  // #endregion

  // #region sink
  { ruleId: 'sink', messageId: 'notUri', title: 'The notification URL is not a URI.', steps: (ctx) => sink(ctx, 'notifications example com') },
  { ruleId: 'sink', messageId: 'notHttps', title: 'The notification URL uses the scheme ftp.', steps: (ctx) => sink(ctx, 'ftp://notifications.example.com/qod') },
  { ruleId: 'sink', messageId: 'notHttps', variant: 'http', title: 'The notification URL uses plain http.', steps: (ctx) => (ctx.facts.sinkHttpsRequired ? sink(ctx, 'http://notifications.example.com/qod') : `${ctx.facts.id} allows http (a warning)`) },
  { ruleId: 'sink', messageId: 'schemeCase', title: "The notification URL's scheme is written HTTPS.", steps: (ctx) => sink(ctx, 'HTTPS://notifications.example.com/qod') },
  { ruleId: 'sink', messageId: 'unusableUrl', title: "The notification URL's port is 99999.", steps: (ctx) => sink(ctx, 'https://notifications.example.com:99999/qod') },
  { ruleId: 'sink', messageId: 'missingHost', title: 'The notification URL has no host.', steps: (ctx) => sink(ctx, 'https:///qod') },
  // #endregion

  // #region sink-credential
  {
    ruleId: 'sink-credential',
    messageId: 'unknownType',
    title: 'The sink credential is of type PLAIN.',
    steps: (ctx) => credential(ctx, { credentialType: 'PLAIN' }),
  },
  {
    ruleId: 'sink-credential',
    messageId: 'missingField',
    title: 'The ACCESSTOKEN sink credential has no accessToken.',
    steps: (ctx) => credential(ctx, { credentialType: 'ACCESSTOKEN', accessTokenExpiresUtc: FAR_FUTURE, accessTokenType: 'bearer' }),
  },
  { ruleId: 'sink-credential', messageId: 'notBearer', title: "The sink credential's accessTokenType is 'mac'.", steps: (ctx) => credential(ctx, accessToken({ accessTokenType: 'mac' })) },
  { ruleId: 'sink-credential', messageId: 'bearerCase', title: "The sink credential's accessTokenType is 'Bearer' (the enum is lower-case).", steps: (ctx) => credential(ctx, accessToken({ accessTokenType: 'Bearer' })) },
  {
    ruleId: 'sink-credential',
    messageId: 'expiryNoTimeZone',
    title: "The sink credential's accessTokenExpiresUtc has no time zone.",
    steps: (ctx) => credential(ctx, accessToken({ accessTokenExpiresUtc: '2099-12-31T23:59:59' })),
  },
  {
    ruleId: 'sink-credential',
    messageId: 'expiryInvalid',
    title: "The sink credential's accessTokenExpiresUtc is not a date-time.",
    steps: (ctx) => credential(ctx, accessToken({ accessTokenExpiresUtc: 'next year' })),
  },
  {
    ruleId: 'sink-credential',
    messageId: 'privateKeyJwtNotConfigured',
    title: 'The sink credential is of type PRIVATE_KEY_JWT, which the provider has not been set up for.',
    steps: (ctx) => credential(ctx, { credentialType: 'PRIVATE_KEY_JWT' }),
  },
  // #endregion
];
