/**
 * The client emitter on small specs written for each case: `x-payspec-paging` (read from the operation's extensions,
 * checked, walked by the generated client against a node:http server, typed), header inputs built from the model's
 * header parameters, one wording of a security scheme, titles with stray spaces, and the runtime's export names read
 * from its index.ts.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/errors.js";
import { loadSpec } from "../../generator/load.js";
import type { ApiModel } from "../../generator/model.js";
import { emitClient, requestBody } from "../../generator/emit/client.js";
import { runtimeExportNames } from "../../generator/emit/index-file.js";
import { emitReadme, defaultUsage } from "../../generator/emit/readme.js";
import { schemeWording } from "../../generator/emit/security.js";
import { generate, generateFromModel, readRuntimeFiles, TEMPLATES_RUNTIME_DIR } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { compileUnder } from "../support/user-tsconfigs.js";
import { REPO, tempDir, typecheck } from "./helpers.js";

const REFUNDS_SPEC = (paging: string) => `openapi: 3.1.0
info: { title: "Refunds ", version: "2.0 " }
servers: [{ url: https://api.example.test }]
security: [{ key: [] }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Auth-Token, description: "Store token." }
  schemas:
    Refund:
      type: object
      required: [id, amount]
      properties: { id: { type: integer }, amount: { type: string } }
paths:
  /refunds:
    get:
      operationId: listRefunds
${paging}
      parameters:
        - { name: page, in: query, schema: { type: integer } }
        - { name: limit, in: query, schema: { type: integer, default: 2 } }
      responses:
        "200":
          description: A page of refunds.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: { type: array, items: { $ref: "#/components/schemas/Refund" } }
                  meta: { type: object }
`;

const PAGING = `      x-payspec-paging:
        page: page
        size: limit
        items: /data
        totalPages: /meta/pagination/total_pages
        x-inferred: a note the extension may carry`;

async function specFile(name: string, text: string): Promise<string> {
  const dir = await tempDir(name);
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(file, text);
  return file;
}

async function rejection(promise: Promise<unknown>): Promise<SpecError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error("expected a SpecError");
}

describe("x-payspec-paging", () => {
  it("makes the method walkable with for await, typed per item, and walks every page of a real server", async () => {
    const file = await specFile("refunds", REFUNDS_SPEC(PAGING));
    const out = path.join(path.dirname(file), "refunds");
    await writeOutputFolder(out, (await generate(file)).files);
    const usage = path.join(path.dirname(file), "usage.ts");
    await writeFile(
      usage,
      `import { RefundsClient, type ListRefundsItem, type Refund } from "./refunds/index.js";
declare const client: RefundsClient;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): void {}
export async function usage(): Promise<void> {
  assertType<Equal<ListRefundsItem, Refund>>();
  for await (const refund of client.listRefunds({ query: { limit: 10 } })) {
    const amount: string = refund.amount;
    void amount;
  }
  const page = await client.listRefunds();
  const first: Refund | undefined = page.data?.[0];
  void first;
}
`,
    );
    expect(typecheck([usage])).toEqual([]);

    const server = createServer((request, response) => {
      const page = Number(new URL(request.url ?? "", "http://x").searchParams.get("page") ?? 1);
      const data = page <= 2 ? [{ id: page * 10 + 1, amount: "1.00" }, { id: page * 10 + 2, amount: "2.50" }] : [{ id: 31, amount: "9.99" }];
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data, meta: {} }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { RefundsClient } = (await import(path.join(out, "index.ts"))) as { RefundsClient: new (options: object) => { listRefunds(): AsyncIterable<{ id: number }> } };
      const client = new RefundsClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials: { key: "k_0123456789" } });
      const ids: number[] = [];
      for await (const refund of client.listRefunds()) ids.push(refund.id);
      // Pages of 2 (the limit's default) until a shorter page.
      expect(ids).toEqual([11, 12, 21, 22, 31]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each([
    ["names a parameter the operation does not have", PAGING.replace("page: page", "page: p"), 'page must name one of the operation\'s query parameters, found "p" (its query parameters are limit, page)'],
    ["points items at a property the schema does not declare", PAGING.replace("items: /data", "items: /refunds"), 'items "/refunds" names no property of the 200 response\'s schema ("refunds")'],
    ["points items at something that is not an array", PAGING.replace("items: /data", "items: /meta"), 'items "/meta" is not an array in the 200 response\'s schema'],
    ["has a key it does not know", `${PAGING}\n        total_pages: /x`, 'has unknown keys "total_pages" (its keys are page, size, items, totalPages, firstPage)'],
    ["is not an object", "      x-payspec-paging: true", "must be an object"],
  ])("is a located spec error when it %s", async (_case, paging, message) => {
    const file = await specFile("bad-paging", REFUNDS_SPEC(paging));
    const error = await rejection(generate(file));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file, pointer: "/paths/~1refunds/get/x-payspec-paging" });
    expect(error.message).toContain(`listRefunds: x-payspec-paging ${message}`);
  });
});

describe("inputs and wording", () => {
  it("types the header input from the model's header parameters only (Accept, Content-Type, Authorization dropped by the loader)", async () => {
    const file = await specFile(
      "headers",
      `openapi: 3.1.0
info: { title: Headers, version: "1" }
servers: [{ url: https://api.example.test }]
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer } }
        - { name: Accept, in: header, required: true, schema: { type: string } }
        - { name: Authorization, in: header, required: true, schema: { type: string } }
        - { name: X-Request-Id, in: header, schema: { type: string } }
      responses:
        "200": { description: An order., content: { application/json: { schema: { type: object } } } }
`,
    );
    const loaded = await loadSpec(file);
    // What the loader does with OpenAPI's ignored header parameters (issue 12): the model keeps the others only.
    const ignored = new Set(["accept", "content-type", "authorization"]);
    const model: ApiModel = {
      ...loaded,
      operations: loaded.operations.map((operation) => ({
        ...operation,
        parameters: operation.parameters.filter((parameter) => !(parameter.in === "header" && ignored.has(parameter.name.toLowerCase()))),
      })),
    };
    const out = path.join(path.dirname(file), "headers");
    await writeOutputFolder(out, await generateFromModel(model));
    const usage = path.join(path.dirname(file), "usage.ts");
    await writeFile(
      usage,
      `import { HeadersClient } from "./headers/index.js";
declare const client: HeadersClient;
export async function usage(): Promise<void> {
  await client.getOrder({ path: { id: 1 } });
  await client.getOrder({ path: { id: 1 }, header: { "X-Request-Id": "r1" } });
  // @ts-expect-error: Accept is not an input
  await client.getOrder({ path: { id: 1 }, header: { Accept: "application/json" } });
}
`,
    );
    expect(typecheck([usage])).toEqual([]);
  });

  it("says what a credential is in one wording, in client.ts and README.md alike", async () => {
    const model = await loadSpec(await specFile("wording", REFUNDS_SPEC(PAGING)));
    const wording = schemeWording(model.securitySchemes["key"]!);
    expect(wording).toBe("API key (string), sent in the header `X-Auth-Token`. Store token.");
    expect(emitClient(model)).toContain(`/** ${wording} */`);
    const readme = emitReadme(model, defaultUsage(model.name));
    expect(readme).toContain(`| \`credentials.key\` | ${wording} |`);
    expect(readme).toContain(`- \`key\`: ${wording}`);
  });

  it("leaves no stray space from a title or version that ends in one", async () => {
    const model = await loadSpec(await specFile("spaces", REFUNDS_SPEC(PAGING)));
    expect(emitReadme(model, defaultUsage(model.name)).split("\n")[0]).toBe("# RefundsClient: Refunds 2.0");
    expect(emitClient(model)).toContain(" * Client of Refunds (version 2.0).");
  });
});

