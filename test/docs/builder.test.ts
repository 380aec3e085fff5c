/** The docs builder's reading of the model, its samples, its landing page and its refusals, without a browser. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildDocs } from "../../docs/build.js";
import { typescriptSample } from "../../docs/code-sample.js";
import { describeApi } from "../../docs/describe-api.js";
import { redocOperationAnchor, redocUntaggedAnchor } from "../../docs/redoc-anchor.js";
import { documentForRedoc } from "../../docs/redoc-document.js";
import { renderLandingPage } from "../../docs/render-landing.js";
import { findRemoteLoads, inlineRemoteAssets, redoclyCli, REDOCLY_CLI_MISSING, sampleLanguages } from "../../docs/render-redoc-page.js";
import { SpecError } from "../../generator/errors.js";
import { loadSpec } from "../../generator/load.js";
import { findChromium } from "./chromium.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SHOP = join(import.meta.dirname, "fixtures", "specs", "shop.yaml");
const LEDGER = join(import.meta.dirname, "fixtures", "user", "ledger.yaml");
/** Inside the repository, so that paths in messages stay short; emptied after each test. */
const TEMPORARY = join(ROOT, "test-output", "docs", "builder");

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  await mkdir(TEMPORARY, { recursive: true });
  const dir = await mkdtemp(join(TEMPORARY, "case-"));
  temporary.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function specFile(dir: string, name: string, lines: readonly string[]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}

describe("describeApi (from the generator's model)", () => {
  it("reads versions from info.version and single-valued *version* headers (const, enum of one, $ref'd, operation over path level)", async () => {
    const api = describeApi(await loadSpec(SHOP));
    expect(api.versions).toEqual([
      { value: "1.2.0", source: "info.version" },
      { value: "2024-04-01", source: "header X-Shop-Api-Version" },
      { value: "2023-02-10", source: "header X-Shop-Api-Version" },
    ]);
    expect(api.operations.map((operation) => operation.versionHeaders)).toEqual([
      [{ name: "X-Shop-Api-Version", value: "2024-04-01" }],
      [{ name: "X-Shop-Api-Version", value: "2023-02-10" }],
    ]);
  });

  it("reads servers with their variables, and auth schemes with the scopes operations use", async () => {
    const api = describeApi(await loadSpec(SHOP));
    expect(api.servers).toEqual([
      {
        url: "https://{store}.example.test/api/admin",
        description: "Store admin API",
        variables: [{ name: "store", default: "demo", enum: [], description: "The store's subdomain." }],
      },
    ]);
    expect(api.auth.map(({ name, kind, scopes }) => ({ name, kind, scopes }))).toEqual([
      { name: "apiKey", kind: "API key in header Authorization", scopes: [] },
      // orders:read is declared by the scheme but required by no operation: not listed.
      { name: "oauth", kind: "OAuth 2.0", scopes: ["transactions:write"] },
    ]);
  });

  it("lists operations with their client method, payment actions and links into the Redoc page", async () => {
    const api = describeApi(await loadSpec(SHOP, { clientName: "ShopClient" }));
    expect(api.clientName).toBe("ShopClient");
    expect(api.operations.map(({ method, path, summary, methodName, href, actions }) => ({ method, path, summary, methodName, href, actions }))).toEqual([
      {
        method: "POST",
        path: "/orders/{number}/collect-payment/",
        summary: "Collect an order's outstanding balance",
        methodName: "ordersCollectPayment",
        href: "shop.html#/orders-and-payments/orderscollectpayment",
        actions: ["collect-balance"],
      },
      {
        method: "POST",
        path: "/transactions/{id}/capture/",
        summary: "Capture a transaction",
        methodName: "transactionsCapture",
        href: "shop.html#/transactions/transactionscapture",
        actions: ["capture", "partial-capture"],
      },
    ]);
  });

  it("links an untagged operation, and one whose operationId the model derived, to Redoc's routes for them", async () => {
    const api = describeApi(await loadSpec(LEDGER));
    const byPath = (method: string, path: string) => api.operations.find((operation) => operation.method === method && operation.path === path);
    expect(byPath("GET", "/status")?.href).toBe("ledger.html#/other/getstatus");
    expect(byPath("POST", "/accounts/{accountId}/close")?.href).toBe("ledger.html#/accounts/postaccountsbyaccountidclose");
    expect(api.operations.every((operation) => operation.actions.length === 0)).toBe(true);
  });

  it("rejects an x-payment-actions value outside the vocabulary as a spec error naming the file, operation and pointer", async () => {
    const file = await specFile(await tempDir(), "bad.yaml", [
      "openapi: 3.1.0",
      "info: { title: Bad, version: '1' }",
      "paths:",
      "  /x:",
      "    post:",
      "      operationId: doThing",
      "      x-payment-actions: [capture, chargeback]",
      "      responses: { '200': { description: ok } }",
    ]);
    const model = await loadSpec(file);
    let error: unknown;
    try {
      describeApi(model);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems).toEqual([
      expect.objectContaining({ file, pointer: "/paths/~1x/post/x-payment-actions", message: expect.stringMatching(/doThing \(POST \/x\).*"chargeback".*not in the vocabulary/) }),
    ]);
  });
});

