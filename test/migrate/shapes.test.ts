// The facts the migration steps stand on: each dialect's shape (src/migrate/shapes.ts) is what its
// schema declares, read here from schemas/<id>.schema.json; every place a step's table names is a
// place of its two dialects; and the steps join every dialect to every other one way only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectIds, type DialectId } from '../../src/index.js';
import { dialects } from '../../src/dialects/index.js';
import { routeOf } from '../../src/migrate/route.js';
import { shapes } from '../../src/migrate/shapes.js';
import { steps } from '../../src/migrate/steps/index.js';

type Schema = Record<string, unknown>;

interface Declared {
  places: Set<string>;
  required: Record<string, string[]>;
  credentialTypes: string[];
}

/** What a schema declares: every property at any depth ('*' for items), the unconditional required lists, the credential enum. */
function declared(dialect: DialectId): Declared {
  const root = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas', `${dialect}.schema.json`), 'utf8')) as Schema;
  const out: Declared = { places: new Set(['']), required: {}, credentialTypes: [] };
  const resolve = (node: Schema): Schema => {
    const ref = node.$ref;
    return typeof ref === 'string' ? resolve((root.$defs as Record<string, Schema>)[ref.replace('#/$defs/', '')]!) : node;
  };
  const walk = (raw: unknown, pointer: string, unconditional: boolean): void => {
    if (typeof raw !== 'object' || raw === null) return;
    const node = resolve(raw as Schema);
    for (const [key, child] of Object.entries((node.properties as Record<string, unknown>) ?? {})) {
      out.places.add(`${pointer}/${key}`);
      walk(child, `${pointer}/${key}`, unconditional);
      if (pointer.endsWith('/sinkCredential') && key === 'credentialType' && typeof child === 'object') {
        for (const type of ((child as Schema).enum as string[]) ?? []) if (!out.credentialTypes.includes(type)) out.credentialTypes.push(type);
      }
    }
    if (node.items !== undefined) {
      out.places.add(`${pointer}/*`);
      walk(node.items, `${pointer}/*`, unconditional);
    }
    if (unconditional && Array.isArray(node.required)) out.required[pointer] = [...new Set([...(out.required[pointer] ?? []), ...(node.required as string[])])];
    for (const part of (node.allOf as unknown[]) ?? []) walk(part, pointer, unconditional);
    for (const part of [...((node.anyOf as unknown[]) ?? []), ...((node.oneOf as unknown[]) ?? []), node.then, node.else]) walk(part, pointer, false);
  };
  walk(root, '', true);
  return out;
}

const sorted = (record: Readonly<Record<string, readonly string[]>>): [string, string[]][] =>
  Object.entries(record)
    .map(([place, members]): [string, string[]] => [place, [...members].sort()])
    .sort(([a], [b]) => a.localeCompare(b));

describe('migrate: shapes', () => {
  it.each(dialectIds)('%s: the places, required members and credential types its schema declares', (dialect) => {
    const schema = declared(dialect);
    const shape = shapes[dialect];
    expect([...shape.places].sort()).toEqual([...schema.places].sort());
    expect(sorted(shape.required)).toEqual(sorted(schema.required));
    expect(shape.credentialTypes).toEqual(schema.credentialTypes);
  });

  it.each(dialectIds)('%s: carries unknown properties exactly where the dialect allows them', (dialect) => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas', `${dialect}.schema.json`), 'utf8')) as Schema;
    const allowed = ((schema['x-beyond-spec'] as string[]) ?? []).includes('unevaluatedProperties');
    expect(shapes[dialect].unknown).toBe(allowed ? 'carried' : 'rejected');
    expect(dialects[dialect].facts.ruleDefaults['known-properties'] === 'off').toBe(allowed);
  });
});

describe('migrate: steps', () => {
  it.each(steps.map((step) => [`${step.older} ↔ ${step.newer}`, step] as const))('%s: its table names places of its two dialects, parents first', (_, step) => {
    const seen: string[] = [];
    for (const [older, newer] of step.places) {
      expect(shapes[step.older].places.has(older), `${older} in ${step.older}`).toBe(true);
      expect(shapes[step.newer].places.has(newer), `${newer} in ${step.newer}`).toBe(true);
      for (const earlier of seen) expect(earlier.startsWith(`${older}/`), `${earlier} before its parent ${older}`).toBe(false);
      seen.push(older);
    }
  });

  it('join the dialects in a tree: CAMARA in a line, the SDK model beside 0.10', () => {
    expect(steps.map((step) => `${step.older}-${step.newer}`).sort()).toEqual(
      ['qod-0.8-qod-0.9', 'qod-0.9-qod-0.10', 'qod-0.10-qod-0.11', 'qod-0.11-qod-1.0', 'qod-1.0-qod-1.1', 'qod-1.1-qod-1.2', 'qod-sdk-qod-0.10'].sort(),
    );
    expect(routeOf('qod-0.8', 'qod-1.2')).toEqual(['qod-0.8', 'qod-0.9', 'qod-0.10', 'qod-0.11', 'qod-1.0', 'qod-1.1', 'qod-1.2']);
    expect(routeOf('qod-1.2', 'qod-sdk')).toEqual(['qod-1.2', 'qod-1.1', 'qod-1.0', 'qod-0.11', 'qod-0.10', 'qod-sdk']);
    expect(routeOf('qod-sdk', 'qod-0.8')).toEqual(['qod-sdk', 'qod-0.10', 'qod-0.9', 'qod-0.8']);
    for (const from of dialectIds) {
      for (const to of dialectIds) {
        const route = routeOf(from, to);
        expect(route[0]).toBe(from);
        expect(route.at(-1)).toBe(to);
        expect(new Set(route).size).toBe(route.length);
      }
    }
  });
});
