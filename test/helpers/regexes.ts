// Finds the regular expressions qod-policy runs, for the ReDoS test (test/redos.test.ts): the
// `pattern`s and `patternProperties` of the JSON Schemas, the ajv-formats formats the schemas and
// the sources use (with every regular expression the format's code reaches), and the regular
// expression literals and `new RegExp` of TypeScript sources. Found from the files themselves,
// so a new one is covered without editing the test.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

export interface FoundRegex {
  readonly source: string;
  readonly flags: string;
  /** Where it was found, for the test's messages. */
  readonly where: string;
}

/** ajv compiles `pattern` with the `u` flag (its unicodeRegExp option, on by default). */
const AJV_PATTERN_FLAGS = 'u';

/** Schema keywords whose values are data, not schemas: a `pattern` inside one is not a pattern. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'examples', 'default']);

/** The patterns of a JSON Schema and the names of the formats it uses. */
export function regexesInSchema(schema: unknown, file: string): { regexes: FoundRegex[]; formats: Set<string> } {
  const regexes: FoundRegex[] = [];
  const formats = new Set<string>();
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${pointer}/${i}`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    if (typeof object.pattern === 'string') regexes.push({ source: object.pattern, flags: AJV_PATTERN_FLAGS, where: `${file}#${pointer}/pattern` });
    if (typeof object.format === 'string') formats.add(object.format);
    if (typeof object.patternProperties === 'object' && object.patternProperties !== null) {
      for (const key of Object.keys(object.patternProperties)) regexes.push({ source: key, flags: AJV_PATTERN_FLAGS, where: `${file}#${pointer}/patternProperties` });
    }
    for (const [key, child] of Object.entries(object)) {
      if (DATA_KEYWORDS.has(key) || key.startsWith('x-')) continue;
      walk(child, `${pointer}/${key}`);
    }
  };
  walk(schema, '');
  return { regexes, formats };
}

/** A `new RegExp(...)` or `RegExp(...)` whose pattern is not a literal, so it cannot be checked here. */
export interface DynamicRegex {
  readonly where: string;
  /** The pattern argument as written. */
  readonly argument: string;
}

/**
 * The regular expressions of a TypeScript (or JavaScript) source: literals, `new RegExp` and
 * `RegExp()` with literal arguments, those whose pattern is computed, and the ajv-formats formats
 * it reads (`fullFormats.ipv6`, `fullFormats['date-time']`).
 */
export function regexesInSource(file: string, text: string): { regexes: FoundRegex[]; dynamic: DynamicRegex[]; formats: Set<string> } {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const regexes: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  const formats = new Set<string>();
  const where = (node: ts.Node) => `${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf('/');
      regexes.push({ source: literal.slice(1, end), flags: literal.slice(end + 1), where: where(node) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern !== undefined && ts.isStringLiteralLike(pattern) && (flags === undefined || ts.isStringLiteralLike(flags))) {
        regexes.push({ source: pattern.text, flags: flags?.text ?? '', where: where(node) });
      } else if (pattern !== undefined && !ts.isRegularExpressionLiteral(pattern)) {
        // (A literal argument is found as a literal; only a computed pattern is unknown here.)
        dynamic.push({ where: where(node), argument: pattern.getText(sourceFile) });
      }
    } else if (ts.isPropertyAccessExpression(node) && isFormatsTable(node.expression)) {
      formats.add(node.name.text);
    } else if (ts.isElementAccessExpression(node) && isFormatsTable(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) {
      formats.add(node.argumentExpression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { regexes, dynamic, formats };
}

function isFormatsTable(node: ts.Expression): boolean {
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  return name === 'fullFormats' || name === 'fastFormats';
}

/**
 * The regular expressions each named ajv-formats format runs (ajv-formats' default "full" mode):
 * the format's definition in `fullFormats` and every top-level function and constant of
 * ajv-formats/dist/formats.js that it reaches, followed through the names they use. A format that
 * ajv-formats does not define is an error: its checks would have to be added here.
 */
export function regexesOfFormats(names: Iterable<string>): FoundRegex[] {
  const file = createRequire(import.meta.url).resolve('ajv-formats/dist/formats.js');
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const declarations = new Map<string, ts.Node>();
  let table: ts.ObjectLiteralExpression | undefined;
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) declarations.set(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) declarations.set(declaration.name.text, declaration);
      }
    }
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.left.getText(sourceFile) === 'exports.fullFormats' && ts.isObjectLiteralExpression(statement.expression.right)) {
      table = statement.expression.right;
    }
  }
  if (table === undefined) throw new Error(`${file}: exports.fullFormats not found (has ajv-formats changed its layout?)`);
  const entries = new Map<string, ts.Node>();
  for (const property of table.properties) {
    if (ts.isPropertyAssignment(property)) entries.set(ts.isIdentifier(property.name) || ts.isStringLiteralLike(property.name) ? property.name.text : property.name.getText(sourceFile), property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) entries.set(property.name.text, property.name);
  }

  const regexes: FoundRegex[] = [];
  for (const name of names) {
    const entry = entries.get(name);
    if (entry === undefined) throw new Error(`format '${name}' is not one of ajv-formats' formats: add the regular expressions it runs to the ReDoS test`);
    const seen = new Set<ts.Node>();
    const reach = (node: ts.Node): void => {
      if (seen.has(node)) return;
      seen.add(node);
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf('/');
        regexes.push({ source: node.text.slice(1, end), flags: node.text.slice(end + 1), where: `ajv-formats format '${name}' (${ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(sourceFile) : `line ${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`})` });
      }
      // A name used as a value (not `x.name` or `{ name: ... }`) may be a top-level declaration.
      if (ts.isIdentifier(node) && !isPropertyName(node)) {
        const declaration = declarations.get(node.text);
        if (declaration !== undefined) reach(declaration);
      }
      ts.forEachChild(node, reach);
    };
    reach(entry);
  }
  return regexes;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
}
