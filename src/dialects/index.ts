// The dialect registry and `auto` detection.

import type { DialectId } from '../types.js';
import type { Dialect } from './types.js';
import { qod12 } from './qod-1.2.js';
import { qod11 } from './qod-1.1.js';
import { qod10 } from './qod-1.0.js';
import { qod011 } from './qod-0.11.js';
import { qodSdk } from './qod-sdk.js';

/** Every dialect by id. The first entry is the default. */
export const dialects: Readonly<Record<DialectId, Dialect>> = {
  'qod-1.2': qod12,
  'qod-1.1': qod11,
  'qod-1.0': qod10,
  'qod-0.11': qod011,
  'qod-sdk': qodSdk,
};

export const defaultDialect: Dialect = qod12;

/** Dialects with distinguishing keys, checked in this order (newest first) before the default. */
const detectable: readonly Dialect[] = Object.values(dialects).filter((d) => d.signature !== undefined);

function hasAnyKey(value: unknown, keys: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(value, key)) return true;
  return false;
}

/** The dialect whose distinguishing keys the body has, else the default. */
export function detectDialect(body: unknown): Dialect {
  for (const dialect of detectable) {
    const signature = dialect.signature!;
    if (hasAnyKey(body, signature.top)) return dialect;
    const device = hasAnyKey(body, ['device']) ? (body as Record<string, unknown>).device : undefined;
    if (hasAnyKey(device, signature.device)) return dialect;
  }
  return defaultDialect;
}

/** The ids of every dialect, default first. */
export const dialectIds: readonly DialectId[] = Object.keys(dialects) as DialectId[];
