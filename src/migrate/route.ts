// Which steps carry a body from one dialect to another: the steps join the dialects into a tree
// (CAMARA's line, the SDK model hanging off 0.10), so there is exactly one way, found breadth-first.

import type { DialectId } from '../types.js';
import type { Step } from './step.js';
import { steps } from './steps/index.js';

/** The dialects from `from` to `to`, both included. */
export function routeOf(from: DialectId, to: DialectId): DialectId[] {
  const previous = new Map<DialectId, DialectId | null>([[from, null]]);
  const queue: DialectId[] = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of neighbours(at)) {
      if (previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  const route: DialectId[] = [];
  for (let at: DialectId | null | undefined = to; at != null; at = previous.get(at)) route.unshift(at);
  return route;
}

function neighbours(dialect: DialectId): DialectId[] {
  return steps.flatMap((step) => (step.older === dialect ? [step.newer] : step.newer === dialect ? [step.older] : []));
}

/** The step between two neighbouring dialects. */
export function stepBetween(a: DialectId, b: DialectId): Step {
  const step = steps.find((s) => (s.older === a && s.newer === b) || (s.older === b && s.newer === a));
  if (step === undefined) throw new Error(`no step between ${a} and ${b}`);
  return step;
}
