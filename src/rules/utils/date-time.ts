// RFC 3339 date-times, accepting exactly what the schemas' `format: "date-time"` accepts (ajv-formats'
// full format): a full-date, one separator ('T', 't' or white space), a partial-time with optional
// fraction, and a time zone that is required ('Z', 'z', or an offset written ±hh, ±hhmm or ±hh:mm,
// hours 0..23, minutes 0..59). Calendar dates are checked (leap years); a second of 60 is accepted
// only where it is a leap second, i.e. 23:59:60 in UTC once the offset is applied.
// test/rules/sink-credential.test.ts checks the agreement with ajv-formats property by property.

/** date, separator, time, optional fraction, then either Z or an offset, or nothing (no zone). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt\s](\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 400 Gregorian years are exactly 146097 days; shifting by them keeps Date.UTC away from its 0..99 → 1900s rule. */
const FOUR_CENTURIES_MS = 146097 * 86400000;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** What a string is as an RFC 3339 date-time. */
export type DateTimeKind = 'date-time' | 'no-time-zone' | 'invalid';

/**
 * The instant `text` names in milliseconds since the epoch, or NaN when it is not a date-time the
 * schema accepts. With `zoneRequired: false` a date-time without a zone is read as UTC (used only to
 * tell "no time zone" apart from "not a date-time").
 */
export function dateTimeMs(text: string, zoneRequired = true): number {
  const m = DATE_TIME.exec(text);
  if (m === null) return NaN;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!)) return NaN;
  const hour = +m[4]!;
  const minute = +m[5]!;
  const second = +m[6]!;
  const hasZone = m[7] !== undefined || m[8] !== undefined;
  if (zoneRequired && !hasZone) return NaN;
  const sign = m[8] === '-' ? -1 : 1;
  const offsetHours = m[9] === undefined ? 0 : +m[9];
  const offsetMinutes = m[10] === undefined ? 0 : +m[10];
  if (offsetHours > 23 || offsetMinutes > 59) return NaN;
  if (!(hour <= 23 && minute <= 59 && second < 60)) {
    // Only a leap second may fall outside the usual ranges: 23:59:60 once converted to UTC.
    const utcMinute = minute - offsetMinutes * sign;
    const utcHour = hour - offsetHours * sign - (utcMinute < 0 ? 1 : 0);
    if (!((utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61)) return NaN;
  }
  const local = Date.UTC(year + 400, month - 1, day, hour, minute) - FOUR_CENTURIES_MS + second * 1000;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60000;
}

/** Classifies `text`: a date-time, one that lacks only its time zone, or not a date-time at all. */
export function dateTimeKind(text: string): DateTimeKind {
  if (!Number.isNaN(dateTimeMs(text))) return 'date-time';
  return Number.isNaN(dateTimeMs(text, false)) ? 'invalid' : 'no-time-zone';
}
