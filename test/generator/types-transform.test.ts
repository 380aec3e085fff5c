/**
 * `emitTypes` calls openapi-typescript's transform directly instead of `openapiTS()`, skipping the lint and bundle
 * that `loadSpec` has already done (see generator/emit/types.ts). This checks that the shortcut is exact: the same
 * text as `openapiTS()` itself with the same options, on the fixtures, the project's specs and the benchmark's
 * synthetic spec (discriminators, recursion, nullable type arrays), so an openapi-typescript upgrade that changes
 * what `openapiTS()` does around its transform fails here. The intended differences, each where openapiTS()'s output
 * does not compile, have tests of their own below.
 */
import { readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { writeSyntheticSpec } from "../../bench/synthetic-spec.js";
import { emitTypes, OPENAPI_TS_OPTIONS } from "../../generator/emit/types.js";
import { loadSpec } from "../../generator/load.js";
import { FIXTURES, REPO, tempDir, typecheck } from "./helpers.js";

const specs = [
  ...["legacy-30.yaml", "shop-31.yaml"].map((file) => path.join(FIXTURES, file)),
  ...readdirSync(path.join(REPO, "specs"))
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => path.join(REPO, "specs", file)),
];

async function viaOpenapiTS(document: unknown): Promise<string> {
  return astToString(await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], { ...OPENAPI_TS_OPTIONS }));
}

