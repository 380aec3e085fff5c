/**
 * The corpus of spec changes `payspec diff` is held to: each case edits the base spec (test/fixtures/diff/shop.yaml)
 * and lists, written by hand, every change the diff must report: check id, wire-level classification, operation, and
 * the TypeScript compiler's verdict on code written against the old client. Nothing more may be reported.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { CheckId, Level } from "../../generator/diff/checks.js";
import type { CompilerVerdict } from "../../generator/diff/compiler.js";

export type Doc = any;

export interface Expected {
  readonly check: CheckId;
  readonly classification: Level;
  readonly operationId: string | null;
  readonly compiler: CompilerVerdict;
  readonly pointer?: string;
  readonly clientChange?: string;
}

export interface Case {
  readonly name: string;
  /** Edits the base into the old version (default: the base as it is). */
  readonly before?: (doc: Doc) => void;
  /** Edits the old version into the new one. */
  readonly after: (doc: Doc) => void;
  readonly expected: readonly Expected[];
}

export const BASE: Doc = parse(readFileSync(new URL("../fixtures/diff/shop.yaml", import.meta.url), "utf8"));

const WHERE_USED = "does-not-compile-where-used";
const BREAKS = "does-not-compile";
const OK = "compiles";

function e(check: CheckId, classification: Level, operationId: string | null, compiler: CompilerVerdict = OK, extra: Partial<Expected> = {}): Expected {
  return { check, classification, operationId, compiler, ...extra };
}

