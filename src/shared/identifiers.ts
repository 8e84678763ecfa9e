// The kinds of device identifier, in CAMARA's order and naming, once.

import type { DeviceIdentifierType } from '../types.js';

/** Every device identifier type (the union DeviceIdentifierType, as a list). */
export const DEVICE_IDENTIFIER_TYPES = ['phoneNumber', 'networkAccessIdentifier', 'ipv4Address', 'ipv6Address'] as const satisfies readonly DeviceIdentifierType[];

// A type added to the union but not to the list fails to compile here.
type Unlisted = Exclude<DeviceIdentifierType, (typeof DEVICE_IDENTIFIER_TYPES)[number]>;
const everyTypeListed: Unlisted extends never ? true : false = true;
void everyTypeListed;
