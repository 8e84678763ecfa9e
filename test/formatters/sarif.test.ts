import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import sarif from '../../src/formatters/sarif.js';
import type { FormatterContext, LintResult } from '../../src/formatters/types.js';
import type { Severity } from '../../src/types.js';
import { cases, context, issue, result, type CaseName } from './results.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const require = createRequire(import.meta.url);

// The official SARIF 2.1.0 schema as Microsoft's SARIF Multitool ships it (devDependency
// @microsoft/sarif-multitool, whose platform package carries sarif-2.1.0.json next to the tool).
const platformPackage = `@microsoft/sarif-multitool-${process.platform}`;
const schemaPath = require.resolve(`${platformPackage}/sarif-2.1.0.json`);
const sarifSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

/**
 * Compiles the schema twice: as draft-07 (what SchemaStore's copy, the `$schema` our logs name,
 * declares) and as the 2020-12 dialect the shipped file declares. A log must satisfy both.
 */
function compileValidators(): ValidateFunction[] {
  const draft07 = new Ajv({ allErrors: true, strict: false });
  addFormats(draft07);
  const asDraft07 = { ...sarifSchema, $schema: 'http://json-schema.org/draft-07/schema#' };
  const draft2020 = new Ajv2020({ allErrors: true, strict: false });
  addFormats(draft2020 as unknown as Ajv);
  return [draft07.compile(asDraft07), draft2020.compile(sarifSchema)];
}
const validators = compileValidators();

