// One report pipeline: validate, validateJson and the CLI make their reports in one place
// (buildReport), so parse, schema and rule findings are sorted, counted, truncated and located
// once, and the same text gives the same issues whichever way it comes in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/engine/report.js';
import { createSourceValidator } from '../../src/engine/validator.js';
import { builtinRules } from '../../src/rules/index.js';
import { dialectIds, validateJson, type Issue } from '../../src/index.js';
import { parseSource } from '../../src/parse/index.js';
import { ensureBuilt, runCli } from '../cli/helpers.js';

/** Three duplicate keys and three rule findings, so that truncation has something to cut. */
const text = `{
  "device": { "phoneNumber": "+34600000001", "phoneNumber": "34600000001" },
  "applicationServer": { "ipv4Address": "198.51.100.0/24", "ipv4Address": "198.51.100.0/24" },
  "devicePorts": { "ports": [0, 70000] },
  "qosProfile": "QOS_E", "qosProfile": "QOS_E",
  "duration": 0
}`;

const key = (i: Issue) => `${i.severity}:${i.ruleId}:${i.messageId}@${i.path} ${i.line}:${i.column}`;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'qod-pipeline-'));
  writeFileSync(join(dir, 'body.json'), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cliIssues(maxIssues: number): Promise<Issue[]> {
  writeFileSync(join(dir, 'qod-policy.config.json'), JSON.stringify({ maxIssues }));
  const result = await runCli(['lint', '--format', 'json', 'body.json'], { cwd: dir });
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { issues: Issue[] }[])[0]!.issues;
}

describe('one report pipeline', () => {
  it.each([1, 2, 5, 100])('validateJson and the CLI give the same issues with maxIssues %i (duplicate keys included)', async (maxIssues) => {
    const library = validateJson(text, { maxIssues, dialect: 'auto' }).issues;
    const cli = await cliIssues(maxIssues);
    expect(cli.map(key)).toEqual(library.map(key));
    const listed = library.filter((i) => i.ruleId !== 'truncated');
    expect(listed.length).toBe(Math.min(maxIssues, 7));
    if (maxIssues < 7) expect(library.at(-1)).toMatchObject({ ruleId: 'truncated', data: { omitted: 7 - maxIssues, maxIssues } });
  });

  it('the CLI truncates thousands of duplicate keys at maxIssues', async () => {
    const many = `{${Array.from({ length: 5000 }, () => '"qosProfile": "QOS_E"').join(',')}}`;
    writeFileSync(join(dir, 'many.json'), many);
    writeFileSync(join(dir, 'qod-policy.config.json'), JSON.stringify({ maxIssues: 3 }));
    const result = await runCli(['lint', '--format', 'json', 'many.json'], { cwd: dir });
    const issues = (JSON.parse(result.stdout) as { issues: Issue[] }[])[0]!.issues;
    // 4,999 duplicate keys and two missing required properties: three listed, the rest counted.
    expect(issues.length).toBe(4);
    expect(issues[3]).toMatchObject({ ruleId: 'truncated', data: { omitted: 4999 + 2 - 3, maxIssues: 3 } });
  });

  it('counts everything; lists the first found (parse findings first) in document order, then the truncation', () => {
    const report = validateJson(text, { maxIssues: 2 });
    expect(report.errorCount).toBe(7);
    expect(report.issues.map((i) => `${i.messageId}@${i.path}`)).toEqual(['duplicateKey@/device/phoneNumber', 'duplicateKey@/applicationServer/ipv4Address', 'truncated@']);
  });

  it('always lists the error a gateway answers (the lowest status), wherever it was found', () => {
    // Thirty 422 findings would fill the list before the one 400 is found; the 400 is listed anyway.
    const mismatch = { ...JSON.parse('{"device":{"phoneNumber":"+34600000001"},"applicationServer":{"ipv4Address":"198.51.100.0/24"},"qosProfile":"QOS_E","duration":60}'), device: { phoneNumber: '+34600000001', networkAccessIdentifier: 'a@b' } };
    const report = validateJson(JSON.stringify({ ...mismatch, duration: 0 }), { maxIssues: 1, context: { tokenIdentifiesDevice: true } });
    expect(report.issues[0]).toMatchObject({ status: 400 });
  });

  it('a body that does not parse answers in the configured dialect, else in the default one', () => {
    expect(validateJson('{"a":', { dialect: 'qod-sdk' }).dialect).toBe('qod-sdk');
    expect(validateJson('{"a":').dialect).toBe(dialectIds[0]);
    expect(validateJson(new Uint8Array([0xff]), { dialect: 'qod-sdk' }).dialect).toBe('qod-sdk');
  });

  it('validateJson puts the position of a syntax error into its message (a client sees only the message)', () => {
    expect(validateJson('{"a": 1,}').issues[0]!.message).toBe("The text is not valid JSON: a property name in double quotes was expected, found '}' (line 1, column 9).");
  });

  it('validateSource locates schema and rule findings of each YAML document in the file', () => {
    const yaml = 'device:\n  phoneNumber: "+34600000000"\n  colour: blue\nqosProfile: QOS_E\n---\ndevice:\n  phoneNumber: "+34600000000"\n';
    const [first, second] = parseSource(yaml, 'yaml');
    const validator = createSourceValidator(builtinRules);
    expect(validator.validateSource(first!).issues.find((i) => i.ruleId === 'known-properties')).toMatchObject({ path: '/device/colour', line: 3, column: 3, endLine: 3, endColumn: 15 });
    expect(validator.validateSource(second!).issues.find((i) => i.ruleId === 'schema' && i.messageId === 'required')).toMatchObject({ path: '', line: 6, column: 1, endLine: 7, endColumn: 30 });
  });

  it('a schema check that stopped early says so, without claiming unlisted issues it does not have', () => {
    const note = buildReport('qod-1.2', [], undefined, 100, undefined, 5).issues.at(-1)!;
    expect(note).toMatchObject({ ruleId: 'truncated', data: { omitted: 0, unexamined: 5 } });
    expect(note.message).toBe('The schema check stopped early: 5 more failures were not examined.');
  });
});
