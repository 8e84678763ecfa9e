import { describe, expect, it } from 'vitest';
import stylish from '../../src/formatters/stylish.js';
import type { LintResult } from '../../src/formatters/types.js';
import { cases, context, issue, result } from './results.js';

const lines = (...text: string[]): string => text.join('\n');
const colour = { ...context, color: true };

describe('stylish', () => {
  it('prints nothing at all when there is nothing to report', () => {
    expect(stylish(cases.empty, context)).toBe('');
    expect(stylish(cases.clean, context)).toBe('');
    expect(stylish(cases.clean, colour)).toBe('');
  });

  it('groups errors by file, aligns the columns and sums up', () => {
    expect(stylish(cases.errors, context)).toBe(
      lines(
        '',
        'fixtures/qod-1.2/invalid/two-errors.json',
        "   3:20  error  device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits)  phone-number",
        '  12:15  error  duration 0 is below the minimum of 1 second                                       duration-bounds',
        '',
        'fixtures/qod-1.2/invalid/no-qos-profile.json',
        "  1:1  error  The body lacks the required property 'qosProfile'  schema",
        '',
        '✖ 3 problems (3 errors, 0 warnings)',
        '',
      ),
    );
  });

  it('shows warnings', () => {
    expect(stylish(cases.warnings, context)).toBe(
      lines(
        '',
        'fixtures/qod-1.2/invalid/sink-loopback.json',
        "  9:11  warning  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery)  sink",
        '',
        '✖ 1 problem (0 errors, 1 warning)',
        '',
      ),
    );
  });

  it('shows info findings as "info", and 0:0 for a finding without a position', () => {
    expect(stylish(cases.info, context)).toBe(
      lines(
        '',
        'fixtures/qod-1.2/invalid/many.json',
        '  0:0  info  3 more issues were not listed (at most 100 are reported)  truncated',
        '',
        '✖ 1 problem (0 errors, 0 warnings, 1 info)',
        '',
      ),
    );
    expect(stylish(cases.noPositions, context)).toBe(
      lines('', '<stdin>', '  0:0  error  The body must be an object  schema', '', '✖ 1 problem (1 error, 0 warnings)', ''),
    );
  });

  it('aligns mixed severities', () => {
    expect(stylish(cases.mixed, context)).toBe(
      lines(
        '',
        'fixtures/qod-1.2/invalid/mixed.json',
        "   3:20  error    device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits)  phone-number",
        "   9:11  warning  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery)   sink",
        '  12:15  error    duration 0 is below the minimum of 1 second                                       duration-bounds',
        '   0:0   info     3 more issues were not listed (at most 100 are reported)                          truncated',
        '',
        '✖ 4 problems (2 errors, 1 warning, 1 info)',
        '',
      ),
    );
  });

  it('colours only when asked: underlined file, dim location and rule, red/yellow/blue severities, bold summary', () => {
    expect(stylish(cases.mixed, colour)).toBe(
      lines(
        '',
        '\u001b[4mfixtures/qod-1.2/invalid/mixed.json\u001b[24m',
        "  \u001b[2m 3:20\u001b[22m  \u001b[31merror  \u001b[39m  device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits)  \u001b[2mphone-number\u001b[22m",
        "  \u001b[2m 9:11\u001b[22m  \u001b[33mwarning\u001b[39m  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery)   \u001b[2msink\u001b[22m",
        '  \u001b[2m12:15\u001b[22m  \u001b[31merror  \u001b[39m  duration 0 is below the minimum of 1 second                                       \u001b[2mduration-bounds\u001b[22m',
        '  \u001b[2m 0:0 \u001b[22m  \u001b[34minfo   \u001b[39m  3 more issues were not listed (at most 100 are reported)                          \u001b[2mtruncated\u001b[22m',
        '',
        '\u001b[1m\u001b[31m✖ 4 problems (2 errors, 1 warning, 1 info)\u001b[39m\u001b[22m',
        '',
      ),
    );
    // Without colour the same text has no escape at all.
    expect(stylish(cases.mixed, context)).not.toContain('\u001b');
    // The summary is yellow with warnings only, blue with info only.
    expect(stylish(cases.warnings, colour)).toContain('\u001b[1m\u001b[33m✖ 1 problem (0 errors, 1 warning)\u001b[39m\u001b[22m');
    expect(stylish(cases.info, colour)).toContain('\u001b[1m\u001b[34m✖ 1 problem (0 errors, 0 warnings, 1 info)\u001b[39m\u001b[22m');
  });

  it('shows the body index of multi-body files, in body order', () => {
    const shuffled = [cases.multiBody[2]!, cases.multiBody[3]!, cases.multiBody[0]!, cases.multiBody[1]!];
    const expected = lines(
      '',
      'fixtures/bodies.ndjson',
      "  1:20   [0]  error    device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits)  phone-number",
      "  3:11   [2]  warning  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery)   sink",
      '  3:120  [2]  error    duration 0 is below the minimum of 1 second                                       duration-bounds',
      '',
      'fixtures/single.json',
      '  12:15  error  duration 0 is below the minimum of 1 second  duration-bounds',
      '',
      '✖ 4 problems (3 errors, 1 warning)',
      '',
    );
    expect(stylish(cases.multiBody, context)).toBe(expected);
    expect(stylish(shuffled, context)).toBe(expected);
  });

  it('makes control characters visible and aligns wide characters by display width', () => {
    const first =
      "device.phoneNumber '+33\\u001b[2J\\u0007' has <control> & \"quotes\", 50% of a\\r\\nnew line, a tab\\there, a NUL \\u0000 and a lone \\ud800 surrogate";
    // 'sink 名前 ✨ is wide: ok' takes 24 terminal columns: 名, 前 and ✨ take two each.
    const second = `sink 名前 ✨ is wide: ok${' '.repeat(first.length - 24)}`;
    expect(stylish(cases.special, context)).toBe(
      lines(
        '',
        'fixtures/über café/日本, "a":b%.json',
        `  2:3  error    ${first}  phone-number`,
        `  4:5  warning  ${second}  sink`,
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ),
    );
  });

  it('never lets a message or a path send terminal escapes or break a line', () => {
    const hostile = [
      result('a\u001b]0;title\u0007\nb.json', [
        issue({ ruleId: 'x\u001b[31m', message: 'm\u009b2J \u202eevil\u202c \u2028 \r done', line: 1, column: 1 }),
      ]),
    ];
    const text = stylish(hostile, context);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(text).toContain('a\\u001b]0;title\\u0007\\nb.json');
    expect(text).toContain('m\\u009b2J \\u202eevil\\u202c \\u2028 \\r done  x\\u001b[31m');
    expect(text.split('\n')).toEqual(['', expect.any(String), expect.any(String), '', '✖ 1 problem (1 error, 0 warnings)', '']);
  });

  it('never starts a line with a file name that a CI runner would take for a workflow command', () => {
    const text = stylish([result(' ::error file=a.json::forged.json', [issue({ ruleId: 'r', message: 'm.', line: 1, column: 1 })]), result('::warning::w.json', [issue({ ruleId: 'r', message: 'm.', line: 1, column: 1 })])], context);
    for (const line of text.split('\n')) expect(line.trimStart(), line).not.toMatch(/^::/);
    expect(text).toContain('\n./ ::error file=a.json::forged.json\n');
    expect(text).toContain('\n./::warning::w.json\n');
  });

  it('gives combining marks no width and emoji two', () => {
    const text = stylish(
      [
        result('f.json', [
          // 9 columns in 10 UTF-16 code units: the accent takes none, the emoji (a surrogate pair) two.
          issue({ ruleId: 'a', message: 'cafe\u0301 😀 x', line: 1, column: 1 }),
          issue({ ruleId: 'b', message: 'abcdefghijkl', line: 2, column: 1 }),
        ]),
      ],
      context,
    );
    expect(text).toContain('  1:1  error  cafe\u0301 😀 x     a\n');
    expect(text).toContain('  2:1  error  abcdefghijkl  b\n');
  });

  it('keeps "..." and strips one final period, like ESLint', () => {
    const text = stylish([result('f.json', [issue({ ruleId: 'a', message: 'Wait...' }), issue({ ruleId: 'b', message: 'Done.' })])], context);
    expect(text).toContain('0:0  error  Wait...  a\n');
    expect(text).toContain('0:0  error  Done     b\n');
  });

  it('counts what it shows (a list filtered by --quiet adds up)', () => {
    const quiet: LintResult[] = [{ ...cases.mixed[0]!, issues: cases.mixed[0]!.issues.filter((i) => i.severity === 'error') }];
    expect(stylish(quiet, context)).toMatch(/✖ 2 problems \(2 errors, 0 warnings\)\n$/);
  });

  it('says when there were more warnings than --max-warnings allows', () => {
    const exceeded = { ...context, maxWarningsExceeded: { maxWarnings: 0, warningCount: 1 } };
    expect(stylish(cases.warnings, exceeded)).toBe(
      lines(
        '',
        'fixtures/qod-1.2/invalid/sink-loopback.json',
        "  9:11  warning  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery)  sink",
        '',
        '✖ 1 problem (0 errors, 1 warning)',
        '',
        'qod-policy found too many warnings: 1 (maximum: 0).',
        '',
      ),
    );
    expect(stylish(cases.warnings, { ...exceeded, color: true })).toContain(
      '\n\u001b[31mqod-policy found too many warnings: 1 (maximum: 0).\u001b[39m\n',
    );
    // --quiet hid the warnings: the note still explains the exit code.
    expect(stylish([], { ...context, maxWarningsExceeded: { maxWarnings: 2, warningCount: 5 } })).toBe(
      '\nqod-policy found too many warnings: 5 (maximum: 2).\n',
    );
  });
});
