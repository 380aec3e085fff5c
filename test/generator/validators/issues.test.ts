/**
 * Ajv errors -> ValidationIssues (generator/validators/issues.ts, copied into every generated folder): paths,
 * expected/found renderings and messages, with errors produced by a real Ajv.
 */
import { describe, expect, it } from "vitest";
import { createAjv } from "../../../generator/validators/compile.js";
import { issuesFromAjv, locate, renderValue, summariseIssues } from "../../../generator/validators/issues.js";

function check(schema: object, value: unknown) {
  const validate = createAjv().compile(schema);
  expect(validate(value)).toBe(false);
  return issuesFromAjv(validate.errors, value);
}

describe("locate", () => {
  it("writes indexes of arrays as [n], identifiers as .name, other keys quoted", () => {
    const root = { lines: [{ quantity: 1 }], "x-foo": { "2": { "a/b": { "~c": 5 } } } };
    expect(locate("", root)).toEqual({ path: "", value: root });
    expect(locate("/lines/0/quantity", root)).toEqual({ path: "lines[0].quantity", value: 1 });
    expect(locate("/x-foo/2/a~1b/~0c", root)).toEqual({ path: '["x-foo"]["2"]["a/b"]["~c"]', value: 5 });
    expect(locate("/missing/deeper", root)).toEqual({ path: "missing.deeper", value: undefined });
  });
});

describe("renderValue", () => {
  it("renders short values and shortens long ones", () => {
    expect(renderValue("1.234")).toBe('"1.234"');
    expect(renderValue(null)).toBe("null");
    expect(renderValue(undefined)).toBe("nothing");
    expect(renderValue([1, 2, 3])).toBe("array of 3");
    expect(renderValue({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toBe("object {a, b, c, d, ...}");
    const long = renderValue("x".repeat(500));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^"x+\.\.\."$/);
  });
});

describe("issuesFromAjv", () => {
  it("type: expected type, found type and value", () => {
    expect(check({ type: "object", properties: { amount: { type: "string" } } }, { amount: 12.5 })).toEqual([
      { path: "amount", keyword: "type", expected: "string", found: "number 12.5", message: "must be string, found number 12.5" },
    ]);
    expect(check({ type: ["string", "null"] }, 3)[0]!.message).toBe("must be string or null, found integer 3");
  });

  it("required and additionalProperties point at the property itself", () => {
    const schema = { type: "object", required: ["amount"], properties: { note: { type: "string" } }, additionalProperties: false };
    expect(check(schema, { note: "x", "bad key": 1 })).toEqual([
      { path: "amount", keyword: "required", expected: "required property amount", found: "nothing", message: "is required but missing" },
      {
        path: '["bad key"]',
        keyword: "additionalProperties",
        expected: "no property not in the schema",
        found: "1",
        message: "is not a known property and is not allowed here, found 1",
      },
    ]);
  });

  it("enum, const, format, bounds, lengths, items, uniqueness", () => {
    const schema = {
      type: "object",
      properties: {
        status: { enum: ["paid", "void"] },
        kind: { const: "card" },
        at: { type: "string", format: "date-time" },
        n: { type: "number", exclusiveMaximum: 10, multipleOf: 0.5 },
        code: { type: "string", maxLength: 2 },
        list: { type: "array", minItems: 2, uniqueItems: true },
      },
    };
    const issues = check(schema, { status: "lost", kind: "bank", at: "yesterday", n: 10.25, code: "abc", list: [1] });
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["status", 'must be one of "paid", "void", found "lost"'],
      ["kind", 'must be "card", found "bank"'],
      ["at", 'must be a valid date-time, found "yesterday"'],
      ["n", "must be < 10, found 10.25"],
      ["n", "must be a multiple of 0.5, found 10.25"],
      ["code", 'must have at most 2 characters, found "abc" (3)'],
      ["list", "must have at least 2 items, found array of 1"],
    ]);
    expect(check({ uniqueItems: true }, [1, 2, 1])[0]!.message).toBe("must not have duplicate items (items 0 and 2 are equal)");
  });

  it("items past a tuple, contains, property names: each in its own words", () => {
    const tuple = check({ prefixItems: [{ type: "string" }], items: false }, ["a", "b", "c"]);
    expect(tuple.map((issue) => [issue.keyword, issue.message])).toEqual([["items", "must have at most 1 items, found array of 3"]]);
    const contains = check({ contains: { type: "integer" }, minContains: 2, maxContains: 3 }, [1, "x"]);
    expect(contains.filter((issue) => issue.keyword === "contains").map((issue) => issue.message)).toEqual([
      "must have at least 2 and at most 3 items matching `contains`, found array of 2",
    ]);
    const names = check({ propertyNames: { pattern: "^[a-z]+$" } }, { ok: 1, "Not-OK": 2 });
    expect(names.find((issue) => issue.keyword === "propertyNames")).toMatchObject({
      path: "",
      found: '"Not-OK"',
      message: 'has a property name that is not allowed: "Not-OK"',
    });
  });

  it("a keyword it has no words for is named, whatever Ajv's message", () => {
    const issues = issuesFromAjv([{ instancePath: "/n", keyword: "x-custom", params: {} }], { n: 5 });
    expect(issues).toEqual([{ path: "n", keyword: "x-custom", found: "5", message: "fails x-custom, found 5" }]);
  });

  it("oneOf says how many branches matched; if/then reports the then error only", () => {
    const oneOf = check({ oneOf: [{ type: "integer" }, { type: "number" }] }, 3);
    expect(oneOf).toEqual([
      { path: "", keyword: "oneOf", expected: "exactly one schema of oneOf", found: "matches schemas 0 and 1", message: "must match exactly one schema of oneOf, matches schemas 0 and 1" },
    ]);
    const conditional = check({ if: { properties: { kind: { const: "card" } } }, then: { required: ["last4"] } }, { kind: "card" });
    expect(conditional.map((issue) => issue.keyword)).toEqual(["required"]);
  });

  it("summarises issues for an error message, root issues unprefixed", () => {
    expect(
      summariseIssues([
        { path: "", keyword: "type", message: "must be object, found null" },
        { path: "body.amount", keyword: "pattern", message: 'must match pattern ^\\d+$, found "1.5"' },
      ]),
    ).toBe('must be object, found null; body.amount must match pattern ^\\d+$, found "1.5"');
  });
});
