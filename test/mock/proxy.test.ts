/**
 * The validation proxy (`payspec mock <spec> --proxy <upstream>`, mock/proxy.ts) between a client and a local upstream
 * (node:http) that keeps the spec, or breaks it: every request reaches the upstream with its credentials, the answer
 * comes back byte for byte, each violation is reported with operation, direction, pointer and message, and the token
 * is never printed.
 */
import { spawn } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startProxy, type RunningProxy } from "../../mock/proxy.js";
import { BIN, REPO } from "../support/cli.js";

const SHOP = fileURLToPath(new URL("./fixtures/shop.yaml", import.meta.url));
const TOKEN = "tok_SECRET_4f1c9e7a";
const KEEPS = '{"id": "pay_1",   "amount": "12.00"}';
const BREAKS = '{"id": 7, "amount": 12.50, "big": 12345678901234567890}';

interface Received {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let upstream: Server;
let upstreamUrl: string;
let answer = KEEPS;
const received: Received[] = [];

beforeAll(async () => {
  upstream = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ url: request.url ?? "", headers: request.headers, body });
      response.writeHead(200, { "content-type": "application/json", "x-upstream": "yes" });
      response.end(answer);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api/admin`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

const proxies: RunningProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.stop()));
  received.length = 0;
  answer = KEEPS;
});

async function proxy(): Promise<RunningProxy> {
  const started = await startProxy({ spec: SHOP, upstream: upstreamUrl });
  proxies.push(started);
  return started;
}

function capture(url: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
  return fetch(`${url}/payments/7/capture/?expand=all`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

describe("startProxy", () => {
  it("forwards a request to the upstream with its path, query and credentials, and returns the answer unchanged", async () => {
    const running = await proxy();
    const response = await capture(running.url, '{"amount":"12.00"}');
    expect(response.status).toBe(200);
    expect(response.headers.get("x-upstream")).toBe("yes");
    expect(await response.text()).toBe(KEEPS);
    expect(received).toEqual([expect.objectContaining({ url: "/api/admin/payments/7/capture/?expand=all", body: '{"amount":"12.00"}' })]);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(running.violations).toEqual([]);
  });

  it("reports each field of a response that breaks the spec, and still returns it byte for byte", async () => {
    answer = BREAKS;
    const running = await proxy();
    const response = await capture(running.url, '{"amount":"12.00"}');
    expect(await response.text()).toBe(BREAKS);
    expect(running.violations).toEqual(
      expect.arrayContaining([
        { operationId: "capturePayment", direction: "response", pointer: "/body/id", message: expect.stringContaining("must be string") },
        { operationId: "capturePayment", direction: "response", pointer: "/body/amount", message: expect.stringContaining("must be string") },
        { operationId: "capturePayment", direction: "response", pointer: "/body/big", message: expect.stringContaining("not allowed") },
      ]),
    );
    expect(running.violations.every((violation) => violation.direction === "response")).toBe(true);
  });

  it("forwards a request that breaks the spec (it does not answer 422 itself), reporting its violations", async () => {
    const running = await proxy();
    const response = await capture(running.url, '{"amount":"12.345"}');
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(running.violations).toEqual([
      { operationId: "capturePayment", direction: "request", pointer: "/body/amount", message: expect.stringContaining("must match pattern") },
    ]);
    await capture(running.url, '{"amount":"1.00"}', {});
    expect(running.violations[1]).toEqual({ operationId: "capturePayment", direction: "request", pointer: "", message: expect.stringContaining("no credential") });
    expect(received).toHaveLength(2);
  });
});

describe("startProxy on operations told apart by their template's fragment (APIs.guru's AWS specs)", () => {
  it("checks each request against the operation whose fragment header it sends", async () => {
    answer = '{"things":["a"]}';
    const running = await startProxy({ spec: fileURLToPath(new URL("./fixtures/fragment-paths.yaml", import.meta.url)), upstream: upstreamUrl });
    proxies.push(running);
    const post = (target: string, body: string) =>
      fetch(`${running.url}/`, { method: "POST", headers: { "x-amz-target": target, "content-type": "application/json" }, body });
    await post("Svc_20141006.ListThings", "{}");
    expect(running.violations).toEqual([]);
    await post("Svc_20141006.GetThing", "{}");
    expect(running.violations).toEqual([expect.objectContaining({ operationId: "GetThing", direction: "request", pointer: "/body/name" })]);
    expect(received.map((request) => request.url)).toEqual(["/api/admin/", "/api/admin/"]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** bin/payspec.js mock ... --proxy, until `ready`; then `act`, SIGINT, and what it printed and its exit code. */
async function runProxyCli(extra: readonly string[], act: (url: string) => Promise<void>) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "mock", SHOP, "--proxy", upstreamUrl, "--port", String(port), ...extra], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  while (!stdout.includes("Ctrl-C stops it")) {
    if (child.exitCode !== null) throw new Error(`payspec mock --proxy exited early:\n${stdout}\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await act(`http://127.0.0.1:${port}`);
  child.kill("SIGINT");
  const code = await exited;
  return { code, stdout, stderr };
}

describe("payspec mock <spec> --proxy <upstream>", () => {
  it("prints one line per violation, counts them when stopped, and --fail-on-violation exits 1; the token never shows", async () => {
    const run = await runProxyCli(["--fail-on-violation"], async (url) => {
      await capture(url, '{"amount":"12.00"}');
      answer = BREAKS;
      await capture(url, '{"amount":"12.345"}');
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/spec\s+URL\s+mode\n.*shop\.yaml\s+http:\/\/127\.0\.0\.1:\d+\s+proxy to http:\/\/127\.0\.0\.1:\d+\/api\/admin/);
    expect(run.stdout).toContain("violation capturePayment request /body/amount must match pattern");
    expect(run.stdout).toContain("violation capturePayment response /body/id must be string, found integer 7");
    expect(run.stdout).toMatch(/POST \/payments\/7\/capture\/ -> 200\n/);
    expect(run.stdout).toMatch(/POST \/payments\/7\/capture\/ -> 200 \(4 violations\)/);
    expect(run.stderr).toContain("SIGINT: stopped. 4 violations (1 in requests, 3 in responses) in 2 requests.");
    expect(received.map((request) => request.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
    expect(`${run.stdout}${run.stderr}`).not.toContain("expand");
  });

  it("exits 0 with --fail-on-violation when the traffic keeps the spec", async () => {
    const run = await runProxyCli(["--fail-on-violation"], async (url) => {
      await capture(url, '{"amount":"12.00"}');
    });
    expect(run.stderr).toContain("0 violations (0 in requests, 0 in responses) in 1 request.");
    expect(run.code).toBe(0);
  });

  it("rejects --proxy with more than one spec, and --fail-on-violation without --proxy (usage, exit 2)", async () => {
    const { runCli } = await import("../support/cli.js");
    const two = await runCli(["mock", SHOP, SHOP.replace("shop", "broken"), "--proxy", upstreamUrl]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("--proxy checks one spec against one upstream; got 2 specs.");
    const alone = await runCli(["mock", SHOP, "--fail-on-violation"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--fail-on-violation goes with --proxy.");
  });
});
