// The dialect registry and `auto` detection.

import type { DialectId, Issue } from '../types.js';
import type { Dialect } from './types.js';
import { qod12 } from './qod-1.2.js';
import { qod11 } from './qod-1.1.js';
import { qod10 } from './qod-1.0.js';
import { qod011 } from './qod-0.11.js';
import { qod010 } from './qod-0.10.js';
import { qod09 } from './qod-0.9.js';
import { qod08 } from './qod-0.8.js';
import { qodSdk } from './qod-sdk.js';
import { isPlainObject } from '../shared/object.js';

/** Every dialect by id, newest CAMARA version first (the order `auto` breaks ties in). The first entry is the default. */
export const dialects: Readonly<Record<DialectId, Dialect>> = {
  'qod-1.2': qod12,
  'qod-1.1': qod11,
  'qod-1.0': qod10,
  'qod-0.11': qod011,
  'qod-0.10': qod010,
  'qod-0.9': qod09,
  'qod-0.8': qod08,
  'qod-sdk': qodSdk,
};

export const defaultDialect: Dialect = qod12;

/** The ids of every dialect, default first. */
export const dialectIds: readonly DialectId[] = Object.keys(dialects) as DialectId[];

// #region Detection

/** What `auto` decided for a body: the dialect, and a note when the body's keys fit more than one. */
export interface Detection {
  readonly dialect: Dialect;
  /** An info issue (ruleId 'dialect', messageId 'ambiguous') saying what else the keys fit. */
  readonly note?: Issue;
}

/** The dialects with a signature, in registry order: on equal scores the first wins. */
const scored: readonly Dialect[] = Object.values(dialects).filter((d) => d.signature !== undefined);

/** A top-level key: the bit set of the scored dialects it fits, and those of the keys inside it. */
interface KeyInfo {
  readonly mask: number;
  readonly inner: ReadonlyMap<string, number> | undefined;
}

/** Top-level key → what it tells, made once from the signatures. */
const keyTable: ReadonlyMap<string, KeyInfo> = (() => {
  const masks = new Map<string, Map<string, number>>();
  scored.forEach((dialect, i) => {
    for (const [place, keys] of Object.entries(dialect.signature!)) {
      let inner = masks.get(place);
      if (inner === undefined) masks.set(place, (inner = new Map()));
      for (const key of keys) inner.set(key, (inner.get(key) ?? 0) | (1 << i));
    }
  });
  const top = masks.get('') ?? new Map<string, number>();
  const table = new Map<string, KeyInfo>();
  for (const key of new Set([...top.keys(), ...[...masks.keys()].filter((place) => place !== '')])) {
    table.set(key, { mask: top.get(key) ?? 0, inner: masks.get(key) });
  }
  return table;
})();

/** Dialect id → the dialects that refine it (told from it by a value only they accept). */
const refinements = new Map<DialectId, Dialect[]>();
for (const dialect of Object.values(dialects)) {
  if (dialect.refines === undefined) continue;
  const list = refinements.get(dialect.refines.dialect) ?? [];
  list.push(dialect);
  refinements.set(dialect.refines.dialect, list);
}

/** The answer without a note, made once per dialect (the common case allocates nothing). */
const plain = new Map<Dialect, Detection>(Object.values(dialects).map((dialect) => [dialect, { dialect }]));
const DEFAULT: Detection = plain.get(defaultDialect)!;

/**
 * For the common case, a body whose known keys all fit the default dialect: it is judged under it
 * without counting, since the default is the first scored dialect (it wins equal scores) and
 * nothing refines it (test/dialects/detect.test.ts). Top-level key → true: it fits the default
 * and nothing inside it needs a look; false: it does not fit; else the keys inside it that do
 * not fit (`device` → phone_number, ...). A lookup table without a prototype: no Map hashing and
 * no inherited names.
 */
const FITS: Readonly<Record<string, boolean | Readonly<Record<string, true>>>> = (() => {
  const fits = Object.create(null) as Record<string, boolean | Record<string, true>>;
  for (const [key, info] of keyTable) {
    if (info.mask !== 0 && (info.mask & 1) === 0) {
      fits[key] = false;
      continue;
    }
    const foreign = [...(info.inner ?? new Map<string, number>())].filter(([, mask]) => (mask & 1) === 0);
    fits[key] = foreign.length === 0 ? true : Object.assign(Object.create(null) as Record<string, true>, Object.fromEntries(foreign.map(([inner]) => [inner, true])));
  }
  return fits;
})();

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Adds one to the score of every dialect in `mask`. */
function count(scores: number[], mask: number): void {
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if ((mask & 1) !== 0) scores[i]!++;
}

