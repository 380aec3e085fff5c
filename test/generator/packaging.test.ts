/**
 * Each generated client is importable as `payspec/<name>` from plain node (no tsx): `npm run compile` builds
 * `dist/` with tsconfig.build.json and package.json `exports` points there.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./helpers.js";

const run = promisify(execFile);
const CLIENTS = { nextcommerce: "NextCommerceClient", bigcommerce: "BigCommerceClient", medusa: "MedusaClient", payments: "PaymentsClient" };

describe("payspec/<name> package exports", () => {
  let server: Server;
  let baseUrl: string;
  const seen: Array<{ url: string; auth: string | undefined; version: string | undefined }> = [];

  beforeAll(async () => {
    await run(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: REPO });
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? "", auth: request.headers.authorization, version: request.headers["x-29next-api-version"] as string | undefined });
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: 1, amount: "10.00" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("declares one export per generated client, with types", async () => {
    const manifest = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    for (const name of Object.keys(CLIENTS)) {
      expect(manifest.exports[`./${name}`]).toEqual({ types: `./dist/generated/${name}/index.d.ts`, default: `./dist/generated/${name}/index.js` });
    }
  });

  it.each(Object.entries(CLIENTS))("import(\"payspec/%s\") works in plain node and exports %s and the errors", async (name, className) => {
    const script = `const m = await import("payspec/${name}"); console.log(JSON.stringify([typeof m.${className}, typeof m.APIError, typeof m.RequestValidationError]));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO });
    expect(JSON.parse(stdout)).toEqual(["function", "function", "function"]);
  });

  it("a compiled client sends a real request from plain node", async () => {
    const script = [
      `const { NextCommerceClient } = await import("payspec/nextcommerce");`,
      `const client = new NextCommerceClient({ baseUrl: ${JSON.stringify(baseUrl)}, credentials: { bearerAuth: "tok" }, maxRetries: 0, validate: { request: false } });`,
      `const result = await client.transactionsCaptureCreate({ path: { id: 5 }, body: { amount: "10.00" } });`,
      `console.log(JSON.stringify(result));`,
    ].join("\n");
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO });
    expect(JSON.parse(stdout)).toEqual({ id: 1, amount: "10.00" });
    expect(seen.at(-1)).toEqual({ url: "/transactions/5/capture/", auth: "Bearer tok", version: "2023-02-10" });
  });
});
