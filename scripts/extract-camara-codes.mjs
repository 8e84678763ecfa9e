// Extracts, for every CAMARA Quality-on-Demand release in ../shared/camara (see its PROVENANCE.md),
// the (HTTP status, error code) pairs the createSession operation (POST /sessions) may answer, and
// writes them to src/dialects/camara-codes.json with where each pair was found. The table is
// committed; test/dialect-codes.test.ts checks every status and code the rules can give under each
// dialect against it, and test/camara-codes.test.ts that this script, run again, writes the same file.
//
//   node scripts/extract-camara-codes.mjs [camara-dir]          write the table
//   node scripts/extract-camara-codes.mjs [camara-dir] --check  exit 1 when the table is not current
//
// Where the codes hide (../shared/docs/camara-notes.md section 2):
// - 0.8 to 0.11 give them only as response examples (`examples.<name>.value.code`, or `example`), 0.8
//   without a status (the response's status key is its status);
// - from 1.0 each response pins them with `allOf[ErrorInfo, {status: {enum}, code: {enum}}]`, and
//   still gives examples (which are read too: an example's code outside the enum would show here);
// - responses are `$ref`s into components/responses, examples `$ref`s into components/examples;
// - r4.1 says its list "is not exhaustive" and points at CAMARA_common.yaml for statuses it does not
//   document (not 501, which "can be only a possible error response if it is explicitly documented"):
//   those pairs are listed apart, as `additional`. r3.2 says the same, but its Commonalities file is
//   not in ../shared/camara, so it has none.
// Each release's createSession test definitions (the .feature files) are read too: per scenario,
// the status and the code(s) it expects, so that the differences from the specification can be listed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCamaraDir = resolve(root, '..', 'shared', 'camara');
export const tablePath = join(root, 'src', 'dialects', 'camara-codes.json');

/** The releases, oldest first: folder, API definition file, and whether it has a test-definitions folder. */
const RELEASES = [
  { release: 'v0.8.1', file: 'qod-api.yaml' },
  { release: 'v0.9.0', file: 'qod-api.yaml' },
  { release: 'v0.10.1', file: 'qod-api.yaml' },
  { release: 'r1.3', file: 'quality-on-demand.yaml' },
  { release: 'r2.2', file: 'quality-on-demand.yaml' },
  { release: 'r3.2', file: 'quality-on-demand.yaml' },
  { release: 'r4.1', file: 'quality-on-demand.yaml', common: 'CAMARA_common.yaml' },
];

/** The marker of the "Additional CAMARA error responses" block in info.description. */
const ADDITIONAL = /# Additional CAMARA error responses[\s\S]*?CAMARA_common\.yaml/;

/** JSON Pointer escaping of one segment. */
function escape(segment) {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A document and the name it is cited by. */
function loadDocument(dir, release, file) {
  const text = readFileSync(join(dir, release, file), 'utf8');
  return { name: `${release}/${file}`, doc: parse(text, { maxAliasCount: -1 }) };
}

/** The value at a local '#/...' reference, and its pointer. */
function deref(document, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) throw new Error(`${document.name}: only local $refs are expected, got ${ref}`);
  let value = document.doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = value?.[key];
    if (value === undefined) throw new Error(`${document.name}: unresolved $ref ${ref}`);
  }
  return { value, pointer: ref.slice(1) };
}

/** Follows $refs until an object without one; returns it and the pointer it was found at. */
function follow(document, value, pointer) {
  const seen = new Set();
  while (value && typeof value === 'object' && typeof value.$ref === 'string') {
    if (seen.has(value.$ref)) throw new Error(`${document.name}: $ref cycle at ${value.$ref}`);
    seen.add(value.$ref);
    ({ value, pointer } = deref(document, value.$ref));
  }
  return { value, pointer };
}

