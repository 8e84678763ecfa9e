// `qod-policy rules`: the rule table. Also the rule descriptions and documentation links the
// formatters need (SARIF tool.driver.rules, help links), and the README's rule table
// (scripts/update-readme-rules.mjs). A rule's documentation link is its `meta.docs.url` and
// nothing else: built-in rules set it with docsUrl() (src/shared/docs-url.ts), a plugin rule may
// have none.

import { dialects } from '../dialects/index.js';
import { builtinRules } from '../rules/index.js';
import type { Plugin, RuleDefinition } from '../index.js';
import { parseStrict } from './args.js';
import { CliError } from './errors.js';
import { RULES_HELP } from './help.js';
import { lowerSeverity } from '../shared/severity.js';
import { writeStdout } from './output.js';

export interface RuleRow {
  id: string;
  /** Default severity ('off' when the rule is opt-in). */
  severity: string;
  /** Severity of its secondary findings (one level below), when it has any. */
  secondarySeverity?: string;
  /** Dialects where the default differs, e.g. { 'qod-sdk': 'off' }. */
  dialectDefaults?: Record<string, string>;
  /** Distinct CAMARA answers, e.g. ['400 INVALID_ARGUMENT', '422 QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE']. */
  camara: string[];
  description: string;
  /** The rule's documentation page (`meta.docs.url`); absent when the rule has none. */
  docs?: string;
}


function row(id: string, rule: RuleDefinition, builtin: boolean): RuleRow {
  const severity = rule.meta.defaultLevel ?? 'error';
  const camara = [`${rule.meta.status} ${rule.meta.code}`];
  let secondary = false;
  for (const message of Object.values(rule.meta.messages)) {
    if (typeof message === 'string') continue;
    const answer = `${message.status ?? rule.meta.status} ${message.code ?? rule.meta.code}`;
    if (!camara.includes(answer)) camara.push(answer);
    if (message.level === 'secondary') secondary = true;
  }
  const result: RuleRow = {
    id,
    severity,
    camara,
    description: rule.meta.docs.description,
  };
  if (rule.meta.docs.url !== undefined) result.docs = rule.meta.docs.url;
  if (secondary && severity !== 'off') result.secondarySeverity = lowerSeverity(severity);
  if (builtin) {
    const differing: Record<string, string> = {};
    for (const dialect of Object.values(dialects)) {
      const level = dialect.facts.ruleDefaults[id];
      if (level !== undefined && level !== severity) differing[dialect.facts.id] = level;
    }
    if (Object.keys(differing).length > 0) result.dialectDefaults = differing;
  }
  return result;
}

/** Every rule (built-in, then plugin rules as `<plugin>/<id>`), sorted by id within each group. */
export function ruleRows(plugins: readonly Plugin[] = []): RuleRow[] {
  const rows = Object.keys(builtinRules).sort().map((id) => row(id, builtinRules[id]!, true));
  for (const plugin of plugins) {
    for (const id of Object.keys(plugin.rules).sort()) rows.push(row(`${plugin.name}/${id}`, plugin.rules[id]!, false));
  }
  return rows;
}

/** Rule id → description and help URI, for FormatterContext.rules. */
export function ruleDocs(plugins: readonly Plugin[] = []): Map<string, { description: string; helpUri?: string }> {
  const map = new Map<string, { description: string; helpUri?: string }>();
  for (const r of ruleRows(plugins)) map.set(r.id, r.docs === undefined ? { description: r.description } : { description: r.description, helpUri: r.docs });
  return map;
}

/** The dialects whose default differs, by that default: [['off', ['qod-1.1', 'qod-sdk']]]. */
function byLevel(dialectDefaults: Record<string, string> | undefined): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const [dialect, level] of Object.entries(dialectDefaults ?? {})) {
    const same = groups.get(level);
    if (same === undefined) groups.set(level, [dialect]);
    else same.push(dialect);
  }
  return [...groups];
}

function severityText(r: RuleRow): string {
  let text = r.secondarySeverity ? `${r.severity}/${r.secondarySeverity}` : r.severity;
  if (r.dialectDefaults) text += ` (${byLevel(r.dialectDefaults).map(([l, ds]) => `${l} in ${ds.join(', ')}`).join('; ')})`;
  return text;
}

/** The rule table as aligned plain text; a rule's documentation link goes under its description. */
export function rulesTable(rows: readonly RuleRow[]): string {
  const header = ['Rule', 'Default', 'CAMARA', 'Description'];
  const lines: string[][] = [];
  for (const r of rows) {
    const described = r.docs === undefined ? [r.description] : [r.description, r.docs];
    for (let i = 0; i < Math.max(r.camara.length, described.length); i++) {
      lines.push([i === 0 ? r.id : '', i === 0 ? severityText(r) : '', r.camara[i] ?? '', described[i] ?? '']);
    }
  }
  const widths = [0, 1, 2].map((c) => Math.max(header[c]!.length, ...lines.map((l) => l[c]!.length)));
  const format = (cells: string[]) => cells.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd();
  const out = [format(header), format(widths.map((w) => '-'.repeat(w)).concat('-----------'))];
  for (const l of lines) out.push(format(l));
  out.push('');
  out.push("Default 'error/warn': errors, and warnings for the rule's secondary findings (e.g. a phone number outside");
  out.push('the numbering plan). Configure a rule with "rules": { "<id>": "off" | "info" | "warn" | "error" | [severity, options] }.');
  return `${out.join('\n')}\n`;
}

/** Text as a Markdown table cell: a '|' would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The rule table in Markdown, as the README shows it (scripts/update-readme-rules.mjs writes it there). */
export function rulesMarkdown(rows: readonly RuleRow[]): string {
  const out = ['| rule | default | CAMARA answer | checks |', '|---|---|---|---|'];
  for (const r of rows) {
    const name = r.docs === undefined ? `\`${r.id}\`` : `[\`${r.id}\`](${r.docs})`;
    let level = r.severity;
    if (r.secondarySeverity !== undefined) level += ' (some findings one level lower)';
    for (const [dialectLevel, ds] of byLevel(r.dialectDefaults)) level += ` (${ds.join(', ')}: ${dialectLevel})`;
    out.push(`| ${name} | ${level} | ${cell(r.camara.join(', '))} | ${cell(r.description)} |`);
  }
  return `${out.join('\n')}\n`;
}

export async function rulesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseStrict(args, { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } }, 'rules');
  if (values.help) {
    await writeStdout(RULES_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new CliError(`'qod-policy rules' takes no arguments (got '${positionals[0]}').`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`Unknown format '${format}' for rules. Use text or json.`);
  const rows = ruleRows();
  await writeStdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : rulesTable(rows));
  return 0;
}
