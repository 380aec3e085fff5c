/**
 * The generated validators wired into a generated client (the pipeline's whole output with emitValidators), against
 * a real node:http server: a bad amount never leaves the process and the error names the field; a response that
 * fails validation (when asked for) rejects with the body and the violations.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateValidators, projectSpecFile, REPO_ROOT, type Generated } from "./harness.js";

const TOKEN = "ncat_secret-token-never-printed";
const TRANSACTION = JSON.parse(
  readFileSync(path.join(REPO_ROOT, "test", "fixtures", "nextcommerce", "transactionsCaptureCreate.response.200.json"), "utf8"),
) as Record<string, unknown>;

interface CaptureClient {
  transactionsCaptureCreate(input: { path: { id: number }; body?: { amount?: unknown } }): Promise<unknown>;
}
type ClientClass = new (options: Record<string, unknown>) => CaptureClient;

describe("generated client with validators (nextcommerce)", () => {
  let generated: Generated;
  let Client: ClientClass;
  let server: Server;
  let baseUrl: string;
  const received: IncomingMessage[] = [];
  let answer: unknown = TRANSACTION;

  beforeAll(async () => {
    generated = await generateValidators(projectSpecFile("nextcommerce"), "client-nextcommerce", { wholeClient: true });
    const clientModule = (await import(pathToFileURL(path.join(generated.dir, "client.ts")).href)) as Record<string, unknown>;
    Client = Object.values(clientModule).find(
      (value) => typeof value === "function" && typeof (value as { prototype?: CaptureClient }).prototype?.transactionsCaptureCreate === "function",
    ) as ClientClass;
    expect(Client).toBeTypeOf("function");
    server = createServer((request, response) => {
      received.push(request);
      request.resume();
      request.on("end", () => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("rejects a bad amount before sending anything, naming the field", async () => {
    const client = new Client({ baseUrl, credentials: { bearerAuth: TOKEN }, maxRetries: 0 });
    const before = received.length;
    const error = await client.transactionsCaptureCreate({ path: { id: 42 }, body: { amount: "1.234" } }).catch((caught: unknown) => caught);
    expect(received.length).toBe(before);
    expect((error as Error).name).toBe("RequestValidationError");
    expect((error as Error).message).toContain("transactionsCaptureCreate");
    expect((error as Error).message).toContain('body.amount must match pattern ^-?\\d{0,7}(?:\\.\\d{0,2})?$, found "1.234"');
    expect((error as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ path: "body.amount", keyword: "pattern" })]);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(String(error)).not.toContain(TOKEN);
  });

  it("sends a valid request (with the constant version header) and returns the body", async () => {
    const client = new Client({ baseUrl, credentials: { bearerAuth: TOKEN }, maxRetries: 0 });
    answer = TRANSACTION;
    await expect(client.transactionsCaptureCreate({ path: { id: 42 }, body: { amount: "10.00" } })).resolves.toEqual(TRANSACTION);
    expect(received.at(-1)?.headers["x-29next-api-version"]).toBe("2023-02-10");
  });

  it("validates responses only when asked, rejecting with the body and every violation", async () => {
    answer = { ...TRANSACTION, id: "not-a-number", is_test: "yes" };
    const lenient = new Client({ baseUrl, credentials: { bearerAuth: TOKEN }, maxRetries: 0 });
    await expect(lenient.transactionsCaptureCreate({ path: { id: 42 }, body: {} })).resolves.toEqual(answer);

    const strict = new Client({ baseUrl, credentials: { bearerAuth: TOKEN }, maxRetries: 0, validate: { response: true } });
    const error = (await strict.transactionsCaptureCreate({ path: { id: 42 }, body: {} }).catch((caught: unknown) => caught)) as Error & {
      body: unknown;
      status: number;
      errors: Array<{ path: string; keyword: string }>;
    };
    expect(error.name).toBe("ResponseValidationError");
    expect(error.status).toBe(200);
    expect(error.body).toEqual(answer);
    expect(error.errors.map((issue) => [issue.path, issue.keyword])).toEqual([
      ["id", "type"],
      ["is_test", "type"],
    ]);
    expect(error.message).toContain("id must be integer, found string \"not-a-number\"");
  });
});
