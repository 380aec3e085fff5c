/**
 * JSON Schema draft 2020-12 cases, one or more per keyword of the core, applicator, validation, unevaluated and
 * format-annotation vocabularies, boolean schemas, `$ref`/`$anchor`/`$dynamicRef`/`$id`, and the schemas issue 12
 * found refused. Written for payspec (the JSON-Schema-Test-Suite on npm stops at draft 4), in its shape: a schema and
 * instances with the verdict the specification gives (`valid`).
 *
 * Each schema is a named schema of one OpenAPI 3.1 document (`components.schemas.<name>`), so a `$ref` without an
 * `$id` around it is relative to that document (`#/components/schemas/...`), and anchors outside any `$id` are the
 * document's. Cases that need a base of their own declare an absolute `$id` under https://payspec.test/.
 * `format` is asserted, as Ajv with ajv-formats asserts it (the specification leaves that to the implementation).
 */

export interface Instance {
  readonly data: unknown;
  /** The specification's verdict. */
  readonly valid: boolean;
  readonly note?: string;
  /** Where Ajv's verdict is not the specification's, why (a limit Ajv documents or is known for): payspec follows Ajv. */
  readonly ajvDiffers?: string;
}

export interface Case {
  /** Its name in components.schemas. */
  readonly name: string;
  readonly keyword: string;
  readonly schema: unknown;
  readonly instances: readonly Instance[];
}

/** Other named schemas the cases refer to (not cases themselves: no instances). */
export const SUPPORT_SCHEMAS: Readonly<Record<string, unknown>> = {
  Positive: { type: "number", exclusiveMinimum: 0 },
  Holder: { type: "object", properties: { inner: { type: "string", maxLength: 3 } } },
  AnchorHolder: { $defs: { word: { $anchor: "payspec-word", type: "string", pattern: "^[a-z]+$" } } },
};

const ok = (data: unknown, note?: string): Instance => ({ data, valid: true, ...(note ? { note } : {}) });
const bad = (data: unknown, note?: string): Instance => ({ data, valid: false, ...(note ? { note } : {}) });
const ajvDiffers = (instance: Instance, why: string): Instance => ({ ...instance, ajvDiffers: why });

