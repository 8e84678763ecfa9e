// Compiles every schemas/<dialect>.schema.json into ajv standalone code at build time, so that
// nothing is compiled on the request path and no `new Function` runs in production (edge runtimes).
// Output: src/schema/compiled/<dialect>.ts (generated, git-ignored): the validate function and the
// table of keywords owned by semantic rules ('x-rules'), keyed by schema path.
//
// The specification is the floor. Keywords listed in 'x-beyond-spec' are stricter than the API
// (an opt-in check such as unknown properties in a version that allows them); `validate` checks
// them too, and the `beyondSpec` table names them, so that the engine drops their errors when no
// rule owning them is enabled (src/schema/compiled-schema.ts, specificationErrors). That is exact
// only because no such keyword sits under a condition (an anyOf/oneOf alternative, not, if/then/
// else...), where its failure would change whether an alternative matched: the build checks it.
// One function per dialect rather than a second, stricter copy halves the generated code that
// goes into every bundle of the library (docs/edge.md) and validates a body once, not twice.
// schemas/config.schema.json (the configuration, not a dialect) compiles the same way into
// src/schema/compiled/config.ts; see compileConfigSchema below.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv } from './ajv-factory.mjs';
import { acceptHelpers, generateAccept } from './accept-codegen.mjs';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schemas');
const outDir = join(root, 'src', 'schema', 'compiled');
// Generated afresh: no file of an earlier build (a schema since removed) lingers.
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/**
 * Walks a schema and records, per schema path (as ajv writes error.schemaPath):
 * - ownership: which semantic rule owns which keyword ('x-rules');
 * - messages: the sentence to use when a keyword such as anyOf/oneOf fails ('x-message');
 * - branches: for each oneOf/anyOf, the schema path each alternative's errors start with.
 */
function collectAnnotations(node, pointer, tables) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collectAnnotations(child, `${pointer}/${i}`, tables));
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (node['x-rules']) tables.ownership[pointer] = node['x-rules'];
  if (node['x-message']) tables.messages[pointer] = node['x-message'];
  if (node['x-beyond-spec']) tables.beyondSpec[pointer] = node['x-beyond-spec'];
  for (const keyword of ['oneOf', 'anyOf']) {
    if (!Array.isArray(node[keyword])) continue;
    tables.branches[`${pointer}/${keyword}`] = node[keyword].map((_, i) => `${pointer}/${keyword}/${i}`);
  }
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'enum' || key === 'const' || key === 'required') continue;
    collectAnnotations(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, tables);
  }
}

/** Applicators whose subschemas decide a result rather than add errors of their own. */
const CONDITIONAL = new Set(['anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'dependentSchemas']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']);