function schemaErrors(log: unknown): string[] {
  return validators.flatMap((validate) =>
    validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`),
  );
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading the log back

function format(results: Parameters<typeof sarif>[0], ctx: FormatterContext = context): Json {
  return JSON.parse(sarif(results, ctx));
}

describe('sarif', () => {
  describe('validates against the official SARIF 2.1.0 schema', () => {
    it.each(Object.keys(cases) as CaseName[])('%s', (name) => {
      expect(schemaErrors(format(cases[name]))).toEqual([]);
    });

    it('with a source root, an absolute path and a custom informationUri', () => {
      const log = format(
        [result('/abs/dir/x.json', [issue({ ruleId: 'sink', message: 'm.', line: 1, column: 1 })]), ...cases.special],
        { ...context, sourceRoot: '/work/my project', informationUri: 'https://example.com/qod' },
      );
      expect(schemaErrors(log)).toEqual([]);
      expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/my%20project/' } });
      expect(log.runs[0].tool.driver.informationUri).toBe('https://example.com/qod');
      expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///abs/dir/x.json' });
    });

    it('with a Windows source root', () => {
      const log = format(cases.errors, { ...context, sourceRoot: 'C:\\work\\repo' });
      expect(schemaErrors(log)).toEqual([]);
      expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///C:/work/repo/');
    });

    it('whatever the paths, messages, rule ids, positions and URIs (property)', () => {
      const awkward = fc.constantFrom('\u0000', '\u001b', '\ud800', '\udfff', ' ', '%', '%zz', '#', '?', ':', '\\', '"', '<', 'ü', '😀', '..', '/');
      const text = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), awkward), maxLength: 20 });
      const position = fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 5 }), fc.constantFrom(0.5, Number.NaN, 2 ** 53));
      const anIssue = fc.record({
        ruleId: text,
        message: text,
        path: text,
        severity: fc.constantFrom<Severity>('error', 'warn', 'info'),
        line: position,
        column: position,
        endLine: position,
        endColumn: position,
      });
      const aResult = fc.record({ filePath: text, index: fc.nat(3), issues: fc.array(anIssue, { maxLength: 3 }) });
      const aContext = fc.record({
        helpUri: fc.oneof(text, text.map((t) => `https://example.com/${t}`)),
        informationUri: fc.oneof(fc.constant(undefined), text, text.map((t) => `https://example.com/${t}`)),
        sourceRoot: fc.oneof(fc.constant(undefined), text, text.map((t) => `/${t}`), text.map((t) => `C:\\${t}`), text.map((t) => `file:///${t}`)),
      });
      fc.assert(
        fc.property(fc.array(aResult, { maxLength: 3 }), aContext, (shapes, extra) => {
          const results: LintResult[] = shapes.map((shape) => ({ ...result(shape.filePath, shape.issues.map((i) => issue(i))), index: shape.index }));
          const ctx: FormatterContext = {
            ...context,
            rules: new Map([[shapes[0]?.issues[0]?.ruleId ?? 'sink', { description: 'd', helpUri: extra.helpUri }]]),
            informationUri: extra.informationUri,
            sourceRoot: extra.sourceRoot,
          };
          const log = format(results, ctx);
          expect(schemaErrors(log)).toEqual([]);
          expect(log.runs[0].results).toHaveLength(results.reduce((n, r) => n + r.issues.length, 0));
        }),
        { numRuns: 300 },
      );
    });

    it('and the validator rejects logs that break it (the check is live)', () => {
      const good = format(cases.errors);
      expect(schemaErrors(good)).toEqual([]);
      const broken: Array<(log: Json) => void> = [
        (log) => delete log.runs[0].tool.driver.name,
        (log) => (log.runs[0].results[0].level = 'warn'),
        (log) => (log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0),
        (log) => (log.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/x.md'),
        (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b/ü.json'),
        (log) => (log.version = '2.0.0'),
        (log) => (log.runs[0].results[0].message = 'text'),
      ];
      for (const breakIt of broken) {
        const log = structuredClone(good);
        breakIt(log);
        expect(schemaErrors(log).length, breakIt.toString()).toBeGreaterThan(0);
      }
    });
  });

  it('is one SARIF 2.1.0 run of the qod-policy driver', () => {
    const log = format(cases.empty);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toMatchObject({
      name: 'qod-policy',
      version: '0.1.0',
      informationUri: 'https://www.npmjs.com/package/qod-policy',
    });
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].originalUriBaseIds).toBeUndefined();
  });

  it.each(['schema', 'parse', 'limits'])('describes the %s pseudo-rule like a rule', (ruleId) => {
    const issue = { ruleId, messageId: 'x', severity: 'error' as const, path: '', message: 'm.', status: 400, code: 'INVALID_ARGUMENT', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const log = format([{ filePath: 'a.json', index: 0, dialect: 'qod-1.2', valid: false, errorCount: 1, warningCount: 0, issues: [issue] }]);
    const rule = log.runs[0].tool.driver.rules.find((r: Json) => r.id === ruleId);
    expect(rule.shortDescription.text).not.toBe(ruleId);
    expect(rule.shortDescription.text.length).toBeGreaterThan(20);
  });

  it('lists every configured rule, then the other rule ids that have results', () => {
    const log = format(cases.mixed);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: Json) => r.id)).toEqual(['duration-bounds', 'phone-number', 'sink', 'truncated']);
    const description = 'Duration within the bounds of the API version, the policy and the QoS profile.';
    const helpUri = 'https://example.com/docs/rules/duration-bounds.md';
    expect(rules[0]).toEqual({
      id: 'duration-bounds',
      shortDescription: { text: description },
      fullDescription: { text: description },
      help: { text: `${description} Documentation: ${helpUri}`, markdown: `${description}\n\n[Documentation](${helpUri})` },
      helpUri,
    });
    expect(rules[3].shortDescription.text).toMatch(/maxIssues/);
    expect(rules[3].helpUri).toBeUndefined();
  });

  it('gives the schema and parse pseudo-rules descriptors of their own', () => {
    const log = format([
      result('a.json', [issue({ ruleId: 'schema', message: 'x.', line: 1, column: 1 })]),
      result('b.json', [issue({ ruleId: 'parse', messageId: 'invalidJson', message: 'y.', line: 2, column: 3 })]),
      result('c.json', [issue({ ruleId: 'my-plugin/custom', message: 'z.' })]),
    ], { ...context, rules: new Map() });
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: Json) => r.id)).toEqual(['schema', 'parse', 'my-plugin/custom']);
    expect(rules[0].shortDescription.text).toMatch(/JSON Schema/);
    expect(rules[1].shortDescription.text).toMatch(/well-formed/);
    expect(rules[2].shortDescription.text).toBe('The my-plugin/custom rule.');
    expect(log.runs[0].results.map((r: Json) => r.ruleIndex)).toEqual([0, 1, 2]);
  });

  it('describes rule ids that are names of Object.prototype like any other', () => {
    const log = format([result('a.json', [issue({ ruleId: 'toString', message: 'x.' }), issue({ ruleId: '__proto__', message: 'y.' })])]);
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0].tool.driver.rules.slice(3).map((r: Json) => r.shortDescription.text)).toEqual([
      'The toString rule.',
      'The __proto__ rule.',
    ]);
  });

  it('drops a help URI that is not absolute (the schema wants a URI)', () => {
    const log = format(cases.warnings, { ...context, rules: new Map([['sink', { description: 'd', helpUri: 'docs/rules/sink.md' }]]) });
    expect(log.runs[0].tool.driver.rules[0]).toEqual({
      id: 'sink',
      shortDescription: { text: 'd' },
      fullDescription: { text: 'd' },
      help: { text: 'd' },
    });
  });

  it('gives a rule without a documentation URL (a plugin rule may have none) no help link', () => {
    const log = format(cases.warnings, { ...context, rules: new Map([['sink', { description: 'd' }]]) });
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0].tool.driver.rules[0]).toEqual({ id: 'sink', shortDescription: { text: 'd' }, fullDescription: { text: 'd' }, help: { text: 'd' } });
  });

  it('maps each issue to a result with level, region, pointer, CAMARA status and code', () => {
    const log = format(cases.mixed);
    const [phone, sink, duration, truncated] = log.runs[0].results;
    expect(phone).toEqual({
      ruleId: 'phone-number',
      ruleIndex: 1,
      level: 'error',
      message: { text: "device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits)." },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'fixtures/qod-1.2/invalid/mixed.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 20, endLine: 3, endColumn: 32 },
          },
          logicalLocations: [{ fullyQualifiedName: '/device/phoneNumber' }],
        },
      ],
      properties: {
        jsonPointer: '/device/phoneNumber',
        status: 400,
        code: 'INVALID_ARGUMENT',
        messageId: 'notE164',
        bodyIndex: 0,
        dialect: 'qod-1.2',
      },
    });
    expect(sink.level).toBe('warning');
    expect(sink.properties).toMatchObject({ status: 400, code: 'INVALID_SINK' });
    expect(duration.properties.data).toEqual({ value: 0, min: 1 });
    expect(duration.ruleIndex).toBe(0);
    expect(truncated.level).toBe('note');
    // No position: no region, the file and the pointer still given.
    expect(truncated.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/qod-1.2/invalid/mixed.json', uriBaseId: '%SRCROOT%' },
    });
  });

  it('keeps the body index of multi-body files and file positions', () => {
    const results = format(cases.multiBody).runs[0].results;
    expect(results.map((r: Json) => [r.properties.bodyIndex, r.locations[0].physicalLocation.region.startLine])).toEqual([
      [0, 1],
      [2, 3],
      [2, 3],
      [0, 12],
    ]);
  });

  it('percent-encodes paths as URI references and keeps message text as it is', () => {
    const [first] = format(cases.special).runs[0].results;
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'fixtures/%C3%BCber%20caf%C3%A9/%E6%97%A5%E6%9C%AC%2C%20%22a%22%3Ab%25.json',
    );
    expect(decodeURIComponent(first.locations[0].physicalLocation.artifactLocation.uri)).toBe('fixtures/über café/日本, "a":b%.json');
    expect(first.message.text).toBe(cases.special[0]!.issues[0]!.message);
    const stdin = format(cases.noPositions).runs[0].results[0];
    expect(stdin.locations[0].physicalLocation.artifactLocation).toEqual({ uri: '%3Cstdin%3E' });
  });

  it('writes DEL, C1 controls, line separators and bidirectional controls as \\u escapes, keeping the text', () => {
    const hostile = 'x\u007f\u0085\u009b[2J\u2028\u2029\u202ey';
    const text = sarif([result(`${hostile}.json`, [issue({ ruleId: 'r', message: hostile, path: `/${hostile}`, line: 1, column: 1 })])], context);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202e]/);
    const [first] = (JSON.parse(text) as Json).runs[0].results;
    expect(first.message.text).toBe(hostile);
    expect(first.properties.jsonPointer).toBe(`/${hostile}`);
    expect(decodeURIComponent(first.locations[0].physicalLocation.artifactLocation.uri)).toBe(`${hostile}.json`);
  });

  it('drops positions that are not 1-based integers and ends before starts', () => {
    const log = format([
      result('a.json', [
        issue({ ruleId: 'schema', message: 'a.', line: 0, column: 3 }),
        issue({ ruleId: 'schema', message: 'b.', line: 4, column: 0, endLine: 3, endColumn: 9 }),
        issue({ ruleId: 'schema', message: 'c.', line: 4, column: 5, endLine: 4, endColumn: 2 }),
        issue({ ruleId: 'schema', message: 'd.', line: 4.5, column: 5 }),
        issue({ ruleId: 'schema', message: 'e.', line: 2, column: 5, endLine: 2 }),
      ]),
    ]);
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.region)).toEqual([
      undefined,
      { startLine: 4 },
      { startLine: 4, startColumn: 5 },
      undefined,
      { startLine: 2, startColumn: 5, endLine: 2 },
    ]);
  });
});

