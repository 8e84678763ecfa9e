// Locks the package's public surface and the project's own promises: every rule registered,
// tested and documented; the README's rule table in step with the rules' meta.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readmeRuleRows, withRuleTable } from '../scripts/update-readme-rules.mjs';
import { ruleRows, rulesMarkdown } from '../src/cli/rules.js';
import * as api from '../src/index.js';
import { RULE_DOCS_BASE } from '../src/shared/docs-url.js';

const root = join(import.meta.dirname, '..');

/** Base names of the files directly in a folder that end with the suffix, sorted. */
function stems(folder: string, suffix: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => entry.name.slice(0, -suffix.length))
    .sort();
}

function isRule(value: unknown): boolean {
  const rule = value as { meta?: { docs?: unknown; messages?: unknown }; check?: unknown } | null;
  return typeof rule?.check === 'function' && typeof rule.meta?.docs === 'object' && typeof rule.meta.messages === 'object';
}

// The rules as the modules themselves say, not as the registry generator reads them: every module
// directly in src/rules/ whose default export is a rule (the registry, index.ts, is generated).
const ruleFiles: string[] = [];
for (const stem of stems('src/rules', '.ts')) {
  if (stem === 'index' || stem.endsWith('.d')) continue;
  const module = (await import(pathToFileURL(join(root, 'src/rules', `${stem}.ts`)).href)) as { default?: unknown };
  if (isRule(module.default)) ruleFiles.push(stem);
}

describe('package', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['ConfigError', 'createValidator', 'defineRule', 'dialectIds', 'migrate', 'rules', 'toErrorInfo', 'validate', 'validateAsync', 'validateJson'].sort(),
    );
    expect(api.dialectIds).toEqual(['qod-1.2', 'qod-1.1', 'qod-1.0', 'qod-0.11', 'qod-0.10', 'qod-0.9', 'qod-0.8', 'qod-sdk']);
  });

  it('exports exactly the HTTP API from qod-policy/http', async () => {
    const http = await import('../src/gateway/index.js');
    expect(Object.keys(http).sort()).toEqual(['DEFAULT_MAX_BODY_BYTES', 'REPORT_HEADER', 'TOKEN_HEADER', 'createHandler']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./http']).toEqual({ types: './dist/gateway/index.d.ts', default: './dist/gateway/index.js' });
  });

  it('exports the Express middleware and the Fastify plugin; both frameworks are optional peers, never dependencies', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const modules: Record<string, object> = { express: await import('../src/gateway/express.js'), fastify: await import('../src/gateway/fastify.js') };
    for (const framework of ['express', 'fastify']) {
      expect(Object.keys(modules[framework]!), framework).toEqual(['qodPolicy']);
      expect(pkg.exports[`./${framework}`]).toEqual({ types: `./dist/gateway/${framework}.d.ts`, default: `./dist/gateway/${framework}.js` });
      expect(pkg.dependencies[framework]).toBeUndefined();
      expect(pkg.peerDependencies[framework]).toBeDefined();
      expect(pkg.peerDependenciesMeta[framework]).toEqual({ optional: true });
    }
  });

  it('declares an ESM package with types first, a bin, engines and shipped files', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('qod-policy');
    expect(pkg.type).toBe('module');
    expect(Object.keys(pkg.exports['.'])[0]).toBe('types');
    expect(pkg.bin['qod-policy']).toBeDefined();
    expect(existsSync(join(root, pkg.bin['qod-policy']))).toBe(true);
    // ESM only; require('qod-policy') needs require(esm), unflagged from Node 20.19 and 22.12 (README, Install).
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'schemas', 'bin', 'docs']));
    expect(existsSync(join(root, 'LICENSE'))).toBe(true);
    for (const dep of ['ajv', 'ajv-formats', 'ipaddr.js', 'libphonenumber-js']) expect(pkg.dependencies[dep]).toBeDefined();
  });

  it('registers every rule file under its id, sorted, and nothing else', () => {
    const ids = Object.keys(api.rules);
    expect(ids).toEqual([...ids].sort());
    expect(ids, 'src/rules/index.ts is generated: npm test or npm run build regenerates it').toEqual(ruleFiles);
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it('has no doc page and no rule test without a rule', () => {
    // test/rules/utils-<name>.test.ts test the helpers in src/rules/utils/; every other test file
    // and every page in docs/rules/ is named after a rule.
    const ruleTests = stems('test/rules', '.test.ts').filter((stem) => !stem.startsWith('utils-'));
    expect(ruleTests).toEqual(ruleFiles);
    expect(stems('docs/rules', '.md')).toEqual(ruleFiles);
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

  it('has a README rule table row for every rule with its description and documentation link', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const [id, rule] of Object.entries(api.rules)) {
      // The README ships in the package: it links the page by its path there (meta.docs.url is the
      // page in the running copy, a file: URL).
      expect(rule.meta.docs.url, id).toBe(pathToFileURL(join(root, 'docs/rules', `${id}.md`)).href);
      const row = readme.split('\n').find((line) => line.startsWith(`| [\`${id}\`](docs/rules/${id}.md)`));
      expect(row, `README row for ${id}`).toBeDefined();
      expect(row).toContain(rule.meta.docs.description);
    }
  });

  it('has the README rule table that npm run build writes (scripts/update-readme-rules.mjs)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = rulesMarkdown(readmeRuleRows(ruleRows(), RULE_DOCS_BASE));
    expect(withRuleTable(readme, table), "README.md's rule table is stale: run npm run build").toBe(readme);
  });

  it('ships 2020-12 schemas with an $id for every dialect', () => {
    for (const id of api.dialectIds) {
      const schema = JSON.parse(readFileSync(join(root, 'schemas', `${id}.schema.json`), 'utf8'));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toMatch(new RegExp(`${id}\\.schema\\.json$`));
    }
  });
});
