// What each dialect can express, as places: every property its schema declares (a JSON Pointer
// pattern, '*' for any item of an array), the members each object requires, whether it carries
// properties it does not declare, and its credential types. A migration step moves what its table
// names and keeps everything else in place; these shapes tell it what the target has no place for.
// test/migrate/shapes.test.ts derives the same facts from schemas/<id>.schema.json.

import type { DialectId } from '../types.js';

export interface Shape {
  /** Every declared place, objects and leaves alike ('' is the body itself). */
  readonly places: ReadonlySet<string>;
  /** Object places → the members they require (unconditionally; anyOf and per-type requirements are the steps' business). */
  readonly required: Readonly<Record<string, readonly string[]>>;
  /** Whether a property the dialect does not declare is accepted (carried) or rejected (CAMARA 1.2). */
  readonly unknown: 'carried' | 'rejected';
  /** The sinkCredential types its schema names ([] without sinkCredential). */
  readonly credentialTypes: readonly string[];
}

/** A ports specification at `place`: `{ ranges: [{from, to}], ports: [...] }`. */
function ports(place: string): string[] {
  return [place, `${place}/ranges`, `${place}/ranges/*`, `${place}/ranges/*/from`, `${place}/ranges/*/to`, `${place}/ports`, `${place}/ports/*`];
}

const rangeItems = (...places: string[]): Record<string, readonly string[]> =>
  Object.fromEntries(places.map((place) => [`${place}/ranges/*`, ['from', 'to']]));

/** CAMARA's device from 0.9 on. */
const camelDevice = [
  '/device',
  '/device/phoneNumber',
  '/device/networkAccessIdentifier',
  '/device/ipv4Address',
  '/device/ipv4Address/publicAddress',
  '/device/ipv4Address/privateAddress',
  '/device/ipv4Address/publicPort',
  '/device/ipv6Address',
];

/** What every CAMARA version from 0.9 declares alike. */
const camelCommon = [
  '',
  ...camelDevice,
  '/applicationServer',
  '/applicationServer/ipv4Address',
  '/applicationServer/ipv6Address',
  ...ports('/devicePorts'),
  ...ports('/applicationServerPorts'),
  '/qosProfile',
  '/duration',
];

const camelRanges = rangeItems('/devicePorts', '/applicationServerPorts');

/** 0.9 and 0.10. */
const webhookEra: Shape = {
  places: new Set([...camelCommon, '/webhook', '/webhook/notificationUrl', '/webhook/notificationAuthToken']),
  required: { '': ['device', 'applicationServer', 'qosProfile'], '/webhook': ['notificationUrl'], ...camelRanges },
  unknown: 'carried',
  credentialTypes: [],
};

const sinkPlaces = ['/sink', '/sinkCredential', '/sinkCredential/credentialType', '/sinkCredential/accessToken', '/sinkCredential/accessTokenExpiresUtc', '/sinkCredential/accessTokenType'];
const sinkEraRequired = { '': ['applicationServer', 'qosProfile', 'duration'], '/sinkCredential': ['credentialType'], ...camelRanges };

/** 0.11, 1.0 and 1.1: PlainCredential, AccessTokenCredential and RefreshTokenCredential. */
const sinkEra: Shape = {
  places: new Set([
    ...camelCommon,
    ...sinkPlaces,
    '/sinkCredential/identifier',
    '/sinkCredential/secret',
    '/sinkCredential/refreshToken',
    '/sinkCredential/refreshTokenEndpoint',
  ]),
  required: sinkEraRequired,
  unknown: 'carried',
  credentialTypes: ['PLAIN', 'ACCESSTOKEN', 'REFRESHTOKEN'],
};

export const shapes: Readonly<Record<DialectId, Shape>> = {
  'qod-1.2': {
    places: new Set([
      ...camelCommon,
      '/applicationServer/ipAddresses',
      '/applicationServer/ipAddresses/*',
      ...sinkPlaces,
      '/sinkCredential/clientId',
      '/sinkCredential/tokenUri',
      '/sinkCredential/jwksUri',
    ]),
    required: sinkEraRequired,
    unknown: 'rejected',
    credentialTypes: ['ACCESSTOKEN', 'PRIVATE_KEY_JWT'],
  },
  'qod-1.1': sinkEra,
  'qod-1.0': sinkEra,
  'qod-0.11': sinkEra,
  'qod-0.10': webhookEra,
  'qod-0.9': webhookEra,
  'qod-0.8': {
    places: new Set([
      '',
      '/duration',
      '/ueId',
      '/ueId/externalId',
      '/ueId/msisdn',
      '/ueId/ipv4addr',
      '/ueId/ipv6addr',
      '/asId',
      '/asId/ipv4addr',
      '/asId/ipv6addr',
      ...ports('/uePorts'),
      ...ports('/asPorts'),
      '/qos',
      '/notificationUrl',
      '/notificationAuthToken',
    ]),
    required: { '': ['ueId', 'asId', 'qos'], ...rangeItems('/uePorts', '/asPorts') },
    unknown: 'carried',
    credentialTypes: [],
  },
  'qod-sdk': {
    places: new Set([
      '',
      '/device',
      '/device/phone_number',
      '/device/network_access_identifier',
      '/device/ipv4_address',
      '/device/ipv4_address/public_address',
      '/device/ipv4_address/private_address',
      '/device/ipv4_address/public_port',
      '/device/ipv6_address',
      '/qos_profile',
      '/application_server',
      '/application_server/ipv4_address',
      '/application_server/ipv6_address',
      ...ports('/device_ports'),
      ...ports('/application_server_ports'),
      '/webhook',
      '/webhook/notification_url',
      '/webhook/notification_auth_token',
      '/duration',
    ]),
    required: { '': ['device', 'qos_profile'], ...rangeItems('/device_ports', '/application_server_ports') },
    unknown: 'carried',
    credentialTypes: [],
  },
};

// #region Places

/** Whether a concrete pointer ('/devicePorts/ranges/3/from') fits a place pattern (where '*' stands for any array index). */
export function fits(pointer: string, pattern: string): boolean {
  if (pointer === pattern) return true;
  const p = pointer.split('/');
  const q = pattern.split('/');
  if (p.length !== q.length) return false;
  return q.every((segment, i) => segment === p[i] || (segment === '*' && /^(?:0|[1-9]\d*)$/.test(p[i]!)));
}

const INDEX_SEGMENT = /\/(?:0|[1-9]\d*)(?=\/|$)/g;

/**
 * Whether a shape declares the place of a concrete pointer. Array items are the only places a
 * pattern writes '*', and no declared member is named by digits, so every index becomes '*'.
 */
export function declares(shape: Shape, pointer: string): boolean {
  return shape.places.has(pointer) || shape.places.has(pointer.replace(INDEX_SEGMENT, '/*'));
}

/** The object places of a shape: '' and every place that has members (not items). */
export function objectPlaces(shape: Shape): string[] {
  const out = new Set<string>(['']);
  for (const place of shape.places) {
    const slash = place.lastIndexOf('/');
    if (slash >= 0 && place.slice(slash + 1) !== '*') out.add(place.slice(0, slash));
  }
  return [...out];
}

/** The members a shape declares for an object place. */
export function membersOf(shape: Shape, objectPlace: string): Set<string> {
  const out = new Set<string>();
  const prefix = `${objectPlace}/`;
  for (const place of shape.places) {
    if (!place.startsWith(prefix)) continue;
    const rest = place.slice(prefix.length);
    if (!rest.includes('/') && rest !== '*') out.add(rest);
  }
  return out;
}

// #endregion
