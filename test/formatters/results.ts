// Shared inputs for the formatter tests: small LintResult tables covering the cases every
// formatter must handle (nothing, clean, errors, warnings, info, multi-body files, missing
// positions, and hostile text in messages and paths).

import type { FormatterContext, LintResult } from '../../src/formatters/types.js';
import type { Issue } from '../../src/types.js';

export function issue(fields: Partial<Issue> & Pick<Issue, 'ruleId' | 'message'>): Issue {
  return { messageId: 'm', severity: 'error', path: '', status: 400, code: 'INVALID_ARGUMENT', ...fields };
}

export function result(filePath: string, issues: Issue[], index = 0): LintResult {
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const warningCount = issues.filter((i) => i.severity === 'warn').length;
  return { filePath, index, dialect: 'qod-1.2', valid: errorCount === 0, errorCount, warningCount, issues };
}

export const context: FormatterContext = {
  color: false,
  version: '0.1.0',
  rules: new Map([
    ['duration-bounds', { description: 'Duration within the bounds of the API version, the policy and the QoS profile.', helpUri: 'https://example.com/docs/rules/duration-bounds.md' }],
    ['phone-number', { description: 'Phone numbers in E.164 form and valid in their numbering plan.', helpUri: 'https://example.com/docs/rules/phone-number.md' }],
    ['sink', { description: 'Notification sink is https and not an internal host.', helpUri: 'https://example.com/docs/rules/sink.md' }],
  ]),
};

const durationLow = issue({
  ruleId: 'duration-bounds',
  messageId: 'belowMinimum',
  path: '/duration',
  message: 'duration 0 is below the minimum of 1 second.',
  data: { value: 0, min: 1 },
  code: 'OUT_OF_RANGE',
  line: 12,
  column: 15,
  endLine: 12,
  endColumn: 16,
});

const phoneSyntax = issue({
  ruleId: 'phone-number',
  messageId: 'notE164',
  path: '/device/phoneNumber',
  message: "device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits).",
  line: 3,
  column: 20,
  endLine: 3,
  endColumn: 32,
});

const missingQos = issue({
  ruleId: 'schema',
  messageId: 'required',
  path: '',
  message: "The body lacks the required property 'qosProfile'.",
  data: { property: 'qosProfile' },
  line: 1,
  column: 1,
  endLine: 14,
  endColumn: 2,
});

const sinkHost = issue({
  ruleId: 'sink',
  messageId: 'internalHost',
  severity: 'warn',
  path: '/sink',
  message: "sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery).",
  code: 'INVALID_SINK',
  line: 9,
  column: 11,
  endLine: 9,
  endColumn: 35,
});

const truncated = issue({
  ruleId: 'truncated',
  messageId: 'truncated',
  severity: 'info',
  path: '',
  message: '3 more issues were not listed (at most 100 are reported).',
});

export const cases = {
  empty: [] as LintResult[],
  clean: [result('fixtures/qod-1.2/valid/minimal.json', [])],
  errors: [
    result('fixtures/qod-1.2/valid/minimal.json', []),
    result('fixtures/qod-1.2/invalid/two-errors.json', [phoneSyntax, durationLow]),
    result('fixtures/qod-1.2/invalid/no-qos-profile.json', [missingQos]),
  ],
  warnings: [result('fixtures/qod-1.2/invalid/sink-loopback.json', [sinkHost])],
  info: [result('fixtures/qod-1.2/invalid/many.json', [truncated])],
  mixed: [result('fixtures/qod-1.2/invalid/mixed.json', [phoneSyntax, sinkHost, durationLow, truncated])],
  multiBody: [
    result('fixtures/bodies.ndjson', [{ ...phoneSyntax, line: 1, endLine: 1 }], 0),
    result('fixtures/bodies.ndjson', [], 1),
    result('fixtures/bodies.ndjson', [{ ...sinkHost, line: 3, endLine: 3 }, { ...durationLow, line: 3, endLine: 3, column: 120, endColumn: 121 }], 2),
    result('fixtures/single.json', [durationLow]),
  ],
  special: [
    result('fixtures/über café/日本, "a":b%.json', [
      issue({
        ruleId: 'phone-number',
        path: '/device/phoneNumber',
        message: 'device.phoneNumber \'+33\u001b[2J\u0007\' has <control> & "quotes", 50% of a\r\nnew line, a tab\there, a NUL \u0000 and a lone \ud800 surrogate.',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 9,
      }),
      issue({ ruleId: 'sink', severity: 'warn', path: '/sink', message: 'sink 名前 ✨ is wide: ok.', line: 4, column: 5, endLine: 4, endColumn: 7 }),
    ]),
  ],
  noPositions: [result('<stdin>', [issue({ ruleId: 'schema', message: 'The body must be an object.', path: '' })])],
} satisfies Record<string, LintResult[]>;

export type CaseName = keyof typeof cases;