describe("Redoc anchors", () => {
  it("slug tag names as Redoc 3 does and lower-case the operationId; untagged operations live under other/", () => {
    expect(redocOperationAnchor("Payment Collections", "createPaymentCollection")).toBe("#/payment-collections/createpaymentcollection");
    expect(redocOperationAnchor("Orders & Payments", "ordersCollectPayment")).toBe("#/orders-and-payments/orderscollectpayment");
    expect(redocUntaggedAnchor("orders.list")).toBe("#/other/orders.list");
  });
});

describe("documentForRedoc", () => {
  it("puts a TypeScript sample first on every operation, keeps the spec's own (both spellings) and leaves the model as it was", async () => {
    const dir = await tempDir();
    const file = await specFile(dir, "samples.yaml", [
      "openapi: 3.1.0",
      "info: { title: Samples, version: '1' }",
      "paths:",
      "  /a:",
      "    get:",
      "      operationId: getA",
      "      x-code-samples: [{ lang: Shell, label: curl, source: curl /a }]",
      "      responses: { '204': { description: ok } }",
      "    post:",
      "      x-codeSamples: [{ lang: Python, source: post_a() }]",
      "      responses: { '204': { description: ok } }",
    ]);
    const model = await loadSpec(file);
    const before = JSON.stringify(model.document);
    const document = documentForRedoc(model, { importFrom: "./samples/index.js" });
    expect(JSON.stringify(model.document)).toBe(before);
    const paths = document["paths"] as Record<string, Record<string, Record<string, unknown>>>;
    const get = paths["/a"]!["get"]!;
    const post = paths["/a"]!["post"]!;
    expect((get["x-codeSamples"] as { label: string }[]).map((sample) => sample.label)).toEqual(["TypeScript", "curl"]);
    expect(get["x-code-samples"]).toBeUndefined();
    expect((post["x-codeSamples"] as { lang: string }[]).map((sample) => sample.lang)).toEqual(["TypeScript", "Python"]);
    // The operationId the model derived, which names the client method, is the one Redoc routes by.
    expect(post["operationId"]).toBe("postA");
    expect(sampleLanguages(document)).toEqual([{ lang: "TypeScript" }, { lang: "curl" }, { lang: "Python" }, { lang: "Payload" }]);
  });

  it("gives each path of a shared $ref'd path item its own samples", async () => {
    const file = await specFile(await tempDir(), "shared.yaml", [
      "openapi: 3.1.0",
      "info: { title: Shared, version: '1' }",
      "paths:",
      "  /v1/ping: { $ref: '#/components/pathItems/Ping' }",
      "  /v2/ping: { $ref: '#/components/pathItems/Ping' }",
      "components:",
      "  pathItems:",
      "    Ping:",
      "      get:",
      "        responses: { '204': { description: ok } }",
    ]);
    const model = await loadSpec(file);
    const paths = documentForRedoc(model, { importFrom: "./shared/index.js" })["paths"] as Record<string, Record<string, Record<string, unknown>>>;
    const sources = ["/v1/ping", "/v2/ping"].map((path) => (paths[path]!["get"]!["x-codeSamples"] as { source: string }[]).map((sample) => sample.source));
    expect(sources[0]).toEqual([expect.stringContaining("client.getV1Ping()")]);
    expect(sources[1]).toEqual([expect.stringContaining("client.getV2Ping()")]);
  });
});

