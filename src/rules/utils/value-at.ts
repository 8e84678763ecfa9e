// The raw value at a JSON Pointer of the body, for the rare checks the typed model cannot answer
// (is a key absent, or present with a value of the wrong type?). Never throws.

import { parsePointer } from '../../shared/pointer.js';

/** The value at `pointer` in `body`, following own properties only; undefined when there is none. */
export function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const segment of parsePointer(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Whether `object` is missing `key` the way JSON Schema `required` sees it (absent, or undefined). */
export function isMissing(object: unknown, key: string): boolean {
  if (typeof object !== 'object' || object === null) return true;
  return !Object.prototype.hasOwnProperty.call(object, key) || (object as Record<string, unknown>)[key] === undefined;
}