describe("emitTypes", () => {
  it.each(specs.map((spec) => [path.relative(REPO, spec), spec]))("gives openapiTS()'s output for %s", async (_label, spec) => {
    const model = await loadSpec(spec);
    expect(emitTypes(model)).toBe(await viaOpenapiTS(model.document));
  });

  it("writes a reference into another schema's oneOf, items or $defs as the schema it points at, where openapiTS()'s indexed access does not compile", async () => {
    const model = await loadSpec(path.join(FIXTURES, "quirks", "ref-into-subschema.yaml"));
    const upstream = await viaOpenapiTS(model.document);
    expect(upstream).toContain('components["schemas"]["Channel"]["from"]["oneOf"]["0"]');
    const ours = emitTypes(model);
    expect(ours).not.toMatch(/\["(oneOf|items|\$defs)"\]/);
    // A reference through properties only stays a reference, as openapiTS() writes it.
    expect(ours).toContain('from?: components["schemas"]["Channel"]["from"];');
    expect(ours).toMatch(/to: \{\s+user: string;\s+\} \| \{\s+number: string;\s+\};/);
    expect(ours).toMatch(/kind\?: "app" \| "phone";/);
  });

  it("names a schema that contains itself through references openapiTS() cannot index, where writing it in place would not end", async () => {
    const model = await loadSpec(path.join(FIXTURES, "quirks", "recursive-ref-into-definitions.yaml"));
    const upstream = await viaOpenapiTS(model.document);
    expect(upstream).toContain('components["schemas"]["PushOption"]["definitions"]["pushOptionProperty"]');
    const ours = emitTypes(model);
    expect(ours).not.toContain('["definitions"]');
    expect(ours).toContain('"PushOption/definitions/pushOptionProperty": {');
    const dir = await tempDir("types-recursive-definitions");
    await writeFile(path.join(dir, "schema.ts"), ours);
    await writeFile(
      path.join(dir, "usage.ts"),
      [
        'import type { components } from "./schema.js";',
        'type PushOption = components["schemas"]["PushOption"];',
        "export const option: PushOption = {",
        '  displayName: "Account",',
        '  type: "Object",',
        '  properties: { id: { displayName: "Id", type: "String", properties: { sub: { displayName: "Sub", type: "Array", properties: null } } } },',
        "};",
        "export const nested: PushOption = {",
        '  displayName: "Account",',
        '  type: "Object",',
        "  // @ts-expect-error: a property three levels down is a pushOptionProperty too, whose type is an enum",
        '  properties: { id: { displayName: "Id", type: "String", properties: { sub: { displayName: "Sub", type: "Date" } } } },',
        "};",
        "",
      ].join("\n"),
    );
    expect(typecheck([path.join(dir, "usage.ts")])).toEqual([]);
  });

  it("writes a reference to a media type's or a parameter's schema as the schema it points at, where openapiTS() indexes through [\"schema\"]", async () => {
    const model = await loadSpec(path.join(FIXTURES, "quirks", "ref-to-media-type-schema.yaml"));
    const upstream = await viaOpenapiTS(model.document);
    expect(upstream).toContain('"text/xml": paths["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];');
    expect(upstream).toContain('per_page?: components["parameters"]["page"]["schema"];');
    const ours = emitTypes(model);
    expect(ours).not.toContain('["schema"]');
    expect(ours).toMatch(/"text\/xml": \{\s+\/\*\* @enum \{string\} \*\/\s+status\?: "OK";\s+\};/);
    expect(ours).toContain("per_page?: number;");
    expect(ours).toContain("errors?: string[];");
    // A reference to a whole component parameter stays a reference, as openapiTS() writes it.
    expect(ours).toContain('page?: components["parameters"]["page"];');
  });

  it("requires an allOf member's properties when that member is nullable, where openapiTS()'s WithRequired does not compile", async () => {
    const model = await loadSpec(path.join(FIXTURES, "quirks", "all-of-nullable-member-required.yaml"));
    const upstream = await viaOpenapiTS(model.document);
    expect(upstream).toContain("type WithRequired<T, K extends keyof T> = T & {");
    const dir = await tempDir("types-nullable-member");
    await writeFile(path.join(dir, "schema.ts"), emitTypes(model));
    await writeFile(
      path.join(dir, "usage.ts"),
      [
        'import type { components } from "./schema.js";',
        'type Cause = components["schemas"]["Cause"];',
        'type ScheduleGet = components["schemas"]["ScheduleGet"];',
        'export const cause: Cause = { item_id: "item", error_type: "ITEM_ERROR", error_code: "ITEM_LOGIN_REQUIRED", display_message: null };',
        "// @ts-expect-error: Cause lists error_code in required: the member's property is required",
        'export const missing: Cause = { item_id: "item", error_type: "ITEM_ERROR", display_message: null };',
        "// @ts-expect-error: Cause is an object (type: object), not null, though PlaidError is nullable",
        "export const none: Cause = null;",
        'export const schedule: ScheduleGet = { interval: "WEEKLY", start_date: "2026-12-01" };',
        "// ScheduleGet is nullable itself.",
        "export const noSchedule: ScheduleGet = null;",
        "// @ts-expect-error: interval is required",
        'export const noInterval: ScheduleGet = { start_date: "2026-12-01" };',
        "",
      ].join("\n"),
    );
    expect(typecheck([path.join(dir, "usage.ts")])).toEqual([]);
  });

  it("writes an array through which a schema contains itself as an interface, where openapiTS()'s array type does not compile", async () => {
    const model = await loadSpec(path.join(FIXTURES, "quirks", "recursive-array-schemas.yaml"));
    const upstream = await viaOpenapiTS(model.document);
    expect(upstream).toContain('} | components["schemas"]["Json"][]) | null;');
    const ours = emitTypes(model);
    expect(ours).toContain("interface JsonArray extends Array<components[\"schemas\"][\"Json\"]> {");
    // Through a property, a schema that contains itself compiles as openapiTS() writes it.
    expect(ours).toContain('children?: components["schemas"]["Tree"][];');
    expect(ours).toContain('rules?: components["schemas"]["Rule"][];');
    const dir = await tempDir("types-recursive-arrays");
    await writeFile(path.join(dir, "schema.ts"), ours);
    await writeFile(
      path.join(dir, "usage.ts"),
      [
        'import type { components } from "./schema.js";',
        'type Json = components["schemas"]["Json"];',
        'type Rule = components["schemas"]["Rule"];',
        'export const json: Json = { a: [1, "two", { three: [true, null] }], b: null };',
        "// @ts-expect-error: undefined is no JSON value",
        "export const notJson: Json = [undefined];",
        "export function depth(value: Json): number {",
        "  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depth));",
        "  return value !== null && typeof value === \"object\" ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;",
        "}",
        "const items: Json[] = [1, 2];",
        "export const fromArray: Json = items;",
        'export const rule: Rule = [1, [["any", [2]]]];',
        "// @ts-expect-error: a RuleGroup's arrays hold arrays of rules, not rules",
        'export const badRule: Rule = [1, ["any"]];',
        "",
      ].join("\n"),
    );
    expect(typecheck([path.join(dir, "usage.ts")])).toEqual([]);
  });

  it("gives openapiTS()'s output for the synthetic benchmark spec", async () => {
    const file = path.join(await tempDir("types-synthetic"), "synthetic.yaml");
    writeSyntheticSpec(file);
    const model = await loadSpec(file);
    expect(emitTypes(model)).toBe(await viaOpenapiTS(model.document));
  }, 60_000);
});