/** The `status` and `code` enums an error schema pins, through $ref and allOf/anyOf/oneOf. */
function schemaEnums(document, schema, pointer, out = { statuses: [], codes: [] }, depth = 0) {
  if (depth > 20) return out;
  const { value } = follow(document, schema, pointer);
  if (!value || typeof value !== 'object') return out;
  const status = follow(document, value.properties?.status, pointer).value;
  const code = follow(document, value.properties?.code, pointer).value;
  if (Array.isArray(status?.enum)) out.statuses.push(...status.enum);
  if (Array.isArray(code?.enum)) out.codes.push(...code.enum);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(value[key])) value[key].forEach((part, i) => schemaEnums(document, part, `${pointer}/${key}/${i}`, out, depth + 1));
  }
  return out;
}

/**
 * Every (status, code) pair one response object gives: the pinned enums of its schema and the codes
 * of its examples. `status` is the response's status key (undefined for a component not under one).
 */
function responsePairs(document, response, pointer, statusKey) {
  const resolved = follow(document, response, pointer);
  const pairs = [];
  const at = `${document.name}#${resolved.pointer}`;
  for (const [mediaType, content] of Object.entries(resolved.value?.content ?? {})) {
    const base = `${resolved.pointer}/content/${escape(mediaType)}`;
    if (content.schema !== undefined) {
      const { statuses, codes } = schemaEnums(document, content.schema, `${base}/schema`);
      const pinned = statuses.length > 0 ? statuses : statusKey === undefined ? [] : [statusKey];
      for (const status of pinned) for (const code of codes) pairs.push({ status, code, from: `${at} (enum)` });
    }
    const examples = Object.entries(content.examples ?? {});
    if (content.example !== undefined) examples.push([undefined, content.example]);
    for (const [name, entry] of examples) {
      const example = name === undefined ? { value: { value: entry } } : follow(document, entry, `${base}/examples/${escape(name)}`);
      const value = example.value?.value;
      if (!value || typeof value.code !== 'string') continue;
      const status = typeof value.status === 'number' ? value.status : statusKey;
      if (status === undefined) continue;
      if (statusKey !== undefined && status !== statusKey) throw new Error(`${at}: example ${name} has status ${status} under ${statusKey}`);
      const label = name === undefined ? 'example' : `example ${name}`;
      pairs.push({ status, code: value.code, from: `${at} (${label})` });
    }
  }
  return pairs;
}

/** The createSession operation: POST /sessions, checked by its operationId. */
function createSession(document) {
  const operation = document.doc.paths?.['/sessions']?.post;
  if (operation?.operationId !== 'createSession') throw new Error(`${document.name}: POST /sessions is not createSession`);
  return operation;
}

/** Pairs merged by (status, code), their sources in the order found; sorted by status, then code. */
function merge(pairs) {
  const byKey = new Map();
  for (const { status, code, from } of pairs) {
    const key = `${status} ${code}`;
    const entry = byKey.get(key) ?? { status, code, from: [] };
    if (!entry.from.includes(from)) entry.from.push(from);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.status - b.status || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The error statuses createSession documents, and their pairs. */
function operationPairs(document) {
  const responses = createSession(document).responses ?? {};
  const pairs = [];
  const statuses = [];
  for (const [key, response] of Object.entries(responses)) {
    const status = Number(key);
    if (!(status >= 400)) continue;
    statuses.push(status);
    pairs.push(...responsePairs(document, response, `/paths/~1sessions/post/responses/${key}`, status));
  }
  return { statuses, pairs };
}

/** CAMARA_common's pairs for the statuses createSession does not document (never 501). */
function additionalPairs(common, documented) {
  const pairs = [];
  for (const [name, response] of Object.entries(common.doc.components?.responses ?? {})) {
    for (const pair of responsePairs(common, response, `/components/responses/${escape(name)}`, undefined)) {
      if (pair.status === 501 || documented.includes(pair.status)) continue;
      pairs.push(pair);
    }
  }
  return pairs;
}

/** Per scenario of a createSession feature file: tag, title, the status and the codes it expects. */
export function scenariosOf(text) {
  const scenarios = [];
  let tag;
  let current;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('@')) {
      tag = line.split(/\s+/).find((t) => t !== '@QoD' && t !== '@QoDSanity')?.slice(1);
      continue;
    }
    const title = /^Scenario(?: Outline)?:\s*(.*)$/.exec(line);
    if (title) {
      current = { scenario: (tag ?? '').replace(/^quality_on_demand_createSession_/, ''), title: title[1], status: undefined, codes: [] };
      scenarios.push(current);
      tag = undefined;
      continue;
    }
    if (!current) continue;
    const status = /(?:the response status code is|Response code is) (\d{3})/.exec(line);
    if (status && current.status === undefined) current.status = Number(status[1]);
    const code = /the response property "\$\.code" is (.*)$/.exec(line);
    if (code) for (const m of code[1].matchAll(/"([^"]+)"/g)) current.codes.push(m[1]);
  }
  return scenarios.filter((s) => s.status !== undefined && s.status >= 400);
}

