import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import junit, { escapeAttribute, escapeText } from '../../src/formatters/junit.js';
import type { LintResult } from '../../src/formatters/types.js';
import type { Severity } from '../../src/types.js';
import { cases, context, issue, result, type CaseName } from './results.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Parses XML with saxes, a strict XML 1.0 parser (it rejects any well-formedness error, including
 * characters XML forbids and bad references), into a small tree. Throws on the first error.
 */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let declaration: { version?: string; encoding?: string } | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('xmldecl', (decl) => (declaration = decl));
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => (stack.at(-1)!.text += text));
  parser.write(xml).close();
  expect(declaration).toEqual({ version: '1.0', encoding: 'UTF-8', standalone: undefined });
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

function suiteOf(xml: string): XmlElement {
  const testsuites = parseXml(xml);
  expect(testsuites.name).toBe('testsuites');
  expect(testsuites.children).toHaveLength(1);
  const suite = testsuites.children[0]!;
  expect(suite.name).toBe('testsuite');
  for (const key of ['tests', 'failures', 'errors', 'skipped']) expect(suite.attributes[key]).toBe(testsuites.attributes[key]);
  return suite;
}

// What XML 1.0 can carry: tab, LF, CR and the characters from U+0020 on, except U+FFFE/U+FFFF and
// lone surrogates.
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe('junit', () => {
  it.each(Object.keys(cases) as CaseName[])('writes well-formed XML: %s', (name) => {
    expect(() => parseXml(junit(cases[name], context))).not.toThrow();
  });

  it('writes one testsuite with one testcase per file, a failure listing the errors, warnings in system-out', () => {
    expect(junit(cases.errors.concat(cases.warnings), context)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="qod-policy" tests="4" failures="2" errors="0" skipped="0">',
        '  <testsuite name="qod-policy" tests="4" failures="2" errors="0" skipped="0">',
        '    <testcase classname="fixtures/qod-1.2/valid/minimal.json" name="fixtures/qod-1.2/valid/minimal.json" />',
        '    <testcase classname="fixtures/qod-1.2/invalid/two-errors.json" name="fixtures/qod-1.2/invalid/two-errors.json">',
        '      <failure message="2 errors; the first: device.phoneNumber &apos;0612345678&apos; is not in E.164 form (a &apos;+&apos; and up to 15 digits)." type="error">' +
          "3:20  error  device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits).  phone-number  /device/phoneNumber",
        '12:15  error  duration 0 is below the minimum of 1 second.  duration-bounds  /duration</failure>',
        '    </testcase>',
        '    <testcase classname="fixtures/qod-1.2/invalid/no-qos-profile.json" name="fixtures/qod-1.2/invalid/no-qos-profile.json">',
        '      <failure message="The body lacks the required property &apos;qosProfile&apos;." type="error">' +
          "1:1  error  The body lacks the required property 'qosProfile'.  schema  (root)</failure>",
        '    </testcase>',
        '    <testcase classname="fixtures/qod-1.2/invalid/sink-loopback.json" name="fixtures/qod-1.2/invalid/sink-loopback.json">',
        "      <system-out>1 warning\n9:11  warning  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery).  sink  /sink</system-out>",
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty suite for no files', () => {
    const suite = suiteOf(junit(cases.empty, context));
    expect(suite.attributes).toEqual({ name: 'qod-policy', tests: '0', failures: '0', errors: '0', skipped: '0' });
    expect(suite.children).toEqual([]);
  });

  it('keeps warnings and info out of the failure, and the failure out of a file with warnings only', () => {
    const suite = suiteOf(junit(cases.mixed, context));
    const [testcase] = suite.children;
    expect(testcase!.children.map((c) => c.name)).toEqual(['failure', 'system-out']);
    const [failure, out] = testcase!.children;
    expect(failure!.text.split('\n')).toEqual([
      "3:20  error  device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits).  phone-number  /device/phoneNumber",
      '12:15  error  duration 0 is below the minimum of 1 second.  duration-bounds  /duration',
    ]);
    expect(out!.text.split('\n')).toEqual([
      '1 warning, 1 info',
      "9:11  warning  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery).  sink  /sink",
      '0:0  info  3 more issues were not listed (at most 100 are reported).  truncated  (root)',
    ]);
    expect(suiteOf(junit(cases.info, context)).children[0]!.children.map((c) => c.name)).toEqual(['system-out']);
  });

  it('puts all bodies of a multi-body file in one testcase, naming the body index', () => {
    const suite = suiteOf(junit(cases.multiBody, context));
    expect(suite.attributes.tests).toBe('2');
    expect(suite.attributes.failures).toBe('2');
    const [ndjson, single] = suite.children;
    expect(ndjson!.attributes).toEqual({ classname: 'fixtures/bodies.ndjson', name: 'fixtures/bodies.ndjson' });
    expect(ndjson!.children[0]!.text).toBe(
      "[0] 1:20  error  device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits).  phone-number  /device/phoneNumber\n" +
        '[2] 3:120  error  duration 0 is below the minimum of 1 second.  duration-bounds  /duration',
    );
    expect(ndjson!.children[1]!.text).toBe(
      "1 warning\n[2] 3:11  warning  sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery).  sink  /sink",
    );
    expect(single!.children[0]!.text).toBe('12:15  error  duration 0 is below the minimum of 1 second.  duration-bounds  /duration');
  });

  it('escapes markup and keeps quotes, tabs and line breaks exactly; makes forbidden characters visible', () => {
    const suite = suiteOf(junit(cases.special, context));
    const [testcase] = suite.children;
    expect(testcase!.attributes.name).toBe('fixtures/über café/日本, "a":b%.json');
    const failure = testcase!.children[0]!;
    expect(failure.attributes.message).toBe(
      'device.phoneNumber \'+33\\u001b[2J\\u0007\' has <control> & "quotes", 50% of a\r\nnew line, a tab\there, a NUL \\u0000 and a lone \\ud800 surrogate.',
    );
    expect(failure.text).toBe(
      '2:3  error  device.phoneNumber \'+33\\u001b[2J\\u0007\' has <control> & "quotes", 50% of a\r\nnew line, a tab\there, a NUL \\u0000 and a lone \\ud800 surrogate.  phone-number  /device/phoneNumber',
    );
    expect(testcase!.children[1]!.text).toBe('1 warning\n4:5  warning  sink 名前 ✨ is wide: ok.  sink  /sink');
  });

  it('escapes each character the right way', () => {
    expect(escapeText('a & b < c > d "e" \'f\' \r\n\t')).toBe('a &amp; b &lt; c &gt; d "e" \'f\' &#13;&#10;\t');
    expect(escapeAttribute('a & b < c > d "e" \'f\' \r\n\t')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; &#13;&#10;&#9;');
    expect(escapeText('\u0000\u0008\u000b\u000c\u001f\ufffe\uffff\ud800x\udc00')).toBe(
      '\\u0000\\u0008\\u000b\\u000c\\u001f\\ufffe\\uffff\\ud800x\\udc00',
    );
    // Allowed in XML but acted on by terminals and log viewers: references, which read back the same.
    expect(escapeText('\u007f\u0085\u009b\u2028\u2029\u202e\u{1f600}\ud83d\ude00')).toBe('&#127;&#133;&#155;&#8232;&#8233;&#8238;\u{1f600}\ud83d\ude00');
    expect(escapeAttribute('\u0085\u2028')).toBe('&#133;&#8232;');
  });

  it('never lets a file name or message start a raw line or put a raw control in the file (a CI log may print it)', () => {
    const hostile = '\n::error file=x::forged \r\u0085\u2028\u2029\u007f\u009b end';
    const results = [result(`a${hostile}.json`, [issue({ ruleId: 'r', message: `m${hostile}`, line: 1, column: 1 }), issue({ ruleId: 'r', message: `w${hostile}`, severity: 'warn', line: 2, column: 1 })])];
    const xml = junit(results, context);
    expect(xml).not.toMatch(/[\r\u007f-\u009f\u2028\u2029]/);
    // Raw lines are the XML's own, or listing lines that start with a position or the counts.
    for (const line of xml.split('\n')) expect(line, line).toMatch(/^(<\?xml |\s*<|\d+:\d+ |\d+ warning|$)/);
    // and the parsed document still holds the exact texts
    const [testcase] = suiteOf(xml).children;
    expect(testcase!.attributes.name).toBe(`a${hostile}.json`);
    expect(testcase!.children[0]!.attributes.message).toBe(`m${hostile}`);
    expect(testcase!.children[1]!.text).toContain(`w${hostile}`);
  });

  it('stays well-formed and keeps every XML-legal path and message exactly, whatever the text (property)', () => {
    // Any code point, with the awkward ones (forbidden controls, U+FFFE, lone surrogates, markup) often.
    const awkward = fc.constantFrom('\u0000', '\u0001', '\u000b', '\u001b', '\ufffe', '\uffff', '\ud800', '\udfff', '<', '&', '"', "'", '\r', '\n', '\t', ']]>', '😀');
    const text = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), awkward), maxLength: 30 });
    const severity = fc.constantFrom<Severity>('error', 'warn', 'info');
    const body = fc.record({ filePath: text, message: text, ruleId: text, severity });
    fc.assert(
      fc.property(fc.array(body, { maxLength: 4 }), (bodies) => {
        const results: LintResult[] = bodies.map((b) =>
          result(b.filePath, [issue({ ruleId: b.ruleId, message: b.message, severity: b.severity, line: 1, column: 1 })]),
        );
        const suite = suiteOf(junit(results, context));
        expect(suite.children).toHaveLength(new Set(bodies.map((b) => b.filePath)).size);
        const failing = new Set(bodies.filter((b) => b.severity === 'error').map((b) => b.filePath));
        expect(suite.attributes.failures).toBe(String(failing.size));
        const names = suite.children.map((testcase) => testcase.attributes.name);
        const listed = suite.children.flatMap((testcase) => testcase.children.map((child) => child.text)).join('\n');
        for (const b of bodies) {
          if (XML_CHAR.test(b.filePath)) expect(names).toContain(b.filePath);
          if (XML_CHAR.test(b.message)) expect(listed).toContain(b.message);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is checked by a strict parser (the check is live)', () => {
    for (const bad of ['<a>\u0001</a>', '<a b="<"/>', '<a>&nbsp;</a>', '<a>&#1;</a>', '<a><b></a>', '<a/><a/>', '<a>\ufffe</a>']) {
      expect(() => parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${bad}`), bad).toThrow();
    }
  });
});
