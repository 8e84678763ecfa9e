// Exact conversion of CAMARA durations ({value, unit}, units Days..Nanoseconds) to seconds.
//
// Everything goes through BigInt nanoseconds: 2147483647 Days is about 1.9e23 ns, far beyond
// 2^53, and sub-second units make bounds fractional (1500 Milliseconds = 1.5 s). A request's
// duration is a whole number of seconds, so a minimum bound becomes its ceiling (at least 2 s)
// and a maximum its floor (at most 1 s). The converted bound keeps a plain number when that is
// exact, so that comparing a request against it needs no BigInt work.

import { trimEnd } from '../../shared/text.js';
import type { DurationUnit, QosDuration } from '../../types.js';

/** Nanoseconds per CAMARA TimeUnitEnum unit. */
const NANOSECONDS: Readonly<Record<DurationUnit, bigint>> = {
  Days: 86_400_000_000_000n,
  Hours: 3_600_000_000_000n,
  Minutes: 60_000_000_000n,
  Seconds: 1_000_000_000n,
  Milliseconds: 1_000_000n,
  Microseconds: 1_000n,
  Nanoseconds: 1n,
};
const NANOSECONDS_PER_SECOND = 1_000_000_000n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A whole number of seconds: a number when exact, else a BigInt. */
export type WholeSeconds = number | bigint;

/** A duration converted to seconds, exactly. */
export interface SecondsDuration {
  /** As written, e.g. '1500 Milliseconds'. */
  readonly text: string;
  /** The exact length in seconds as a decimal, e.g. '1.5' or '600'. */
  readonly seconds: string;
  /** Whether the length is a whole number of seconds. */
  readonly whole: boolean;
  /** The smallest whole number of seconds not shorter (the integer bound of a minimum). */
  readonly ceil: WholeSeconds;
  /** The largest whole number of seconds not longer (the integer bound of a maximum). */
  readonly floor: WholeSeconds;
}

function whole(value: bigint): WholeSeconds {
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value;
}

/** Whether a duration has a known unit and a non-negative integer value. */
function isTimeUnit(unit: unknown): unit is DurationUnit {
  return typeof unit === 'string' && Object.prototype.hasOwnProperty.call(NANOSECONDS, unit);
}

/** The exact length of `duration` in seconds; undefined when it is malformed. */
export function toSeconds(duration: QosDuration | undefined): SecondsDuration | undefined {
  if (duration === undefined || duration === null || typeof duration !== 'object') return undefined;
  const { value, unit } = duration;
  if (!Number.isInteger(value) || (value as number) < 0 || !isTimeUnit(unit)) return undefined;
  const nanoseconds = BigInt(value as number) * NANOSECONDS[unit];
  const seconds = nanoseconds / NANOSECONDS_PER_SECOND;
  const fraction = nanoseconds % NANOSECONDS_PER_SECOND;
  return {
    text: `${BigInt(value as number)} ${unit as string}`,
    seconds: fraction === 0n ? `${seconds}` : `${seconds}.${trimEnd(fraction.toString().padStart(9, '0'), '0')}`,
    whole: fraction === 0n,
    ceil: whole(fraction === 0n ? seconds : seconds + 1n),
    floor: whole(seconds),
  };
}

/** Whether a whole number of seconds (any integer-valued number) is below `bound`, exactly. */
export function isBelow(duration: number, bound: WholeSeconds): boolean {
  // Two numbers compare exactly: `bound` is a number only when it is exact.
  return typeof bound === 'number' ? duration < bound : BigInt(duration) < bound;
}

/** Whether a whole number of seconds (any integer-valued number) is above `bound`, exactly. */
export function isAbove(duration: number, bound: WholeSeconds): boolean {
  return typeof bound === 'number' ? duration > bound : BigInt(duration) > bound;
}

/** A profile bound as messages show it: '10 Minutes (600 s)', '1500 Milliseconds (1.5 s, so at least 2 s)'. */
export function describeBound(bound: SecondsDuration, kind: 'min' | 'max'): string {
  if (bound.text.endsWith(' Seconds')) return bound.text;
  if (bound.whole) return `${bound.text} (${bound.seconds} s)`;
  return kind === 'min' ? `${bound.text} (${bound.seconds} s, so at least ${bound.ceil} s)` : `${bound.text} (${bound.seconds} s, so at most ${bound.floor} s)`;
}
