// The valid bodies the fuzz properties start from (fixtures/<dialect>/valid/), and small helpers to
// name and change places in them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { DialectId } from '../../src/index.js';

type Json = Record<string, unknown>;

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

/** The dialects the fuzz properties start from (their mutations know these dialects' spellings). */
export type FuzzedDialect = Extract<DialectId, 'qod-1.2' | 'qod-1.1' | 'qod-1.0' | 'qod-0.11' | 'qod-sdk'>;

function validBodies(dialect: FuzzedDialect): { name: string; text: string }[] {
  const folder = join(fixtures, dialect, 'valid');
  return readdirSync(folder)
    .sort()
    .map((file) => ({ name: `${dialect}/valid/${file}`, text: readFileSync(join(folder, file), 'utf8') }));
}

/** The valid fixtures of each dialect, as text (each property parses its own copy). */
export const VALID: Record<FuzzedDialect, { name: string; text: string }[]> = {
  'qod-1.2': validBodies('qod-1.2'),
  'qod-1.1': validBodies('qod-1.1'),
  'qod-1.0': validBodies('qod-1.0'),
  'qod-0.11': validBodies('qod-0.11'),
  'qod-sdk': validBodies('qod-sdk'),
};

/** A fresh copy of one of a dialect's valid bodies, or of any dialect's. */
export function validBody(dialect?: FuzzedDialect): fc.Arbitrary<Json> {
  const texts = dialect === undefined ? [...VALID['qod-1.2'], ...VALID['qod-sdk']] : VALID[dialect];
  return fc.constantFrom(...texts).map((fixture) => JSON.parse(fixture.text) as Json);
}

/** RFC 6901: one reference token. */
export function token(segment: string | number): string {
  return `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Every place in a JSON value (the root, every member and item) as a list of segments. */
export function places(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...places(item, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) out.push(...places(child, [...prefix, key]));
  return out;
}

/** The objects and arrays among a value's places. */
export function containers(value: unknown): (string | number)[][] {
  return places(value).filter((path) => {
    const node = path.reduce<unknown>((n, s) => (n as Json)[s], value);
    return typeof node === 'object' && node !== null;
  });
}

/** The value at a place of a JSON value. */
export function at(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, segment) => (node as Json)[segment as string], root);
}

/**
 * `root` with the value at `path` replaced by `value` (the root itself when the path is empty).
 * Own data properties are defined, never assigned, so that a '__proto__' key is a member like any
 * other and nothing reaches a prototype.
 */
export function replaced(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = at(root, path.slice(0, -1)) as Json;
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}
