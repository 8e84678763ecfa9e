// A YAML body read by the fast path (src/parse/yaml-fast.ts) is the body the full parse makes:
// the same value, problems, line and index, the same answers from locate, locateMember,
// locatePlaces, mergeOrigin and textEdit for every pointer, the same reports. And the fast path is
// what runs: a file in its subset is read, validated and located without the yaml package, which
// parses it once, for the first edit (a fix) asked of it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSourceValidator } from '../../src/engine/validator.js';
import { parseSource, type SourceBody } from '../../src/parse/index.js';
import type { SourcePlace } from '../../src/parse/types.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { fastYamlValue } from '../../src/parse/yaml-fast.js';
import { builtinRules } from '../../src/rules/index.js';
import { escapePointerSegment } from '../../src/shared/pointer.js';

// Both wrapped as they are, so that a test can count the full parses and turn the fast path off.
vi.mock('../../src/parse/yaml.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parse/yaml.js')>();
  return { ...real, parseYaml: vi.fn(real.parseYaml) };
});
vi.mock('../../src/parse/yaml-fast.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parse/yaml-fast.js')>();
  return { ...real, fastYamlValue: vi.fn(real.fastYamlValue) };
});

const root = join(import.meta.dirname, '..', '..');

/** The validator of the reports compared: a fixed clock, so that expiry messages compare. */
const validator = createSourceValidator(builtinRules, { context: { now: new Date('2026-01-01T00:00:00Z') } });

beforeEach(() => {
  vi.mocked(parseYaml).mockClear();
  vi.mocked(fastYamlValue).mockClear();
});

/** The bodies as the full parse alone makes them (the fast path turned off for this call). */
function fullBodies(text: string): SourceBody[] {
  vi.mocked(fastYamlValue).mockReturnValueOnce(undefined);
  return parseSource(text, 'yaml');
}

/** Whether the fast path answers for the text. */
function isFast(text: string): boolean {
  return vi.mocked(fastYamlValue).getMockImplementation()!(text) !== undefined;
}

/** Every pointer in a value (the root, each member and item), and a few that name nothing. */
function pointersOf(value: unknown, pointer = '', into: string[] = []): string[] {
  into.push(pointer);
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) pointersOf(child, `${pointer}/${Array.isArray(value) ? key : escapePointerSegment(key)}`, into);
    into.push(`${pointer}/${Array.isArray(value) ? Object.keys(value).length : 'absent'}`);
  } else {
    into.push(`${pointer}/0`);
  }
  return into;
}

/** Everything a body answers, for every pointer in its value (and the full parse's value). */
function answers(body: SourceBody, pointers: readonly string[]) {
  const places: SourcePlace[] = pointers.flatMap((pointer) => [
    { pointer, member: false },
    { pointer, member: true },
  ]);
  return {
    index: body.index,
    line: body.line,
    value: body.value,
    problems: body.problems,
    locate: pointers.map((pointer) => body.locate(pointer)),
    locateMember: pointers.map((pointer) => body.locateMember(pointer)),
    locatePlaces: body.locatePlaces(places),
    mergeOrigin: pointers.map((pointer) => body.mergeOrigin?.(pointer)),
    textEdit: pointers.map((pointer) => [body.textEdit?.({ pointer, replace: 'x: "y" # z' }), body.textEdit?.({ pointer, remove: true })]),
    report: validator.validateSource(body),
  };
}

/** Fails unless the text's bodies are the same through the fast path and the full parse; returns whether the fast path answered. */
function checkSameBodies(text: string, name: string): boolean {
  const fast = isFast(text);
  const bodies = parseSource(text, 'yaml');
  const full = fullBodies(text);
  expect(bodies.length, name).toBe(full.length);
  for (let k = 0; k < full.length; k++) {
    const pointers = pointersOf(full[k]!.value);
    // Each body asked on its own: the full parse's answers do not depend on what was asked before.
    expect(answers(bodies[k]!, pointers), `${name}, body ${k}`).toEqual(answers(full[k]!, pointers));
  }
  return fast;
}

function filesUnder(dir: string, extensions: RegExp, into: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) filesUnder(path, extensions, into);
    else if (extensions.test(entry)) into.push(path);
  }
  return into;
}

