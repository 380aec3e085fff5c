/**
 * `payspec docs` on specs that are not this project's and carry no `x-payment-actions`: a fixture with examples at
 * every level (test/docs/fixtures/user/ledger.yaml, OpenAPI 3.0) and the generator's messy 3.1 fixture (no tags, no
 * examples, derived and odd operationIds, a oneOf body, a const header). In Chromium from file://, network blocked:
 * the pages render, the landing page lists operations with no payment-action table, and every operation shows a
 * TypeScript sample calling its client method, which compiles, as copied from the page, against the client that
 * `generate()` writes for that spec.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocs } from "../../docs/build.js";
import type { ApiModel } from "../../generator/model.js";
import { generate } from "../../generator/pipeline.js";
import { launchChromium } from "./chromium.js";
import { readSpecFacts, type SpecFacts } from "./read-spec.js";
import { compileSamples, readSamplesFromPage, type OperationUnderTest } from "./sample-checks.js";
import { checkLandingLinks, expectClean, expectVisible, openWatchedPage, siteUrl } from "./site-checks.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUTPUT = join(ROOT, "test-output", "docs", "user");
const SITE = join(OUTPUT, "site");
/** `<api>/client/`: the generated client; `<api>/samples/`: the samples read from the page, which import `../client/index.js`. */
const IMPORT_FROM = "../client/index.js";

const APIS = [
  { name: "ledger", spec: join(import.meta.dirname, "fixtures", "user", "ledger.yaml") },
  { name: "shop", spec: join(ROOT, "test", "fixtures", "generator", "shop-31.yaml") },
] as const;

let browser: Browser;
const facts = new Map<string, SpecFacts>();
const models = new Map<string, ApiModel>();

/** The spec's operations as the test reads them (its own Redocly bundle), with the generated client's method names. */
function operationsOf(name: string): OperationUnderTest[] {
  const model = models.get(name)!;
  return facts.get(name)!.operations.map((operation) => {
    const modelled = model.operations.find((candidate) => candidate.method.toUpperCase() === operation.method && candidate.path === operation.path)!;
    return { ...operation, operationId: modelled.operationId, methodName: modelled.methodName };
  });
}

const samplesRead = new Map<string, Promise<Map<string, string>>>();
/** Each operation's sample as read from the API's page, read once for the tests that look at them. */
function samplesOf(name: string): Promise<Map<string, string>> {
  if (!samplesRead.has(name)) samplesRead.set(name, readSamplesFromPage(browser, SITE, name, operationsOf(name)));
  return samplesRead.get(name)!;
}