// Microsoft's SARIF Multitool is a self-contained .NET program on npm. Its `validate` checks the
// schema and its own rules (SARIF best practice; with --rule-kind Gh, what GitHub code scanning
// requires) offline, and writes what it finds as a SARIF log of its own.
describe('sarif, checked by the SARIF Multitool', () => {
  const tool = require('@microsoft/sarif-multitool') as string;
  const available = existsSync(tool);
  const dir = mkdtempSync(join(tmpdir(), 'qod-sarif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `validate` on a log; answers its findings as 'level ruleId argument'. */
  function multitool(name: string, log: string, extra: string[] = []): string[] {
    const input = join(dir, `${name}.sarif`);
    const output = join(dir, `${name}.validation.sarif`);
    writeFileSync(input, log);
    execFileSync(tool, ['validate', input, '--output', output, '--quiet', ...extra], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 60_000,
      stdio: 'pipe',
    });
    const validation = JSON.parse(readFileSync(output, 'utf8')) as Json;
    return validation.runs.flatMap((run: Json) =>
      (run.results ?? []).map((r: Json) => `${r.level ?? 'warning'} ${r.ruleId} ${r.message?.arguments?.[0] ?? ''}`),
    );
  }

  // Every kind of result; results 4 (the truncation note) and 11 (stdin) have no position.
  const all = [...cases.errors, ...cases.warnings, ...cases.info, ...cases.multiBody, ...cases.special, ...cases.noPositions];
  const log = sarif(all, { ...context, sourceRoot: '/work/repo' });

  it.skipIf(!available)("finds nothing wrong, by SARIF's and GitHub's rules, but whole-file results", () => {
    expect(JSON.parse(log).runs[0].results.length).toBe(12);
    // Errors and warnings (notes are best-practice hints such as "add code snippets"). A result
    // without a position is a result about the whole file, which SARIF2017 would rather not see.
    expect(multitool('all', log, ['--rule-kind', 'Sarif;Gh'])).toEqual([
      'warning SARIF2017 runs[0].results[4].locations[0].physicalLocation',
      'warning SARIF2017 runs[0].results[11].locations[0].physicalLocation',
    ]);
  }, 90_000);

  it.skipIf(!available)('reports a broken log (the check is live)', () => {
    const broken = JSON.parse(log) as Json;
    delete broken.runs[0].tool.driver.name;
    expect(multitool('broken', JSON.stringify(broken), ['--rule-kind', 'Sarif;Gh'])).toContain('error JSON1002 runs[0].tool.driver');
    const withoutHelp = JSON.parse(log) as Json;
    delete withoutHelp.runs[0].tool.driver.rules[0].help;
    expect(multitool('no-help', JSON.stringify(withoutHelp), ['--rule-kind', 'Sarif;Gh'])).toContain('error GH2012 runs[0].tool.driver.rules[0]');
  }, 90_000);
});
