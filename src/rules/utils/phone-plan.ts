// Asks libphonenumber-js whether an international number is possible (its length) and valid (its
// digits) in the numbering plan of its country, with a small cache: this runs per request.
//
// Metadata: the library's 'min' set, used through 'libphonenumber-js/core'. It knows every
// country's calling codes, possible lengths and general number pattern, which is what "possible
// and valid for its country" needs; the 'max' set adds per-type patterns (fixed line, mobile...)
// that make validation stricter and staler (new ranges are flagged until the library is updated),
// cost more per number (nearly twice as much on the fast path below), and its file is nearly twice
// as large (157 kB against 83 kB); bench/phone-plan.mjs measures both. See
// docs/rules/phone-number.md.
//
// Fast path: `new PhoneNumber(e164, metadata)` reads the number in the main country of its calling
// code, without parsing text (3 to 4 times cheaper than parsePhoneNumberFromString in
// bench/phone-plan.mjs). When it says valid and possible, so does the full parse (the main
// country is the first one the parser tries); otherwise the full parse decides and names the
// country. Its answer is read from the same metadata without the library's objects where it can
// be (planVerdict): the library builds a regular expression from the plan's pattern on every call,
// which is most of its cost; here it is built once per calling code. test/rules/utils-phone-plan.test.ts
// proves the two answers equal on every country's example numbers and their neighbours.

import { Metadata, parsePhoneNumberFromString, PhoneNumber, type E164Number } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.min.json';

/** A numbering-plan problem, as the phone-number rule's message ids name it. */
export interface PlanProblem {
  readonly messageId: 'unknownCallingCode' | 'impossibleNumber' | 'invalidNumber';
  /** The country calling code, without '+' ('' when none is in use). */
  readonly callingCode: string;
  /** ISO 3166-1 alpha-2 code of the number's country, when known. */
  readonly country: string | undefined;
}

/**
 * Bounded cache, E.164 string → problem (null when the number is fine), in two generations: new
 * answers go into `young`; when it is full it becomes `old` and the previous `old` is dropped; a
 * hit in `old` moves back into `young`. Numbers in use stay, at most 2 × GENERATION are kept, and
 * no call does more than a few map operations (evicting one entry at a time from a Map costs
 * more per miss than the generation flip amortised).
 */
const GENERATION = 512;
let young = new Map<string, PlanProblem | null>();
let old = new Map<string, PlanProblem | null>();

function remember(e164: string, verdict: PlanProblem | null): void {
  if (young.size >= GENERATION) {
    old = young;
    young = new Map();
  }
  young.set(e164, verdict);
}

/** Calling code → its countries; the non-geographic codes (+800, +882...) are listed apart. */
const callingCodes = metadata.country_calling_codes;
const has = (table: object | undefined, key: string) => table !== undefined && Object.prototype.hasOwnProperty.call(table, key);

/**
 * Every calling code in use (geographic or not) as a number: codes have 1 to 3 digits and never
 * start with 0, so the number identifies the code. Looking digits up here needs no allocation.
 */
const codeInUse = new Uint8Array(1000);
for (const table of [callingCodes, metadata.nonGeographic ?? {}]) {
  for (const code of Object.keys(table)) if (/^[1-9][0-9]{0,2}$/.test(code)) codeInUse[Number(code)] = 1;
}

/** The length of the country calling code `e164` ('+' and digits) starts with; 0 when none is in use. */
function callingCodeLength(e164: string): number {
  // No calling code is a prefix of another (ITU-T E.164), so the first match is the code.
  let code = 0;
  for (let length = 1; length <= 3 && length < e164.length; length++) {
    const digit = e164.charCodeAt(length) - 48;
    if (digit < 0 || digit > 9) return 0;
    code = code * 10 + digit;
    if (code > 0 && codeInUse[code] === 1) return length;
  }
  return 0;
}

/**
 * A calling code's main numbering plan as PhoneNumber's isValid() and isPossible() read it (the
 * library's own Metadata class): the national number pattern, anchored as its matchesEntirely()
 * anchors it, and the possible lengths. null where the plan has per-type patterns or no lengths
 * (the library then answers itself).
 */
interface Plan {
  readonly pattern: RegExp;
  readonly lengths: readonly number[];
}
const plans: (Plan | null | undefined)[] = new Array<Plan | null | undefined>(1000).fill(undefined);

/** The library's numbering plan as its isValid() and isPossible() read it (source/metadata.js; its types name less). */
interface LibraryPlan {
  hasTypes(): boolean;
  nationalNumberPattern(): string;
  possibleLengths(): unknown;
}

