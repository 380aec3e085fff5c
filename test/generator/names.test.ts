/** How spec names become TypeScript names: users see these as method, type and class names. */
import { describe, expect, it } from "vitest";
import { compareStatus, deriveClientName, deriveOperationId } from "../../generator/model-builder.js";
import { camelCase, pascalCase, safeIdentifier } from "../../generator/names.js";

describe("names", () => {
  it("keeps camelCase operationIds and joins dotted, dashed and snake ones", () => {
    expect(camelCase("transactionsCaptureCreate")).toBe("transactionsCaptureCreate");
    expect(camelCase("orders.list")).toBe("ordersList");
    expect(camelCase("create-refund_quote")).toBe("createRefundQuote");
    expect(camelCase("GetOrder")).toBe("getOrder");
  });

  it("derives an operationId from method and path when the spec gives none", () => {
    expect(deriveOperationId("get", "/orders/{order_id}/refunds")).toBe("getOrdersByOrderIdRefunds");
    expect(deriveOperationId("delete", "/")).toBe("delete");
  });

  it("derives a client class name from the title, without API/REST noise", () => {
    expect(deriveClientName("Next Commerce Admin API")).toBe("NextCommerceAdminClient");
    expect(deriveClientName("payments-api")).toBe("PaymentsClient");
    expect(deriveClientName("3D Secure API")).toBe("Api3DSecureClient");
  });

  it("makes schema-like names valid identifiers", () => {
    expect(pascalCase("order-line_item")).toBe("OrderLineItem");
    expect(safeIdentifier("2fa")).toBe("_2fa");
    expect(safeIdentifier("delete")).toBe("_delete");
    expect(safeIdentifier("Order")).toBe("Order");
  });

  it("orders statuses as a reader expects: 1xx..5xx with ranges after their codes, default last", () => {
    expect(["default", "4XX", "404", "201", "200", "2XX"].sort(compareStatus)).toEqual(["200", "201", "2XX", "404", "4XX", "default"]);
  });
});
