// junit: JUnit XML for CI test reports (Jenkins, GitLab, Azure Pipelines...). One <testsuite> for
// the run, one <testcase> per file (classname and name are the file path). A file with errors has
// one <failure> listing them; warnings and info findings go to the test case's <system-out> only.

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

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  // Attribute-value normalisation would turn these into spaces; references keep them.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Character data: markup characters escaped, characters XML forbids made visible. */
export function escapeText(text: string): string {
  // '\r' as a reference: a parser would otherwise normalise CRLF and lone CR to LF.
  return text.replace(NOT_XML_CHAR, visible).replace(/[&<>\r]/g, (char) => TEXT_ENTITIES[char] ?? '&#13;');
}

/** An attribute value (written between double quotes). */
export function escapeAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, visible).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char]!);
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
      testcase += `      <failure message="${escapeAttribute(message)}" type="error">${escapeText(errors.join('\n'))}</failure>\n`;
    }
    if (others.length > 0) {
      const all = group.results.flatMap((result) => result.issues);
      const { warnings, infos } = countIssues(all);
      const heading = [warnings > 0 ? plural(warnings, 'warning') : '', infos > 0 ? `${infos} info` : ''].filter(Boolean).join(', ');
      testcase += `      <system-out>${escapeText(`${heading}\n${others.join('\n')}`)}</system-out>\n`;
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
