// sarif: SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, SARIF viewers).
// One run; tool.driver.rules lists every rule of the configuration and every rule id that has a
// result (including the 'schema', 'parse', 'limits' and 'dialect' pseudo-rules); each result points at its file region
// and carries the JSON Pointer, the CAMARA status and code. Text keeps every character; those a
// terminal would act on are \u escapes (escapeJsonText), and URIs are percent-encoded.

import type { Issue, Severity } from '../types.js';
import type { Formatter, FormatterContext, LintResult } from './types.js';
import { escapeJsonText, regionOf } from './utils.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/qod-policy';
const SRCROOT = '%SRCROOT%';

/** Descriptions of the findings that come from no rule module. */
const PSEUDO_RULES: ReadonlyMap<string, string> = new Map([
  ['schema', "The body satisfies the API version's JSON Schema (types, required properties, formats, lengths)."],
  ['parse', 'The file is well-formed JSON, NDJSON or YAML in UTF-8, without duplicate keys, and within the maximum file size.'],
  ['limits', 'The body is within the limits examined before validation (depth, string and list lengths, properties, values) and can be read.'],
  ['truncated', 'More issues were found than the report lists (at most maxIssues per body).'],
  ['dialect', "The body's keys fit one API version (dialect auto); a note says what else they fit when they fit more than one."],
]);

/** SARIF's level for a severity. */
function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'note';
}

// SARIF's (draft) schema checks URIs as RFC 3986 references: ASCII only, reserved characters encoded.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encodes each segment of a '/'-separated path (lone surrogates become U+FFFD first). */
function encodePath(path: string): string {
  return path
    .replace(LONE_SURROGATE, '\ufffd')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** An absolute path ('/x', 'C:/x', 'C:\x', '\\server\x') as a file: URI; undefined for a relative one. */
function fileUri(path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${slashed.slice(0, 2)}${encodePath(slashed.slice(2))}`;
  if (slashed.startsWith('//')) return `file:${encodePath(slashed)}`;
  if (slashed.startsWith('/')) return `file://${encodePath(slashed)}`;
  return undefined;
}

// What RFC 3986 allows in a URI after the scheme, besides %XX escapes: unreserved characters,
// sub-delimiters, ':', '@', '/' and '?' ('#' once, before the fragment; brackets around an IPv6 host).
const NOT_URI_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu;

function encodeUriPart(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(NOT_URI_CHAR, (char) => encodeURIComponent(char));
}

/**
 * A URI as given, with every character that RFC 3986 does not allow there (spaces, non-ASCII,
 * quotes, a second '#', a '%' that starts no escape...) percent-encoded; undefined when it has no
 * scheme (a relative reference, or a Windows path such as 'C:\x').
 */
function absoluteUri(text: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/\[[0-9A-Fa-f:.]+\])?([^#]*)(?:#(.*))?$/su.exec(text);
  if (match === null || /^[A-Za-z]:[\\/]/.test(text)) return undefined;
  const [, scheme, ipv6Authority = '', rest = '', fragment] = match;
  return `${scheme}:${ipv6Authority}${encodeUriPart(rest)}${fragment === undefined ? '' : `#${encodeUriPart(fragment)}`}`;
}

function artifactLocation(filePath: string): { uri: string; uriBaseId?: string } {
  const absolute = fileUri(filePath);
  if (absolute !== undefined) return { uri: absolute };
  if (filePath === '<stdin>') return { uri: encodePath(filePath) };
  return { uri: encodePath(filePath), uriBaseId: SRCROOT };
}

interface ReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown?: string };
  helpUri?: string;
}

function descriptor(id: string, description: string, helpUri: string | undefined): ReportingDescriptor {
  const rule: ReportingDescriptor = {
    id,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: description },
  };
  if (helpUri !== undefined) {
    rule.help = { text: `${description} Documentation: ${helpUri}`, markdown: `${description}\n\n[Documentation](${helpUri})` };
    rule.helpUri = helpUri;
  }
  return rule;
}

/** Every configured rule, then every other rule id that has a result, in order of appearance. */
function driverRules(results: readonly LintResult[], context: FormatterContext): ReportingDescriptor[] {
  const rules: ReportingDescriptor[] = [];
  const seen = new Set<string>();
  const add = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const known = context.rules.get(id);
    const description = known?.description || PSEUDO_RULES.get(id) || `The ${id} rule.`;
    rules.push(descriptor(id, description, known?.helpUri === undefined ? undefined : absoluteUri(known.helpUri)));
  };
  for (const id of context.rules.keys()) add(id);
  for (const result of results) for (const issue of result.issues) add(issue.ruleId);
  return rules;
}

function toResult(result: LintResult, issue: Issue, ruleIndex: number): Record<string, unknown> {
  const region = regionOf(issue);
  const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocation(result.filePath) };
  if (region !== undefined) {
    const sarifRegion: Record<string, number> = { startLine: region.line };
    if (region.column !== undefined) sarifRegion.startColumn = region.column;
    if (region.endLine !== undefined) sarifRegion.endLine = region.endLine;
    if (region.endColumn !== undefined) sarifRegion.endColumn = region.endColumn;
    physicalLocation.region = sarifRegion;
  }
  const properties: Record<string, unknown> = {
    jsonPointer: issue.path,
    status: issue.status,
    code: issue.code,
    messageId: issue.messageId,
    bodyIndex: result.index,
    dialect: result.dialect,
  };
  if (issue.data !== undefined) properties.data = issue.data;
  return {
    ruleId: issue.ruleId,
    ruleIndex,
    level: level(issue.severity),
    message: { text: issue.message },
    locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: issue.path }] }],
    properties,
  };
}

const sarif: Formatter = (results, context) => {
  const rules = driverRules(results, context);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarifResults: Record<string, unknown>[] = [];
  for (const result of results) {
    for (const issue of result.issues) sarifResults.push(toResult(result, issue, ruleIndex.get(issue.ruleId)!));
  }

  const informationUri = (context.informationUri && absoluteUri(context.informationUri)) || DEFAULT_INFORMATION_URI;
  const run: Record<string, unknown> = {
    tool: { driver: { name: 'qod-policy', version: context.version, informationUri, rules } },
  };
  if (context.sourceRoot !== undefined) {
    const root = absoluteUri(context.sourceRoot) ?? fileUri(context.sourceRoot);
    if (root !== undefined) run.originalUriBaseIds = { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } };
  }
  run.columnKind = 'utf16CodeUnits';
  run.results = sarifResults;

  return escapeJsonText(JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2));
};

export default sarif;
