/** The docs builder's reading of a spec and its landing page, on a small fixture spec (no browser). */
import { mkdtemp, rm, writeFile, mkdir, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildDocs } from "../../docs/build.js";
import { describePlatform } from "../../docs/describe-platform.js";
import { loadSpec, loadSpecs } from "../../docs/load-specs.js";
import { redocOperationAnchor } from "../../docs/redoc-anchor.js";
import { renderLandingPage } from "../../docs/render-landing.js";
import { findRemoteLoads, inlineRemoteAssets } from "../../docs/render-redoc-page.js";
import { findChromium } from "./chromium.js";

const FIXTURE_SPECS = join(import.meta.dirname, "fixtures", "specs");
const SHOP = join(FIXTURE_SPECS, "shop.yaml");

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "payspec-docs-"));
  temporary.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("describePlatform", () => {
  it("reads versions from info.version and single-valued *version* headers (const, enum of one, $ref'd, operation over path level)", async () => {
    const platform = describePlatform(await loadSpec(SHOP));
    expect(platform.versions).toEqual([
      { value: "1.2.0", source: "info.version" },
      { value: "2024-04-01", source: "header X-Shop-Api-Version" },
      { value: "2023-02-10", source: "header X-Shop-Api-Version" },
    ]);
    expect(platform.operations.map((operation) => operation.versionHeaders)).toEqual([
      [{ name: "X-Shop-Api-Version", value: "2024-04-01" }],
      [{ name: "X-Shop-Api-Version", value: "2023-02-10" }],
    ]);
  });

  it("reads servers with their variables, and auth schemes with the scopes operations use", async () => {
    const platform = describePlatform(await loadSpec(SHOP));
    expect(platform.servers).toEqual([
      {
        url: "https://{store}.example.test/api/admin",
        description: "Store admin API",
        variables: [{ name: "store", default: "demo", enum: [], description: "The store's subdomain." }],
      },
    ]);
    expect(platform.auth.map(({ name, kind, scopes }) => ({ name, kind, scopes }))).toEqual([
      { name: "apiKey", kind: "API key in header Authorization", scopes: [] },
      // orders:read is declared by the scheme but required by no operation: not listed.
      { name: "oauth", kind: "OAuth 2.0 (clientCredentials)", scopes: ["transactions:write"] },
    ]);
  });

  it("lists operations with their payment actions and links into the Redoc page", async () => {
    const platform = describePlatform(await loadSpec(SHOP));
    expect(platform.operations.map(({ method, path, summary, href, actions }) => ({ method, path, summary, href, actions }))).toEqual([
      {
        method: "POST",
        path: "/orders/{number}/collect-payment/",
        summary: "Collect an order's outstanding balance",
        href: "shop.html#/orders-and-payments/orderscollectpayment",
        actions: ["collect-balance"],
      },
      {
        method: "POST",
        path: "/transactions/{id}/capture/",
        summary: "Capture a transaction",
        href: "shop.html#/transactions/transactionscapture",
        actions: ["capture", "partial-capture"],
      },
    ]);
  });

  it("rejects an x-payment-actions value outside the vocabulary, naming the file and operation", async () => {
    const dir = await tempDir();
    const file = join(dir, "bad.yaml");
    await writeFile(
      file,
      [
        "openapi: 3.1.0",
        "info: { title: Bad, version: '1' }",
        "paths:",
        "  /x:",
        "    post:",
        "      operationId: doThing",
        "      x-payment-actions: [capture, chargeback]",
        "      responses: { '200': { description: ok } }",
      ].join("\n"),
    );
    const spec = await loadSpec(file);
    expect(() => describePlatform(spec)).toThrow(/bad\.yaml: operation doThing \(POST \/x\).*"chargeback".*not in the vocabulary/);
  });
});

describe("loadSpecs", () => {
  it("fails clearly on an empty specs folder", async () => {
    const dir = await tempDir();
    await expect(loadSpecs(dir)).rejects.toThrow(/No spec found in .*expected one or more \*\.yaml/);
  });

  it("fails naming the file when a top-level file is not an OpenAPI document", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "notes.yaml"), "hello: world\n");
    await expect(loadSpecs(dir)).rejects.toThrow(/Cannot load .*notes\.yaml/);
  });

  it("bundles split specs: parts in a sub-folder are not taken as specs", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "shop"));
    await copyFile(SHOP, join(dir, "shop.yaml"));
    await copyFile(join(FIXTURE_SPECS, "shop", "order.yaml"), join(dir, "shop", "order.yaml"));
    const specs = await loadSpecs(dir);
    expect(specs.map((spec) => spec.name)).toEqual(["shop"]);
    expect(JSON.stringify(specs[0]!.document)).not.toContain("order.yaml");
  });
});

describe("redocOperationAnchor", () => {
  it("slugs tag names as Redoc 3 does and lower-cases the operationId", () => {
    expect(redocOperationAnchor("Payment Collections", "createPaymentCollection")).toBe("#/payment-collections/createpaymentcollection");
    expect(redocOperationAnchor("Orders & Payments", "ordersCollectPayment")).toBe("#/orders-and-payments/orderscollectpayment");
  });
});

describe("renderLandingPage", () => {
  it("escapes every text that comes from a spec", () => {
    const html = renderLandingPage({
      sources: ["specs/evil.yaml"],
      platforms: [
        {
          name: "evil",
          page: "evil.html",
          title: 'Evil <img src=x onerror="alert(1)">',
          shortTitle: "Evil <b>",
          description: "<script>alert(1)</script>",
          openapi: "3.1.0",
          versions: [{ value: "<v>", source: "info.version" }],
          servers: [{ url: "https://x/<y>", description: "", variables: [] }],
          auth: [],
          operations: [
            {
              operationId: "op",
              method: "GET",
              path: "/a/<b>",
              summary: "S & <i>",
              tag: "T",
              href: 'evil.html#/t/op"><script>',
              actions: ["capture"],
              versionHeaders: [],
            },
          ],
        },
      ],
    });
    for (const raw of ["<img src=x", "<script>", "Evil <b>", "<i>", "<y>", "<v>", "/a/<b>", '"><script']) expect(html).not.toContain(raw);
    expect(html).toContain("Evil &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("S &amp; &lt;i&gt;");
    expect(html).toContain('href="evil.html#/t/op&quot;&gt;&lt;script&gt;"');
  });
});

describe("offline Redoc page", () => {
  it("replaces Redoc's remote logo and reports anything else that would load from the network", () => {
    const page = 'x src:`https://cdn.redoc.ly/redoc/logo-mini-full.svg` y <script src="https://cdn.example/redoc.js"></script>';
    const inlined = inlineRemoteAssets(page);
    expect(inlined).not.toContain("cdn.redoc.ly");
    expect(findRemoteLoads(inlined)).toEqual([expect.stringContaining("https://cdn.example/redoc.js")]);
  });
});

describe("buildDocs", () => {
  it("refuses an output folder that holds the project or its specs (it is emptied first)", async () => {
    const root = join(import.meta.dirname, "..", "..");
    await expect(buildDocs({ outDir: root })).rejects.toThrow(/Refusing to use .* as the docs output/);
    await expect(buildDocs({ specsDir: FIXTURE_SPECS, outDir: join(FIXTURE_SPECS, "..") })).rejects.toThrow(/Refusing/);
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
