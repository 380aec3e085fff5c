/**
 * specs/bigcommerce.yaml (seed 004): invalid bodies are rejected with an error that names the field, and the
 * structural facts a client relies on (operation ids, server variable, auth scopes, paths) hold in the bundled spec.
 *
 * Each invalid body is a verbatim fixture of the document with exactly one thing broken, so the only error
 * expected is the one about that thing.
 */
import { describe, expect, it } from "vitest";
import { fixture as fixtureOf, withValue, type Json } from "./body-edits.js";
import { checkBody, listOperations, loadBundledSpec } from "./spec-schemas.js";

const SPEC = "bigcommerce";
const SOURCE = "004_916bf87a4a715848.txt";

const fixture = (name: string): Json => fixtureOf(SPEC, name);

async function errorsOf(operationId: string, target: "request" | `response.${string}`, body: Json) {
  return (await checkBody(SPEC, operationId, target, body)).errors;
}

describe("bigcommerce: the document's own bodies are the baseline", () => {
  it.each([
    ["createRefundQuote", "request"],
    ["createRefund", "request"],
    ["createRefundQuotesBatch", "request"],
    ["createRefund", "response.201"],
    ["getRefund", "response.200"],
    ["createRefundQuotesBatch", "response.201"],
  ] as const)("%s %s fixture is valid", async (operationId, target) => {
    expect(await errorsOf(operationId, target, fixture(`${operationId}.${target}`))).toEqual([]);
  });
});

describe("bigcommerce: invalid request bodies are rejected, naming the field", () => {
  const refund = fixture("createRefund.request");

  it("rejects an item id sent as a string", async () => {
    expect(await errorsOf("createRefund", "request", withValue(refund, "/items/0/item_id", "1"))).toEqual([
      "/items/0/item_id must be integer",
    ]);
  });

  it("rejects an amount sent as a decimal string (BigCommerce amounts are JSON numbers)", async () => {
    const body = withValue(refund, "/merchant_calculated_override/total_amount", "1.99");
    expect(await errorsOf("createRefund", "request", body)).toEqual([
      "/merchant_calculated_override/total_amount must be number",
    ]);
  });

  it("rejects a fractional quantity", async () => {
    expect(await errorsOf("createRefund", "request", withValue(refund, "/items/0/quantity", 1.5))).toEqual([
      "/items/0/quantity must be integer",
    ]);
  });

  it("rejects an `offline` flag that is not a boolean", async () => {
    expect(await errorsOf("createRefund", "request", withValue(refund, "/payments/0/offline", "true"))).toEqual([
      "/payments/0/offline must be boolean",
    ]);
  });

  it("rejects an unknown top-level field", async () => {
    expect(await errorsOf("createRefund", "request", withValue(refund, "/refund_all", true))).toEqual([
      " must NOT have additional properties (refund_all)",
    ]);
  });

  it("rejects an unknown field inside an item, a payment and the override", async () => {
    expect(await errorsOf("createRefund", "request", withValue(refund, "/items/0/price", 1.99))).toEqual([
      "/items/0 must NOT have additional properties (price)",
    ]);
    expect(await errorsOf("createRefund", "request", withValue(refund, "/payments/0/currency", "USD"))).toEqual([
      "/payments/0 must NOT have additional properties (currency)",
    ]);
    const override = withValue(refund, "/merchant_calculated_override/total_shipping", 0);
    expect(await errorsOf("createRefund", "request", override)).toEqual([
      "/merchant_calculated_override must NOT have additional properties (total_shipping)",
    ]);
  });

  it("requires `items` and `payments` for a refund, as the document marks them", async () => {
    expect(await errorsOf("createRefund", "request", withValue(refund, "/payments", undefined))).toEqual([
      " must have required property 'payments'",
    ]);
    expect(await errorsOf("createRefund", "request", withValue(refund, "/items", undefined))).toEqual([
      " must have required property 'items'",
    ]);
  });

  it("requires `items` for a single-order quote but not for a batch quote (the document marks only the first)", async () => {
    expect(await errorsOf("createRefundQuote", "request", {})).toEqual([" must have required property 'items'"]);
    expect(await errorsOf("createRefundQuotesBatch", "request", {})).toEqual([]);
  });

  it("accepts an item type the examples do not show (the document lists no allowed values)", async () => {
    const quote = withValue(fixture("createRefundQuote.request"), "/items/0/item_type", "HANDLING");
    expect(await errorsOf("createRefundQuote", "request", quote)).toEqual([]);
  });

  it("rejects an unknown field in a batch quote item", async () => {
    const batch = withValue(fixture("createRefundQuotesBatch.request"), "/items/0/order_id", 1);
    expect(await errorsOf("createRefundQuotesBatch", "request", batch)).toEqual([
      "/items/0 must NOT have additional properties (order_id)",
    ]);
  });
});

