// The accept pass against the engine (src/engine/accept.ts): for bodies near the valid ones of every
// dialect (./accept.ts) under configurations that change rules, severities, options, policy,
// request context and limits, validate and validateJson give the same report, byte for byte, with
// the pass as without it; so the pass answers only for bodies the engine reports nothing for. And
// it is exercised: it answers for most of the clean bodies, and for many of all.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { _acceptSwitch } from '../../src/engine/accept.js';
import { createValidator, type Report, type Validator } from '../../src/index.js';
import { bodyOf, bodyRecipe, configRecipe, optionsOf } from './accept.js';
import { TIMEOUT, check } from './harness.js';

/** An instant of the clock, which moves between two runs (without a context.now, expiry is judged against it). */
const INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

/** The report with the pass on (and whether it answered), and with it off. */
function both(run: () => Report, clock: boolean): { on: string; off: string; answered: boolean; clean: boolean } {
  const text = (report: Report) => (clock ? JSON.stringify(report).replace(INSTANT, '<now>') : JSON.stringify(report));
  const before = _acceptSwitch.answered;
  _acceptSwitch.enabled = true;
  const on = run();
  const answered = _acceptSwitch.answered > before;
  _acceptSwitch.enabled = false;
  try {
    const off = run();
    return { on: text(on), off: text(off), answered, clean: off.issues.length === 0 };
  } finally {
    _acceptSwitch.enabled = true;
  }
}

describe('accept pass', () => {
  afterEach(() => {
    _acceptSwitch.enabled = true;
  });

  it(
    'answers only where the engine reports nothing, and for most such bodies',
    () => {
      const tally = { cases: 0, clean: 0, answered: 0, cleanAnswerable: 0, answeredOfAnswerable: 0 };
      check(
        'accept: answers only where the engine reports nothing',
        fc.property(bodyRecipe, configRecipe, fc.boolean(), (recipe, config, asText) => {
          const { options, call } = optionsOf(config, recipe.dialect);
          let validator: Validator;
          try {
            validator = createValidator(options);
          } catch {
            return; // a configuration the recipe got wrong (policy.duration.min above max)
          }
          const body = bodyOf(recipe);
          const text = JSON.stringify(body);
          const clock = config.now === undefined;
          const result = asText ? both(() => validator.validateJson(text, call), clock) : both(() => validator.validate(body, call), clock);
          if (result.on !== result.off) throw new Error(`with the pass: ${result.on}\nwithout it: ${result.off}`);
          if (result.answered && !result.clean) throw new Error(`answered for a body the engine reports on: ${result.off}`);
          tally.cases++;
          if (result.clean) tally.clean++;
          if (result.answered) tally.answered++;
          // What the pass leaves to the engine whatever the body: a device registry, a rule without a
          // fast check, limits tighter than the structure it walks (its depth, its longest member name).
          const tight = config.limits?.maxDepth !== undefined || (config.limits?.maxStringLength ?? Infinity) < 25;
          const answerable = !config.resolver && config.plugin !== 'quiet without fast' && !tight;
          if (result.clean && answerable) {
            tally.cleanAnswerable++;
            if (result.answered) tally.answeredOfAnswerable++;
          }
        }),
      );
      // The pass is exercised, not a property that holds because it never answers.
      expect(tally.answered / tally.cases).toBeGreaterThan(0.2);
      expect(tally.answeredOfAnswerable / tally.cleanAnswerable).toBeGreaterThan(0.95);
    },
    TIMEOUT,
  );
});
