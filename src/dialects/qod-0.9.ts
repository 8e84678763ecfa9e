// CAMARA Quality-on-Demand 0.9.0: the keys and facts of 0.10 (./qod-0.10.ts); only address patterns
// differ. Single IPv4 addresses are a pattern, the device's IPv6 address may carry a prefix (0.10:
// one address) but must be lower case without leading zeros, and the application server's addresses
// are patterns (0.10: any string). See docs/dialects.md.

import * as compiled from '../schema/compiled/qod-0.9.js';
import { isPlainObject } from '../shared/object.js';
import type { KeyMap } from '../model/build-model.js';
import type { Dialect } from './types.js';
import { webhookEraFacts } from './qod-0.10.js';
import { webhookEraKeys } from './shared.js';

const keys: KeyMap = { ...webhookEraKeys, devicePrefixes: { ipv4: false, ipv6: true } };

/** What only 0.9 accepts: a device IPv6 address with a prefix ('2001:db8:85a3:8d3::/64'). */
function deviceIpv6HasPrefix(body: Readonly<Record<string, unknown>>): boolean {
  const device = Object.prototype.hasOwnProperty.call(body, 'device') ? body.device : undefined;
  if (!isPlainObject(device) || !Object.prototype.hasOwnProperty.call(device, 'ipv6Address')) return false;
  const address = device.ipv6Address;
  return typeof address === 'string' && address.includes('/');
}

export const qod09: Dialect = {
  facts: { id: 'qod-0.9', apiVersion: '0.9.0', release: 'v0.9.0', ...webhookEraFacts },
  keys,
  schema: compiled,
  refines: { dialect: 'qod-0.10', feature: deviceIpv6HasPrefix },
};
