// The built-in rules, by id. Keep the keys sorted (test/package.test.ts checks it); the id is the
// file name, the test file name (test/rules/<id>.test.ts) and the doc page (docs/rules/<id>.md).

import type { RuleDefinition } from '../types.js';
import deviceIdentifiers from './device-identifiers.js';
import deviceServerConsistency from './device-server-consistency.js';
import durationBounds from './duration-bounds.js';
import ipAddress from './ip-address.js';
import ipAddressScope from './ip-address-scope.js';
import knownProperties from './known-properties.js';
import phoneNumber from './phone-number.js';
import portRanges from './port-ranges.js';
import qosProfile from './qos-profile.js';
import serverAddressList from './server-address-list.js';
import sink from './sink.js';
import sinkCredential from './sink-credential.js';

export const builtinRules: Readonly<Record<string, RuleDefinition>> = {
  'device-identifiers': deviceIdentifiers,
  'device-server-consistency': deviceServerConsistency,
  'duration-bounds': durationBounds,
  'ip-address': ipAddress,
  'ip-address-scope': ipAddressScope,
  'known-properties': knownProperties,
  'phone-number': phoneNumber,
  'port-ranges': portRanges,
  'qos-profile': qosProfile,
  'server-address-list': serverAddressList,
  sink,
  'sink-credential': sinkCredential,
} as Record<string, RuleDefinition>;
