// Golden tests of the command line, in the manner of Spectral's test-harness scenarios: each file
// in test/cli/cases/*.scenario runs the BUILT binary (bin/qod-policy.js) as a subprocess and
// compares the exit status, stdout and stderr (empty unless the scenario has a stderr section).
//
// Sections (`====name====` on a line of its own):
//   test            one sentence: what the scenario shows
//   command         `qod-policy <args>`; single or double quotes group words; {assets} is the
//                   scenario's temporary folder
//   cwd             working directory: {root} (the default: the repository) or {assets}/...
//   env             KEY=VALUE lines (the run starts without NO_COLOR, FORCE_COLOR, CI, TERM)
//   stdin           text piped to the process (default: nothing)
//   asset:<path>    a file written to {assets}/<path> before the run
//   status          the expected exit status
//   stdout, stderr  the expected output; '\e' stands for the escape character, {root} and
//                   {assets} for those folders, {version} for the package version
//   output:<path>   a file the run must have written to {assets}/<path>, with this content
//
// In asset, stdout, stderr and output sections, {CR} stands for a carriage return and {BOM} for a
// byte order mark (U+FEFF), so that CRLF files and BOMs are visible and survive editors: a CRLF
// line is written `...{CR}` and ends with the section's line feed.
//
// Output that lists every built-in rule names the rule registry instead of holding a copy of it, so
// that adding a rule changes no scenario. In stdout, stderr and output sections:
//   {registry:rule-ids}     the rule ids, comma-separated
//   {registry:rules-text}   `qod-policy rules` of the registry; {registry:rules-json} its --format json
//   {registry:sarif-rules}  SARIF tool.driver.rules entries of the registry's rules
//   {registry:index:<id>}   a rule's position in the registry (SARIF ruleIndex)
//   {registry:count}        the number of rules (the SARIF ruleIndex of the first other rule id;
//                           {registry:count+1} the next)
// Each is rendered from src/ by the code the command runs (src/cli/rules.ts, the sarif formatter),
// whose layout test/cli/rules.test.ts and test/formatters/sarif.test.ts pin on made-up rules;
// here the built binary must print the same. A placeholder alone on its line indents every line of
// a view to its own column; what follows it on the line follows the view's last line.
// After a deliberate change of output: UPDATE_GOLDEN=1 npx vitest run test/cli (then review the diff;
// the placeholders are kept where the output still matches them).

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleDocs, ruleRows, rulesTable } from '../../src/cli/rules.js';
import sarif from '../../src/formatters/sarif.js';
import { rules } from '../../src/index.js';
import { ensureBuilt, root, runCli } from './helpers.js';

const casesDir = join(root, 'test', 'cli', 'cases');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const update = process.env.UPDATE_GOLDEN === '1';

interface Section {
  name: string;
  content: string;
}

function parseScenario(text: string): Section[] {
  const sections: Section[] = [];
  const marker = /^====([a-z]+(?::[^=\n]+)?)====\r?$/gm;
  const found = [...text.matchAll(marker)];
  found.forEach((match, i) => {
    const start = match.index! + match[0].length + 1;
    const end = i + 1 < found.length ? found[i + 1]!.index! - 1 : text.length;
    let content = start > end ? '' : text.slice(start, end);
    if (i + 1 === found.length) content = content.replace(/\n$/, ''); // the file's final newline
    sections.push({ name: match[1]!, content });
  });
  return sections;
}

function serialize(sections: readonly Section[]): string {
  return `${sections.map((s) => `====${s.name}====\n${s.content}`).join('\n')}\n`;
}

/** Splits a command line into words; quotes group words (no escapes). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** The text a {registry:<name>} placeholder stands for. */
function registryView(name: string): string {
  const ids = Object.keys(rules);
  const count = /^count(?:\+(\d+))?$/.exec(name);
  if (count) return String(ids.length + Number(count[1] ?? 0));
  if (name.startsWith('index:')) {
    const index = ids.indexOf(name.slice('index:'.length));
    if (index < 0) throw new Error(`{registry:${name}}: no such rule`);
    return String(index);
  }
  switch (name) {
    case 'rule-ids':
      return ids.join(', ');
    case 'rules-text':
      return rulesTable(ruleRows()).replace(/\n$/, '');
    case 'rules-json':
      return JSON.stringify(ruleRows(), null, 2);
    case 'sarif-rules': {
      const log = JSON.parse(sarif([], { color: false, rules: ruleDocs(), version: version })) as { runs: [{ tool: { driver: { rules: unknown[] } } }] };
      return log.runs[0].tool.driver.rules.map((rule) => JSON.stringify(rule, null, 2)).join(',\n');
    }
    default:
      throw new Error(`unknown placeholder {registry:${name}}`);
  }
}

/** A rendered placeholder: what preceded it on its line, the placeholder and the text it became. */
interface Expansion {
  before: string;
  placeholder: string;
  text: string;
}

