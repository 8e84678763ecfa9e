// Fixes in reports: a rule's value-level fix (Finding.fix) becomes the issue's `fix`, ESLint's
// { range, text } in offsets of the text given, where the text is known (validateJson, the CLI's
// source bodies); never on validate()'s issues, on bodies with parse findings, or where the
// parse layer cannot make the edit.

import { describe, expect, it } from 'vitest';
import { createSourceValidator } from '../../src/engine/validator.js';
import { defineRule, validate, validateJson, type Fix, type Plugin, type ValidateOptions } from '../../src/index.js';
import { parseSource } from '../../src/parse/index.js';
import { builtinRules } from '../../src/rules/index.js';

function applied(text: string, fix: Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** A plugin rule that reports the qosProfile with the fix it is told to. */
function plugin(fix: { replace: string } | { remove: true }, path = '/qosProfile'): Plugin {
  return {
    name: 'acme',
    rules: {
      fixer: defineRule({
        meta: { docs: { description: 'A rule with a fix.' }, messages: { found: 'Found.' }, status: 400, code: 'INVALID_ARGUMENT' },
        check(_model, ctx) {
          ctx.report({ messageId: 'found', path, fix });
        },
      }),
    },
  };
}

const options = (p: Plugin): ValidateOptions => ({ plugins: [p], rules: { 'acme/fixer': 'warn' } });
const body = '{"device": {"phoneNumber": "+34600000000"}, "applicationServer": {"ipv4Address": "198.51.100.0/24"}, "devicePorts": {"ports": [1, 2]}, "qosProfile": "QOS_E", "duration": 60}';
const fixOf = (text: string | Uint8Array, o: ValidateOptions) => validateJson(text, o).issues.find((i) => i.ruleId === 'acme/fixer')?.fix;

describe('the fix of a finding', () => {
  it('replaces the value in the text given', () => {
    const fix = fixOf(body, options(plugin({ replace: 'QOS_L' })));
    expect(fix).toEqual({ range: [body.indexOf('"QOS_E"'), body.indexOf('"QOS_E"') + 7], text: '"QOS_L"' });
    expect(applied(body, fix!)).toBe(body.replace('"QOS_E"', '"QOS_L"'));
  });

  it('removes an array item with its comma', () => {
    const fix = fixOf(body, options(plugin({ remove: true }, '/devicePorts/ports/1')));
    expect(applied(body, fix!)).toBe(body.replace('[1, 2]', '[1]'));
  });

  it('counts offsets in the text given, BOM included, for strings and UTF-8 bytes alike', () => {
    const text = `\ufeff${body}`;
    for (const input of [text, new TextEncoder().encode(text)]) {
      const fix = fixOf(input, options(plugin({ replace: 'QOS_L' })));
      expect(applied(text, fix!)).toBe(text.replace('"QOS_E"', '"QOS_L"'));
    }
  });

  it('is only on issues of text: validate() has the finding without a fix', () => {
    const issue = validate(JSON.parse(body), options(plugin({ replace: 'QOS_L' }))).issues.find((i) => i.ruleId === 'acme/fixer');
    expect(issue).toBeDefined();
    expect(issue).not.toHaveProperty('fix');
  });

  it('is left out where the edit cannot be made: a value that is not a string, an item of no array, a path that names nothing', () => {
    expect(fixOf(body, options(plugin({ replace: 'x' }, '/duration')))).toBeUndefined();
    expect(fixOf(body, options(plugin({ remove: true }, '/device/phoneNumber')))).toBeUndefined();
    expect(fixOf(body, options(plugin({ replace: 'x' }, '/nothing/here')))).toBeUndefined();
  });

  it('is left out in a body with a key given twice (other parsers may read the other value)', () => {
    const twice = body.replace('"duration": 60', '"duration": 60, "duration": 60');
    const report = validateJson(twice, options(plugin({ replace: 'QOS_L' })));
    expect(report.issues.map((i) => i.messageId)).toContain('duplicateKey');
    expect(report.issues.find((i) => i.ruleId === 'acme/fixer')).not.toHaveProperty('fix');
  });

  it('stays with its issue through sorting and the dialect’s words, and only listed issues have one', () => {
    // Found in rule order (phone-number first), listed in document order (devicePorts first).
    const text = JSON.stringify({ devicePorts: { ports: [80, 80, 80] }, device: { phoneNumber: '+34 600 000 000' }, applicationServer: { ipv4Address: '198.51.100.0/24' }, qosProfile: 'QOS_E', duration: 60 });
    const report = validateJson(text, { maxIssues: 2 });
    expect(report.issues.map((i) => `${i.ruleId}/${i.messageId}@${i.path} ${i.fix === undefined ? '-' : text.slice(i.fix.range[0], i.fix.range[1])} ${i.fix?.text ?? ''}`)).toEqual([
      'port-ranges/duplicatePort@/devicePorts/ports/1 ,80 ',
      'phone-number/whitespace@/device/phoneNumber "+34 600 000 000" "+34600000000"',
      'truncated/truncated@ - ',
    ]);
  });

  it('is made for the bodies of source files: NDJSON lines and YAML documents, in offsets of the file', () => {
    const validator = createSourceValidator(builtinRules, { dialect: 'qod-1.2' });
    const ndjson = '{"device": {"phoneNumber": "+34 600 000 000"}, "qosProfile": "QOS_E", "duration": 60}\n{"device": {"phoneNumber": "+1 (202) 555-0100"}, "qosProfile": "QOS_E", "duration": 60}\n';
    const yaml = 'qosProfile: QOS_E\n---\ndevice:\n  phoneNumber: +34 600 000 000  # mobile\nqosProfile: QOS_E\nduration: 60\n';
    const fixesOf = (text: string, kind: 'ndjson' | 'yaml') =>
      parseSource(text, kind).flatMap((b) => validator.validateSource(b).issues.flatMap((i) => (i.fix === undefined ? [] : [i.fix])));
    const [first, second] = fixesOf(ndjson, 'ndjson');
    expect(applied(applied(ndjson, second!), first!)).toBe(ndjson.replace('+34 600 000 000', '+34600000000').replace('+1 (202) 555-0100', '+12025550100'));
    const [only] = fixesOf(yaml, 'yaml');
    expect(applied(yaml, only!)).toBe(yaml.replace('+34 600 000 000', '"+34600000000"'));
  });

  it('is not made for the gateway’s answers (validateJsonText without positions)', () => {
    const validator = createSourceValidator(builtinRules);
    const text = JSON.stringify({ device: { phoneNumber: '+34 600 000 000' }, qosProfile: 'QOS_E', duration: 60 });
    expect(validator.validateJsonText(text, undefined, false).issues.find((i) => i.ruleId === 'phone-number')).not.toHaveProperty('fix');
    expect(validator.validateJsonText(text, undefined, true).issues.find((i) => i.ruleId === 'phone-number')).toHaveProperty('fix');
  });
});