beforeAll(async () => {
  browser = await launchChromium();
  await rm(OUTPUT, { recursive: true, force: true });
  for (const api of APIS) {
    facts.set(api.name, await readSpecFacts(api.spec, api.name));
    // The client the samples are compiled against, written where the pages say to import it from.
    const { model, files } = await generate(api.spec, { name: api.name });
    models.set(api.name, model);
    for (const [file, text] of Object.entries(files)) {
      const target = join(OUTPUT, api.name, "client", file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
  await buildDocs({
    apis: APIS.map((api) => ({ spec: api.spec, name: api.name, importFrom: IMPORT_FROM })),
    outDir: SITE,
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe("docs of a user's specs (Chromium, file://, network blocked)", () => {
  it("the landing page lists each API's operations, with no payment-action table", async () => {
    const { page, watch } = await openWatchedPage(browser, siteUrl(SITE, "index.html"));
    try {
      await expectVisible(page.getByRole("heading", { level: 1, name: "API reference", exact: true }), "landing heading");
      expect(await page.locator("#payment-actions").count(), "payment-action table").toBe(0);
      expect(await page.getByText("Payment actions").count(), "payment-action wording").toBe(0);
      for (const api of APIS) {
        const spec = facts.get(api.name)!;
        const section = page.locator(`section#api-${api.name}`);
        await expectVisible(section.getByRole("heading", { level: 2, name: spec.title, exact: true }), `${api.name} heading`);
        const text = await section.innerText();
        for (const url of spec.serverUrls) expect(text, `${api.name}: server`).toContain(url);
        for (const scheme of spec.securitySchemes) expect(text, `${api.name}: security scheme`).toContain(scheme);
        expect(await section.locator("table.ops tbody tr").count(), `${api.name}: operation rows`).toBe(spec.operations.length);
        expect(await section.locator("table.ops thead th").allInnerTexts()).toEqual(["METHOD", "PATH", "OPERATION", "CLIENT METHOD"]);
      }
      await page.screenshot({ path: join(OUTPUT, "index.png"), fullPage: true });
      expectClean(watch);
    } finally {
      await page.close();
    }
  });

  it("every landing-page link (tagged, untagged, derived operationIds) opens its Redoc item", async () => {
    await checkLandingLinks(browser, SITE);
  });

  for (const api of APIS) {
    it(`${api.name}.html: every operation shows a TypeScript sample calling its client method, and the samples compile`, async () => {
      const operations = operationsOf(api.name);
      const samples = await samplesOf(api.name);
      expect([...samples.keys()].sort()).toEqual(operations.map((operation) => operation.operationId).sort());
      const clientName = models.get(api.name)!.clientName;
      for (const [operationId, sample] of samples) {
        expect(sample, operationId).toContain(`import { ${clientName} } from "${IMPORT_FROM}";`);
        expect(sample, operationId).toContain(`const client = new ${clientName}(`);
      }
      expect(await compileSamples(join(OUTPUT, api.name, "samples"), samples, ROOT)).toEqual([]);
    });
  }

  it("ledger.html: inputs come from the spec's examples, credentials from the environment", async () => {
    const samples = await samplesOf("ledger");
    const listEntries = samples.get("listEntries") ?? "";
    // A path-level parameter's `examples`, an optional query parameter's `example`; the version header the client sends itself is left out.
    expect(listEntries).toContain('path: { accountId: "acc_checking" }');
    expect(listEntries).toContain("query: { limit: 25 }");
    expect(listEntries).not.toContain("cursor");
    expect(listEntries).not.toContain("X-Ledger-Version");
    expect(listEntries).toContain("credentials: { bearer: process.env.LEDGER_BEARER! }");
    // The media type's `examples`, through a $ref to components/examples; a header parameter's example.
    const postEntry = samples.get("postEntry") ?? "";
    expect(postEntry).toContain('header: { "Idempotency-Key": "7f3c9a" }');
    expect(postEntry.replace(/\s+/g, " ")).toContain('body: { amount: "-12.50", currency: "EUR", memo: "Refund of order 1001", }');
    // No body example: the required property, and the optional one whose schema has an example; basic auth from the environment.
    const close = samples.get("postAccountsByAccountIdClose") ?? "";
    expect(close).toContain('reason: "customer_request"');
    expect(close).toContain(`note: "Closed at the customer's request."`);
    expect(close).not.toContain("notify");
    expect(close).toContain("username: process.env.LEDGER_BASIC_USERNAME!");
    expect(close).toContain("password: process.env.LEDGER_BASIC_PASSWORD!");
    expect(close, "a 204 has no result to keep").toMatch(/^await client\.postAccountsByAccountIdClose\(/m);
    // An operation with `security: []` constructs its client without credentials.
    expect(samples.get("getStatus")).not.toContain("credentials");
    expect(samples.get("getAccount")).toContain('serverVariables: { environment: "sandbox" }');
  });

  it("ledger.html keeps the spec's own code samples beside the TypeScript one", async () => {
    const { page, watch } = await openWatchedPage(browser, siteUrl(SITE, "ledger.html", "#/journal-entries/postentry"));
    try {
      const item = page.locator('[id="journal-entries/postentry"]');
      await expectVisible(item.getByText("TypeScript", { exact: true }), "TypeScript tab");
      await item.getByText("TypeScript", { exact: true }).first().click();
      await expectVisible(page.getByRole("menuitem").or(page.locator('[data-testid="dropdown-menu"]')).getByText("curl", { exact: true }), "the spec's curl sample in the language menu");
      expectClean(watch);
    } finally {
      await page.close();
    }
  });
});