/** The whole table, from the CAMARA files in `dir`. */
export function extractCamaraCodes(dir = defaultCamaraDir) {
  const releases = {};
  for (const { release, file, common } of RELEASES) {
    const document = loadDocument(dir, release, file);
    const { statuses, pairs } = operationPairs(document);
    const description = String(document.doc.info?.description ?? '');
    const entry = {
      apiVersion: String(document.doc.info?.version),
      source: document.name,
      errorInfo: errorInfoShape(document),
      codes: merge(pairs),
    };
    if (ADDITIONAL.test(description)) {
      entry.additional = common === undefined ? [] : merge(additionalPairs(loadDocument(dir, release, common), statuses));
      entry.additionalSource = common === undefined ? 'CAMARA_common.yaml of its Commonalities release (not in ../shared/camara)' : `${release}/${common}`;
    }
    const tests = join(dir, release, 'test-definitions');
    if (existsSync(tests)) {
      for (const name of readdirSync(tests).sort()) {
        if (!name.endsWith('.feature')) continue;
        entry.testDefinitions = { source: `${release}/test-definitions/${name}`, scenarios: scenariosOf(readFileSync(join(tests, name), 'utf8')) };
      }
    }
    releases[release] = entry;
  }
  return {
    $comment: 'Generated by scripts/extract-camara-codes.mjs from the CAMARA API definitions (../shared/camara); do not edit. Per release: the (status, code) pairs of createSession (POST /sessions) and where each was found; `additional`: the statuses the release leaves to CAMARA_common.yaml; `testDefinitions`: what each createSession test scenario expects.',
    releases,
  };
}

/** ErrorInfo's required fields (0.8 answers {code, message}; later releases {status, code, message}). */
function errorInfoShape(document) {
  const schema = document.doc.components?.schemas?.ErrorInfo;
  return Array.isArray(schema?.required) ? [...schema.required] : [];
}

/** The table as the committed file holds it. */
export function renderCodes(table) {
  return `${JSON.stringify(table, null, 2)}\n`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? defaultCamaraDir);
  if (!existsSync(dir)) {
    console.error(`extract-camara-codes: no CAMARA folder at ${dir}`);
    process.exit(2);
  }
  const text = renderCodes(extractCamaraCodes(dir));
  const current = existsSync(tablePath) ? readFileSync(tablePath, 'utf8') : '';
  if (check) {
    if (text !== current) {
      console.error('src/dialects/camara-codes.json is not what scripts/extract-camara-codes.mjs makes; run it.');
      process.exit(1);
    }
    console.log('camara codes: up to date');
  } else {
    if (text !== current) writeFileSync(tablePath, text);
    console.log(text === current ? 'camara codes: unchanged' : 'camara codes: written');
  }
}
