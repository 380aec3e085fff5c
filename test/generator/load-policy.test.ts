/**
 * The loading policy for specs that are not ours (generator/load-policy.ts): what does not make the output wrong is
 * a located warning saying what was assumed, the spec generates with that meaning, and `strict` refuses it.
 * Each fixture in test/fixtures/generator/quirks/ is a minimized case from a real spec or the issue.
 */
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../generator/emit/types.js";
import { formatProblem, SpecError } from "../../generator/errors.js";
import { loadSpec, sortKeysDeep } from "../../generator/load.js";
import { generate, generateFromModel } from "../../generator/pipeline.js";
import { FIXTURES, REPO } from "./helpers.js";

const QUIRKS = path.join(FIXTURES, "quirks");
const shown = (file: string) => path.relative(REPO, path.join(QUIRKS, file));

/** [fixture, the warnings it must give, formatted, in order (after `file`)]. */
const CASES: ReadonlyArray<readonly [string, readonly RegExp[]]> = [
  ["missing-info.yaml", [/^:1:1 at #\/: The field `info` must be present .*\(assumed: generated with the file name as title/]],
  ["missing-paths.yaml", [/^:1:1 at #\/: The field `paths` must be present .*\(assumed: generated with no operations\)/]],
  ["response-without-description.yaml", [/^:8:9 at #\/paths\/~1orders\/get\/responses\/200: The field `description` must be present .*\(assumed: generated without a description\)/]],
  ["info-external-docs.yaml", [/^:5:3 at #\/info\/externalDocs: Property `externalDocs` is not expected here\. \[struct\] \(assumed: ignored\)/]],
  [
    "null-security.yaml",
    [
      /^:5:5 at #\/security\/1: Expected type `SecurityRequirement` \(object\) but got `null` \[struct\] \(assumed: read as `\{\}`: this alternative needs no credentials\)/,
      /^:10:17 at #\/paths\/~1ping\/get\/security: Expected type `SecurityRequirementList` \(array\) but got `null` \[struct\] \(assumed: ignored: the document's security applies\)/,
    ],
  ],
  ["identical-paths.yaml", [/^:12:3 at #\/paths\/~1orgs~1\{org\}~1attestations~1\{subject_digest\}: The path already exists which differs only by path parameter name\(s\).*\[no-identical-paths\] \(assumed: generated as two paths/]],
  [
    "ignored-headers.yaml",
    [
      /^:7:9 at #\/paths\/~1orders~1\{order_id\}~1refunds\/parameters\/0: header parameter `Accept` is ignored, as OpenAPI says/,
      /^:12:11 at #\/paths\/~1orders~1\{order_id\}~1refunds\/post\/parameters\/1: header parameter `Content-Type` is ignored/,
      /^:13:11 at #\/paths\/~1orders~1\{order_id\}~1refunds\/post\/parameters\/2: header parameter `authorization` is ignored/,
    ],
  ],
  [
    "unknown-keywords.yaml",
    [
      /^:8:7 at #\/paths\/~1ping\/get\/produces: Property `produces` is not expected here\. \[struct\] \(assumed: ignored\)/,
    ],
  ],
  ["wrong-typed-pattern.yaml", [/^:14:51 at #\/paths\/~1thumbnail\/post\/requestBody\/content\/application~1json\/schema\/properties\/timecode\/pattern: Expected type `string` but got `integer`\. \[struct\] \(assumed: ignored: the validators leave this check out\)/]],
  [
    "nullable-in-31.yaml",
    [
      /^:24:30 at #\/components\/schemas\/Order\/properties\/note\/nullable: Property `nullable` is not expected here\. \[struct\] \(assumed: `nullable` is OpenAPI 3\.0; read as OpenAPI 3\.1's "or null"\)/,
      /^:25:54 at #\/components\/schemas\/Order\/properties\/status\/nullable: /,
      /^:27:11 at #\/components\/schemas\/Order\/properties\/address\/nullable: /,
      /^:30:32 at #\/components\/schemas\/Order\/properties\/total\/nullable: /,
    ],
  ],
  ["paths-extension.yaml", []],
  ["several-security-schemes.yaml", []],
  // Both found by the corpus run (code that did not compile); test/generator/user-configs.test.ts compiles them.
  ["wildcard-media-type.yaml", []],
  ["ref-into-subschema.yaml", []],
  ["recursive-ref-into-definitions.yaml", []],
  // Formerly refused by the validators: a pattern valid only without the `u` flag (issue 12 item 2: compiled without it).
  ["pattern-without-unicode-flag.yaml", []],
  // Formerly refused by Ajv's strict mode: an unknown keyword the 3.0/3.1 dialects allow as an annotation.
  ["unknown-schema-keyword.yaml", [/^:12:70 at #\/paths\/~1ping\/get\/responses\/200\/content\/application~1json\/schema\/properties\/at\/formatt: Property `formatt` is not expected here.*\(assumed: ignored\)/]],
  ["reserved-word-schema-names.yaml", []],
  [
    "null-type-beside-one-of.yaml",
    [
      /^:40:11 at #\/components\/schemas\/Deployment\/properties\/aliasAssignedAt\/type: `type: "null"` beside `oneOf`, whose alternatives are none of them null: no value is both \(assumed: read as "one of these, or null"/,
      /^:48:7 at #\/components\/schemas\/EdgeConfigItemValue\/type: `type: "null"` beside `oneOf`/,
    ],
  ],
  [
    "no-content-with-body.yaml",
    [
      /^:21:9 at #\/paths\/~1alerts~1\{alert_id\}\/put\/responses\/204: a 204 response has no body in HTTP, but this one is given `content`/,
      /^:15:11 at #\/paths\/~1alerts~1\{alert_id\}\/delete\/responses\/204\/content: a 204 response has no body in HTTP, but this one is given `content` \(assumed: read as a response without a body, as servers send it\)/,
    ],
  ],
  ["extension-wrong-type.yaml", [/^:10:18 at #\/x-webhooks\/x-sdk-exclude: Expected type `PathItem` \(object\) but got `boolean` \[struct\] \(assumed: ignored: the generator does not read this extension\)/]],
];

describe("specs with quirks: located warnings, generated with the meaning they clearly intend", () => {
  it.each(CASES)("%s", async (file, expected) => {
    const model = await loadSpec(shown(file));
    const warnings = model.warnings.map(formatProblem);
    expect(warnings.map((warning) => warning.startsWith(shown(file)))).toEqual(warnings.map(() => true));
    expect(warnings.map((warning) => warning.slice(shown(file).length))).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
    const files = await generateFromModel(model);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["client.ts", "schema.ts", "validators.ts"]));
  });

  it.each(CASES.filter(([, expected]) => expected.length > 0))("%s: strict refuses it, naming each warning", async (file, expected) => {
    const error = await loadSpec(shown(file), { strict: true }).then(() => undefined, (error: unknown) => error);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems).toHaveLength(expected.length);
    expect((error as SpecError).message).toContain(shown(file));
    expect((error as SpecError).message).toMatch(/--strict refuses what the generator would otherwise assume/);
  });
});

describe("a 204 response given a body", () => {
  it("is read without one, and a response it shares with a 200 keeps its body there", async () => {
    const model = await loadSpec(shown("no-content-with-body.yaml"));
    const responses = (operationId: string) => model.operations.find((operation) => operation.operationId === operationId)!.responses;
    expect(responses("deleteAlert")).toEqual([expect.objectContaining({ status: "204", content: [] })]);
    expect(responses("replaceAlert")).toEqual([expect.objectContaining({ status: "204", content: [] })]);
    expect(responses("getAlert")).toEqual([expect.objectContaining({ status: "200", content: [expect.objectContaining({ contentType: "application/json" })] })]);
    const files = await generateFromModel(model);
    expect(files["schema.ts"]).toMatch(/204: \{\s+headers: \{\s+\[name: string\]: unknown;\s+\};\s+content\?: never;/);
  });
});

describe("the emitters' warnings are located in the file, like the loader's", () => {
  it("whether or not the loader warned about the same file first", async () => {
    const afterLint = await generate(shown("unknown-schema-keyword.yaml"));
    expect(afterLint.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/unknown-schema-keyword\.yaml:12:70 at #\/paths\/.*\/formatt: Property `formatt` is not expected here/),
      expect.stringMatching(/unknown-schema-keyword\.yaml:12:70 at #\/paths\/.*\/formatt: unknown keyword "formatt" is not checked/),
    ]);
    const alone = await generate(shown("pattern-without-unicode-flag.yaml"));
    expect(alone.warnings.map(formatProblem).sort()).toEqual([
      expect.stringMatching(/pattern-without-unicode-flag\.yaml:19:30 at #\/components\/schemas\/Policy\/properties\/name\/pattern: pattern is not a valid/),
      expect.stringMatching(/pattern-without-unicode-flag\.yaml:20:30 at #\/components\/schemas\/Policy\/properties\/user\/pattern: /),
      expect.stringMatching(/pattern-without-unicode-flag\.yaml:21:29 at #\/components\/schemas\/Policy\/properties\/url\/pattern: /),
    ]);
  });
});

describe("what the quirks mean in the output", () => {
  it("nullable: true in a 3.1 file: the types and the validators both allow null; nullable: false changes nothing", async () => {
    const model = await loadSpec(shown("nullable-in-31.yaml"));
    const types = emitTypes(model);
    expect(types).toMatch(/note: string \| null;/);
    expect(types).toMatch(/status: "open" \| "closed" \| null;/);
    expect(types).toMatch(/address: components\["schemas"\]\["Address"\] \| null;/);
    expect(types).toMatch(/total: number;/);
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(model.document, "spec");
    const validate = ajv.compile({ $ref: "spec#/components/schemas/Order" });
    expect(validate({ note: null, status: null, address: null, total: 1 })).toBe(true);
    expect(validate({ note: "x", status: "open", address: { line: "1 Main St" }, total: 1 })).toBe(true);
    expect(validate({ note: null, status: "lost", address: null, total: 1 })).toBe(false);
    expect(validate({ note: null, status: null, address: null, total: null })).toBe(false);
    // The annotation stays outside the "or null".
    expect(model.schemas["Order"]).toMatchObject({ properties: { address: { description: "Where it goes.", anyOf: [{ allOf: [{ $ref: "#/components/schemas/Address" }] }, { type: "null" }] } } });
  });

  it("type: null beside alternatives none of which is null: the types and the validators both read it as one of them, or null", async () => {
    const model = await loadSpec(shown("null-type-beside-one-of.yaml"));
    const types = emitTypes(model);
    expect(types).toMatch(/aliasAssignedAt\?: \(number \| boolean\) \| null;/);
    expect(types).toMatch(/EdgeConfigItemValue: \(string \| number \| boolean \| Record<string, unknown> \| EdgeConfigItemValueArray\) \| null;/);
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(model.document, "spec");
    const deployment = ajv.compile({ $ref: "spec#/components/schemas/Deployment" });
    for (const aliasAssignedAt of [1700000000, true, null]) expect(deployment({ aliasAssignedAt })).toBe(true);
    expect(deployment({ aliasAssignedAt: "yesterday" })).toBe(false);
    const value = ajv.compile({ $ref: "spec#/components/schemas/EdgeConfigItemValue" });
    for (const item of ["on", 1, false, { a: 1 }, ["on", [1, null]], null]) expect(value(item)).toBe(true);
    // Where an alternative can be null, the schema says something satisfiable (null, through that alternative): as written.
    expect(model.schemas["Deployment"]).toMatchObject({ properties: { gitNamespaceId: { type: "null", oneOf: [{ type: "string" }, { type: ["number", "null"] }] } } });
    expect(deployment({ gitNamespaceId: null })).toBe(true);
    expect(deployment({ gitNamespaceId: "team" })).toBe(false);
  });

  it("a null security requirement needs no credentials; a null operation security inherits the document's", async () => {
    const model = await loadSpec(shown("null-security.yaml"));
    expect(model.operations[0]?.security).toEqual([{ apiKey: [] }, {}]);
  });

  it("Accept, Content-Type and Authorization header parameters are not the operation's parameters; others are", async () => {
    const model = await loadSpec(shown("ignored-headers.yaml"));
    expect(model.operations[0]?.parameters.map((parameter) => `${parameter.in} ${parameter.name}`)).toEqual(["path order_id", "header X-Request-Id"]);
  });

  it("paths that differ only in parameter names are two operations", async () => {
    const model = await loadSpec(shown("identical-paths.yaml"));
    expect(model.operations.map((operation) => operation.methodName)).toEqual(["deleteById", "listBySubject"]);
  });

  it("an x- key under paths is no path", async () => {
    const model = await loadSpec(shown("paths-extension.yaml"));
    expect(model.operations.map((operation) => operation.path)).toEqual(["/ping"]);
  });

  it("a wrong-typed pattern is left out, the rest of the schema stays", async () => {
    const model = await loadSpec(shown("wrong-typed-pattern.yaml"));
    const schema = model.operations[0]?.requestBody?.content[0]?.schema;
    expect(schema).toEqual({ type: "object", properties: { timecode: { type: "string" } } });
  });

  it("a key named __proto__ survives loading (sorted keys are defined, not assigned)", async () => {
    const model = await loadSpec(shown("proto-key.json"));
    const constant = (model.schemas["Odd"] as { const: object }).const;
    expect(Object.keys(constant)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(constant)).toBe(Object.prototype);
    expect(emitTypes(model)).toMatch(/__proto__: 1;\s+a: 2;/);
  });

  it("sortKeysDeep keeps __proto__ at any depth, as an own key, and sorts the rest", () => {
    const sorted = sortKeysDeep(JSON.parse('{"b": [{"z": 1, "__proto__": {"y": 2, "x": 1}}], "a": 0}')) as { b: Array<Record<string, unknown>> };
    expect(JSON.stringify(sorted)).toBe('{"a":0,"b":[{"__proto__":{"x":1,"y":2},"z":1}]}');
    expect(Object.hasOwn(sorted.b[0]!, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });
});

describe("the project's own specs", () => {
  it.each(["nextcommerce", "bigcommerce", "medusa", "payments"])("%s loads with no warning (strict accepts it)", async (name) => {
    expect((await loadSpec(path.join(REPO, "specs", `${name}.yaml`), { strict: true })).warnings).toEqual([]);
  });
});
