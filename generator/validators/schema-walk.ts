/**
 * Where a JSON Schema keeps its subschemas, and walks over them. Keys come from the spec, so objects are built with
 * `setOwn`: a property named `__proto__` stays a property (plain assignment would set the object's prototype).
 */
import type { JsonSchema } from "../model.js";

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keywords whose value is one schema. */
export const SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "additionalItems", "contains",
  "propertyNames", "not", "if", "then", "else", "contentSchema",
]);
/** Keywords whose value is a list of schemas (`items` too, in its draft 2019 array form). */
export const SCHEMA_LIST_KEYWORDS: ReadonlySet<string> = new Set(["allOf", "anyOf", "oneOf", "prefixItems", "items"]);
/** Keywords whose value maps names to schemas (`dependencies`: to a schema or a list of names). */
export const SCHEMA_MAP_KEYWORDS: ReadonlySet<string> = new Set(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions", "dependencies"]);

function isSchema(value: unknown): value is JsonSchema {
  return isObj(value) || typeof value === "boolean";
}

/** `object[key] = value`, as an own property even when `key` is `__proto__`. */
export function setOwn(object: Obj, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** A shallow copy of `object` (own properties, `__proto__` included). */
export function copyOwn(object: Obj): Obj {
  return { ...object };
}

/**
 * A copy of `schema` with `visit` applied to each direct subschema (not to `schema` itself); `path` is the subschema's
 * place relative to `schema` (`["properties", "id"]`). Values that are not subschemas are shared, not copied.
 * Keywords `omit` names are left out of the copy.
 */
export function mapSubschemas(schema: Obj, visit: (sub: JsonSchema, path: readonly string[]) => JsonSchema, omit?: (keyword: string) => boolean): Obj {
  const out: Obj = {};
  for (const keyword in schema) {
    if (omit?.(keyword)) continue;
    const value = schema[keyword];
    if (SCHEMA_KEYWORDS.has(keyword) && isSchema(value)) {
      setOwn(out, keyword, visit(value, [keyword]));
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      setOwn(out, keyword, value.map((item: unknown, index) => (isSchema(item) ? visit(item, [keyword, String(index)]) : item)));
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
      const map: Obj = {};
      for (const name in value) {
        const sub = value[name];
        setOwn(map, name, isSchema(sub) ? visit(sub, [keyword, name]) : sub);
      }
      setOwn(out, keyword, map);
    } else {
      setOwn(out, keyword, value);
    }
  }
  return out;
}

/** Calls `visit` on `schema` and on every subschema of it, depth first, building nothing. */
export function forEachSubschema(schema: JsonSchema, visit: (sub: Obj) => void): void {
  if (!isObj(schema)) return;
  visit(schema);
  for (const keyword in schema) {
    const value = schema[keyword];
    if (SCHEMA_KEYWORDS.has(keyword)) {
      forEachSubschema(value as JsonSchema, visit);
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      for (const item of value) forEachSubschema(item as JsonSchema, visit);
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
      for (const name in value) forEachSubschema(value[name] as JsonSchema, visit);
    }
  }
}
