// The documentation is tested: every fenced code block of README.md, SECURITY.md, docs/ and
// examples/ (the Markdown the package ships) is checked against the code, one test per block, named
// and failing with the block's file:line.
//
//   ```ts / ```typescript   type-checks against the package's built declarations, as a user's module
//                           importing 'qod-policy' (test/docs/typecheck.ts)
//   ```js / ```javascript   parses (not type-checked: the blocks show Express, Fastify ...)
//   ```json                 parses; and with a directive, or on a rule page, is checked further (below)
//   ```sh / ```console      each line that runs `qod-policy` or `npx qod-policy` (`$ ` prompts allowed)
//                           runs, in a scratch folder holding the repository's fixtures/ (a copy),
//                           examples/ and configuration and the files of test/docs/sandbox/ (copies),
//                           and must exit with the status its comment states — `# exit 1` ... — or 0
//                           when it states none.
//                           `qod-policy serve` lines are not run (a server runs until stopped;
//                           test/cli/serve*.test.ts test it), nor `qod-policy probe` lines that
//                           send requests (they need an endpoint; test/probe/ tests them).
//
// On a rule page (docs/rules/<id>.md), a JSON block after "Examples of **incorrect** ..." is a body
// that the rule reports (and each of the rule's message ids named in the note after the block, as
// "(`reversedRange` at ...)", is among its findings); after "Examples of **correct** ..." a body the
// rule does not report and that has no error. They are validated with dialect 'auto' and the clock at
// 2026-01-01T00:00:00Z, as the fixtures are.
//
// Directives, HTML comments (invisible on GitHub and npm) on the lines right before a block:
//
//   <!-- doc-test: skip <why> -->             not checked; the test is listed as skipped, with why
//   <!-- doc-test: prelude <TypeScript> -->    compiled before a ts block: what it uses but does not
//                                              show, e.g. `declare const body: unknown;`
//   <!-- doc-test: file <path> -->             a ts block compiled as that file of the repository
//                                              (a template of src/rules/<id>.ts, with relative imports)
//   <!-- doc-test: report-of <file> -->        a json report: equal to `validate(<file's body>)` with
//                                              the library's defaults; a string "..." stands for any string
//   <!-- doc-test: config -->                  a json configuration: `qod-policy lint --config` loads it
//   <!-- doc-test: options <JSON> -->          a rule page's body: validated with these options too
//                                              (`context.now` a date-time string; `policy.resolveDevice`
//                                              an object: identifier value → device id;
//                                              `policy.qosProfiles` null: without the page's catalogue)
//   <!-- doc-test: catalogue -->               a rule page's json QoS-profile list: `policy.qosProfiles`
//                                              of the bodies after it on the page
//
// docs/documentation.md says the same for writers. A misspelt directive, or one not followed by a
// block, fails the run with its place.

import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules, validate, type ValidateOptions } from '../../src/index.js';
import { ensureBuilt, root } from '../cli/helpers.js';
import { documentationBlocks, type Block } from './markdown.js';
import { syntaxProblems, typecheck, type TsProblem } from './typecheck.js';

const blocks = documentationBlocks(root);
const where = (block: Block, line = block.line): string => `${block.file}:${line}`;
const directive = (block: Block, name: string): string | undefined => {
  const found = block.directives.filter((d) => d.name === name);
  return found.length === 0 ? undefined : found.map((d) => d.argument).join('\n');
};

const TS = new Set(['ts', 'typescript']);
const JS = new Set(['js', 'javascript', 'mjs']);
const SHELL = new Set(['sh', 'bash', 'shell', 'console']);
/** A command line that runs qod-policy (after an optional prompt, a pipe, `;` or `&&`). */
const RUNS_CLI = /(?:^|[|;&]\s*)(?:npx\s+)?qod-policy(?:\s|$)/;

// ---------------------------------------------------------------------------------------------
// TypeScript: one program for every block.

