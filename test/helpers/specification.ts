// Whether a body meets a dialect's API definition alone: the compiled schema also checks the
// keywords stricter than the definition ('x-beyond-spec'), whose errors the engine drops unless a
// rule owning them is on (src/schema/compiled-schema.ts).
import type { CompiledSchema } from '../../src/schema/compiled-schema.js';
import { specificationErrors } from '../../src/schema/compiled-schema.js';

export function specificationAccepts(compiled: CompiledSchema, body: unknown): boolean {
  return compiled.validate(body) || specificationErrors(compiled, compiled.validate.errors ?? []).length === 0;
}
