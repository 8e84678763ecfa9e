// YAML anchors and aliases: the limits apply before any alias is resolved or expanded, and the
// work for a document is linear in its size. Work is counted, never timed: calls to the yaml
// package's alias resolution (which scans the document's anchors and aliases) and to its
// conversion into a JavaScript value (which expands aliases).

import { Alias, Document } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { parseSource, type SourceBody } from '../../src/parse/index.js';
import { MAX_YAML_ALIASES, MAX_YAML_ALIAS_VALUES, MAX_YAML_ANCHORS } from '../../src/parse/yaml.js';

function bodyOf(text: string): SourceBody {
  const bodies = parseSource(text, 'yaml');
  expect(bodies).toHaveLength(1);
  return bodies[0]!;
}

/** One finding, as a comparable summary. */
function finding(body: SourceBody) {
  expect(body.problems).toHaveLength(1);
  const { messageId, message, data, line, column, endLine, endColumn } = body.problems[0]!;
  return { messageId, message, data, at: `${line}:${column}-${endLine}:${endColumn}` };
}

/** A scalar anchor on line 1, then `count` aliases to it, one a line from line 3. */
function aliasList(count: number): string {
  return `a: &a x\nlist:\n${'  - *a\n'.repeat(count)}`;
}

let resolves: MockInstance;
let conversions: MockInstance;
beforeEach(() => {
  resolves = vi.spyOn(Alias.prototype, 'resolve');
  conversions = vi.spyOn(Document.prototype, 'toJS');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('YAML alias limits', () => {
  it('beyond the alias limit: the same finding whatever the number of aliases, and no alias resolved or expanded', () => {
    const expected = {
      messageId: 'invalidYaml',
      message: `The YAML document is not read: it has more than ${MAX_YAML_ALIASES} aliases.`,
      data: { limit: 'maxYamlAliases', max: MAX_YAML_ALIASES },
      // The first alias beyond the limit: line 3 holds the first alias.
      at: `${3 + MAX_YAML_ALIASES}:5-${3 + MAX_YAML_ALIASES}:7`,
    };
    for (const count of [MAX_YAML_ALIASES + 1, 1000, 20000]) {
      expect(finding(bodyOf(aliasList(count))), `${count} aliases`).toEqual(expected);
    }
    expect(resolves).not.toHaveBeenCalled();
    expect(conversions).not.toHaveBeenCalled();
  });

  it('within the limits: each alias is resolved once, by the conversion, however large the document', () => {
    // Half the limit, so that only the work differs from a parser without these limits.
    const aliases = MAX_YAML_ALIASES / 2;
    const filler = Array.from({ length: 2000 }, (_, k) => `  k${k}: [a, b, {c: d}]`).join('\n');
    const text = `base: &b {x: 1, y: [1, 2]}\nlist:\n${'  - *b\n'.repeat(aliases)}other:\n${filler}\n`;
    const body = bodyOf(text);
    expect(body.problems).toEqual([]);
    const value = body.value as { base: unknown; list: unknown[]; other: Record<string, unknown> };
    expect(value.list).toHaveLength(aliases);
    for (const item of value.list) expect(item).toEqual({ x: 1, y: [1, 2] });
    expect(Object.keys(value.other)).toHaveLength(2000);
    expect(conversions).toHaveBeenCalledTimes(1);
    expect(resolves).toHaveBeenCalledTimes(aliases);
    // Each with the conversion's context, whose cache saves a scan of the whole document per alias.
    for (const [, context] of resolves.mock.calls) expect(context).toBeDefined();
    // Locating through an alias resolves nothing again.
    expect(body.locate(`/list/${aliases - 1}/y/1`)).toEqual({ line: 1, column: 24, endLine: 1, endColumn: 25 });
    expect(resolves).toHaveBeenCalledTimes(aliases);
  });

  it('the alias limit: exactly the limit is read, one more is a finding', () => {
    expect(bodyOf(aliasList(MAX_YAML_ALIASES)).problems).toEqual([]);
    expect(finding(bodyOf(aliasList(MAX_YAML_ALIASES + 1))).data).toEqual({ limit: 'maxYamlAliases', max: MAX_YAML_ALIASES });
  });

  it('the anchor limit: exactly the limit is read, one more is a finding at that anchor', () => {
    expect(MAX_YAML_ANCHORS).toBe(100); // the position below is written for it
    const anchors = (count: number) => Array.from({ length: count }, (_, k) => `k${k}: &a${k} [${k}]`).join('\n');
    expect(bodyOf(anchors(MAX_YAML_ANCHORS)).problems).toEqual([]);
    expect(finding(bodyOf(anchors(MAX_YAML_ANCHORS + 1)))).toEqual({
      messageId: 'invalidYaml',
      message: `The YAML document is not read: it defines more than ${MAX_YAML_ANCHORS} anchors.`,
      data: { limit: 'maxYamlAnchors', max: MAX_YAML_ANCHORS },
      at: '101:13-101:18', // the anchored node of line 101, `k100: &a100 [100]`
    });
    expect(conversions).toHaveBeenCalledTimes(1); // only the document within the limit
  });

  it('the values aliases stand for: exactly the limit is read, one more is a finding at the alias that crosses it', () => {
    // An anchored list of n scalars stands for n + 1 values; 100 aliases to it stand for 100 (n + 1).
    const list = (n: number) => `base: &b [${Array(n).fill('x').join(', ')}]\nlist:\n${'  - *b\n'.repeat(100)}`;
    const exact = MAX_YAML_ALIAS_VALUES / 100 - 1;
    expect(bodyOf(list(exact)).problems).toEqual([]);
    expect(finding(bodyOf(list(exact + 1)))).toEqual({
      messageId: 'invalidYaml',
      message: `The YAML document is not read: its aliases stand for more than ${MAX_YAML_ALIAS_VALUES} values.`,
      data: { limit: 'maxYamlAliasValues', max: MAX_YAML_ALIAS_VALUES },
      at: '102:5-102:7', // the 100th alias: 99 × (n + 2) values are within the limit, 100 × (n + 2) are not
    });
  });

  it('nested aliases are counted expanded: an alias bomb is refused without being expanded', () => {
    // Ten levels of ten aliases each: 90 aliases in the text, 10^10 values expanded.
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k < 10; k++) lines.push(`a${k}: &a${k} [${Array(10).fill(`*a${k - 1}`).join(', ')}]`);
    expect(finding(bodyOf(lines.join('\n'))).data).toEqual({ limit: 'maxYamlAliasValues', max: MAX_YAML_ALIAS_VALUES });
    expect(resolves).not.toHaveBeenCalled();
    expect(conversions).not.toHaveBeenCalled();
  });

  it('YAML 1.1 merge keys, which copy their source again each time, are bounded by the same count', () => {
    // Each level merges the one before twice: 2^30 copies if nothing stopped it.
    const lines = ['%YAML 1.1', '---', 'm0: &m0 {k: 1}'];
    for (let k = 1; k <= 30; k++) lines.push(`m${k}: &m${k} {<<: [*m${k - 1}, *m${k - 1}], k${k}: 1}`);
    expect(finding(bodyOf(lines.join('\n'))).data).toEqual({ limit: 'maxYamlAliasValues', max: MAX_YAML_ALIAS_VALUES });
    expect(conversions).not.toHaveBeenCalled();
  });

  it('aliases are counted wherever they are: under a key that is a collection, and in a key', () => {
    const underKey = `a: &a x\n? [k]\n: [${Array(MAX_YAML_ALIASES + 1).fill('*a').join(', ')}]\n`;
    expect(finding(bodyOf(underKey)).data).toEqual({ limit: 'maxYamlAliases', max: MAX_YAML_ALIASES });
    const inKeys = `a: &a x\nb:\n${Array.from({ length: MAX_YAML_ALIASES + 1 }, (_, k) => `  ? [*a, ${k}]\n  : 1`).join('\n')}\n`;
    expect(finding(bodyOf(inKeys)).data).toEqual({ limit: 'maxYamlAliases', max: MAX_YAML_ALIASES });
  });
});

describe('YAML alias resolution (as the yaml package resolves, without its document scans)', () => {
  it('an alias names the latest anchor of that name before it', () => {
    const body = bodyOf('a: &x 1\nb: &x 2\nc: *x\nd: &x [3, &x 4, *x]\ne: *x\n');
    expect(body.problems).toEqual([]);
    expect(body.value).toEqual({ a: 1, b: 2, c: 2, d: [3, 4, 4], e: 4 });
    expect(body.locate('/c')).toEqual({ line: 3, column: 4, endLine: 3, endColumn: 6 });
  });

  it('an alias inside the node it names is a cycle; after a nested anchor of the same name it is not', () => {
    expect(finding(bodyOf('a: &x\n  b: [1, *x]\n'))).toMatchObject({ messageId: 'invalidYaml', at: '2:10-2:12' });
    expect(bodyOf('a: &x [&x 1, *x]\n').value).toEqual({ a: [1, 1] });
  });

  it('an alias before its anchor is a finding, and the first problem in the text is the one reported', () => {
    expect(finding(bodyOf('a: *x\nb: &x 1\n'))).toMatchObject({ message: 'The text is not valid YAML: the alias *x names no anchor defined before it.', at: '1:4-1:6' });
    expect(finding(bodyOf(`a: *nope\nb: &a x\nlist: [${Array(200).fill('*a').join(', ')}]\n`)).at).toBe('1:4-1:9');
  });

  it('each document of a stream has its own anchors and its own limits', () => {
    const documents = Array.from({ length: 5 }, () => aliasList(MAX_YAML_ALIASES)).join('---\n');
    const bodies = parseSource(`${documents}---\nb: *a\n`, 'yaml');
    expect(bodies.map((body) => body.problems.map((p) => p.messageId))).toEqual([[], [], [], [], [], ['invalidYaml']]);
  });
});