describe("bigcommerce: invalid response bodies are rejected, naming the field", () => {
  const refund = fixture("getRefund.response.200");

  it("rejects a refund id given as a string", async () => {
    expect(await errorsOf("getRefund", "response.200", withValue(refund, "/data/id", "12"))).toEqual([
      "/data/id must be integer",
    ]);
  });

  it("rejects a payment id given as a string", async () => {
    expect(await errorsOf("getRefund", "response.200", withValue(refund, "/data/payments/0/id", "13"))).toEqual([
      "/data/payments/0/id must be integer",
    ]);
  });

  it("accepts `requested_amount: null` and a number, and rejects a string", async () => {
    expect(await errorsOf("getRefund", "response.200", withValue(refund, "/data/items/0/requested_amount", 1.99)))
      .toEqual([]);
    expect(
      await errorsOf("getRefund", "response.200", withValue(refund, "/data/items/0/requested_amount", "1.99")),
    ).toEqual(["/data/items/0/requested_amount must be number,null"]);
  });

  it("rejects a `created` value that is not an RFC 3339 date-time", async () => {
    const body = withValue(refund, "/data/created", "16/06/2022 16:44");
    expect(await errorsOf("getRefund", "response.200", body)).toEqual([
      '/data/created must match format "date-time"',
    ]);
  });

  it("rejects a refund list whose `data` is not an array", async () => {
    const list = fixture("getRefunds.response.200");
    const data = (list as { data: Json[] }).data[0] ?? null;
    expect(await errorsOf("getRefunds", "response.200", withValue(list, "/data", data))).toEqual([
      "/data must be array",
    ]);
  });

  it("rejects refund methods that are not nested arrays", async () => {
    const quote = fixture("createRefundQuote.response.201");
    const flat = withValue(quote, "/data/refund_methods/0", { provider_id: "storecredit" });
    expect(await errorsOf("createRefundQuote", "response.201", flat)).toEqual([
      "/data/refund_methods/0 must be array",
    ]);
  });

  it("rejects batch pagination counts given as strings and error statuses given as strings", async () => {
    const batch = fixture("createRefundQuotesBatch.response.201");
    expect(await errorsOf("createRefundQuotesBatch", "response.201", withValue(batch, "/meta/meta/total", "36")))
      .toEqual(["/meta/meta/total must be integer"]);
    expect(await errorsOf("createRefundQuotesBatch", "response.201", withValue(batch, "/errors/0/status", "422")))
      .toEqual(["/errors/0/status must be integer"]);
  });

  it("keeps responses open to new fields: an extra field is no error, only reported as undeclared", async () => {
    const result = await checkBody(SPEC, "getRefund", "response.200", withValue(refund, "/data/currency", "USD"));
    expect(result.errors).toEqual([]);
    expect(result.undeclared).toEqual(["/data/currency"]);
  });
});

