/**
 * The generator on fixture specs written for the cases it must handle (OpenAPI 3.0 and 3.1, cross-file refs,
 * recursion, compositions, nullable/type arrays, odd names, every parameter location, several content types):
 * generate into a temp folder, compile it with a usage file under the repo's strict options, check the emitted
 * API, and run one generated client against a real node:http server.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Project } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { FIXTURES, tempDir, typecheck } from "./helpers.js";

async function generateFixture(spec: string, folder: string): Promise<{ dir: string; out: string }> {
  const dir = await tempDir(folder);
  const out = path.join(dir, folder);
  const { files } = await generate(path.join(FIXTURES, spec));
  await writeOutputFolder(out, files);
  return { dir, out };
}

function methodsOf(clientFile: string, className: string): string[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  return project.addSourceFileAtPath(clientFile).getClassOrThrow(className).getMethods().map((method) => method.getName());
}

describe("OpenAPI 3.1 fixture (shop-31.yaml)", () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    ({ dir, out } = await generateFixture("shop-31.yaml", "shop"));
  });

  it("compiles under the strict tsconfig, with a usage file whose wrong calls are type errors", async () => {
    await copyFile(path.join(FIXTURES, "usage/shop-31.usage.ts"), path.join(dir, "usage.ts"));
    expect(typecheck([path.join(dir, "usage.ts"), path.join(out, "index.ts")])).toEqual([]);
  });

  it("writes a README with construction, auth and one table row per operation", async () => {
    const readme = await readFile(path.join(out, "README.md"), "utf8");
    expect(readme).toContain('import { FixtureShopClient } from "./generated/shop-31/index.js";');
    expect(readme).toContain("| `credentials.apiKeyAuth` | API key (string), sent in the header `X-Api-Key`. |");
    expect(readme).toContain("| `credentials.basicAuth` | HTTP basic: `{ username, password }`. |");
    expect(readme).toContain("| `serverVariables.region` | Data region. (default `eu`, one of `eu`, `us`). |");
    expect(readme).toContain("| `deleteOrdersByOrderId` (deprecated) | `DELETE /orders/{orderId}` | Delete an order (no operationId) | basicAuth | 204, no body |");
    expect(readme).toContain("| `op2faCheck` | `GET /health` |  | none | 200 `Op2faCheckResponse` |");
    expect(readme.match(/^\| `\w+`(?: \(deprecated\))? \| `[A-Z]+ \//gm)).toHaveLength(7);
  });

  it("names one method per operation from operationIds, deriving missing ones and fixing invalid identifiers", () => {
    expect(methodsOf(path.join(out, "client.ts"), "FixtureShopClient")).toEqual([
      "getCategory", // getCategory
      "op2faCheck", // 2fa-check: cannot start with a digit
      "ordersList", // orders.list
      "createOrder", // create-order
      "default", // a reserved word is a valid method name
      "deleteOrdersByOrderId", // no operationId: derived from method and path
      "paymentsCreate", // payments.create
    ]);
  });
});

describe("OpenAPI 3.0 fixture (legacy-30.yaml)", () => {
  it("compiles with $ref'd parameters, request bodies and responses, nullable and oneOf without discriminator", async () => {
    const { dir, out } = await generateFixture("legacy-30.yaml", "legacy");
    await copyFile(path.join(FIXTURES, "usage/legacy-30.usage.ts"), path.join(dir, "usage.ts"));
    expect(typecheck([path.join(dir, "usage.ts"), path.join(out, "index.ts")])).toEqual([]);
    expect(methodsOf(path.join(out, "client.ts"), "LegacyBillingClient")).toEqual(["listInvoices", "getInvoice", "replaceInvoice"]);
  });
});

describe("a generated client against a node:http server", () => {
  interface Seen {
    method: string;
    url: string;
    headers: IncomingMessage["headers"];
    body: string;
  }
  const seen: Seen[] = [];
  let server: Server;
  let baseUrl: string;
  // Typed loosely on purpose: the module is generated at test time; its types are checked by the usage test above.
  let shop: any;

  beforeAll(async () => {
    const { out } = await generateFixture("shop-31.yaml", "shop-http");
    shop = await import(path.join(out, "index.ts"));
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
        if (request.method === "DELETE") {
          response.writeHead(204).end();
          return;
        }
        response.writeHead(request.method === "POST" ? 201 : 200, { "content-type": "application/json" });
        // Each answer has the top-level type the spec declares: the client rejects any other (a ResponseValidationError).
        const answer = request.url?.includes("payments") ? { id: "pay_1", amount: "10.00" } : request.url?.includes("categories") ? { slug: "a b", children: [] } : [];
        response.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("sends the path, the constant version header, the caller's headers, the body and the API key", async () => {
    const client = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "key-123" }, maxRetries: 0 });
    const result = await client.paymentsCreate({
      path: { orderId: 42 },
      header: { "Idempotency-Key": "idem-1" },
      body: { type: "card", token: "tok_visa" },
    });
    expect(result).toEqual({ id: "pay_1", amount: "10.00" });
    const request = seen.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/v1/orders/42/payments");
    expect(request.headers["x-shop-version"]).toBe("2024-05");
    expect(request.headers["idempotency-key"]).toBe("idem-1");
    expect(request.headers["x-api-key"]).toBe("key-123");
    expect(JSON.parse(request.body)).toEqual({ type: "card", token: "tok_visa" });
  });

  it("serializes array query parameters and sends the constant header on a GET with no input", async () => {
    const client = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "key-123" }, maxRetries: 0 });
    await client.ordersList({ query: { status: ["paid", "pending"], limit: 5 } });
    const url = new URL(seen.at(-1)!.url, "http://x");
    expect(url.pathname).toBe("/v1/orders");
    expect(url.searchParams.getAll("status")).toEqual(["paid", "pending"]);
    expect(url.searchParams.get("limit")).toBe("5");
    await client.ordersList();
    expect(seen.at(-1)!.headers["x-shop-version"]).toBe("2024-05");
  });

  it("sends object query parameters as deepObject, and cookie and optional header parameters", async () => {
    const client = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "key-123" }, maxRetries: 0 });
    await client.ordersList({ query: { filter: { min_total: "5.00" } }, header: { "X-Request-Id": "req-9" }, cookie: { session: "abc" } });
    const request = seen.at(-1)!;
    expect(new URL(request.url, "http://x").searchParams.get("filter[min_total]")).toBe("5.00");
    expect(request.headers["x-request-id"]).toBe("req-9");
    expect(request.headers.cookie).toBe("session=abc");
  });

  it("uses the scheme the operation requires: basic auth for the delete, nothing for the public health check", async () => {
    const client = new shop.FixtureShopClient({
      baseUrl,
      credentials: { apiKeyAuth: "key-123", basicAuth: { username: "ada", password: "s3cret" } },
      maxRetries: 0,
    });
    await expect(client.deleteOrdersByOrderId({ path: { orderId: 7 } })).resolves.toBeUndefined();
    const deleted = seen.at(-1)!;
    expect(deleted.method).toBe("DELETE");
    expect(deleted.url).toBe("/v1/orders/7");
    expect(deleted.headers.authorization).toBe(`Basic ${Buffer.from("ada:s3cret").toString("base64")}`);
    await client.getCategory({ path: { slug: "a b" } });
    expect(seen.at(-1)!.url).toBe("/v1/categories/a%20b");
  });

  it("builds the default URL from the spec's server variables and uses a custom fetch", async () => {
    const urls: string[] = [];
    const fetch = async (input: Request | string | URL) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response("[]", { status: 200, headers: { "content-type": "application/json" } });
    };
    await new shop.FixtureShopClient({ serverVariables: { region: "us" }, fetch, maxRetries: 0 }).ordersList();
    await new shop.FixtureShopClient({ fetch, maxRetries: 0 }).ordersList();
    expect(urls).toEqual(["https://us.shop.example/v1/orders", "https://eu.shop.example/v1/orders"]);
  });
});

describe("an operation whose request body is a form, not JSON", () => {
  const SPEC = `openapi: 3.1.0
info: { title: Form Payments, version: 1.0.0 }
servers: [{ url: https://api.example.test }]
paths:
  /payments:
    post:
      operationId: createPayment
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [amount]
              properties:
                amount: { type: string, pattern: "^[0-9]+[.][0-9]{2}$" }
                capture: { type: boolean }
      responses:
        "201": { description: Created, content: { application/json: { schema: { type: object } } } }
`;

  it("is typed from the form's schema and sent form-encoded, amount as written", async () => {
    const dir = await tempDir("form-body");
    await writeFile(path.join(dir, "form.yaml"), SPEC);
    const out = path.join(dir, "form");
    await writeOutputFolder(out, (await generate(path.join(dir, "form.yaml"))).files);
    expect(await readFile(path.join(out, "client.ts"), "utf8")).toContain("requestBody: formBody");
    expect(typecheck([path.join(out, "index.ts")])).toEqual([]);

    let received: { type: string | undefined; body: string } = { type: undefined, body: "" };
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received = { type: request.headers["content-type"], body };
        response.writeHead(201, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { FormPaymentsClient } = await import(path.join(out, "index.ts"));
      const client = new FormPaymentsClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      await client.createPayment({ body: { amount: "12.50", capture: true } });
      expect(received).toEqual({ type: "application/x-www-form-urlencoded", body: "amount=12.50&capture=true" });
      // Validated before it is sent, as JSON bodies are.
      await expect(client.createPayment({ body: { amount: "12.5" } })).rejects.toThrow(/body\.amount must match pattern/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
