/**
 * Paged lists (`OperationInfo.paging`, from the spec's `x-payspec-paging`) against a node:http server that serves
 * pages: `for await` walks every item of every page, awaiting the call still gives one page, and the server sees
 * exactly the pages asked for, in order, however the walk ends.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ClientCore, paginate, PayspecError, type OperationInfo } from "../../templates/runtime/index.js";
import { JSON_SUCCESS, sendJson, startServer, type Handler, type TestServer } from "./server.js";

/** BigCommerce's refund list: `page`/`limit`, `{ data, meta: { pagination: { total_pages } } }`, pages from 1. */
const getRefunds: OperationInfo = {
  operationId: "getRefunds",
  method: "get",
  path: "/orders/payment_actions/refunds",
  security: [],
  constantHeaders: {},
  responses: JSON_SUCCESS,
  paging: { page: "page", firstPage: 1, size: "limit", items: "/data", totalPages: "/meta/pagination/total_pages" },
};

/** The Payments API's list: `page`/`size`, a bare array, pages from 0, 10 per page by default. */
const listPayments: OperationInfo = {
  operationId: "listPayments",
  method: "get",
  path: "/payments",
  security: [],
  constantHeaders: {},
  responses: JSON_SUCCESS,
  paging: { page: "page", firstPage: 0, size: "size", defaultSize: 10, items: "" },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function query(url: string): URLSearchParams {
  return new URL(url, "http://x").searchParams;
}

/** `total` refunds in pages of `limit` (BigCommerce answers page 1 when none is asked for). */
function refunds(total: number, reportTotalPages = true): Handler {
  return (req, res) => {
    const search = query(req.url);
    const page = Number(search.get("page") ?? 1);
    const limit = Number(search.get("limit") ?? 50);
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - (page - 1) * limit)) }, (_, i) => ({ id: (page - 1) * limit + i + 1, amount: "1.50" }));
    const pagination = { total, count: data.length, per_page: limit, current_page: page, total_pages: Math.ceil(total / limit) };
    sendJson(res, 200, { data, meta: reportTotalPages ? { pagination } : {} });
  };
}

async function client(handler: Handler): Promise<ClientCore> {
  server = await startServer(handler);
  return new ClientCore({}, { baseUrl: server.url });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("for await over a paged operation", () => {
  it("walks BigCommerce-style pages until total_pages, asking for each page once", async () => {
    const core = await client(refunds(7));
    const items = await collect(paginate<unknown, { id: number }>(core, getRefunds, { query: { limit: 3 } }));
    expect(items.map((item) => item.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server!.requests.map((request) => request.url)).toEqual([
      "/orders/payment_actions/refunds?limit=3",
      "/orders/payment_actions/refunds?limit=3&page=2",
      "/orders/payment_actions/refunds?limit=3&page=3",
    ]);
  });

  it("starts from the page the caller asks for", async () => {
    const core = await client(refunds(7));
    const items = await collect(paginate<unknown, { id: number }>(core, getRefunds, { query: { limit: 3, page: 2 } }));
    expect(items.map((item) => item.id)).toEqual([4, 5, 6, 7]);
    expect(server!.requests).toHaveLength(2);
  });

  it("without total_pages, stops at the first empty page", async () => {
    const core = await client(refunds(4, false));
    const items = await collect(paginate<unknown, { id: number }>(core, getRefunds, { query: { limit: 2 } }));
    expect(items.map((item) => item.id)).toEqual([1, 2, 3, 4]);
    expect(server!.requests.map((request) => query(request.url).get("page"))).toEqual([null, "2", "3"]);
  });

  it("walks Payments-style bare arrays from page 0, stopping at a page shorter than the default size", async () => {
    const core = await client((req, res) => {
      const page = Number(query(req.url).get("page") ?? 0);
      const size = Number(query(req.url).get("size") ?? 10);
      sendJson(res, 200, Array.from({ length: Math.max(0, Math.min(size, 23 - page * size)) }, (_, i) => ({ id: `p${page * size + i}` })));
    });
    const items = await collect(paginate<unknown, { id: string }>(core, listPayments));
    expect(items).toHaveLength(23);
    expect(items.at(-1)).toEqual({ id: "p22" });
    expect(server!.requests.map((request) => request.url)).toEqual(["/payments", "/payments?page=1", "/payments?page=2"]);
  });

  it("stops asking when the loop breaks", async () => {
    const core = await client(refunds(100));
    for await (const item of paginate<unknown, { id: number }>(core, getRefunds, { query: { limit: 5 } })) {
      if (item.id === 7) break;
    }
    expect(server!.requests).toHaveLength(2);
  });

  it("stops with an error, after two requests, when the server ignores the page parameter", async () => {
    const core = await client((_req, res) => sendJson(res, 200, { data: [{ id: 1 }, { id: 2 }], meta: {} }));
    const walk = collect(paginate(core, getRefunds, { query: { limit: 2 } }));
    await expect(walk).rejects.toThrow(PayspecError);
    await expect(walk).rejects.toThrow(
      'getRefunds (GET /orders/payment_actions/refunds): page 2 holds the same items as page 1; the server seems to ignore "page", so the walk stopped.',
    );
    expect(server!.requests).toHaveLength(2);
  });

  it("fails clearly when a page has no list where the spec says", async () => {
    const core = await client((_req, res) => sendJson(res, 200, { items: [] }));
    await expect(collect(paginate(core, getRefunds))).rejects.toThrow(
      'getRefunds (GET /orders/payment_actions/refunds): page 1 has no list of items at "/data", so the pages cannot be walked.',
    );
  });

  it("passes a failed page's error on, after the pages before it", async () => {
    const core = await client((req, res) => (query(req.url).get("page") === "2" ? sendJson(res, 404, { title: "gone" }) : refunds(10)(req, res, 0)));
    const seen: number[] = [];
    const walk = (async () => {
      for await (const item of paginate<unknown, { id: number }>(core, getRefunds, { query: { limit: 3 } })) seen.push(item.id);
    })();
    await expect(walk).rejects.toThrow(/^404 Not Found: getRefunds/);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe("awaiting a paged operation", () => {
  it("gives the first page's body, with one request", async () => {
    const core = await client(refunds(7));
    const page = await paginate<{ data: unknown[] }, unknown>(core, getRefunds, { query: { limit: 3 } });
    expect(page.data).toHaveLength(3);
    expect(server!.requests).toHaveLength(1);
  });

  it("then walking it reuses that first page rather than asking again", async () => {
    const core = await client(refunds(5));
    const pages = paginate<{ data: unknown[] }, { id: number }>(core, getRefunds, { query: { limit: 3 } });
    expect((await pages).data).toHaveLength(3);
    expect((await collect(pages)).map((item) => item.id)).toEqual([1, 2, 3, 4, 5]);
    expect(server!.requests).toHaveLength(2);
  });
});
