/**
 * What validation/compiled.js runs besides Ajv's own code: payspec's checks of the formats whose ajv-formats check is
 * a function (ajv-formats' RegExp formats, email, uuid..., Ajv compiles in as literals), and the pattern engine for
 * patterns that compile only without the `u` flag. Pasted into every compiled.js that uses one of them (see
 * ./standalone-module.ts), as top-level declarations: a bundler drops those a validator does not use.
 *
 * Why not ajv-formats' functions themselves: its module is CommonJS, so a bundle that imports it keeps all of it
 * whether a validator uses a format or not, and Node starts its CommonJS loader for it at import; and its date-time
 * checks split the string and run a capturing regex per part, which made a payload with a few hundred timestamps (a
 * Medusa PaymentCollection) slower than zod. Every check here gives ajv-formats' full-mode verdict on every input:
 * test/generator/validators/formats.test.ts compares them with the installed ajv-formats on edge cases and on many
 * random inputs, so an upgrade of ajv-formats that changes a verdict fails there, naming the format.
 *
 * Plain enough to be pasted as JavaScript: no imports, only declarations. Names start with `payspec` so they cannot
 * clash with Ajv's generated names.
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
function payspecTimeByRules(text: string, zoneRequired = true): boolean {
  const parts = PAYSPEC_TIME_PARTS.exec(text);
  if (parts === null || (zoneRequired && parts[4] === undefined)) return false;
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

/** ajv-formats' `iso-time`: its `time`, the time zone optional. */
function payspecIsoTime(text: string): boolean {
  return PAYSPEC_TIME.test(text) || payspecTimeByRules(text, false);
}

/** ajv-formats' `iso-date-time`: its `date-time`, the time zone optional. */
function payspecIsoDateTime(text: string): boolean {
  if (PAYSPEC_DATE_TIME.test(text)) return payspecDayExists(text);
  const parts = text.split(PAYSPEC_DATE_TIME_SEPARATOR);
  return parts.length === 2 && payspecDate(parts[0]!) && payspecTimeByRules(parts[1]!, false);
}

/**
 * Absolute http(s) URLs with a plain host name, every character one that RFC 3986 allows where it stands: a subset of
 * what PAYSPEC_URI accepts (formats.test.ts checks that it never accepts more). Tried first because PAYSPEC_URI takes
 * milliseconds to compile on its first use, most of a first validation.
 */
const PAYSPEC_HTTP_URI =
  /^https?:\/\/[a-z0-9\-._~]+(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/**
 * ajv-formats' full `uri`: RFC 3986's URI (jmrware.com's regular expression, as ajv-formats writes it), and a `/` or
 * `:` somewhere.
 */
const PAYSPEC_NOT_URI_FRAGMENT = /\/|:/;
const PAYSPEC_URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function payspecUri(text: string): boolean {
  return PAYSPEC_HTTP_URI.test(text) || (PAYSPEC_NOT_URI_FRAGMENT.test(text) && PAYSPEC_URI.test(text));
}

/** ajv-formats' `byte` (base64): its expression, multi-line as it has it (any line of the text may match). */
const PAYSPEC_BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/m;
function payspecByte(text: string): boolean {
  return PAYSPEC_BYTE.test(text);
}

/** ajv-formats' `regex`: a pattern JavaScript compiles (without flags), with no `\Z` anchor. */
const PAYSPEC_Z_ANCHOR = /[^\\]\\Z/;
function payspecRegex(text: string): boolean {
  if (PAYSPEC_Z_ANCHOR.test(text)) return false;
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}

function payspecInt32(value: number): boolean {
  return Number.isInteger(value) && value <= 2147483647 && value >= -2147483648;
}

/** Any integer JavaScript holds is a valid int64 (ajv-formats' rule). */
function payspecInt64(value: number): boolean {
  return Number.isInteger(value);
}

/** `float` and `double`: any number. */
function payspecAnyNumber(): boolean {
  return true;
}

/**
 * Format name -> check, as Ajv takes them (`addFormat`): a function for string formats, `{ type: "number", validate }`
 * for number formats. Every format of ajv-formats' full mode that is not a RegExp (nor `true`).
 */
export const payspecFormats = {
  date: payspecDate,
  time: payspecTime,
  "date-time": payspecDateTime,
  "iso-time": payspecIsoTime,
  "iso-date-time": payspecIsoDateTime,
  uri: payspecUri,
  byte: payspecByte,
  regex: payspecRegex,
  int32: { type: "number", validate: payspecInt32 },
  int64: { type: "number", validate: payspecInt64 },
  float: { type: "number", validate: payspecAnyNumber },
  double: { type: "number", validate: payspecAnyNumber },
} as const;

/**
 * A schema's `pattern` as Ajv compiles it (`new RegExp(pattern, "u")`), or without the `u` flag when the pattern is
 * not valid with it (many real patterns escape characters that need no escape, which `u` refuses). Ajv's
 * `code.regExp` engine in the generator when a spec has such a pattern, and what the compiled code calls for them.
 */
export function payspecPattern(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return new RegExp(pattern, flags.replace("u", ""));
  }
}
