/**
 * Type tests of the committed generated clients (run by vitest's typecheck): the calls a user writes compile with
 * the right result types, and a wrong parameter, a missing required field, or a misspelt operation does not.
 */
import { describe, expectTypeOf, it } from "vitest";
import { NextCommerceClient, type Transaction, type Order } from "../../generated/nextcommerce/index.js";
import { BigCommerceClient } from "../../generated/bigcommerce/index.js";
import { MedusaClient } from "../../generated/medusa/index.js";
import { PaymentsClient } from "../../generated/payments/index.js";
import type { components as PaymentsComponents } from "../../generated/payments/index.js";

describe("NextCommerceClient", () => {
  const client = new NextCommerceClient({ serverVariables: { store: "acme" }, credentials: { bearerAuth: "token" } });

  it("captures a transaction: path and body in, a Transaction out; the version header is the client's job", () => {
    expectTypeOf(client.transactionsCaptureCreate({ path: { id: 1 }, body: { amount: "10.00" } })).resolves.toEqualTypeOf<Transaction>();
    expectTypeOf(client.ordersCollectPaymentCreate).returns.resolves.toEqualTypeOf<Order>();
  });

  it("rejects a wrong path parameter type, a missing path, an unknown body field and a misspelt operation", () => {
    // @ts-expect-error: the transaction id is an integer
    void client.transactionsCaptureCreate({ path: { id: "1" }, body: { amount: "10.00" } });
    // @ts-expect-error: the path parameter is required
    void client.transactionsCaptureCreate({ body: { amount: "10.00" } });
    // @ts-expect-error: amounts are decimal strings, never numbers
    void client.transactionsCaptureCreate({ path: { id: 1 }, body: { amount: 10 } });
    // @ts-expect-error: misspelt operation
    void client.transactionCaptureCreate({ path: { id: 1 } });
    // @ts-expect-error: credentials are keyed by the spec's security schemes
    void new NextCommerceClient({ credentials: { apiKey: "token" } });
  });

  it("keeps the raw openapi-fetch client reachable", () => {
    expectTypeOf(client.raw.POST).toBeFunction();
  });
});

describe("BigCommerceClient", () => {
  const client = new BigCommerceClient();
  it("requires the order id of a capture and rejects a string for it", () => {
    expectTypeOf(client.captureOrderPayment).parameter(0).toHaveProperty("path");
    // @ts-expect-error: the order id is required
    void client.captureOrderPayment({ path: {} });
    // @ts-expect-error: misspelt operation
    void client.captureOrderPayments({ path: { order_id: 1 } });
  });
});

describe("MedusaClient", () => {
  const client = new MedusaClient();
  it("needs a body to create a payment collection", () => {
    // @ts-expect-error: the request body is required
    void client.createPaymentCollection({});
  });
});

describe("PaymentsClient", () => {
  const client = new PaymentsClient();
  it("retrieves a payment by its string id, and the result is the spec's Payment schema", () => {
    expectTypeOf(client.retrievePayment({ path: { payment_id: "pay_1" } })).resolves.toEqualTypeOf<PaymentsComponents["schemas"]["Payment"]>();
    // @ts-expect-error: payment_id is a string
    void client.retrievePayment({ path: { payment_id: 1 } });
    // listPayments has no required input: the argument may be left out.
    expectTypeOf(client.listPayments).toBeCallableWith();
  });
});
