// YAML merge keys (`<<: *base`, `<<: [*a, *b]`): the value the yaml package builds (explicit keys
// win, earlier sources win), positions of merged members where they are written, the merge key
// behind an unknown property, merge values that are not mappings, and the alias limits with merges.

import { Alias, Document } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createSourceValidator } from '../../src/engine/validator.js';
import { parseSource, type SourceBody } from '../../src/parse/index.js';
import { MAX_YAML_ALIASES, MAX_YAML_ALIAS_VALUES } from '../../src/parse/yaml.js';
import { builtinRules } from '../../src/rules/index.js';
import type { SourceRange } from '../../src/parse/index.js';
import type { Issue, ValidateOptions } from '../../src/index.js';

function bodyOf(text: string): SourceBody {
  const bodies = parseSource(text, 'yaml');
  expect(bodies).toHaveLength(1);
  return bodies[0]!;
}

/** "line:column-endLine:endColumn". */
function show(range: SourceRange | Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'> | undefined): string | undefined {
  return range && `${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
}

/** "merged &a 3:1", "merged 3:1" (a mapping written after `<<:`), "source &a 3:1", or undefined. */
function origin(body: SourceBody, pointer: string): string | undefined {
  const found = body.mergeOrigin?.(pointer);
  return found && [found.role, found.anchor === undefined ? undefined : `&${found.anchor}`, `${found.line}:${found.column}`].filter(Boolean).join(' ');
}

describe('YAML merge keys: the value and where each member is written', () => {
  interface Case {
    name: string;
    text: string;
    value: unknown;
    /** [pointer, value range, member range (key and value), merge origin] */
    places: [string, string, string, string | undefined][];
  }
  const cases: Case[] = [
    {
      name: 'one merge: the merged members are located in the anchored mapping',
      text: 'base: &b\n  x: 1\n  y: [2]\nbody:\n  <<: *b\n  z: 3\n',
      value: { base: { x: 1, y: [2] }, body: { x: 1, y: [2], z: 3 } },
      places: [
        ['/body/x', '2:6-2:7', '2:3-2:7', 'merged &b 5:3'],
        ['/body/y/0', '3:7-3:8', '3:7-3:8', 'merged &b 5:3'],
        ['/body/z', '6:6-6:7', '6:3-6:7', undefined],
        ['/base', '2:3-3:9', '1:1-3:9', 'source &b 5:3'],
        ['/base/x', '2:6-2:7', '2:3-2:7', undefined],
      ],
    },
    {
      name: 'a list of merges: an earlier mapping wins over a later one',
      text: 'a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n',
      value: { a: { x: 1 }, b: { x: 2, y: 2 }, c: { x: 1, y: 2 } },
      places: [
        ['/c/x', '1:11-1:12', '1:8-1:12', 'merged &a 4:3'],
        ['/c/y', '2:17-2:18', '2:14-2:18', 'merged &b 4:3'],
        ['/b', '2:7-2:19', '2:1-2:19', 'source &b 4:3'],
      ],
    },
    {
      name: 'a key written beside the merge wins, before or after it',
      text: 'a: &a {x: 1, y: 1}\nc:\n  x: 2\n  <<: *a\n  y: 3\n',
      value: { a: { x: 1, y: 1 }, c: { x: 2, y: 3 } },
      places: [
        ['/c/x', '3:6-3:7', '3:3-3:7', undefined],
        ['/c/y', '5:6-5:7', '5:3-5:7', undefined],
      ],
    },
    {
      name: 'two merge keys in one mapping: the first wins',
      text: 'a: &a {x: 1}\nc:\n  <<: *a\n  <<: {x: 5, z: 5}\n',
      value: { a: { x: 1 }, c: { x: 1, z: 5 } },
      places: [
        ['/c/x', '1:11-1:12', '1:8-1:12', 'merged &a 3:3'],
        ['/c/z', '4:17-4:18', '4:14-4:18', 'merged 4:3'],
      ],
    },
    {
      name: 'a merge of a mapping that merges: located where the key is written, through the outer merge',
      text: 'a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc:\n  <<: *b\n',
      value: { a: { x: 1 }, b: { x: 1, y: 2 }, c: { x: 1, y: 2 } },
      places: [
        ['/c/x', '1:11-1:12', '1:8-1:12', 'merged &b 4:3'],
        ['/c/y', '2:19-2:20', '2:16-2:20', 'merged &b 4:3'],
        ['/b/x', '1:11-1:12', '1:8-1:12', 'merged &a 2:8'],
      ],
    },
    {
      name: 'a mapping written after `<<:`',
      text: 'c:\n  <<: {x: 1}\n  y: 2\n',
      value: { c: { x: 1, y: 2 } },
      places: [['/c/x', '2:11-2:12', '2:8-2:12', 'merged 2:3']],
    },
    {
      name: 'an alias of a list of mappings',
      text: 'list: &l\n  - {x: 1}\n  - {x: 2, y: 2}\nc: {<<: *l}\n',
      value: { list: [{ x: 1 }, { x: 2, y: 2 }], c: { x: 1, y: 2 } },
      places: [
        ['/c/x', '2:9-2:10', '2:6-2:10', 'merged &l 4:5'],
        ['/c/y', '3:15-3:16', '3:12-3:16', 'merged &l 4:5'],
        ['/list', '2:3-3:17', '1:1-3:17', 'source &l 4:5'],
      ],
    },
    {
      name: 'a path through a merged member to a key written inside it',
      text: 'base: &b\n  server:\n    ports: [80, 443]\nbody:\n  <<: *b\n',
      value: { base: { server: { ports: [80, 443] } }, body: { server: { ports: [80, 443] } } },
      places: [
        ['/body/server/ports/1', '3:17-3:20', '3:17-3:20', 'merged &b 5:3'],
        ['/body/server/ports', '3:12-3:21', '3:5-3:21', 'merged &b 5:3'],
      ],
    },
    {
      name: 'the root merges',
      text: 'x-base: &b {qosProfile: QOS_E}\n<<: *b\nduration: 60\n',
      value: { 'x-base': { qosProfile: 'QOS_E' }, qosProfile: 'QOS_E', duration: 60 },
      places: [
        ['/qosProfile', '1:25-1:30', '1:13-1:30', 'merged &b 2:1'],
        ['/x-base', '1:12-1:31', '1:1-1:31', 'source &b 2:1'], // the value after its anchor
        ['/duration', '3:11-3:13', '3:1-3:13', undefined],
      ],
    },
    {
      name: "a quoted '<<' is a plain key, not a merge",
      text: 'a: &a {x: 1}\n"<<": *a\n',
      value: { a: { x: 1 }, '<<': { x: 1 } },
      places: [
        ['/<<', '2:7-2:9', '2:1-2:9', undefined],
        ['/x', '', '', undefined],
      ],
    },
    {
      name: 'the merge tag and an explicit key are merges too; so under %YAML 1.1',
      text: '%YAML 1.1\n---\na: &a {x: 1}\nb: {!!merge <<: *a}\nc:\n  ? <<\n  : *a\n',
      value: { a: { x: 1 }, b: { x: 1 }, c: { x: 1 } },
      places: [
        ['/b/x', '3:11-3:12', '3:8-3:12', 'merged &a 4:13'], // the `<<` after its tag
        ['/c/x', '3:11-3:12', '3:8-3:12', 'merged &a 6:5'],
      ],
    },
  ];

  for (const { name, text, value, places } of cases) {
    it(name, () => {
      const body = bodyOf(text);
      expect(body.problems).toEqual([]);
      expect(body.value).toEqual(value);
      const where = places.map(([pointer]) => [pointer, show(body.locate(pointer)) ?? '', show(body.locateMember(pointer)) ?? '', origin(body, pointer)]);
      expect(where).toEqual(places);
    });
  }

  it('repeated merge keys, and a key both merged and written, are not duplicate keys; a repeated key inside a merged mapping is', () => {
    expect(bodyOf('a: &a {x: 1}\nc:\n  <<: *a\n  <<: {y: 2}\n  x: 3\n').problems).toEqual([]);
    const repeated = bodyOf('c:\n  <<: {x: 1, x: 2}\n');
    expect(repeated.problems.map((p) => `${p.messageId}@${p.path} ${show(p)}`)).toEqual(['duplicateKey@/c/x 2:14-2:15']);
    expect(repeated.value).toEqual({ c: { x: 2 } });
  });

  it('a JSON body has no merge keys', () => {
    const [json] = parseSource('{"<<": {"x": 1}}', 'json');
    expect(json!.value).toEqual({ '<<': { x: 1 } });
    expect(json!.mergeOrigin?.('/<<')).toBeUndefined();
  });
});

describe('YAML merge keys that do not name mappings', () => {
  // [what, text, message, at]
  const cases: [string, string, string, string][] = [
    ['a scalar', 'c:\n  <<: 5\n', 'the merge key << is given a value that is not a mapping', '2:7-2:8'],
    ['an alias of a scalar', 'a: &a 1\nc:\n  <<: *a\n', 'the merge key << is given *a, which names neither a mapping nor a list of mappings', '3:7-3:9'],
    ['a list with a scalar in it', 'a: &a {x: 1}\nc:\n  <<: [*a, 5]\n', 'the merge key << is given a list with a value that is not a mapping', '3:12-3:13'],
    ['a list with an alias of a list in it', 'a: &a [{x: 1}]\nc:\n  <<: [*a]\n', 'the merge key << is given a list with *a, which names no mapping', '3:8-3:10'],
    ['an alias of a list with a scalar in it', 'a: &a [{x: 1}, 2]\nc:\n  <<: *a\n', 'the merge key << is given *a, which names neither a mapping nor a list of mappings', '3:7-3:9'],
    ['nothing', 'c:\n  <<:\n  x: 1\n', 'the merge key << has no value', '2:3-2:5'],
  ];
  for (const [what, text, reason, at] of cases) {
    it(`${what}: a parse finding at the value`, () => {
      const body = bodyOf(text);
      expect('value' in body).toBe(false);
      expect(body.problems.map((p) => ({ messageId: p.messageId, message: p.message, at: show(p) }))).toEqual([
        { messageId: 'invalidYaml', message: `The text is not valid YAML: ${reason}; it takes a mapping, an alias of one, or a list of them.`, at },
      ]);
    });
  }

  it('a mapping that merges itself is a cycle, and an alias before its anchor names nothing', () => {
    expect(bodyOf('a: &a {<<: *a}\n').problems.map((p) => [p.message, show(p)])).toEqual([
      ['The text is not valid YAML: the alias *a is inside the node it names, which would make the body cyclic.', '1:12-1:14'],
    ]);
    expect(bodyOf('c: {<<: *later}\nd: &later {x: 1}\n').problems.map((p) => show(p))).toEqual(['1:9-1:15']);
  });
});

describe('YAML merge keys and the alias limits', () => {
  let resolves: MockInstance;
  let conversions: MockInstance;
  beforeEach(() => {
    resolves = vi.spyOn(Alias.prototype, 'resolve');
    conversions = vi.spyOn(Document.prototype, 'toJS');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** An anchored mapping of `keys` members, merged into `merges` mappings, one a line from line 2. */
  function merges(keys: number, count: number): string {
    const big = Array.from({ length: keys }, (_, k) => `k${k}: ${k}`).join(', ');
    return `big: &big {${big}}\n${Array.from({ length: count }, (_, k) => `m${k}: {<<: *big}\n`).join('')}`;
  }

  it('a merged mapping counts as many values as it copies: exactly the limit is read, one more is a finding at the merge that crosses it', () => {
    // The anchored mapping of n members stands for 1 + 2n values; ten merges of it for 10 (1 + 2n).
    const n = (MAX_YAML_ALIAS_VALUES / 10 - 1) / 2 - 0.5;
    expect(Number.isInteger(n)).toBe(true);
    const within = bodyOf(merges(n, 10));
    expect(within.problems).toEqual([]);
    expect(Object.keys((within.value as Record<string, object>).m9!)).toHaveLength(n);
    conversions.mockClear();
    const beyond = bodyOf(merges(n + 1, 10));
    expect(beyond.problems.map((p) => ({ message: p.message, data: p.data, at: show(p) }))).toEqual([
      {
        message: `The YAML document is not read: its aliases stand for more than ${MAX_YAML_ALIAS_VALUES} values.`,
        data: { limit: 'maxYamlAliasValues', max: MAX_YAML_ALIAS_VALUES },
        at: '11:10-11:14', // the tenth merge, `m9: {<<: *big}`
      },
    ]);
    expect(conversions).not.toHaveBeenCalled();
  });

  it('a huge mapping merged many times is refused before anything is copied, whatever its size', () => {
    for (const [keys, count] of [
      [5001, 2],
      [20000, 50],
    ] as const) {
      expect(bodyOf(merges(keys, count)).problems.map((p) => p.data)).toEqual([{ limit: 'maxYamlAliasValues', max: MAX_YAML_ALIAS_VALUES }]);
    }
    expect(resolves).not.toHaveBeenCalled();
    expect(conversions).not.toHaveBeenCalled();
  });

  it('every alias in a list of merges counts against the alias limit', () => {
    const text = `a: &a {x: 1}\nc:\n  <<: [${Array(MAX_YAML_ALIASES + 1).fill('*a').join(', ')}]\n`;
    expect(bodyOf(text).problems.map((p) => p.data)).toEqual([{ limit: 'maxYamlAliases', max: MAX_YAML_ALIASES }]);
    expect(conversions).not.toHaveBeenCalled();
  });

  it('merges that double at each level are refused without a %YAML 1.1 directive too', () => {
    const lines = ['m0: &m0 {k: 1}'];
    for (let k = 1; k <= 30; k++) lines.push(`m${k}: &m${k} {<<: [*m${k - 1}, *m${k - 1}], k${k}: 1}`);
    expect(bodyOf(lines.join('\n')).problems.map((p) => p.data)).toEqual([{ limit: 'maxYamlAliasValues', max: MAX_YAML_ALIAS_VALUES }]);
    expect(conversions).not.toHaveBeenCalled();
  });

  it('locating through merges within the limits resolves no alias again', () => {
    const body = bodyOf(merges(100, 20));
    const resolved = resolves.mock.calls.length;
    expect(show(body.locate('/m19/k99'))).toBe(show(body.locate('/big/k99')));
    expect(resolves).toHaveBeenCalledTimes(resolved);
  });
});

describe('an unknown property that came in through a merge key', () => {
  function reportOf(text: string, options: ValidateOptions = {}) {
    return createSourceValidator(builtinRules, options).validateSource(bodyOf(text));
  }
  const body = [
    'device: &device', //                  1
    '  phoneNumber: "+34600000001"', //    2
    'applicationServer:', //               3
    '  <<: *device', //                    4
    '  ipv4Address: 198.51.100.10', //     5
    'qosProfile: QOS_E', //                6
    'duration: 3600', //                   7
  ].join('\n');

  it('is reported where it is written, in the anchored mapping, and says which merge key brought it', () => {
    const unknown = reportOf(body).issues.filter((i) => i.ruleId === 'known-properties');
    expect(unknown.map((i) => ({ path: i.path, message: i.message, data: i.data, at: show(i) }))).toEqual([
      {
        path: '/applicationServer/phoneNumber',
        message:
          "applicationServer has the property 'phoneNumber', which this API version does not declare. It came in from the anchor &device through the merge key at line 4, column 3.",
        data: { parent: 'applicationServer', property: 'phoneNumber', merge: 'merged', anchor: 'device', mergeLine: 4, mergeColumn: 3 },
        at: '2:3-2:30',
      },
    ]);
  });

  it('a mapping written after `<<:` has no anchor to name', () => {
    const text = body.replace('  <<: *device', '  <<: {colour: blue}');
    const [unknown] = reportOf(text).issues.filter((i) => i.ruleId === 'known-properties');
    expect(unknown!.message).toBe("applicationServer has the property 'colour', which this API version does not declare. It came in through the merge key at line 4, column 3.");
    expect(unknown!.data).toEqual({ parent: 'applicationServer', property: 'colour', merge: 'merged', mergeLine: 4, mergeColumn: 3 });
    expect(show(unknown)).toBe('4:8-4:20');
  });

  it('a property that holds the merged mapping says that the merge leaves it in the body', () => {
    const text = 'x-defaults: &defaults\n  qosProfile: QOS_E\n  duration: 3600\n<<: *defaults\ndevice:\n  phoneNumber: "+34600000001"\napplicationServer:\n  ipv4Address: 198.51.100.10\n';
    const report = reportOf(text);
    expect(report.issues.map((i) => ({ ruleId: i.ruleId, path: i.path, message: i.message, data: i.data, at: show(i) }))).toEqual([
      {
        ruleId: 'known-properties',
        path: '/x-defaults',
        message:
          "The request body has the property 'x-defaults', which this API version does not declare. It holds the anchor &defaults that the merge key at line 4, column 1 copies: the merge does not take it out of the body.",
        data: { parent: 'The request body', property: 'x-defaults', merge: 'source', anchor: 'defaults', mergeLine: 4, mergeColumn: 1 },
        at: '1:1-3:17',
      },
    ]);
  });

  it('where the API version allows unknown properties, a merged one is allowed as a written one is; known-properties on reports it the same way', () => {
    expect(reportOf(body, { dialect: 'qod-1.1' }).issues).toEqual([]);
    const [unknown] = reportOf(body, { dialect: 'qod-1.1', rules: { 'known-properties': 'warn' } }).issues;
    expect(unknown).toMatchObject({ severity: 'warn', path: '/applicationServer/phoneNumber', line: 2, column: 3, data: { merge: 'merged', anchor: 'device', mergeLine: 4 } });
  });

  it("with known-properties off, the schema's own finding (the specification floor) gets the same place and note", () => {
    const unknown = reportOf(body, { rules: { 'known-properties': 'off' } }).issues.filter((i) => i.path === '/applicationServer/phoneNumber');
    expect(unknown.map((i) => [i.ruleId, show(i), i.data?.merge, i.data?.anchor, i.message.endsWith('It came in from the anchor &device through the merge key at line 4, column 3.')])).toEqual([
      ['schema', '2:3-2:30', 'merged', 'device', true],
    ]);
  });

  it('other findings on merged values point where the value is written, without a note', () => {
    const text = `${body}\ndevicePorts: &ports\n  ranges: [{from: 5020, to: 5010}]\napplicationServerPorts: {<<: *ports}\n`;
    const reversed = reportOf(text).issues.filter((i) => i.ruleId === 'port-ranges');
    expect(reversed.map((i) => [i.path, show(i), i.data?.merge])).toEqual([
      ['/devicePorts/ranges/0', '9:12-9:34', undefined],
      ['/applicationServerPorts/ranges/0', '9:12-9:34', undefined],
    ]);
  });

  it('a property written beside the merge, not copied by it, has no note', () => {
    const text = body.replace('  ipv4Address: 198.51.100.10', '  ipv4Address: 198.51.100.10\n  colour: blue');
    const notes = reportOf(text).issues.filter((i) => i.ruleId === 'known-properties').map((i) => [i.path, i.data?.merge ?? null]);
    expect(notes).toEqual([
      ['/applicationServer/phoneNumber', 'merged'],
      ['/applicationServer/colour', null],
    ]);
  });
});
