// What the engine needs to know about one dialect: its facts (data the rules read), how it spells
// the keys of the neutral model, its compiled schema, and how `auto` recognises it.

import type { KeyMap } from '../model/build-model.js';
import type { CompiledSchema } from '../schema/compiled-schema.js';
import type { DialectFacts } from '../types.js';

export interface Dialect {
  readonly facts: DialectFacts;
  readonly keys: KeyMap;
  readonly schema: CompiledSchema;
  /** Keys (top level, or inside the device object) that only this dialect uses; `auto` looks for them. */
  readonly signature?: { readonly top: readonly string[]; readonly device: readonly string[] };
}
