// Locks the package's public surface and the project's own promises: every rule registered,
// tested and documented; the README's rule table in step with the rules' meta.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const root = join(import.meta.dirname, '..');
const ruleFiles = readdirSync(join(root, 'src/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('package', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['ConfigError', 'createValidator', 'defineRule', 'dialectIds', 'rules', 'toErrorInfo', 'validate', 'validateAsync', 'validateJson'].sort(),
    );
    expect(api.dialectIds).toEqual(['qod-1.2', 'qod-sdk']);
  });

  it('declares an ESM package with types first, a bin, engines and shipped files', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('qod-policy');
    expect(pkg.type).toBe('module');
    expect(Object.keys(pkg.exports['.'])[0]).toBe('types');
    expect(pkg.bin['qod-policy']).toBeDefined();
    expect(existsSync(join(root, pkg.bin['qod-policy']))).toBe(true);
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'schemas']));
    for (const dep of ['ajv', 'ajv-formats', 'ipaddr.js', 'libphonenumber-js']) expect(pkg.dependencies[dep]).toBeDefined();
  });

  it('registers every rule file under its id, sorted, and nothing else', () => {
    const ids = Object.keys(api.rules);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual([...ruleFiles].sort());
  });

  it.each(ruleFiles)('rule %s has meta, a test file and a doc page', (id) => {
    const rule = api.rules[id]!;
    expect(rule.meta.docs.description.length).toBeGreaterThan(10);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(rule.meta.status).toBeGreaterThanOrEqual(400);
    expect(rule.meta.code).toMatch(/^[A-Z_.]+$/);
    expect(existsSync(join(root, 'test/rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
    const doc = readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    expect(doc).toContain('## Rule Details');
    expect(doc).toContain('## Options');
  });

  it('has a README rule table row for every rule with its description', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const [id, rule] of Object.entries(api.rules)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| [\`${id}\`]`));
      expect(row, `README row for ${id}`).toBeDefined();
      expect(row).toContain(rule.meta.docs.description);
    }
  });

  it('ships 2020-12 schemas with an $id for every dialect', () => {
    for (const id of api.dialectIds) {
      const schema = JSON.parse(readFileSync(join(root, 'schemas', `${id}.schema.json`), 'utf8'));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toMatch(new RegExp(`${id}\\.schema\\.json$`));
    }
  });
});
