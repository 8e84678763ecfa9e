// Telling JSON objects apart from everything else that typeof calls 'object'.

/** A non-null object that is not an array (a JSON object, as far as its shape goes). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