export const CASES: readonly Case[] = [
  // ---- boolean schemas
  { name: "BooleanTrue", keyword: "boolean schema", schema: true, instances: [ok(1), ok("a"), ok(null), ok({ a: [1] })] },
  { name: "BooleanFalse", keyword: "boolean schema", schema: false, instances: [bad(1), bad(null), bad({})] },
  { name: "NotTrue", keyword: "not", schema: { not: true }, instances: [bad(1), bad({}), bad(null)] },
  { name: "NotFalse", keyword: "not", schema: { not: false }, instances: [ok(1), ok({})] },
  { name: "ItemsFalse", keyword: "items", schema: { items: false }, instances: [ok([]), bad([1]), ok("not an array")] },
  { name: "PrefixItemsBooleans", keyword: "prefixItems", schema: { prefixItems: [true, false] }, instances: [ok([]), ok([1]), bad([1, 2])] },
  { name: "PropertiesBooleans", keyword: "properties", schema: { properties: { a: true, b: false } }, instances: [ok({}), ok({ a: 1 }), bad({ b: 1 }), ok({ c: 1 })] },
  { name: "AllOfBooleans", keyword: "allOf", schema: { allOf: [true, true] }, instances: [ok(1)] },
  { name: "AnyOfBooleans", keyword: "anyOf", schema: { anyOf: [false, true] }, instances: [ok(1)] },
  { name: "OneOfBooleans", keyword: "oneOf", schema: { oneOf: [true, true] }, instances: [bad(1)] },

  // ---- core: $ref, $defs, $anchor, $id, $dynamicRef, $comment
  { name: "RefToNamed", keyword: "$ref", schema: { $ref: "#/components/schemas/Positive" }, instances: [ok(1), bad(0), bad("1")] },
  { name: "RefWithSiblings", keyword: "$ref", schema: { $ref: "#/components/schemas/Positive", maximum: 10 }, instances: [ok(10), bad(11), bad(-1)] },
  { name: "RefIntoSubschema", keyword: "$ref", schema: { $ref: "#/components/schemas/Holder/properties/inner" }, instances: [ok("abc"), bad("abcd"), bad(1)] },
  {
    name: "RefRecursive",
    keyword: "$ref",
    schema: { type: "object", properties: { value: { type: "number" }, children: { type: "array", items: { $ref: "#/components/schemas/RefRecursive" } } } },
    instances: [ok({ value: 1, children: [{ value: 2, children: [] }] }), bad({ children: [{ children: [{ value: "x" }] }] })],
  },
  {
    name: "RefToOwnDefs",
    keyword: "$defs",
    // `$ref: "#/..."` beside the `$id` it resolves against: Ajv's own compiler overflows its stack on that; one level down.
    schema: { $id: "https://payspec.test/ref-to-own-defs", $defs: { count: { type: "integer", minimum: 0 } }, allOf: [{ $ref: "#/$defs/count" }] },
    instances: [ok(0), bad(-1), bad(1.5)],
  },
  { name: "DefsIgnored", keyword: "$defs", schema: { $defs: { never: false } }, instances: [ok(1), ok("x")] },
  { name: "AnchorInDocument", keyword: "$anchor", schema: { $ref: "#payspec-word" }, instances: [ok("abc"), bad("ABC"), bad(1)] },
  {
    name: "AnchorInResource",
    keyword: "$anchor",
    schema: { $id: "https://payspec.test/anchor-in-resource", allOf: [{ $ref: "#flag" }], $defs: { flag: { $anchor: "flag", type: "boolean" } } },
    instances: [ok(true), bad("true")],
  },
  {
    name: "IdRelativeRef",
    keyword: "$id",
    schema: { $id: "https://payspec.test/id-relative/root", $ref: "item", $defs: { item: { $id: "item", type: "integer", maximum: 9 } } },
    instances: [ok(9), bad(10), bad("9")],
  },
  {
    name: "IdChangesBase",
    keyword: "$id",
    schema: {
      $id: "https://payspec.test/id-changes-base",
      properties: { a: { $id: "nested.json", $defs: { s: { type: "string" } }, allOf: [{ $ref: "#/$defs/s" }] } },
      $defs: { s: { type: "number" } },
    },
    instances: [ok({ a: "x" }), bad({ a: 1 })],
  },
  {
    name: "DynamicStrictTree",
    keyword: "$dynamicRef",
    schema: {
      $id: "https://payspec.test/dynamic/strict-tree",
      $dynamicAnchor: "node",
      $ref: "tree",
      unevaluatedProperties: false,
      $defs: {
        tree: {
          $id: "tree",
          $dynamicAnchor: "node",
          type: "object",
          properties: { data: true, children: { type: "array", items: { $dynamicRef: "#node" } } },
        },
      },
    },
    instances: [ok({ children: [{ data: 1 }] }), bad({ children: [{ daat: 1 }] }, "the strict tree applies deep down"), bad({ extra: 1 })],
  },
  {
    name: "DynamicAnchorInIdScope",
    keyword: "$dynamicAnchor",
    schema: {
      $id: "https://payspec.test/dynamic/list",
      type: "array",
      items: { $dynamicRef: "#item" },
      $defs: { item: { $dynamicAnchor: "item", type: "string" } },
    },
    instances: [ajvDiffers(ok(["a"]), "Ajv resolves $dynamicAnchor only at a resource's root (it refuses every array here)"), bad([1])],
  },
  { name: "Comment", keyword: "$comment", schema: { $comment: "ignored", type: "string" }, instances: [ok("a"), bad(1)] },

  // ---- applicator
  { name: "AllOf", keyword: "allOf", schema: { allOf: [{ type: "integer" }, { minimum: 2 }] }, instances: [ok(2), bad(1), bad(2.5)] },
  { name: "AnyOf", keyword: "anyOf", schema: { anyOf: [{ type: "string" }, { minimum: 2 }] }, instances: [ok("a"), ok(3), bad(1)] },
  { name: "OneOf", keyword: "oneOf", schema: { oneOf: [{ type: "integer" }, { minimum: 2 }] }, instances: [ok(1), ok(2.5), bad(3), bad(1.5)] },
  { name: "Not", keyword: "not", schema: { not: { type: "integer" } }, instances: [ok("a"), ok(1.5), bad(1)] },
  { name: "IfThenElse", keyword: "if", schema: { if: { minimum: 10 }, then: { multipleOf: 5 }, else: { maximum: 3 } }, instances: [ok(15), bad(12), ok(2), bad(4), ok("x")] },
  { name: "IfWithoutThen", keyword: "if", schema: { if: { type: "string" }, else: { type: "number" } }, instances: [ok("a"), ok(1), bad(true)] },
  { name: "IfWithoutElse", keyword: "if", schema: { if: { type: "string" }, then: { minLength: 2 } }, instances: [ok("ab"), bad("a"), ok(1)] },
  { name: "ThenWithoutIf", keyword: "then", schema: { then: false, else: false }, instances: [ok(1), ok("a")] },
  { name: "PrefixItemsAndItems", keyword: "prefixItems", schema: { prefixItems: [{ type: "string" }, { type: "number" }], items: { type: "boolean" } }, instances: [ok(["a", 1, true, false]), bad(["a", 1, 2]), bad([1]), ok([])] },
  { name: "Items", keyword: "items", schema: { items: { type: "integer" } }, instances: [ok([1, 2]), bad([1, "2"]), ok({ 0: "x" })] },
  { name: "Contains", keyword: "contains", schema: { contains: { const: 1 } }, instances: [ok([2, 1]), bad([2, 3]), bad([]), ok("x")] },
  { name: "ContainsBounds", keyword: "minContains", schema: { contains: { type: "string" }, minContains: 2, maxContains: 3 }, instances: [ok(["a", "b"]), bad(["a", 1]), bad(["a", "b", "c", "d"]), ok(["a", "b", 1, 2])] },
  { name: "MinContainsZero", keyword: "minContains", schema: { contains: { type: "string" }, minContains: 0 }, instances: [ok([]), ok([1])] },
  { name: "MaxContainsOnly", keyword: "maxContains", schema: { contains: { type: "string" }, maxContains: 1 }, instances: [ok(["a", 1]), bad(["a", "b"]), bad([1])] },
  { name: "Properties", keyword: "properties", schema: { properties: { a: { type: "integer" }, "b c": { type: "string" } } }, instances: [ok({ a: 1, "b c": "x" }), bad({ a: "1" }), bad({ "b c": 2 }), ok([])] },
  { name: "PatternProperties", keyword: "patternProperties", schema: { patternProperties: { "^x-": { type: "string" }, "[0-9]$": { type: "integer" } } }, instances: [ok({ "x-a": "s", a1: 1 }), bad({ "x-1": "s" }), bad({ "x-a": 1 }), ok({ other: true })] },
  { name: "AdditionalProperties", keyword: "additionalProperties", schema: { properties: { a: true }, patternProperties: { "^p": true }, additionalProperties: { type: "boolean" } }, instances: [ok({ a: 1, pq: 2, z: true }), bad({ z: 1 })] },
  { name: "AdditionalPropertiesFalse", keyword: "additionalProperties", schema: { properties: { a: true }, additionalProperties: false }, instances: [ok({ a: 1 }), bad({ a: 1, b: 2 }), ok("x")] },
  { name: "PropertyNames", keyword: "propertyNames", schema: { propertyNames: { maxLength: 2, pattern: "^[a-z]+$" } }, instances: [ok({ ab: 1 }), bad({ abc: 1 }), bad({ A: 1 }), ok({})] },
  { name: "DependentSchemas", keyword: "dependentSchemas", schema: { dependentSchemas: { card: { required: ["cvv"] } } }, instances: [ok({ card: 1, cvv: 2 }), bad({ card: 1 }), ok({ cvv: 2 })] },
  {
    name: "Dependencies",
    keyword: "dependencies",
    schema: { dependencies: { a: ["b"], c: { required: ["d"] } } },
    instances: [ok({}), ok({ a: 1, b: 2 }), bad({ a: 1 }, "Ajv's 2020 dialect applies draft 7's dependencies"), bad({ c: 1 }), ok({ c: 1, d: 2 })],
  },

  // ---- validation
  { name: "TypeEach", keyword: "type", schema: { type: "integer" }, instances: [ok(1), ok(1.0), bad(1.5), bad("1"), bad(null)] },
  { name: "TypeList", keyword: "type", schema: { type: ["string", "null"] }, instances: [ok("a"), ok(null), bad(1), bad([])] },
  { name: "TypeObjectArray", keyword: "type", schema: { anyOf: [{ type: "object" }, { type: "array" }] }, instances: [ok({}), ok([]), bad(null), bad("{}")] },
  { name: "TypeBoolean", keyword: "type", schema: { type: "boolean" }, instances: [ok(false), bad(0), bad("true")] },
  { name: "ConstObject", keyword: "const", schema: { const: { a: [1, { b: null }] } }, instances: [ok({ a: [1, { b: null }] }), bad({ a: [1, { b: 0 }] }), bad({ a: [1, { b: null }], c: 1 })] },
  { name: "ConstNumber", keyword: "const", schema: { const: 1 }, instances: [ok(1), ok(1.0), bad(true), bad("1")] },
  { name: "ConstNull", keyword: "const", schema: { const: null }, instances: [ok(null), bad(0), bad(false)] },
  { name: "Enum", keyword: "enum", schema: { enum: ["a", 1, null, [1], { k: "v" }] }, instances: [ok("a"), ok(1), ok(null), ok([1]), ok({ k: "v" }), bad("b"), bad([1, 1]), bad({ k: "w" })] },
  { name: "MultipleOfInteger", keyword: "multipleOf", schema: { multipleOf: 3 }, instances: [ok(9), bad(10), ok("x")] },
  { name: "MultipleOfDecimal", keyword: "multipleOf", schema: { multipleOf: 0.01 }, instances: [ajvDiffers(ok(0.07), "Ajv divides in floating point: 0.07 / 0.01 is 7.000000000000001"), ajvDiffers(ok(19.99), "floating point, as above"), bad(0.075)] },
  { name: "Maximum", keyword: "maximum", schema: { maximum: 3 }, instances: [ok(3), bad(3.1), ok("9")] },
  { name: "ExclusiveMaximum", keyword: "exclusiveMaximum", schema: { exclusiveMaximum: 3 }, instances: [ok(2.9), bad(3)] },
  { name: "Minimum", keyword: "minimum", schema: { minimum: -2 }, instances: [ok(-2), bad(-2.5)] },
  { name: "ExclusiveMinimum", keyword: "exclusiveMinimum", schema: { exclusiveMinimum: -2 }, instances: [ok(-1.9), bad(-2)] },
  { name: "MaxLength", keyword: "maxLength", schema: { maxLength: 2 }, instances: [ok("ab"), bad("abc"), ok("\u{1F4A9}\u{1F4A9}", "two code points, four UTF-16 units"), ok(100)] },
  { name: "MinLength", keyword: "minLength", schema: { minLength: 2 }, instances: [ok("ab"), bad("a"), bad("\u{1F4A9}", "one code point")] },
  { name: "Pattern", keyword: "pattern", schema: { pattern: "[0-9]{2}" }, instances: [ok("a12b", "not anchored"), bad("a1b"), ok(12)] },
  { name: "PatternUnicode", keyword: "pattern", schema: { pattern: "^\\p{L}+$" }, instances: [ok("élan"), bad("a1")] },
  { name: "MaxItems", keyword: "maxItems", schema: { maxItems: 1 }, instances: [ok([1]), bad([1, 2]), ok("ab")] },
  { name: "MinItems", keyword: "minItems", schema: { minItems: 1 }, instances: [ok([1]), bad([])] },
  { name: "UniqueItems", keyword: "uniqueItems", schema: { uniqueItems: true }, instances: [ok([1, "1", true]), bad([1, 1.0]), bad([{ a: [1] }, { a: [1] }]), ok([{ a: 1 }, { a: 2 }]), ok([0, false])] },
  { name: "MaxProperties", keyword: "maxProperties", schema: { maxProperties: 1 }, instances: [ok({ a: 1 }), bad({ a: 1, b: 2 }), ok([1, 2])] },
  { name: "MinProperties", keyword: "minProperties", schema: { minProperties: 1 }, instances: [ok({ a: 1 }), bad({})] },
  { name: "Required", keyword: "required", schema: { required: ["a", "b"] }, instances: [ok({ a: 1, b: null }), bad({ a: 1 }), ok("not an object")] },
  { name: "DependentRequired", keyword: "dependentRequired", schema: { dependentRequired: { card: ["cvv", "expiry"] } }, instances: [ok({}), ok({ card: 1, cvv: 2, expiry: 3 }), bad({ card: 1, cvv: 2 })] },
  { name: "ProtoConst", keyword: "const", schema: JSON.parse('{"const": {"__proto__": 1}}'), instances: [ok(JSON.parse('{"__proto__": 1}')), bad({})] },
  { name: "ProtoEnum", keyword: "enum", schema: JSON.parse('{"enum": [{"__proto__": {"x": 1}}]}'), instances: [ok(JSON.parse('{"__proto__": {"x": 1}}')), bad({ x: 1 })] },

  // ---- unevaluated
  { name: "UnevaluatedPropertiesFalse", keyword: "unevaluatedProperties", schema: { properties: { a: true }, unevaluatedProperties: false }, instances: [ok({ a: 1 }), bad({ a: 1, b: 2 })] },
  {
    name: "UnevaluatedPropertiesAllOf",
    keyword: "unevaluatedProperties",
    schema: { allOf: [{ properties: { a: true } }, { patternProperties: { "^p": true } }], unevaluatedProperties: false },
    instances: [ok({ a: 1, pq: 2 }), bad({ a: 1, z: 3 })],
  },
  {
    name: "UnevaluatedPropertiesAnyOf",
    keyword: "unevaluatedProperties",
    schema: { anyOf: [{ properties: { a: { const: 1 } }, required: ["a"] }, { properties: { b: true }, required: ["b"] }], unevaluatedProperties: false },
    instances: [ok({ a: 1 }), ok({ b: 1 }), ok({ a: 1, b: 2 }), bad({ a: 2, b: 1 }, "the failing branch evaluates nothing"), bad({ b: 1, c: 1 })],
  },
  {
    name: "UnevaluatedPropertiesIf",
    keyword: "unevaluatedProperties",
    schema: { if: { properties: { kind: { const: "card" } }, required: ["kind"] }, then: { properties: { last4: true } }, else: { properties: { iban: true } }, unevaluatedProperties: false },
    instances: [ok({ kind: "card", last4: "1" }), bad({ kind: "card", iban: "x" }), ok({ iban: "x" }), bad({ kind: "bank", iban: "x" }, "a failing if evaluates nothing")],
  },
  {
    name: "UnevaluatedPropertiesRef",
    keyword: "unevaluatedProperties",
    schema: { $ref: "#/components/schemas/Holder", properties: { extra: true }, unevaluatedProperties: false },
    instances: [ok({ inner: "a", extra: 1 }), bad({ other: 1 })],
  },
  {
    name: "UnevaluatedPropertiesSchema",
    keyword: "unevaluatedProperties",
    schema: { properties: { a: true }, unevaluatedProperties: { type: "string" } },
    instances: [ok({ a: 1, b: "x" }), bad({ b: 1 })],
  },
  {
    name: "UnevaluatedPropertiesNested",
    keyword: "unevaluatedProperties",
    schema: { properties: { a: true }, allOf: [{ unevaluatedProperties: false }] },
    instances: [ok({}), bad({ a: 1 }, "the inner keyword sees only its own schema's evaluation")],
  },
  {
    name: "UnevaluatedPropertiesDependentSchemas",
    keyword: "unevaluatedProperties",
    schema: { properties: { card: true }, dependentSchemas: { card: { properties: { cvv: true } } }, unevaluatedProperties: false },
    instances: [ok({ card: 1, cvv: 2 }), bad({ cvv: 2 })],
  },
  { name: "UnevaluatedItemsFalse", keyword: "unevaluatedItems", schema: { prefixItems: [true], unevaluatedItems: false }, instances: [ok([1]), bad([1, 2])] },
  {
    name: "UnevaluatedItemsAllOf",
    keyword: "unevaluatedItems",
    schema: { allOf: [{ prefixItems: [true, true] }], unevaluatedItems: false },
    instances: [ok([1, 2]), bad([1, 2, 3])],
  },
  {
    name: "UnevaluatedItemsContains",
    keyword: "unevaluatedItems",
    schema: { contains: { type: "string" }, unevaluatedItems: { type: "number" } },
    instances: [ok(["a", 1, "b"]), ajvDiffers(bad(["a", true]), "Ajv does not count the items `contains` matched as evaluated")],
  },
  { name: "UnevaluatedItemsItems", keyword: "unevaluatedItems", schema: { items: true, unevaluatedItems: false }, instances: [ok([1, 2, 3])] },

  // ---- format (asserted, as ajv-formats does)
  { name: "FormatDate", keyword: "format", schema: { format: "date" }, instances: [ok("2024-02-29"), bad("2023-02-29"), ok(20240229, "not a string: not checked")] },
  { name: "FormatTime", keyword: "format", schema: { format: "time" }, instances: [ok("10:00:00Z"), ok("23:59:60Z"), bad("10:00:00")] },
  { name: "FormatDateTime", keyword: "format", schema: { format: "date-time" }, instances: [ok("2024-01-01T10:00:00+01:00"), bad("2024-01-01T10:00:00"), bad("2024-13-01T00:00:00Z")] },
  { name: "FormatDuration", keyword: "format", schema: { format: "duration" }, instances: [ok("P1DT2H"), bad("P"), bad("1D")] },
  { name: "FormatEmail", keyword: "format", schema: { format: "email" }, instances: [ok("ada@example.com"), bad("ada@"), bad("ada example.com")] },
  { name: "FormatHostname", keyword: "format", schema: { format: "hostname" }, instances: [ok("api.example.com"), bad("-bad.example.com")] },
  { name: "FormatIpv4", keyword: "format", schema: { format: "ipv4" }, instances: [ok("192.168.0.1"), bad("256.1.1.1")] },
  { name: "FormatIpv6", keyword: "format", schema: { format: "ipv6" }, instances: [ok("::1"), bad("12345::")] },
  { name: "FormatUri", keyword: "format", schema: { format: "uri" }, instances: [ok("https://example.com/a?b#c"), ok("urn:isbn:0451450523"), bad("/relative"), bad("http://a b")] },
  { name: "FormatUriReference", keyword: "format", schema: { format: "uri-reference" }, instances: [ok("/relative"), ok("#frag"), bad("\\\\bad")] },
  { name: "FormatUriTemplate", keyword: "format", schema: { format: "uri-template" }, instances: [ok("/orders/{id}"), bad("/orders/{id")] },
  { name: "FormatUuid", keyword: "format", schema: { format: "uuid" }, instances: [ok("0b6f3a9e-4c1d-4e7a-9f1e-2d3c4b5a6f70"), bad("0b6f3a9e4c1d4e7a9f1e2d3c4b5a6f70")] },
  { name: "FormatJsonPointer", keyword: "format", schema: { format: "json-pointer" }, instances: [ok("/a~1b"), bad("a"), bad("/~2")] },
  { name: "FormatRelativeJsonPointer", keyword: "format", schema: { format: "relative-json-pointer" }, instances: [ok("0/a"), ok("1#"), bad("/a")] },
  { name: "FormatRegex", keyword: "format", schema: { format: "regex" }, instances: [ok("^[a-z]+$"), bad("[unclosed")] },
  { name: "FormatIsoTime", keyword: "format", schema: { format: "iso-time" }, instances: [ok("10:00:00"), bad("25:00:00")] },
  { name: "FormatIsoDateTime", keyword: "format", schema: { format: "iso-date-time" }, instances: [ok("2024-01-01T10:00:00"), bad("2024-01-01T25:00:00")] },
  { name: "FormatInt32", keyword: "format", schema: { type: "integer", format: "int32" }, instances: [ok(2147483647), bad(2147483648)] },
  { name: "FormatByte", keyword: "format", schema: { format: "byte" }, instances: [ok("QUJD"), bad("QUJ")] },
  { name: "FormatUnknown", keyword: "format", schema: { format: "payspec-made-up" }, instances: [ok("anything"), ok(1)] },

  // ---- annotations and unknown keywords (no effect on the verdict)
  {
    name: "Annotations",
    keyword: "title",
    schema: { title: "t", description: "d", default: 1, deprecated: true, readOnly: true, writeOnly: false, examples: [1], contentMediaType: "application/json", contentEncoding: "base64", type: "integer" },
    instances: [ok(1), bad("1")],
  },
  { name: "UnknownKeyword", keyword: "unknown", schema: { type: "string", maxLenght: 1, "x-vendor": { a: 1 } }, instances: [ok("long string")] },
];
