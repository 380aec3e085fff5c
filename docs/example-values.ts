/**
 * Values for the code samples: the spec's own example where it gives one (on the parameter or media type, then on
 * the schema), else a small value of the schema's type (its required properties and those with an example, one
 * array item, a union's first branch), so that a sample type-checks against the generated client. Values are copied
 * as the spec holds them: an amount written as "10.00" stays that string.
 */
import { deref, isObject, type JsonObject } from "./spec-objects.js";

/**
 * Objects nested deeper than MAX_DEPTH are left empty, and arrays deeper than ARRAY_DEPTH have no item, so that
 * recursive schemas end; past RUNAWAY_DEPTH (allOf/oneOf chains that loop back) any schema gets `{}`.
 */
const MAX_DEPTH = 5;
const ARRAY_DEPTH = 3;
const RUNAWAY_DEPTH = 12;

const STRING_FORMATS: Readonly<Record<string, string>> = {
  date: "2024-01-31",
  "date-time": "2024-01-31T12:00:00Z",
  time: "12:00:00Z",
  email: "user@example.com",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  uri: "https://example.com",
  url: "https://example.com",
};

/**
 * The example of a Parameter or Media Type Object: its `example`, else the value of the first of its `examples`
 * (Example Objects, possibly `$ref`s; one with only an `externalValue` is skipped). Boxed, since `null` is an example.
 */
export function declaredExample(document: unknown, holder: JsonObject): { readonly value: unknown } | undefined {
  if ("example" in holder) return { value: holder["example"] };
  const examples = holder["examples"];
  if (!isObject(examples)) return undefined;
  for (const entry of Object.values(examples)) {
    const example = deref(document, entry);
    if (isObject(example) && "value" in example) return { value: example["value"] };
  }
  return undefined;
}

/** A value the schema accepts, for a sample. */
export function valueForSchema(document: unknown, schema: unknown, depth = 0): unknown {
  const resolved = deref(document, schema);
  if (!isObject(resolved) || depth > RUNAWAY_DEPTH) return {};
  if ("example" in resolved) return resolved["example"];
  if (Array.isArray(resolved["examples"]) && resolved["examples"].length > 0) return resolved["examples"][0];
  if ("const" in resolved) return resolved["const"];
  if ("default" in resolved) return resolved["default"];
  if (Array.isArray(resolved["enum"]) && resolved["enum"].length > 0) return resolved["enum"].find((value) => value !== null) ?? null;

  const allOf = Array.isArray(resolved["allOf"]) ? resolved["allOf"] : [];
  const choices = [resolved["oneOf"], resolved["anyOf"]].find(Array.isArray) ?? [];
  // A union's first branch that is not only `null`; an intersection's branches merged with the schema's own properties.
  const choice = choices.find((branch) => !isNullOnly(deref(document, branch)));
  const parts = [...allOf, ...(choice === undefined ? [] : [choice])].map((part) => valueForSchema(document, part, depth + 1));
  const own = ownValue(document, resolved, depth, parts.length > 0);
  if (parts.length === 0) return own;
  const objects = [own, ...parts].filter(isObject);
  return objects.length > 0 ? Object.assign({}, ...objects) : parts[0];
}

/** The value of the schema's own `type` (or of the keywords that imply one); `undefined` for a schema that only combines others. */
function ownValue(document: unknown, schema: JsonObject, depth: number, combined: boolean): unknown {
  const types = (Array.isArray(schema["type"]) ? schema["type"] : [schema["type"]]).filter((type) => typeof type === "string");
  const type =
    types.find((candidate) => candidate !== "null") ??
    types[0] ??
    (isObject(schema["properties"]) || Array.isArray(schema["required"]) ? "object" : "items" in schema ? "array" : undefined);
  switch (type) {
    case "object": {
      if (depth >= MAX_DEPTH) return {};
      const properties = isObject(schema["properties"]) ? schema["properties"] : {};
      // The required properties, and the optional ones the spec gives an example of.
      const required = Array.isArray(schema["required"]) ? schema["required"].filter((name): name is string => typeof name === "string") : [];
      const shown = Object.keys(properties).filter((name) => required.includes(name) || hasExample(deref(document, properties[name])));
      return Object.fromEntries(shown.map((name) => [name, valueForSchema(document, properties[name], depth + 1)]));
    }
    case "array":
      return depth >= ARRAY_DEPTH || !("items" in schema) ? [] : [valueForSchema(document, schema["items"], depth + 1)];
    case "string":
      return STRING_FORMATS[String(schema["format"])] ?? "string";
    case "integer":
    case "number":
      return typeof schema["minimum"] === "number" ? schema["minimum"] : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      // An untyped schema accepts anything; one that only combines others gets its value from them.
      return combined ? undefined : {};
  }
}

function hasExample(schema: unknown): boolean {
  return isObject(schema) && ("example" in schema || (Array.isArray(schema["examples"]) && schema["examples"].length > 0));
}

function isNullOnly(schema: unknown): boolean {
  return isObject(schema) && (schema["type"] === "null" || (Array.isArray(schema["type"]) && schema["type"].every((type) => type === "null")));
}
