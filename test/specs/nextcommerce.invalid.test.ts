/**
 * specs/nextcommerce.yaml (seeds 000 and 001): invalid bodies are rejected with an error naming the field, and
 * the structural facts a client relies on (operation ids, version header values, server variable, scopes,
 * body locations, decimal strings) hold in the bundled spec.
 *
 * Each invalid body is a document fixture with exactly one thing broken, so the only error expected is the one
 * about that thing.
 */
import { describe, expect, it } from "vitest";
import { fixture as fixtureOf, withValue, type Json, type JsonObject } from "./body-edits.js";
import { checkBody, listOperations, loadBundledSpec } from "./spec-schemas.js";

const SPEC = "nextcommerce";

const fixture = (name: string): Json => fixtureOf(SPEC, name);

async function check(operationId: string, target: "request" | `response.${string}`, body: Json) {
  return checkBody(SPEC, operationId, target, body);
}

const order = fixture("ordersCollectPaymentCreate.response.200");
const transaction = fixture("transactionsCaptureCreate.response.200");

describe("nextcommerce: valid bodies are accepted", () => {
  it.each([
    ["partial amount", { amount: "12.50" }],
    ["whole amount", { amount: "100" }],
    ["largest amount the pattern allows", { amount: "9999999.99" }],
    ["no amount (captures the full authorized amount)", {}],
  ])("capture request with %s", async (_, body) => {
    expect(await check("transactionsCaptureCreate", "request", body)).toEqual({ errors: [], undeclared: [] });
  });

  it("collect-payment request with send_payment_notification", async () => {
    expect(await check("ordersCollectPaymentCreate", "request", { send_payment_notification: true })).toEqual({
      errors: [],
      undeclared: [],
    });
  });

  it("an order whose attribution metadata is an object instead of null", async () => {
    const body = withValue(order, "/attribution/metadata", { campaign: "spring" });
    expect(await check("ordersCollectPaymentCreate", "response.200", body)).toEqual({ errors: [], undeclared: [] });
  });

  it("a fulfillment whose delivery_status is a string instead of null", async () => {
    const body = withValue(order, "/fulfillments/0/delivery_status", "in_transit");
    expect(await check("ordersCollectPaymentCreate", "response.200", body)).toEqual({ errors: [], undeclared: [] });
  });
});

describe("nextcommerce: invalid request bodies are rejected, naming the field", () => {
  it.each([
    ["three decimal places", "1.234"],
    ["eight integer digits", "12345678.00"],
    ["a currency sign", "$12.50"],
    ["a thousands separator", "1,000.00"],
  ])("capture amount with %s breaks the decimal pattern", async (_, amount) => {
    const { errors } = await check("transactionsCaptureCreate", "request", { amount });
    expect(errors).toEqual(['/amount must match pattern "^-?\\d{0,7}(?:\\.\\d{0,2})?$"']);
  });

  it("capture amount sent as a number (money is a decimal string)", async () => {
    const { errors } = await check("transactionsCaptureCreate", "request", { amount: 12.5 });
    expect(errors).toEqual(["/amount must be string"]);
  });

  it("capture request with an unknown field", async () => {
    const result = await check("transactionsCaptureCreate", "request", { amount: "1.00", currency: "USD" });
    expect(result).toEqual({ errors: [" must NOT have additional properties (currency)"], undeclared: ["/currency"] });
  });

  it("send_payment_notification that is not a boolean", async () => {
    const { errors } = await check("ordersCollectPaymentCreate", "request", { send_payment_notification: "yes" });
    expect(errors).toEqual(["/send_payment_notification must be boolean"]);
  });

  it("the API version sent in the body (it is a header)", async () => {
    const result = await check("ordersCollectPaymentCreate", "request", { "X-29next-API-Version": "2024-04-01" });
    expect(result).toEqual({
      errors: [" must NOT have additional properties (X-29next-API-Version)"],
      undeclared: ["/X-29next-API-Version"],
    });
  });
});

describe("nextcommerce: invalid response bodies are rejected, naming the field", () => {
  it.each([
    ["transaction id as a string", "/id", "7", "/id must be integer"],
    ["gateway id as a string", "/payment_details/gateway/id", "3", "/payment_details/gateway/id must be integer"],
    ["amount as a number", "/amount", 10.5, "/amount must be string"],
    ["date_created that is not a date-time", "/date_created", "yesterday", '/date_created must match format "date-time"'],
    ["initiator email that is not an email", "/initiator/email", "nobody", '/initiator/email must match format "email"'],
    ["is_test as a string", "/is_test", "true", "/is_test must be boolean"],
    ["subscription billing_cycle as a string", "/subscription/billing_cycle", "1", "/subscription/billing_cycle must be integer"],
  ] as const)("capture response with %s", async (_, pointer, value, message) => {
    const { errors } = await check("transactionsCaptureCreate", "response.200", withValue(transaction, pointer, value));
    expect(errors).toEqual([message]);
  });

  it.each([
    ["a line quantity as a string", "/lines/0/quantity", "2", "/lines/0/quantity must be integer"],
    [
      "a fulfillment quantity above the 32-bit maximum",
      "/fulfillments/0/line_items/0/quantity",
      2147483648,
      "/fulfillments/0/line_items/0/quantity must be <= 2147483647",
    ],
    ["a tax rate as a string", "/lines/0/tax_lines/0/rate", "0.1", "/lines/0/tax_lines/0/rate must be number"],
    [
      "a refund transaction id as a string",
      "/refunds/0/transactions/0/id",
      "9",
      "/refunds/0/transactions/0/id must be integer",
    ],
    ["total_outstanding as a number", "/total_outstanding", 0, "/total_outstanding must be string"],
    ["order metadata as null", "/metadata", null, "/metadata must be object"],
    ["an order_status_url that is not a URI", "/order_status_url", "not a uri", '/order_status_url must match format "uri"'],
    ["the voucher's end_datetime as a date only", "/voucher_discounts/0/voucher/end_datetime", "2019-08-24T", '/voucher_discounts/0/voucher/end_datetime must match format "date-time"'],
  ] as const)("order response with %s", async (_, pointer, value, message) => {
    const { errors } = await check("ordersCollectPaymentCreate", "response.200", withValue(order, pointer, value));
    expect(errors).toEqual([message]);
  });

  it("reports response fields the spec does not declare, without rejecting them (responses stay open)", async () => {
    const body = withValue(withValue(order, "/risk_score", 3), "/lines/0/tax_lines/0/jurisdiction", "CA");
    expect(await check("ordersCollectPaymentCreate", "response.200", body)).toEqual({
      errors: [],
      undeclared: ["/lines/0/tax_lines/0/jurisdiction", "/risk_score"],
    });
  });

  it("keeps the capture Transaction and the Order's transactions distinct, as the documents show them", async () => {
    // is_initial_retry is documented only on the transactions nested in an Order (000), not on 001's Transaction.
    const body = withValue(transaction, "/is_initial_retry", true);
    expect((await check("transactionsCaptureCreate", "response.200", body)).undeclared).toEqual(["/is_initial_retry"]);
  });
});

