/**
 * specs/medusa.yaml (seed 002): invalid bodies are rejected with an error naming the field, at any depth of the
 * recursive payment collection graph, and the structural facts a client relies on (operation id, server
 * variable, auth alternatives, recursion through $ref) hold in the bundled spec.
 *
 * Each invalid body is a document fixture with exactly one thing broken, so the only error expected is the one
 * about that thing.
 */
import { describe, expect, it } from "vitest";
import { fixture as fixtureOf, withValue, type Json, type JsonObject } from "./body-edits.js";
import { checkBody, listOperations, loadBundledSpec } from "./spec-schemas.js";

const SPEC = "medusa";

const fixture = (name: string): Json => fixtureOf(SPEC, name);

async function check(target: "request" | "response.200", body: Json) {
  return checkBody(SPEC, "createPaymentCollection", target, body);
}

const request = fixture("createPaymentCollection.request");
const response = fixture("createPaymentCollection.response.200");

describe("medusa: valid bodies are accepted", () => {
  it.each([
    ["order_id only", { order_id: "order_01J" }],
    ["a fractional amount (amounts are numbers)", { order_id: "order_01J", amount: 10.5 }],
  ])("request with %s", async (_, body) => {
    expect(await check("request", body)).toEqual({ errors: [], undeclared: [] });
  });

  it("free-form data and metadata take any fields", async () => {
    const body = withValue(
      withValue(response, "/payment_collection/metadata", { source: "pos", nested: { a: [1] } }),
      "/payment_collection/payment_sessions/0/data",
      { client_secret: "pi_123_secret" },
    );
    expect(await check("response.200", body)).toEqual({ errors: [], undeclared: [] });
  });
});

describe("medusa: invalid request bodies are rejected, naming the field", () => {
  it("amount as a string (amounts are numbers)", async () => {
    expect((await check("request", withValue(request, "/amount", "10"))).errors).toEqual(["/amount must be number"]);
  });

  it("order_id as a number", async () => {
    expect((await check("request", withValue(request, "/order_id", 1))).errors).toEqual(["/order_id must be string"]);
  });

  it("a missing order_id", async () => {
    expect((await check("request", withValue(request, "/order_id", undefined))).errors).toEqual([
      " must have required property 'order_id'",
    ]);
  });

  it("an unknown field", async () => {
    expect(await check("request", withValue(request, "/currency_code", "usd"))).toEqual({
      errors: [" must NOT have additional properties (currency_code)"],
      undeclared: ["/currency_code"],
    });
  });
});

describe("medusa: invalid response bodies are rejected, naming the field, at any depth", () => {
  it.each([
    ["the collection amount as a string", "/payment_collection/amount", "0", "/payment_collection/amount must be number"],
    ["the collection id as a number", "/payment_collection/id", 1, "/payment_collection/id must be string"],
    [
      "completed_at that is not a date-time",
      "/payment_collection/completed_at",
      "2019-08-24",
      '/payment_collection/completed_at must match format "date-time"',
    ],
    [
      "a provider's is_enabled as a string",
      "/payment_collection/payment_providers/0/is_enabled",
      "true",
      "/payment_collection/payment_providers/0/is_enabled must be boolean",
    ],
    [
      "a session's customer id as a number",
      "/payment_collection/payment_sessions/0/context/customer/id",
      123,
      "/payment_collection/payment_sessions/0/context/customer/id must be string",
    ],
    [
      "a capture amount inside a session's payment",
      "/payment_collection/payment_sessions/0/payment/captures/0/amount",
      "1",
      "/payment_collection/payment_sessions/0/payment/captures/0/amount must be number",
    ],
    [
      "a refund reason label four levels down",
      "/payment_collection/payments/0/refunds/0/payment/refunds/0/refund_reason/label",
      false,
      "/payment_collection/payments/0/refunds/0/payment/refunds/0/refund_reason/label must be string",
    ],
    [
      "metadata as an array",
      "/payment_collection/metadata",
      [],
      "/payment_collection/metadata must be object",
    ],
    [
      "a back-reference that is not an object",
      "/payment_collection/payments/0/payment_collection",
      "pay_col_01",
      "/payment_collection/payments/0/payment_collection must be object",
    ],
  ] as [string, string, Json, string][])("%s", async (_, pointer, value, message) => {
    expect((await check("response.200", withValue(response, pointer, value))).errors).toEqual([message]);
  });

  it("validates a back-reference filled in with a full object by the same schema (recursion)", async () => {
    const body = withValue(response, "/payment_collection/payments/0/payment_collection", {
      id: "pay_col_01",
      amount: "ten",
    });
    expect((await check("response.200", body)).errors).toEqual([
      "/payment_collection/payments/0/payment_collection/amount must be number",
    ]);
  });

  it("reports undeclared response fields at any depth without rejecting them (responses stay open)", async () => {
    const body = withValue(
      withValue(response, "/payment_collection/payments/0/refunds/0/refund_reason/code", "damaged"),
      "/payment_collection/region_id",
      "reg_01",
    );
    expect(await check("response.200", body)).toEqual({
      errors: [],
      undeclared: ["/payment_collection/payments/0/refunds/0/refund_reason/code", "/payment_collection/region_id"],
    });
  });

  it("does not turn a status seen once into an allowed-values list", async () => {
    const body = withValue(
      withValue(response, "/payment_collection/status", "completed"),
      "/payment_collection/payment_sessions/0/status",
      "pending",
    );
    expect((await check("response.200", body)).errors).toEqual([]);
  });
});

