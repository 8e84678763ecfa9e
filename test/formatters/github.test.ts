import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import github, { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { visibleControls } from '../../src/formatters/utils.js';
import { cases, context, issue, result } from './results.js';

/** Reads a workflow command back the way the Actions runner does (toolkit escaping reversed). */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (match === null) throw new Error(`not a workflow command: ${line}`);
  const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (text: string) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return { command: match[1]!, properties, message: unescapeData(match[3]!) };
}

describe('github', () => {
  it('prints nothing when there is nothing to report', () => {
    expect(github(cases.empty, context)).toBe('');
    expect(github(cases.clean, context)).toBe('');
  });

  it('prints one error command per issue, with file, position and rule', () => {
    expect(github(cases.errors, context)).toBe(
      [
        "::error file=fixtures/qod-1.2/invalid/two-errors.json,line=3,col=20,endLine=3,endColumn=31,title=phone-number::device.phoneNumber '0612345678' is not in E.164 form (a '+' and up to 15 digits).",
        '::error file=fixtures/qod-1.2/invalid/two-errors.json,line=12,col=15,endLine=12,endColumn=15,title=duration-bounds::duration 0 is below the minimum of 1 second.',
        // Spanning lines: GitHub takes no columns then.
        "::error file=fixtures/qod-1.2/invalid/no-qos-profile.json,line=1,endLine=14,title=schema::The body lacks the required property 'qosProfile'.",
        '',
      ].join('\n'),
    );
  });

  it('uses warning for warn and notice for info, and leaves out positions it does not have', () => {
    expect(github(cases.warnings, context)).toBe(
      "::warning file=fixtures/qod-1.2/invalid/sink-loopback.json,line=9,col=11,endLine=9,endColumn=34,title=sink::sink 'https://127.0.0.1/cb' names a loopback host (server-side request forgery).\n",
    );
    expect(github(cases.info, context)).toBe(
      '::notice file=fixtures/qod-1.2/invalid/many.json,title=truncated::3 more issues were not listed (at most 100 are reported).\n',
    );
    // Standard input is no file of the repository.
    expect(github(cases.noPositions, context)).toBe('::error title=schema::The body must be an object.\n');
  });

  it('annotates multi-body files at their file positions', () => {
    expect(github(cases.multiBody, context).split('\n').map((line) => line.split('::').slice(0, 2).join('::'))).toEqual([
      '::error file=fixtures/bodies.ndjson,line=1,col=20,endLine=1,endColumn=31,title=phone-number',
      '::warning file=fixtures/bodies.ndjson,line=3,col=11,endLine=3,endColumn=34,title=sink',
      '::error file=fixtures/bodies.ndjson,line=3,col=120,endLine=3,endColumn=120,title=duration-bounds',
      '::error file=fixtures/single.json,line=12,col=15,endLine=12,endColumn=15,title=duration-bounds',
      '',
    ]);
  });

  it('escapes per the Actions toolkit: % CR LF in data, and : , in properties too', () => {
    expect(github(cases.special, context)).toBe(
      [
        '::error file=fixtures/über café/日本%2C "a"%3Ab%25.json,line=2,col=3,endLine=2,endColumn=8,title=phone-number::' +
          'device.phoneNumber \'+33\\u001b[2J\\u0007\' has <control> & "quotes", 50%25 of a%0D%0Anew line, a tab\there, a NUL \\u0000 and a lone \\ud800 surrogate.',
        '::warning file=fixtures/über café/日本%2C "a"%3Ab%25.json,line=4,col=5,endLine=4,endColumn=6,title=sink::sink 名前 ✨ is wide: ok.',
        '',
      ].join('\n'),
    );
    expect(escapeData('100% a\r\nb:c,d')).toBe('100%25 a%0D%0Ab:c,d');
    expect(escapeProperty('100% a\r\nb:c,d')).toBe('100%25 a%0D%0Ab%3Ac%2Cd');
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('gives GitHub an inclusive end column, never before the start', () => {
    const text = github([result('f.json', [issue({ ruleId: 'r', message: 'm', line: 2, column: 5, endLine: 2, endColumn: 5 })])], context);
    expect(text).toBe('::error file=f.json,line=2,col=5,endLine=2,endColumn=5,title=r::m\n');
  });

  it('one command per issue, one line each, and reads back to the same file, rule and message (property)', () => {
    const awkward = fc.constantFrom('%', '%25', '%0A', ':', ',', '::', '\r', '\n', '\r\n', '=', ' ', 'é', '😀', '\u001b', '\u2028', '\u0000');
    const text = fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), awkward), maxLength: 30 });
    const entry = fc.record({ filePath: text, ruleId: text, message: text });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const output = github(
          entries.map((e) => result(e.filePath, [issue({ ruleId: e.ruleId, message: e.message, line: 1, column: 1, endLine: 1, endColumn: 2 })])),
          context,
        );
        const lines = output === '' ? [] : output.slice(0, -1).split('\n');
        expect(lines).toHaveLength(entries.length);
        lines.forEach((line, i) => {
          expect(line).not.toMatch(/\r/);
          const command = parseCommand(line);
          const e = entries[i]!;
          expect(command.command).toBe('error');
          expect(command.properties).toEqual({
            // Control characters other than CR/LF/tab are shown as \uXXXX (see the special case).
            ...(e.filePath === '<stdin>' ? {} : { file: visibleControls(e.filePath) }),
            line: '1',
            col: '1',
            endLine: '1',
            endColumn: '1',
            title: visibleControls(e.ruleId),
          });
          expect(command.message).toBe(visibleControls(e.message));
        });
      }),
      { numRuns: 300 },
    );
  });
});
