/**
 * The builder on a fixture spec with a tag name that needs slugging ("Orders & Payments") and a split
 * file: its landing-page links must land on Redoc's own routes in a real Chromium.
 */
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { buildDocs } from "../../docs/build.js";
import { launchChromium } from "./chromium.js";
import { checkLandingLinks } from "./site-checks.js";

const SITE = resolve(import.meta.dirname, "../../test-output/docs/fixture-site");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await buildDocs({ apis: [{ spec: join(import.meta.dirname, "fixtures", "specs", "shop.yaml") }], outDir: SITE });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("fixture site (Chromium, file://)", () => {
  it("every landing-page link, including slugged tag routes, opens its Redoc item", async () => {
    await checkLandingLinks(browser, SITE);
  });
});
