// The command line's configuration file is checked against the library's schema: a misspelt key at
// any level, in the file or in an override, is one line naming the file, the key's path and the key
// that was probably meant. In-process (loadConfig) for the table; scenarios run the binary.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigResolver, loadConfig } from '../../src/cli/config.js';
import { stripJsonComments } from '../../src/cli/data-file.js';
import { CliError } from '../../src/cli/errors.js';
import { loadQosProfiles } from '../../src/cli/qos-profiles.js';

const temp = mkdtempSync(join(tmpdir(), 'qod-policy-cli-config-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function messageOf(file: string, content: string): Promise<string> {
  const dir = mkdtempSync(join(temp, 'c-'));
  writeFileSync(join(dir, file), content);
  try {
    await loadConfig({ cwd: dir, cli: {} });
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${content}`);
}

const json = (config: unknown) => messageOf('qod-policy.config.json', JSON.stringify(config));

describe('qod-policy.config.json: misspelt keys at every level', () => {
  it.each([
    [{ rulez: {} }, "rulez is not an option; did you mean 'rules'?"],
    [{ ignore: ['drafts/'] }, "ignore is not an option; did you mean 'ignores'?"],
    [{ override: [] }, "override is not an option; did you mean 'overrides'?"],
    [{ $shema: './node_modules/qod-policy/schemas/config.schema.json' }, "$shema is not an option; did you mean '$schema'?"],
    [{ policy: { qosProfile: [] } }, "policy.qosProfile is not an option; did you mean 'policy.qosProfiles'?"],
    [{ policy: { duration: { mx: 5 } } }, "policy.duration.mx is not an option; did you mean 'policy.duration.max'?"],
    [{ policy: { qosProfiles: [{ name: 'QOS_E', maxDuration: { value: 1, unti: 'Days' } }] } }, "policy.qosProfiles[0] ('QOS_E').maxDuration.unti is not an option; did you mean 'policy.qosProfiles[0].maxDuration.unit'?"],
    [{ policy: { qosProfiles: [{ name: 'QOS_E', minDurration: { value: 1, unit: 'Days' } }] } }, "policy.qosProfiles[0] ('QOS_E').minDurration is not a QoS-profile field; did you mean 'minDuration'?"],
    [{ context: { tokenIdentifiesDevic: true } }, "context.tokenIdentifiesDevic is not an option; did you mean 'context.tokenIdentifiesDevice'?"],
    [{ rules: { 'port-range': 'warn' } }, "Unknown rule 'port-range' in configuration; did you mean 'port-ranges'?"],
    [{ rules: { 'phone-number': ['error', { numberingPlans: false }] } }, "Rule 'phone-number': unknown option 'numberingPlans'; did you mean 'numberingPlan'?"],
    [{ overrides: [{ file: ['legacy/**'] }] }, "overrides[0].file is not an option; did you mean 'overrides[0].files'?"],
    [{ overrides: [{ files: ['a'] }, { files: ['b'], rule: {} }] }, "overrides[1].rule is not an option; did you mean 'overrides[1].rules'?"],
    [{ overrides: [{ files: ['a'], policy: { qosProfile: [] } }] }, "overrides[0].policy.qosProfile is not an option; did you mean 'overrides[0].policy.qosProfiles'?"],
    [{ overrides: [{ files: ['a'], context: { nw: '2026-01-01T00:00:00Z' } }] }, "overrides[0].context.nw is not an option; did you mean 'overrides[0].context.now'?"],
    [{ overrides: [{ files: ['a'], rules: { 'sink-credentials': 'off' } }] }, "overrides[0]: Unknown rule 'sink-credentials' in configuration; did you mean 'sink-credential'?"],
  ])('%j', async (config, message) => {
    expect(await json(config)).toBe(`qod-policy.config.json: ${message}`);
  });
});

describe('qod-policy.config.json: values', () => {
  it.each([
    [[], 'The configuration must be an object (got an array).'],
    [{ overrides: [{ rules: {} }] }, 'overrides[0].files is required.'],
    [{ overrides: [{ files: [] }] }, 'overrides[0].files must not be empty.'],
    [{ ignores: ['drafts/', ' '] }, "ignores[1] must not be blank (got ' ')."],
    [{ ignores: 'drafts/' }, "ignores must be a non-empty array of glob strings (got 'drafts/')."],
    [{ rules: { sink: 'fatal' } }, "rules.sink must be one of 'off', 'info', 'warn', 'error' (got 'fatal')."],
    [{ context: { now: 'yesterday' } }, "context.now must be a date-time such as 2026-01-31T12:00:00Z (got 'yesterday')."],
    [{ context: { now: 5 } }, 'context.now must be a date-time string such as 2026-01-31T12:00:00Z (got 5).'],
    [{ overrides: [{ files: ['a'], context: { now: true } }] }, 'overrides[0].context.now must be a date-time string such as 2026-01-31T12:00:00Z (got true).'],
    [{ policy: { resolveDevice: 'registry' } }, "policy.resolveDevice must be a function (got 'registry')."],
    [{ plugins: [] }, 'plugins need a JavaScript configuration (qod-policy.config.js, .mjs or .cjs).'],
    [{ policy: { duration: { min: 10, max: 5 } } }, 'policy.duration.min (10) is greater than policy.duration.max (5).'],
    [{ files: [] }, 'files must not be empty.'],
    [{ files: 'fixtures/**' }, "files must be a non-empty array of glob strings (got 'fixtures/**')."],
    [{ file: ['fixtures/**'] }, "file is not an option; did you mean 'files'?"],
  ])('%j', async (config, message) => {
    expect(await json(config)).toBe(`qod-policy.config.json: ${message}`);
  });

  it('turns context.now into a Date for the library', async () => {
    const dir = mkdtempSync(join(temp, 'now-'));
    writeFileSync(join(dir, 'qod-policy.config.json'), JSON.stringify({ context: { now: '2026-01-31T12:00:00Z' }, overrides: [{ files: ['a'], context: { now: '2027-01-01T00:00:00Z' } }] }));
    const config = await loadConfig({ cwd: dir, cli: {} });
    expect(config.options.context?.now).toEqual(new Date('2026-01-31T12:00:00Z'));
  });
});

describe('qod-policy.config.mjs', () => {
  const plugin = `{
    name: 'acme',
    rules: {
      scheme: {
        meta: {
          docs: { description: 'Sink scheme.' },
          messages: { m: 'M.' },
          schema: { type: 'object', properties: { scheme: { enum: ['https', 'http'] } }, additionalProperties: false },
          defaultOptions: { scheme: 'https' },
          status: 400,
          code: 'INVALID_SINK',
        },
        check() {},
      },
    },
  }`;
  const mjs = (body: string) => messageOf('qod-policy.config.mjs', `export default ${body};\n`);

  it('names the plugin rule and the option', async () => {
    expect(await mjs(`{ plugins: [${plugin}], rules: { 'acme/scheme': ['error', { scheme: 'ftp' }] } }`)).toBe(
      "qod-policy.config.mjs: Rule 'acme/scheme': option 'scheme' must be one of 'https', 'http' (got 'ftp').",
    );
  });

  it('finds a misspelt key of a plugin', async () => {
    expect(await mjs(`{ plugins: [{ name: 'acme', rule: {} }] }`)).toBe("qod-policy.config.mjs: plugins[0] ('acme').rule is not an option; did you mean 'plugins[0].rules'?");
  });

  it('accepts a Date for context.now, and functions where the library takes them', async () => {
    const dir = mkdtempSync(join(temp, 'mjs-'));
    writeFileSync(join(dir, 'qod-policy.config.mjs'), `export default { context: { now: new Date('2026-01-31T12:00:00Z') }, policy: { resolveDevice: () => undefined }, plugins: [${plugin}], rules: { 'acme/scheme': ['warn', { scheme: 'http' }] } };\n`);
    const config = await loadConfig({ cwd: dir, cli: {} });
    expect(config.options.context?.now).toEqual(new Date('2026-01-31T12:00:00Z'));
    expect(typeof config.options.policy?.resolveDevice).toBe('function');
  });
});

describe('--qos-profiles', () => {
  it('finds a misspelt field of a profile in a catalogue', () => {
    const file = join(mkdtempSync(join(temp, 'q-')), 'catalogue.json');
    writeFileSync(file, JSON.stringify([{ name: 'QOS_E', status: 'ACTIVE', maxDurration: { value: 1, unit: 'Hours' }, description: 'kept' }]));
    expect(() => loadQosProfiles(file, temp)).toThrow(`${file}: profile [0] ('QOS_E').maxDurration is not a QoS-profile field; did you mean 'maxDuration'?`);
  });
});

describe('.jsonc: JSON with comments', () => {
  it.each([
    ['{ "a": 1 } // end', '{ "a": 1 }       '],
    ['/* a\n b */{"a": "//not a comment", "b": "/*nor this*/"}', '    \n     {"a": "//not a comment", "b": "/*nor this*/"}'],
    ['{"a": "quote \\" // still a string", "b": 2}', '{"a": "quote \\" // still a string", "b": 2}'],
    ['[1, 2, ]', '[1, 2  ]'],
    ['{"a": [1,], "b": {"c": 1,},}', '{"a": [1 ], "b": {"c": 1 } }'],
    ['[1, // the last\r\n]', '[1             \r\n]'],
    ['[1, /* c */ ]', '[1          ]'],
    ['{"a": ","}', '{"a": ","}'],
  ])('%j', (text, json) => {
    const stripped = stripJsonComments(text, 'c.jsonc');
    expect(stripped).toBe(json);
    expect(stripped.length).toBe(text.length);
    expect(() => JSON.parse(stripped)).not.toThrow();
  });

  it('names the place of a comment that is not closed', () => {
    expect(() => stripJsonComments('{\n  "a": 1 /* open\n}', 'c.jsonc')).toThrow('c.jsonc:2:10: this /* comment is not closed.');
  });
});

describe('configuration lookup from each folder', () => {
  it('finds the nearest file from a folder upward, loads each file once, and uses none above them all', async () => {
    const top = mkdtempSync(join(temp, 'lookup-'));
    mkdirSync(join(top, 'a', 'deep'), { recursive: true });
    mkdirSync(join(top, 'b'), { recursive: true });
    writeFileSync(join(top, 'a', 'qod-policy.config.cjs'), "module.exports = { dialect: 'qod-1.0' };\n");
    writeFileSync(join(top, 'b', 'qod-policy.config.jsonc'), '{ "dialect": "qod-0.11", } // b\n');
    const resolver = new ConfigResolver({ cwd: top, cli: {} });
    const a = await resolver.forDirectory(join(top, 'a', 'deep'));
    expect(a.options.dialect).toBe('qod-1.0');
    expect(a.name).toBe('a/qod-policy.config.cjs');
    expect(await resolver.forDirectory(join(top, 'a'))).toBe(a);
    expect((await resolver.forDirectory(join(top, 'b'))).options.dialect).toBe('qod-0.11');
    expect((await resolver.used()).map((config) => config.name).sort()).toEqual(['a/qod-policy.config.cjs', 'b/qod-policy.config.jsonc']);
  });

  it('selects by DEFAULT_FILES, or by the configuration\'s own files, relative to its folder', async () => {
    const top = mkdtempSync(join(temp, 'files-'));
    const none = await new ConfigResolver({ cwd: top, noLookup: true, cli: {} }).forDirectory(top);
    for (const [path, selected] of [['fixtures/a.json', true], ['test/fixtures/x/a.yaml', true], ['tests/fixtures/a.json', true], ['deep/er/a.qod.yml', true], ['requests/a.json', false], ['test/unit/fixtures/a.json', false]] as const) {
      expect(none.selects(join(top, path)), path).toBe(selected);
    }
    writeFileSync(join(top, 'qod-policy.config.json'), '{ "files": ["requests/**"] }');
    const own = await new ConfigResolver({ cwd: join(top, 'requests'), cli: {} }).forDirectory(join(top, 'requests'));
    expect(own.selects(join(top, 'requests', 'a.json'))).toBe(true);
    expect(own.selects(join(top, 'fixtures', 'a.json'))).toBe(false);
  });
});
