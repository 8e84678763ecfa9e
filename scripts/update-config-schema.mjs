// Regenerates the built-in rules' part of schemas/config.schema.json from their meta (see
// config-schema-rules.mjs). Runs in `npm run build`, after tsc: it reads the rules from dist/.
// Writes only on a change, so that an up-to-date schema keeps its modification time.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../dist/index.js';
import { configSchemaText } from './config-schema-rules.mjs';

const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'config.schema.json');
const current = readFileSync(path, 'utf8');
const next = configSchemaText(JSON.parse(current), rules);
if (next !== current) writeFileSync(path, next);
console.log(next === current ? 'config schema: rule entries unchanged' : 'config schema: rule entries updated');
