// The valid body every case of a dialect starts from (unless the operator gives one with --base),
// written with the dialect's keys: a device named by its phone number (none under a 3-legged
// token, which names the device itself), the application server by an address, a QoS profile and
// a duration. Addresses are from the documentation ranges (RFC 5737); the profile is the
// catalogue's first ACTIVE one when there is a catalogue.

import type { Dialect } from '../dialects/types.js';
import type { DialectId } from '../types.js';

/** A QoS profile name each dialect's schema accepts, used when no catalogue is given. */
const DEFAULT_PROFILE: Readonly<Record<DialectId, string>> = {
  'qod-1.2': 'QOS_E',
  'qod-1.1': 'QOS_E',
  'qod-1.0': 'QOS_E',
  'qod-0.11': 'QOS_E',
  'qod-0.10': 'QOS_E',
  'qod-0.9': 'QOS_E',
  'qod-0.8': 'QOS_E',
  // The SDK model's own profile names (seed/CreateSession.md).
  'qod-sdk': 'QOS_VC',
};

export const DEFAULT_DURATION = 3600;

/** The default base body of a dialect, with `profile` (or the dialect's default) and `duration`. */
export function defaultBase(dialect: Dialect, withDevice: boolean, profile: string | undefined, duration: number): Record<string, unknown> {
  const k = dialect.keys;
  const body: Record<string, unknown> = {};
  if (withDevice) body[k.device] = { [k.phoneNumber]: '+34600000001' };
  body[k.applicationServer] = { [k.serverIpv4Address]: '198.51.100.10' };
  body[k.qosProfile] = profile ?? DEFAULT_PROFILE[dialect.facts.id];
  body[k.duration] = duration;
  return body;
}