/** The schema paths of 'x-beyond-spec' annotations that lie under a condition (see the top of this file). */
function conditionalBeyondSpec(node, pointer = '#', conditional = false, found = []) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return found;
  if (conditional && node['x-beyond-spec']) found.push(pointer);
  for (const [key, child] of Object.entries(node)) {
    const under = conditional || CONDITIONAL.has(key);
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (SCHEMA_MAPS.has(key)) for (const [name, schema] of Object.entries(child)) conditionalBeyondSpec(schema, `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, under, found);
    else if (SCHEMA_LISTS.has(key)) child.forEach((schema, i) => conditionalBeyondSpec(schema, `${at}/${i}`, under, found));
    else if (SCHEMA_VALUES.has(key)) conditionalBeyondSpec(child, at, under, found);
  }
  return found;
}

/**
 * ajv's standalone output uses require() for runtime helpers and function formats; make it ESM.
 * Node gives a CommonJS module's exports as the namespace's default; bundlers and vite may give
 * the namespace itself. __cjs() returns the exports object either way.
 */
function toEsm(code) {
  const modules = new Map();
  const body = code.replace(/require\("([^"]+)"\)/g, (_, spec) => {
    if (!modules.has(spec)) modules.set(spec, `__dep${modules.size}`);
    return `__cjs(${modules.get(spec)})`;
  });
  const imports = [...modules].map(([spec, name]) => `import * as ${name} from ${JSON.stringify(spec + '.js')};`);
  const interop = 'function __cjs(ns) { const m = ns.default; return m && typeof m === "object" && m.__esModule ? m : ns; }';
  return [...imports, interop, body.replace(/^"use strict";/, '')].join('\n');
}

/**
 * Inlines every local $ref (our schemas are not recursive). ajv restarts error.schemaPath at the
 * root of each separately compiled $ref target, which makes paths ambiguous; after inlining,
 * every schemaPath is absolute and the annotation tables above can be keyed by it.
 */
function inlineRefs(node, root = node, seen = []) {
  if (Array.isArray(node)) return node.map((child) => inlineRefs(child, root, seen));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (Object.keys(node).length !== 1) throw new Error(`$ref with sibling keywords is not supported: ${node.$ref}`);
    if (!node.$ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${node.$ref}`);
    if (seen.includes(node.$ref)) throw new Error(`recursive $ref: ${node.$ref}`);
    const target = node.$ref.slice(2).split('/').reduce((n, key) => n[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    return inlineRefs(target, root, [...seen, node.$ref]);
  }
  const out = {};
  for (const [key, child] of Object.entries(node)) {
    if (key === '$defs' && node === root) continue;
    out[key] = key === 'enum' || key === 'const' ? child : inlineRefs(child, root, seen);
  }
  return out;
}

/** The end of the JSON value that starts at code[start] (an object or array literal ajv wrote). */
function jsonEnd(code, start) {
  let depth = 0;
  for (let i = start, inString = false; i < code.length; i++) {
    const c = code[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  throw new Error('compile-schemas: unterminated schema literal');
}

/**
 * ajv's `verbose` gives each error the failing value (`data`), which the engine reads, and the
 * schema objects there (`schema`, `parentSchema`), which it does not read for a dialect's schema
 * (src/schema/schema-findings.ts): those two are taken out of the generated code, a sixth of it.
 * The few other references into the schema's copy (an enum's allowedValues) become literals, and
 * the copy, no longer read, goes. Fifteen of these validators go into every bundle of the library
 * (a browser or edge worker: docs/edge.md).
 */
function withoutSchemaObjects(code) {
  const chain = String.raw`schema\d+(?:\.[A-Za-z_$][\w$]*|\[\d+\])*`;
  const literal = String.raw`"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true|false|null`;
  let out = code.replace(new RegExp(String.raw`,schema:(?:${chain}|${literal}),parentSchema:${chain}(?=,data\b)`, 'g'), '');
  if (out.includes('parentSchema:')) throw new Error('compile-schemas: an error object of an unexpected shape still names its parentSchema');
  // Last first: what changes after a declaration leaves the places of the earlier ones as they were.
  for (const declaration of [...out.matchAll(/const (schema\d+) = (?=[{[])/g)].reverse()) {
    const name = declaration[1];
    const start = declaration.index + declaration[0].length;
    const end = jsonEnd(out, start);
    const value = JSON.parse(out.slice(start, end));
    const uses = new RegExp(String.raw`allowedValues: ?(${name}(?:\.[A-Za-z_$][\w$]*|\[\d+\])*)`, 'g');
    out = out.replace(uses, (_, path) => {
      const resolved = path
        .slice(name.length)
        .match(/\.[A-Za-z_$][\w$]*|\[\d+\]/g)
        .reduce((node, step) => node[step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1))], value);
      if (resolved === undefined) throw new Error(`compile-schemas: ${path} names nothing`);
      return `allowedValues: ${JSON.stringify(resolved)}`;
    });
    // Still read elsewhere (a keyword ajv checks against the schema at run time): keep the copy.
    if (new RegExp(String.raw`\b${name}\b`).test(out.slice(0, declaration.index) + out.slice(end))) continue;
    out = out.slice(0, declaration.index) + out.slice(end + (out[end] === ';' ? 1 : 0));
  }
  return out;
}

/**
 * Every error ajv records is added to its list by the same four statements; a helper says it once.
 * (Sixteen hundred copies across the dialects: what a bundle of the library carries.)
 */
function withSharedErrorPush(code) {
  const out = code.replace(/if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g, 'vErrors = __push(vErrors, $1);');
  if (/vErrors === null\)\{vErrors = \[err/.test(out)) throw new Error('compile-schemas: an error is added in an unexpected shape');
  return `function __push(list, error) { if (list === null) return [error]; list.push(error); return list; }\n${out}`;
}

/**
 * A dialect's schema as standalone code. `messages: false`: ajv's English sentences are not
 * carried; the engine writes its own for every keyword (src/schema/schema-findings.ts).
 */
function standalone(schema) {
  const ajv = createAjv({ code: { source: true, esm: true }, verbose: true, messages: false });
  return toEsm(withSharedErrorPush(withoutSchemaObjects(standaloneCode(ajv, ajv.compile(schema)))));
}

const CONFIG_SCHEMA = 'config.schema.json';

/**
 * The configuration schema's compiled copy leaves out the parts that `npm run build` generates
 * from the built-in rules' meta for editors ($defs/rules/properties and propertyNames): at run time
 * the engine checks rule ids against the rules it has (plugins included, with "did you mean") and
 * each rule's options against that rule's own meta.schema, one mechanism for built-in and plugin
 * rules. `verbose` keeps each error's schema object, whose `properties` name the keys a misspelt
 * one may have meant and whose `x-message` phrases a failure; `strictTuples` is off because a rule
 * is configured as [severity] or [severity, options].
 */
function compileConfigSchema() {
  const schema = JSON.parse(readFileSync(join(schemaDir, CONFIG_SCHEMA), 'utf8'));
  delete schema.$defs.rules.properties;
  delete schema.$defs.rules.propertyNames;
  const ajv = createAjv({ code: { source: true, esm: true }, verbose: true, inlineRefs: false, strictTuples: false });
  ajv.addSchema(schema);
  const code = standaloneCode(ajv, { validateConfigFile: schema.$id, validateOptions: `${schema.$id}#/$defs/options` });
  const source = [
    '// @ts-nocheck',
    `// GENERATED by scripts/compile-schemas.mjs from schemas/${CONFIG_SCHEMA}. Do not edit.`,
    toEsm(code),
    '// The fields a QoS profile declares (the object stays open: see the schema\'s $comment).',
    `export const qosProfileFields = ${JSON.stringify(Object.keys(schema.$defs.qosProfile.properties))};`,
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'config.ts'), source);
}

const index = [];
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json') && f !== CONFIG_SCHEMA).sort()) {
  const dialect = file.replace(/\.schema\.json$/, '');
  const schema = inlineRefs(JSON.parse(readFileSync(join(schemaDir, file), "utf8")));
  const tables = { ownership: {}, messages: {}, branches: {}, beyondSpec: {} };
  collectAnnotations(schema, '#', tables);
  const conditional = conditionalBeyondSpec(schema);
  if (conditional.length > 0) throw new Error(`compile-schemas: ${file}: 'x-beyond-spec' under a condition, where dropping its errors would not give the specification's answer: ${conditional.join(', ')}`);
  const source = [
    '// @ts-nocheck',
    `// GENERATED by scripts/compile-schemas.mjs from schemas/${file}. Do not edit.`,
    standalone(schema),
    `export const ownership = ${JSON.stringify(tables.ownership)};`,
    `export const messages = ${JSON.stringify(tables.messages)};`,
    `export const branches = ${JSON.stringify(tables.branches)};`,
    `export const beyondSpec = ${JSON.stringify(tables.beyondSpec)};`,
    '// The accept pass (scripts/accept-codegen.mjs, docs/performance.md).',
    generateAccept(schema, tables),
    '',
  ].join('\n');
  writeFileSync(join(outDir, `${dialect}.ts`), source);
  index.push(dialect);
}
writeFileSync(join(outDir, 'accept-helpers.ts'), acceptHelpers());
writeFileSync(
  join(outDir, 'index.ts'),
  '// GENERATED by scripts/compile-schemas.mjs. Do not edit.\n' +
    index.map((d, i) => `export * as schema${i} from './${d}.js';`).join('\n') +
    '\n',
);
compileConfigSchema();
console.log(`compiled ${index.length} schemas: ${index.join(', ')}; and the configuration schema`);