describe("medusa: the bundled spec", () => {
  it("has the document's operation", async () => {
    const operations = await listOperations(SPEC);
    expect([...operations.keys()]).toEqual(["createPaymentCollection"]);
    const { method, path, operation } = operations.get("createPaymentCollection")!;
    expect([method, path]).toEqual(["post", "/admin/payment-collections"]);
    expect(operation).toMatchObject({
      summary: "Create Payment Collection",
      tags: ["Payment Collections"],
      "x-source": "002_cd34da7c54dc29a1.txt",
      "x-payment-actions": ["create-payment-collection", "collect-balance"],
    });
    expect(operation["parameters"]).toMatchObject([{ name: "fields", in: "query", required: false, schema: { type: "string" } }]);
  });

  it("takes the base URL from a server variable defaulting to a local Medusa", async () => {
    const document = await loadBundledSpec(SPEC);
    expect(document["servers"]).toMatchObject([
      { url: "{baseUrl}", variables: { baseUrl: { default: "http://localhost:9000" } } },
    ]);
  });

  it("accepts a JWT, a secret API key or a session cookie, as alternatives", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemes = (document["components"] as JsonObject)["securitySchemes"];
    expect(schemes).toMatchObject({
      jwtToken: { type: "http", scheme: "bearer" },
      apiKey: { type: "http", scheme: "basic" },
      cookieAuth: { type: "apiKey", in: "cookie", name: "connect.sid" },
    });
    const operation = (await listOperations(SPEC)).get("createPaymentCollection")?.operation;
    expect(operation?.["security"]).toEqual([{ jwtToken: [] }, { apiKey: [] }, { cookieAuth: [] }]);
  });

  it("links the payment graph back to its parents through $ref, as the example's {} back-references show", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemas = (document["components"] as JsonObject)["schemas"] as Record<string, JsonObject>;
    const refOf = (schema: string, property: string): Json | undefined => {
      const node = (schemas[schema]?.["properties"] as JsonObject | undefined)?.[property] as JsonObject | undefined;
      const target = (node?.["items"] ?? node) as JsonObject | undefined;
      return target?.["$ref"];
    };
    expect({
      "Payment.payment_collection": refOf("Payment", "payment_collection"),
      "Payment.payment_session": refOf("Payment", "payment_session"),
      "Payment.captures": refOf("Payment", "captures"),
      "Payment.refunds": refOf("Payment", "refunds"),
      "PaymentSession.payment": refOf("PaymentSession", "payment"),
      "PaymentSession.payment_collection": refOf("PaymentSession", "payment_collection"),
      "PaymentCollection.payments": refOf("PaymentCollection", "payments"),
      "PaymentCollection.payment_sessions": refOf("PaymentCollection", "payment_sessions"),
      "Capture.payment": refOf("Capture", "payment"),
      "Refund.payment": refOf("Refund", "payment"),
      "Refund.refund_reason": refOf("Refund", "refund_reason"),
    }).toEqual({
      "Payment.payment_collection": "#/components/schemas/PaymentCollection",
      "Payment.payment_session": "#/components/schemas/PaymentSession",
      "Payment.captures": "#/components/schemas/Capture",
      "Payment.refunds": "#/components/schemas/Refund",
      "PaymentSession.payment": "#/components/schemas/Payment",
      "PaymentSession.payment_collection": "#/components/schemas/PaymentCollection",
      "PaymentCollection.payments": "#/components/schemas/Payment",
      "PaymentCollection.payment_sessions": "#/components/schemas/PaymentSession",
      "Capture.payment": "#/components/schemas/Payment",
      "Refund.payment": "#/components/schemas/Payment",
      "Refund.refund_reason": "#/components/schemas/RefundReason",
    });
  });

  it("closes only the request body and marks no response field required", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemas = (document["components"] as JsonObject)["schemas"] as Record<string, JsonObject>;
    const closed = Object.keys(schemas).filter((name) => schemas[name]?.["additionalProperties"] === false);
    expect(closed).toEqual(["CreatePaymentCollectionRequest"]);
    expect(JSON.stringify(schemas)).not.toContain('"unevaluatedProperties"');
    const withRequired = Object.keys(schemas).filter((name) => schemas[name]?.["required"] !== undefined);
    expect(withRequired).toEqual(["CreatePaymentCollectionRequest"]);
  });

  it("says why at every x-inferred judgement call", async () => {
    const notes: [string, Json][] = [];
    const walk = (node: Json, pointer: string): void => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${pointer}/${i}`));
      else if (node !== null && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "x-inferred") notes.push([pointer, value]);
          else if (key !== "example") walk(value, `${pointer}/${key}`);
        }
      }
    };
    walk(await loadBundledSpec(SPEC), "#");
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter(([, note]) => typeof note !== "string" || note.length < 40)).toEqual([]);
  });
});
