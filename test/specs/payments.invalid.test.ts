/**
 * specs/payments.yaml (seed 003): invalid bodies are rejected with an error that names the field, and the
 * structural facts a client relies on (operation ids, methods and paths, server variable, auth, query parameters)
 * hold in the bundled spec.
 *
 * Document 003 shows no example bodies, so the valid baselines below are written here from its field list; each
 * invalid body breaks exactly one thing, so the only error expected is the one about that thing.
 */
import { describe, expect, it } from "vitest";
import type { Json, JsonObject } from "./body-edits.js";
import { checkBody, listOperations, loadBundledSpec } from "./spec-schemas.js";

const SPEC = "payments";
const SOURCE = "003_3a72d7a1121e4327.txt";

/** A Payment with every field of the document's Payment object (plus the inferred `id`). */
const payment: JsonObject = {
  id: "pay-1",
  user: { email: "buyer@example.com" },
  amount: 10.23,
  amount_paid: 10.23,
  amount_reserved: 0,
  currency: "USD",
  human_id: "AB12CD",
  subject: "order-1",
  current_state: "succeeded",
  active: true,
  payment_date: 1735689600,
  payment_method: "pm-1",
  billing_address: { city: "Berlin" },
  description: "Two orders",
  metadata: [{ any: "thing" }, "text"],
  status_code: "",
  error_message: "",
};
const payForOrders: JsonObject = { orders: ["order-1", "order-2"], payment_method: "pm-1" };
const update: JsonObject = { active: false, payment_method: "pm-2", billing_address: "addr-1", payment_date: 1735776000 };

async function errorsOf(operationId: string, target: "request" | `response.${string}`, body: Json) {
  return (await checkBody(SPEC, operationId, target, body)).errors;
}

describe("payments: valid baselines", () => {
  it("accepts a Payment with every documented field in each response that returns one", async () => {
    expect(await errorsOf("payForOrders", "response.201", payment)).toEqual([]);
    expect(await errorsOf("retrievePayment", "response.200", payment)).toEqual([]);
    expect(await errorsOf("updatePayment", "response.200", payment)).toEqual([]);
    expect(await errorsOf("listPayments", "response.200", [payment, payment])).toEqual([]);
  });

  it("accepts the request bodies with every documented argument", async () => {
    expect(await errorsOf("payForOrders", "request", payForOrders)).toEqual([]);
    expect(await errorsOf("updatePayment", "request", update)).toEqual([]);
  });

  it("accepts every current_state the document lists", async () => {
    const states = [
      "created", "processing", "captured", "succeeded", "failed", "cancelled",
      "reserved", "refunded", "partial_refund", "pending_refund", "refund_failed", "on_retry",
    ];
    for (const state of states) {
      expect(await errorsOf("retrievePayment", "response.200", { ...payment, current_state: state }), state).toEqual([]);
    }
  });
});

describe("payments: invalid request bodies are rejected, naming the field", () => {
  it("rejects an order given as a number instead of an Order ID string", async () => {
    expect(await errorsOf("payForOrders", "request", { ...payForOrders, orders: ["order-1", 2] })).toEqual([
      "/orders/1 must be string",
    ]);
  });

  it("rejects `orders` given as a single string instead of a list", async () => {
    expect(await errorsOf("payForOrders", "request", { ...payForOrders, orders: "order-1" })).toEqual([
      "/orders must be array",
    ]);
  });

  it("rejects a field the pay call does not take", async () => {
    expect(await errorsOf("payForOrders", "request", { ...payForOrders, amount: 10.23 })).toEqual([
      " must NOT have additional properties (amount)",
    ]);
  });

  it("rejects an update of a field that is not editable", async () => {
    expect(await errorsOf("updatePayment", "request", { ...update, currency: "EUR" })).toEqual([
      " must NOT have additional properties (currency)",
    ]);
    expect(await errorsOf("updatePayment", "request", { current_state: "cancelled" })).toEqual([
      " must NOT have additional properties (current_state)",
    ]);
  });

  it("rejects wrongly typed editable fields", async () => {
    expect(await errorsOf("updatePayment", "request", { ...update, active: "false" })).toEqual([
      "/active must be boolean",
    ]);
    expect(await errorsOf("updatePayment", "request", { ...update, payment_date: "2025-01-02" })).toEqual([
      "/payment_date must be number",
    ]);
    // The document types the editable billing_address as a string (unlike the Payment's object).
    expect(await errorsOf("updatePayment", "request", { ...update, billing_address: { city: "Berlin" } })).toEqual([
      "/billing_address must be string",
    ]);
  });

  it("accepts a partial update of one field", async () => {
    expect(await errorsOf("updatePayment", "request", { active: false })).toEqual([]);
  });
});

