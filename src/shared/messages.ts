// How messages name a field and quote a value. Shared by the schema's findings and the rules, so
// that every message reads alike; everything quoted from the body is escaped and shortened
// (./text.ts), since a message may reach an API consumer, a log or a terminal.

import { parsePointer } from './pointer.js';
import { escapeControl, quoteKey, shorten } from './text.js';

/** `device.ipv4Address.publicPort`, or 'the request body' for the root. */
export function fieldName(pointer: string): string {
  if (pointer === '') return 'the request body';
  return parsePointer(pointer)
    .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? quoteKey(segment) : `.${quoteKey(segment)}`))
    .join('');
}

/** A short, quoted rendering of a value for messages. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // Quotes and backslashes first: escaping them after the control characters would double the
  // backslash of every escape (\u0085 shown as \\u0085).
  if (typeof value === 'string') return `"${escapeControl(shorten(value, 64).replace(/["\\]/g, (c) => `\\${c}`))}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'an object';
}