let tsProblems: Map<string, TsProblem[]>;
const tsName = (block: Block): string => `${block.file.replace(/[/\\]/g, '_')}-${block.line}`;

function describeProblems(block: Block, problems: readonly TsProblem[]): string {
  return problems.map((p) => `${where(block, block.firstCodeLine + p.line)}:${p.column} ${p.text}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Command lines: a scratch folder and a PATH where `qod-policy` and `npx qod-policy` are the built CLI.

let sandbox: string;
let shims: string;

function shell(line: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, PATH: `${shims}:${process.env.PATH ?? ''}`, NO_COLOR: '1' };
    execFile('sh', ['-c', line], { cwd: sandbox, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: typeof error?.code === 'number' ? error.code : error ? 127 : 0, stdout, stderr });
    });
  });
}

/** The command lines of a shell block, `\` continuations joined, with the line each starts on. */
function commandLines(block: Block): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = block.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i]!.replace(/^\s*\$\s+/, '');
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
    if (RUNS_CLI.test(text.replace(/#.*$/, ''))) out.push({ text, line: block.firstCodeLine + start });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON: parse with the place of the mistake; compare reports.

function parseJson(block: Block): unknown {
  try {
    return JSON.parse(block.code);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position === null ? block.firstCodeLine : block.firstCodeLine + block.code.slice(0, Number(position[1])).split('\n').length - 1;
    throw new Error(`${where(block, line)}: not JSON: ${(error as Error).message}`);
  }
}

/** Where `shown` differs from `actual`: "..." in `shown` matches any string; everything else exactly. */
function differences(shown: unknown, actual: unknown, path = ''): string[] {
  if (shown === '...' && typeof actual === 'string') return [];
  if (Array.isArray(shown) && Array.isArray(actual)) {
    if (shown.length !== actual.length) return [`${path || '/'}: ${shown.length} items shown, ${actual.length} produced`];
    return shown.flatMap((item, i) => differences(item, actual[i], `${path}/${i}`));
  }
  if (typeof shown === 'object' && shown !== null && typeof actual === 'object' && actual !== null && !Array.isArray(shown) && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(shown), ...Object.keys(actual)]);
    return [...keys].flatMap((key) => {
      const s = (shown as Record<string, unknown>)[key];
      const a = (actual as Record<string, unknown>)[key];
      if (s === undefined) return [`${path}/${key}: produced ${JSON.stringify(a)}, not shown`];
      if (a === undefined) return [`${path}/${key}: shown ${JSON.stringify(s)}, not produced`];
      return differences(s, a, `${path}/${key}`);
    });
  }
  return Object.is(shown, actual) ? [] : [`${path || '/'}: shown ${JSON.stringify(shown)}, produced ${JSON.stringify(actual)}`];
}

const NOW = '2026-01-01T00:00:00Z';

/** Options from a directive's JSON, with `context.now` a Date. */
function optionsOf(block: Block): ValidateOptions {
  const text = directive(block, 'options');
  if (text === undefined) return {};
  let options: ValidateOptions & { context?: { now?: unknown } };
  try {
    options = JSON.parse(text) as typeof options;
  } catch (error) {
    throw new Error(`${where(block, block.directives.find((d) => d.name === 'options')!.line)}: the options directive is not JSON: ${(error as Error).message}`);
  }
  if (typeof options.context?.now === 'string') options.context.now = new Date(options.context.now);
  const registry: unknown = options.policy?.resolveDevice;
  if (typeof registry === 'object' && registry !== null) {
    // A device registry in JSON: identifier value (an ipv4Address as its JSON text) → device id.
    const ids = registry as Record<string, string>;
    options.policy!.resolveDevice = (id) => ids[typeof id.value === 'string' ? id.value : JSON.stringify(id.value)];
  }
  return options as ValidateOptions;
}

/** For a rule page's bodies: which rule, which kind of example, and the catalogue in force. */
interface RuleExample {
  ruleId: string;
  kind: 'incorrect' | 'correct';
  catalogue: unknown[] | undefined;
}

const ruleExamples = new Map<Block, RuleExample>();
{
  let file = '';
  let catalogue: unknown[] | undefined;
  for (const block of blocks) {
    if (block.file !== file) [file, catalogue] = [block.file, undefined];
    const page = /^docs\/rules\/([a-z0-9-]+)\.md$/.exec(block.file);
    if (page === null || block.lang !== 'json' || directive(block, 'skip') !== undefined) continue;
    if (directive(block, 'catalogue') !== undefined) {
      const list = parseJson(block);
      if (!Array.isArray(list)) throw new Error(`${where(block)}: a catalogue is a JSON array of QoS profiles`);
      catalogue = list;
      continue;
    }
    const kind = [...block.before.matchAll(/^Examples? of (?:an? )?\*\*(incorrect|correct)\*\*/gm)].pop()?.[1] as RuleExample['kind'] | undefined;
    if (kind !== undefined) ruleExamples.set(block, { ruleId: page[1]!, kind, catalogue });
  }
}

function checkRuleExample(block: Block, example: RuleExample): void {
  const body = parseJson(block);
  const extra = optionsOf(block);
  const options: ValidateOptions = {
    dialect: 'auto',
    ...extra,
    policy: { ...(example.catalogue === undefined ? {} : { qosProfiles: example.catalogue as never }), ...extra.policy },
    context: { now: new Date(NOW), ...extra.context },
  };
  // `"qosProfiles": null` in an options directive: this body is judged without the page's catalogue.
  if (options.policy?.qosProfiles === null) delete options.policy.qosProfiles;
  const report = validate(body, options);
  const own = report.issues.filter((issue) => issue.ruleId === example.ruleId);
  const seen = report.issues.map((i) => `${i.severity} ${i.ruleId}/${i.messageId} at '${i.path}'`).join('; ') || 'no finding';
  if (example.kind === 'correct') {
    expect(own, `${where(block)}: a correct example that ${example.ruleId} reports (${seen})`).toEqual([]);
    expect(report.errorCount, `${where(block)}: a correct example with errors (${seen})`).toBe(0);
    return;
  }
  expect(own.length, `${where(block)}: an incorrect example that ${example.ruleId} does not report (${seen})`).toBeGreaterThan(0);
  const messages = rules[example.ruleId]!.meta.messages;
  const named = [...block.after.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map((m) => m[1]!).filter((id) => Object.hasOwn(messages, id));
  for (const messageId of named) {
    expect(own.map((i) => i.messageId), `${where(block)}: the note after the example names ${messageId} (${seen})`).toContain(messageId);
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(() => {
  ensureBuilt();
  const sources = blocks
    .filter((block) => TS.has(block.lang) && directive(block, 'skip') === undefined)
    .map((block) => ({ name: tsName(block), code: block.code, prelude: directive(block, 'prelude') ?? '', file: directive(block, 'file') }));
  tsProblems = typecheck(root, sources);

  sandbox = mkdtempSync(join(tmpdir(), 'qod-policy-doc-blocks-'));
  // fixtures/ is a copy: a documented `--write` (qod-policy migrate) changes the copy, never the repository's.
  cpSync(join(root, 'fixtures'), join(sandbox, 'fixtures'), { recursive: true });
  for (const name of ['examples', 'schemas', 'qod-policy.config.json']) symlinkSync(join(root, name), join(sandbox, name));
  cpSync(join(root, 'test', 'docs', 'sandbox'), sandbox, { recursive: true });
  shims = join(sandbox, '.bin');
  mkdirSync(shims);
  const cli = `exec "${process.execPath}" "${join(root, 'bin', 'qod-policy.js')}" "$@"`;
  writeFileSync(join(shims, 'qod-policy'), `#!/bin/sh\n${cli}\n`);
  writeFileSync(join(shims, 'npx'), `#!/bin/sh\nif [ "$1" = qod-policy ]; then shift; ${cli}; fi\necho "doc test: only 'npx qod-policy' runs here (got: npx $*)" >&2\nexit 127\n`);
  chmodSync(join(shims, 'qod-policy'), 0o755);
  chmodSync(join(shims, 'npx'), 0o755);
}, 300_000);

