// `qod-policy migrate` end to end, through the built command:
// - a fixture folder of 0.10 taken to 1.2 with --write, then `qod-policy lint --dialect qod-1.2` on
//   it: lint finds exactly what the migration's report said, at the same places; and every error
//   is accounted for: either the `lost` list predicts it (a value the target needs and the body
//   lacks, at its place; an object a loss emptied), or it is about a value the migration carried
//   as it was (values are not re-spelt: docs/migrate.md), and each prediction is found.
// - a property over generated bodies of every dialect in every format (NDJSON, multi-document
//   YAML with comments, JSON in several layouts), each folder's dialect named by the configuration:
//   after --write every file reads back as exactly what migrate() gives for its bodies.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { dialectIds, migrate, type DialectId, type Issue, type MigrationChange, type MigrationLoss } from '../../src/index.js';
import { parseSource, sourceKindOf } from '../../src/parse/index.js';
import { valueAt } from '../../src/shared/pointer.js';
import { validBodies } from '../migrate/bodies.js';
import { ensureBuilt, root, runCli } from './helpers.js';

const scratch: string[] = [];

beforeAll(() => {
  ensureBuilt();
}, 300_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qod-policy-migrate-'));
  scratch.push(dir);
  return dir;
}

interface JsonBody {
  index: number;
  from: DialectId;
  changes: (MigrationChange & { afterRange?: { line: number; column: number } })[];
  lost: MigrationLoss[];
  issues: Issue[];
}
interface JsonFile {
  filePath: string;
  changed: boolean;
  written: boolean;
  bodies: JsonBody[];
}
interface LintResult {
  filePath: string;
  index: number;
  issues: Issue[];
}

const where = (issue: Issue) => `${issue.severity} ${issue.ruleId}/${issue.messageId} ${issue.path} ${issue.line}:${issue.column}`;
const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));

/** The pointer a value of the migrated body had in the input, through the changes that moved it (or itself). */
function inputPointer(pointer: string, changes: readonly MigrationChange[]): string {
  for (const change of changes) {
    if (change.after === undefined || change.before === undefined) continue;
    if (pointer === change.after || pointer.startsWith(`${change.after}/`)) return change.before + pointer.slice(change.after.length);
  }
  return pointer;
}

/** Whether a pointer names a value in a body (own members only). */
function has(body: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  const parent = valueAt(body, parentOf(pointer));
  const key = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  return typeof parent === 'object' && parent !== null && Object.prototype.hasOwnProperty.call(parent, key);
}

describe('qod-policy migrate --write on a 0.10 fixture folder, then qod-policy lint --dialect qod-1.2', { timeout: 120_000 }, () => {
  it('lint finds exactly what the migration reported, and the lost list predicts every error not about a value carried as it was', async () => {
    const dir = tempDir();
    cpSync(join(root, 'fixtures', 'qod-0.10'), join(dir, 'qod-0.10'), { recursive: true });
    const inputs = new Map<string, unknown>();
    for (const kind of ['valid', 'invalid']) {
      for (const name of readdirSync(join(dir, 'qod-0.10', kind))) inputs.set(`qod-0.10/${kind}/${name}`, JSON.parse(readFileSync(join(dir, 'qod-0.10', kind, name), 'utf8')));
    }

    const migrated = await runCli(['migrate', '--to', 'qod-1.2', '--from', 'qod-0.10', '--no-config', '--write', '--format', 'json', 'qod-0.10'], { cwd: dir });
    expect(migrated.stderr).toBe('');
    // Some fixtures lose something (port 0, an undeclared property, the token's expiry).
    expect(migrated.status).toBe(1);
    const files = JSON.parse(migrated.stdout) as JsonFile[];
    expect(files.map((f) => f.filePath).sort()).toEqual([...inputs.keys()].sort());
    expect(files.every((f) => f.written === f.changed)).toBe(true);

    const linted = await runCli(['lint', '--dialect', 'qod-1.2', '--no-config', '--format', 'json', 'qod-0.10'], { cwd: dir });
    expect(linted.stderr).toBe('');
    const results = JSON.parse(linted.stdout) as LintResult[];

    let predicted = 0;
    let carried = 0;
    for (const file of files) {
      const body = file.bodies[0]!;
      const result = results.find((r) => r.filePath === file.filePath)!;
      // What lint says of the written file is what the migration said of the body it wrote.
      expect(result.issues.map(where), file.filePath).toEqual(body.issues.map(where));

      const input = inputs.get(file.filePath);
      const output = JSON.parse(readFileSync(join(dir, file.filePath), 'utf8')) as unknown;
      expect(output).toEqual(migrate(input, { from: 'qod-0.10', to: 'qod-1.2' }).body);
      const errors = result.issues.filter((issue) => issue.severity === 'error');
      // The places the lost list says an error will be: where a missing value belongs (its object),
      // and an object a loss left empty.
      const predictions = new Set<string>();
      for (const loss of body.lost) {
        if (loss.after !== undefined) predictions.add(parentOf(loss.after));
        else if (loss.before !== undefined) {
          let place = parentOf(loss.before);
          while (place !== '' && !has(output, place)) place = parentOf(place);
          const value = valueAt(output, place);
          if (place !== '' && typeof value === 'object' && value !== null && Object.keys(value).length === 0) predictions.add(place);
        }
      }
      for (const place of predictions) {
        expect(errors.map((e) => e.path), `${file.filePath}: the loss predicts an error at '${place}'`).toContain(place);
      }
      for (const error of errors) {
        if (predictions.has(error.path)) {
          predicted++;
          continue;
        }
        // Not predicted: then it is about a value the migration carried as it was.
        const before = inputPointer(error.path, body.changes);
        expect(has(input, before), `${file.filePath}: ${where(error)} is neither predicted by a loss nor about a carried value`).toBe(true);
        expect(valueAt(output, error.path), `${file.filePath}: ${where(error)}`).toEqual(valueAt(input, before));
        carried++;
      }
    }
    // Both kinds occur in the folder: the test sees each.
    expect(predicted).toBeGreaterThanOrEqual(2);
    expect(carried).toBeGreaterThanOrEqual(2);
  });
});

