// `lint --fix` and `--fix-dry-run`: a file's text with the fixes of its issues applied, pass after
// pass as ESLint does. Each pass applies the fixes that do not overlap (nor touch) one applied
// before them, in the order of the text, then lints the new text again; it stops when nothing is
// left to fix or after MAX_PASSES. The text outside the fixes stays byte for byte. A file with a
// body that does not parse is never changed, and a pass whose result would parse differently (a
// body lost, a new parse finding) is not kept.

import type { SourceValidator } from '../engine/validator.js';
import { parseSource, type SourceBody, type SourceKind } from '../parse/index.js';
import type { Fix, Report } from '../types.js';

/** ESLint's bound on fix passes. */
const MAX_PASSES = 10;

/**
 * The text with the fixes applied: sorted by where they start, each one only when it starts after
 * the end of the one applied before it (so fixes that overlap or touch wait for the next pass).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = -1;
  let copied = 0;
  for (const { range, text: replacement } of sorted) {
    const [start, end] = range;
    if (start <= last || start > end || end > text.length) continue;
    out += text.slice(copied, start) + replacement;
    copied = end;
    last = end;
  }
  return out + text.slice(copied);
}

/** Whether every body parsed (has a value). */
function allParse(bodies: readonly SourceBody[]): boolean {
  return bodies.every((body) => 'value' in body);
}

/** The parse findings of the bodies (duplicate keys). */
function problemCount(bodies: readonly SourceBody[]): number {
  let n = 0;
  for (const body of bodies) n += body.problems.length;
  return n;
}

/** A file's text after fixing, with the bodies and reports of that text. */
export interface Fixed {
  readonly text: string;
  readonly bodies: readonly SourceBody[];
  readonly reports: readonly Report[];
}

/** Lints a text and fixes what its issues' fixes can, up to MAX_PASSES times. */
export function fixText(text: string, kind: SourceKind, validator: SourceValidator): Fixed {
  let bodies = parseSource(text, kind);
  let reports = bodies.map((body) => validator.validateSource(body));
  if (!allParse(bodies)) return { text, bodies, reports };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes: Fix[] = [];
    for (const report of reports) for (const issue of report.issues) if (issue.fix !== undefined) fixes.push(issue.fix);
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes);
    if (next === text) break;
    const nextBodies = parseSource(next, kind);
    if (nextBodies.length !== bodies.length || !allParse(nextBodies) || problemCount(nextBodies) > problemCount(bodies)) break;
    text = next;
    bodies = nextBodies;
    reports = bodies.map((body) => validator.validateSource(body));
  }
  return { text, bodies, reports };
}
