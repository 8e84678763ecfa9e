// The x-correlator header in each dialect's release (docs/camara-notes.md, "x-correlator"): CAMARA
// 1.0 (r2.x) gives it the pattern ^[a-zA-Z0-9-]{0,55}$, 1.1 and 1.2 (r3.x, r4.1; CAMARA_common.yaml
// XCorrelator) ^[a-zA-Z0-9-_:;.\/<>{}]{0,256}$. 0.11 declares the header without a pattern; 0.10 and
// earlier, and the SDK model, do not declare it. A test reads the patterns from the API definitions.

import type { DialectId } from '../types.js';

const R2 = /^[a-zA-Z0-9-]{0,55}$/;
/** Where the release sets no pattern: any valid header value (RFC 9110 field-value characters). */
const ANY_FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const R3_ONWARDS = /^[a-zA-Z0-9-_:;./<>{}]{0,256}$/;

/** The x-correlator pattern of each dialect's release (any header value where it sets none). */
export const correlatorPatterns: Readonly<Record<DialectId, RegExp>> = {
  'qod-1.2': R3_ONWARDS,
  'qod-1.1': R3_ONWARDS,
  'qod-1.0': R2,
  'qod-0.11': ANY_FIELD_VALUE,
  'qod-0.10': ANY_FIELD_VALUE,
  'qod-0.9': ANY_FIELD_VALUE,
  'qod-0.8': ANY_FIELD_VALUE,
  'qod-sdk': ANY_FIELD_VALUE,
};

/** Whether a header value is a valid x-correlator under the dialect (an absent one is). */
export function isValidCorrelator(value: string | readonly string[] | undefined, dialect: DialectId): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'string') return false;
  return correlatorPatterns[dialect].test(value);
}