// #region The property

const RUNS = 12;

/** JSON in one of several layouts. */
function jsonText(body: unknown, layout: number): string {
  switch (layout % 4) {
    case 0:
      return `${JSON.stringify(body, null, 2)}\n`;
    case 1:
      return `\ufeff${JSON.stringify(body, null, 4).replace(/\n/g, '\r\n')}\r\n`;
    case 2:
      return JSON.stringify(body, null, '\t');
    default:
      return `${JSON.stringify(body).replace(/":/g, '": ').replace(/,"/g, ', "')}\n`;
  }
}

describe('qod-policy migrate --write: every file reads back as what migrate() gives for its bodies', { timeout: 300_000 }, () => {
  for (const to of ['qod-1.2', 'qod-0.10'] as const) {
    it(`to ${to}, from generated bodies of every dialect in NDJSON, YAML and JSON files`, async () => {
      const dir = tempDir();
      const bodies = new Map<DialectId, Record<string, unknown>[]>();
      const overrides: { files: string[]; dialect: DialectId }[] = [];
      for (const [k, dialect] of dialectIds.entries()) {
        const sample = fc.sample(validBodies(dialect), { numRuns: RUNS, seed: 100 + k });
        bodies.set(dialect, sample);
        mkdirSync(join(dir, dialect, 'json'), { recursive: true });
        writeFileSync(join(dir, dialect, 'bodies.ndjson'), `${sample.map((b) => JSON.stringify(b)).join('\n')}\n`);
        writeFileSync(join(dir, dialect, 'bodies.yaml'), sample.map((b, i) => `# body ${i}\n${stringify(b)}`).join('---\n'));
        sample.forEach((b, i) => writeFileSync(join(dir, dialect, 'json', `${i}.json`), jsonText(b, i)));
        overrides.push({ files: [`${dialect}/**`], dialect });
      }
      writeFileSync(join(dir, 'qod-policy.config.json'), JSON.stringify({ overrides }));

      const run = await runCli(['migrate', '--to', to, '--write', '.'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.status);

      let changed = 0;
      for (const [dialect, sample] of bodies) {
        const expected = sample.map((b) => JSON.stringify(migrate(b, { from: dialect, to }).body));
        for (const file of [join(dialect, 'bodies.ndjson'), join(dialect, 'bodies.yaml'), ...sample.map((_, i) => join(dialect, 'json', `${i}.json`))]) {
          const text = readFileSync(join(dir, file), 'utf8');
          const read = parseSource(text, sourceKindOf(file)!);
          for (const body of read) expect(body.problems, file).toEqual([]);
          const values = read.map((body) => JSON.stringify(body.value));
          expect(values, file).toEqual(file.includes('/json/') ? [expected[Number(/(\d+)\.json$/.exec(file)![1])]] : expected);
          if (file.endsWith('.yaml')) expect(text.startsWith('# body 0\n'), `${file} keeps its first comment`).toBe(true);
          if (file.endsWith('.ndjson')) expect(text.split('\n').length, `${file}: one body a line`).toBe(sample.length + 1);
          if (Number(/\/json\/(\d+)\.json$/.exec(file)?.[1] ?? -1) % 4 === 1) expect(text.startsWith('\ufeff') && text.includes('\r\n'), `${file} keeps its BOM and CRLF`).toBe(true);
        }
        if (dialect !== to) changed++;
      }
      expect(changed).toBe(dialectIds.length - 1);
    });
  }
});

// #endregion

describe('docs/migrate.md: the worked example', { timeout: 120_000 }, () => {
  it('prints what it shows, exits as it says, and writes the YAML it shows', async () => {
    const doc = readFileSync(join(root, 'docs', 'migrate.md'), 'utf8');
    const start = doc.indexOf('\n## Worked example: a 0.10 fixture folder to 1.2\n');
    const section = doc.slice(start, doc.indexOf('\n### From a script\n', start));
    const blocks = [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
    const dir = tempDir();
    cpSync(join(root, 'test', 'docs', 'sandbox', 'old-requests'), join(dir, 'old-requests'), { recursive: true });
    let compared = 0;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.lang === 'yaml') {
        expect(readFileSync(join(dir, 'old-requests', 'video-call.yaml'), 'utf8')).toBe(block.code);
        compared++;
      }
      if (block.lang !== 'sh') continue;
      const lines = block.code.trim().split('\n');
      expect(lines).toHaveLength(1);
      const [command, comment] = lines[0]!.split(/\s+#\s*/);
      const result = await runCli(command!.trim().split(/\s+/).slice(1), { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.status, command).toBe(Number(/^exit (\d+)/.exec(comment ?? '')?.[1] ?? 0));
      const next = blocks[i + 1];
      if (next?.lang === 'text') {
        expect(result.stdout.replace(/^\n+|\n+$/g, ''), command).toBe(next.code.replace(/^\n+|\n+$/g, ''));
        compared++;
      }
    }
    expect(compared).toBe(4);
  });
});

describe('qod-policy migrate and hostile file names', { timeout: 60_000 }, () => {
  it('shows names that would forge lines or drive the terminal escaped, and rewrites a file whose name is not UTF-8', async () => {
    const dir = tempDir();
    const body = JSON.stringify({ qos: 'QOS_E', ueId: { msisdn: '+34600000001' }, note: 'x\u202ey' });
    writeFileSync(join(dir, 'forged\n::error file=x::bad\u001b[31m.json'), body);
    writeFileSync(Buffer.from(join(dir, 'f\xffe.json'), 'latin1'), body);
    const shown = await runCli(['migrate', '--to', 'qod-0.9', '--from', 'qod-0.8', '.'], { cwd: dir });
    expect(shown.status).toBe(0);
    expect(shown.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(shown.stdout).not.toMatch(/^::/m);
    expect(shown.stdout).toContain('--- forged\\n::error file=x::bad\\u001b[31m.json');
    expect(shown.stdout).toContain('f\\xffe.json');
    const json = await runCli(['migrate', '--to', 'qod-0.9', '--from', 'qod-0.8', '--format', 'json', '.'], { cwd: dir });
    expect((JSON.parse(json.stdout) as JsonFile[]).map((f) => f.filePath).sort()).toEqual(['f\\xffe.json', 'forged\n::error file=x::bad\u001b[31m.json']);
    const written = await runCli(['migrate', '--to', 'qod-0.9', '--from', 'qod-0.8', '--write', '.'], { cwd: dir });
    expect(written.status).toBe(0);
    const expected = JSON.stringify({ qosProfile: 'QOS_E', device: { phoneNumber: '+34600000001' }, note: 'x\u202ey' });
    expect(readFileSync(Buffer.from(join(dir, 'f\xffe.json'), 'latin1'), 'utf8')).toBe(expected);
    expect(readFileSync(join(dir, 'forged\n::error file=x::bad\u001b[31m.json'), 'utf8')).toBe(expected);
  });
});
