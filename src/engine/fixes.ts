// Fixes in reports: a rule's value-level fix (Finding.fix: a new string for the value, or the
// array item removed) becomes the issue's `fix`, an edit of the text, where the text is known and
// the parse layer can make the edit touching nothing else (src/parse/: SourceBody.textEdit).

import type { SourceBody } from '../parse/index.js';
import type { FindingFix } from '../rules/api.js';
import type { Issue } from '../types.js';

/**
 * Gives `issues[i]` the text edit of `fixes[i]`, when there is one and the body's text can take it.
 * A body with parse findings (a key given twice: other parsers may read another value) gets none.
 */
export function withFixes(issues: Issue[], fixes: readonly (FindingFix | undefined)[], body: SourceBody): void {
  const textEdit = body.textEdit;
  if (textEdit === undefined || body.problems.length > 0) return;
  for (let i = 0; i < issues.length; i++) {
    const fix = fixes[i];
    if (fix === undefined) continue;
    const issue = issues[i]!;
    let made: Issue['fix'];
    try {
      made = textEdit({ pointer: issue.path, ...fix });
    } catch {
      // Not expected: the finding stays, without a fix.
      made = undefined;
    }
    if (made !== undefined) issues[i] = Object.assign({}, issue, { fix: made });
  }
}
