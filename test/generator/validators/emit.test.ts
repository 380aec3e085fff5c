/**
 * emitValidators on small specs written for the cases: OpenAPI's readOnly/writeOnly views, the request validator's
 * CallInput paths, credentials kept out of validation, every error reported, recursion, OpenAPI 3.0 conversion,
 * determinism, what the generated module imports, and the errors generation gives for a schema Ajv refuses.
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { emitValidators, VALIDATOR_FILES } from "../../../generator/emit/validators.js";
import { SpecError } from "../../../generator/errors.js";
import { loadSpec } from "../../../generator/load.js";
import type { ApiModel, JsonSchema } from "../../../generator/model.js";
import { runtimeReference } from "./reference.js";
import { generateValidators, generateValidatorsOf, REPO_ROOT, TEST_SPECS_DIR, withSchemas, type Generated, type ResultLike } from "./harness.js";

const SHOP = path.join(TEST_SPECS_DIR, "shop.yaml");
const LEGACY = path.join(TEST_SPECS_DIR, "legacy30.yaml");

function issues(result: ResultLike): Array<{ path: string; keyword: string }> {
  return result.ok ? [] : result.errors.map((issue) => ({ path: issue.path, keyword: issue.keyword }));
}

const validOrder = {
  id: 1,
  number: "1001",
  status: "paid",
  email: null,
  created_at: "2024-04-01T10:00:00Z",
  total: "12.50",
  lines: [{ id: 7, sku: "SKU-1", quantity: 2, price: "6.25" }],
  payments: [{ id: "0b6f3a9e-4c1d-4e7a-9f1e-2d3c4b5a6f70", amount: "12.50", method: { type: "card", last4: "4242" } }],
};

describe("emitValidators: shop spec (OpenAPI 3.1)", () => {
  let shop: Generated;
  beforeAll(async () => {
    shop = await generateValidators(SHOP, "emit-shop");
  });

  it("exports isX, assertX and validateX for every named schema, and schemaValidators by name", () => {
    for (const name of Object.keys(shop.model.schemas)) {
      for (const prefix of ["is", "assert", "validate"]) expect(shop.module[`${prefix}${name}`], `${prefix}${name}`).toBeTypeOf("function");
      expect(shop.module.schemaValidators[name]).toBe(shop.module[`validate${name}`]);
    }
    const isOrder = shop.module.isOrder as (value: unknown) => boolean;
    expect(isOrder(validOrder)).toBe(true);
    expect(isOrder({ ...validOrder, total: 12.5 })).toBe(false);
  });

  it("assertX throws the runtime's ValidationError carrying every issue", async () => {
    const runtime = (await import(pathToFileURL(path.join(shop.dir, "runtime", "index.ts")).href)) as { ValidationError: new (...args: never[]) => Error };
    const assertOrder = shop.module.assertOrder as (value: unknown) => void;
    expect(() => assertOrder(validOrder)).not.toThrow();
    let thrown: unknown;
    try {
      assertOrder({ ...validOrder, total: 12.5, status: "lost" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(runtime.ValidationError);
    const error = thrown as Error & { errors: Array<{ path: string }> };
    expect(error.errors.map((issue) => issue.path).sort()).toEqual(["status", "total"]);
    expect(error.message).toContain("Order: ");
    expect(error.message).toContain('total must be string, found number 12.5');
  });

  it("reports every error with its path, what was expected and what was found", () => {
    const result = shop.module.schemaValidators.Order!({
      ...validOrder,
      status: "lost",
      lines: [{ id: 1, sku: "", quantity: 1.5, price: "1" }, { id: 2, sku: "B", price: "1.234" }],
      "x-extra": true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: "status", keyword: "enum", expected: 'one of "open", "paid", "cancelled"', found: '"lost"', message: 'must be one of "open", "paid", "cancelled", found "lost"' },
        { path: "lines[0].sku", keyword: "minLength", expected: "at least 1 characters", found: '"" (0)', message: 'must have at least 1 characters, found "" (0)' },
        { path: "lines[0].quantity", keyword: "type", expected: "integer", found: "number 1.5", message: "must be integer, found number 1.5" },
        { path: "lines[1].quantity", keyword: "required", expected: "required property quantity", found: "nothing", message: "is required but missing" },
        {
          path: "lines[1].price",
          keyword: "pattern",
          expected: "pattern ^-?\\d{0,7}(?:\\.\\d{0,2})?$",
          found: '"1.234"',
          message: 'must match pattern ^-?\\d{0,7}(?:\\.\\d{0,2})?$, found "1.234"',
        },
        expect.objectContaining({ path: '["x-extra"]', keyword: "additionalProperties" }),
      ]),
    );
    expect(result.errors).toHaveLength(6);
  });

  it("follows recursive references (Payment -> Order -> Payment) to any depth", () => {
    const nested = { ...validOrder, payments: [{ ...validOrder.payments[0], order: { ...validOrder, payments: [{ ...validOrder.payments[0], order: { ...validOrder, lines: [{}] } }] } }] };
    expect(issues(shop.module.schemaValidators.Order!(nested))).toEqual([
      { path: "payments[0].order.payments[0].order.lines[0].id", keyword: "required" },
      { path: "payments[0].order.payments[0].order.lines[0].sku", keyword: "required" },
      { path: "payments[0].order.payments[0].order.lines[0].quantity", keyword: "required" },
      { path: "payments[0].order.payments[0].order.lines[0].price", keyword: "required" },
    ]);
  });

  it("request views ignore readOnly in `required`, response views writeOnly; named schemas require both", () => {
    const account = shop.module.operationValidators.accountsCreate!;
    expect(issues(account.request!({ body: { email: "ada@example.com", password: "correct horse" } }))).toEqual([]);
    expect(issues(account.responses["200"]!({ id: "acc_1", email: "ada@example.com" }))).toEqual([]);
    expect(issues(account.request!({ body: { email: "ada@example.com" } }))).toEqual([{ path: "body.password", keyword: "required" }]);
    expect(issues(account.responses["200"]!({ email: "ada@example.com" }))).toEqual([{ path: "id", keyword: "required" }]);
    expect(issues(shop.module.schemaValidators.Account!({ email: "ada@example.com" }))).toEqual([
      { path: "id", keyword: "required" },
      { path: "password", keyword: "required" },
    ]);
    // Through references too: an order line's readOnly id is not required in a request, but is in the Order response.
    const create = shop.module.operationValidators.ordersPaymentsCreate!;
    const { id: _id, created_at: _created, ...withoutReadOnly } = validOrder;
    expect(issues(create.responses["201"]!(withoutReadOnly))).toEqual([
      { path: "id", keyword: "required" },
      { path: "created_at", keyword: "required" },
    ]);
  });

  it("validates the request as the client's CallInput, naming parameters by location", () => {
    const request = shop.module.operationValidators.ordersPaymentsCreate!.request!;
    const good = { path: { number: "1001" }, header: { "X-Api-Version": "2024-04-01" }, query: { limit: 10, expand: ["lines"] }, body: { amount: "10.00", method: { type: "card", last4: "4242" } } };
    expect(issues(request(good))).toEqual([]);
    expect(
      issues(request({ ...good, path: { number: "10a" }, header: { "X-Api-Version": "2023-02-10" }, query: { limit: 0, expand: ["nope"] }, body: { ...good.body, amount: "1.234" } })),
    ).toEqual([
      { path: "path.number", keyword: "pattern" },
      { path: "query.expand[0]", keyword: "enum" },
      { path: "query.limit", keyword: "minimum" },
      { path: 'header["X-Api-Version"]', keyword: "const" },
      { path: "body.amount", keyword: "pattern" },
    ]);
    expect(issues(request({ header: good.header }))).toEqual([
      { path: "path", keyword: "required" },
      { path: "body", keyword: "required" },
    ]);
  });

  it("never validates a credential parameter (apiKey scheme, Cookie), so its value cannot appear in an issue", () => {
    const request = shop.module.operationValidators.ordersPaymentsCreate!.request!;
    const secret = "sk_live_do-not-print-me";
    const session = "session=also-secret";
    const result = request({ path: { number: "x" }, header: { "X-Api-Key": secret, Cookie: session, "X-Api-Version": "2024-04-01" }, body: { amount: 1 } });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain(session);
    expect(issues(result).some((issue) => issue.path.startsWith("header"))).toBe(false);
  });

  it("validates JSON response bodies (+json too) by status as written; a status documented without a body has none", () => {
    const responses = shop.module.operationValidators.ordersPaymentsCreate!.responses;
    expect(Object.keys(responses)).toEqual(["201", "4XX"]);
    expect(issues(responses["4XX"]!({ title: 1 }))).toEqual([{ path: "title", keyword: "type" }]);
    // `default` and ping's 204 document no body: no validator. The client takes the status an answer is declared
    // under from its OperationInfo (client.ts `responses`), so it never checks it against another status's schema.
    expect(shop.module.operationValidators.ping).toBeUndefined();
  });
});

describe("emitValidators: OpenAPI 3.0 spec", () => {
  let legacy: Generated;
  beforeAll(async () => {
    legacy = await generateValidators(LEGACY, "emit-legacy30");
  });

  it("maps nullable, boolean exclusiveMinimum/Maximum and $ref siblings to 2020-12", () => {
    const validate = legacy.module.schemaValidators.Refund!;
    expect(issues(validate({ id: 1, amount: 100, note: null, reason: null, parent: null }))).toEqual([]);
    expect(issues(validate({ id: 1, amount: 0, note: "n", reason: "other" }))).toEqual([
      { path: "amount", keyword: "exclusiveMinimum" },
      { path: "reason", keyword: "enum" },
    ]);
    expect(issues(validate({ id: 1, amount: 5, note: 3, parent: { id: 2, amount: 1, note: null, parent: { id: 3 } } }))).toEqual(
      expect.arrayContaining([{ path: "note", keyword: "type" }, { path: "parent.parent.amount", keyword: "required" }]),
    );
  });

  it("names schemas whose names are not identifiers, checks int32, skips the query api key", () => {
    expect(legacy.module.is2fa).toBeTypeOf("function");
    expect(legacy.module.isOrderLine).toBeTypeOf("function");
    expect(legacy.module.schemaValidators["order-line"]).toBe(legacy.module.validateOrderLine);
    const request = legacy.module.operationValidators.updateRefund!.request!;
    expect(issues(request({ path: { id: 0 }, query: { api_key: "k" }, body: { sku: "A", quantity: 3_000_000_000 } }))).toEqual([
      { path: "path.id", keyword: "exclusiveMinimum" },
      { path: "body.quantity", keyword: "format" },
    ]);
  });
});

describe("emitValidators: a property named instancePath (Microsoft Graph's beta spec)", () => {
  it("generates, and reports a wrong value of that property at its own path", async () => {
    const generated = await generateValidators(path.join(REPO_ROOT, "test/fixtures/generator/quirks/property-named-instance-path.yaml"), "emit-instance-path");
    const validate = generated.module.schemaValidators.Report!;
    expect(issues(validate({ instancePath: null, count: 1 }))).toEqual([]);
    expect(issues(validate({ instancePath: 5, count: 1 }))).toEqual([{ path: "instancePath", keyword: "type" }]);
    expect(issues(validate({ count: 1 }))).toEqual([{ path: "instancePath", keyword: "required" }]);
  });
});

describe("emitValidators: output", () => {
  let model: ApiModel;
  beforeAll(async () => {
    model = await loadSpec(SHOP);
  });
  const compiledOf = (of: ApiModel): string => emitValidators(of).files[VALIDATOR_FILES.compiled]!;
  /** The function an export of the compiled module is (`export const name: CompiledValidator = validateN;`). */
  const exported = (compiled: string, name: string): string | undefined => new RegExp(`^export const ${name}: CompiledValidator = (validate\\d+);$`, "m").exec(compiled)?.[1];

  it("is byte-identical across runs", async () => {
    const again = await loadSpec(SHOP);
    expect(emitValidators(again)).toEqual(emitValidators(model));
  });

  it("imports only Ajv's run-time helpers, never Ajv itself nor ajv-formats nor the HTTP client, and uses no require()", () => {
    const { files } = emitValidators(model);
    const compiled = files[VALIDATOR_FILES.compiled]!;
    const imports = [...compiled.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) expect(specifier).toMatch(/^ajv\/dist\/runtime\/[a-z0-9]+\.js$/);
    expect(compiled).not.toMatch(/\brequire\(|new Function|\beval\(/);
    expect([...files[VALIDATOR_FILES.module]!.matchAll(/from "([^"]+)"/g)].map((match) => match[1])).toEqual([
      "./schema.js",
      "./runtime/index.js",
      "./runtime/errors.js",
      "./validation/compiled.js",
    ]);
  });

  it("compiles every format in: each a top-level function of payspec's (RegExp formats as literals), no shared formats object", () => {
    const stamps: ApiModel = { ...model, schemas: { Stamp: { type: "string", format: "date-time" } }, operations: [] };
    const own = compiledOf(stamps);
    expect(own).toContain("function payspecDateTime(");
    expect(own).toMatch(/const formats\d+ = payspecDateTime;/);
    // shop.yaml uses uri, double and email too: uri and double as payspec's functions, email as Ajv's RegExp literal.
    const shop = compiledOf(model);
    expect(shop).not.toMatch(/^import .*ajv-formats/m);
    expect(shop).toMatch(/const formats\d+ = payspecUri;/);
    expect(shop).toMatch(/const formats\d+ = \{validate: payspecAnyNumber\};/);
    expect(shop).toMatch(/const formats\d+ = \/\^\[a-z0-9!#\$%&'\*\+\/=\?\^_`\{\|\}~-\]\+/);
    expect(shop).not.toContain("compiledFormats");
  });

  it("exports a schema once: an operation body that only names a schema reuses that schema's function", () => {
    // Response validators are a module of their own (the client loads it only with response validation on); within
    // each module, a body that only names a schema is that schema's function.
    const compiled = compiledOf(model);
    const names = [...compiled.matchAll(/function (validate\d+)\(/g)].map((match) => match[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(exported(compiled, "requestAccountsCreate")).toMatch(/^validate\d+$/);
    const responses = emitValidators(model).files[VALIDATOR_FILES.compiledResponses]!;
    const responseNames = [...responses.matchAll(/function (validate\d+)\(/g)].map((match) => match[1]);
    expect(new Set(responseNames).size).toBe(responseNames.length);
    expect(exported(responses, "responseOrdersPaymentsCreate_201")).toMatch(/^validate\d+$/);
    expect(exported(compiled, "responseOrdersPaymentsCreate_201")).toBeUndefined();
  });

  it("compiles operation schemas written alike once: a second operation with the same request shares its function", () => {
    const original = model.operations.find((operation) => operation.operationId === "ordersPaymentsCreate")!;
    const twin = { ...original, operationId: "ordersPaymentsCreateAgain", methodName: "ordersPaymentsCreateAgain", path: `${original.path}again/` };
    const compiled = compiledOf({ ...model, operations: [...model.operations, twin] });
    expect(exported(compiled, "requestOrdersPaymentsCreate")).toMatch(/^validate\d+$/);
    expect(exported(compiled, "requestOrdersPaymentsCreateAgain")).toBe(exported(compiled, "requestOrdersPaymentsCreate"));
  });

  it("compiles each schema once: the function exported for a schema is the one its $refs call, never a copy", () => {
    const compiled = compiledOf(model);
    const functions = compiled.split(/(?=function validate\d+\()/).slice(1);
    const bodies = functions.map((text) => {
      const name = /^function (validate\d+)/.exec(text)![1]!;
      return text.replace(/export const [^;]*;/g, "").replaceAll(new RegExp(`\\b${name}\\b`, "g"), "SELF");
    });
    expect(bodies.length).toBeGreaterThan(5);
    expect(new Set(bodies).size).toBe(bodies.length);
    // Payment is exported and reached by $ref from Order: one function, called from Order's.
    const payment = exported(compiled, "schemaPayment")!;
    expect(compiled.match(new RegExp(`(?<!function )${payment}\\(data`, "g")), `calls of ${payment}`).not.toBeNull();
  });

  it("compiles a large subschema written alike in several places once, and calls it from each", async () => {
    const address = {
      type: "object",
      required: ["line1", "city", "country"],
      properties: Object.fromEntries(["line1", "line2", "line3", "city", "region", "postcode", "country", "phone", "email", "company"].map((name) => [name, { type: "string", maxLength: 80 }])),
      additionalProperties: false,
    };
    const shipping: ApiModel = {
      ...withSchemas(model, { Invoice: { type: "object", properties: { billing: address, total: { type: "integer" } } }, Shipment: { type: "object", properties: { to: address, from: address } } }),
      operations: [],
    };
    const generated = await generateValidatorsOf(shipping, "emit-shared-subschema", { types: false });
    const compiled = generated.files[VALIDATOR_FILES.compiled]!;
    const checking = compiled.split(/(?=function validate\d+\()/).filter((text) => text.includes("data.line3"));
    expect(checking, "functions that check the address").toHaveLength(1);
    const addressFunction = /^function (validate\d+)/.exec(checking[0]!)![1]!;
    expect(compiled.match(new RegExp(`(?<!function )${addressFunction}\\(data`, "g")), "calls of the address's function").toHaveLength(3);
    // The same verdicts and issues as Ajv compiling the schemas as written.
    const reference = runtimeReference(generated.model);
    const home = { line1: "1 Main St", city: "Springfield", country: "US" };
    for (const instance of [{ to: home, from: home }, { to: { ...home, city: 5 }, from: { line1: "x" } }, { to: { ...home, extra: 1 } }, { to: "nowhere" }]) {
      const ours = generated.module.schemaValidators["Shipment"]!(instance);
      expect([instance, ours.ok ? [] : ours.errors]).toEqual([instance, reference.judge("Shipment", instance).errors]);
    }
  });

  it("leaves out code that never changes a verdict: Ajv's messages and schema paths, and what no keyword of the spec reads", () => {
    const compiled = compiledOf(model);
    expect(compiled).not.toMatch(/\bmessage:/);
    expect(compiled).not.toContain("schemaPath");
    // Only coercion, defaults and $data read the parent and the root (all off); no schema of shop.yaml uses
    // $dynamicRef (dynamic anchors) or unevaluated* (what each function evaluated).
    for (const name of ["parentData", "rootData", "dynamicAnchors", "dynamicProps", '"props"']) expect(compiled, name).not.toContain(name);
    // A function is given where its data stands as a lazy path, spelled out only when an error reports it.
    expect(compiled).toMatch(/^function payspecPath\(at\)/m);
    expect(compiled).toMatch(/function validate\d+\(data, at\)\{/);
    expect(compiled).toMatch(/validate\d+\(data\d+(\[i\d+\])?, \{b: at, s: "\/lines\/", i: i\d+\}\)/);
  });

  it("keeps the tracking where unevaluatedProperties/unevaluatedItems need it, across $ref and allOf", async () => {
    const evaluated = await generateValidators(path.join(TEST_SPECS_DIR, "evaluated.yaml"), "emit-evaluated");
    expect(evaluated.files[VALIDATOR_FILES.compiled]).toContain("dynamicProps");
    const card = evaluated.module.schemaValidators["Card"]!;
    expect(card({ id: "c1", last4: "4242", brand: "visa" }).ok).toBe(true);
    expect(issues(card({ id: "c1", last4: "4242", cvv: "123" }))).toEqual([{ path: "cvv", keyword: "unevaluatedProperties" }]);
    const statement = evaluated.module.schemaValidators["Statement"]!;
    expect(statement({ card: { id: "c1", last4: "4242" }, lines: ["rent", 12.5] }).ok).toBe(true);
    expect(issues(statement({ card: { id: "c1", last4: "4242" }, lines: ["rent", 12.5, true] }))).toEqual([{ path: "lines", keyword: "unevaluatedItems" }]);
  });

  it("keeps compiled.js lean: no unused schema constants, error sites in their short form", () => {
    const compiled = compiledOf(model);
    for (const [, name] of compiled.matchAll(/\bconst (schema\d+) = /g)) {
      expect(compiled.split(new RegExp(`\\b${name}\\b`)).length - 1, `${name} is used`).toBeGreaterThan(1);
    }
    expect(compiled).not.toContain("if(vErrors === null){vErrors = [");
    expect(compiled).not.toMatch(/const err\d+ = /);
    expect(compiled).toContain("errors = (vErrors ??= []).push({instancePath");
  });

  it("compiles nothing on import: a fresh Node process validates without loading Ajv's compiler or the HTTP client", async () => {
    const generated = await generateValidators(SHOP, "emit-import");
    // A module-resolution hook (node:module register) records every module the import loads, ESM and CommonJS.
    const record = path.join(generated.dir, "loaded.txt");
    const hooks = path.join(generated.dir, "record-hooks.mjs");
    await writeFile(record, "");
    await writeFile(
      hooks,
      `import { appendFileSync } from "node:fs";\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(${JSON.stringify(record)}, result.url + "\\n");\n  return result;\n}\n`,
    );
    const script = [
      "import { register } from 'node:module';",
      `register(${JSON.stringify(pathToFileURL(hooks).href)});`,
      `const validators = await import(${JSON.stringify(pathToFileURL(path.join(generated.dir, "validators.ts")).href)});`,
      "const ok = validators.isOrderLine({ sku: 'A', quantity: 1, price: '1.00', id: 1 });",
      "const bad = validators.validateOrderLine({ sku: 'A', quantity: 0, price: '1.00', id: 1 });",
      "console.log(JSON.stringify({ ok, bad }));",
    ].join("\n");
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    const { ok, bad } = JSON.parse(output.trim().split("\n").pop()!) as { ok: boolean; bad: ResultLike };
    expect(ok).toBe(true);
    expect(issues(bad)).toEqual([{ path: "quantity", keyword: "minimum" }]);
    const loaded = (await readFile(record, "utf8")).split("\n").filter((url) => url.includes("/node_modules/"));
    const packages = loaded.map((url) => url.replace(/.*\/node_modules\//, ""));
    expect(packages.some((file) => file.startsWith("ajv/dist/runtime/"))).toBe(true);
    // Formats are compiled in: ajv-formats' CommonJS module is not loaded at run time.
    expect(packages.filter((file) => file.startsWith("ajv-formats/"))).toEqual([]);
    for (const file of packages.filter((file) => file.startsWith("ajv/"))) expect(file).toMatch(/^ajv\/dist\/runtime\//);
    expect(packages.filter((file) => file.startsWith("openapi-fetch/"))).toEqual([]);
  });

  /** The SpecError emitValidators throws for `model`, whose problems name the spec's file and pointer. */
  function refusal(broken: ApiModel): SpecError {
    try {
      emitValidators(broken);
    } catch (error) {
      if (error instanceof SpecError) return error;
      throw error;
    }
    throw new Error("emitValidators accepted the broken schema");
  }

  it("names the schema Ajv cannot compile, by its pointer in the spec, and says what to do", () => {
    // Referred to by another schema too: the schema that fails is named, not the first one that reaches it.
    const broken: ApiModel = {
      ...model,
      schemas: { ...model.schemas, Aaa: { $ref: "#/components/schemas/Broken" }, Broken: { type: "object", properties: { a: { $ref: "#nowhere" } } } },
    };
    expect(refusal(broken).problems).toEqual([
      {
        file: model.file,
        pointer: "/components/schemas/Broken",
        message: "Ajv cannot compile this schema: can't resolve reference #nowhere from id #/components/schemas/Broken",
        hint: "fix the schema in the spec",
      },
    ]);
  });

  it("names the operation whose request Ajv cannot compile (a parameter's schema is inline, it has no name)", () => {
    const operations = model.operations.map((operation) =>
      operation.operationId !== "ordersPaymentsCreate"
        ? operation
        : { ...operation, parameters: operation.parameters.map((parameter) => (parameter.in === "path" ? { ...parameter, schema: { $ref: "#nowhere" } } : parameter)) },
    );
    const [problem] = refusal({ ...model, operations }).problems;
    expect(problem!.pointer).toBeUndefined();
    expect(problem!.message).toBe(
      "the request of operation ordersPaymentsCreate: Ajv cannot compile this schema: can't resolve reference #nowhere from id the request of operation ordersPaymentsCreate",
    );
  });

  it("lists every JSON Schema violation at its pointer in the spec", () => {
    const broken: ApiModel = {
      ...model,
      schemas: { ...model.schemas, Broken: { type: "object", required: ["a", "a"], properties: { n: { type: "number", multipleOf: 0 } } } },
    };
    expect(refusal(broken).problems.map(({ pointer, message }) => [pointer, message])).toEqual([
      ["/components/schemas/Broken/properties/n/multipleOf", "multipleOf must be > 0"],
      ["/components/schemas/Broken/required", "required must NOT have duplicate items (items ## 1 and 0 are identical)"],
    ]);
  });

  it("accepts `required` names declared in a sibling allOf member (valid JSON Schema, refused by Ajv's strictRequired)", () => {
    const extended: ApiModel = {
      ...model,
      schemas: { ...model.schemas, Extended: { allOf: [{ $ref: "#/components/schemas/AccountBase" }, { required: ["website"] }] } },
    };
    expect(emitValidators(extended).files[VALIDATOR_FILES.module]).toContain("export function isExtended(");
  });

  it("compiles formats the spec uses but nobody defines as annotations, says so in the module, and warns once per format", () => {
    const custom: ApiModel = {
      ...model,
      schemas: { ...model.schemas, Currency: { type: "string", format: "iso-4217" }, Currencies: { type: "array", items: { type: "string", format: "iso-4217" } } },
    };
    const { files, warnings } = emitValidators(custom);
    expect(files[VALIDATOR_FILES.module]).toContain("Formats kept as annotations (not checked): decimal, iso-4217.");
    expect(warnings).toEqual([
      {
        file: model.file,
        pointer: "/components/schemas/Currency/format",
        message: 'format "iso-4217" is not checked (no validator defines it) (2 places; the first is shown)',
      },
    ]);
  });
});

describe("emitValidators: what JSON Schema allows but cannot be checked as written", () => {
  let model: ApiModel;
  beforeAll(async () => {
    model = await loadSpec(SHOP);
  });
  const validatorsOf = (schemas: Record<string, JsonSchema>, label: string): Promise<Generated> => generateValidatorsOf(withSchemas(model, schemas), label);

  it("checks a pattern that is valid only without the u flag without it, and says so at its pointer", async () => {
    // `\-` outside a class: an identity escape the u flag refuses, as many real e-mail patterns have.
    const generated = await validatorsOf({ Code: { type: "string", pattern: "^[a-z]+\\-[0-9]+$" } }, "emit-pattern-plain");
    expect(generated.warnings).toEqual([
      { file: model.file, pointer: "/components/schemas/Code/pattern", message: "pattern is not a valid regular expression with the u flag: checked without it" },
    ]);
    const validate = generated.module.schemaValidators["Code"]!;
    expect(validate("abc-12").ok).toBe(true);
    expect(issues(validate("abc12"))).toEqual([{ path: "", keyword: "pattern" }]);
  });

  it("leaves a pattern that is not a valid regular expression unchecked, with a warning naming it", async () => {
    const generated = await validatorsOf({ Broken: { type: "string", pattern: "[unclosed", maxLength: 3 } }, "emit-pattern-invalid");
    expect(generated.warnings).toEqual([
      { file: model.file, pointer: "/components/schemas/Broken/pattern", message: "pattern is not a valid regular expression: not checked" },
    ]);
    const validate = generated.module.schemaValidators["Broken"]!;
    expect(validate("abc").ok).toBe(true);
    expect(issues(validate("abcd"))).toEqual([{ path: "", keyword: "maxLength" }]);
  });

  it("generates a loaded spec whose pattern does not compile, leaving that pattern unchecked at its pointer", async () => {
    const generated = await generateValidators(path.join(TEST_SPECS_DIR, "invalid-pattern.yaml"), "emit-invalid-pattern-spec");
    expect(generated.warnings.map(({ pointer, message }) => [pointer, message])).toEqual([
      ["/components/schemas/Reference/pattern", "pattern is not a valid regular expression: not checked"],
    ]);
    expect(generated.module.schemaValidators["Order"]!({ reference: "[anything" }).ok).toBe(true);
    expect(issues(generated.module.schemaValidators["Order"]!({ reference: 1 }))).toEqual([{ path: "reference", keyword: "type" }]);
  });

  it("keeps unknown keywords as annotations, with one warning per keyword", async () => {
    const generated = await validatorsOf(
      { Odd: { type: "object", properties: { a: { type: "string", maxLenght: 3 }, b: { type: "string", maxLenght: 4 } }, "x-vendor": true } },
      "emit-unknown-keyword",
    );
    expect(generated.warnings).toEqual([
      {
        file: model.file,
        pointer: "/components/schemas/Odd/properties/a/maxLenght",
        message: 'unknown keyword "maxLenght" is not checked (kept as an annotation) (2 places; the first is shown)',
      },
    ]);
    expect(generated.module.schemaValidators["Odd"]!({ a: "long string" }).ok).toBe(true);
  });
});

describe("emitValidators: OpenAPI conversions keep what the spec says", () => {
  it("does not require a readOnly property in a request when 3.0's nullable wraps it (readOnly, nullable, allOf [$ref])", async () => {
    const generated = await generateValidators(LEGACY, "emit-legacy30-readonly");
    const request = generated.module.operationValidators.createInvoice!.request!;
    expect(issues(request({ body: { amount: 5 } }))).toEqual([]);
    // The response still requires it, and takes null for it.
    const response = generated.module.operationValidators.createInvoice!.responses["201"]!;
    expect(issues(response({ amount: 5 }))).toEqual([{ path: "refund", keyword: "required" }]);
    expect(issues(response({ amount: 5, refund: null }))).toEqual([]);
  });

  it("keeps a `__proto__` key of the spec's schemas, and judges it as Ajv does", async () => {
    const model = await loadSpec(SHOP);
    const schemas = JSON.parse(
      '{"Odd": {"const": {"__proto__": 1}}, "Listed": {"enum": [{"__proto__": {"a": 1}}]}, "Named": {"type": "object", "properties": {"__proto__": {"type": "integer"}}}}',
    ) as Record<string, JsonSchema>;
    const generated = await generateValidatorsOf(withSchemas(model, schemas), "emit-proto");
    const odd = generated.module.schemaValidators["Odd"]!;
    expect(odd(JSON.parse('{"__proto__": 1}')).ok).toBe(true);
    expect(odd({}).ok).toBe(false);
    const listed = generated.module.schemaValidators["Listed"]!;
    expect(listed(JSON.parse('{"__proto__": {"a": 1}}')).ok).toBe(true);
    expect(listed({ a: 1 }).ok).toBe(false);
    // Ajv skips a property named `__proto__` in `properties`: the generated code must judge as Ajv does.
    const reference = runtimeReference(generated.model);
    for (const text of ['{"__proto__": 2}', '{"__proto__": "two"}', "{}"]) {
      expect(generated.module.schemaValidators["Named"]!(JSON.parse(text)).ok, text).toBe(reference.judge("Named", JSON.parse(text)).ok);
    }
  });
});
