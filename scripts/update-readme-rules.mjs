// Regenerates the README's rule table (between the Rule Table markers) from the rules' meta.
// Run after `npm run build`: node scripts/update-readme-rules.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/index.js';
import { dialects } from '../dist/dialects/index.js';

function answers(rule) {
  const codes = new Set([`${rule.meta.status} ${rule.meta.code}`]);
  for (const message of Object.values(rule.meta.messages)) {
    if (typeof message === 'object' && (message.status || message.code)) codes.add(`${message.status ?? rule.meta.status} ${message.code ?? rule.meta.code}`);
  }
  return [...codes].join(', ');
}

const rows = Object.entries(rules).map(([id, rule]) => {
  const level = rule.meta.defaultLevel ?? 'error';
  const secondary = Object.values(rule.meta.messages).some((m) => typeof m === 'object' && m.level === 'secondary');
  const sdk = Object.values(dialects)
    .filter((d) => d.facts.ruleDefaults[id] !== undefined)
    .map((d) => ` (${d.facts.id}: ${d.facts.ruleDefaults[id]})`)
    .join('');
  return `| [\`${id}\`](docs/rules/${id}.md) | ${level}${secondary ? ' (some findings one level lower)' : ''}${sdk} | ${answers(rule)} | ${rule.meta.docs.description} |`;
});
const table = ['| rule | default | CAMARA answer | checks |', '|---|---|---|---|', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- Rule Table Start -->';
const end = '<!-- Rule Table End -->';
const updated = readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`);
writeFileSync('README.md', updated);
console.log(updated === readme ? 'README rule table unchanged' : 'README rule table updated');