const S = (d: Doc) => d.components.schemas;
const NEW = (d: Doc) => S(d).NewOrder.properties;
const ORDER = (d: Doc) => S(d).Order.properties;
const LIST = (d: Doc) => d.paths["/orders"].get;
const CREATE = (d: Doc) => d.paths["/orders"].post;
const GET = (d: Doc) => d.paths["/orders/{id}"].get;
const CANCEL = (d: Doc) => d.paths["/orders/{id}/cancel"].post;
const PAY = (d: Doc) => d.paths["/orders/{id}/payments"].post;
const HEALTH = (d: Doc) => d.paths["/health"].get;
const param = (d: Doc, name: string) => LIST(d).parameters.find((p: Doc) => p.name === name);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const CASES: readonly Case[] = [
  // The traps the issue names.
  {
    name: "trap: a readOnly property removed from a request is not breaking",
    after: (d) => delete NEW(d).id,
    expected: [
      e("request-read-only-property-removed", "non-breaking", "createOrder", WHERE_USED, {
        pointer: "/components/schemas/NewOrder/properties/id",
        clientChange: "ShopClient.createOrder: input.body.id was removed",
      }),
    ],
  },
  {
    name: "trap: a $ref renamed to the same shape is no change",
    after: (d) => {
      S(d).OrderLine = S(d).NewLine;
      delete S(d).NewLine;
      NEW(d).lines.items = ref("OrderLine");
    },
    expected: [],
  },
  {
    name: "trap: an optional request field added is not breaking",
    after: (d) => (NEW(d).gift_note = { type: "string" }),
    expected: [e("new-optional-request-property", "non-breaking", "createOrder", OK, { pointer: "/components/schemas/NewOrder/properties/gift_note" })],
  },
  {
    name: "trap: a response field that gains an enum is not breaking",
    after: (d) => (ORDER(d).channel.enum = ["web", "pos"]),
    expected: [e("response-property-became-enum", "non-breaking", "getOrder", OK, { pointer: "/components/schemas/Order/properties/channel/enum" })],
  },
  {
    name: "trap: a request field that gains an enum is breaking",
    after: (d) => (NEW(d).coupon.enum = ["SPRING", "SUMMER"]),
    expected: [
      e("request-property-became-enum", "breaking", "createOrder", BREAKS, {
        pointer: "/components/schemas/NewOrder/properties/coupon/enum",
        clientChange: 'ShopClient.createOrder: input.body.coupon is now restricted to "SPRING", "SUMMER"',
      }),
    ],
  },

  // Nothing a client sees.
  { name: "no change: the same spec", after: () => undefined, expected: [] },
  {
    name: "no change: a parameter moved into components and referenced",
    after: (d) => {
      d.components.parameters = { Page: param(d, "page") };
      LIST(d).parameters[0] = { $ref: "#/components/parameters/Page" };
    },
    expected: [],
  },
  { name: "no change: a schema's x- extension", after: (d) => (S(d).Order["x-internal"] = "yes"), expected: [] },
  {
    name: "no change: properties moved into an allOf part",
    after: (d) => {
      S(d).OrderSummary = { allOf: [{ type: "object", required: ["id"], properties: { id: { type: "string" } } }, { type: "object", properties: { total: ref("Money") } }] };
    },
    expected: [],
  },

  // Operations
  {
    name: "an operation added",
    after: (d) => (d.paths["/orders/{id}/notes"] = { get: { operationId: "listOrderNotes", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "Notes" } } } }),
    expected: [e("endpoint-added", "non-breaking", "listOrderNotes", OK, { pointer: "/paths/~1orders~1{id}~1notes/get" })],
  },
  {
    name: "an operation removed without deprecation",
    after: (d) => delete d.paths["/health"],
    expected: [e("api-removed-without-deprecation", "breaking", "getHealth", BREAKS, { clientChange: "ShopClient.getHealth was removed" })],
  },
  {
    name: "a deprecated operation removed",
    before: (d) => (HEALTH(d).deprecated = true),
    after: (d) => delete d.paths["/health"],
    expected: [e("api-removed-with-deprecation", "breaking", "getHealth", BREAKS)],
  },
  {
    name: "an operation moved to another path",
    after: (d) => {
      d.paths["/orders/{id}/cancellation"] = d.paths["/orders/{id}/cancel"];
      delete d.paths["/orders/{id}/cancel"];
    },
    expected: [e("api-operation-moved", "breaking", "cancelOrder", OK)],
  },
  {
    name: "an operationId changed: the method is renamed",
    after: (d) => (CANCEL(d).operationId = "voidOrder"),
    expected: [e("api-operation-id-changed", "annotation", "voidOrder", BREAKS, { clientChange: "ShopClient.cancelOrder is now voidOrder" })],
  },
  { name: "an operation deprecated", after: (d) => (HEALTH(d).deprecated = true), expected: [e("endpoint-deprecated", "non-breaking", "getHealth")] },
  {
    name: "an operation no longer deprecated",
    before: (d) => (HEALTH(d).deprecated = true),
    after: (d) => delete HEALTH(d).deprecated,
    expected: [e("endpoint-reactivated", "non-breaking", "getHealth")],
  },
  { name: "an operation's summary changed", after: (d) => (LIST(d).summary = "List the orders"), expected: [e("operation-documentation-changed", "annotation", "listOrders")] },
  { name: "an operation's x- extension changed", after: (d) => (LIST(d)["x-paging"] = { style: "page" }), expected: [e("operation-extension-changed", "annotation", "listOrders")] },

  // Parameters
  {
    name: "a new required parameter",
    after: (d) => LIST(d).parameters.push({ name: "store", in: "query", required: true, schema: { type: "string" } }),
    expected: [e("new-required-request-parameter", "breaking", "listOrders", BREAKS, { clientChange: "ShopClient.listOrders: input.query.store was added, required" })],
  },
  {
    name: "a new optional parameter",
    after: (d) => LIST(d).parameters.push({ name: "sort", in: "query", schema: { type: "string" } }),
    expected: [e("new-optional-request-parameter", "non-breaking", "listOrders")],
  },
  {
    name: "a new required header with a single value (the client sends it itself)",
    after: (d) => LIST(d).parameters.push({ name: "X-Api-Version", in: "header", required: true, schema: { type: "string", const: "2024-01" } }),
    expected: [e("new-required-request-parameter", "breaking", "listOrders", OK)],
  },
  {
    name: "a parameter removed",
    after: (d) => LIST(d).parameters.splice(1, 1),
    expected: [e("request-parameter-removed", "possibly-breaking", "listOrders", WHERE_USED, { pointer: "/paths/~1orders/get/parameters/1" })],
  },
  { name: "a parameter became required", after: (d) => (param(d, "page").required = true), expected: [e("request-parameter-became-required", "breaking", "listOrders", BREAKS)] },
  {
    name: "a parameter became optional",
    before: (d) => (param(d, "page").required = true),
    after: (d) => delete param(d, "page").required,
    expected: [e("request-parameter-became-optional", "non-breaking", "listOrders")],
  },
  { name: "a parameter's serialization changed", after: (d) => (param(d, "ids").explode = false), expected: [e("request-parameter-serialization-changed", "breaking", "listOrders")] },
  { name: "a parameter deprecated", after: (d) => (param(d, "status").deprecated = true), expected: [e("request-parameter-deprecated", "non-breaking", "listOrders")] },
  {
    name: "a parameter no longer deprecated",
    before: (d) => (param(d, "status").deprecated = true),
    after: (d) => delete param(d, "status").deprecated,
    expected: [e("request-parameter-reactivated", "non-breaking", "listOrders")],
  },
  {
    name: "a path parameter renamed",
    after: (d) => {
      const item = d.paths["/orders/{id}"];
      item.parameters[0].name = "order_id";
      d.paths["/orders/{order_id}"] = item;
      delete d.paths["/orders/{id}"];
    },
    expected: [e("request-path-parameter-renamed", "annotation", "getOrder", BREAKS, { clientChange: "ShopClient.getOrder: input.path.id is now input.path.order_id" })],
  },
  { name: "a parameter that gains an enum", after: (d) => (param(d, "status").schema.enum = ["open", "paid"]), expected: [e("request-property-became-enum", "breaking", "listOrders", BREAKS)] },
  { name: "a parameter's type changed", after: (d) => (param(d, "status").schema.type = "integer"), expected: [e("request-property-type-changed", "breaking", "listOrders", BREAKS)] },
  {
    name: "a parameter's schema replaced: its type and its bound",
    after: (d) => (param(d, "page").schema = { type: "string" }),
    expected: [e("request-property-type-changed", "breaking", "listOrders", BREAKS), e("request-property-min-unset", "non-breaking", "listOrders", BREAKS)],
  },

  // Request bodies
  {
    name: "a required request body added",
    after: (d) => (CANCEL(d).requestBody = { required: true, content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } } }),
    expected: [e("request-body-added-required", "breaking", "cancelOrder", BREAKS)],
  },
  {
    name: "an optional request body added",
    after: (d) => (CANCEL(d).requestBody = { content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } } }),
    expected: [e("request-body-added-optional", "non-breaking", "cancelOrder")],
  },
  { name: "a request body removed", after: (d) => delete PAY(d).requestBody, expected: [e("request-body-removed", "possibly-breaking", "payOrder", WHERE_USED)] },
  { name: "a request body became optional", after: (d) => (CREATE(d).requestBody.required = false), expected: [e("request-body-became-optional", "non-breaking", "createOrder")] },
  {
    name: "a request body became required",
    before: (d) => (CREATE(d).requestBody.required = false),
    after: (d) => (CREATE(d).requestBody.required = true),
    expected: [e("request-body-became-required", "breaking", "createOrder", BREAKS)],
  },
  { name: "a request media type removed", after: (d) => delete CREATE(d).requestBody.content["text/plain"], expected: [e("request-body-media-type-removed", "breaking", "createOrder")] },
  {
    name: "a request media type added",
    after: (d) => (CREATE(d).requestBody.content["application/x-www-form-urlencoded"] = { schema: ref("NewOrder") }),
    expected: [e("request-body-media-type-added", "non-breaking", "createOrder")],
  },

  // Request schemas
  { name: "a request property's type changed", after: (d) => (NEW(d).coupon.type = "integer"), expected: [e("request-property-type-changed", "breaking", "createOrder", BREAKS)] },
  { name: "a request property's type widened", after: (d) => (NEW(d).priority.type = "number"), expected: [e("request-property-type-generalized", "non-breaking", "createOrder")] },
  { name: "a request property no longer nullable", after: (d) => (NEW(d).gift.type = "boolean"), expected: [e("request-property-became-not-nullable", "breaking", "createOrder", BREAKS)] },
  { name: "a request property became nullable", after: (d) => (NEW(d).coupon.type = ["string", "null"]), expected: [e("request-property-became-nullable", "non-breaking", "createOrder")] },
  { name: "a request enum value removed", after: (d) => (NEW(d).channel.enum = ["web"]), expected: [e("request-property-enum-value-removed", "breaking", "createOrder", BREAKS)] },
  { name: "a request enum value added", after: (d) => NEW(d).channel.enum.push("app"), expected: [e("request-property-enum-value-added", "non-breaking", "createOrder")] },
  { name: "a request enum removed", after: (d) => delete NEW(d).channel.enum, expected: [e("request-property-enum-removed", "non-breaking", "createOrder")] },
  {
    name: "a request pattern added (the types cannot show it)",
    after: (d) => (NEW(d).coupon.pattern = "^[A-Z]+$"),
    expected: [e("request-property-pattern-added", "breaking", "createOrder", OK, { pointer: "/components/schemas/NewOrder/properties/coupon/pattern" })],
  },
  {
    name: "a shared schema's pattern changed: once per operation that uses it",
    after: (d) => (S(d).Money.pattern = "^-?\\d+(\\.\\d{1,4})?$"),
    expected: [
      e("request-property-pattern-changed", "possibly-breaking", "createOrder", OK, { pointer: "/components/schemas/Money/pattern" }),
      e("response-property-pattern-changed", "possibly-breaking", "getOrder", OK, { pointer: "/components/schemas/Money/pattern" }),
      e("response-property-pattern-changed", "possibly-breaking", "listOrders", OK, { pointer: "/components/schemas/Money/pattern" }),
    ],
  },
  {
    name: "a shared schema's pattern removed",
    after: (d) => delete S(d).Money.pattern,
    expected: [
      e("request-property-pattern-removed", "non-breaking", "createOrder"),
      e("response-property-pattern-removed", "possibly-breaking", "getOrder"),
      e("response-property-pattern-removed", "possibly-breaking", "listOrders"),
    ],
  },
  { name: "a request format changed", after: (d) => (NEW(d).placed_at.format = "date"), expected: [e("request-property-format-changed", "possibly-breaking", "createOrder")] },
  { name: "a request format removed", after: (d) => delete NEW(d).placed_at.format, expected: [e("request-property-format-removed", "non-breaking", "createOrder")] },
  { name: "a request maxLength set", after: (d) => (NEW(d).coupon.maxLength = 20), expected: [e("request-property-max-set", "breaking", "createOrder")] },
  { name: "a request maxLength lowered", after: (d) => (NEW(d).note.maxLength = 100), expected: [e("request-property-max-decreased", "breaking", "createOrder")] },
  { name: "a request maxItems raised", after: (d) => (NEW(d).lines.maxItems = 100), expected: [e("request-property-max-increased", "non-breaking", "createOrder")] },
  { name: "a request maximum removed", after: (d) => delete NEW(d).priority.maximum, expected: [e("request-property-max-unset", "non-breaking", "createOrder")] },
  { name: "a request minLength set", after: (d) => (NEW(d).note.minLength = 1), expected: [e("request-property-min-set", "breaking", "createOrder")] },
  {
    name: "a request minimum raised, in an array's items",
    after: (d) => (S(d).NewLine.properties.quantity.minimum = 2),
    expected: [e("request-property-min-increased", "breaking", "createOrder", OK, { clientChange: "ShopClient.createOrder: input.body.lines[].quantity minimum rose from 1 to 2" })],
  },
  { name: "a request minItems lowered", after: (d) => (NEW(d).lines.minItems = 0), expected: [e("request-property-min-decreased", "non-breaking", "createOrder")] },
  { name: "a request minimum removed", after: (d) => delete NEW(d).priority.minimum, expected: [e("request-property-min-unset", "non-breaking", "createOrder")] },
  { name: "a request multipleOf tightened", after: (d) => (NEW(d).tip.multipleOf = 0.05), expected: [e("request-property-constraint-added", "breaking", "createOrder")] },
  { name: "a request multipleOf removed", after: (d) => delete NEW(d).tip.multipleOf, expected: [e("request-property-constraint-removed", "non-breaking", "createOrder")] },
  {
    name: "a new required request property",
    after: (d) => {
      NEW(d).currency = { type: "string" };
      S(d).NewOrder.required.push("currency");
    },
    expected: [e("new-required-request-property", "breaking", "createOrder", BREAKS, { clientChange: "ShopClient.createOrder: input.body.currency was added, required" })],
  },
  {
    name: "a new required readOnly request property: nothing on the wire, but the types require it",
    after: (d) => {
      NEW(d).created_by = { type: "string", readOnly: true };
      S(d).NewOrder.required.push("created_by");
    },
    expected: [e("new-required-request-read-only-property", "non-breaking", "createOrder", BREAKS)],
  },
  {
    name: "a request property removed from an open object",
    after: (d) => delete S(d).NewLine.properties.unit_price,
    expected: [e("request-property-removed", "possibly-breaking", "createOrder", WHERE_USED, { clientChange: "ShopClient.createOrder: input.body.lines[].unit_price was removed" })],
  },
  { name: "a request property removed from a closed object", after: (d) => delete NEW(d).coupon, expected: [e("request-property-removed-now-refused", "breaking", "createOrder", WHERE_USED)] },
  {
    name: "a request property became required",
    after: (d) => S(d).NewOrder.required.push("coupon"),
    expected: [e("request-property-became-required", "breaking", "createOrder", BREAKS, { pointer: "/components/schemas/NewOrder/required", clientChange: "ShopClient.createOrder: input.body.coupon is now required" })],
  },
  { name: "a request property became optional", after: (d) => (S(d).NewOrder.required = []), expected: [e("request-property-became-optional", "non-breaking", "createOrder")] },
  { name: "a request property became readOnly", after: (d) => (NEW(d).coupon.readOnly = true), expected: [e("request-property-became-read-only", "possibly-breaking", "createOrder")] },
  { name: "a request property no longer readOnly", after: (d) => delete NEW(d).id.readOnly, expected: [e("request-property-became-not-read-only", "non-breaking", "createOrder")] },
  { name: "a request object closed to other properties", after: (d) => (S(d).NewLine.additionalProperties = false), expected: [e("request-additional-properties-forbidden", "possibly-breaking", "createOrder")] },
  { name: "a request object opened to other properties", after: (d) => delete S(d).NewOrder.additionalProperties, expected: [e("request-additional-properties-allowed", "non-breaking", "createOrder")] },
  { name: "a request default changed", after: (d) => (NEW(d).priority.default = 1), expected: [e("request-property-default-changed", "possibly-breaking", "createOrder")] },
  {
    name: "a request oneOf option added, with its discriminator mapping",
    after: (d) => {
      S(d).WalletPayment = { type: "object", required: ["method", "wallet"], properties: { method: { type: "string" }, wallet: { type: "string" } } };
      S(d).PaymentRequest.oneOf.push(ref("WalletPayment"));
      S(d).PaymentRequest.discriminator.mapping.wallet = "#/components/schemas/WalletPayment";
    },
    expected: [e("request-property-union-option-added", "non-breaking", "payOrder"), e("request-discriminator-mapping-added", "non-breaking", "payOrder")],
  },
  {
    name: "a request oneOf option removed, with its discriminator mapping",
    after: (d) => {
      S(d).PaymentRequest.oneOf.pop();
      delete S(d).PaymentRequest.discriminator.mapping.bank;
    },
    expected: [e("request-property-union-option-removed", "breaking", "payOrder", BREAKS), e("request-discriminator-changed", "breaking", "payOrder", BREAKS)],
  },
  {
    name: "a request discriminator mapped to another schema of the same shape",
    after: (d) => {
      S(d).CardPayment2 = structuredClone(S(d).CardPayment);
      S(d).PaymentRequest.oneOf[0] = ref("CardPayment2");
      S(d).PaymentRequest.discriminator.mapping.card = "#/components/schemas/CardPayment2";
    },
    expected: [e("request-discriminator-changed", "breaking", "payOrder")],
  },
  {
    name: "a request allOf part added",
    before: (d) => (NEW(d).coupon = { allOf: [{ type: "string" }] }),
    after: (d) => NEW(d).coupon.allOf.push({ minLength: 3 }),
    expected: [e("request-property-all-of-added", "breaking", "createOrder")],
  },
  {
    name: "a request allOf part removed",
    before: (d) => (NEW(d).coupon = { allOf: [{ type: "string" }, { minLength: 3 }] }),
    after: (d) => NEW(d).coupon.allOf.pop(),
    expected: [e("request-property-all-of-removed", "non-breaking", "createOrder")],
  },
  { name: "a request property deprecated", after: (d) => (NEW(d).coupon.deprecated = true), expected: [e("request-property-deprecated", "non-breaking", "createOrder")] },
  {
    name: "a request property no longer deprecated",
    before: (d) => (NEW(d).coupon.deprecated = true),
    after: (d) => delete NEW(d).coupon.deprecated,
    expected: [e("request-property-reactivated", "non-breaking", "createOrder")],
  },

  // Responses
  {
    name: "the success response replaced by a 204: the result is now void",
    after: (d) => (HEALTH(d).responses = { "204": { description: "Up" } }),
    expected: [e("response-success-status-removed", "breaking", "getHealth", BREAKS), e("response-success-status-added", "possibly-breaking", "getHealth", BREAKS)],
  },
  { name: "an error status removed", after: (d) => delete GET(d).responses["404"], expected: [e("response-non-success-status-removed", "non-breaking", "getOrder")] },
  {
    // The client resolves with the body of whichever success the server sends, typed as their union: a 202 without a
    // body makes the result `Order | void`, which code reading it as an Order no longer compiles with.
    name: "a second success status added (the client's result type gains it)",
    after: (d) => (CREATE(d).responses["202"] = { description: "Accepted for later" }),
    expected: [e("response-success-status-added", "possibly-breaking", "createOrder"), e("client-type-incompatible", "annotation", "createOrder", BREAKS)],
  },
  { name: "an error status added", after: (d) => (GET(d).responses["410"] = { description: "Gone" }), expected: [e("response-non-success-status-added", "non-breaking", "getOrder")] },
  { name: "a response media type removed", after: (d) => delete GET(d).responses["200"].content["text/csv"], expected: [e("response-media-type-removed", "breaking", "getOrder")] },
  { name: "a response media type added", after: (d) => (GET(d).responses["200"].content["application/xml"] = { schema: ref("Order") }), expected: [e("response-media-type-added", "non-breaking", "getOrder")] },
  { name: "a required response header removed", after: (d) => delete CREATE(d).responses["201"].headers.Location, expected: [e("required-response-header-removed", "breaking", "createOrder")] },
  { name: "an optional response header removed", after: (d) => delete CREATE(d).responses["201"].headers["X-Request-Id"], expected: [e("optional-response-header-removed", "possibly-breaking", "createOrder")] },
  { name: "a response header became optional", after: (d) => (CREATE(d).responses["201"].headers.Location.required = false), expected: [e("response-header-became-optional", "breaking", "createOrder")] },
  { name: "a response header added", after: (d) => (CREATE(d).responses["201"].headers["X-Rate-Limit"] = { schema: { type: "integer" } }), expected: [e("response-header-added", "non-breaking", "createOrder")] },

  // Response schemas
  { name: "a response property's type changed", after: (d) => (ORDER(d).weight.type = "string"), expected: [e("response-property-type-changed", "breaking", "getOrder", BREAKS)] },
  { name: "a response property's type narrowed", after: (d) => (ORDER(d).weight.type = "integer"), expected: [e("response-property-type-specialized", "non-breaking", "getOrder")] },
  { name: "a response property became nullable", after: (d) => (ORDER(d).note.type = ["string", "null"]), expected: [e("response-property-became-nullable", "breaking", "getOrder", BREAKS)] },
  {
    name: "a response property no longer nullable",
    before: (d) => (ORDER(d).note.type = ["string", "null"]),
    after: (d) => (ORDER(d).note.type = "string"),
    expected: [e("response-property-became-not-nullable", "non-breaking", "getOrder")],
  },
  {
    name: "a response enum value added",
    after: (d) => ORDER(d).status.enum.push("refunded"),
    expected: [e("response-property-enum-value-added", "possibly-breaking", "getOrder", BREAKS, { clientChange: 'ShopClient.getOrder: response.status may now also be "refunded"' })],
  },
  { name: "a response enum value removed", after: (d) => (ORDER(d).status.enum = ["open", "paid"]), expected: [e("response-property-enum-value-removed", "non-breaking", "getOrder")] },
  { name: "a response enum removed", after: (d) => delete ORDER(d).status.enum, expected: [e("response-property-enum-removed", "possibly-breaking", "getOrder", BREAKS)] },
  { name: "a response pattern added", after: (d) => (ORDER(d).note.pattern = "^.*$"), expected: [e("response-property-pattern-added", "non-breaking", "getOrder")] },
  { name: "a response pattern changed", after: (d) => (ORDER(d).reference.pattern = "^R-[0-9A-Z]+$"), expected: [e("response-property-pattern-changed", "possibly-breaking", "getOrder")] },
  { name: "a response format set", after: (d) => (ORDER(d).weight.format = "double"), expected: [e("response-property-format-set", "non-breaking", "getOrder")] },
  { name: "a response format changed", after: (d) => (ORDER(d).placed_at.format = "date"), expected: [e("response-property-format-changed", "possibly-breaking", "getOrder")] },
  { name: "a response maximum raised", after: (d) => (ORDER(d).items_count.maximum = 5000), expected: [e("response-property-max-increased", "possibly-breaking", "getOrder")] },
  { name: "a response maximum removed", after: (d) => delete ORDER(d).items_count.maximum, expected: [e("response-property-max-unset", "possibly-breaking", "getOrder")] },
  { name: "a response maximum lowered", after: (d) => (ORDER(d).items_count.maximum = 500), expected: [e("response-property-max-decreased", "non-breaking", "getOrder")] },
  { name: "a response maxLength set", after: (d) => (ORDER(d).note.maxLength = 500), expected: [e("response-property-max-set", "non-breaking", "getOrder")] },
  { name: "a response minimum lowered", after: (d) => (ORDER(d).items_count.minimum = -1), expected: [e("response-property-min-decreased", "possibly-breaking", "getOrder")] },
  { name: "a response minimum removed", after: (d) => delete ORDER(d).items_count.minimum, expected: [e("response-property-min-unset", "possibly-breaking", "getOrder")] },
  { name: "a response minimum raised", after: (d) => (ORDER(d).items_count.minimum = 1), expected: [e("response-property-min-increased", "non-breaking", "getOrder")] },
  { name: "a response minItems set", after: (d) => (ORDER(d).tags.minItems = 1), expected: [e("response-property-min-set", "non-breaking", "getOrder")] },
  { name: "a response uniqueItems removed", after: (d) => delete ORDER(d).tags.uniqueItems, expected: [e("response-property-constraint-removed", "possibly-breaking", "getOrder")] },
  { name: "a response multipleOf set", after: (d) => (ORDER(d).weight.multipleOf = 0.5), expected: [e("response-property-constraint-added", "non-breaking", "getOrder")] },
  {
    name: "a required response property removed",
    after: (d) => {
      delete ORDER(d).total;
      S(d).Order.required = ["id", "status"];
    },
    expected: [e("response-required-property-removed", "breaking", "getOrder", BREAKS, { pointer: "/components/schemas/Order/properties/total", clientChange: "ShopClient.getOrder: response.total was removed" })],
  },
  { name: "an optional response property removed", after: (d) => delete ORDER(d).note, expected: [e("response-optional-property-removed", "possibly-breaking", "getOrder", WHERE_USED)] },
  { name: "a response property added", after: (d) => (ORDER(d).currency = { type: "string" }), expected: [e("response-property-added", "non-breaking", "getOrder")] },
  { name: "a response property became optional", after: (d) => (S(d).Order.required = ["id", "total"]), expected: [e("response-property-became-optional", "breaking", "getOrder", BREAKS)] },
  { name: "a response property became required", after: (d) => S(d).Order.required.push("note"), expected: [e("response-property-became-required", "non-breaking", "getOrder")] },
  { name: "a response object opened to other properties", after: (d) => delete ORDER(d).metadata.additionalProperties, expected: [e("response-additional-properties-allowed", "possibly-breaking", "getOrder")] },
  { name: "a response object closed to other properties", after: (d) => (S(d).Address.additionalProperties = false), expected: [e("response-additional-properties-forbidden", "non-breaking", "getOrder")] },
  {
    name: "a response oneOf option added, with its discriminator mapping",
    after: (d) => {
      S(d).WalletResult = { type: "object", required: ["kind", "wallet"], properties: { kind: { type: "string" }, wallet: { type: "string" } } };
      S(d).PaymentResult.oneOf.push(ref("WalletResult"));
      S(d).PaymentResult.discriminator.mapping.wallet = "#/components/schemas/WalletResult";
    },
    expected: [e("response-property-union-option-added", "possibly-breaking", "payOrder", BREAKS), e("response-discriminator-mapping-added", "possibly-breaking", "payOrder", BREAKS)],
  },
  {
    name: "a response oneOf option removed, with its discriminator mapping",
    after: (d) => {
      S(d).PaymentResult.oneOf.pop();
      delete S(d).PaymentResult.discriminator.mapping.bank;
    },
    expected: [e("response-property-union-option-removed", "non-breaking", "payOrder")],
  },
  {
    name: "a response discriminator mapped to another schema of the same shape",
    after: (d) => {
      S(d).CardResult2 = structuredClone(S(d).CardResult);
      S(d).PaymentResult.oneOf[0] = ref("CardResult2");
      S(d).PaymentResult.discriminator.mapping.card = "#/components/schemas/CardResult2";
    },
    expected: [e("response-discriminator-changed", "breaking", "payOrder")],
  },
  { name: "a response allOf part added", after: (d) => ORDER(d).summary.allOf.push({ maxLength: 100 }), expected: [e("response-property-all-of-added", "non-breaking", "getOrder")] },
  {
    name: "a response allOf part removed",
    before: (d) => ORDER(d).summary.allOf.push({ maxLength: 100 }),
    after: (d) => ORDER(d).summary.allOf.pop(),
    expected: [e("response-property-all-of-removed", "possibly-breaking", "getOrder")],
  },
  { name: "a response property deprecated", after: (d) => (ORDER(d).note.deprecated = true), expected: [e("response-property-deprecated", "non-breaking", "getOrder")] },
  {
    name: "a response property no longer deprecated",
    before: (d) => (ORDER(d).note.deprecated = true),
    after: (d) => delete ORDER(d).note.deprecated,
    expected: [e("response-property-reactivated", "non-breaking", "getOrder")],
  },
  { name: "a schema's description changed", after: (d) => (ORDER(d).note.description = "A note from the buyer"), expected: [e("schema-documentation-changed", "annotation", "getOrder")] },
  {
    name: "a writeOnly response property removed: never returned, but the types had it",
    after: (d) => delete ORDER(d).secret,
    expected: [e("client-type-incompatible", "annotation", "getOrder", WHERE_USED)],
  },
  {
    name: "a response tuple grew an item: only the compiler sees it",
    after: (d) => ORDER(d).coordinates.prefixItems.push({ type: "number" }),
    expected: [e("client-type-incompatible", "annotation", "getOrder", BREAKS)],
  },

  // Security
  { name: "security added to a public operation", after: (d) => (HEALTH(d).security = [{ bearerAuth: [] }]), expected: [e("api-security-added", "breaking", "getHealth")] },
  { name: "security removed from an operation", after: (d) => (LIST(d).security = []), expected: [e("api-security-removed", "non-breaking", "listOrders")] },
  { name: "a way to authenticate added", after: (d) => (LIST(d).security = [{ bearerAuth: [] }, { apiKey: [] }]), expected: [e("api-security-requirement-added", "non-breaking", "listOrders")] },
  {
    name: "a way to authenticate removed",
    after: (d) => (CANCEL(d).security = [{ bearerAuth: [] }]),
    expected: [e("api-security-requirement-removed", "breaking", "cancelOrder", OK, { pointer: "/paths/~1orders~1{id}~1cancel/post/security" })],
  },
  { name: "a scope added", after: (d) => PAY(d).security[0].oauth.push("payments:read"), expected: [e("api-security-scope-added", "breaking", "payOrder")] },
  {
    name: "a scope removed",
    before: (d) => PAY(d).security[0].oauth.push("payments:read"),
    after: (d) => PAY(d).security[0].oauth.pop(),
    expected: [e("api-security-scope-removed", "non-breaking", "payOrder")],
  },
  { name: "a security scheme's header renamed", after: (d) => (d.components.securitySchemes.apiKey.name = "X-Shop-Key"), expected: [e("security-scheme-changed", "breaking", null)] },
  { name: "a security scheme added", after: (d) => (d.components.securitySchemes.basicAuth = { type: "http", scheme: "basic" }), expected: [e("security-scheme-added", "non-breaking", null)] },
  {
    name: "a security scheme removed",
    after: (d) => delete d.components.securitySchemes.legacyKey,
    expected: [e("security-scheme-removed", "possibly-breaking", null, WHERE_USED, { clientChange: "ShopClient: options.credentials.legacyKey was removed" })],
  },

  // Servers
  {
    name: "the server URL changed",
    after: (d) => (d.servers[0].url = "https://{region}.shop.example.com/api"),
    expected: [e("server-url-changed", "possibly-breaking", null, OK, { pointer: "/servers/0/url" })],
  },
  { name: "a server added", after: (d) => d.servers.push({ url: "https://sandbox.shop.example/api" }), expected: [e("server-added", "non-breaking", null)] },
  {
    name: "a server removed",
    before: (d) => d.servers.push({ url: "https://sandbox.shop.example/api" }),
    after: (d) => d.servers.pop(),
    expected: [e("server-removed", "possibly-breaking", null)],
  },
  {
    name: "a server variable added",
    after: (d) => {
      d.servers[0].url = "https://{region}.shop.example/{version}";
      d.servers[0].variables.version = { default: "api" };
    },
    expected: [e("server-url-changed", "possibly-breaking", null), e("server-variable-added", "non-breaking", null)],
  },
  {
    name: "a server variable removed",
    after: (d) => (d.servers[0] = { url: "https://eu.shop.example/api" }),
    expected: [e("server-url-changed", "possibly-breaking", null), e("server-variable-removed", "possibly-breaking", null, WHERE_USED)],
  },
  { name: "a server variable's default changed", after: (d) => (d.servers[0].variables.region.default = "us"), expected: [e("server-variable-default-changed", "possibly-breaking", null)] },
  { name: "a server variable's value removed", after: (d) => (d.servers[0].variables.region.enum = ["eu"]), expected: [e("server-variable-enum-value-removed", "breaking", null, BREAKS)] },

  // The client
  {
    name: "the title changed: the client class is renamed",
    after: (d) => (d.info.title = "Store API"),
    expected: [e("client-renamed", "annotation", null, BREAKS, { clientChange: "ShopClient is now StoreClient" })],
  },
];
