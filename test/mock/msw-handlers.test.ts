/**
 * The generated MSW handlers (generated/<name>/msw.ts) under msw's own `setupServer`, driving the generated clients:
 * static answers are the spec's examples (read here from the spec file, not from msw.ts), dynamic ones are seeded and
 * pass the client's response validators, bad requests get Prism's 422 with each violation's pointer and message,
 * missing credentials get 401.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { generate } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { tempDir } from "../generator/helpers.js";
import { handlers as medusaHandlers } from "../../generated/medusa/msw.js";
import { MedusaClient } from "../../generated/medusa/index.js";
import { handlers as nextHandlers } from "../../generated/nextcommerce/msw.js";
import { NextCommerceClient } from "../../generated/nextcommerce/index.js";
import { handlers as paymentsHandlers } from "../../generated/payments/msw.js";
import { AuthenticationError, PaymentsClient, UnprocessableEntityError } from "../../generated/payments/index.js";

const BASE = "https://payments.test/api";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Spec = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>> };
const paymentsSpec = parseYaml(readFileSync(new URL("../../specs/payments.yaml", import.meta.url), "utf8")) as Spec;
const example = (path: string, method: string, status: string) => paymentsSpec.paths[path]![method]!.responses[status]!.content!["application/json"]!.example;

function payments(options: { credentials?: boolean; validateRequest?: boolean; validateResponse?: boolean } = {}) {
  return new PaymentsClient({
    baseUrl: BASE,
    maxRetries: 0,
    ...(options.credentials === false ? {} : { credentials: { bearerAuth: "test-token" } }),
    validate: { request: options.validateRequest ?? true, response: options.validateResponse ?? true },
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

describe("generated msw.ts handlers with setupServer", () => {
  it("prefer a literal path to a templated one, read deepObject and exploded array queries, and answer 400 where the spec documents only a 400", async () => {
    const { files } = await generate(fileURLToPath(new URL("./fixtures/routes.yaml", import.meta.url)), { msw: true });
    const dir = path.join(await tempDir("msw-routes"), "routes");
    await writeOutputFolder(dir, files);
    const { handlers } = (await import(path.join(dir, "msw.ts"))) as { handlers: typeof paymentsHandlers };
    server.use(...handlers());
    const key = { "x-api-key": "k" };
    const search = await fetch("https://routes.test/v2/payments/search?filter[min]=2&filter[status]=paid&ids=1&ids=2", { headers: key });
    expect(search.status).toBe(200);
    expect(await search.json()).toEqual({ found: 3 });
    const badFilter = await fetch("https://routes.test/v2/payments/search?filter[min]=two", { headers: key });
    expect(badFilter.status).toBe(422);
    expect(await badFilter.json()).toEqual(expect.objectContaining({ validation: [expect.objectContaining({ pointer: "/query/filter/min" })] }));
    await fetch("https://routes.test/v2/payments/search?filter[__proto__][polluted]=yes&filter[constructor][prototype][polluted]=yes", { headers: key });
    expect(Object.prototype).not.toHaveProperty("polluted");
    const badIds = await fetch("https://routes.test/v2/payments/search?ids=1&ids=x", { headers: key });
    expect(await badIds.json()).toEqual(expect.objectContaining({ validation: [expect.objectContaining({ pointer: "/query/ids/1" })] }));
    expect((await fetch("https://routes.test/v2/payments/7", { headers: key })).status).toBe(200);
    const badId = await fetch("https://routes.test/v2/payments/seven", { headers: key });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual(expect.objectContaining({ status: 400, validation: [expect.objectContaining({ pointer: "/path/id" })] }));
    expect((await fetch("https://routes.test/v2/payments/7")).status).toBe(401);
  });

  it("type a form body's fields as its schema says: numbers, booleans, repeated names, bracketed names and JSON text (Stripe's form bodies)", async () => {
    const { files } = await generate(fileURLToPath(new URL("./fixtures/form-body.yaml", import.meta.url)), { msw: true });
    const dir = path.join(await tempDir("msw-form"), "forms");
    await writeOutputFolder(dir, files);
    const { handlers } = (await import(path.join(dir, "msw.ts"))) as { handlers: typeof paymentsHandlers };
    server.use(...handlers());
    const post = (body: string) =>
      fetch("https://forms.test/v1/refunds", { method: "POST", headers: { authorization: "Bearer sk_test", "content-type": "application/x-www-form-urlencoded" }, body });
    for (const body of [
      "charge=ch_1&amount=100&refund_application_fee=true",
      "charge=ch_1&metadata[order]=6735&metadata[note]=late&expand[]=charge&expand[]=payment_intent",
      "expand=charge&expand=payment_intent",
      "expand[0]=charge&expand[1]=payment_intent",
      `metadata=${encodeURIComponent('{"order":"6735"}')}`,
    ]) {
      const response = await post(body);
      expect({ body, status: response.status }).toEqual({ body, status: 200 });
    }
    const notAnInteger = await post("charge=ch_1&amount=abc");
    expect(notAnInteger.status).toBe(422);
    expect(await notAnInteger.json()).toEqual(expect.objectContaining({ validation: [expect.objectContaining({ pointer: "/body/amount" })] }));
    const notAString = await post(`metadata[order][id]=1`);
    expect(await notAString.json()).toEqual(expect.objectContaining({ validation: [expect.objectContaining({ pointer: "/body/metadata/order" })] }));
    // A name a request chooses never reaches Object.prototype (the proxy reads requests from the network the same way).
    const polluting = await post("charge=ch_1&__proto__[polluted]=yes&metadata[__proto__][polluted]=yes");
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(await polluting.json()).toEqual(expect.objectContaining({ validation: expect.arrayContaining([expect.objectContaining({ pointer: "/body/__proto__" })]) }));
    const unknownField = await post("charge=ch_1&reason=duplicate");
    expect(await unknownField.json()).toEqual(expect.objectContaining({ validation: [expect.objectContaining({ pointer: "/body/reason" })] }));

    // The generated client writes the styled fields as the encoding says (metadata[order]=..., expand[]=...), and the handlers read them back.
    type FormClient = new (options: { credentials: { bearer: string }; maxRetries: number }) => {
      postRefunds(input: { body: Record<string, unknown> }): Promise<{ id?: string }>;
    };
    const { FormBodiesClient } = (await import(path.join(dir, "index.ts"))) as { FormBodiesClient: FormClient };
    const client = new FormBodiesClient({ credentials: { bearer: "sk_test" }, maxRetries: 0 });
    const sent: string[] = [];
    server.events.on("request:start", ({ request }) => void request.clone().text().then((text) => sent.push(text)));
    const refund = await client.postRefunds({ body: { charge: "ch_1", amount: 100, metadata: { order: "6735" }, expand: ["charge"] } });
    server.events.removeAllListeners();
    expect(refund).toEqual({ id: "re_1", amount: 100 });
    expect(sent).toEqual(["charge=ch_1&amount=100&metadata[order]=6735&expand[]=charge"]);
  });

  it("tell operations of one path apart by the header their template's fragment names (APIs.guru's AWS specs)", async () => {
    const { files } = await generate(fileURLToPath(new URL("./fixtures/fragment-paths.yaml", import.meta.url)), { msw: true });
    const dir = path.join(await tempDir("msw-fragments"), "targets");
    await writeOutputFolder(dir, files);
    const { handlers } = (await import(path.join(dir, "msw.ts"))) as { handlers: typeof paymentsHandlers };
    server.use(...handlers());
    type TargetsClient = new (options: { maxRetries: number }) => {
      listThings(input: { body: Record<string, unknown> }): Promise<unknown>;
      getThing(input: { body: Record<string, unknown> }): Promise<unknown>;
    };
    const { TargetsClient } = (await import(path.join(dir, "index.ts"))) as { TargetsClient: TargetsClient };
    const client = new TargetsClient({ maxRetries: 0 });
    expect(await client.listThings({ body: {} })).toEqual({ things: ["a", "b"] });
    expect(await client.getThing({ body: { name: "a" } })).toEqual({ name: "a" });
    // A bare name in the fragment: the operation whose required query parameter the request has (AWS's vpc-lattice).
    expect(await (await fetch("https://targets.test/things?owner=me")).json()).toEqual({ all: false });
    expect(await (await fetch("https://targets.test/things")).json()).toEqual({ all: true });
    // The request GetThing's handler checks is GetThing's own: its body lacks the name GetThing requires.
    const missingName = await fetch("https://targets.test/", { method: "POST", headers: { "x-amz-target": "Svc_20141006.GetThing", "content-type": "application/json" }, body: "{}" });
    expect(await missingName.json()).toEqual(expect.objectContaining({ detail: expect.stringContaining("GetThing"), validation: [expect.objectContaining({ pointer: "/body/name" })] }));
  });

  it("answer a 204 without a body, though the spec gives it one (SendGrid's deletes)", async () => {
    const { files } = await generate(fileURLToPath(new URL("./fixtures/no-content-body.yaml", import.meta.url)), { msw: true });
    const dir = path.join(await tempDir("msw-no-content"), "alerts");
    await writeOutputFolder(dir, files);
    const { handlers } = (await import(path.join(dir, "msw.ts"))) as { handlers: typeof paymentsHandlers };
    for (const dynamic of [false, true]) {
      server.resetHandlers(...handlers({ dynamic }));
      const response = await fetch("https://nocontent.test/alerts/7", { method: "DELETE" });
      expect({ dynamic, status: response.status, body: await response.text() }).toEqual({ dynamic, status: 204, body: "" });
    }
    type AlertsClient = new (options: { maxRetries: number }) => { deleteAlert(input: { path: { alert_id: number } }): Promise<unknown> };
    const { NoContentClient } = (await import(path.join(dir, "index.ts"))) as { NoContentClient: AlertsClient };
    await expect(new NoContentClient({ maxRetries: 0 }).deleteAlert({ path: { alert_id: 7 } })).resolves.toBeUndefined();
  });

  it("answer each operation with the spec's example in static mode", async () => {
    server.use(...paymentsHandlers({ baseUrl: BASE }));
    const client = payments();
    expect(await client.payForOrders({ body: { orders: ["order-1001"], payment_method: "pm-0001" } })).toEqual(example("/payments", "post", "201"));
    expect(await client.retrievePayment({ path: { payment_id: "p-1" } })).toEqual(example("/payments/{payment_id}", "get", "200"));
    expect(await client.listPayments({ query: { page: 2, size: 10 } })).toEqual(example("/payments", "get", "200"));
  });

  it("answer under the spec's server by default", async () => {
    server.use(...nextHandlers());
    const client = new NextCommerceClient({ credentials: { bearerAuth: "test-token" }, maxRetries: 0 });
    const body = await client.transactionsCaptureCreate({ path: { id: 1234 }, body: { amount: "10.00" } });
    expect(body).toEqual(expect.objectContaining({ id: expect.anything() }));
  });

  it("answer a bad request with 422 and each violation's location, JSON pointer and message, as Prism does", async () => {
    server.use(...paymentsHandlers({ baseUrl: BASE }));
    const error = await rejection(payments({ validateRequest: false }).payForOrders({ body: { orders: [7 as unknown as string], extra: 1 } as never }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const body = (error as UnprocessableEntityError).body as { status: number; validation: Array<Record<string, unknown>> };
    expect(body.status).toBe(422);
    expect(body.validation).toContainEqual(expect.objectContaining({ location: ["body", "orders", "0"], pointer: "/body/orders/0", code: "type" }));
    expect(body.validation).toContainEqual(expect.objectContaining({ location: ["body", "extra"], pointer: "/body/extra", code: "additionalProperties", message: expect.stringContaining("not allowed") }));
  });

  it("read query and path parameters as the spec types them (a number query parameter that is not one is a violation)", async () => {
    server.use(...paymentsHandlers({ baseUrl: BASE }));
    const good = await fetch(`${BASE}/payments?page=2&size=10`, { headers: { authorization: "Bearer t" } });
    expect(good.status).toBe(200);
    const bad = await fetch(`${BASE}/payments?page=two`, { headers: { authorization: "Bearer t" } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const body = (await bad.json()) as { validation: Array<Record<string, unknown>> };
    expect(body.validation).toEqual([expect.objectContaining({ pointer: "/query/page", code: "type" })]);
  });

  it("answer 401 when the required credential is missing", async () => {
    server.use(...paymentsHandlers({ baseUrl: BASE }));
    const error = await rejection(payments({ credentials: false }).retrievePayment({ path: { payment_id: "p-1" } }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    const basic = await fetch(`${BASE}/payments/p-1`, { headers: { authorization: "Basic dTpw" } });
    expect(basic.status).toBe(401);
  });

  it("in dynamic mode, answer values generated from the schema that pass the client's response validators, the same for the same seed", async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 15; seed++) {
      server.resetHandlers(...paymentsHandlers({ baseUrl: BASE, dynamic: true, seed }));
      const client = payments();
      const first = await client.retrievePayment({ path: { payment_id: "p-1" } });
      expect(await client.retrievePayment({ path: { payment_id: "p-1" } })).toEqual(first);
      await client.listPayments({});
      await client.payForOrders({ body: { orders: ["o-1"], payment_method: "pm-1" } });
      seen.add(JSON.stringify(first));
    }
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen]).not.toContain(JSON.stringify(example("/payments/{payment_id}", "get", "200")));
  });

  it("let a request pick its seed with Prefer: seed=<n>", async () => {
    server.use(...paymentsHandlers({ baseUrl: BASE, dynamic: true }));
    const get = (seed: number) => fetch(`${BASE}/payments/p-1`, { headers: { authorization: "Bearer t", prefer: `seed=${seed}` } }).then((r) => r.json());
    expect(await get(3)).toEqual(await get(3));
    expect(await get(3)).not.toEqual(await get(4));
  });

  it("generate from recursive schemas without running away (Medusa's payment collection), passing the validators", async () => {
    for (let seed = 1; seed <= 10; seed++) {
      server.resetHandlers(...medusaHandlers({ baseUrl: BASE, dynamic: true, seed }));
      const client = new MedusaClient({ baseUrl: BASE, credentials: { jwtToken: "t" }, maxRetries: 0, validate: { response: true } });
      await client.createPaymentCollection({ body: { order_id: "order_1" } });
    }
  });
});