describe("typescriptSample", () => {
  it("gives a spec without servers a baseUrl, ends a recursive body, and quotes keys that are not identifiers", async () => {
    const file = await specFile(await tempDir(), "tree.yaml", [
      "openapi: 3.1.0",
      "info: { title: Tree API, version: '1' }",
      "paths:",
      "  /nodes:",
      "    post:",
      "      operationId: createNode",
      "      requestBody:",
      "        required: true",
      "        content: { application/json: { schema: { $ref: '#/components/schemas/Node' } } }",
      "      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Node' } } } } }",
      "components:",
      "  schemas:",
      "    Node:",
      "      type: object",
      "      required: [display-name, children, parent]",
      "      properties:",
      "        display-name: { type: string }",
      "        children: { type: array, items: { $ref: '#/components/schemas/Node' } }",
      "        parent: { $ref: '#/components/schemas/Node' }",
    ]);
    const model = await loadSpec(file);
    const { lang, label, source } = typescriptSample(model, model.operations[0]!, { importFrom: "./tree/index.js" });
    expect({ lang, label }).toEqual({ lang: "TypeScript", label: "TypeScript" });
    expect(source).toContain('import { TreeClient } from "./tree/index.js";');
    expect(source).toContain('const client = new TreeClient({\n  baseUrl: "https://api.example.com",\n});');
    expect(source).toContain('"display-name": "string"');
    expect(source).toMatch(/^const result = await client\.createNode\(\{\n {2}body: \{\n/m);
    expect(source.length).toBeLessThan(2000);
  });
});

describe("renderLandingPage", () => {
  const api = {
    name: "evil",
    page: "evil.html",
    title: 'Evil <img src=x onerror="alert(1)">',
    shortTitle: "Evil <b>",
    description: "<script>alert(1)</script>",
    openapi: "3.1.0",
    clientName: "EvilClient",
    versions: [{ value: "<v>", source: "info.version" }],
    servers: [{ url: "https://x/<y>", description: "", variables: [] }],
    auth: [],
    operations: [
      {
        operationId: "op",
        methodName: "op",
        method: "GET",
        path: "/a/<b>",
        summary: "S & <i>",
        tag: "T",
        deprecated: false,
        href: 'evil.html#/t/op"><script>',
        actions: [] as const,
        versionHeaders: [],
      },
    ],
  };

  it("escapes every text that comes from a spec", () => {
    const html = renderLandingPage({ sources: ["evil.yaml"], apis: [api] });
    for (const raw of ["<img src=x", "<script>", "Evil <b>", "<i>", "<y>", "<v>", "/a/<b>", '"><script']) expect(html).not.toContain(raw);
    expect(html).toContain("Evil &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("S &amp; &lt;i&gt;");
    expect(html).toContain('href="evil.html#/t/op&quot;&gt;&lt;script&gt;"');
  });

  it("shows the payment-action table and column only when some operation carries x-payment-actions", () => {
    const plain = renderLandingPage({ sources: [], apis: [api] });
    expect(plain).not.toContain('id="payment-actions"');
    expect(plain).not.toContain("Payment actions");
    expect(plain).toContain("<h1>API reference</h1>");
    const paying = renderLandingPage({ sources: [], apis: [{ ...api, operations: [{ ...api.operations[0]!, actions: ["capture"] as const }] }] });
    expect(paying).toContain('id="payment-actions"');
    expect(paying).toContain('<th scope="col">Payment actions</th>');
    expect(paying).toContain("<h1>Payment API reference</h1>");
    expect(renderLandingPage({ sources: [], apis: [api], title: "Acme APIs" })).toContain("<h1>Acme APIs</h1>");
  });
});

describe("offline Redoc page", () => {
  it("replaces Redoc's remote logo and reports anything else that would load from the network", () => {
    const page = 'x src:`https://cdn.redoc.ly/redoc/logo-mini-full.svg` y <script src="https://cdn.example/redoc.js"></script>';
    const inlined = inlineRemoteAssets(page);
    expect(inlined).not.toContain("cdn.redoc.ly");
    expect(findRemoteLoads(inlined)).toEqual([expect.stringContaining("https://cdn.example/redoc.js")]);
  });

  it("says what to install when @redocly/cli is missing", () => {
    const missing = (specifier: string): string => {
      throw Object.assign(new Error(`Cannot find module '${specifier}'`), { code: "MODULE_NOT_FOUND" });
    };
    expect(() => redoclyCli(missing)).toThrow(REDOCLY_CLI_MISSING);
    expect(REDOCLY_CLI_MISSING).toContain("npm i -D @redocly/cli@^2");
  });
});

describe("buildDocs refuses, writing nothing", () => {
  it("an output folder that holds the working folder or a spec (it is replaced whole)", async () => {
    await expect(buildDocs({ apis: [{ spec: SHOP }], outDir: ROOT })).rejects.toThrow(/Refusing to write the docs to .*: it is replaced whole and holds/);
    await expect(buildDocs({ apis: [{ spec: SHOP }], outDir: join(SHOP, "..") })).rejects.toThrow(/Refusing.*holds .*shop\.yaml/);
  });

  it("a folder with files of its own, which stays as it was", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "notes.txt"), "mine");
    await expect(buildDocs({ apis: [{ spec: SHOP }], outDir: dir })).rejects.toThrow(/Refusing to replace .*: it holds files and is not a docs site built by payspec/);
    expect(await readdir(dir)).toEqual(["notes.txt"]);
  });

  it("bad specs, reporting every spec's problems, and leaves the existing site as it was", async () => {
    const dir = await tempDir();
    const site = join(dir, "site");
    await mkdir(site);
    await writeFile(join(site, "index.html"), '<meta name="generator" content="payspec docs" /> the old site');
    const missingRef = await specFile(dir, "missing-ref.yaml", [
      "openapi: 3.1.0",
      "info: { title: A, version: '1' }",
      "paths:",
      "  /a:",
      "    get:",
      "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Nope' } } } } }",
    ]);
    const badAction = await specFile(dir, "bad-action.yaml", [
      "openapi: 3.1.0",
      "info: { title: B, version: '1' }",
      "paths:",
      "  /b:",
      "    post:",
      "      x-payment-actions: [chargeback]",
      "      responses: { '204': { description: ok } }",
    ]);
    const error = await buildDocs({ apis: [{ spec: missingRef }, { spec: badAction }], outDir: site }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems.map((problem) => problem.file)).toEqual([missingRef, badAction]);
    // Each located in its file, the model's problem too (line of its pointer).
    expect((error as SpecError).problems.map((problem) => problem.line)).toEqual([6, 6]);
    expect(await readdir(site)).toEqual(["index.html"]);
    expect(await readFile(join(site, "index.html"), "utf8")).toContain("the old site");
  });

  it("two specs with one page name, a name that is no file name, or no spec at all", async () => {
    const outDir = join(await tempDir(), "site");
    await expect(buildDocs({ apis: [{ spec: SHOP }, { spec: LEDGER, name: "shop" }], outDir })).rejects.toThrow(/shop\.yaml and .*ledger\.yaml would both be shop\.html/);
    await expect(buildDocs({ apis: [{ spec: SHOP, name: "index" }], outDir })).rejects.toThrow(/cannot name its page "index\.html"/);
    await expect(buildDocs({ apis: [{ spec: SHOP, name: "../up" }], outDir })).rejects.toThrow(/cannot name its page/);
    await expect(buildDocs({ apis: [], outDir })).rejects.toThrow(/No spec to document/);
  });
});

describe("findChromium", () => {
  it("fails with the command that installs a browser when none is on the machine", () => {
    expect(() => findChromium({}, ["/nonexistent/chromium", undefined])).toThrow(
      "No Chromium found. Install it with: apt-get install -y chromium (or set PAYSPEC_CHROMIUM=/path/to/chrome)",
    );
  });

  it("fails with the command that installs a browser when PAYSPEC_CHROMIUM points at nothing", () => {
    expect(() => findChromium({ PAYSPEC_CHROMIUM: "/nonexistent/chrome" })).toThrow(
      "No Chromium found. Install it with: apt-get install -y chromium (or set PAYSPEC_CHROMIUM=/path/to/chrome)",
    );
  });
});
