// The generated part of schemas/config.schema.json: an entry under $defs/rules for every built-in
// rule, with its description, default level and option schema (from the rule's meta), so that an
// editor completes rule ids and options in qod-policy.config.json. Used by
// scripts/update-config-schema.mjs (npm run build, from dist/) and by test/config-schema.test.ts
// (from src/, to fail when the committed schema is stale).

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rule's option schema with each option's default shown (editors display `default`). */
function optionsSchema(meta) {
  const defaults = isPlainObject(meta.defaultOptions) ? meta.defaultOptions : {};
  if (meta.schema === undefined) {
    // A rule without a schema takes no options (but those it declares defaults for).
    return { type: 'object', properties: Object.fromEntries(Object.keys(defaults).map((key) => [key, { default: defaults[key] }])), additionalProperties: false };
  }
  const schema = structuredClone(meta.schema);
  if (isPlainObject(schema.properties)) {
    for (const [key, value] of Object.entries(defaults)) {
      if (isPlainObject(schema.properties[key]) && !('default' in schema.properties[key])) schema.properties[key].default = value;
    }
  }
  return schema;
}

// A built-in rule's meta.docs.url is its page in the running copy of the package (a file: URL that
// differs per machine, src/shared/docs-url.ts); the schema ships in that package, so it names the page
// by its path there.
function ruleEntry(id, rule) {
  const { meta } = rule;
  const level = meta.defaultLevel ?? 'error';
  const url = meta.docs.url === undefined ? '' : ` Documentation: docs/rules/${id}.md in the qod-policy package.`;
  return {
    description: `${meta.docs.description} Default: ${level}.${url}`,
    default: level,
    if: { type: 'string' },
    then: { $ref: '#/$defs/level' },
    else: { type: 'array', prefixItems: [{ $ref: '#/$defs/level' }, optionsSchema(meta)], minItems: 1, maxItems: 2 },
  };
}

/**
 * `schema` with $defs/rules/properties (one entry per built-in rule, sorted by id) and
 * $defs/rules/propertyNames (a built-in id, or '<plugin>/<rule>') made from `rules`.
 */
export function withRuleEntries(schema, rules) {
  const ids = Object.keys(rules).sort();
  const out = structuredClone(schema);
  const { properties: _properties, propertyNames: _propertyNames, ...handWritten } = out.$defs.rules;
  out.$defs.rules = {
    ...handWritten,
    properties: Object.fromEntries(ids.map((id) => [id, ruleEntry(id, rules[id])])),
    propertyNames: { anyOf: [{ enum: ids }, { pattern: '^[^/]+/.+$' }] },
  };
  return out;
}

/** JSON with two-space indents, and on one line what fits in 100 columns (easier to read and edit). */
function format(value, indent = '', prefix = 0) {
  const inline = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']');
  if (typeof value !== 'object' || value === null || indent.length + prefix + inline.length <= 100) return inline;
  const inner = `${indent}  `;
  const lines = Array.isArray(value)
    ? value.map((item) => `${inner}${format(item, inner)}`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner, JSON.stringify(key).length + 2)}`);
  return Array.isArray(value) ? `[\n${lines.join(',\n')}\n${indent}]` : `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The file's text, as the build writes it. */
export function configSchemaText(schema, rules) {
  return `${format(withRuleEntries(schema, rules))}\n`;
}
