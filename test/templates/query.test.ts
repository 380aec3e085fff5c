/** Query parameters reach the server in the style their spec declares, per parameter, through a real node:http server. */
import { afterEach, describe, expect, it } from "vitest";
import { ClientCore, type OperationInfo } from "../../templates/runtime/index.js";
import { JSON_SUCCESS, sendJson, startServer, type TestServer } from "./server.js";

const listRefunds: OperationInfo = {
  operationId: "getRefunds",
  method: "get",
  path: "/orders/payment_actions/refunds",
  security: [],
  constantHeaders: {},
  responses: JSON_SUCCESS,
  queryStyles: {
    "order_id:in": { style: "form", explode: false },
    filter: { style: "deepObject", explode: true },
    tags: { style: "pipeDelimited", explode: false },
  },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function sentQuery(query: Record<string, unknown>): Promise<URLSearchParams> {
  server = await startServer((_request, response) => sendJson(response, 200, {}));
  await new ClientCore({}, { baseUrl: server.url }).call(listRefunds, { query });
  const url = server.requests[0]?.url ?? "";
  return new URL(url, server.url).searchParams;
}

describe("query parameters by their declared style", () => {
  it("writes an explode:false form array as one comma-separated value, as `order_id:in=1,2`", async () => {
    const search = await sentQuery({ "order_id:in": [1, 2] });
    expect(search.getAll("order_id:in")).toEqual(["1,2"]);
  });

  it("writes an array without a declared style in OpenAPI's default (form, exploded), beside a styled one", async () => {
    const search = await sentQuery({ "order_id:in": [7, 8], "id:in": [3, 4] });
    expect(search.getAll("order_id:in")).toEqual(["7,8"]);
    expect(search.getAll("id:in")).toEqual(["3", "4"]);
  });

  it("writes objects as deepObject when declared, and as exploded form fields by default", async () => {
    const search = await sentQuery({ filter: { status: "paid" }, page: { size: 10 } });
    expect(search.get("filter[status]")).toBe("paid");
    expect(search.get("size")).toBe("10");
  });

  it("writes pipe-delimited arrays and leaves out undefined, null and empty arrays", async () => {
    const search = await sentQuery({ tags: ["a", "b"], limit: 5, cursor: undefined, sort: null, "order_id:in": [] });
    expect(search.get("tags")).toBe("a|b");
    expect(search.get("limit")).toBe("5");
    expect([...search.keys()].sort()).toEqual(["limit", "tags"]);
  });
});
