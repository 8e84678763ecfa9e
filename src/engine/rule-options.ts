// Validates configured rule options against the rule's meta.schema. This compiles a small schema
// with ajv, so it runs only when options are configured (createValidator time), never per payload;
// a default configuration therefore needs no code generation at all.

import Ajv2020Module from 'ajv/dist/2020.js';
import type { RuleDefinition, RuleOptions } from '../types.js';
import { ConfigError } from './config-error.js';

type AjvInstance = InstanceType<typeof import('ajv/dist/2020.js').default>;
type AjvValidate = ReturnType<AjvInstance['compile']>;

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof import('ajv/dist/2020.js').default;

let ajv: AjvInstance | undefined;
const cache = new WeakMap<RuleDefinition, AjvValidate>();

export function validateRuleOptions(id: string, rule: RuleDefinition, options: RuleOptions): void {
  const schema = rule.meta.schema;
  if (schema === undefined) {
    const extra = Object.keys(options).filter((key) => !(rule.meta.defaultOptions && key in rule.meta.defaultOptions));
    if (extra.length > 0) throw new ConfigError(`Rule '${id}' takes no option '${extra[0]}'.`);
    return;
  }
  let validate = cache.get(rule);
  if (validate === undefined) {
    ajv ??= new Ajv2020({ allErrors: true, strict: false });
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new ConfigError(`Rule '${id}' has an invalid options schema: ${(error as Error).message}`);
    }
    cache.set(rule, validate);
  }
  if (!validate(options)) {
    const problems = (validate.errors ?? []).map((e) => {
      const where = e.instancePath === '' ? 'options' : `option '${e.instancePath.slice(1).replace(/\//g, '.')}'`;
      if (e.keyword === 'additionalProperties') return `unknown option '${String(e.params.additionalProperty)}'`;
      return `${where} ${e.message ?? 'is invalid'}`;
    });
    throw new ConfigError(`Invalid options for rule '${id}': ${problems.join('; ')}.`);
  }
}
