// The published configuration schema (schemas/config.schema.json, exported as
// qod-policy/config.schema.json): up to date with the rules' meta, a valid 2020-12 schema, true to
// what the command line accepts, and satisfied by every configuration the documentation shows.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchemaText } from '../scripts/config-schema-rules.mjs';
import { loadConfig } from '../src/cli/config.js';
import { dialectIds, rules } from '../src/index.js';

const root = join(import.meta.dirname, '..');
const schemaPath = join(root, 'schemas', 'config.schema.json');
const schemaText = readFileSync(schemaPath, 'utf8');
const schema = JSON.parse(schemaText) as { $defs: Record<string, Record<string, unknown>> };
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The published schema as an editor would apply it (strict 2020-12; x-message is the engine's annotation). */
function publishedValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'object' });
  return ajv.compile(schema);
}
const validatePublished = publishedValidator();

const temp = mkdtempSync(join(tmpdir(), 'qod-policy-config-schema-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** What the command line says about a qod-policy.config.json with this content: undefined when it accepts it. */
async function cliProblem(config: unknown): Promise<string | undefined> {
  const dir = mkdtempSync(join(temp, 'c-'));
  writeFileSync(join(dir, 'qod-policy.config.json'), JSON.stringify(config));
  try {
    await loadConfig({ cwd: dir, cli: {} });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const ROOT_KEYS = new Set(Object.keys((schema as unknown as { properties: object }).properties));

/** The JSON configurations shown in the documentation: objects made only of configuration keys. */
function documentedConfigs(): { where: string; config: Record<string, unknown> }[] {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const found: { where: string; config: Record<string, unknown> }[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(/```json\n([\s\S]*?)```/g)) {
      let value: unknown;
      try {
        value = JSON.parse(match[1]!);
      } catch {
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const keys = Object.keys(value);
      if (keys.length > 0 && keys.every((key) => ROOT_KEYS.has(key))) found.push({ where: `${file}: ${match[1]!.slice(0, 40).replace(/\s+/g, ' ')}`, config: value as Record<string, unknown> });
    }
  }
  return found;
}

/** Configuration files of the CLI scenarios that are meant to work (exit status 0 or 1). */
function scenarioConfigs(): { where: string; config: unknown }[] {
  const dir = join(root, 'test', 'cli', 'cases');
  // The repository's own configuration, which fixtures.scenario runs with.
  const found: { where: string; config: unknown }[] = [{ where: 'qod-policy.config.json', config: JSON.parse(readFileSync(join(root, 'qod-policy.config.json'), 'utf8')) }];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.scenario'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const status = /^====status====\n(\d+)/m.exec(text)?.[1];
    const named = /--config \{assets\}\/(\S+)/.exec(text)?.[1];
    for (const match of text.matchAll(/^====asset:([^=\n]*\.json)====\n([\s\S]*?)(?=^====)/gm)) {
      const isConfig = match[1]!.endsWith('qod-policy.config.json') || match[1] === named;
      if (status === '2' || !isConfig) continue;
      found.push({ where: `${file}: ${match[1]}`, config: JSON.parse(match[2]!) });
    }
  }
  return found;
}

describe('schemas/config.schema.json', () => {
  it('is up to date with the built-in rules (npm run build regenerates it)', () => {
    expect(configSchemaText(JSON.parse(schemaText), rules), 'schemas/config.schema.json is stale: run npm run build').toBe(schemaText);
  });

  it('is a 2020-12 schema that compiles in strict mode', () => {
    expect(schema.$defs).toBeDefined();
    expect((schema as unknown as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validatePublished).toBe('function');
  });

  it('lists every built-in rule with its description, default level and option schema', () => {
    const entries = schema.$defs.rules!.properties as Record<string, { description: string; default: string; else: { prefixItems: [unknown, { properties?: Record<string, { description?: string }> }] } }>;
    expect(Object.keys(entries)).toEqual(Object.keys(rules).sort());
    for (const [id, rule] of Object.entries(rules)) {
      const entry = entries[id]!;
      expect(entry.description).toContain(rule.meta.docs.description);
      expect(entry.default).toBe(rule.meta.defaultLevel ?? 'error');
      const options = entry.else.prefixItems[1];
      expect(Object.keys(options.properties ?? {})).toEqual(Object.keys((rule.meta.schema?.properties as object | undefined) ?? {}));
      for (const [key, property] of Object.entries(options.properties ?? {})) expect(property.description, `${id} ${key}`).toBeTruthy();
    }
  });

  it('knows every dialect', () => {
    expect(schema.$defs.dialect!.enum).toEqual(['auto', ...dialectIds]);
  });

  it('is exported by the package and shipped in it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
    expect(pkg.exports['./config.schema.json']).toBe('./schemas/config.schema.json');
    expect(pkg.files).toContain('schemas');
  });

  it('accepts every configuration the documentation shows', () => {
    const configs = documentedConfigs();
    expect(configs.map((c) => c.where.split(':')[0])).toEqual(expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/configuration.md']));
    for (const { where, config } of configs) expect(validatePublished(config), `${where}: ${JSON.stringify(validatePublished.errors)}`).toBe(true);
  });

  it('accepts the configuration files of the CLI scenarios that run', () => {
    const configs = scenarioConfigs();
    expect(configs.length).toBeGreaterThanOrEqual(8);
    for (const { where, config } of configs) expect(validatePublished(config), `${where}: ${JSON.stringify(validatePublished.errors)}`).toBe(true);
  });
});

describe('the published schema and the command line agree', () => {
  const accepted: [string, unknown][] = [
    ['nothing', {}],
    ['every key', {
      $schema: './node_modules/qod-policy/schemas/config.schema.json',
      dialect: 'qod-1.2',
      policy: {
        qosProfiles: [{ name: 'QOS_E', status: 'ACTIVE', minDuration: { value: 1, unit: 'Seconds' }, maxDuration: { value: 1, unit: 'Days' }, jitter: { value: 5, unit: 'Milliseconds' } }],
        supportedIdentifiers: ['phoneNumber', 'ipv4Address'],
        privateKeyJwtConfigured: false,
        duration: { min: 60, max: 86400 },
      },
      context: { tokenIdentifiesDevice: true, now: '2026-01-31T12:00:00Z' },
      rules: { 'port-ranges': 'warn', 'phone-number': ['error', { numberingPlan: false }], 'ip-address-scope': ['warn', { allow: ['private'], allowDocumentation: false }], sink: ['off'] },
      maxIssues: 10,
      overrides: [{ files: ['sdk/**'], dialect: 'qod-sdk', rules: { 'known-properties': 'error' }, policy: { privateKeyJwtConfigured: true }, context: { tokenIdentifiesDevice: false }, maxIssues: 5 }],
      ignores: ['drafts/'],
    }],
  ];
  const rejected: [string, unknown][] = [
    ['an unknown top-level key', { rule: {} }],
    ['a misspelt policy key', { policy: { qosProfile: [] } }],
    ['a misspelt context key', { context: { tokenIdentifiesDevic: true } }],
    ['a misspelt duration key', { policy: { duration: { mn: 1 } } }],
    ['a misspelt override key', { overrides: [{ files: ['a'], rule: {} }] }],
    ['an override without files', { overrides: [{ rules: {} }] }],
    ['plugins in an override', { overrides: [{ files: ['a'], plugins: [] }] }],
    ['empty ignores', { ignores: [] }],
    ['a blank glob', { ignores: [' '] }],
    ['an unknown built-in rule', { rules: { 'port-range': 'warn' } }],
    ['a bad severity', { rules: { sink: 'fatal' } }],
    ['a bad built-in option value', { rules: { 'phone-number': ['error', { numberingPlan: 'yes' }] } }],
    ['an unknown built-in option', { rules: { 'ip-address-scope': ['warn', { allowPrivate: true }] } }],
    ['an option of a rule without options', { rules: { 'port-ranges': ['warn', { nope: 1 }] } }],
    ['a bad dialect', { dialect: 'qod-12' }],
    ['a bad unit', { policy: { qosProfiles: [{ name: 'A', maxDuration: { value: 1, unit: 'Weeks' } }] } }],
    ['a bad date-time', { context: { now: 'yesterday' } }],
    ['maxIssues 0', { maxIssues: 0 }],
  ];

  it.each(accepted)('both accept %s', async (_what, config) => {
    expect(validatePublished(config), JSON.stringify(validatePublished.errors)).toBe(true);
    expect(await cliProblem(config)).toBeUndefined();
  });

  it.each(rejected)('both reject %s', async (_what, config) => {
    expect(validatePublished(config)).toBe(false);
    expect(await cliProblem(config)).toMatch(/^qod-policy\.config\.json: /);
  });

  // What only code can know, by design: the schema cannot see plugins, cannot compare two values,
  // and keeps QoS profiles open to fields of newer CAMARA releases.
  it.each([
    ['a plugin rule id (plugins live in .mjs configurations)', { rules: { 'acme/no-test-profiles': 'warn' } }],
    ['duration bounds the wrong way round', { policy: { duration: { min: 10, max: 5 } } }],
    ['a misspelt field of a QoS profile', { policy: { qosProfiles: [{ name: 'A', maxDurration: { value: 1, unit: 'Days' } }] } }],
  ])('only the command line rejects %s', async (_what, config) => {
    expect(validatePublished(config)).toBe(true);
    expect(await cliProblem(config)).toMatch(/^qod-policy\.config\.json: /);
  });
});
