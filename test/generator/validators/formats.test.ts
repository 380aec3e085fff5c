/**
 * payspec's formats (generator/validators/formats.ts: every format whose ajv-formats check is a function) must give
 * ajv-formats' full-mode verdict on every value: the generated validators claim the same semantics as run-time Ajv
 * with ajv-formats. Checked, against the installed ajv-formats through its public `get`, on edge cases (leap years,
 * 23:59:60 leap seconds and ajv-formats' offset arithmetic on them, offsets with and without a colon, lowercase t/z,
 * white-space separators, URIs of every shape, multi-line base64, 32-bit bounds) and on many random values built from
 * the grammars' pieces, both for the TypeScript functions and for the JavaScript the generator pastes into compiled.js.
 * An upgrade of ajv-formats that changes a verdict, or adds a function format, fails here and names the format.
 * The seed is fixed and printed; replay with PAYSPEC_SEED=<seed>.
 */
import ajvFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { payspecFormats } from "../../../generator/validators/formats.js";
import { payspecRuntimeSource } from "../../../generator/validators/standalone-module.js";
import { CHECKED_FORMATS } from "../../../generator/validators/vocabulary.js";

const SEED = Number(process.env.PAYSPEC_SEED ?? 20261122);
const RUNS = 60_000;
type Name = keyof typeof payspecFormats;
type Check = (value: unknown) => boolean;

/** A format definition as Ajv takes it (function, RegExp, `{ validate }`, `true`) as a check of any value. */
function checkOf(format: unknown): Check {
  if (format === true) return () => true;
  if (format instanceof RegExp) return (value) => typeof value === "string" && format.test(value);
  if (typeof format === "function") return (value) => (format as Check)(value);
  return (value) => (format as { validate: Check }).validate(value);
}

// CommonJS: Node's default import is `module.exports`, whose `default` is the plugin itself.
const formatsPlugin = ajvFormatsModule.default;
type FormatName = Parameters<typeof formatsPlugin.get>[0];

/** ajv-formats' full-mode check of `name`, through its public API. */
function ajvFormats(name: string): Check {
  return checkOf(formatsPlugin.get(name as FormatName, "full"));
}

/** The JavaScript the generator pastes into compiled.js, evaluated: the code a generated module runs. */
function emittedFormats(): Record<Name, Check> {
  const formats = new Function(`${payspecRuntimeSource()}\nreturn payspecFormats;`)() as Record<Name, unknown>;
  return Object.fromEntries(Object.entries(formats).map(([name, format]) => [name, checkOf(format)])) as Record<Name, Check>;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");
/** Mostly `usual` (so that valid strings are common), sometimes one of `unusual`. */
function mostly(usual: fc.Arbitrary<string>, ...unusual: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 10, arbitrary: usual }, { weight: 1, arbitrary: fc.constantFrom(...unusual) });
}
const number2 = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map((n) => pad(n));
const junk2 = ["0", "000", "1a", "", "\u0661\u0662"];
const year = mostly(
  fc.oneof(fc.constantFrom("2024", "2023", "2000", "1900", "2100", "1600", "0000", "9999", "0004"), fc.integer({ min: 0, max: 9999 }).map((n) => pad(n, 4))),
  "202", "20245", "y024",
);
const month = mostly(fc.oneof(number2(1, 12), fc.constant("02"), number2(0, 13)), ...junk2);
const day = mostly(fc.oneof(number2(1, 28), fc.constantFrom("29", "30", "31"), number2(0, 32)), ...junk2);
const date = fc.tuple(year, mostly(fc.constant("-"), "/", ""), month, mostly(fc.constant("-"), ".", ""), day).map((parts) => parts.join(""));
const hour = mostly(fc.oneof(number2(0, 23), fc.constantFrom("22", "23", "00", "24", "47", "48", "30"), number2(0, 99)), ...junk2);
const minute = mostly(fc.oneof(number2(0, 59), fc.constantFrom("59", "00", "60", "01", "58", "99"), number2(0, 99)), ...junk2);
const second = fc.tuple(
  mostly(fc.oneof(number2(0, 59), fc.constantFrom("59", "60", "60", "61"), number2(0, 99)), ...junk2),
  mostly(fc.constantFrom("", "", ".5", ".123456", ".9999999999"), ".", ",5", ".a"),
).map(([whole, fraction]) => whole + fraction);
const offsetHour = mostly(fc.oneof(number2(0, 23), fc.constantFrom("00", "01", "23", "24", "99")), ...junk2);
const offsetMinute = mostly(fc.oneof(fc.constantFrom("", "00", "30", "59", "60", "01"), number2(0, 99)), ...junk2);
const zone = mostly(
  fc.oneof(
    fc.constantFrom("Z", "z", "+00:00", "-00:00"),
    fc.tuple(fc.constantFrom("+", "-"), offsetHour, mostly(fc.constantFrom(":", ""), "::", ";"), offsetMinute).map((parts) => parts.join("")),
  ),
  "", "UTC", "ZZ", "+", "Z ", "\u221201:00",
);
/** Around 23:59:60 UTC, with offsets that move it (ajv-formats accepts a leap second in any zone's local time). */
const leapTime = fc
  .tuple(
    fc.constantFrom("23", "22", "00", "24", "01", "47"),
    fc.constantFrom("59", "00", "58", "60", "01", "29"),
    fc.constantFrom("60", "60.5", "60.999", "59", "61"),
    fc.constantFrom("Z", "z", "+01:00", "-01:00", "+00:01", "-00:01", "+0100", "-01", "+05:30", "-00:30", "+24:00", ""),
  )
  .map(([h, m, sec, z]) => `${h}:${m}:${sec}${z}`);
