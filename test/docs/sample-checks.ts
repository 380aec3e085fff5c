/**
 * The TypeScript samples as a reader meets them: each operation's sample is read from its Redoc page in Chromium
 * (reached through the landing page's link), checked to name the operation's client method, and compiled, as
 * copied from the page, against the generated client under the users' Node configs.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { expect } from "vitest";
import { compileUnder } from "../support/user-tsconfigs.js";
import { escapeRegExp, expectClean, expectVisible, openWatchedPage, siteUrl } from "./site-checks.js";

export interface OperationUnderTest {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  /** The generated client's method, from the generator's model. */
  readonly methodName: string;
}

/** Each operation's sample as shown on `<api>.html`, by operationId. */
export async function readSamplesFromPage(
  browser: Browser,
  siteDir: string,
  api: string,
  operations: readonly OperationUnderTest[],
): Promise<Map<string, string>> {
  const routes = new Map<string, string>();
  const landing = await openWatchedPage(browser, siteUrl(siteDir, "index.html"));
  try {
    const rows = landing.page.locator(`section#api-${api} table.ops tbody tr`);
    for (const operation of operations) {
      const row = rows.filter({ has: landing.page.locator("code", { hasText: new RegExp(`^${escapeRegExp(operation.operationId)}$`) }) });
      expect(await row.count(), `${api}: landing row of ${operation.operationId}`).toBe(1);
      expect(await row.locator("code.call").innerText(), `${api}: client method of ${operation.operationId}`).toBe(`client.${operation.methodName}()`);
      const href = (await row.locator("a[href]").first().getAttribute("href")) ?? "";
      expect(href, `${api}: link of ${operation.operationId}`).toMatch(new RegExp(`^${escapeRegExp(api)}\\.html#/`));
      routes.set(operation.operationId, href.split("#/")[1] ?? "");
    }
    expectClean(landing.watch);
  } finally {
    await landing.page.close();
  }

  const samples = new Map<string, string>();
  const { page, watch } = await openWatchedPage(browser, siteUrl(siteDir, `${api}.html`));
  try {
    for (const operation of operations) {
      const route = routes.get(operation.operationId) ?? "";
      await page.goto(siteUrl(siteDir, `${api}.html`, `#/${route}`));
      const item = page.locator(`[id="${decodeURIComponent(route)}"]`);
      const where = `${api}.html#/${route} (${operation.operationId})`;
      // The routed item is this operation: its path, and its summary where it has one.
      await expectVisible(item.getByText(operation.path, { exact: true }), `${where}: path ${operation.path}`);
      if (operation.summary) {
        // A deprecated operation's heading also carries Redoc's "Deprecated" badge.
        const heading = item.locator("h1, h2, h3").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(operation.summary)}\\s*(Deprecated\\s*)?$`, "i") });
        await expectVisible(heading, `${where}: summary "${operation.summary}"`);
      }
      await expectVisible(item.getByText("TypeScript", { exact: true }), `${where}: the TypeScript sample's tab`);
      const sample = item.locator("pre").filter({ hasText: `client.${operation.methodName}(` });
      await expectVisible(sample, `${where}: a sample calling client.${operation.methodName}(`);
      samples.set(operation.operationId, await sample.first().innerText());
    }
    expectClean(watch);
  } finally {
    await page.close();
  }
  return samples;
}

/**
 * Writes each sample to `<folder>/<name>.sample.ts` and compiles them under the Node ESM and strictest user configs,
 * from the project root (where openapi-fetch and @types/node are installed). Returns the diagnostics in the samples
 * (the generated client's own are the generator tests' business).
 */
export async function compileSamples(folder: string, samples: ReadonlyMap<string, string>, projectDir: string): Promise<string[]> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (const [name, text] of samples) {
    const file = join(folder, `${name.replace(/[^\w-]/g, "_")}.sample.ts`);
    await writeFile(file, text);
    files.push(file);
  }
  const inSamples = (line: string) => /^[^:]*\.sample\.ts:/.test(line);
  return (["node", "strictest"] as const).flatMap((config) =>
    compileUnder(config, files, projectDir)
      .filter(inSamples)
      .map((line) => `${config}: ${line}`),
  );
}
