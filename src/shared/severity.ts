// Severities: what 'secondary' findings become (one level below the rule's configured severity).

import type { Severity } from '../types.js';

const LOWER: Readonly<Record<Severity, Severity>> = { error: 'warn', warn: 'info', info: 'info' };

/** One level below: error → warn, warn → info, info stays info. */
export function lowerSeverity(severity: Severity): Severity {
  return LOWER[severity];
}
