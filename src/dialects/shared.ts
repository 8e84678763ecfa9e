// What several dialects have in common: CAMARA's camelCase keys (0.9 to 1.2) and the two phone-number
// syntaxes (E.164 with a required '+' from 0.11; digits with an optional '+' before, and in the SDK).

import type { KeyMap } from '../model/build-model.js';
import type { DialectFacts } from './types.js';

/** PhoneNumber from 0.11: '^\+[1-9][0-9]{4,14}$' (at most 16 characters; 1.2 also says maxLength 16). */
export const e164PhoneNumber: DialectFacts['phoneNumber'] = {
  pattern: /^\+[1-9][0-9]{4,14}$/,
  description: "E.164 format: '+' then 5 to 15 digits, the first not 0",
  maxLength: 16,
  plus: 'required',
  digits: { min: 5, max: 15 },
  leadingZero: false,
};

/** PhoneNumber up to 0.10 (and the SDK model): '^\+?[0-9]{5,15}$'. */
export const optionalPlusPhoneNumber: DialectFacts['phoneNumber'] = {
  pattern: /^\+?[0-9]{5,15}$/,
  description: "5 to 15 digits, optionally prefixed with '+'",
  maxLength: 16,
  plus: 'optional',
  digits: { min: 5, max: 15 },
  leadingZero: true,
};

/** The camelCase keys of the body that every CAMARA version from 0.9 spells alike. */
const camelCaseKeys = {
  device: 'device',
  phoneNumber: 'phoneNumber',
  networkAccessIdentifier: 'networkAccessIdentifier',
  deviceIpv4Address: 'ipv4Address',
  publicAddress: 'publicAddress',
  privateAddress: 'privateAddress',
  publicPort: 'publicPort',
  deviceIpv6Address: 'ipv6Address',
  applicationServer: 'applicationServer',
  serverIpv4Address: 'ipv4Address',
  serverIpv6Address: 'ipv6Address',
  devicePorts: 'devicePorts',
  applicationServerPorts: 'applicationServerPorts',
  ranges: 'ranges',
  from: 'from',
  to: 'to',
  ports: 'ports',
  qosProfile: 'qosProfile',
  duration: 'duration',
} as const satisfies Partial<KeyMap>;

/** 0.11 to 1.1: the callback as `sink` and `sinkCredential` (1.2 adds the server's address list). */
export const sinkEraKeys: KeyMap = { ...camelCaseKeys, sink: 'sink', sinkCredential: 'sinkCredential' };

/** 0.9 and 0.10: the callback as `webhook { notificationUrl, notificationAuthToken }`. */
export const webhookEraKeys: KeyMap = { ...camelCaseKeys, webhook: ['webhook', 'notificationUrl'] };
