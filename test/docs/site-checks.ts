/** Browser checks shared by the docs tests. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { watchPage, type PageWatch } from "./watch-page.js";

export function siteUrl(siteDir: string, file: string, hash = ""): string {
  return pathToFileURL(join(siteDir, file)).href + hash;
}

export async function openWatchedPage(browser: Browser, url: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watch = await watchPage(page);
  await page.goto(url);
  return { page, watch };
}

/** Waits for a real element (Redoc renders after hydration), failing with what was missing. */
export async function expectVisible(locator: Locator, what: string): Promise<void> {
  await locator
    .first()
    .waitFor({ state: "visible", timeout: 15_000 })
    .catch(() => {
      throw new Error(`not visible: ${what}`);
    });
}

export function expectClean(watch: PageWatch): void {
  expect(watch.offMachineRequests, "requests that left 127.0.0.1").toEqual([]);
  expect(watch.errors, "console errors and page errors").toEqual([]);
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Every link of the landing page leads somewhere that exists: an in-page anchor, or a page of the site
 * and, for a `page.html#/route` link, the routed Redoc item shown in that page.
 */
export async function checkLandingLinks(browser: Browser, siteDir: string): Promise<void> {
  const { page, watch } = await openWatchedPage(browser, siteUrl(siteDir, "index.html"));
  const hrefs = [...new Set(await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")))];
  for (const href of hrefs.filter((candidate) => candidate.startsWith("#"))) {
    expect(await page.locator(`[id="${href.slice(1)}"]`).count(), `in-page anchor ${href}`).toBe(1);
  }
  await page.close();
  expectClean(watch);

  const outside = hrefs.filter((href) => !href.startsWith("#") && !/^[\w-]+\.html(#.*)?$/.test(href));
  expect(outside, "links that leave the site").toEqual([]);
  const routesByPage = new Map<string, string[]>();
  for (const href of hrefs.filter((candidate) => !candidate.startsWith("#"))) {
    const [file = "", route = ""] = href.split("#");
    expect(existsSync(join(siteDir, file)), `page ${file}`).toBe(true);
    routesByPage.set(file, [...(routesByPage.get(file) ?? []), ...(route ? [route] : [])]);
  }
  expect(routesByPage.size, "pages linked from the landing page").toBeGreaterThan(0);
  for (const [file, routes] of routesByPage) {
    const opened = await openWatchedPage(browser, siteUrl(siteDir, file));
    try {
      await expectVisible(opened.page.getByRole("heading", { level: 1 }), `${file}: heading`);
      for (const route of routes) {
        await opened.page.goto(siteUrl(siteDir, file, `#${route}`));
        // Redoc 3 renders the routed item into an element whose id is the route without its leading "/".
        const id = decodeURIComponent(route.replace(/^\//, ""));
        await expectVisible(opened.page.locator(`[id="${id}"]`), `${file}#${route}`);
      }
      expectClean(opened.watch);
    } finally {
      await opened.page.close();
    }
  }
}