/** bench/lint.mjs's YAML writer: block mappings, JSON.stringify for everything else. */
function benchYaml(value: Record<string, unknown>, indent = ''): string {
  return Object.entries(value)
    .map(([k, v]) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? `${indent}${k}:\n${benchYaml(v as Record<string, unknown>, `${indent}  `)}` : `${indent}${k}: ${JSON.stringify(v)}`))
    .join('\n');
}

describe('a body from the fast path is the body of the full parse', () => {
  const yamlFiles = [...filesUnder(join(root, 'fixtures'), /\.ya?ml$/), ...filesUnder(join(root, 'test'), /\.ya?ml$/), ...filesUnder(join(root, 'examples'), /\.ya?ml$/)];

  it.each(yamlFiles.map((file) => [relative(root, file), file]))('%s', (name, file) => {
    checkSameBodies(readFileSync(file, 'utf8'), name);
  });

  // The JSON fixtures (valid and invalid bodies of every dialect) written as YAML three ways.
  const bodies = filesUnder(join(root, 'fixtures'), /\.json$/).flatMap((file) => {
    try {
      return [[relative(root, file), JSON.parse(readFileSync(file, 'utf8')) as unknown] as const];
    } catch {
      return [];
    }
  });

  it('on every JSON fixture written as YAML', () => {
    let fast = 0;
    let texts = 0;
    for (const [name, value] of bodies) {
      const written = [
        ['yaml.stringify', stringify(value)],
        ['comments and ---', `# ${name}\n---\n${stringify(value, { indent: 4, indentSeq: false }).replace(/\n/g, '  # note\n# between\n')}`],
      ];
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) written.push(['bench/lint.mjs', `${benchYaml(value as Record<string, unknown>)}\n`]);
      for (const [how, text] of written) {
        texts++;
        if (checkSameBodies(text!, `${name} (${how})`)) fast++;
      }
    }
    // Nearly all of them are in the subset (the rest: e.g. a number key in a JSON object).
    expect(fast).toBeGreaterThan(texts * 0.9);
  });
});

describe('the fast path is what reads a plain YAML file', () => {
  const text = '# a request\ndevice:\n  phoneNumber: "+34600000001"\napplicationServer:\n  ipv4Address: 198.51.100.0/24\nqosProfile: QOS_E\nduration: 3600\n';

  it('a valid file is read and validated without the full parse', () => {
    const [body] = parseSource(text, 'yaml');
    expect(body!.value).toEqual({ device: { phoneNumber: '+34600000001' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 3600 });
    expect(body!.line).toBe(2);
    expect(validator.validateSource(body!).issues).toEqual([]);
    expect(parseYaml).not.toHaveBeenCalled();
  });

  it('an invalid file is located without the full parse', () => {
    const [body] = parseSource(`${text.replace('3600', '0')}extra: true\n`, 'yaml');
    const report = validator.validateSource(body!);
    expect(report.issues.map((issue) => `${issue.ruleId}@${issue.path} ${issue.line}:${issue.column}-${issue.endLine}:${issue.endColumn}`)).toEqual([
      'duration-bounds@/duration 7:11-7:12',
      'known-properties@/extra 8:1-8:12',
    ]);
    expect(body!.locate('/device/phoneNumber')).toEqual({ line: 3, column: 16, endLine: 3, endColumn: 30 });
    expect(body!.locateMember('/device')).toEqual({ line: 2, column: 1, endLine: 3, endColumn: 30 });
    expect(parseYaml).not.toHaveBeenCalled();
  });

  it('an edit (for a fix) comes from one full parse, made on the first one', () => {
    const [body] = parseSource(text, 'yaml');
    expect(body!.textEdit!({ pointer: '/qosProfile', replace: 'QOS_L' })).toEqual({ range: [112, 117], text: '"QOS_L"' });
    expect(body!.textEdit!({ pointer: '/device/phoneNumber', replace: '+34600000002' })).toEqual({ range: [35, 49], text: '"+34600000002"' });
    expect(parseYaml).toHaveBeenCalledTimes(1);
  });

  it('a file outside the subset is parsed once, fully', () => {
    const [body] = parseSource(`${text}base: &b\n  x: 1\n`, 'yaml');
    expect(body!.value).toMatchObject({ base: { x: 1 } });
    body!.locate('/base/x');
    expect(parseYaml).toHaveBeenCalledTimes(1);
  });
});
