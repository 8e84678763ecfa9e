// The views of the rule table (`qod-policy rules` as text and JSON, the formatters' rule map, the
// README's Markdown table) on rules made up for the test, so that their layout is pinned here
// whatever rules the package has. test/cli/cases/rules*.scenario check that the built command
// prints the same views of the real registry.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleDocs, ruleRows, rulesMarkdown, rulesTable, type RuleRow } from '../../src/cli/rules.js';
import { defineRule, rules } from '../../src/index.js';
import { docsUrl, RULE_DOCS_BASE } from '../../src/shared/docs-url.js';

const root = join(import.meta.dirname, '..', '..');

const withUrl = defineRule({
  meta: {
    docs: { description: 'Profiles named TEST_ are for tests.', url: 'https://example.com/no-test-profiles' },
    messages: { testProfile: 'x', retired: { text: 'y', status: 422, code: 'RETIRED', level: 'secondary' } },
    defaultLevel: 'warn',
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  check() {},
});
const withoutUrl = defineRule({
  meta: { docs: { description: 'A rule with | in its text.' }, messages: { x: 'x' }, status: 400, code: 'INVALID_ARGUMENT' },
  check() {},
});

const rows: RuleRow[] = [
  {
    id: 'alpha',
    severity: 'error',
    secondarySeverity: 'warn',
    camara: ['400 INVALID_ARGUMENT', '422 SOMETHING_ELSE', '404 NOT_FOUND'],
    description: 'First rule.',
    docs: 'https://example.com/alpha.md',
  },
  { id: 'beta-longer-id', severity: 'warn', dialectDefaults: { 'qod-sdk': 'off' }, camara: ['400 OUT_OF_RANGE'], description: 'Second | rule.', docs: 'https://example.com/beta.md' },
  { id: 'gamma', severity: 'info', camara: ['400 INVALID_SINK'], description: 'Third rule, no page.' },
];

describe('rule rows', () => {
  it("take a rule's documentation link from meta.docs.url and from nowhere else", () => {
    const plugins = [{ name: 'acme', rules: { 'without-url': withoutUrl, 'no-test-profiles': withUrl } }];
    const all = ruleRows(plugins);
    expect(all.map((r) => r.id)).toEqual([...Object.keys(rules), 'acme/no-test-profiles', 'acme/without-url']);
    for (const row of all.slice(0, -2)) expect(row.docs).toBe(rules[row.id]!.meta.docs.url);
    expect(all.at(-2)).toEqual({
      id: 'acme/no-test-profiles',
      severity: 'warn',
      secondarySeverity: 'info',
      camara: ['400 INVALID_ARGUMENT', '422 RETIRED'],
      description: 'Profiles named TEST_ are for tests.',
      docs: 'https://example.com/no-test-profiles',
    });
    expect(all.at(-1)).toEqual({ id: 'acme/without-url', severity: 'error', camara: ['400 INVALID_ARGUMENT'], description: 'A rule with | in its text.' });

    const docs = ruleDocs(plugins);
    expect(docs.get('acme/no-test-profiles')).toEqual({ description: 'Profiles named TEST_ are for tests.', helpUri: 'https://example.com/no-test-profiles' });
    expect(docs.get('acme/without-url')).toEqual({ description: 'A rule with | in its text.' });
    expect(docs.get('sink')?.helpUri).toBe(rules.sink!.meta.docs.url);
  });

  it('give every built-in rule its page docs/rules/<id>.md in this copy of the package, a file that exists', () => {
    // Here the sources run (src/shared/docs-url.ts): the package is the repository, whose docs/ ships.
    expect(RULE_DOCS_BASE).toBe(pathToFileURL(join(root, 'docs', 'rules')).href + '/');
    for (const [id, rule] of Object.entries(rules)) {
      expect(rule.meta.docs.url, id).toBe(docsUrl(id));
      expect(rule.meta.docs.url, id).toBe(`${RULE_DOCS_BASE}${id}.md`);
      expect(existsSync(fileURLToPath(rule.meta.docs.url!)), id).toBe(true);
    }
  });
});

describe('rulesTable', () => {
  it('aligns the columns and puts the documentation link under the description', () => {
    expect(rulesTable(rows)).toBe(
      [
        'Rule            Default                CAMARA                Description',
        '--------------  ---------------------  --------------------  -----------',
        'alpha           error/warn             400 INVALID_ARGUMENT  First rule.',
        '                                       422 SOMETHING_ELSE    https://example.com/alpha.md',
        '                                       404 NOT_FOUND',
        'beta-longer-id  warn (off in qod-sdk)  400 OUT_OF_RANGE      Second | rule.',
        '                                                             https://example.com/beta.md',
        'gamma           info                   400 INVALID_SINK      Third rule, no page.',
        '',
        "Default 'error/warn': errors, and warnings for the rule's secondary findings (e.g. a phone number outside",
        'the numbering plan). Configure a rule with "rules": { "<id>": "off" | "info" | "warn" | "error" | [severity, options] }.',
        '',
      ].join('\n'),
    );
  });
});

describe('dialects whose default differs', () => {
  const row: RuleRow = { id: 'delta', severity: 'error', dialectDefaults: { 'qod-1.1': 'off', 'qod-1.0': 'warn', 'qod-sdk': 'off' }, camara: ['400 INVALID_ARGUMENT'], description: 'Fourth rule.' };

  it('are named once per level in the text table', () => {
    expect(rulesTable([row]).split('\n')[2]).toBe('delta  error (off in qod-1.1, qod-sdk; warn in qod-1.0)  400 INVALID_ARGUMENT  Fourth rule.');
  });

  it('are named once per level in the Markdown table', () => {
    expect(rulesMarkdown([row]).split('\n')[2]).toBe('| `delta` | error (qod-1.1, qod-sdk: off) (qod-1.0: warn) | 400 INVALID_ARGUMENT | Fourth rule. |');
  });
});

describe('rulesMarkdown', () => {
  it('writes one row per rule, linked to its page when it has one, with | escaped', () => {
    expect(rulesMarkdown(rows)).toBe(
      [
        '| rule | default | CAMARA answer | checks |',
        '|---|---|---|---|',
        '| [`alpha`](https://example.com/alpha.md) | error (some findings one level lower) | 400 INVALID_ARGUMENT, 422 SOMETHING_ELSE, 404 NOT_FOUND | First rule. |',
        '| [`beta-longer-id`](https://example.com/beta.md) | warn (qod-sdk: off) | 400 OUT_OF_RANGE | Second \\| rule. |',
        '| `gamma` | info | 400 INVALID_SINK | Third rule, no page. |',
        '',
      ].join('\n'),
    );
  });
});
