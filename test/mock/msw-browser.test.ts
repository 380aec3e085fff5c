/**
 * The generated MSW handlers in a real browser: a page bundled with esbuild starts msw's `setupWorker` (its service
 * worker script from the msw package, as `npx msw init` copies it) with the Payments handlers, and drives the
 * generated client in Debian's Chromium.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { launchChromium } from "../docs/chromium.js";

const require = createRequire(import.meta.url);
const WORKER_SCRIPT = path.join(path.dirname(require.resolve("msw/package.json")), "lib", "mockServiceWorker.js");

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, "browser", "page.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
  });
  const files: Record<string, { type: string; body: string | Uint8Array }> = {
    "/": { type: "text/html", body: '<!doctype html><html><body><script type="module" src="/page.js"></script></body></html>' },
    "/page.js": { type: "text/javascript", body: bundle.outputFiles[0]!.contents },
    "/mockServiceWorker.js": { type: "text/javascript", body: readFileSync(WORKER_SCRIPT) },
  };
  server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://x").pathname];
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

describe("generated msw.ts handlers with setupWorker in Chromium", () => {
  it("answer the generated client in the page: examples, 422 with pointers, 401, seeded dynamic values", async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    await page.waitForFunction(() => (window as { results?: unknown }).results !== undefined, undefined, { timeout: 60_000 });
    const results = (await page.evaluate(() => (window as { results?: unknown }).results)) as Record<string, unknown>;
    expect(results["error"]).toBeUndefined();
    const spec = parseYaml(readFileSync(new URL("../../specs/payments.yaml", import.meta.url), "utf8")) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { example: unknown }> }> }>>;
    };
    expect(results["retrieved"]).toEqual(spec.paths["/payments/{payment_id}"]!["get"]!.responses["200"]!.content["application/json"]!.example);
    expect(results["badRequest"]).toEqual({
      status: 422,
      body: expect.objectContaining({ validation: [expect.objectContaining({ pointer: "/body/orders/0", code: "type" })] }),
    });
    expect(results["noCredentials"]).toBe(401);
    const [first, second] = results["dynamic"] as [unknown, unknown];
    expect(first).toEqual(second);
    expect(first).not.toEqual(results["retrieved"]);
    await page.close();
  }, 120_000);
});
