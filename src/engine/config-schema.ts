// The configuration's shape, checked against schemas/config.schema.json: the one schema of the
// library's ValidateOptions ($defs/options) and of the command line's configuration file (its
// root). It is compiled to standalone code at build time (scripts/compile-schemas.mjs), like the
// body schemas, so checking a configuration generates no code at run time.

import * as compiled from '../schema/compiled/config.js';
import type { SchemaError } from '../schema/compiled-schema.js';
import { describeProblems, namedPathText, pathText, type KeyPath, type Naming, type SchemaProblem } from './schema-messages.js';

/** An ajv error of a validator compiled with `verbose: true`. */
interface VerboseError extends SchemaError {
  schema: unknown;
  parentSchema?: Record<string, unknown>;
  data: unknown;
}

interface CompiledValidate {
  (data: unknown): boolean;
  errors?: VerboseError[] | null;
}

const validateOptionsShape = compiled.validateOptions as CompiledValidate;
const validateConfigFileShape = compiled.validateConfigFile as CompiledValidate;

/** The fields the schema declares for a QoS profile (the object itself stays open). */
export const qosProfileFields: readonly string[] = compiled.qosProfileFields as string[];

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment;
    });
}

function toProblem(error: VerboseError): SchemaProblem {
  return {
    keyword: error.keyword,
    path: parsePointer(error.instancePath),
    keywordValue: error.schema,
    schema: error.parentSchema,
    data: error.data,
    // Relative to the $defs entry the error is in (compiled with inlineRefs: false); enough, as the
    // configuration schema uses if/then/else rather than anyOf/oneOf, whose branches need telling apart.
    schemaLocation: error.schemaPath,
    fallback: error.message ?? 'is invalid',
  };
}

/** How configuration keys are named in messages: their path from the top, e.g. policy.duration.min. */
function configNaming(root: unknown, whole: string): Naming {
  return {
    subject: (path) => (path.length === 0 ? whole : namedPathText(path, root)),
    unknownKey(path: KeyPath, key, suggestion, known) {
      const subject = namedPathText([...path, key], root);
      if (suggestion !== undefined) return `${subject} is not an option; did you mean '${pathText([...path, suggestion])}'?`;
      return `${subject} is not an option (known here: ${known.join(', ')})`;
    },
  };
}

function check(validate: CompiledValidate, value: unknown, whole: string): string | undefined {
  if (validate(value)) return undefined;
  return describeProblems((validate.errors ?? []).map(toProblem), configNaming(value, whole)) ?? `${whole} cannot be used.`;
}

/** The first problem of ValidateOptions, as one sentence; undefined when its shape is right. */
export function checkOptionsShape(options: unknown): string | undefined {
  return check(validateOptionsShape, options, 'The options');
}

/** The first problem of a configuration file's content, as one sentence; undefined when its shape is right. */
export function checkConfigFileShape(config: unknown): string | undefined {
  return check(validateConfigFileShape, config, 'The configuration');
}
