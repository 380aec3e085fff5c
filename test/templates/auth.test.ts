import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ClientCore,
  PayspecError,
  type CoreOptions,
  type OperationInfo,
  type SecurityRequirement,
  type SecuritySchemeInfo,
} from "../../templates/runtime/index.js";
import { JSON_SUCCESS, EVERY_PART, sendJson, startServer, type ReceivedRequest, type TestServer } from "./server.js";

const schemes: Record<string, SecuritySchemeInfo> = {
  bearerAuth: { type: "http", scheme: "Bearer" },
  basicAuth: { type: "http", scheme: "basic" },
  headerKey: { type: "apiKey", in: "header", name: "X-Auth-Token" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
  cookieKey: { type: "apiKey", in: "cookie", name: "session_key" },
  oauth: { type: "oauth2" },
  oidc: { type: "openIdConnect" },
  tls: { type: "mutualTLS" },
};

const operation = (security: readonly SecurityRequirement[], method: OperationInfo["method"] = "get"): OperationInfo => ({
  operationId: "listPayments",
  method,
  path: "/payments",
  security,
  constantHeaders: {},
  responses: JSON_SUCCESS,
});

let server: TestServer;
beforeEach(async () => {
  server = await startServer((req, res) => {
    if (req.url.includes("deny")) sendJson(res, 401, { detail: "Authentication credentials were not provided." });
    else sendJson(res, 200, { ok: true });
  });
});
afterEach(async () => {
  await server.close();
});

async function send(
  security: readonly SecurityRequirement[],
  credentials: CoreOptions["credentials"],
  extra: { query?: Record<string, unknown>; method?: OperationInfo["method"]; body?: unknown } = {},
): Promise<ReceivedRequest> {
  const core = new ClientCore(schemes, { baseUrl: server.url, credentials }, EVERY_PART);
  const input: { query?: Record<string, unknown>; body?: unknown } = {};
  if (extra.query !== undefined) input.query = extra.query;
  if (extra.body !== undefined) input.body = extra.body;
  await core.call(operation(security, extra.method), input);
  const received = server.requests.at(-1);
  if (received === undefined) throw new Error("the server received nothing");
  return received;
}

describe("credentials on the wire", () => {
  it("sends a bearer token as Authorization: Bearer (scheme name case-insensitive)", async () => {
    const received = await send([{ bearerAuth: [] }], { bearerAuth: "tok_123" });
    expect(received.headers.authorization).toBe("Bearer tok_123");
  });

  it("sends basic auth as base64 of UTF-8 user:password", async () => {
    const received = await send([{ basicAuth: [] }], { basicAuth: { username: "shop", password: "pä:ss" } });
    const header = received.headers.authorization ?? "";
    expect(header.startsWith("Basic ")).toBe(true);
    expect(Buffer.from(header.slice("Basic ".length), "base64").toString("utf8")).toBe("shop:pä:ss");
  });

  it("sends an apiKey in a header", async () => {
    const received = await send([{ headerKey: [] }], { headerKey: "k_header" });
    expect(received.headers["x-auth-token"]).toBe("k_header");
    expect(received.headers.authorization).toBeUndefined();
  });

  it("sends an apiKey in the query, next to the operation's own query parameters", async () => {
    const received = await send([{ queryKey: [] }], { queryKey: "k/query&1" }, { query: { limit: 5 } });
    expect(received.url).toBe("/payments?limit=5&api_key=k%2Fquery%261");
  });

  it("keeps the body of a POST when the query is rewritten for an apiKey", async () => {
    const received = await send([{ queryKey: [] }], { queryKey: "k" }, { method: "post", body: { amount: "10.10" } });
    expect(received.method).toBe("POST");
    expect(received.url).toBe("/payments?api_key=k");
    expect(received.body).toBe('{"amount":"10.10"}');
  });

  it("sends an apiKey in a cookie", async () => {
    const received = await send([{ cookieKey: [] }], { cookieKey: "k_cookie" });
    expect(received.headers.cookie).toBe("session_key=k_cookie");
  });

  it.each(["oauth", "oidc"])("sends a %s token as a bearer token", async (scheme) => {
    const received = await send([{ [scheme]: ["payments:read"] }], { [scheme]: "at_1" });
    expect(received.headers.authorization).toBe("Bearer at_1");
  });

  it("sends every scheme of a requirement that combines several", async () => {
    const received = await send([{ headerKey: [], cookieKey: [] }], { headerKey: "h", cookieKey: "c" });
    expect(received.headers["x-auth-token"]).toBe("h");
    expect(received.headers.cookie).toBe("session_key=c");
  });

  it("treats mutualTLS as met without sending anything", async () => {
    const received = await send([{ tls: [], headerKey: [] }], { headerKey: "h" });
    expect(received.headers["x-auth-token"]).toBe("h");
  });
});

describe("choosing among alternatives", () => {
  it("uses the first requirement the supplied credentials satisfy, and only that one", async () => {
    const security = [{ queryKey: [] }, { bearerAuth: [] }];
    const onlyBearer = await send(security, { bearerAuth: "b" });
    expect(onlyBearer.headers.authorization).toBe("Bearer b");
    expect(onlyBearer.url).toBe("/payments");
    const both = await send(security, { bearerAuth: "b", queryKey: "q" });
    expect(both.url).toBe("/payments?api_key=q");
    expect(both.headers.authorization).toBeUndefined();
  });

  it("keeps each concurrent call's credentials to itself", async () => {
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { bearerAuth: "b", headerKey: "h" } }, EVERY_PART);
    const bearerOnly = { ...operation([{ bearerAuth: [] }]), path: "/bearer" };
    const keyOnly = { ...operation([{ headerKey: [] }]), path: "/key" };
    await Promise.all(Array.from({ length: 10 }, (_, i) => core.call(i % 2 === 0 ? bearerOnly : keyOnly, {})));
    expect(server.requests).toHaveLength(10);
    for (const request of server.requests) {
      if (request.url === "/bearer") {
        expect(request.headers.authorization).toBe("Bearer b");
        expect(request.headers["x-auth-token"]).toBeUndefined();
      } else {
        expect(request.headers.authorization).toBeUndefined();
        expect(request.headers["x-auth-token"]).toBe("h");
      }
    }
  });

  it("sends an optional credential when it is supplied ({} listed first)", async () => {
    const received = await send([{}, { bearerAuth: [] }], { bearerAuth: "b" });
    expect(received.headers.authorization).toBe("Bearer b");
  });

  it("sends nothing when no credentials are configured", async () => {
    const received = await send([{ bearerAuth: [] }, { headerKey: [] }], undefined);
    expect(received.headers.authorization).toBeUndefined();
    expect(received.headers["x-auth-token"]).toBeUndefined();
    expect(received.headers.cookie).toBeUndefined();
  });

  it("sends nothing for an operation without security, even with credentials configured", async () => {
    const received = await send([], { bearerAuth: "b", headerKey: "h", queryKey: "q", cookieKey: "c" });
    expect(received.headers.authorization).toBeUndefined();
    expect(received.headers["x-auth-token"]).toBeUndefined();
    expect(received.headers.cookie).toBeUndefined();
    expect(received.url).toBe("/payments");
  });

  it("sends a request whose requirements cannot be met without credentials, and surfaces the 401", async () => {
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { headerKey: "h" } }, EVERY_PART);
    const op = { ...operation([{ bearerAuth: [] }]), path: "/deny" };
    await expect(core.call(op, {})).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.headers["x-auth-token"]).toBeUndefined();
  });

  it("lets a header the caller sets explicitly win over the credential", async () => {
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { bearerAuth: "b" } }, EVERY_PART);
    await core.call(operation([{ bearerAuth: [] }]), {}, { headers: { Authorization: "Bearer caller" } });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer caller");
  });

  it("treats an empty-string or undefined credential as not supplied", async () => {
    const received = await send([{ bearerAuth: [] }, { headerKey: [] }], { bearerAuth: "", headerKey: undefined });
    expect(received.headers.authorization).toBeUndefined();
  });
});

