// Where the documentation of the built-in rules is: the pages docs/rules/<id>.md that ship inside
// the package (package.json "files"), next to the code that is running. A rule's `meta.docs.url` is
// the address of its page in this very copy of the package: file:///…/node_modules/qod-policy/docs/
// rules/<id>.md after `npm install` (from the registry, a tarball or git), the repository's docs/
// folder in a checkout, https://<cdn>/qod-policy@<version>/docs/rules/<id>.md when a CDN serves the
// package's modules. So the link is never a placeholder: it names a file that exists wherever the
// rule came from (test/packaging/ checks it in an installed tarball).
//
// The package's folder is read from this module's own URL (import.meta.url), which ends with one of
// the places the module has in the package: dist/shared/docs-url.js (the build), dist/cli/bundle/qod-policy.cjs
// (the command line's bundle, scripts/bundle-cli.mjs) or src/shared/docs-url.ts (the sources, under
// vitest). Anywhere else — bundled into another program, or where import.meta.url is not a string
// (an iife or CommonJS bundle) — the package's folder is unknown, and built-in rules carry no url:
// no link rather than a wrong one. SARIF (helpUri), `qod-policy rules` and the README's rule table
// read nothing but `meta.docs.url` (the README's table shows the page's path in the package).

const OWN_PLACES = /^(.+\/)(?:dist\/shared\/docs-url\.js|dist\/cli\/bundle\/qod-policy\.cjs|src\/shared\/docs-url\.ts)$/;

/** The package's folder, as a URL ending with '/', given this module's URL; undefined where it is unknown. */
export function packageFolderOf(own: unknown): string | undefined {
  if (typeof own !== 'string') return undefined;
  return OWN_PLACES.exec(own.replace(/[?#].*$/s, ''))?.[1];
}

const folder = packageFolderOf(import.meta.url);

/** The folder of the rule pages (docs/rules/ of this package) as a URL ending with '/'; undefined where unknown. */
export const RULE_DOCS_BASE: string | undefined = folder === undefined ? undefined : `${folder}docs/rules/`;

/** The documentation page of a built-in rule, docs/rules/<id>.md of this package; undefined where unknown. */
export function docsUrl(ruleId: string): string | undefined {
  return RULE_DOCS_BASE === undefined ? undefined : `${RULE_DOCS_BASE}${ruleId}.md`;
}
