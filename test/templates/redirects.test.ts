/**
 * Redirects from an adversarial server (127.0.0.1), with a second server on another port as "another origin":
 * no credential of any kind (Authorization, apiKey header, apiKey query parameter, apiKey cookie) reaches it; a
 * redirected POST is a RedirectError after exactly one request, never a silent GET; same-origin GET redirects work.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  ClientCore,
  RedirectError,
  type CoreOptions,
  type OperationInfo,
  type SecuritySchemeInfo,
} from "../../templates/runtime/index.js";
import { JSON_SUCCESS, EVERY_PART, sendJson, startServer, type Handler, type ReceivedRequest, type TestServer } from "./server.js";

const BEARER = "sk_live_bearer_0123456789";
const HEADER_KEY = "hk_header_0123456789";
const QUERY_KEY = "qk_query_0123456789";
const COOKIE_KEY = "ck_cookie_0123456789";

const schemes: Record<string, SecuritySchemeInfo> = {
  bearerAuth: { type: "http", scheme: "bearer" },
  authToken: { type: "apiKey", in: "header", name: "X-Auth-Token" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
  cookieKey: { type: "apiKey", in: "cookie", name: "session_key" },
};
const credentials: CoreOptions["credentials"] = { bearerAuth: BEARER, authToken: HEADER_KEY, queryKey: QUERY_KEY, cookieKey: COOKIE_KEY };

const operation = (method: OperationInfo["method"], security: OperationInfo["security"]): OperationInfo => ({
  operationId: `${method}Refunds`,
  method,
  path: "/refunds",
  security,
  constantHeaders: {},
  responses: JSON_SUCCESS,
});
const EVERY_KIND = [{ bearerAuth: [], authToken: [], queryKey: [], cookieKey: [] }];

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

function redirect(location: string, status = 302): Handler {
  return (_req, res) => res.writeHead(status, { location }).end();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, it resolved");
}

/** Every credential value anywhere in what a server received. */
function credentialsIn(request: ReceivedRequest): string[] {
  const text = `${request.url} ${JSON.stringify(request.headers)} ${request.body}`;
  return [BEARER, HEADER_KEY, QUERY_KEY, COOKIE_KEY].filter((secret) => text.includes(secret));
}

describe("redirects to another origin", () => {
  it.each([301, 302, 303, 307, 308])("a GET answered %i is followed without a single credential, the query kept", async (status) => {
    const other = await serve((_req, res) => sendJson(res, 200, { refunds: [] }));
    const origin = await serve((req, res) => res.writeHead(status, { location: `${other.url}${req.url}` }).end());
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials }, EVERY_PART);
    expect(await core.call(operation("get", EVERY_KIND), { query: { page: 2 } })).toEqual({ refunds: [] });
    expect(origin.requests).toHaveLength(1);
    expect(credentialsIn(origin.requests[0]!)).toEqual([BEARER, HEADER_KEY, QUERY_KEY, COOKIE_KEY]);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]!.url).toBe("/refunds?page=2");
    expect(credentialsIn(other.requests[0]!)).toEqual([]);
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
    expect(other.requests[0]!.headers.cookie).toBeUndefined();
  });

  it("drops a credential the server moved into another query parameter of the Location", async () => {
    const other = await serve((_req, res) => sendJson(res, 200, {}));
    const origin = await serve((req, res) => {
      const key = new URL(req.url, "http://x").searchParams.get("api_key") ?? "";
      res.writeHead(302, { location: `${other.url}/next?token=${encodeURIComponent(key)}&api_key=${key}&keep=1` }).end();
    });
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials }, EVERY_PART);
    await core.call(operation("get", EVERY_KIND));
    expect(other.requests.map((request) => request.url)).toEqual(["/next?keep=1"]);
  });

  it("keeps credentials off every later hop, even one back to the first origin", async () => {
    let originUrl = "";
    const other = await serve((req, res) => res.writeHead(302, { location: `${originUrl}/back` }).end());
    const origin = await serve((req, res) => {
      if (req.url.startsWith("/back")) sendJson(res, 200, { back: true });
      else res.writeHead(302, { location: `${other.url}/away` }).end();
    });
    originUrl = origin.url;
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials }, EVERY_PART);
    expect(await core.call(operation("get", EVERY_KIND))).toEqual({ back: true });
    expect(origin.requests.map((request) => request.url)).toEqual(["/refunds?api_key=qk_query_0123456789", "/back"]);
    expect(credentialsIn(origin.requests[1]!)).toEqual([]);
    expect(credentialsIn(other.requests[0]!)).toEqual([]);
  });

  it("the raw client follows the same rule", async () => {
    const other = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const origin = await serve((req, res) => res.writeHead(307, { location: `${other.url}${req.url}` }).end());
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials }, EVERY_PART);
    const { data } = await core.raw.GET("/refunds", {});
    expect(data).toEqual({ ok: true });
    expect(credentialsIn(origin.requests[0]!)).toEqual([BEARER, HEADER_KEY, QUERY_KEY, COOKIE_KEY]);
    expect(credentialsIn(other.requests[0]!)).toEqual([]);
  });
});