afterAll(() => {
  if (sandbox !== undefined) rmSync(sandbox, { recursive: true, force: true });
});

describe('documentation code blocks', { timeout: 60_000 }, () => {
  it('finds the blocks of README.md and docs/', () => {
    expect(blocks.filter((b) => b.file === 'README.md' && TS.has(b.lang)).length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.file.startsWith('docs/rules/') && b.lang === 'json').length).toBeGreaterThan(0);
  });

  for (const block of blocks) {
    const name = `${where(block)} ${block.lang || 'text'}`;
    const skip = directive(block, 'skip');
    if (skip !== undefined) {
      it.skip(`${name} — ${skip}`, () => {});
      continue;
    }
    if (TS.has(block.lang)) {
      it(`${name} type-checks`, () => {
        const problems = tsProblems.get(tsName(block)) ?? [];
        expect(problems, `${where(block)}: the block does not compile:\n${describeProblems(block, problems)}`).toEqual([]);
      });
    } else if (JS.has(block.lang)) {
      it(`${name} parses`, () => {
        const problems = syntaxProblems(block.code);
        expect(problems, `${where(block)}: not JavaScript:\n${describeProblems(block, problems)}`).toEqual([]);
      });
    } else if (block.lang === 'json') {
      const reportOf = directive(block, 'report-of');
      const example = ruleExamples.get(block);
      if (reportOf !== undefined) {
        it(`${name} is the report of ${reportOf}`, () => {
          const body = JSON.parse(readFileSync(join(root, reportOf), 'utf8')) as unknown;
          const actual = JSON.parse(JSON.stringify(validate(body))) as unknown;
          expect(differences(parseJson(block), actual), `${where(block)}: the report shown is not what validate() gives for ${reportOf}`).toEqual([]);
        });
      } else if (directive(block, 'config') !== undefined) {
        it(`${name} is a configuration the command line loads`, async () => {
          const config = `doc-config-${block.file.replace(/[/\\]/g, '_')}-${block.line}.json`;
          writeFileSync(join(sandbox, config), block.code);
          const result = await shell(`qod-policy lint --config ${config} requests/valid.json`);
          expect({ status: result.status === 2 ? 2 : 'not 2', stderr: result.stderr }, `${where(block)}: the configuration is refused`).toEqual({ status: 'not 2', stderr: '' });
        });
      } else if (example !== undefined) {
        it(`${name} is ${example.kind} for ${example.ruleId}`, () => checkRuleExample(block, example));
      } else {
        it(`${name} parses`, () => {
          parseJson(block);
        });
      }
    } else if (SHELL.has(block.lang)) {
      for (const command of commandLines(block)) {
        const label = `${block.file}:${command.line} ${command.text.replace(/\s+#.*$/, '')}`;
        if (/\bqod-policy\s+serve\b/.test(command.text)) {
          it.skip(`${label} — a server, runs until stopped (test/cli/serve.test.ts)`, () => {});
          continue;
        }
        if (/\bqod-policy\s+probe\b/.test(command.text) && !/\s--(list|write)\b/.test(command.text)) {
          it.skip(`${label} — needs a QoD endpoint to probe (test/probe/*.test.ts)`, () => {});
          continue;
        }
        const expected = Number(/#\s*exit (\d+)\b/.exec(command.text)?.[1] ?? 0);
        it(`${label} exits with ${expected}`, async () => {
          const result = await shell(command.text);
          expect(result.status, `${block.file}:${command.line}: '${command.text}' exited with ${result.status}, the documentation says ${expected}\nstdout:\n${result.stdout.slice(0, 2000)}\nstderr:\n${result.stderr.slice(0, 2000)}`).toBe(expected);
        });
      }
    }
  }
});
