// What CAMARA Quality-on-Demand 0.11, 1.0 and 1.1 (releases r1 to r3) have in common: the keys of the
// body (1.2's without the application server's address list) and the phone-number syntax.

import type { KeyMap } from '../model/build-model.js';
import type { DialectFacts } from './types.js';

/** PhoneNumber: '^\+[1-9][0-9]{4,14}$' and no maxLength (the pattern allows at most 16 characters). */
export const phoneNumber: DialectFacts['phoneNumber'] = {
  pattern: /^\+[1-9][0-9]{4,14}$/,
  description: "E.164 format: '+' then 5 to 15 digits, the first not 0",
  maxLength: 16,
  plus: 'required',
  digits: { min: 5, max: 15 },
  leadingZero: false,
};

export const keys: KeyMap = {
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
  sink: 'sink',
  sinkCredential: 'sinkCredential',
};