function planOf(code: number): Plan | null {
  let plan = plans[code];
  if (plan === undefined) {
    const m = new Metadata(metadata);
    // A calling code selects its main country's plan, as PhoneNumber's methods select it.
    m.selectNumberingPlan(String(code) as Parameters<Metadata['selectNumberingPlan']>[0]);
    const library = m.numberingPlan as unknown as LibraryPlan;
    const lengths = library.possibleLengths();
    plan = library.hasTypes() || !Array.isArray(lengths) || lengths.length === 0 ? null : { pattern: new RegExp(`^(?:${library.nationalNumberPattern()})$`), lengths: lengths as number[] };
    plans[code] = plan;
  }
  return plan;
}

/**
 * `new PhoneNumber(e164, metadata)`'s isValid() && isPossible() for a number whose calling code
 * has `length` digits and is followed by at least one: true, false, or undefined when the library
 * must answer itself.
 */
export function planVerdict(e164: string, length: number): boolean | undefined {
  let code = 0;
  for (let i = 1; i <= length; i++) code = code * 10 + (e164.charCodeAt(i) - 48);
  const plan = planOf(code);
  if (plan === null) return undefined;
  const national = e164.slice(1 + length);
  // checkNumberLength(): 'IS_POSSIBLE' for a length the plan lists.
  const { lengths } = plan;
  const n = national.length;
  const possible = lengths[0] === n || (lengths[0]! < n && lengths[lengths.length - 1]! >= n && lengths.indexOf(n, 1) >= 0);
  return possible && plan.pattern.test(national);
}

function problem(messageId: PlanProblem['messageId'], callingCode: string, country: string | undefined): PlanProblem {
  return Object.freeze({ messageId, callingCode, country });
}

function compute(e164: string): PlanProblem | null {
  const length = callingCodeLength(e164);
  if (length === 0) return problem('unknownCallingCode', '', undefined);
  try {
    // (The constructor throws when nothing follows the calling code; the parse answers that.)
    if (e164.length > length + 1) {
      const verdict = planVerdict(e164, length);
      if (verdict === true) return null;
      if (verdict === undefined) {
        const fast = new PhoneNumber(e164 as E164Number, metadata);
        if (fast.isValid() && fast.isPossible()) return null;
      }
    }
    const callingCode = e164.slice(1, 1 + length);
    const parsed = parsePhoneNumberFromString(e164, { extract: false }, metadata);
    const countries: readonly string[] = has(callingCodes, callingCode) ? callingCodes[callingCode]! : [];
    // '001' stood for the non-geographic plans in older metadata: no country to name.
    const sole = countries.length === 1 && countries[0] !== '001' ? countries[0] : undefined;
    const country = parsed?.country ?? sole;
    if (parsed === undefined || !parsed.isPossible()) return problem('impossibleNumber', callingCode, country);
    if (!parsed.isValid()) return problem('invalidNumber', callingCode, country);
    return null;
  } catch {
    // The library refused the input in a way we did not foresee: claim nothing.
    return null;
  }
}

/**
 * The numbering-plan problem of `e164` ('+' then ASCII digits), or undefined when libphonenumber-js
 * says the number is possible and valid for its country.
 */
export function numberingPlanProblem(e164: string): PlanProblem | undefined {
  // The number asked last, first: a comparison of characters costs less than hashing them for the map.
  if (e164 === lastNumber) return lastVerdict ?? undefined;
  let verdict = young.get(e164);
  if (verdict === undefined) {
    verdict = old.get(e164);
    if (verdict === undefined) verdict = compute(e164);
    remember(e164, verdict);
  }
  lastNumber = e164;
  lastVerdict = verdict;
  return verdict ?? undefined;
}

let lastNumber: string | undefined;
let lastVerdict: PlanProblem | null = null;

/** How many numbers the cache holds (for tests). */
export function _phonePlanCacheSize(): number {
  return young.size + old.size;
}

/**
 * How libphonenumber-js reads a whole text as an international number, with no default country
 * (so a number without '+' and its calling code is not read at all): its E.164 form, and whether
 * it is valid in its numbering plan; undefined when the text is not read as one number (an
 * extension counts as more than a number).
 */
export function readInternational(text: string): { readonly number: string; readonly valid: boolean } | undefined {
  try {
    const parsed = parsePhoneNumberFromString(text, { extract: false }, metadata);
    if (parsed === undefined || parsed.ext !== undefined) return undefined;
    return { number: parsed.number, valid: parsed.isValid() };
  } catch {
    return undefined;
  }
}