describe("payments: invalid response bodies are rejected, naming the field", () => {
  it("rejects a current_state outside the document's list", async () => {
    const errors = await errorsOf("retrievePayment", "response.200", { ...payment, current_state: "paid" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\/current_state must be equal to one of the allowed values \(\[.*"on_retry"\]\)$/);
  });

  it("rejects an amount given as a string (document 003 amounts are numbers)", async () => {
    expect(await errorsOf("retrievePayment", "response.200", { ...payment, amount: "10.23" })).toEqual([
      "/amount must be number",
    ]);
    expect(await errorsOf("retrievePayment", "response.200", { ...payment, amount_reserved: "0" })).toEqual([
      "/amount_reserved must be number",
    ]);
  });

  it("rejects a currency that is not a 3-letter ISO 4217 code", async () => {
    for (const currency of ["usd", "US", "USDT"]) {
      expect(await errorsOf("retrievePayment", "response.200", { ...payment, currency }), currency).toEqual([
        '/currency must match pattern "^[A-Z]{3}$"',
      ]);
    }
  });

  it("rejects a human_id that is not 6 characters long", async () => {
    expect(await errorsOf("retrievePayment", "response.200", { ...payment, human_id: "AB12C" })).toEqual([
      "/human_id must NOT have fewer than 6 characters",
    ]);
    expect(await errorsOf("retrievePayment", "response.200", { ...payment, human_id: "AB12CDE" })).toEqual([
      "/human_id must NOT have more than 6 characters",
    ]);
  });

  it("rejects a payment id given as a number where the string id belongs", async () => {
    expect(await errorsOf("retrievePayment", "response.200", { ...payment, id: 12 })).toEqual(["/id must be string"]);
  });

  it("rejects metadata given as an object (the document types it as an array)", async () => {
    expect(await errorsOf("retrievePayment", "response.200", { ...payment, metadata: { a: 1 } })).toEqual([
      "/metadata must be array",
    ]);
  });

  it("rejects a list answer that is not an array of Payments", async () => {
    expect(await errorsOf("listPayments", "response.200", { items: [payment] })).toEqual([" must be array"]);
    expect(await errorsOf("listPayments", "response.200", [{ ...payment, active: "yes" }])).toEqual([
      "/0/active must be boolean",
    ]);
  });

  it("keeps the Payment open to new fields: an extra field is no error, only reported as undeclared", async () => {
    const result = await checkBody(SPEC, "retrievePayment", "response.200", { ...payment, refunded_at: 1 });
    expect(result.errors).toEqual([]);
    expect(result.undeclared).toEqual(["/refunded_at"]);
  });
});

describe("payments: structure a client relies on", () => {
  const expected = {
    payForOrders: { method: "post", path: "/payments", status: "201", actions: ["pay"] },
    listPayments: { method: "get", path: "/payments", status: "200", actions: ["list-payments"] },
    retrievePayment: { method: "get", path: "/payments/{payment_id}", status: "200", actions: ["retrieve-payment"] },
    updatePayment: { method: "patch", path: "/payments/{payment_id}", status: "200", actions: ["update-payment"] },
  } as const;

  it("has exactly the four calls of the document, with source, payment actions and user/admin roles", async () => {
    const operations = await listOperations(SPEC);
    expect([...operations.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [operationId, want] of Object.entries(expected)) {
      const found = operations.get(operationId);
      expect(found, operationId).toMatchObject({ method: want.method, path: want.path });
      expect(found?.operation["x-source"], operationId).toBe(SOURCE);
      expect(found?.operation["x-payment-actions"], operationId).toEqual(want.actions);
      expect(found?.operation["security"], operationId).toEqual([{ bearerAuth: ["user"] }, { bearerAuth: ["admin"] }]);
      expect(Object.keys((found?.operation["responses"] ?? {}) as object), operationId).toEqual([want.status]);
      // The document gives no method or path: the operation says so.
      expect(found?.operation["x-inferred"], operationId).toEqual(expect.any(String));
    }
  });

  it("marks every path as inferred, since the document gives none", async () => {
    const paths = (await loadBundledSpec(SPEC))["paths"] as Record<string, Record<string, unknown>>;
    for (const [path, item] of Object.entries(paths)) {
      expect(item["x-inferred"], path).toEqual(expect.any(String));
    }
  });

  it("takes the whole base URL as a server variable with a placeholder default", async () => {
    const document = await loadBundledSpec(SPEC);
    expect(document["servers"]).toEqual([
      expect.objectContaining({
        url: "{baseUrl}",
        variables: {
          baseUrl: expect.objectContaining({ default: "https://api.example.com", description: expect.any(String) }),
        },
      }),
    ]);
  });

  it("authenticates with an HTTP bearer token", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemes = (document["components"] as { securitySchemes: Record<string, unknown> }).securitySchemes;
    expect(schemes).toEqual({ bearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }) });
  });

  it("takes the payment id as a required string path parameter for retrieve and update", async () => {
    const paths = (await loadBundledSpec(SPEC))["paths"] as Record<string, { parameters?: unknown }>;
    expect(paths["/payments/{payment_id}"]?.parameters).toEqual([
      expect.objectContaining({ name: "payment_id", in: "path", required: true, schema: { type: "string" } }),
    ]);
  });

  it("lists payments with the documented query parameters, types and defaults, and no invented status enum", async () => {
    const list = (await listOperations(SPEC)).get("listPayments");
    const parameters = (list?.operation["parameters"] ?? []) as { name: string; in: string; schema: object }[];
    expect(Object.fromEntries(parameters.map((p) => [p.name, { in: p.in, schema: p.schema }]))).toEqual({
      size: { in: "query", schema: { type: "number", default: 10 } },
      page: { in: "query", schema: { type: "number", default: 0 } },
      from_date: { in: "query", schema: { type: "number" } },
      to_date: { in: "query", schema: { type: "number" } },
      sort: { in: "query", schema: { type: "string" } },
      status: { in: "query", schema: { type: "string" } },
    });
  });

  it("declares no header parameters (the document names none)", async () => {
    for (const [operationId, { operation }] of await listOperations(SPEC)) {
      const headers = ((operation["parameters"] ?? []) as { in?: string }[]).filter((p) => p.in === "header");
      expect(headers, operationId).toEqual([]);
    }
  });
});
