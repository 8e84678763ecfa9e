// The package as a user gets it before it is published (README, "Install"): `npm pack` makes a
// tarball, a fresh consumer project installs it from the registry-free file (its dependencies come
// from the registry, or npm's cache), and then the command, an ES import, a CommonJS require and the
// TypeScript set-ups the README names all work from there.
//
// The tarball is packed from a copy of the sources as git holds them (test/packaging/pack.ts), with
// npm's real lifecycle: prepack builds dist/ there, so this test never rebuilds the dist/ that the
// other test files run in parallel, and it catches a file the build needs that git does not hold.
//
// One pack and one install serve every case (about 20 s of a 2-core machine, most of it the build).

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySources, run, type PackResult } from './pack.js';

const root = join(import.meta.dirname, '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const manifestBefore = readFileSync(join(root, 'package.json'), 'utf8');
const pkg = JSON.parse(manifestBefore) as { version: string; scripts: Record<string, string>; engines: { node: string } };

let work: string;
let sources: string;
let consumer: string;
let packed: PackResult;
let installOutput: string;
/** Paths in the tarball, relative to the package folder ('dist/index.js'). */
let files: Set<string>;
let installed: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qod-policy-packaging-'));
  sources = join(work, 'sources');
  copySources(root, sources);

  const pack = await run('npm', ['pack', '--json', '--pack-destination', work], sources);
  if (pack.status !== 0) throw new Error(`npm pack failed (exit ${pack.status}):\n${pack.stderr}\n${pack.stdout}`);
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as PackResult[])[0]!;
  files = new Set(packed.files.map((file) => file.path));

  consumer = join(work, 'consumer');
  mkdirSync(join(consumer, 'requests'), { recursive: true });
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  for (const [name, fixture] of [
    ['valid.json', 'fixtures/qod-1.2/valid/address-list.json'],
    ['port-range-reversed.json', 'fixtures/qod-1.2/invalid/port-range-reversed.json'],
  ] as const) {
    writeFileSync(join(consumer, 'requests', name), readFileSync(join(root, fixture)));
  }
  const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed.filename)], consumer);
  installOutput = `${install.stdout}${install.stderr}`;
  if (install.status !== 0) throw new Error(`npm install of the tarball failed (exit ${install.status}):\n${installOutput}`);
  installed = join(consumer, 'node_modules', 'qod-policy');
}, 300_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

/** Runs a script file in the consumer project with node. */
async function node(file: string, source: string): Promise<{ status: number; stdout: string; stderr: string }> {
  writeFileSync(join(consumer, file), source);
  return run(process.execPath, [file], consumer);
}

