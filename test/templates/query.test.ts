/** Query parameters reach the server in the style their spec declares, per parameter, through a real node:http server. */
import { afterEach, describe, expect, it } from "vitest";
import { ClientCore, PayspecError, type OperationInfo, type QueryParameterStyle } from "../../templates/runtime/index.js";
import { JSON_SUCCESS, EVERY_PART, sendJson, startServer, type TestServer } from "./server.js";

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
  await new ClientCore({}, { baseUrl: server.url }, EVERY_PART).call(listRefunds, { query });
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

describe("every style OpenAPI defines, and nested values", () => {
  const styled = (style: QueryParameterStyle["style"], explode: boolean): OperationInfo => ({ ...listRefunds, queryStyles: { p: { style, explode } } });
  async function sent(operation: OperationInfo, query: Record<string, unknown>, options: { querySerializer?: (query: Readonly<Record<string, unknown>>) => string } = {}): Promise<string> {
    await server?.close();
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    await new ClientCore({}, { baseUrl: server.url, ...options }, EVERY_PART).call(operation, { query });
    return server.requests[0]!.url.replace(/^[^?]*\??/, "");
  }

  it.each([
    ["form", true, ["a", "b"], "p=a&p=b"],
    ["form", false, ["a", "b"], "p=a,b"],
    ["spaceDelimited", false, ["a", "b"], "p=a%20b"],
    ["pipeDelimited", false, ["a", "b"], "p=a|b"],
    ["spaceDelimited", true, ["a", "b"], "p=a&p=b"],
    ["form", true, { r: 100, g: 200 }, "r=100&g=200"],
    ["form", false, { r: 100, g: 200 }, "p=r,100,g,200"],
    ["deepObject", true, { r: 100, g: 200 }, "p[r]=100&p[g]=200"],
    ["deepObject", true, ["a", "b"], "p[]=a&p[]=b"],
    ["form", true, "a b&c", "p=a%20b%26c"],
  ] as const)("%s, explode %s: %j -> %s", async (style, explode, value, expected) => {
    expect(await sent(styled(style, explode), { p: value })).toBe(expected);
  });

  it("writes nested filters in bracket notation: created_at[$in][]=...", async () => {
    const query = { created_at: { $in: ["2024-01-01", "2024-02-01"], $gt: { value: 1 } }, q: "x" };
    const operation: OperationInfo = { ...listRefunds, queryStyles: { created_at: { style: "deepObject", explode: true } } };
    expect(await sent(operation, query)).toBe("created_at[%24in][]=2024-01-01&created_at[%24in][]=2024-02-01&created_at[%24gt][value]=1&q=x");
    const parsed = new URLSearchParams(await sent(operation, query));
    expect(parsed.getAll("created_at[$in][]")).toEqual(["2024-01-01", "2024-02-01"]);
  });

  it("writes a Date as its ISO string, and an object inside a non-exploded list as JSON", async () => {
    const operation: OperationInfo = { ...listRefunds, queryStyles: { ids: { style: "form", explode: false } } };
    expect(await sent(operation, { since: new Date("2024-01-15T01:02:34Z"), ids: [1, { a: 1 }] })).toBe(
      "since=2024-01-15T01%3A02%3A34.000Z&ids=1,%7B%22a%22%3A1%7D",
    );
  });

  it("uses the client's querySerializer instead of the declared styles", async () => {
    const querySerializer = (query: Readonly<Record<string, unknown>>): string => `custom=${Object.keys(query).join("+")}`;
    expect(await sent(listRefunds, { "order_id:in": [1, 2], page: 1 }, { querySerializer })).toBe("custom=order_id:in+page");
  });

  it("still adds a query credential after the client's querySerializer, unless the query has that name", async () => {
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    const core = new ClientCore(
      { key: { type: "apiKey", in: "query", name: "api_key" } },
      { baseUrl: server.url, credentials: { key: "k_1234567890" }, querySerializer: () => "custom=1" },
      EVERY_PART,
    );
    await core.call({ ...listRefunds, security: [{ key: [] }] }, { query: { page: 1 } });
    await core.call({ ...listRefunds, security: [{ key: [] }] }, { query: { api_key: "mine" } });
    expect(server.requests.map((request) => request.url.replace(/^[^?]*/, ""))).toEqual(["?custom=1&api_key=k_1234567890", "?custom=1"]);
  });
});

describe("a client given no query or cookie part (a spec with neither: the generated client passes none)", () => {
  it("writes a query with the client's querySerializer, in call() and raw alike, and sends no cookie parameter", async () => {
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    const core = new ClientCore({}, { baseUrl: server.url, querySerializer: (query) => `custom=${Object.keys(query).join("+")}`, headers: { Cookie: "a=1" } });
    await core.call(listRefunds, { query: { page: 1, size: 2 }, cookie: { locale: "en" } });
    await core.raw.GET("/orders/payment_actions/refunds", { params: { query: { page: 3 } } });
    expect(server.requests.map((request) => [request.url.replace(/^[^?]*/, ""), request.headers.cookie])).toEqual([
      ["?custom=page+size", "a=1"],
      ["?custom=page", "a=1"],
    ]);
  });

  it("refuses a credential that would go in the query or a cookie, rather than leave it out of every request", () => {
    for (const place of ["query", "cookie"] as const) {
      const schemes = { key: { type: "apiKey", in: place, name: "api_key" } } as const;
      expect(() => new ClientCore(schemes, { baseUrl: "http://127.0.0.1:9", credentials: { key: "k_1234567890" } })).toThrow(PayspecError);
      expect(() => new ClientCore(schemes, { baseUrl: "http://127.0.0.1:9", credentials: { key: "k_1234567890" } }, EVERY_PART)).not.toThrow();
      // Without that credential, nothing needs the part.
      expect(() => new ClientCore(schemes, { baseUrl: "http://127.0.0.1:9" })).not.toThrow();
    }
  });
});