describe("specs at the edges", () => {
  it("compile under the strictest user configs with reserved words as schema names, no server and no operation", async () => {
    const file = await specFile(
      "edges",
      `openapi: 3.0.3
info: { title: Edges, version: "1" }
paths: {}
components:
  schemas:
    import: { type: object, properties: { type: { $ref: "#/components/schemas/type" } } }
    type: { type: string }
    default: { type: integer }
`,
    );
    const out = path.join(path.dirname(file), "edges");
    await writeOutputFolder(out, (await generate(file)).files);
    const index = await readFile(path.join(out, "index.ts"), "utf8");
    expect(index).toContain('export type Import = components["schemas"]["import"];');
    expect(index).toContain('export type Default = components["schemas"]["default"];');
    for (const config of ["vite", "strictest"] as const) expect(compileUnder(config, [path.join(out, "index.ts")], REPO)).toEqual([]);
  });
});

describe("request bodies", () => {
  it("are sent by the runtime encoding the declared media type calls for, imported only when used", () => {
    expect(["application/json", "application/json; charset=utf-8", "*/*"].map((mediaType) => requestBody(mediaType))).toEqual([undefined, undefined, undefined]);
    expect(requestBody("application/merge-patch+json")).toEqual({ literal: '{ contentType: "application/merge-patch+json" }', uses: [] });
    expect(requestBody("application/x-www-form-urlencoded")).toEqual({ literal: "formBody", uses: ["formBody"] });
    expect(requestBody("multipart/form-data")).toEqual({ literal: "multipartBody", uses: ["multipartBody"] });
    // A form body whose `encoding` styles fields (Stripe's): those styles, OpenAPI's default explode; other styles are no query style.
    expect(requestBody("application/x-www-form-urlencoded", { metadata: { style: "deepObject", explode: true }, tags: { style: "pipeDelimited" }, file: { style: "simple" } })).toEqual({
      literal: 'formBodyWith({ metadata: { style: "deepObject", explode: true }, tags: { style: "pipeDelimited", explode: false } })',
      uses: ["formBodyWith"],
    });
    expect(requestBody("application/x-www-form-urlencoded", { file: { style: "simple" } })).toEqual({ literal: "formBody", uses: ["formBody"] });
    expect(requestBody("text/plain")).toEqual({ literal: '{ serialize: bodyAsGiven, contentType: "text/plain" }', uses: ["bodyAsGiven"] });
    expect(requestBody("image/*")).toEqual({ literal: "{ serialize: bodyAsGiven, contentType: null }", uses: ["bodyAsGiven"] });
  });
});