describe("redirects on the same origin", () => {
  it("a GET is followed with its credentials, as before", async () => {
    const origin = await serve((req, res) => {
      if (req.url.startsWith("/v2")) sendJson(res, 200, { moved: true });
      else res.writeHead(301, { location: `/v2${req.url}` }).end();
    });
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials }, EVERY_PART);
    expect(await core.call(operation("get", EVERY_KIND))).toEqual({ moved: true });
    expect(origin.requests.map((request) => request.url)).toEqual([`/refunds?api_key=${QUERY_KEY}`, `/v2/refunds?api_key=${QUERY_KEY}`]);
    expect(credentialsIn(origin.requests[1]!)).toEqual([BEARER, HEADER_KEY, QUERY_KEY, COOKIE_KEY]);
  });

  it("a GET without credentials is followed by fetch itself", async () => {
    const origin = await serve((req, res) => (req.url === "/new" ? sendJson(res, 200, { ok: 1 }) : res.writeHead(302, { location: "/new" }).end()));
    const core = new ClientCore({}, { baseUrl: origin.url });
    expect(await core.call(operation("get", []))).toEqual({ ok: 1 });
    expect(origin.requests).toHaveLength(2);
  });

  it("a redirect loop ends with a RedirectError after 10 redirects (11 requests)", async () => {
    const origin = await serve((req, res) => res.writeHead(302, { location: req.url }).end());
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials, maxRetries: 3 }, EVERY_PART);
    const error = await rejection(core.call(operation("get", EVERY_KIND)));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).message).toBe(
      `getRefunds (GET /refunds) was answered 302 with a redirect to ${origin.url}/refunds: it was not followed after 10 redirects.`,
    );
    expect(origin.requests).toHaveLength(11);
  });

  it("a redirect to another scheme is not followed", async () => {
    const origin = await serve(redirect("ftp://127.0.0.1/refunds"));
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials }, EVERY_PART);
    const error = await rejection(core.call(operation("get", EVERY_KIND)));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toBeUndefined();
    expect(origin.requests).toHaveLength(1);
  });
});

describe("redirects of requests that are not GET or HEAD", () => {
  it.each([301, 302, 303, 307, 308])("a POST answered %i is a RedirectError saying it may or may not have been acted on; sent once", async (status) => {
    const other = await serve((_req, res) => sendJson(res, 200, { captured: true }));
    const origin = await serve((req, res) => res.writeHead(status, { location: req.url.startsWith("/same") ? "/done" : `${other.url}/done?token=${QUERY_KEY}` }).end());
    const core = new ClientCore(schemes, { baseUrl: origin.url, credentials, maxRetries: 5 }, EVERY_PART);
    const capture = operation("post", EVERY_KIND);
    const error = await rejection(core.call(capture, { body: { amount: "10.00" } }));
    expect(error).toBeInstanceOf(RedirectError);
    const e = error as RedirectError;
    expect(e.status).toBe(status);
    expect(e.operationId).toBe("postRefunds");
    expect(e.location).toBe(`${other.url}/done`);
    expect(e.message).toBe(
      `postRefunds (POST /refunds) was answered ${status} with a redirect to ${other.url}/done: a POST is never redirected, since that would send it again or turn it into a GET. The server may or may not have acted on the request: check before sending it again.`,
    );
    expect(JSON.stringify(e)).not.toContain(QUERY_KEY);
    expect(origin.requests.map((request) => request.method)).toEqual(["POST"]);
    expect(other.requests).toEqual([]);
  });

  it("a same-origin redirect of a POST without credentials is refused too", async () => {
    const origin = await serve((req, res) => (req.method === "GET" ? sendJson(res, 200, { looks: "fine" }) : res.writeHead(302, { location: "/elsewhere" }).end()));
    const core = new ClientCore({}, { baseUrl: origin.url });
    expect(await rejection(core.call(operation("post", []), { body: {} }))).toBeInstanceOf(RedirectError);
    expect(origin.requests.map((request) => request.method)).toEqual(["POST"]);
  });

  it.each(["put", "delete", "patch"] as const)("a %s answered 307 is a RedirectError, not retried", async (method) => {
    const origin = await serve(redirect("/elsewhere", 307));
    const core = new ClientCore({}, { baseUrl: origin.url, maxRetries: 3 });
    expect(await rejection(core.call(operation(method, []), method === "delete" ? {} : { body: {} }))).toBeInstanceOf(RedirectError);
    expect(origin.requests).toHaveLength(1);
  });
});