/**
 * The dialect a body is written for. Every key of a signature the body has (at the top, or inside
 * a member such as `device`) adds one to each dialect whose signature names it; the highest score
 * wins, the newest version on equal scores, the default when no key is known. A dialect that refines
 * the winner (0.9 of 0.10) takes its place when its feature shows. When some of the keys fit only
 * other dialects, the note says which.
 */
export function detectDialect(body: unknown): Detection {
  if (!isPlainObject(body)) return DEFAULT;
  // The common case, without counting: every known key fits the default dialect, which then has
  // the highest score (the first of equal ones) and nothing else was seen.
  if (fitsDefault(body)) return DEFAULT;
  const scores = new Array<number>(scored.length).fill(0);
  let known = 0;
  for (const key of Object.keys(body)) {
    const info = keyTable.get(key);
    if (info === undefined) continue;
    if (info.mask !== 0) {
      count(scores, info.mask);
      known++;
    }
    if (info.inner === undefined) continue;
    const member = body[key];
    if (!isPlainObject(member)) continue;
    for (const inner of Object.keys(member)) {
      const mask = info.inner.get(inner);
      if (mask === undefined) continue;
      count(scores, mask);
      known++;
    }
  }
  let best = -1;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > (best < 0 ? 0 : scores[best]!)) best = i;
  let dialect = best < 0 ? defaultDialect : scored[best]!;
  for (const refined of refinements.get(dialect.facts.id) ?? []) {
    if (refined.refines!.feature(body)) {
      dialect = refined;
      break;
    }
  }
  // Every known key fits the winner: nothing else was seen.
  if (best < 0 || known === scores[best]) return plain.get(dialect)!;
  return { dialect, note: ambiguity(body, best, dialect, scores[best]!) };
}

/** Whether every key of a signature that the body has fits the default dialect (see FITS). */
function fitsDefault(body: Record<string, unknown>): boolean {
  // for...in allocates nothing; an inherited key can only send the body to the exact count.
  for (const key in body) {
    const fit = FITS[key];
    if (fit === undefined || fit === true) continue;
    if (fit === false) return false;
    const member = body[key];
    if (!isPlainObject(member)) continue;
    for (const inner in member) if (fit[inner] === true) return false;
  }
  return true;
}

/** The ids of the scored dialects in `mask`. */
function idsOf(mask: number): string[] {
  const ids: string[] = [];
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if ((mask & 1) !== 0) ids.push(scored[i]!.facts.id);
  return ids;
}

/** The note on a body whose keys fit more than one dialect: the keys that do not fit the winner, and what they fit. */
function ambiguity(body: Record<string, unknown>, best: number, dialect: Dialect, fitting: number): Issue {
  const bit = 1 << best;
  const byDialects = new Map<string, string[]>();
  const add = (name: string, mask: number) => {
    if ((mask & bit) !== 0) return;
    const label = idsOf(mask).join(' or ');
    const names = byDialects.get(label);
    if (names === undefined) byDialects.set(label, [name]);
    else names.push(name);
  };
  for (const key of Object.keys(body)) {
    const info = keyTable.get(key);
    if (info === undefined) continue;
    if (info.mask !== 0) add(key, info.mask);
    const member = info.inner === undefined ? undefined : own(body, key);
    if (!isPlainObject(member)) continue;
    for (const inner of Object.keys(member)) {
      const mask = info.inner!.get(inner);
      if (mask !== undefined) add(`${key}.${inner}`, mask);
    }
  }
  const groups = [...byDialects].map(([label, names]) => `${names.map((name) => `'${name}'`).join(', ')} ${names.length === 1 ? 'fits' : 'fit'} ${label}`);
  const keys = [...byDialects.values()].flat();
  const others = [...new Set([...byDialects.keys()].flatMap((label) => label.split(' or ')))];
  return {
    ruleId: 'dialect',
    messageId: 'ambiguous',
    severity: 'info',
    path: '',
    message: `The body's keys fit more than one API version: it is judged as ${dialect.facts.id}, which ${fitting} of them fit; ${groups.join('; ')}.`,
    data: { dialect: dialect.facts.id, fitting, keys: keys.join(', '), others: others.join(', ') },
    status: 400,
    code: 'INVALID_ARGUMENT',
  };
}

// #endregion