describe("runtime parts only some specs need", () => {
  const spec = (parameters: string, scheme: string) => `openapi: 3.1.0
info: { title: Shop, version: "1" }
servers: [{ url: https://api.example.test }]
security: [{ key: [] }]
components:
  securitySchemes:
    key: ${scheme}
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer } }
${parameters}
      responses:
        "200": { description: An order., content: { application/json: { schema: { type: object } } } }
`;
  const HEADER_KEY = "{ type: apiKey, in: header, name: X-Key }";

  it("are imported only by a client whose spec needs them: query or cookie parameters or credentials, operations safe to repeat, GETs", async () => {
    const parts = async (parameters: string, scheme: string, method = "get"): Promise<string> => {
      const client = emitClient(await loadSpec(await specFile("parts", spec(parameters, scheme).replace("    get:", `    ${method}:`))));
      const [, passed] = /module\.responseValidators\),\n([^]*?)\s*\},\n\s*\);/.exec(client)!;
      return passed!.split("\n").map((line) => `, ${line.trim().replace(/,$/, "")}`).join("").replace(/^, $/, "");
    };
    expect(await parts("", HEADER_KEY, "post")).toBe("");
    expect(await parts("", HEADER_KEY, "patch")).toBe("");
    expect(await parts("", HEADER_KEY, "put")).toBe(", retries: retryWaits");
    expect(await parts("", HEADER_KEY)).toBe(", retries: retryWaits, redirects: fetchFollowing");
    expect(await parts("        - { name: expand, in: query, schema: { type: array, items: { type: string } }, explode: false }", HEADER_KEY, "post")).toBe(
      ", query: querySerializerFor",
    );
    expect(await parts("", "{ type: apiKey, in: query, name: api_key }", "post")).toBe(", query: querySerializerFor");
    expect(await parts("        - { name: locale, in: cookie, schema: { type: string } }", HEADER_KEY, "post")).toBe(", cookies: withCookies");
    expect(await parts("", "{ type: apiKey, in: cookie, name: session }", "post")).toBe(", cookies: withCookies");
    // What it imports is what it passes (an unused import fails noUnusedLocals).
    const postOnly = emitClient(await loadSpec(await specFile("parts", spec("", HEADER_KEY).replace("    get:", "    post:"))));
    expect(postOnly).not.toMatch(/querySerializerFor|withCookies|retryWaits|fetchFollowing/);
  });

  it("send query styles, cookie parameters and credentials from the generated client, against a real server", async () => {
    const file = await specFile(
      "parts-run",
      spec(
        ["        - { name: expand, in: query, schema: { type: array, items: { type: string } }, explode: false }", "        - { name: locale, in: cookie, schema: { type: string } }"].join("\n"),
        "{ type: apiKey, in: cookie, name: session }",
      ),
    );
    const out = path.join(path.dirname(file), "shop");
    await writeOutputFolder(out, (await generate(file)).files);
    const seen: { url: string; cookie: string | undefined }[] = [];
    const server = createServer((request, response) => {
      seen.push({ url: request.url ?? "", cookie: request.headers.cookie });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { ShopClient } = (await import(path.join(out, "index.ts"))) as { ShopClient: new (options: object) => { getOrder(input: object): Promise<unknown> } };
      const client = new ShopClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials: { key: "s_0123456789" } });
      await client.getOrder({ path: { id: 1 }, query: { expand: ["lines", "refunds"] }, cookie: { locale: "en" } });
      expect(seen).toEqual([{ url: "/orders/1?expand=lines,refunds", cookie: "locale=en; session=s_0123456789" }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("the runtime's export names", () => {
  it("are read from its index.ts, and are exactly what TypeScript sees it export", async () => {
    const names = runtimeExportNames(await readRuntimeFiles(TEMPLATES_RUNTIME_DIR));
    const program = ts.createProgram([path.join(TEMPLATES_RUNTIME_DIR, "index.ts")], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
    const checker = program.getTypeChecker();
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(path.join(TEMPLATES_RUNTIME_DIR, "index.ts"))!)!;
    const exported = checker.getExportsOfModule(symbol).map((entry) => entry.name);
    expect([...names].sort()).toEqual([...exported].sort());
    expect(names).toEqual(expect.arrayContaining(["ClientCore", "RedirectError", "ResponseTooLargeError", "PagePromise", "QuerySerializer"]));
  });

  it("refuse an index.ts that re-exports with export *", () => {
    expect(() => runtimeExportNames({ "index.ts": 'export * from "./errors.js";' })).toThrow(/must list its exports by name/);
  });
});
