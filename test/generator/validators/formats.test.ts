/**
 * payspec's date-time / date / time formats (generator/validators/formats.ts) must give ajv-formats' full-mode verdict
 * on every string: the generated validators claim the same semantics as run-time Ajv with ajv-formats. Checked on
 * edge cases (leap years, 23:59:60 leap seconds and ajv-formats' offset arithmetic on them, offsets with and without
 * a colon, lowercase t/z, white-space separators) and on many random strings built from the grammar's pieces, both
 * for the TypeScript functions and for the JavaScript the generator pastes into compiled.js.
 * The seed is fixed and printed; replay with PAYSPEC_SEED=<seed>.
 */
import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compiledFormatsPrelude } from "../../../generator/validators/compile.js";
import { payspecFastPaths, payspecFormats } from "../../../generator/validators/formats.js";

const SEED = Number(process.env.PAYSPEC_SEED ?? 20261122);
const RUNS = 60_000;
type Name = keyof typeof payspecFormats;
type Check = (text: string) => boolean;

function ajvFormats(name: Name): Check {
  const format = fullFormats[name] as { validate: Check };
  return (text) => format.validate(text);
}

/** The JavaScript the generator emits, evaluated: the code a generated module runs. */
function emittedFormats(): Record<Name, Check> {
  const prelude = compiledFormatsPrelude('compiledFormats["date-time"]; compiledFormats.date; compiledFormats.time;');
  return new Function(`${prelude}\nreturn compiledFormats;`)() as Record<Name, Check>;
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

const EDGE_CASES: Record<Name, string[]> = {
  "date-time": [
    "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-02-30T10:00:00Z",
    "2024-04-31T10:00:00Z", "2024-12-31T23:59:59.999Z", "2024-01-01t10:00:00z", "2024-01-01 10:00:00Z", "2024-01-01\u00a010:00:00Z",
    "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z", "2016-12-31T22:59:60-01:00", "2017-01-01T00:59:60+01:00", "2016-12-31T23:59:61Z",
    "2016-12-31T23:58:60Z", "2024-01-01T30:59:59+07:00", "2024-01-01T23:60:60+00:01", "2024-01-01T10:00:00+0530", "2024-01-01T10:00:00+05",
    "2024-01-01T10:00:00+24:00", "2024-01-01T10:00:00+05:60", "2024-01-01T10:00:00", "2024-01-01T24:00:00Z", "2024-13-01T10:00:00Z",
    "2024-00-10T10:00:00Z", "2024-01-00T10:00:00Z", "2024-01-01TT10:00:00Z", "2024-01-01T10:00Z", "", "T", "2024-01-01",
  ],
  date: ["2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "2024-04-31", "2024-04-30", "2024-1-01", "2024-01-01T", "0000-02-29", "2024-01-32"],
  time: ["10:00:00Z", "10:00:00z", "23:59:60Z", "00:59:60+01:00", "22:59:60-01:00", "10:00:00", "10:00:00+05:30", "10:00:00+0530", "24:00:00Z", "10:60:00Z"],
};

describe("payspec's date-time/date/time formats give ajv-formats' full-mode verdicts", () => {
  console.log(`formats property test: seed ${SEED} (replay: PAYSPEC_SEED=${SEED} npx vitest run test/generator/validators/formats.test.ts)`);
  const emitted = emittedFormats();
  const arbitraries: Record<Name, fc.Arbitrary<string>> = {
    "date-time": mutated(dateTime),
    date: mutated(date),
    time: mutated(time),
  };

  for (const name of Object.keys(payspecFormats) as Name[]) {
    it(`${name}: edge cases`, () => {
      const reference = ajvFormats(name);
      for (const text of EDGE_CASES[name]) {
        expect([text, payspecFormats[name](text)]).toEqual([text, reference(text)]);
        expect([text, emitted[name](text)]).toEqual([text, reference(text)]);
      }
    });

    it(`${name}: ${RUNS.toLocaleString("en-US")} random strings`, () => {
      const reference = ajvFormats(name);
      let accepted = 0;
      let leapSeconds = 0;
      fc.assert(
        fc.property(arbitraries[name], (text) => {
          const expected = reference(text);
          if (expected) accepted++;
          if (expected && /:60(?![0-9])/.test(text)) leapSeconds++;
          return payspecFormats[name](text) === expected && emitted[name](text) === expected;
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // The generators must reach both verdicts often, or the comparison proves little.
      expect(accepted).toBeGreaterThan(RUNS / 50);
      expect(accepted).toBeLessThan(RUNS - RUNS / 20);
      if (name !== "date") expect(leapSeconds, "accepted leap seconds").toBeGreaterThan(20);
    });
  }
});

/** What compiled.js holds for ajv-formats' own function formats, evaluated, next to ajv-formats' run-time value. */
describe("ajv-formats' function formats compiled into the module behave as ajv-formats itself", () => {
  const names = ["uri", "byte", "regex", "int32", "int64", "float", "double"] as const;
  const prelude = compiledFormatsPrelude(names.map((name) => `compiledFormats[${JSON.stringify(name)}];`).join(" "));
  const compiled = new Function(`${prelude}\nreturn compiledFormats;`)() as Record<string, unknown>;
  const run = (format: unknown, value: unknown): boolean =>
    typeof format === "function" ? (format as (v: unknown) => boolean)(value) : (format as { validate: (v: unknown) => boolean }).validate(value);

  it("imports nothing and defines each used format once", () => {
    expect(prelude).not.toMatch(/\b(?:import|require)\b/);
    expect(Object.keys(compiled).sort()).toEqual([...names].sort());
  });

  const uriLike = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    mutated(fc.webUrl()),
    fc.constantFrom("urn:isbn:0451450523", "mailto:a@b.c", "http://[::1]:80/", "http://[v1.x]/", "a:b", "/relative", "#frag", "http://a b", "http://%zz", "HTTP://EXAMPLE.COM", ""),
    fc.string({ maxLength: 30 }),
  );
  const strings: Record<string, fc.Arbitrary<unknown>> = {
    uri: uriLike,
    byte: fc.oneof(fc.base64String({ maxLength: 40 }), mutated(fc.base64String({ maxLength: 24 })), fc.string()),
    regex: fc.oneof(fc.constantFrom("[a-z]+", "(", "a\\Z", "\\Z", "x{2,1}", "(?<n>a)"), fc.string({ maxLength: 12 })),
  };
  const numbers = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 1.5, Number.NaN));

  for (const name of names) {
    it(`${name}: same verdicts as ajv-formats on ${(RUNS / 3).toLocaleString("en-US")} random values`, () => {
      const reference = (fullFormats as Record<string, unknown>)[name];
      fc.assert(
        fc.property(strings[name] ?? numbers, (value) => run(compiled[name], value) === run(reference, value)),
        { seed: SEED, numRuns: RUNS / 3 },
      );
    });
  }
});

describe("payspec's uri fast path accepts nothing ajv-formats' full uri refuses", () => {
  const fastPathOnly = payspecFastPaths.uri(() => false);
  const ajvUri = fullFormats.uri as (text: string) => boolean;
  const tricky = fc.constantFrom(..."aZ09-._~!$&'()*+,;=:@/?#%[]{}| \"<>\\^`\u00e9\u0130\u017f\u212a".split(""), "%2F", "%zz", "%4", "//", "?#", "::");
  const httpish = fc
    .tuple(fc.constantFrom("http://", "https://", "HTTP://", "hTTps://", "http:/", "ftp://", "http://[::1]", "http://user@"), fc.array(tricky, { maxLength: 24 }))
    .map(([prefix, chars]) => prefix + chars.join(""));

  it(`on ${RUNS.toLocaleString("en-US")} http(s)-like strings and URLs`, () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(httpish, fc.webUrl({ withQueryParameters: true, withFragments: true }), mutated(fc.webUrl())), (text) => {
        if (!fastPathOnly(text)) return true;
        fast++;
        return ajvUri(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(fast, "strings the fast path accepted").toBeGreaterThan(RUNS / 10);
  });
});
