// docs/migrate.md tells the truth: its JSON parses, its tables of ids are the ids the API's types
// name, and its worked example is what migrate() gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/index.js';

const root = join(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/migrate.md'), 'utf8');

/** The fenced blocks of a text: language and code. */
function blocks(text: string): { lang: string; code: string }[] {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}

/** The part of the document from a heading to the next one of its level. */
function section(heading: string): string {
  const start = doc.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const level = heading.split(' ')[0]!;
  const end = doc.indexOf(`\n${level} `, start + heading.length + 2);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** The members of a string-literal union type in src/migrate/types.ts. */
function union(name: string): string[] {
  const source = readFileSync(join(root, 'src/migrate/types.ts'), 'utf8');
  const body = new RegExp(`export type ${name} =([^;]+);`).exec(source)![1]!;
  return [...body.matchAll(/'(\w+)'/g)].map((m) => m[1]!).sort();
}

describe('README.md', () => {
  it("says what its migrate example gives: a 1.2 body whose only loss is the token's expiry", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const code = blocks(readme.slice(readme.indexOf('## Moving bodies between versions'))).find((b) => b.lang === 'ts')!.code;
    const old = Function(`return ${/const old = (\{[\s\S]*?\n\});/.exec(code)![1]!}`)() as unknown;
    const result = migrate(old, { from: 'qod-0.10', to: 'qod-1.2' });
    expect(result.lost.map((l) => l.messageId)).toEqual(['tokenExpiry']);
    expect(Object.keys(result.body as object)).toEqual(expect.arrayContaining(['sink', 'sinkCredential', 'duration']));
    expect((result.body as { applicationServer: unknown }).applicationServer).toEqual({ ipAddresses: ['198.51.100.10'] });
  });
});

describe('docs/migrate.md', () => {
  it('has JSON blocks that parse', () => {
    const json = blocks(doc).filter((b) => b.lang === 'json');
    expect(json.length).toBeGreaterThan(3);
    for (const block of json) expect(() => JSON.parse(block.code), block.code.slice(0, 60)).not.toThrow();
  });

  it('lists every change and loss id, and no other', () => {
    const tables = section('## Changes and losses by id');
    const [changes, losses] = tables.split('\n| loss |');
    const ids = (table: string) => [...table!.matchAll(/^\| ((?:`\w+`(?:, )?)+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`(\w+)`/g)].map((id) => id[1]!)).sort();
    expect(ids(changes!)).toEqual(union('MigrationChangeId'));
    expect(ids(losses!)).toEqual(union('MigrationLossId'));
  });

  it("shows the worked example's body, changes, losses and report as migrate() gives them", () => {
    const [input, body, changes, losses] = blocks(section('## Worked example: a 0.10 fixture folder to 1.2'))
      .filter((b) => b.lang === 'json')
      .map((b) => JSON.parse(b.code) as unknown);
    const result = migrate(input, { from: 'qod-0.10', to: 'qod-1.2' });
    expect(result.body).toEqual(body);
    expect(result.changes.map(({ step: _, message: __, ...rest }) => rest)).toEqual(changes);
    expect(result.lost.map(({ step: _, ...rest }) => rest)).toEqual(losses);
    expect(result.report.issues.map((i) => `${i.severity} ${i.ruleId}/${i.messageId}@${i.path}`)).toEqual(['error sink-credential/missingField@/sinkCredential']);
    // "A body without notificationAuthToken migrates to a 1.2 body the report accepts."
    const withoutToken = structuredClone(input) as { webhook: Record<string, unknown> };
    delete withoutToken.webhook.notificationAuthToken;
    expect(migrate(withoutToken, { from: 'qod-0.10', to: 'qod-1.2' }).report.valid).toBe(true);
  });
});
