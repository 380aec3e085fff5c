import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { MockStartError, preferSeed, specPath, startMock, type RunningMock } from "../../mock/index.js";
import { tempDir } from "../generator/helpers.js";
import { LARGE_SPEC_OPERATIONS, writeLargeSpec } from "./support/large-spec.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const SHOP = fixture("shop.yaml");
const auth = { Authorization: "Bearer test-token" };

const started: RunningMock[] = [];
afterAll(async () => {
  await Promise.all(started.map((mock) => mock.stop()));
});
async function start(options: Parameters<typeof startMock>[0]): Promise<RunningMock> {
  const mock = await startMock(options);
  started.push(mock);
  return mock;
}

/** True while the process exists and is not a zombie (an orphan's zombie lingers until init reaps it). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

function canListen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function capture(url: string, body: unknown, headers: Record<string, string> = auth) {
  const response = await fetch(`${url}/payments/7/capture/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("startMock", () => {
  it("serves the spec's paths at the root of its URL (not under the server's base path) with the spec's example", async () => {
    const mock = await start({ spec: SHOP });
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.dynamic).toBe(false);
    expect(await capture(mock.url, { amount: "12.00" })).toEqual({ status: 200, body: { id: "pay_1", amount: "12.00" } });
    const underBasePath = await fetch(`${mock.url}/api/admin/payments/7/capture/`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ amount: "12.00" }),
    });
    expect(underBasePath.status).toBe(404);
  });

  it("answers a bad request with a 422 whose violations name the field, and a missing credential with 401", async () => {
    const mock = await start({ spec: SHOP });
    const bad = await capture(mock.url, { amount: "12.345" });
    expect(bad.status).toBe(422);
    expect(bad.body["validation"]).toEqual([expect.objectContaining({ location: ["body", "amount"], code: "pattern" })]);
    const unknown = await capture(mock.url, { amount: "1.00", note: "x" });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body["validation"])).toContain("note");
    expect((await capture(mock.url, { amount: "1.00" }, {})).status).toBe(401);
  });

  it("stop() ends the Prism process and frees its port, and can be called twice", async () => {
    const mock = await startMock({ spec: SHOP });
    expect(isAlive(mock.pid)).toBe(true);
    expect(await canListen(mock.port)).toBe(false);
    await mock.stop();
    await mock.stop();
    expect(isAlive(mock.pid)).toBe(false);
    expect(await canListen(mock.port)).toBe(true);
  });

  it("listens on the port it is given", async () => {
    const probe = createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      }),
    );
    const mock = await start({ spec: SHOP, port });
    expect(mock.port).toBe(port);
    expect(mock.url).toBe(`http://127.0.0.1:${port}`);
  });

  it("in dynamic mode, `Prefer: seed=<n>` makes each response reproducible and different seeds give different ones", async () => {
    const mock = await start({ spec: SHOP, dynamic: true });
    expect(mock.dynamic).toBe(true);
    const one = await capture(mock.url, { amount: "1.00" }, { ...auth, ...preferSeed(1) });
    const oneAgain = await capture(mock.url, { amount: "1.00" }, { ...auth, ...preferSeed(1) });
    const two = await capture(mock.url, { amount: "1.00" }, { ...auth, ...preferSeed(2) });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(oneAgain.body);
    expect(one.body).not.toEqual(two.body);
    expect(one.body).not.toEqual({ id: "pay_1", amount: "12.00" });
  });

  it("rejects a broken spec with Prism's reason and the line", async () => {
    const error = await startMock({ spec: fixture("broken.yaml") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    const message = (error as MockStartError).message;
    expect(message).toContain('Prism exited before serving spec "');
    expect(message).toContain("broken.yaml");
    expect(message).toMatch(/line 3, column 1/);
    expect(message).toContain("npm run lint");
  });

  it("rejects a spec with an unresolvable $ref, naming the JSON pointer", async () => {
    const error = await startMock({ spec: fixture("missing-ref.yaml") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as Error).message).toContain("#/components/schemas/Nope");
    expect((error as Error).message).toContain("#/paths/~1a/get/responses/200/content/application~1json/schema");
  });

  it("rejects a port in use with a message naming host, port and what to do", async () => {
    const holder = await start({ spec: SHOP });
    const error = await startMock({ spec: SHOP, port: holder.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    const message = (error as Error).message;
    expect(message).toContain(`EADDRINUSE: address already in use 127.0.0.1:${holder.port}`);
    expect(message).toContain("leave out the port");
    // The Prism already on that port is untouched.
    expect((await capture(holder.url, { amount: "1.00" })).status).toBe(200);
  });

  it("rejects a missing spec file and an unknown spec name before starting anything", async () => {
    await expect(startMock({ spec: fixture("absent.yaml") })).rejects.toThrow(/absent\.yaml does not exist/);
    await expect(startMock({ spec: "shopify" })).rejects.toThrow(
      'Unknown spec "shopify": use one of nextcommerce, bigcommerce, medusa, payments',
    );
  });

  it("gives up with a clear error when Prism does not answer in time", async () => {
    const error = await startMock({ spec: SHOP, startupTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as Error).message).toMatch(/^Prism did not answer within 1 ms for spec ".*shop\.yaml" .*; it was stopped /);
  });

  it("on a spec whose $refs Prism cannot resolve in time, says that resolving is what it was doing, and what to do", async () => {
    // 40 schemas, each referring to the next twice: Prism's resolver walks every one of the 2^40 paths, so it is still
    // resolving when any timeout a test can afford ends (bench/mocks.ts: start-up is resolving, and grows with sharing).
    const error = await startMock({ spec: fixture("diamond-chain.yaml"), startupTimeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    const message = (error as Error).message;
    expect(message).toContain("Prism did not answer within 20000 ms");
    expect(message).toContain("while it was still resolving the spec's $refs");
    expect(message).toContain("startupTimeoutMs");
    expect(message).toContain("MSW handlers");
  });

  it("serves a 300-operation spec within the default start-up timeout, checking requests and answering every operation", async () => {
    const dir = await tempDir("large-spec");
    const spec = path.join(dir, "large.yaml");
    writeLargeSpec(spec);
    const lines: string[] = [];
    const mock = await start({ spec, onOutput: (line) => lines.push(line) });
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^payspec-mock: ${LARGE_SPEC_OPERATIONS} operations resolved in \\d+ ms$`)));
    const get = (url: string) => fetch(`${mock.url}${url}`, { headers: auth });
    expect(await (await get("/resources-42/7")).json()).toEqual({ id: 42, status: "open", total: { amount: "10.00", currency: "EUR" } });
    const generated = await get("/resources-43/7");
    expect(generated.status).toBe(200);
    expect(await generated.json()).toEqual(expect.objectContaining({ id: expect.any(Number), total: expect.objectContaining({ currency: expect.any(String) }) }));
    expect((await get("/resources-99?page=0")).status).toBe(422);
  });

  it("in static mode, answers with a value generated from the schema where Prism's sampler gives up (no 500)", async () => {
    const spec = fixture("too-complex.yaml");
    const lines: string[] = [];
    const mock = await start({ spec, onOutput: (line) => lines.push(line) });
    expect(lines).toContainEqual(expect.stringMatching(/static fallback for 1 responses .*GET \/reports\/\{id\} 200/));
    const answer = await fetch(`${mock.url}/reports/1`);
    expect(answer.status).toBe(200);
    const body: unknown = await answer.json();
    const document = parseYaml(readFileSync(spec, "utf8")) as { components: { schemas: Record<string, object> } };
    const validate = new Ajv2020({ strict: false }).compile({ $ref: "#/components/schemas/Report", components: document.components });
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    // Seeded: a second start answers the same body.
    const again = await start({ spec });
    expect(await (await fetch(`${again.url}/reports/1`)).json()).toEqual(body);
  });

  it("maps payspec spec names to the files in specs/", () => {
    expect(specPath("medusa")).toBe(fileURLToPath(new URL("../../specs/medusa.yaml", import.meta.url)));
    expect(specPath("specs/payments.yaml")).toMatch(/\/specs\/payments\.yaml$/);
  });

  it("leaves no Prism behind when the process that started it is killed with SIGKILL", async () => {
    const holder = spawn(
      process.execPath,
      ["--import", "tsx", fixture("hold-mock.mts"), SHOP],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      holder.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      holder.once("exit", (code) => reject(new Error(`hold-mock exited early with ${code}`)));
    });
    const { pid, url } = JSON.parse(line) as { pid: number; url: string };
    expect((await capture(url, { amount: "1.00" })).status).toBe(200);
    holder.kill("SIGKILL");
    // Prism's wrapper sees its stdin close and exits; poll (bounded by the test timeout) rather than sleep a guess.
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isAlive(pid)).toBe(false);
  });
});
