import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ClientCore,
  RequestValidationError,
  ResponseValidationError,
  type CoreOptions,
  type OperationInfo,
  type SecuritySchemeInfo,
  type Validator,
} from "../../templates/runtime/index.js";
import { isSensitiveHeader, redactHeaders, SecretScrubber } from "../../templates/runtime/redact.js";
import { JSON_SUCCESS, EVERY_PART, closedPortUrl, sendJson, startServer, until, type TestServer } from "./server.js";

const BEARER = "sk_live_BEARER_4f9a2c";
const HEADER_KEY = "hk_HEADER_71b3e0";
const QUERY_KEY = "qk/QUERY+key=8d";
const PASSWORD = "pw_BASIC_c0ffee";
const BASIC = Buffer.from(`shop:${PASSWORD}`).toString("base64");
/** Every form in which a credential could leak: as given, %-encoded as in a URL, base64 as in a basic header. */
const FORBIDDEN = [BEARER, HEADER_KEY, QUERY_KEY, encodeURIComponent(QUERY_KEY), PASSWORD, BASIC];

const schemes: Record<string, SecuritySchemeInfo> = {
  bearerAuth: { type: "http", scheme: "bearer" },
  basicAuth: { type: "http", scheme: "basic" },
  storeKey: { type: "apiKey", in: "header", name: "X-Store-Key" },
  queryKey: { type: "apiKey", in: "query", name: "key" },
};
const credentials: CoreOptions["credentials"] = {
  bearerAuth: BEARER,
  basicAuth: { username: "shop", password: PASSWORD },
  storeKey: HEADER_KEY,
  queryKey: QUERY_KEY,
};

