// duration-bounds: the session duration (whole seconds) lies within the dialect's bounds
// (CAMARA 1.2: 1..2147483647; the SDK model: 60..86400), the operator's policy.duration bounds,
// and the minDuration/maxDuration of the QoS profile the body names (from policy.qosProfiles),
// converted exactly from the profile's unit.
//
// The rule owns the schema's duration minimum/maximum (the engine reports this rule's finding
// instead of the schema's, as an error at any severity) and re-checks them from ctx.dialect.duration. Where the dialect fills in an absent
// duration (the SDK model: 86400 s), that default is checked against the policy and the profile.
// A duration outside the profile's bounds is answered with ctx.dialect.profileDurationError:
// CAMARA 1.2 specifies 400 QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE (its published tests expect
// INVALID_ARGUMENT; we follow the specification unless `codes: 'test-definitions'`, which the
// engine applies from src/dialects/test-definition-codes.ts).

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import type { RuleContext } from './api.js';
import type { QosProfile } from '../types.js';
import { catalogueOf } from './utils/qos-catalogue.js';
import { describeBound, isAbove, isBelow, toSeconds, type SecondsDuration } from './utils/duration.js';

import { docsUrl } from '../shared/docs-url.js';

type MessageIds =
  | 'belowMinimum'
  | 'aboveMaximum'
  | 'belowPolicyMinimum'
  | 'abovePolicyMaximum'
  | 'belowProfileMinimum'
  | 'aboveProfileMaximum';

interface ProfileBounds {
  readonly min: SecondsDuration | undefined;
  readonly max: SecondsDuration | undefined;
}

/** Converted bounds per profile object, so that each profile's BigInt work is done once. */
const profileBounds = new WeakMap<QosProfile, ProfileBounds>();

function boundsOf(profile: QosProfile): ProfileBounds {
  let bounds = profileBounds.get(profile);
  if (bounds === undefined) {
    bounds = { min: toSeconds(profile.minDuration), max: toSeconds(profile.maxDuration) };
    profileBounds.set(profile, bounds);
  }
  return bounds;
}

/** The duration's key; every dialect so far spells it the same way. */
const DURATION = 'duration';

/** How messages name the duration: 'duration 3600 s', or the default that applies ('' path). */
function subject(path: string, duration: number): string {
  return path === '' ? `The default duration of ${duration} s (${DURATION} is not set)` : `${fieldName(path)} ${duration} s`;
}

/** A whole number of seconds for data: a number when exact, else its decimal text. */
function dataNumber(value: number | bigint): number | string {
  return typeof value === 'number' ? value : value.toString();
}

export default defineRule<MessageIds>({
  meta: {
    docs: {
      description: 'The duration lies within the bounds of the API version, the policy and the QoS profile (units converted exactly).',
      url: docsUrl('duration-bounds'),
    },
    messages: {
      belowMinimum: '{{ subject }} is below the minimum of {{ limit }} s that {{ dialect }} accepts.',
      aboveMaximum: '{{ subject }} is above the maximum of {{ limit }} s that {{ dialect }} accepts.',
      belowPolicyMinimum: "{{ subject }} is below the operator's minimum of {{ limit }} s (policy.duration.min).",
      abovePolicyMaximum: "{{ subject }} is above the operator's maximum of {{ limit }} s (policy.duration.max).",
      belowProfileMinimum: {
        text: "{{ subject }} is below the minimum of {{ bound }} of QoS profile '{{ profile }}'.",
        status: 400,
        code: 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE',
      },
      aboveProfileMaximum: {
        text: "{{ subject }} is above the maximum of {{ bound }} of QoS profile '{{ profile }}'.",
        status: 400,
        code: 'QUALITY_ON_DEMAND.DURATION_OUT_OF_RANGE',
      },
    },
    status: 400,
    code: 'OUT_OF_RANGE',
    // The fast check tests the dialect's duration facts, which are the schema's bounds.
    fastKeywords: ['minimum', 'maximum'],
  },
  check(model, ctx: RuleContext<MessageIds>) {
    const limits = ctx.dialect.duration;
    let duration: number;
    let path: string;
    let extra: Record<string, string | number> | undefined;
    if (model.duration !== undefined) {
      duration = model.duration.value;
      path = model.duration.path;
      // The dialect's own bounds (the schema's minimum/maximum, owned by this rule).
      if (duration < limits.min) {
        ctx.report({ messageId: 'belowMinimum', path, data: { subject: subject(path, duration), value: duration, limit: limits.min, dialect: ctx.dialect.id } });
      } else if (duration > limits.max) {
        ctx.report({ messageId: 'aboveMaximum', path, data: { subject: subject(path, duration), value: duration, limit: limits.max, dialect: ctx.dialect.id } });
      }
    } else if (limits.default !== undefined && !model.given.duration) {
      // The dialect fills in an absent duration: that value must fit the policy and the profile too.
      duration = limits.default;
      path = '';
      extra = { property: DURATION, default: duration };
    } else {
      return; // absent where required, or not an integer: the schema's finding
    }

    const policy = ctx.policy.duration;
    if (policy !== undefined) {
      if (policy.min !== undefined && duration < policy.min) {
        ctx.report({ messageId: 'belowPolicyMinimum', path, data: { subject: subject(path, duration), value: duration, limit: policy.min, ...extra } });
      }
      if (policy.max !== undefined && duration > policy.max) {
        ctx.report({ messageId: 'abovePolicyMaximum', path, data: { subject: subject(path, duration), value: duration, limit: policy.max, ...extra } });
      }
    }

    const profiles = ctx.policy.qosProfiles;
    const name = model.qosProfile?.value;
    if (profiles === undefined || name === undefined) return;
    const profile = catalogueOf(profiles).byName.get(name);
    if (profile === undefined) return; // qos-profile reports unknown names
    const { min, max } = boundsOf(profile);
    if (min !== undefined && isBelow(duration, min.ceil)) {
      ctx.report({
        messageId: 'belowProfileMinimum',
        path,
        data: { subject: subject(path, duration), value: duration, profile: name, bound: describeBound(min, 'min'), limit: dataNumber(min.ceil), seconds: min.seconds, ...extra },
        error: ctx.dialect.profileDurationError,
      });
    }
    if (max !== undefined && isAbove(duration, max.floor)) {
      ctx.report({
        messageId: 'aboveProfileMaximum',
        path,
        data: { subject: subject(path, duration), value: duration, profile: name, bound: describeBound(max, 'max'), limit: dataNumber(max.floor), seconds: max.seconds, ...extra },
        error: ctx.dialect.profileDurationError,
      });
    }
  },
  fast(view, ctx) {
    const limits = ctx.dialect.duration;
    const given = view.duration;
    let duration: number;
    if (given !== undefined) {
      if (!Number.isInteger(given)) return false;
      duration = given as number;
      if (duration < limits.min || duration > limits.max) return false;
    } else if (limits.default !== undefined) duration = limits.default;
    else return true;
    const policy = ctx.policy.duration;
    if (policy !== undefined && ((policy.min !== undefined && duration < policy.min) || (policy.max !== undefined && duration > policy.max))) return false;
    const profiles = ctx.policy.qosProfiles;
    const name = view.qosProfile;
    if (profiles === undefined || typeof name !== 'string') return true;
    const profile = catalogueOf(profiles).byName.get(name);
    if (profile === undefined) return true;
    const { min, max } = boundsOf(profile);
    return !(min !== undefined && isBelow(duration, min.ceil)) && !(max !== undefined && isAbove(duration, max.floor));
  },
});
