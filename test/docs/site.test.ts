/**
 * This project's docs site (`npm run docs`) in a real Chromium (playwright-core), from file:// with every
 * off-machine request blocked: the landing page and every spec's Redoc page render, show what the specs say, link
 * correctly, log no error and load nothing from the network; every operation shows a TypeScript sample that
 * imports its `payspec/<name>` client and compiles against it. Screenshots go to test-output/docs/.
 */
import { execFile } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";
import { loadSpec } from "../../generator/load.js";
import type { ApiModel } from "../../generator/model.js";
import { readSpecFacts, specNames, type SpecFacts } from "./read-spec.js";
import { compileSamples, readSamplesFromPage } from "./sample-checks.js";
import { checkLandingLinks, escapeRegExp, expectClean, expectVisible, openWatchedPage, siteUrl } from "./site-checks.js";
import type { PageWatch } from "./watch-page.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SPECS = join(ROOT, "specs");
const OUTPUT = join(ROOT, "test-output", "docs");
const SITE = join(OUTPUT, "site");

// The labels of the payment-action table, in order (the wording).
const ACTION_LABELS: ReadonlyArray<readonly [string, string]> = [
  ["capture", "Capture"],
  ["partial-capture", "Partial capture"],
  ["void", "Void"],
  ["refund", "Refund"],
  ["refund-quote", "Refund quote"],
  ["collect-balance", "Collect outstanding balance"],
  ["pay", "Pay"],
  ["create-payment-collection", "Create payment collection"],
  ["list-payments", "List payments"],
  ["retrieve-payment", "Retrieve payment"],
  ["update-payment", "Update payment"],
  ["list-refunds", "List refunds"],
  ["retrieve-refund", "Retrieve refund"],
];

const names = specNames(SPECS, join(ROOT, "redocly.yaml"));
let specs: SpecFacts[] = [];
let models: ApiModel[] = [];
let browser: Browser;

/** Runs the payspec command, as `npm run docs` does, into the test's output folder. */
async function buildSite(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, "bin/payspec.js"), "docs", "--out", SITE], { cwd: ROOT });
}

function pageUrl(file: string, hash = ""): string {
  return siteUrl(SITE, file, hash);
}

async function openPage(url: string): Promise<{ page: Page; watch: PageWatch }> {
  return openWatchedPage(browser, url);
}