describe("the raw openapi-fetch client", () => {
  it("applies every supplied credential, the base URL and the default headers", async () => {
    const core = new ClientCore(
      schemes,
      {
        baseUrl: `${server.url}/v1`,
        headers: { "X-Client": "payspec" },
        credentials: { bearerAuth: "b", queryKey: "q", cookieKey: "c" },
      },
      EVERY_PART,
    );
    const { data, response } = await core.raw.GET("/payments", { params: { query: { limit: 1 } } });
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
    const received = server.requests[0];
    expect(received?.url).toBe("/v1/payments?limit=1&api_key=q");
    expect(received?.headers.authorization).toBe("Bearer b");
    expect(received?.headers.cookie).toBe("session_key=c");
    expect(received?.headers["x-client"]).toBe("payspec");
  });
});

describe("credential configuration errors", () => {
  const secret = "sk_live_do_not_print";
  it("names an unknown scheme and lists the known ones, without the credential", () => {
    const attempt = () => new ClientCore(schemes, { baseUrl: server.url, credentials: { bearer: secret } }, EVERY_PART);
    expect(attempt).toThrow(PayspecError);
    expect(attempt).toThrow(/Unknown credential "bearer".*"bearerAuth"/);
    expect(attempt).not.toThrow(new RegExp(secret));
  });

  it("requires { username, password } for basic and a string for the others", () => {
    expect(() => new ClientCore(schemes, { baseUrl: server.url, credentials: { basicAuth: secret } }, EVERY_PART)).toThrow(
      /Credential "basicAuth" \(http basic\) must be \{ username, password \}/,
    );
    expect(
      () => new ClientCore(schemes, { baseUrl: server.url, credentials: { bearerAuth: { username: "u", password: secret } } }, EVERY_PART),
    ).toThrow(/Credential "bearerAuth" \(http Bearer\) must be a string/);
  });
});
