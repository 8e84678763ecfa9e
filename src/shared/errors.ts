// Describing a thrown value for a message. Whatever was thrown (an Error, a null-prototype object,
// an object whose `message` getter or `toString` throws, a Proxy), this never throws itself.

import { escapeControl, shorten } from './text.js';

/** A short, printable description of a thrown value. */
export function describeThrown(thrown: unknown): string {
  try {
    if (typeof thrown === 'string') return short(thrown);
    if (typeof thrown === 'object' && thrown !== null) {
      const message = (thrown as { message?: unknown }).message;
      if (typeof message === 'string') return short(message);
      return 'a value that is not an Error';
    }
    return short(String(thrown));
  } catch {
    return 'a value that cannot be described';
  }
}

function short(text: string): string {
  // Control characters would let a message forge lines in a log.
  return shorten(escapeControl(shorten(text, 200)), 200);
}