describe("nextcommerce: the bundled spec", () => {
  it("has the documents' operations at their paths, trailing slash included", async () => {
    const operations = await listOperations(SPEC);
    expect([...operations].map(([id, { method, path, operation }]) => [id, method, path, operation["x-source"]])).toEqual([
      ["ordersCollectPaymentCreate", "post", "/orders/{number}/collect-payment/", "000_fbfa1c8c38c0c67c.txt"],
      ["transactionsCaptureCreate", "post", "/transactions/{id}/capture/", "001_b5a6da9c7979b7e3.txt"],
    ]);
    expect(operations.get("ordersCollectPaymentCreate")?.operation["x-payment-actions"]).toEqual(["collect-balance"]);
    expect(operations.get("transactionsCaptureCreate")?.operation["x-payment-actions"]).toEqual([
      "capture",
      "partial-capture",
    ]);
  });

  it.each([
    ["ordersCollectPaymentCreate", "2024-04-01"],
    ["transactionsCaptureCreate", "2023-02-10"],
  ])("%s requires X-29next-API-Version with exactly %s, sent by default", async (operationId, version) => {
    const operation = (await listOperations(SPEC)).get(operationId)?.operation;
    const parameters = (operation?.["parameters"] ?? []) as JsonObject[];
    const header = parameters.find((p) => p["in"] === "header" && p["name"] === "X-29next-API-Version");
    expect(header).toMatchObject({ required: true, schema: { type: "string", enum: [version], default: version } });
    // Content-Type is expressed by the media type; send_payment_notification/amount are body fields, not headers.
    expect(parameters.filter((p) => p["in"] === "header").map((p) => p["name"])).toEqual(["X-29next-API-Version"]);
  });

  it("types the path parameters as the documents do", async () => {
    const operations = await listOperations(SPEC);
    const pathParam = (id: string) =>
      ((operations.get(id)?.operation["parameters"] ?? []) as JsonObject[]).find((p) => p["in"] === "path");
    expect(pathParam("ordersCollectPaymentCreate")).toMatchObject({ name: "number", required: true, schema: { type: "string" } });
    expect(pathParam("transactionsCaptureCreate")).toMatchObject({
      name: "id",
      required: true,
      description: "A unique integer value identifying this Transaction.",
      schema: { type: "integer" },
    });
  });

  it("serves each store from its subdomain, example by default", async () => {
    const document = await loadBundledSpec(SPEC);
    expect(document["servers"]).toMatchObject([
      { url: "https://{store}.29next.store/api/admin", variables: { store: { default: "example" } } },
    ]);
    const variables = ((document["servers"] as JsonObject[])[0]?.["variables"] ?? {}) as Record<string, JsonObject>;
    expect(variables["store"]?.["description"]).toEqual(expect.stringMatching(/subdomain/));
  });

  it("requires a bearer token with the documented scope per operation", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemes = (document["components"] as JsonObject)["securitySchemes"] as Record<string, JsonObject>;
    expect(schemes["bearerAuth"]).toMatchObject({ type: "http", scheme: "bearer" });
    const operations = await listOperations(SPEC);
    expect(operations.get("ordersCollectPaymentCreate")?.operation["security"]).toEqual([{ bearerAuth: ["orders:write"] }]);
    expect(operations.get("transactionsCaptureCreate")?.operation["security"]).toEqual([
      { bearerAuth: ["transactions:write"] },
    ]);
  });

  it("closes request bodies and leaves every response object open and without required fields", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemas = (document["components"] as JsonObject)["schemas"] as Record<string, JsonObject>;
    const closed = Object.keys(schemas).filter((name) => schemas[name]?.["additionalProperties"] === false);
    expect(closed.sort()).toEqual(["OrderCollectPaymentRequest", "TransactionCaptureRequest"]);
    const text = JSON.stringify(schemas);
    expect(text).not.toContain('"unevaluatedProperties"');
    expect(Object.keys(schemas).filter((name) => schemas[name]?.["required"] !== undefined)).toEqual([]);
  });

  it("writes the capture amount as a decimal string with the documented pattern", async () => {
    const document = await loadBundledSpec(SPEC);
    const schemas = (document["components"] as JsonObject)["schemas"] as Record<string, JsonObject>;
    expect(schemas["CaptureAmount"]).toMatchObject({
      type: "string",
      format: "decimal",
      pattern: "^-?\\d{0,7}(?:\\.\\d{0,2})?$",
    });
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
