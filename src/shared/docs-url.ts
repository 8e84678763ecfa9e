// Where the documentation of the built-in rules is published. This is the one place to change when
// the repository moves or becomes public (the address below is a placeholder until then): each
// rule sets `meta.docs.url` with docsUrl('<id>'), and SARIF (helpUri), `qod-policy rules` and the
// README's rule table read nothing but `meta.docs.url`.

/** The folder of the rule pages, docs/rules/ of the repository, as a URL ending with '/'. */
export const RULE_DOCS_BASE = 'https://github.com/qod-policy/qod-policy/blob/main/docs/rules/';

/** The documentation page of a built-in rule: docs/rules/<id>.md. */
export function docsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}
