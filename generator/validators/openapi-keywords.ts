/**
 * OpenAPI 3.0's Schema Object keywords in JSON Schema 2020-12 terms, one schema object at a time (not its
 * subschemas): `nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`, and (3.0 only) `$ref` siblings, which 3.0
 * ignores and 2020-12 applies. A 3.1 file that still writes 3.0's `nullable: true` or a boolean exclusive bound means
 * what 3.0 meant, so those two are converted in 3.1 files too (a boolean bound is not valid 2020-12 anyway).
 */
import type { JsonSchema } from "../model.js";
import { copyOwn, type Obj } from "./schema-walk.js";

/** Annotations that say which view a property belongs to: they stay on the outside of a `nullable` wrapper. */
const VIEW_FLAGS = ["readOnly", "writeOnly"] as const;

export function convertOpenApiKeywords(schema: Obj, openapi30: boolean): JsonSchema {
  if (openapi30 && typeof schema.$ref === "string") return { $ref: schema.$ref };
  let out: Obj | undefined;
  const writable = (): Obj => (out ??= copyOwn(schema));
  for (const [bound, exclusive] of [["minimum", "exclusiveMinimum"], ["maximum", "exclusiveMaximum"]] as const) {
    if (typeof schema[exclusive] !== "boolean") continue;
    const copy = writable();
    if (schema[exclusive] === true && typeof schema[bound] === "number") {
      copy[exclusive] = schema[bound];
      delete copy[bound];
    } else {
      delete copy[exclusive];
    }
  }
  if (typeof schema.nullable === "boolean") {
    const copy = writable();
    delete copy.nullable;
    if (schema.nullable) return orNull(copy);
  }
  return out ?? schema;
}

/** `schema` or `null`: in its `type` when it has one, else in an `anyOf` that keeps readOnly/writeOnly outside. */
function orNull(schema: Obj): JsonSchema {
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.type)) return schema.type.includes("null") ? schema : { ...schema, type: [...schema.type, "null"] };
  const flags: Obj = {};
  const inner = copyOwn(schema);
  for (const flag of VIEW_FLAGS) {
    if (flag in inner) {
      flags[flag] = inner[flag];
      delete inner[flag];
    }
  }
  return { anyOf: [inner, { type: "null" }], ...flags };
}

