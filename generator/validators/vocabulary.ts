/**
 * What the validators check and what they keep as annotations: the keywords Ajv's draft 2020-12 knows (plus
 * OpenAPI's own), the formats ajv-formats checks, and the OpenAPI formats that name a type without a check.
 * Anything else in a spec's schema is compiled as an annotation, and the schema set warns about it once.
 */

/**
 * Keywords of JSON Schema 2020-12 (every vocabulary), the draft 2019 ones Ajv's 2020 dialect still applies
 * (`dependencies`, `definitions`, `$recursiveRef`, `$recursiveAnchor`), and OpenAPI's annotations.
 * test/generator/validators/vocabulary.test.ts checks the list against a strict Ajv.
 */
export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set([
  // core
  "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
  // applicator
  "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties", "dependentSchemas",
  "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
  // unevaluated
  "unevaluatedItems", "unevaluatedProperties",
  // validation
  "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
  "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
  "minProperties", "required", "dependentRequired",
  // meta-data, format-annotation, content
  "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples", "format", "contentEncoding",
  "contentMediaType", "contentSchema",
  // draft 2019-09 keywords that Ajv's 2020 dialect applies
  "definitions", "dependencies", "$recursiveRef", "$recursiveAnchor",
]);

/** OpenAPI's Schema Object annotations: not checked, and not worth a warning. */
export const OPENAPI_ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set(["discriminator", "xml", "externalDocs", "example"]);

/**
 * Annotations no validator reads (Ajv compiles nothing for them), left out of the schema set: descriptions and
 * examples are most of a large spec's schemas, which Ajv would otherwise walk, check and copy into the code it writes.
 * `readOnly`/`writeOnly` stay (the request and response views read them), as do unknown keywords' own places (a
 * `$ref` may point into one: it is resolved in the spec's document, not in the schema set).
 */
export const DROPPED_ANNOTATIONS: ReadonlySet<string> = new Set([
  "title", "description", "default", "deprecated", "examples", "$comment", "example", "externalDocs", "xml", "discriminator",
]);

export const UNEVALUATED_KEYWORDS: ReadonlySet<string> = new Set(["unevaluatedProperties", "unevaluatedItems"]);
export const DYNAMIC_KEYWORDS: ReadonlySet<string> = new Set(["$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor"]);
/** Keywords whose meaning depends on where the schema stands (its resource, its dynamic scope). */
export const SCOPE_KEYWORDS: ReadonlySet<string> = new Set(["$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor"]);

/** The formats ajv-formats checks (full mode), every one of them (`password` and `binary` accept any string). */
export const CHECKED_FORMATS: ReadonlySet<string> = new Set([
  "date", "time", "date-time", "iso-time", "iso-date-time", "duration", "uri", "uri-reference", "uri-template", "url",
  "email", "hostname", "ipv4", "ipv6", "regex", "uuid", "json-pointer", "json-pointer-uri-fragment",
  "relative-json-pointer", "byte", "int32", "int64", "float", "double", "password", "binary",
]);

/**
 * Formats of the OpenAPI Format Registry that no validator checks (a decimal string is checked by its `pattern`):
 * annotations, without a warning.
 */
export const REGISTRY_ANNOTATION_FORMATS: ReadonlySet<string> = new Set([
  "decimal", "decimal128", "double-int", "int8", "int16", "uint8", "uint16", "uint32", "uint64", "char", "commonmark",
  "html", "media-range", "base64url", "http-date", "sf-binary", "sf-boolean", "sf-decimal", "sf-integer", "sf-string",
  "sf-token",
]);