const getOrder: OperationInfo = {
  operationId: "getOrder",
  method: "get",
  path: "/orders/{id}",
  security: [{ bearerAuth: [], storeKey: [], queryKey: [] }],
  constantHeaders: {},
  responses: JSON_SUCCESS,
};

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${typeof error}`);
  }
  throw new Error("expected the promise to reject, it resolved");
}

/** Every way a user or a logger could render an error, its headers and its whole cause chain. */
function renderings(error: Error): string[] {
  const views = [error.message, String(error), error.stack ?? "", inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)];
  if (error instanceof APIError) views.push(JSON.stringify([...error.headers]), inspect(error.headers), JSON.stringify(error.body));
  if (error instanceof ResponseValidationError) views.push(JSON.stringify(error.body));
  for (let cause: unknown = error.cause, depth = 0; cause !== undefined && depth < 10; depth++) {
    views.push(inspect(cause, { depth: 10, showHidden: true }), String(cause));
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return views;
}

function expectNoCredential(error: Error): void {
  for (const view of renderings(error)) {
    for (const secret of FORBIDDEN) expect(view).not.toContain(secret);
  }
}

describe("no credential in any error", () => {
  it("APIError: redacts sensitive response headers, scrubs echoed secrets from headers and body", async () => {
    server = await startServer((req, res) => {
      // A careless server echoes what it received, in headers and body.
      const echoed = `${req.headers.authorization ?? ""} ${String(req.headers["x-store-key"])}`;
      res.setHeader("set-cookie", [`sid=${BEARER}; HttpOnly`]);
      sendJson(
        res,
        401,
        { message: `invalid token ${echoed}`, request: { url: req.url, headers: req.headers }, [BEARER]: true },
        { "x-auth-token": BEARER, "x-store-key": HEADER_KEY, "x-debug-echo": echoed, "x-request-id": "req_1" },
      );
    });
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials }, EVERY_PART);
    const error = await rejection(core.call(getOrder, { path: { id: 1 } }));
    expect(error).toBeInstanceOf(APIError);
    const e = error as APIError;
    // The server did receive the credentials, so the echo really contained them.
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${BEARER}`);
    expect(e.headers.get("x-auth-token")).toBe("[redacted]");
    expect(e.headers.get("x-store-key")).toBe("[redacted]");
    expect(e.headers.get("set-cookie")).toBe("[redacted]");
    expect(e.headers.get("x-debug-echo")).toBe(`Bearer [redacted] [redacted]`);
    expect(e.headers.get("x-request-id")).toBe("req_1");
    expect(e.message).toBe("401 Unauthorized: getOrder (GET /orders/{id}): invalid token Bearer [redacted] [redacted]");
    expectNoCredential(e);
  });

  it("APIConnectionError: rebuilds the cause chain without the request a fetch implementation attached", async () => {
    const leakyFetch: typeof fetch = async (input, init) => {
      try {
        return await fetch(input, init);
      } catch (error) {
        // What some fetch implementations do: keep the request, and mention its headers in the message.
        const request = input as Request;
        const wrapped = new TypeError(`fetch failed for ${request.url} with ${request.headers.get("authorization")}`, {
          cause: error,
        });
        Object.assign(wrapped, { request, headers: Object.fromEntries(request.headers), code: "ECONNREFUSED" });
        throw wrapped;
      }
    };
    const core = new ClientCore(schemes, { baseUrl: await closedPortUrl(), credentials, fetch: leakyFetch, maxRetries: 0 }, EVERY_PART);
    const error = await rejection(core.call(getOrder, { path: { id: 1 } }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain("fetch failed for");
    expect(error.message).toContain("[redacted]");
    expect((error.cause as { code?: unknown }).code).toBe("ECONNREFUSED");
    expect(error.cause).not.toHaveProperty("request");
    expectNoCredential(error);
  });

  it("APIConnectionTimeoutError and APIUserAbortError", async () => {
    const s = await startServer(() => undefined);
    server = s;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const core = new ClientCore(schemes, { baseUrl: s.url, credentials, timeoutMs: 100, maxRetries: 0 }, EVERY_PART);
    const timingOut = rejection(core.call(getOrder, { path: { id: 1 } }));
    await until(() => s.requests.length === 1);
    await vi.advanceTimersByTimeAsync(100);
    const timeout = await timingOut;
    expect(timeout).toBeInstanceOf(APIConnectionTimeoutError);
    expectNoCredential(timeout);

    const controller = new AbortController();
    const pending = rejection(core.call(getOrder, { path: { id: 2 } }, { signal: controller.signal, timeoutMs: 10_000 }));
    await until(() => s.requests.length === 2);
    controller.abort(new Error(`aborted while holding ${BEARER}`));
    const abort = await pending;
    expect(abort).toBeInstanceOf(APIUserAbortError);
    expectNoCredential(abort);
  });

  it("RequestValidationError whose issue quotes a credential the caller put in the body", async () => {
    const echoing: Validator = (value) => ({
      ok: false,
      errors: [{ path: "body.note", keyword: "maxLength", message: `must be shorter, found ${JSON.stringify(value)}`, found: JSON.stringify(value) }],
    });
    const core = new ClientCore(schemes, { baseUrl: "http://127.0.0.1:9", credentials }, { ...EVERY_PART, request: { getOrder: echoing } });
    const error = await rejection(core.call({ ...getOrder, method: "post" }, { body: { note: `my key is ${HEADER_KEY}` } }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.message).toContain("my key is [redacted]");
    expectNoCredential(error);
  });

  it("ResponseValidationError whose body carries a credential", async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { token: BEARER, amount: 1 }));
    const rejectAll: Validator = (value) => ({
      ok: false,
      errors: [{ path: "token", keyword: "pattern", message: `must not be ${JSON.stringify((value as { token: string }).token)}` }],
    });
    const validators = { loadResponse: async () => ({ getOrder: { "2XX": rejectAll } }) };
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials, validate: { response: true } }, { ...EVERY_PART, ...validators });
    const error = await rejection(core.call(getOrder, { path: { id: 1 } }));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toEqual({ token: "[redacted]", amount: 1 });
    expectNoCredential(error);
  });

  it("neither the client nor its raw client shows credentials when inspected", () => {
    const core = new ClientCore(schemes, { baseUrl: "http://127.0.0.1:9", credentials }, EVERY_PART);
    for (const view of [inspect(core, { depth: 10, showHidden: true }), JSON.stringify(core), String(core)]) {
      for (const secret of FORBIDDEN) expect(view).not.toContain(secret);
    }
  });

  it("configuration errors do not echo the credential", () => {
    let message = "";
    try {
      new ClientCore(schemes, { baseUrl: "http://127.0.0.1:9", credentials: { basicAuth: BEARER } }, EVERY_PART);
    } catch (error) {
      message = inspect(error);
    }
    expect(message).toContain('Credential "basicAuth"');
    expect(message).not.toContain(BEARER);
  });
});

