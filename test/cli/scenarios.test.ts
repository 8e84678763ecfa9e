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
// After a deliberate change of output: UPDATE_GOLDEN=1 npx vitest run test/cli (then review the diff).

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
        writeFileSync(target, section.content.length > 0 ? `${section.content}\n` : '');
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
          .replace(/\n$/, '');

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
        const next = sections.filter((s) => !['status', 'stdout', 'stderr'].includes(s.name) && !s.name.startsWith('output:'));
        next.push({ name: 'status', content: actual.status! });
        next.push({ name: 'stdout', content: actual.stdout! });
        if (actual.stderr !== '') next.push({ name: 'stderr', content: actual.stderr! });
        for (const s of sections) if (s.name.startsWith('output:')) next.push({ name: s.name, content: actual[s.name]! });
        writeFileSync(path, serialize(next));
        return;
      }

      expect({ status: actual.status, stdout: actual.stdout, stderr: actual.stderr }).toEqual({
        status: (get('status') ?? '').trim(),
        stdout: get('stdout') ?? '',
        stderr: get('stderr') ?? '',
      });
      for (const section of sections) {
        if (section.name.startsWith('output:')) expect(actual[section.name], section.name).toBe(section.content);
      }
    }, 60_000);
  }
});
