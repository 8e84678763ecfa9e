// RFC 6901 JSON Pointers: the one path representation of the project.

/** Escapes one reference token ('~' → '~0', '/' → '~1'). */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/** Whether a reference token can name an array item: a canonical index ('0', '12'; not '01', '-', '+1'). */
export function isIndexSegment(segment: string): boolean {
  return INDEX.test(segment);
}

/** Unescapes one reference token ('~1' → '/', '~0' → '~'); a token without '~' is returned as it is. */
export function unescapePointerSegment(segment: string): string {
  return hasTilde(segment) ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** Splits a pointer into its unescaped reference tokens ('' → []). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  if (!hasTilde(pointer)) return segments;
  return segments.map(unescapePointerSegment);
}

/** The value at a path of property names and indexes, following own properties only; undefined when there is none. */
export function valueAtPath(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

// Pointers are short: a loop over char codes finds a '/' in a few nanoseconds, where a call of
// indexOf or lastIndexOf costs about 20 on V8 (startsWith, a faster builtin, beats a loop). These
// run several times for every issue a report lists.

/** The position of the first '/' at or after `from`, or the pointer's length when there is none. */
export function slashFrom(pointer: string, from: number): number {
  let i = from;
  while (i < pointer.length && pointer.charCodeAt(i) !== 47) i++;
  return i;
}

/** The position of the last '/', or -1 when there is none. */
export function lastSlash(pointer: string): number {
  let i = pointer.length - 1;
  while (i >= 0 && pointer.charCodeAt(i) !== 47) i--;
  return i;
}

/** Whether a pointer holds an escaped token ('~0', '~1'). */
function hasTilde(pointer: string): boolean {
  for (let i = 0; i < pointer.length; i++) if (pointer.charCodeAt(i) === 126) return true;
  return false;
}

/** Not an array index (see indexBetween). */
export const NOT_AN_INDEX = -1;

/**
 * The array index a pointer writes between start and end, read in place; NOT_AN_INDEX when it is
 * not a canonical one ('01', '-', '', more than 15 digits).
 */
export function indexBetween(pointer: string, start: number, end: number): number {
  if (end === start || end - start > 15 || (pointer.charCodeAt(start) === 48 && end - start > 1)) return NOT_AN_INDEX;
  let index = 0;
  for (let i = start; i < end; i++) {
    const digit = pointer.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NOT_AN_INDEX;
    index = index * 10 + digit;
  }
  return index;
}

/** The value a JSON Pointer names, following own properties only; undefined when there is none. */
export function valueAt(root: unknown, pointer: string): unknown {
  // Escaped tokens are rare: those pointers take the general path.
  if (hasTilde(pointer)) return valueAtPath(root, parsePointer(pointer));
  // The common case walks the pointer in place: array items by number, without a string key.
  let node = root;
  for (let start = 1; start <= pointer.length; ) {
    const end = slashFrom(pointer, start);
    if (typeof node !== 'object' || node === null) return undefined;
    if (Array.isArray(node)) {
      const index = indexBetween(pointer, start, end);
      if (index === NOT_AN_INDEX || !Object.prototype.hasOwnProperty.call(node, index)) return undefined;
      node = node[index];
    } else {
      const key = pointer.slice(start, end);
      if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    start = end + 1;
  }
  return node;
}