const time = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(hour, mostly(fc.constant(":"), "", "."), minute, mostly(fc.constant(":"), "", "."), second, zone).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: leapTime },
);
const separator = mostly(fc.constantFrom("T", "t", " "), "\t", "\n", "\u00a0", "\u2028", "\ufeff", "TT", "", "_", "x", "T ");
const dateTime = fc.tuple(date, separator, time).map((parts) => parts.join(""));

/** A structured string, sometimes with one character inserted, dropped or replaced; or any string at all. */
function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: base },
    {
      weight: 3,
      arbitrary: fc.tuple(base, fc.nat(), fc.constantFrom("insert", "drop", "replace"), fc.constantFrom("0", "9", "T", "Z", " ", ":", "-", "+", ".", "\u0660", "a")).map(
        ([text, at, operation, char]) => {
          const index = text.length === 0 ? 0 : at % text.length;
          if (operation === "insert") return text.slice(0, index) + char + text.slice(index);
          if (operation === "drop") return text.slice(0, index) + text.slice(index + 1);
          return text.slice(0, index) + char + text.slice(index + 1);
        },
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
}

const EDGE_CASES: Partial<Record<Name, unknown[]>> = {
  "date-time": [
    "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-02-30T10:00:00Z",
    "2024-04-31T10:00:00Z", "2024-12-31T23:59:59.999Z", "2024-01-01t10:00:00z", "2024-01-01 10:00:00Z", "2024-01-01\u00a010:00:00Z",
    "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z", "2016-12-31T22:59:60-01:00", "2017-01-01T00:59:60+01:00", "2016-12-31T23:59:61Z",
    "2016-12-31T23:58:60Z", "2024-01-01T30:59:59+07:00", "2024-01-01T23:60:60+00:01", "2024-01-01T10:00:00+0530", "2024-01-01T10:00:00+05",
    "2024-01-01T10:00:00+24:00", "2024-01-01T10:00:00+05:60", "2024-01-01T10:00:00", "2024-01-01T24:00:00Z", "2024-13-01T10:00:00Z",
    "2024-00-10T10:00:00Z", "2024-01-00T10:00:00Z", "2024-01-01TT10:00:00Z", "2024-01-01T10:00Z", "", "T", "2024-01-01", 12, null,
  ],
  date: ["2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "2024-04-31", "2024-04-30", "2024-1-01", "2024-01-01T", "0000-02-29", "2024-01-32"],
  time: ["10:00:00Z", "10:00:00z", "23:59:60Z", "00:59:60+01:00", "22:59:60-01:00", "10:00:00", "10:00:00+05:30", "10:00:00+0530", "24:00:00Z", "10:60:00Z"],
  "iso-time": ["10:00:00", "10:00:00Z", "23:59:60", "23:59:60Z", "10:00:00+25:00", "10:00", "10:00:00.5"],
  "iso-date-time": ["2024-01-01T10:00:00", "2024-01-01 10:00:00", "2024-02-30T10:00:00", "2016-12-31T23:59:60", "2024-01-01T10:00:00+01:00"],
  uri: ["urn:isbn:0451450523", "mailto:a@b.c", "http://[::1]:80/", "http://[v1.x]/", "a:b", "/relative", "#frag", "http://a b", "http://%zz", "HTTP://EXAMPLE.COM", "", "https://example.com/a?b=c#d"],
  byte: ["", "QUJD", "QUI=", "QQ==", "QUJ", "Q===", "!!!\n", "QUJD\n!!!", "QU JD"],
  regex: ["[a-z]+", "(", "a\\Z", "\\Z", "x{2,1}", "(?<n>a)", "\\p{L}"],
  int32: [2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 1.5, 0, -0, Number.NaN, "1"],
  int64: [2 ** 53, 1.5, -1, Number.POSITIVE_INFINITY],
  float: [1.5, Number.NaN, 0],
  double: [1.5, Number.NaN, 0],
};

describe("payspec's formats give ajv-formats' full-mode verdicts", () => {
  console.log(`formats property test: seed ${SEED} (replay: PAYSPEC_SEED=${SEED} npx vitest run test/generator/validators/formats.test.ts)`);
  const emitted = emittedFormats();

  it("cover exactly ajv-formats' formats that are functions (its RegExp formats are compiled in by Ajv itself)", () => {
    // A new function format in an upgraded ajv-formats fails here: payspec would have no check for it.
    const functions = [...CHECKED_FORMATS].filter((name) => {
      const format = formatsPlugin.get(name as FormatName, "full");
      return !(format instanceof RegExp) && format !== true;
    });
    expect(Object.keys(payspecFormats).sort()).toEqual(functions.sort());
    for (const [name, format] of Object.entries(payspecFormats)) {
      const theirs = formatsPlugin.get(name as FormatName, "full");
      const theirType = typeof theirs === "object" && theirs !== null && "type" in theirs ? theirs.type : "string";
      expect([name, typeof format === "function" ? "string" : format.type]).toEqual([name, theirType ?? "string"]);
    }
  });

  const numbers = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 1.5, Number.NaN));
  const uriLike = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    mutated(fc.webUrl()),
    fc.constantFrom("urn:isbn:0451450523", "mailto:a@b.c", "http://[::1]:80/", "http://[v1.x]/", "a:b", "/relative", "#frag", "http://a b", "http://%zz", "HTTP://EXAMPLE.COM", ""),
    fc
      .tuple(fc.constantFrom("http://", "https://", "HTTP://", "hTTps://", "http:/", "ftp://", "http://[::1]", "http://user@", "urn:", "x-y+z.w:"), fc.array(fc.constantFrom(..."aZ09-._~!$&'()*+,;=:@/?#%[]{}| \"<>\\^`\u00e9\u0130\u017f\u212a".split(""), "%2F", "%zz", "%4", "//", "?#", "::"), { maxLength: 24 }))
      .map(([prefix, chars]) => prefix + chars.join("")),
    fc.string({ maxLength: 30 }),
  );
  const arbitraries: Record<Name, fc.Arbitrary<unknown>> = {
    "date-time": mutated(dateTime),
    date: mutated(date),
    time: mutated(time),
    "iso-time": mutated(time),
    "iso-date-time": mutated(dateTime),
    uri: uriLike,
    byte: fc.oneof(fc.base64String({ maxLength: 40 }), mutated(fc.base64String({ maxLength: 24 })), fc.string()),
    regex: fc.oneof(fc.constantFrom("[a-z]+", "(", "a\\Z", "\\Z", "x{2,1}", "(?<n>a)"), fc.string({ maxLength: 12 })),
    int32: numbers,
    int64: numbers,
    float: numbers,
    double: numbers,
  };

  for (const name of Object.keys(payspecFormats) as Name[]) {
    it(`${name}: edge cases`, () => {
      const reference = ajvFormats(name);
      const ours = checkOf(payspecFormats[name]);
      for (const value of EDGE_CASES[name] ?? []) {
        if (typeof value !== "string" && !(typeof payspecFormats[name] === "object")) continue;
        expect([value, ours(value)]).toEqual([value, reference(value)]);
        expect([value, emitted[name](value)]).toEqual([value, reference(value)]);
      }
    });

    const runs = ["date-time", "date", "time"].includes(name) ? RUNS : RUNS / 6;
    it(`${name}: ${runs.toLocaleString("en-US")} random values`, () => {
      const reference = ajvFormats(name);
      const ours = checkOf(payspecFormats[name]);
      let accepted = 0;
      let leapSeconds = 0;
      fc.assert(
        fc.property(arbitraries[name], (value) => {
          const expected = reference(value);
          if (expected) accepted++;
          if (expected && typeof value === "string" && /:60(?![0-9])/.test(value)) leapSeconds++;
          return ours(value) === expected && emitted[name](value) === expected;
        }),
        { seed: SEED, numRuns: runs },
      );
      // The generators must reach both verdicts often, or the comparison proves little.
      if (name !== "float" && name !== "double") {
        expect(accepted).toBeGreaterThan(runs / 50);
        expect(accepted).toBeLessThan(runs - runs / 20);
      }
      if (name === "time" || name === "date-time") expect(leapSeconds, "accepted leap seconds").toBeGreaterThan(20);
    });
  }
});
