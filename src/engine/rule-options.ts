// Validates configured rule options against the rule's meta.schema. This compiles a small schema
// with ajv, so it runs only when options are configured (createValidator time), never per payload;
// a default configuration therefore needs no code generation at all. ajv's compiler is loaded on
// first use only: it costs tens of milliseconds of start-up that a default run never pays.

import { createRequire } from 'node:module';
import type { RuleDefinition, RuleOptions } from '../types.js';
import { ConfigError } from './config-error.js';

type AjvClass = typeof import('ajv/dist/2020.js').default;
type AjvInstance = InstanceType<AjvClass>;
type AjvValidate = ReturnType<AjvInstance['compile']>;

function loadAjv(): AjvInstance {
  const module = createRequire(import.meta.url)('ajv/dist/2020.js') as { default: AjvClass };
  return new module.default({ allErrors: true, strict: false });
}

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
    ajv ??= loadAjv();
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