beforeAll(async () => {
  expect(names.length, `no spec in ${SPECS}`).toBeGreaterThan(0);
  mkdirSync(OUTPUT, { recursive: true });
  // Launch first: a missing browser fails here with the command that installs one.
  browser = await launchChromium();
  [specs, models] = await Promise.all([
    Promise.all(names.map((name) => readSpecFacts(join(SPECS, `${name}.yaml`), name))),
    // The generator's model: the methods the committed generated/ clients have.
    Promise.all(names.map((name) => loadSpec(join(SPECS, `${name}.yaml`), { name }))),
    buildSite(),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe("docs site (Chromium, file://, network blocked)", () => {
  it("builds one Redoc page per spec and the landing page", () => {
    for (const name of names) expect(existsSync(join(SITE, `${name}.html`)), `${name}.html`).toBe(true);
    expect(existsSync(join(SITE, "index.html"))).toBe(true);
  });

  it("landing page shows every API's versions, servers, auth and operations", async () => {
    const { page, watch } = await openPage(pageUrl("index.html"));
    try {
      await expectVisible(page.getByRole("heading", { level: 1 }), "landing page heading");
      for (const spec of specs) {
        const section = page.locator(`section#api-${spec.name}`);
        await expectVisible(section.getByRole("heading", { level: 2, name: spec.title, exact: true }), `${spec.name} heading`);
        const text = await section.innerText();
        expect(text, `${spec.name}: info.version`).toContain(spec.version);
        for (const value of spec.operations.flatMap((operation) => operation.versionHeaderValues)) {
          expect(text, `${spec.name}: API version header value`).toContain(value);
        }
        for (const url of spec.serverUrls) expect(text, `${spec.name}: server`).toContain(url);
        for (const scheme of spec.securitySchemes) expect(text, `${spec.name}: security scheme`).toContain(scheme);
        const rows = section.locator("table.ops tbody tr");
        expect(await rows.count(), `${spec.name}: operation rows`).toBe(spec.operations.length);
        expect(await section.locator("table.ops thead th").allInnerTexts()).toEqual(["METHOD", "PATH", "OPERATION", "CLIENT METHOD", "PAYMENT ACTIONS"]);
        for (const operation of spec.operations) {
          const row = rows.filter({ has: page.locator("code", { hasText: new RegExp(`^${escapeRegExp(operation.operationId)}$`) }) });
          expect(await row.count(), `${spec.name}: row of ${operation.operationId}`).toBe(1);
          const rowText = await row.innerText();
          for (const part of [operation.method, operation.path, operation.summary]) expect(rowText).toContain(part);
          expect(await row.getByRole("link", { name: operation.summary, exact: true }).getAttribute("href")).toMatch(
            new RegExp(`^${spec.name}\\.html#/`),
          );
        }
      }
      await page.screenshot({ path: join(OUTPUT, "index.png"), fullPage: true });
      expectClean(watch);
    } finally {
      await page.close();
    }
  });

  it("payment-action table: one row per action, one column per API, each cell the spec's operations or —", async () => {
    const { page, watch } = await openPage(pageUrl("index.html"));
    try {
      const table = page.locator("#payment-actions table");
      await expectVisible(table, "payment-action table");
      const headers = await table.locator("thead th").allInnerTexts();
      expect(headers.length).toBe(specs.length + 1);
      const columnHrefs = await table.locator("thead th a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(columnHrefs).toEqual(specs.map((spec) => `${spec.name}.html`));
      const rows = table.locator("tbody tr");
      expect(await rows.locator("th").allInnerTexts()).toEqual(ACTION_LABELS.map(([, label]) => label));
      for (const [rowIndex, [action, label]] of ACTION_LABELS.entries()) {
        const cells = rows.nth(rowIndex).locator("td");
        for (const [column, spec] of specs.entries()) {
          const cell = cells.nth(column);
          const expected = spec.operations.filter((operation) => operation.actions.includes(action));
          const where = `${label} × ${spec.name}`;
          if (expected.length === 0) {
            expect((await cell.innerText()).trim(), where).toBe("—");
            continue;
          }
          const links = cell.getByRole("link");
          expect(await links.count(), where).toBe(expected.length);
          const cellText = await cell.innerText();
          for (const operation of expected) expect(cellText, where).toContain(operation.summary);
          for (const href of await links.evaluateAll((all) => all.map((link) => link.getAttribute("href")))) {
            expect(href, where).toMatch(new RegExp(`^${spec.name}\\.html#/`));
          }
        }
      }
      expectClean(watch);
    } finally {
      await page.close();
    }
  });

  it("every landing-page link leads to an existing page and anchor", async () => {
    await checkLandingLinks(browser, SITE);
  });

  it("works when published: served by a static HTTP server on 127.0.0.1, a landing link opens its operation", async () => {
    const server = createServer((request, response) => {
      const file = join(SITE, decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname));
      if (!file.startsWith(SITE + sep) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      createReadStream(file).pipe(response);
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    const { port } = server.address() as AddressInfo;
    const { page, watch } = await openPage(`http://127.0.0.1:${port}/index.html`);
    try {
      const link = page.locator("#payment-actions tbody a").first();
      const href = (await link.getAttribute("href"))!;
      await link.click();
      await page.waitForURL(`http://127.0.0.1:${port}/${href}`);
      await expectVisible(page.locator(`[id="${decodeURIComponent(href.split("#/")[1]!)}"]`), `served ${href}`);
      expectClean(watch);
    } finally {
      await page.close();
      await new Promise((closed) => server.close(closed));
    }
  });

  for (const name of names) {
    it(`${name}.html: every operation shows a TypeScript sample importing payspec/${name}, which compiles`, async () => {
      const model = models.find((candidate) => candidate.name === name)!;
      const spec = specs.find((candidate) => candidate.name === name)!;
      const operations = spec.operations.map((operation) => {
        const modelled = model.operations.find((candidate) => candidate.operationId === operation.operationId)!;
        return { ...operation, methodName: modelled.methodName };
      });
      const samples = await readSamplesFromPage(browser, SITE, name, operations);
      // The class the committed client exports, as its index.ts says.
      const clientName = /export \{ (\w+) \} from "\.\/client\.js";/.exec(readFileSync(join(ROOT, "generated", name, "index.ts"), "utf8"))?.[1];
      const importLine = `import { ${clientName} } from "payspec/${name}";`;
      const folder = join(OUTPUT, "samples", name);
      const compiled = new Map<string, string>();
      for (const [operationId, sample] of samples) {
        expect(sample.split("\n")[0], operationId).toBe(importLine);
        // Compiled against the committed client, which the package exports as payspec/<name> once built.
        const generated = relative(folder, join(ROOT, "generated", name, "index.js")).split(sep).join("/");
        compiled.set(operationId, sample.replace(importLine, `import { ${clientName} } from "${generated}";`));
      }
      expect(await compileSamples(folder, compiled, ROOT)).toEqual([]);
    });

    it(`${name}.html renders the title, every operation's summary and path, offline`, async () => {
      const spec = specs.find((candidate) => candidate.name === name)!;
      const { page, watch } = await openPage(pageUrl(`${name}.html`));
      try {
        expect(await page.title()).toBe(spec.title);
        await expectVisible(page.getByRole("heading", { level: 1, name: spec.title }), `${name}: title heading`);
        const home = page.getByRole("link", { name: "All APIs" });
        await expectVisible(home, `${name}: link back to the landing page`);
        expect(await home.getAttribute("href")).toBe("index.html");
        await page.screenshot({ path: join(OUTPUT, `${name}.png`), animations: "disabled" });
        // The overview lists every operation as "METHOD path"; a reader clicks it and reads the operation.
        for (const operation of spec.operations) {
          await page.goto(pageUrl(`${name}.html`));
          const pattern = new RegExp(`^\\s*${operation.method}\\s*${escapeRegExp(operation.path)}\\s*$`, "i");
          const link = page.locator('a[href^="#/"]').filter({ hasText: pattern });
          await expectVisible(link, `${name}: overview link ${operation.method} ${operation.path}`);
          const route = (await link.first().getAttribute("href"))!.replace(/^#\//, "");
          await link.first().click();
          // Redoc 3 renders the routed operation into the element whose id is its route.
          const item = page.locator(`[id="${route}"]`);
          const summary = item.locator("h1, h2, h3").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(operation.summary)}\\s*$`) });
          await expectVisible(summary, `${name}: summary "${operation.summary}" of ${operation.operationId}`);
          await expectVisible(item.getByText(operation.path, { exact: true }), `${name}: path ${operation.path} in ${operation.operationId}`);
        }
        await page.screenshot({ path: join(OUTPUT, `${name}-operation.png`), animations: "disabled" });
        expectClean(watch);
      } finally {
        await page.close();
      }
    });
  }
});
