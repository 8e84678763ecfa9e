// Rule options are checked against the rule's meta.schema by an interpreter (@cfworker/json-schema):
// messages name the option and what it may be; a rule's own defaultOptions must fit its schema.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, createValidator, defineRule, rules, type RuleDefinition, type ValidateOptions } from '../../src/index.js';

function pluginRule(schema: Record<string, unknown> | undefined, defaultOptions?: Record<string, unknown>): RuleDefinition {
  return defineRule({
    meta: { docs: { description: 'A test rule.' }, messages: { m: 'M.' }, status: 400, code: 'INVALID_ARGUMENT', ...(schema && { schema }), ...(defaultOptions && { defaultOptions }) },
    check() {},
  });
}

const sinkLike = {
  type: 'object',
  properties: {
    scheme: { enum: ['https', 'http'], description: 'Schemes allowed.' },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    hosts: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
    mode: { anyOf: [{ const: 'strict' }, { const: 'lenient' }] },
    retry: { type: 'object', properties: { times: { type: 'integer' } }, required: ['times'], additionalProperties: false },
    label: { type: 'string', pattern: '^[a-z]+$' },
    checksum: { type: 'string', format: 'uri' },
  },
  additionalProperties: false,
};

function messageOf(options: Record<string, unknown>, schema: Record<string, unknown> = sinkLike): string {
  const config: ValidateOptions = { plugins: [{ name: 'acme', rules: { r: pluginRule(schema) } }], rules: { 'acme/r': ['error', options] } };
  try {
    createValidator(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`createValidator accepted ${JSON.stringify(options)}`);
}

describe('rule options: messages', () => {
  it.each([
    [{ scheme: 'ftp' }, "Rule 'acme/r': option 'scheme' must be one of 'https', 'http' (got 'ftp')."],
    [{ scheme: 'htps' }, "Rule 'acme/r': option 'scheme' must be one of 'https', 'http' (got 'htps'); did you mean 'https'?"],
    [{ port: 0 }, "Rule 'acme/r': option 'port' must be at least 1 (got 0)."],
    [{ port: 70000 }, "Rule 'acme/r': option 'port' must be at most 65535 (got 70000)."],
    [{ port: '443' }, "Rule 'acme/r': option 'port' must be an integer (got '443')."],
    [{ hosts: [] }, "Rule 'acme/r': option 'hosts' must not be empty."],
    [{ hosts: ['a', ''] }, "Rule 'acme/r': option 'hosts[1]' must not be empty (got '')."],
    [{ hosts: ['a', 'a'] }, "Rule 'acme/r': option 'hosts' must not list the same item twice."],
    [{ mode: 'loose' }, "Rule 'acme/r': option 'mode' must be one of 'strict', 'lenient' (got 'loose')."],
    [{ retry: {} }, "Rule 'acme/r': option 'retry.times' is required."],
    [{ retry: { times: 1, tims: 2 } }, "Rule 'acme/r': unknown option 'retry.tims'; did you mean 'retry.times'?"],
    [{ label: 'A1' }, "Rule 'acme/r': option 'label' must match the pattern ^[a-z]+$ (got 'A1')."],
    [{ checksum: 'not a uri' }, "Rule 'acme/r': option 'checksum' must be an absolute URI (got 'not a uri')."],
    [{ shceme: 'https' }, "Rule 'acme/r': unknown option 'shceme'; did you mean 'scheme'?"],
    [{ colour: 'red' }, "Rule 'acme/r': unknown option 'colour' (known here: scheme, port, hosts, mode, retry, label, checksum)."],
    // A misspelt key is named first: it is usually why the rest is wrong.
    [{ port: 0, prot: 1 }, "Rule 'acme/r': unknown option 'prot'; did you mean 'port'?"],
  ])('%j', (options, message) => {
    expect(messageOf(options)).toBe(message);
  });

  it('follows local $refs to say what an option may be', () => {
    const schema = { type: 'object', $defs: { scheme: { enum: ['https', 'http'] } }, properties: { scheme: { $ref: '#/$defs/scheme' } }, additionalProperties: false };
    expect(messageOf({ scheme: 'ftp' }, schema)).toBe("Rule 'acme/r': option 'scheme' must be one of 'https', 'http' (got 'ftp').");
  });

  it('names the options as a whole when the schema is about them', () => {
    const schema = { type: 'object', minProperties: 1 };
    expect(messageOf({}, schema)).toBe("Rule 'acme/r': the options must not be empty.");
  });

  it('names the built-in rules\' allowed values', () => {
    expect(() => createValidator({ rules: { 'ip-address-scope': ['warn', { allow: ['private', 'publicish'] }] } })).toThrow(
      "Rule 'ip-address-scope': option 'allow[1]' must be one of 'private', 'loopback', 'linkLocal', 'multicast', 'unspecified', 'reserved' (got 'publicish').",
    );
    expect(() => createValidator({ rules: { 'phone-number': ['warn', { numberingPlan: 'no' }] } })).toThrow(
      "Rule 'phone-number': option 'numberingPlan' must be a boolean (got 'no').",
    );
  });

  it('accepts options that fit, merged over the defaults', () => {
    const rule = pluginRule(sinkLike, { scheme: 'https' });
    const { validate } = createValidator({ plugins: [{ name: 'acme', rules: { r: rule } }], rules: { 'acme/r': ['warn', { port: 443, hosts: ['a.example'], mode: 'strict', retry: { times: 2 } }] } });
    expect(validate({}).issues.some((issue) => issue.ruleId.startsWith('acme/'))).toBe(false);
  });

  it('works on a frozen schema, and leaves the rule\'s schema as it was', () => {
    const deepFreeze = (value: unknown): unknown => {
      if (typeof value === 'object' && value !== null) {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
      }
      return value;
    };
    const schema = deepFreeze(structuredClone({ ...sinkLike, $defs: { s: { type: 'string' } }, properties: { ...sinkLike.properties, alias: { $ref: '#/$defs/s' } } })) as Record<string, unknown>;
    const before = JSON.stringify(schema);
    expect(messageOf({ alias: 1 }, schema)).toBe("Rule 'acme/r': option 'alias' must be a string (got 1).");
    expect(Object.getOwnPropertyNames(schema.properties as object)).toEqual([...Object.keys(sinkLike.properties), 'alias']);
    expect(JSON.stringify(schema)).toBe(before);
  });
});

describe('rule options: the rule itself', () => {
  const configure = (rule: RuleDefinition) => () => createValidator({ plugins: [{ name: 'acme', rules: { r: rule } }] });

  it('rejects a plugin rule whose defaultOptions its schema rejects, when the validator is created', () => {
    expect(configure(pluginRule(sinkLike, { scheme: 'gopher' }))).toThrow(
      "Rule 'acme/r' has meta.defaultOptions that its meta.schema rejects: option 'scheme' must be one of 'https', 'http' (got 'gopher').",
    );
    expect(configure(pluginRule(sinkLike, { sheme: 'https' }))).toThrow(
      "Rule 'acme/r' has meta.defaultOptions that its meta.schema rejects: unknown option 'sheme'; did you mean 'scheme'?",
    );
    expect(configure(pluginRule(sinkLike, { scheme: 'https' }))).not.toThrow();
  });

  it('rejects an options schema that is not a JSON Schema object, or not JSON data', () => {
    expect(configure(pluginRule(['object'] as never))).toThrow("Rule 'acme/r': meta.schema must be a JSON Schema object describing the options object.");
    expect(configure(pluginRule({ type: 'object', properties: { x: { default: () => 1 } } }, {}))).toThrow("Rule 'acme/r' has an options schema (meta.schema) that is not JSON data.");
  });

  it('rejects an options schema whose $ref leads nowhere, naming the rule', () => {
    expect(() =>
      createValidator({ plugins: [{ name: 'acme', rules: { r: pluginRule({ type: 'object', properties: { a: { $ref: '#/$defs/missing' } } }) } }], rules: { 'acme/r': ['warn', { a: 1 }] } }),
    ).toThrow(/^Rule 'acme\/r' has an invalid options schema \(meta\.schema\): /);
  });
});

describe('built-in rules: option schemas', () => {
  const withOptions = Object.entries(rules).filter(([, rule]) => rule.meta.schema !== undefined || rule.meta.defaultOptions !== undefined);

  it('some built-in rules take options (else the checks below check nothing)', () => {
    expect(withOptions.map(([id]) => id)).toEqual(expect.arrayContaining(['ip-address-scope', 'phone-number']));
  });

  it.each(withOptions)('%s: a closed object schema, a description on every option, defaults for every option', (_id, rule) => {
    const schema = rule.meta.schema as { type?: unknown; additionalProperties?: unknown; properties?: Record<string, { description?: unknown }> };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    const properties = Object.entries(schema.properties ?? {});
    expect(properties.length).toBeGreaterThan(0);
    for (const [key, property] of properties) {
      expect(typeof property.description, key).toBe('string');
      expect((property.description as string).length, key).toBeGreaterThan(20);
    }
    expect(Object.keys(rule.meta.defaultOptions ?? {}).sort()).toEqual(properties.map(([key]) => key).sort());
  });

  it.each(withOptions)('%s: its defaultOptions fit its schema (the engine\'s check and ajv agree)', (id, rule) => {
    // The engine's own check, as for plugin rules...
    expect(() => createValidator({ rules: { [id]: ['warn', {}] } })).not.toThrow();
    expect(() => createValidator({ plugins: [{ name: 'copy', rules: { [id]: rule } }] })).not.toThrow();
    // ...and an independent validator, so that a gap in the interpreter cannot hide a bad default.
    const validate = new Ajv2020({ strict: true }).compile(rule.meta.schema!);
    expect(validate(rule.meta.defaultOptions), JSON.stringify(validate.errors)).toBe(true);
  });
});
