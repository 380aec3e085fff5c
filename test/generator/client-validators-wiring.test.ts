/**
 * The client emitter's side of the validators contract: with a validators emitter in the pipeline, client.ts
 * imports `operationValidators` from ./validators.js and passes each operation's request and response validators
 * to the runtime. A stand-in validators.ts (not the real emitter, which has its own tests) makes the effect visible.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { FIXTURES, tempDir, typecheck } from "./helpers.js";

const STAND_IN_VALIDATORS = `import type { Validator } from "./runtime/index.js";

const rejectToken: Validator = (value) => ({
  ok: false,
  errors: [{ path: "body.token", message: "must start with tok_, found \\"bad\\"", keyword: "pattern", expected: "pattern ^tok_", found: '"bad"' }],
});
const rejectAnswer: Validator = () => ({ ok: false, errors: [{ path: "", message: "must be an array", keyword: "type" }] });

export const operationValidators: {
  readonly [operationId: string]: { readonly request?: Validator; readonly responses: Readonly<Record<string, Validator>> };
} = {
  "payments.create": { request: rejectToken, responses: {} },
  "orders.list": { responses: { "200": rejectAnswer } },
};
`;

describe("client wired to validators.ts", () => {
  let out: string;
  let server: Server;
  let baseUrl: string;
  let requests = 0;
  let shop: any;

  beforeAll(async () => {
    out = path.join(await tempDir("validators-wiring"), "shop");
    const { files } = await generate(path.join(FIXTURES, "shop-31.yaml"), { emitValidators: () => STAND_IN_VALIDATORS });
    await writeOutputFolder(out, files);
    shop = await import(path.join(out, "index.ts"));
    server = createServer((request, response) => {
      requests++;
      request.resume();
      request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("compiles with the validators imported and re-exported", () => {
    expect(typecheck([path.join(out, "index.ts")])).toEqual([]);
    expect(typeof shop.operationValidators).toBe("object");
  });

  it("runs the request validator before sending: a bad request never leaves the process", async () => {
    const client = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "test-api-key-123" }, maxRetries: 0 });
    const before = requests;
    const call = client.paymentsCreate({ path: { orderId: 1 }, header: { "Idempotency-Key": "i" }, body: { type: "card", token: "bad" } });
    await expect(call).rejects.toBeInstanceOf(shop.RequestValidationError);
    await expect(call).rejects.toThrow(/payments\.create.*body\.token must start with tok_/);
    expect(requests).toBe(before);
  });

  it("passes response validators, used when validate.response is on", async () => {
    const lenient = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "test-api-key-123" }, maxRetries: 0 });
    await expect(lenient.ordersList()).resolves.toEqual({});
    const strict = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "test-api-key-123" }, maxRetries: 0, validate: { response: true } });
    await expect(strict.ordersList()).rejects.toBeInstanceOf(shop.ResponseValidationError);
  });
});
