// `qod-policy init` in real folders (the built binary): what it writes works as it says. The
// starter configuration is accepted by the published schema and by the command line, its $schema
// points at the package's schema, and a lint run right after it reports exactly the lines the
// invalid example marks. The scenarios (test/cli/cases/init*.scenario) pin the text it writes.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripJsonComments } from '../../src/cli/data-file.js';
import { dialectIds } from '../../src/index.js';
import { ensureBuilt, root, runCli } from './helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const temp = realpathSync(mkdtempSync(join(tmpdir(), 'qod-policy-init-')));

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

async function initIn(name: string): Promise<string> {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  const result = await runCli(['init'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return dir;
}

function starter(dir: string): { text: string; value: Record<string, unknown> } {
  const text = readFileSync(join(dir, 'qod-policy.config.jsonc'), 'utf8');
  return { text, value: JSON.parse(stripJsonComments(text, 'qod-policy.config.jsonc')) as Record<string, unknown> };
}

describe('qod-policy init', { timeout: 60_000 }, () => {
  it('writes a configuration the published schema accepts, naming every dialect', async () => {
    const dir = await initIn('schema');
    const { text, value } = starter(dir);
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
    addFormats(ajv);
    ajv.addKeyword({ keyword: 'x-message', schemaType: 'object' });
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'config.schema.json'), 'utf8')) as object);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    for (const id of dialectIds) expect(text).toContain(`"${id}"`);
    // Every commented-out example is valid too once uncommented (a starter must not teach a mistake).
    const uncommented = text.replace(/^(\s*)\/\/ ((?:"[\w$-]+": |\{ ").*)$/gm, '$1$2');
    expect(uncommented).not.toBe(text);
    const examples = JSON.parse(stripJsonComments(uncommented, 'uncommented')) as Record<string, unknown>;
    expect(Object.keys(examples)).toEqual(expect.arrayContaining(['ignores']));
    expect(Object.keys(examples.policy as object)).toEqual(['qosProfiles', 'duration']);
    expect(examples.overrides).toHaveLength(1);
    expect(validate(examples), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is followed by a lint run that reports exactly the lines the invalid example marks', async () => {
    const dir = await initIn('lint');
    const result = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const reports = JSON.parse(result.stdout) as { filePath: string; issues: { line: number; ruleId: string }[] }[];
    expect(reports.map((r) => r.filePath)).toEqual(['fixtures/create-session/invalid.yaml', 'fixtures/create-session/valid.json']);
    const invalid = readFileSync(join(dir, 'fixtures', 'create-session', 'invalid.yaml'), 'utf8').split('\n');
    const marked = invalid.flatMap((line, i) => (/^[^#].* # /.test(line) ? [i + 1] : []));
    expect(marked.length).toBe(2);
    expect(reports[0]!.issues.map((issue) => issue.line)).toEqual(marked);
    expect(reports[1]!.issues).toEqual([]);
  });

  it('points $schema at the schema in the nearest node_modules that holds the package', async () => {
    const workspace = join(temp, 'workspace');
    mkdirSync(join(workspace, 'node_modules'), { recursive: true });
    symlinkSync(root, join(workspace, 'node_modules', 'qod-policy'), 'dir');
    const dir = await initIn('workspace/packages/app');
    const schema = starter(dir).value.$schema as string;
    expect(schema).toBe('../../node_modules/qod-policy/schemas/config.schema.json');
    expect(readFileSync(resolve(dir, schema), 'utf8')).toBe(readFileSync(join(root, 'schemas', 'config.schema.json'), 'utf8'));
  });

  it("points $schema at ./node_modules when the package is not installed there yet", async () => {
    const dir = await initIn('bare');
    expect(starter(dir).value.$schema).toBe('./node_modules/qod-policy/schemas/config.schema.json');
  });
});
