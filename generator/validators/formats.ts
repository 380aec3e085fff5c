/**
 * payspec's own `date-time`, `date` and `time` formats, compiled into every generated validators module.
 *
 * Why ours and not ajv-formats': its full-mode checks split the string and run a capturing regex per part, which made
 * a payload with a few hundred timestamps (a Medusa PaymentCollection) slower than zod; and importing its CommonJS
 * module from an ES module costs milliseconds at start-up. These functions give the same verdict as ajv-formats'
 * full mode on every string (test/generator/validators/formats.test.ts checks that against ajv-formats itself): one
 * anchored regex accepts the usual forms, then a day-of-month check by character codes; anything the regex refuses
 * (leap seconds, ajv-formats' time-zone arithmetic on them, garbage) goes to an exact implementation of ajv-formats'
 * rules. `uri` stays ajv-formats', behind a fast path for plain http(s) URLs. Every other format stays ajv-formats'.
 *
 * This file is plain enough to be emitted as JavaScript into the generated module (see `payspecFormatsSource` in ./compile.ts): no imports,
 * only these declarations. Names start with `payspec` so they cannot clash with Ajv's generated names.
 */

/** RFC 3339 leap years (appendix C). */
function payspecIsLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const PAYSPEC_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the `YYYY-MM-DD` at the start of `text` names a real day; month 01-12 and day 01-31 already checked. */
function payspecDayExists(text: string): boolean {
  const day = (text.charCodeAt(8) - 48) * 10 + text.charCodeAt(9) - 48;
  if (day <= 28) return true;
  const month = (text.charCodeAt(5) - 48) * 10 + text.charCodeAt(6) - 48;
  if (month !== 2) return day <= PAYSPEC_DAYS_IN_MONTH[month]!;
  const year = (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + text.charCodeAt(3) - 48;
  return day === 29 && payspecIsLeapYear(year);
}

const PAYSPEC_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/** The usual times: hour 00-23, minute and second 00-59, a fraction, `Z` or an offset of at most 23:59. */
const PAYSPEC_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)$/;
/** A date, one separator (`T`, `t` or any white space, as ajv-formats splits), a usual time. */
const PAYSPEC_DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt\s](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)$/;

/** ajv-formats' full `time` rules, exactly, for what PAYSPEC_TIME refuses (leap seconds and invalid strings). */
const PAYSPEC_TIME_PARTS = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
function payspecTimeByRules(text: string): boolean {
  const parts = PAYSPEC_TIME_PARTS.exec(text);
  if (parts === null || parts[4] === undefined) return false;
  const hour = Number(parts[1]);
  const minute = Number(parts[2]);
  const second = Number(parts[3]);
  const sign = parts[5] === "-" ? -1 : 1;
  const zoneHour = Number(parts[6] ?? 0);
  const zoneMinute = Number(parts[7] ?? 0);
  if (zoneHour > 23 || zoneMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second: 23:59:60 in UTC, whatever the offset says the local time is (ajv-formats' arithmetic).
  const utcMinute = minute - zoneMinute * sign;
  const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

function payspecDate(text: string): boolean {
  return PAYSPEC_DATE.test(text) && payspecDayExists(text);
}

function payspecTime(text: string): boolean {
  return PAYSPEC_TIME.test(text) || payspecTimeByRules(text);
}

const PAYSPEC_DATE_TIME_SEPARATOR = /t|\s/i;
function payspecDateTime(text: string): boolean {
  if (PAYSPEC_DATE_TIME.test(text)) return payspecDayExists(text);
  const parts = text.split(PAYSPEC_DATE_TIME_SEPARATOR);
  return parts.length === 2 && payspecDate(parts[0]!) && payspecTimeByRules(parts[1]!);
}

/**
 * Absolute http(s) URLs with a plain host name, every character one that RFC 3986 allows where it stands: a subset of
 * what ajv-formats' full `uri` accepts (formats.test.ts checks that it never accepts more). Tried first because
 * ajv-formats' RFC 3986 regex takes milliseconds to compile on its first use, most of a first validation.
 */
const PAYSPEC_HTTP_URI =
  /^https?:\/\/[a-z0-9\-._~]+(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function payspecUri(ajvFormatsUri: (text: string) => boolean): (text: string) => boolean {
  return (text) => PAYSPEC_HTTP_URI.test(text) || ajvFormatsUri(text);
}

/** Format name -> check, for the formats payspec implements itself. */
export const payspecFormats = { "date-time": payspecDateTime, date: payspecDate, time: payspecTime };

/** Format name -> a fast path in front of ajv-formats' own check of that format (same verdicts). */
export const payspecFastPaths = { uri: payspecUri };
