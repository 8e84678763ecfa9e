// The QoS-profile catalogue (policy.qosProfiles) as lookup tables, built once per catalogue array
// (WeakMap keyed by the array: configurations are read once, never per request). The catalogue is
// treated as immutable: changing the array's contents after createValidator is not seen.

import type { QosProfile } from '../../types.js';

export interface Catalogue {
  /** Profiles by exact name; the first profile of a name wins (CAMARA says names are unique). */
  readonly byName: ReadonlyMap<string, QosProfile>;
  /** Lower-cased name → the first profile name spelled that way ignoring case (for "did you mean"). */
  readonly byFoldedName: ReadonlyMap<string, string>;
}

const catalogues = new WeakMap<readonly QosProfile[], Catalogue>();

/** The lookup tables of a catalogue, built on first use. */
export function catalogueOf(profiles: readonly QosProfile[]): Catalogue {
  let catalogue = catalogues.get(profiles);
  if (catalogue === undefined) {
    const byName = new Map<string, QosProfile>();
    const byFoldedName = new Map<string, string>();
    for (const profile of profiles) {
      if (typeof profile !== 'object' || profile === null || typeof profile.name !== 'string') continue;
      if (!byName.has(profile.name)) byName.set(profile.name, profile);
      const folded = profile.name.toLowerCase();
      if (!byFoldedName.has(folded)) byFoldedName.set(folded, profile.name);
    }
    catalogue = { byName, byFoldedName };
    catalogues.set(profiles, catalogue);
  }
  return catalogue;
}