/** Expected text with its {registry:...} placeholders rendered (normalized as the output is). */
function expand(text: string, normalize: (text: string) => string, used: Expansion[]): string {
  return text.replace(/\{registry:([a-z0-9+:-]+)\}/g, (placeholder, name: string, offset: number) => {
    const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
    const indent = /^[ \t]*$/.test(before) ? before : '';
    const rendered = normalize(registryView(name)).replaceAll('\n', `\n${indent}`);
    used.push({ before, placeholder, text: rendered });
    return rendered;
  });
}

/**
 * New output with the placeholders put back where it has their text in the same place (after the
 * same start of line), for UPDATE_GOLDEN. A number is put back only as a whole number after the
 * same text ('"ruleIndex": 2' is the rule at index 2, wherever it occurs).
 */
function withPlaceholders(text: string, used: readonly Expansion[]): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const longestFirst = [...used].sort((a, b) => b.before.length + b.text.length - (a.before.length + a.text.length));
  let out = text;
  for (const { before, placeholder, text: rendered } of longestFirst) {
    out = out.replace(new RegExp(`${escape(before + rendered)}(?![\\w-])`, 'g'), () => before + placeholder);
  }
  return out;
}

const scenarioFiles = readdirSync(casesDir).filter((name) => name.endsWith('.scenario')).sort();
const assetRoots: string[] = [];

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  for (const dir of assetRoots) rmSync(dir, { recursive: true, force: true });
});

describe('qod-policy CLI scenarios', () => {
  it('has scenarios', () => {
    expect(scenarioFiles.length).toBeGreaterThan(10);
  });

  for (const file of scenarioFiles) {
    const path = join(casesDir, file);
    const sections = parseScenario(readFileSync(path, 'utf8'));
    const get = (name: string) => sections.find((s) => s.name === name)?.content;
    const title = (get('test') ?? file).trim();

    it.concurrent(`${file}: ${title}`, async () => {
      const assets = realpathSync(mkdtempSync(join(tmpdir(), 'qod-policy-cli-')));
      assetRoots.push(assets);
      for (const section of sections) {
        if (!section.name.startsWith('asset:')) continue;
        const target = join(assets, section.name.slice('asset:'.length));
        mkdirSync(dirname(target), { recursive: true });
        const content = section.content.replaceAll('{CR}', '\r').replaceAll('{BOM}', '\ufeff');
        writeFileSync(target, content.length > 0 ? `${content}\n` : '');
      }
      const fill = (text: string) => text.replaceAll('{assets}', assets).replaceAll('{root}', root);
      const command = words(fill((get('command') ?? '').trim()));
      expect(command[0], 'a command starts with qod-policy').toBe('qod-policy');
      const env: Record<string, string> = {};
      for (const line of (get('env') ?? '').split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0) env[line.slice(0, eq).trim()] = line.slice(eq + 1);
      }
      const stdin = get('stdin');
      const result = await runCli(command.slice(1), {
        cwd: fill((get('cwd') ?? '{root}').trim()),
        env,
        ...(stdin === undefined ? {} : { stdin: `${stdin}\n` }),
      });
      const normalize = (text: string) =>
        text
          .replaceAll(assets, '{assets}')
          .replaceAll(root, '{root}')
          .replaceAll(version, '{version}')
          .replaceAll('\u001b', '\\e')
          .replaceAll('\r', '{CR}')
          .replaceAll('\ufeff', '{BOM}')
          .replace(/\n$/, '');
      const used: Expansion[] = [];
      const expected = new Map<string, string>();
      for (const section of sections) {
        if (section.name === 'stdout' || section.name === 'stderr' || section.name.startsWith('output:')) {
          expected.set(section.name, expand(section.content, normalize, used));
        }
      }

      const actual: Record<string, string> = {
        status: String(result.status),
        stdout: normalize(result.stdout),
        stderr: normalize(result.stderr),
      };
      for (const section of sections) {
        if (!section.name.startsWith('output:')) continue;
        let written = '<missing>';
        try {
          written = normalize(readFileSync(join(assets, section.name.slice('output:'.length)), 'utf8'));
        } catch {
          // compared below
        }
        actual[section.name] = written;
      }

      if (update) {
        const keep = (text: string) => withPlaceholders(text, used);
        const next = sections.filter((s) => !['status', 'stdout', 'stderr'].includes(s.name) && !s.name.startsWith('output:'));
        next.push({ name: 'status', content: actual.status! });
        next.push({ name: 'stdout', content: keep(actual.stdout!) });
        if (actual.stderr !== '') next.push({ name: 'stderr', content: keep(actual.stderr!) });
        for (const s of sections) if (s.name.startsWith('output:')) next.push({ name: s.name, content: keep(actual[s.name]!) });
        writeFileSync(path, serialize(next));
        return;
      }

      expect({ status: actual.status, stdout: actual.stdout, stderr: actual.stderr }).toEqual({
        status: (get('status') ?? '').trim(),
        stdout: expected.get('stdout') ?? '',
        stderr: expected.get('stderr') ?? '',
      });
      for (const section of sections) {
        if (section.name.startsWith('output:')) expect(actual[section.name], section.name).toBe(expected.get(section.name));
      }
    }, 60_000);
  }
});
