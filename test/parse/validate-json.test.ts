// validateJson: parse findings with positions (also in the message, the only thing a gateway's
// client sees), duplicate keys as findings, and positions on every issue when there are issues.

import { describe, expect, it } from 'vitest';
import { createValidator, toErrorInfo, validate, validateJson } from '../../src/index.js';

const VALID = {
  device: { phoneNumber: '+34600000000' },
  applicationServer: { ipv4Address: '198.51.100.10' },
  qosProfile: 'QOS_E',
  duration: 3600,
};

describe('validateJson', () => {
  it('a valid body: the same report as validate, with nothing to locate', () => {
    const text = JSON.stringify(VALID, null, 2);
    const report = validateJson(text);
    expect(report).toEqual(validate(VALID));
  });

  it('a syntax error: a parse issue at the exact position, named in the message too', () => {
    const report = validateJson('{\r\n  "qosProfile": "QOS_E",\r\n  "duration": 36OO\r\n}');
    expect(report.valid).toBe(false);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ ruleId: 'parse', messageId: 'invalidJson', path: '', status: 400, code: 'INVALID_ARGUMENT', line: 3, column: 17, endLine: 3, endColumn: 18 });
    expect(toErrorInfo(report)).toEqual({
      status: 400,
      code: 'INVALID_ARGUMENT',
      message: "The text is not valid JSON: ',' or '}' was expected after a property value, found 'O' (line 3, column 17).",
    });
  });

  it('empty text', () => {
    expect(validateJson('').issues).toMatchObject([{ ruleId: 'parse', messageId: 'invalidJson', message: 'The text is empty: a JSON body is required.', line: 1, column: 1 }]);
  });

  it('bytes: a BOM is ignored; bytes that are not UTF-8 are a parse issue with a position', () => {
    const bom = new TextEncoder().encode(`\ufeff${JSON.stringify(VALID)}`);
    expect(validateJson(bom)).toEqual(validate(VALID));
    const bad = new Uint8Array([0x7b, 0x0a, 0x22, 0xff]);
    expect(validateJson(bad).issues).toMatchObject([{ ruleId: 'parse', messageId: 'invalidUtf8', line: 2, column: 2 }]);
  });

  it('not text at all', () => {
    expect(validateJson(42 as unknown as string).issues).toMatchObject([{ ruleId: 'parse', messageId: 'invalidJson', line: 1, column: 1 }]);
  });

  it('duplicate keys are an error, with the pointer and position of the repeated key', () => {
    const text = '{\n  "device": {"phoneNumber": "+34600000000"},\n  "applicationServer": {"ipv4Address": "198.51.100.10"},\n  "qosProfile": "QOS_E",\n  "duration": 3600,\n  "qosProfile": "QOS_L"\n}';
    const report = validateJson(text);
    expect(report.valid).toBe(false);
    const duplicate = report.issues.filter((i) => i.ruleId === 'parse');
    expect(duplicate).toMatchObject([{ messageId: 'duplicateKey', path: '/qosProfile', severity: 'error', line: 6, column: 3, endLine: 6, endColumn: 15, data: { key: 'qosProfile', previousLine: 4, previousColumn: 3 } }]);
    // The rest of the report is the report of the value JSON.parse made (the last key wins).
    const others = report.issues.filter((i) => i.ruleId !== 'parse');
    expect(others.map((i) => `${i.ruleId}@${i.path}`)).toEqual(validate(JSON.parse(text)).issues.map((i) => `${i.ruleId}@${i.path}`));
    expect(report.errorCount).toBe(others.filter((i) => i.severity === 'error').length + 1);
  });

  it('duplicate keys count against maxIssues like any issue', () => {
    const { validateJson: limited } = createValidator({ maxIssues: 1 });
    const report = limited('{"a": 1, "a": 2, "b": 3}');
    expect(report.issues).toHaveLength(2);
    expect(report.issues[1]).toMatchObject({ ruleId: 'truncated' });
  });

  it('every issue gets the position of what its path names', () => {
    const text = '{\n\t"device": {"phoneNumber": "+34600000000", "colour": "blue"},\n\t"applicationServer": {"ipv4Address": "198.51.100.10"},\n\t"qosProfile": "QOS_E"\n}';
    const report = validateJson(text);
    expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) {
      expect(issue.line, `${issue.ruleId}@${issue.path}`).toBeGreaterThan(0);
      expect(issue.column).toBeGreaterThan(0);
      expect(issue.endLine).toBeGreaterThanOrEqual(issue.line!);
    }
    // A missing property (duration) is reported on the root object: the whole text.
    expect(report.issues.find((i) => i.ruleId === 'schema' && i.messageId === 'required')).toMatchObject({ path: '', line: 1, column: 1, endLine: 5, endColumn: 2 });
    // An unknown property spans its key and value.
    expect(report.issues.find((i) => i.ruleId === 'known-properties')).toMatchObject({ path: '/device/colour', line: 2, column: 44, endLine: 2, endColumn: 60 });
  });
});
