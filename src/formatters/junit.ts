// junit: JUnit XML for CI test reports (Jenkins, GitLab, Azure Pipelines...). One <testsuite> for
// the run, one <testcase> per file (classname and name are the file path). A file with errors has
// one <failure> listing them, one line each; warnings and info findings go to the test case's
// <system-out> only.
//
// File paths and messages keep every character XML can hold. The file itself gets printed too (a
// CI step that cats it), so a line break or a character a terminal acts on never appears raw in
// what came from a body or a file name: it is a character reference, which an XML reader turns
// back into the same character. Raw line breaks only separate the listing's lines.

import type { Issue } from '../types.js';
import type { Formatter } from './types.js';
import { countIssues, groupByFile, plural, regionOf, severityWord } from './utils.js';

// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]: not
// even as a character reference. Anything else (other controls, U+FFFE/U+FFFF, lone surrogates)
// is written as a visible \uXXXX escape.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function reference(char: string): string {
  return ENTITIES[char] ?? `&#${char.charCodeAt(0)};`;
}

// Written as references: markup; CR and LF (a parser would normalise CRLF and a lone CR to LF; in
// an attribute, turn each into a space); DEL, C1 controls, line and paragraph separators and
// bidirectional controls (allowed in XML, acted on by terminals and log viewers).
const REFERENCED_IN_TEXT = /[&<>\r\n\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// In an attribute, also the quotes and the tab (which normalisation would turn into a space).
const REFERENCED_IN_ATTRIBUTE = /[&<>"'\t\r\n\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Character data: characters XML forbids made visible, the others above as references. */
export function escapeText(text: string): string {
  return text.replace(NOT_XML_CHAR, visible).replace(REFERENCED_IN_TEXT, reference);
}

/** An attribute value (written between double quotes). */
export function escapeAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, visible).replace(REFERENCED_IN_ATTRIBUTE, reference);
}

/** Lines of character data: each escaped, joined by raw line breaks. */
function escapeLines(lines: readonly string[]): string {
  return lines.map(escapeText).join('\n');
}

/** One line of a listing: `[body] line:column  severity  message  ruleId  pointer`. */
function describe(issue: Issue, body: string): string {
  const region = regionOf(issue);
  const location = `${region?.line ?? 0}:${region?.column ?? 0}`;
  return `${body}${location}  ${severityWord(issue.severity)}  ${issue.message}  ${issue.ruleId}  ${issue.path === '' ? '(root)' : issue.path}`;
}

const junit: Formatter = (results) => {
  const cases: string[] = [];
  let failures = 0;
  for (const group of groupByFile(results)) {
    const errors: string[] = [];
    const others: string[] = [];
    let firstError = '';
    for (const result of group.results) {
      const body = group.multiBody ? `[${result.index}] ` : '';
      for (const issue of result.issues) {
        if (issue.severity === 'error') {
          if (errors.length === 0) firstError = issue.message;
          errors.push(describe(issue, body));
        } else {
          others.push(describe(issue, body));
        }
      }
    }

    const name = escapeAttribute(group.filePath);
    let testcase = `    <testcase classname="${name}" name="${name}"`;
    if (errors.length === 0 && others.length === 0) {
      cases.push(`${testcase} />`);
      continue;
    }
    testcase += '>\n';
    if (errors.length > 0) {
      failures++;
      const message = errors.length === 1 ? firstError : `${plural(errors.length, 'error')}; the first: ${firstError}`;
      testcase += `      <failure message="${escapeAttribute(message)}" type="error">${escapeLines(errors)}</failure>\n`;
    }
    if (others.length > 0) {
      const all = group.results.flatMap((result) => result.issues);
      const { warnings, infos } = countIssues(all);
      const heading = [warnings > 0 ? plural(warnings, 'warning') : '', infos > 0 ? `${infos} info` : ''].filter(Boolean).join(', ');
      testcase += `      <system-out>${escapeLines([heading, ...others])}</system-out>\n`;
    }
    cases.push(`${testcase}    </testcase>`);
  }

  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="qod-policy" ${counts}>`,
    `  <testsuite name="qod-policy" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};

export default junit;