describe("redactHeaders", () => {
  it("redacts credentials by name: fixed names, *api-key*, *token*, and the spec's own apiKey header names", () => {
    const headers = new Headers({
      Authorization: "a",
      "Proxy-Authorization": "b",
      "X-Auth-Token": "c",
      Cookie: "d",
      "X-API-Key": "e",
      "x-refresh-token": "f",
      "X-Store-Key": "g",
      "Content-Type": "application/json",
    });
    const redacted = redactHeaders(headers, new Set(["x-store-key"]), new SecretScrubber([]));
    expect(Object.fromEntries(redacted)).toEqual({
      authorization: "[redacted]",
      "proxy-authorization": "[redacted]",
      "x-auth-token": "[redacted]",
      cookie: "[redacted]",
      "x-api-key": "[redacted]",
      "x-refresh-token": "[redacted]",
      "x-store-key": "[redacted]",
      "content-type": "application/json",
    });
    expect(isSensitiveHeader("Set-Cookie")).toBe(true);
    expect(isSensitiveHeader("X-Request-Id")).toBe(false);
  });
});

describe("scrubbing is structural: only text from outside, only secrets of 8 characters or more, once", () => {
  const getThing: OperationInfo = { ...getOrder, operationId: "getThing", security: [{ storeKey: [] }] };
  const capture: OperationInfo = { ...getOrder, operationId: "capture", method: "post", security: [{ storeKey: [] }] };
  const amountPattern: Validator = (value) => {
    const amount = (value as { body?: { amount?: unknown } }).body?.amount;
    return typeof amount === "string" && /^\d+\.\d\d$/.test(amount)
      ? { ok: true, value }
      : { ok: false, errors: [{ path: "body.amount", keyword: "pattern", message: `must match pattern ^\\d+\\.\\d\\d$, found ${JSON.stringify(amount)}`, found: JSON.stringify(amount) }] };
  };

  it("leaves a short credential's look-alikes in the server's text alone (`qa@test.example`), and still redacts headers by name", async () => {
    server = await startServer((_req, res) => sendJson(res, 404, { message: "no order for qa@test.example", contact: "qa@test.example" }, { "x-store-key": "test" }));
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { storeKey: "test" } }, EVERY_PART);
    const error = (await rejection(core.call(getThing, { path: { id: 1 } }))) as APIError;
    expect(server.requests[0]?.headers["x-store-key"]).toBe("test");
    expect(error.message).toBe("404 Not Found: getThing (GET /orders/{id}): no order for qa@test.example");
    expect(error.body).toEqual({ message: "no order for qa@test.example", contact: "qa@test.example" });
    expect(error.headers.get("x-store-key")).toBe("[redacted]");
  });

  it("never rewrites the SDK's own wording or the keys of its objects, even when a credential spells them", async () => {
    const core = new ClientCore(schemes, { baseUrl: "http://127.0.0.1:9", credentials: { storeKey: "must match pattern" } }, { ...EVERY_PART, request: { capture: amountPattern } });
    const error = (await rejection(core.call(capture, { body: { amount: "1.234" } }))) as RequestValidationError;
    expect(error.message).toBe('capture (POST /orders/{id}): invalid request, nothing was sent: body.amount must match pattern ^\\d+\\.\\d\\d$, found "1.234"');
    expect(error.errors).toEqual([{ path: "body.amount", keyword: "pattern", message: 'must match pattern ^\\d+\\.\\d\\d$, found "1.234"', found: '"1.234"' }]);
  });

  it("scrubs an echoed secret once, even when it is spelt like the replacement", async () => {
    server = await startServer((req, res) => sendJson(res, 400, { message: `bad key ${String(req.headers["x-store-key"])}` }));
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { storeKey: "redacted" } }, EVERY_PART);
    const error = (await rejection(core.call(getThing, { path: { id: 1 } }))) as APIError;
    expect(error.message).toBe("400 Bad Request: getThing (GET /orders/{id}): bad key [redacted]");
    expect(error.body).toEqual({ message: "bad key [redacted]" });
  });

  it("sends a token read with its trailing newline trimmed, and scrubs the trimmed token the server echoes", async () => {
    server = await startServer((req, res) => sendJson(res, 401, { message: `token ${String(req.headers["x-store-key"])} revoked` }));
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { storeKey: `${HEADER_KEY}\n` } }, EVERY_PART);
    const error = (await rejection(core.call(getThing, { path: { id: 1 } }))) as APIError;
    expect(server.requests[0]?.headers["x-store-key"]).toBe(HEADER_KEY);
    expect(error.message).toBe("401 Unauthorized: getThing (GET /orders/{id}): token [redacted] revoked");
  });

  it("covers every part of a basic credential: an API key sent as the user name, the password and their base64", async () => {
    const apiKey = "sk_medusa_0123456789";
    server = await startServer((req, res) => {
      const encoded = (req.headers.authorization ?? "").slice("Basic ".length);
      sendJson(res, 401, { message: `key ${Buffer.from(encoded, "base64").toString("utf8")} unknown`, sent: encoded }, { "x-echo": encoded });
    });
    const basic: OperationInfo = { ...getThing, security: [{ basicAuth: [] }] };
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { basicAuth: { username: apiKey, password: "" } } }, EVERY_PART);
    const error = (await rejection(core.call(basic, { path: { id: 1 } }))) as APIError;
    expect(error.message).toBe("401 Unauthorized: getThing (GET /orders/{id}): key [redacted]: unknown");
    expect(error.body).toEqual({ message: "key [redacted]: unknown", sent: "[redacted]" });
    expect(error.headers.get("x-echo")).toBe("[redacted]");
  });

  it("scrubs a query credential echoed %-encoded, as it travelled in the URL", async () => {
    server = await startServer((req, res) => sendJson(res, 403, { message: `forbidden: ${req.url}` }));
    const queryOnly: OperationInfo = { ...getThing, security: [{ queryKey: [] }] };
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { queryKey: QUERY_KEY } }, EVERY_PART);
    const error = (await rejection(core.call(queryOnly, { path: { id: 1 } }))) as APIError;
    expect(server.requests[0]?.url).toBe(`/orders/1?key=${encodeURIComponent(QUERY_KEY)}`);
    expect(error.message).toBe("403 Forbidden: getThing (GET /orders/{id}): forbidden: /orders/1?key=[redacted]");
  });

  it("renders a failed response validation from the scrubbed body: a long echoed token cut short leaks no part of it", async () => {
    const longToken = `sk_live_${"x".repeat(40)}_${"y".repeat(40)}`;
    server = await startServer((_req, res) => sendJson(res, 200, { amount: longToken }));
    const amountIsNumberText: Validator = (value) => {
      const amount = (value as { amount: string }).amount;
      const text = JSON.stringify(amount);
      const found = text.length > 60 ? `${text.slice(0, 56)}..."` : text; // as the generated validators render values
      return /^\d/.test(amount) ? { ok: true, value } : { ok: false, errors: [{ path: "amount", keyword: "pattern", message: `must be a number, found ${found}`, found }] };
    };
    const validators = { loadResponse: async () => ({ getThing: { "2XX": amountIsNumberText } }) };
    const core = new ClientCore(schemes, { baseUrl: server.url, credentials: { storeKey: longToken }, validate: { response: true } }, { ...EVERY_PART, ...validators });
    const error = (await rejection(core.call(getThing, { path: { id: 1 } }))) as ResponseValidationError;
    expect(error.errors).toEqual([{ path: "amount", keyword: "pattern", message: 'must be a number, found "[redacted]"', found: '"[redacted]"' }]);
    for (const view of renderings(error)) expect(view).not.toContain("sk_live_xxxx");
  });
});