describe("bigcommerce: structure a client relies on", () => {
  const expected = {
    captureOrderPayment: { method: "post", path: "/orders/{order_id}/payment_actions/capture", status: "201", actions: ["capture"] },
    voidOrderPayment: { method: "post", path: "/orders/{order_id}/payment_actions/void", status: "201", actions: ["void"] },
    createRefundQuote: { method: "post", path: "/orders/{order_id}/payment_actions/refund_quotes", status: "201", actions: ["refund-quote"] },
    createRefundQuotesBatch: { method: "post", path: "/orders/payment_actions/refund_quotes", status: "201", actions: ["refund-quote"] },
    createRefund: { method: "post", path: "/orders/{order_id}/payment_actions/refunds", status: "201", actions: ["refund"] },
    getOrderRefunds: { method: "get", path: "/orders/{order_id}/payment_actions/refunds", status: "200", actions: ["list-refunds"] },
    getRefunds: { method: "get", path: "/orders/payment_actions/refunds", status: "200", actions: ["list-refunds"] },
    getRefund: { method: "get", path: "/orders/payment_actions/refunds/{refund_id}", status: "200", actions: ["retrieve-refund"] },
  } as const;
  const writeScopes = [{ authToken: ["store_v2_orders"] }, { authToken: ["store_v2_transactions"] }];
  const readScopes = [
    { authToken: ["store_v2_transactions_read_only"] },
    { authToken: ["store_v2_transactions"] },
    { authToken: ["store_v2_orders_read_only"] },
    { authToken: ["store_v2_orders"] },
  ];

  it("has exactly the eight operations of the document, at their paths, with source and payment actions", async () => {
    const operations = await listOperations(SPEC);
    expect([...operations.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [operationId, want] of Object.entries(expected)) {
      const found = operations.get(operationId);
      expect(found, operationId).toMatchObject({ method: want.method, path: want.path });
      expect(found?.operation["x-source"], operationId).toBe(SOURCE);
      expect(found?.operation["x-payment-actions"], operationId).toEqual(want.actions);
      expect(Object.keys((found?.operation["responses"] ?? {}) as object), operationId).toEqual([want.status]);
    }
  });

  it("serves every path under the store's server URL, with `store_hash` a server variable and never a path parameter", async () => {
    const document = await loadBundledSpec(SPEC);
    expect(document["servers"]).toEqual([
      expect.objectContaining({
        url: "https://api.bigcommerce.com/stores/{store_hash}/v3",
        variables: { store_hash: expect.objectContaining({ default: "store_hash", description: expect.any(String) }) },
      }),
    ]);
    const paths = Object.keys(document["paths"] as object);
    expect(paths.filter((path) => path.includes("/stores/") || path.includes("store_hash"))).toEqual([]);
    for (const { operation } of (await listOperations(SPEC)).values()) {
      const names = ((operation["parameters"] ?? []) as { name?: string; in?: string; $ref?: string }[]).map(
        (p) => p.name ?? p.$ref,
      );
      expect(names).not.toContain("store_hash");
    }
  });

  it("authenticates with the X-Auth-Token header and the documented alternative scopes", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemes = (document["components"] as { securitySchemes: Record<string, unknown> }).securitySchemes;
    expect(schemes).toEqual({
      authToken: expect.objectContaining({ type: "apiKey", in: "header", name: "X-Auth-Token" }),
    });
    for (const [operationId, { operation, method }] of await listOperations(SPEC)) {
      expect(operation["security"], operationId).toEqual(method === "get" ? readScopes : writeScopes);
    }
  });

  it("declares no Content-Type, Accept or other header parameter (the media types carry them)", async () => {
    for (const [operationId, { operation }] of await listOperations(SPEC)) {
      const headers = ((operation["parameters"] ?? []) as { in?: string }[]).filter((p) => p.in === "header");
      expect(headers, operationId).toEqual([]);
    }
  });

  it("sends the refund filters as comma-separated integer lists and RFC 3339 dates", async () => {
    const getRefunds = (await listOperations(SPEC)).get("getRefunds");
    const parameters = (getRefunds?.operation["parameters"] ?? []) as Record<string, unknown>[];
    const byName = new Map(parameters.map((p) => [p["name"], p]));
    expect([...byName.keys()]).toEqual(["order_id:in", "id:in", "created:min", "created:max", "page", "limit"]);
    for (const name of ["order_id:in", "id:in"]) {
      expect(byName.get(name), name).toMatchObject({
        in: "query",
        style: "form",
        explode: false,
        schema: { type: "array", items: { type: "integer" } },
      });
    }
    for (const name of ["created:min", "created:max"]) {
      expect(byName.get(name), name).toMatchObject({ in: "query", schema: { type: "string", format: "date-time" } });
    }
    for (const name of ["page", "limit"]) {
      expect(byName.get(name), name).toMatchObject({ in: "query", schema: { type: "integer" } });
    }
  });

  it("never closes a response schema to new fields", async () => {
    const document = await loadBundledSpec(SPEC);
    const closed: string[] = [];
    const visit = (node: unknown, pointer: string, seen: Set<string>): void => {
      if (node === null || typeof node !== "object") return;
      const schema = node as Record<string, unknown>;
      const ref = schema["$ref"];
      if (typeof ref === "string") {
        if (seen.has(ref)) return;
        const name = ref.replace("#/components/schemas/", "");
        const target = (document["components"] as { schemas: Record<string, unknown> }).schemas[name];
        visit(target, ref, new Set([...seen, ref]));
        return;
      }
      if (schema["additionalProperties"] === false || schema["unevaluatedProperties"] === false) closed.push(pointer);
      for (const [key, value] of Object.entries(schema)) {
        if (key !== "example" && key !== "examples") visit(value, `${pointer}/${key}`, seen);
      }
    };
    for (const [operationId, { operation }] of await listOperations(SPEC)) {
      visit(operation["responses"], `${operationId}/responses`, new Set());
    }
    expect(closed).toEqual([]);
  });
});
