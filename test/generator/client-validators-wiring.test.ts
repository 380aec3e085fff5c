/**
 * The client emitter's side of the validators contract: client.ts imports `requestValidators` from ./validators.js
 * statically and hands them to the runtime; it loads `responseValidators` from ./response-validators.js with a
 * dynamic import, on first use, only when `validate.response` is on. A stand-in validators emitter (not the real
 * one, which has its own tests) makes the effect visible: its response module counts its own loading.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { FIXTURES, tempDir, typecheck } from "./helpers.js";

const STAND_IN_VALIDATORS = `import type { Validator } from "./runtime/index.js";

const rejectToken: Validator = () => ({
  ok: false,
  errors: [{ path: "body.token", message: "must start with tok_, found \\"bad\\"", keyword: "pattern", expected: "pattern ^tok_", found: '"bad"' }],
});

export const requestValidators: { readonly [operationId: string]: Validator } = { "payments.create": rejectToken };
`;

const STAND_IN_RESPONSE_VALIDATORS = `import type { Validator } from "./runtime/index.js";

const loads = globalThis as { responseValidatorLoads?: number };
loads.responseValidatorLoads = (loads.responseValidatorLoads ?? 0) + 1;

const rejectAnswer: Validator = () => ({ ok: false, errors: [{ path: "", message: "must be an array of two", keyword: "minItems" }] });

export const responseValidators: { readonly [operationId: string]: { readonly [status: string]: Validator } } = {
  "orders.list": { "200": rejectAnswer },
};
`;

const loads = globalThis as { responseValidatorLoads?: number };

describe("client wired to validators.ts", () => {
  let out: string;
  let server: Server;
  let baseUrl: string;
  let requests = 0;
  let shop: any;

  beforeAll(async () => {
    out = path.join(await tempDir("validators-wiring"), "shop");
    const { files } = await generate(path.join(FIXTURES, "shop-31.yaml"), {
      emitValidators: () => ({ "validators.ts": STAND_IN_VALIDATORS, "response-validators.ts": STAND_IN_RESPONSE_VALIDATORS }),
    });
    await writeOutputFolder(out, files);
    shop = await import(path.join(out, "index.ts"));
    server = createServer((request, response) => {
      requests++;
      request.resume();
      request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end("[]"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("compiles with the validators imported and re-exported", () => {
    expect(typecheck([path.join(out, "index.ts")])).toEqual([]);
    expect(typeof shop.requestValidators).toBe("object");
    expect(shop.responseValidators).toBeUndefined();
  });

  it("runs the request validator before sending: a bad request never leaves the process", async () => {
    const client = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "test-api-key-123" }, maxRetries: 0 });
    const before = requests;
    const call = client.paymentsCreate({ path: { orderId: 1 }, header: { "Idempotency-Key": "i" }, body: { type: "card", token: "bad" } });
    await expect(call).rejects.toBeInstanceOf(shop.RequestValidationError);
    await expect(call).rejects.toThrow(/payments\.create.*body\.token must start with tok_/);
    expect(requests).toBe(before);
  });

  it("loads the response validators only when validate.response is on, once, and uses them", async () => {
    const lenient = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "test-api-key-123" }, maxRetries: 0 });
    await expect(lenient.ordersList()).resolves.toEqual([]);
    expect(loads.responseValidatorLoads).toBeUndefined();
    const strict = new shop.FixtureShopClient({ baseUrl, credentials: { apiKeyAuth: "test-api-key-123" }, maxRetries: 0, validate: { response: true } });
    await expect(strict.ordersList()).rejects.toBeInstanceOf(shop.ResponseValidationError);
    await expect(strict.ordersList()).rejects.toThrow(/must be an array of two/);
    expect(loads.responseValidatorLoads).toBe(1);
  });
});