describe('npm pack', { timeout: 120_000 }, () => {
  it('packs the build, the documentation the command points at, LICENSE and README, and no sources', () => {
    for (const path of ['dist/index.js', 'dist/index.d.ts', 'dist/gateway/index.js', 'dist/cli/bundle/qod-policy.cjs', 'bin/package.json', 'bin/qod-policy.js', 'LICENSE', 'README.md', 'SECURITY.md', 'docs/cli.md', 'schemas/config.schema.json', 'package.json']) {
      expect(files.has(path), path).toBe(true);
    }
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
    expect([...files].filter((path) => /^(src|test|scripts|bench|fixtures|node_modules)\//.test(path))).toEqual([]);
    expect(packed.version).toBe(pkg.version);
  });

  it("leaves prepare out of the tarball's package.json, keeps it for git installs, and puts package.json back as it was", () => {
    const inTarball = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(inTarball.scripts?.prepare).toBeUndefined();
    // A git install has no dist/: npm runs prepare there, and it builds.
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.prepack).toMatch(/^npm run build && /);
    expect(readFileSync(join(sources, 'package.json'), 'utf8')).toBe(manifestBefore);
  });
});

describe('installed from the tarball', { timeout: 120_000 }, () => {
  it('installs without building and without a warning about install scripts', () => {
    expect(installOutput).not.toMatch(/prepare|install-scripts|npm warn|npm error/i);
    expect(existsSync(join(installed, 'dist', 'index.js'))).toBe(true);
    // Nothing there could have built it: no sources, no TypeScript.
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(consumer, 'node_modules', 'typescript'))).toBe(false);
  });

  it('npx qod-policy lint: exit 0 for a valid body, 1 with the finding for an invalid one', async () => {
    // The tarball has no code cache (it is for one Node.js): the first run writes it.
    const codeCache = join(installed, 'dist', 'cli', 'bundle', 'code-cache');
    expect([...files].filter((path) => path.includes('code-cache'))).toEqual([]);
    expect(existsSync(codeCache)).toBe(false);
    const valid = await run('npx', ['--no', 'qod-policy', 'lint', 'requests/valid.json'], consumer);
    expect(valid).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readdirSync(codeCache)).toEqual([expect.stringMatching(new RegExp(`^[0-9a-f]{16}-${process.version}-${process.arch}\\.bin$`))]);

    const invalid = await run('npx', ['--no', 'qod-policy', 'lint', 'requests/'], consumer);
    expect(invalid.stderr).toBe('');
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain('requests/port-range-reversed.json');
    expect(invalid.stdout).toMatch(/12:7 +error +Invalid port range specified: devicePorts\.ranges\[0\] runs from 5020 down to 5010.* port-ranges\n/);
    expect(invalid.stdout).toContain('1 problem (1 error, 0 warnings)');

    const json = await run('npx', ['--no', 'qod-policy', 'lint', 'requests/', '--format', 'json'], consumer);
    expect(json.status).toBe(1);
    const results = JSON.parse(json.stdout) as { filePath: string; valid: boolean; issues: { ruleId: string; messageId: string; path: string }[] }[];
    expect(results.map((r) => [r.filePath, r.valid, r.issues.map((i) => `${i.ruleId}/${i.messageId}@${i.path}`)])).toEqual([
      ['requests/port-range-reversed.json', false, ['port-ranges/reversedRange@/devicePorts/ranges/0']],
      ['requests/valid.json', true, []],
    ]);
  });

  it("answers --version with the package's version, and the help's documentation ships", async () => {
    // (`npx qod-policy --version` would be npx's own --version.)
    expect(await run(join(consumer, 'node_modules', '.bin', 'qod-policy'), ['--version'], consumer)).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await run('npx', ['--no', 'qod-policy', 'lint', '--help'], consumer);
    expect(help.status).toBe(0);
    const pages = [...help.stdout.matchAll(/\bdocs\/[\w/.-]+\.md\b/g)].map((m) => m[0]);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(files.has(page), page).toBe(true);
  });

  it("imports it from an ES module: the library and 'qod-policy/http'", async () => {
    const result = await node(
      'esm.mjs',
      `import { readFileSync } from 'node:fs';
import { createValidator, toErrorInfo } from 'qod-policy';
import { createHandler } from 'qod-policy/http';
const validator = createValidator({});
const body = JSON.parse(readFileSync('requests/port-range-reversed.json', 'utf8'));
const report = validator.validate(body);
const answer = await createHandler({})({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
console.log(JSON.stringify({ valid: report.valid, issues: report.issues.map((i) => i.messageId), error: toErrorInfo(report)?.code, status: answer.status }));
`,
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ valid: false, issues: ['reversedRange'], error: 'OUT_OF_RANGE', status: 400 });
  });

  it.runIf(requireEsm())('requires it from CommonJS (Node 20.19 and later load ES modules with require)', async () => {
    const result = await node(
      'cjs.cjs',
      `const { validate } = require('qod-policy');
const report = validate(JSON.parse(require('node:fs').readFileSync('requests/valid.json', 'utf8')));
console.log(JSON.stringify({ valid: report.valid, dialect: report.dialect }));
`,
    );
    expect(result).toEqual({ status: 0, stdout: `${JSON.stringify({ valid: true, dialect: 'qod-1.2' })}\n`, stderr: '' });
  });

  it("gives every rule a documentation url that names the rule's page in the tarball", async () => {
    const result = await node(
      'docs.mjs',
      `import { rules } from 'qod-policy';
console.log(JSON.stringify(Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, rule.meta.docs.url]))));
`,
    );
    expect(result.stderr).toBe('');
    const urls = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(urls).length).toBeGreaterThan(0);
    for (const [id, url] of Object.entries(urls)) {
      const path = relative(installed, fileURLToPath(url)).split('\\').join('/');
      expect(path, id).toBe(`docs/rules/${id}.md`);
      expect(files.has(path), path).toBe(true);
    }
  });

  it('resolves every relative link of the packed README and documentation to a file of the tarball', () => {
    const broken: string[] = [];
    for (const page of [...files].filter((path) => path.endsWith('.md'))) {
      const text = readFileSync(join(installed, page), 'utf8').replace(/^( *)(```|~~~)[^]*?^\1\2 *$/gm, '');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z][a-z0-9+.-]*:|^#/i.test(target)) continue;
        const path = posix.normalize(posix.join(posix.dirname(page), decodeURI(target.replace(/#.*$/, ''))));
        const found = files.has(path) || [...files].some((file) => file.startsWith(path.endsWith('/') ? path : `${path}/`));
        if (!found) broken.push(`${page}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('TypeScript consumers of the installed package (README, "TypeScript")', { timeout: 120_000 }, () => {
  const consumerSource = `import { createValidator, toErrorInfo, type Report } from 'qod-policy';
import { createHandler } from 'qod-policy/http';
const validator = createValidator({ policy: { qosProfiles: [{ name: 'QOS_E', status: 'ACTIVE' }] } });
const report: Report = validator.validate({ qosProfile: 'QOS_E', duration: 0 });
export const error: { status: number; code: string; message: string } | undefined = toErrorInfo(report);
export const handle = createHandler({});
`;
  const common = { target: 'es2022', strict: true, noEmit: true, skipLibCheck: false };
  // A Node project has @types/node (here the repository's); a worker or browser build has the DOM lib.
  const node = { ...common, lib: ['es2022'], types: ['node'], typeRoots: [join(root, 'node_modules', '@types')] };

  async function typecheck(name: string, file: string, compilerOptions: Record<string, unknown>): Promise<{ status: number; stdout: string }> {
    writeFileSync(join(consumer, file), consumerSource);
    writeFileSync(join(consumer, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [file] }, null, 2));
    const result = await run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], consumer);
    return { status: result.status, stdout: result.stdout };
  }

  it('compiles an ES module under module/moduleResolution NodeNext', async () => {
    expect(await typecheck('nodenext', 'consumer.ts', { ...node, module: 'nodenext', moduleResolution: 'nodenext' })).toEqual({ status: 0, stdout: '' });
  });

  it('compiles under moduleResolution bundler (a worker or browser build, no Node types)', async () => {
    const options = { ...common, lib: ['es2022', 'dom'], types: [], module: 'esnext', moduleResolution: 'bundler' };
    expect(await typecheck('bundler', 'consumer-bundler.ts', options)).toEqual({ status: 0, stdout: '' });
  });

  it('compiles a CommonJS file under module NodeNext (TypeScript 5.8 and later: require of an ES module)', async () => {
    expect(await typecheck('cjs-nodenext', 'consumer.cts', { ...node, module: 'nodenext' })).toEqual({ status: 0, stdout: '' });
  });

  it('reports TS1479 for a CommonJS file under module Node16, as the README says', async () => {
    const result = await typecheck('cjs-node16', 'consumer-node16.cts', { ...node, module: 'node16' });
    expect(result.status).not.toBe(0);
    const codes = [...result.stdout.matchAll(/error (TS\d+)/g)].map((m) => m[1]);
    expect(new Set(codes)).toEqual(new Set(['TS1479']));
  });
});

/** Whether this Node loads ES modules with require() without a flag (20.19+, 22.12+). */
function requireEsm(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);
}

