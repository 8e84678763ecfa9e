// `qod-policy rules`: the rule table. Also the rule descriptions and documentation links the
// formatters need (SARIF tool.driver.rules, help links).

import { dialects } from '../dialects/index.js';
import { rules as builtinRules, type Plugin, type RuleDefinition } from '../index.js';
import { parseStrict } from './args.js';
import { CliError } from './errors.js';
import { RULES_HELP } from './help.js';

/** Where the rule documentation pages live (docs/rules/<id>.md in the repository). */
export const RULE_DOCS_BASE = 'https://github.com/qod-policy/qod-policy/blob/main/docs/rules/';

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
  docs: string;
}

const LOWER: Record<string, string> = { error: 'warn', warn: 'info', info: 'info' };

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
    docs: rule.meta.docs.url ?? (builtin ? `${RULE_DOCS_BASE}${id}.md` : ''),
  };
  if (secondary && severity !== 'off') result.secondarySeverity = LOWER[severity]!;
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
export function ruleDocs(plugins: readonly Plugin[] = []): Map<string, { description: string; helpUri: string }> {
  const map = new Map<string, { description: string; helpUri: string }>();
  for (const r of ruleRows(plugins)) map.set(r.id, { description: r.description, helpUri: r.docs });
  return map;
}

function severityText(r: RuleRow): string {
  let text = r.secondarySeverity ? `${r.severity}/${r.secondarySeverity}` : r.severity;
  if (r.dialectDefaults) text += ` (${Object.entries(r.dialectDefaults).map(([d, l]) => `${l} in ${d}`).join(', ')})`;
  return text;
}

/** The rule table as aligned plain text. */
export function rulesTable(rows: readonly RuleRow[]): string {
  const header = ['Rule', 'Default', 'CAMARA', 'Description'];
  const lines: string[][] = [];
  for (const r of rows) {
    r.camara.forEach((answer, i) => {
      lines.push(i === 0 ? [r.id, severityText(r), answer, r.description] : ['', '', answer, '']);
    });
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

export function rulesCommand(args: string[]): number {
  const { values, positionals } = parseStrict(args, { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } }, 'rules');
  if (values.help) {
    process.stdout.write(RULES_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new CliError(`'qod-policy rules' takes no arguments (got '${positionals[0]}').`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`Unknown format '${format}' for rules. Use text or json.`);
  const rows = ruleRows();
  process.stdout.write(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : rulesTable(rows));
  return 0;
}
