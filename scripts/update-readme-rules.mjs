// Writes the README's rule table (between the Rule Table markers) from the rules' meta, as
// `qod-policy rules` reads it (src/cli/rules.ts: ruleRows, rulesMarkdown). `npm run build` runs it
// after tsc, from dist/. test/package.test.ts fails when the committed README differs from what this
// script would write.
//
// A built-in rule's `meta.docs.url` is its page in the running copy of the package (a file: URL,
// src/shared/docs-url.ts); the README, which lives in that package, links the same page by its path,
// docs/rules/<id>.md, so that the link works on any machine, in the repository and in the tarball.
//
// On a CI server (CI set) or with --check it writes nothing and fails when the table is stale: the
// build there starts from the committed README, which is the one that must be right.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const START = '<!-- Rule Table Start -->';
const END = '<!-- Rule Table End -->';

/** The README with the text between the markers replaced by the table. */
export function withRuleTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no '${START}' ... '${END}' section for the rule table.`);
  return `${readme.slice(0, start + START.length)}\n${table.endsWith('\n') ? table : `${table}\n`}${readme.slice(end)}`;
}

/** The rows with each documentation link under `base` (the package's docs/rules/) written as its path in the package. */
export function readmeRuleRows(rows, base) {
  return rows.map((row) =>
    base !== undefined && row.docs?.startsWith(base) ? { ...row, docs: `docs/rules/${row.docs.slice(base.length)}` } : row,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { ruleRows, rulesMarkdown } = await import('../dist/cli/rules.js');
  const { RULE_DOCS_BASE } = await import('../dist/shared/docs-url.js');
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const updated = withRuleTable(readme, rulesMarkdown(readmeRuleRows(ruleRows(), RULE_DOCS_BASE)));
  const check = process.argv.includes('--check') || !['', '0', 'false', undefined].includes(process.env.CI);
  if (updated === readme) {
    // Nothing to say: the build prints one line per step only when something happened.
  } else if (check) {
    console.error("README.md: the rule table is stale. Run 'npm run build' and commit README.md.");
    process.exitCode = 1;
  } else {
    writeFileSync(path, updated);
    console.log('README.md: rule table updated (commit it with the rule)');
  }
}
