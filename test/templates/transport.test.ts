/**
 * How a call's credentials and signals reach fetch: header credentials travel as openapi-fetch default and per-call
 * headers (not a middleware), the timeout signal goes to the global fetch directly and to a custom fetch on the
 * Request. These pin down the precedence and abort behaviour that used to follow from the middleware design.
 */
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  ClientCore,
  type OperationInfo,
  type SecurityRequirement,
  type SecuritySchemeInfo,
} from "../../templates/runtime/index.js";
import { JSON_SUCCESS, EVERY_PART, sendJson, startServer, until, type Handler, type ReceivedRequest, type TestServer } from "./server.js";

const schemes: Record<string, SecuritySchemeInfo> = {
  bearerAuth: { type: "http", scheme: "bearer" },
  basicAuth: { type: "http", scheme: "basic" },
  headerKey: { type: "apiKey", in: "header", name: "X-Auth-Token" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
};

const op = (security: readonly SecurityRequirement[], extra: Partial<OperationInfo> = {}): OperationInfo => ({
  operationId: "getThing",
  method: "get",
  path: "/things",
  security,
  constantHeaders: {},
  responses: JSON_SUCCESS,
  ...extra,
});

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler = (_req, res) => sendJson(res, 200, { ok: true })): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

function last(s: TestServer): ReceivedRequest {
  const received = s.requests.at(-1);
  if (received === undefined) throw new Error("the server received nothing");
  return received;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, it resolved");
}

describe("header credentials", () => {
  it("sends the operation's scheme when two schemes share the Authorization header; raw sends the first", async () => {
    const s = await serve();
    const core = new ClientCore(schemes, { baseUrl: s.url, credentials: { bearerAuth: "b", basicAuth: { username: "u", password: "p" } } }, EVERY_PART);
    await core.call(op([{ basicAuth: [] }]));
    expect(last(s).headers.authorization).toBe(`Basic ${btoa("u:p")}`);
    await core.call(op([{ bearerAuth: [] }]));
    expect(last(s).headers.authorization).toBe("Bearer b");
    await core.raw.GET("/things", {});
    expect(last(s).headers.authorization).toBe("Bearer b");
  });

  it("never replaces a default header of the same name, in call() and raw", async () => {
    const s = await serve();
    const core = new ClientCore(
      schemes,
      {
        baseUrl: s.url,
        headers: { authorization: "Token mine" },
        credentials: { bearerAuth: "b", headerKey: "h" },
      },
      EVERY_PART,
    );
    await core.call(op([{ bearerAuth: [] }]));
    expect(last(s).headers.authorization).toBe("Token mine");
    expect(last(s).headers["x-auth-token"]).toBeUndefined();
    await core.raw.GET("/things", {});
    expect(last(s).headers.authorization).toBe("Token mine");
    expect(last(s).headers["x-auth-token"]).toBe("h");
  });

  it("lets per-call headers and header parameters win, in any letter case", async () => {
    const s = await serve();
    const core = new ClientCore(schemes, { baseUrl: s.url, credentials: { bearerAuth: "b", headerKey: "h" } }, EVERY_PART);
    await core.call(op([{ bearerAuth: [] }]), {}, { headers: { AUTHORIZATION: "Bearer call", "x-auth-token": "mine" } });
    expect(last(s).headers.authorization).toBe("Bearer call");
    expect(last(s).headers["x-auth-token"]).toBe("mine");
    await core.call(op([{ headerKey: [] }]), { header: { "x-AUTH-token": "param" } });
    expect(last(s).headers["x-auth-token"]).toBe("param");
    expect(last(s).headers.authorization).toBeUndefined();
  });

  it("sends header and query credentials of one requirement together, and raw sends all of them", async () => {
    const s = await serve();
    const core = new ClientCore(schemes, { baseUrl: s.url, credentials: { bearerAuth: "b", headerKey: "h", queryKey: "q" } }, EVERY_PART);
    await core.call(op([{ headerKey: [], queryKey: [] }]));
    expect(last(s).url).toBe("/things?api_key=q");
    expect(last(s).headers["x-auth-token"]).toBe("h");
    expect(last(s).headers.authorization).toBeUndefined();
    await core.call(op([{ bearerAuth: [] }]));
    expect(last(s).url).toBe("/things");
    expect(last(s).headers.authorization).toBe("Bearer b");
    expect(last(s).headers["x-auth-token"]).toBeUndefined();
    await core.raw.GET("/things", {});
    expect(last(s).url).toBe("/things?api_key=q");
    expect(last(s).headers.authorization).toBe("Bearer b");
    expect(last(s).headers["x-auth-token"]).toBe("h");
  });
});

describe("timeouts and aborts", () => {
  const hang: Handler = () => undefined;

  it("a timeout aborts the Request a custom fetch receives, and rejects with APIConnectionTimeoutError", async () => {
    const s = await serve(hang);
    let aborted: unknown;
    const customFetch: typeof fetch = (input) => {
      const request = input as Request;
      request.signal.addEventListener("abort", () => (aborted = request.signal.reason));
      return fetch(request);
    };
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const core = new ClientCore({}, { baseUrl: s.url, fetch: customFetch, timeoutMs: 100, maxRetries: 0 });
    const pending = rejection(core.call(op([])));
    await until(() => s.requests.length === 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toBeInstanceOf(APIConnectionTimeoutError);
    expect((aborted as DOMException).name).toBe("TimeoutError");
  });

  it("a caller abort rejects with APIUserAbortError through a custom fetch too", async () => {
    const s = await serve(hang);
    const core = new ClientCore({}, { baseUrl: s.url, fetch: (input, init) => fetch(input, init) });
    const controller = new AbortController();
    const pending = rejection(core.call(op([]), {}, { signal: controller.signal }));
    await until(() => s.requests.length === 1);
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
  });

  it("stops listening to the caller's signal once a call is over", async () => {
    const s = await serve();
    const core = new ClientCore({}, { baseUrl: s.url });
    const controller = new AbortController();
    for (let i = 0; i < 3; i++) await core.call(op([]), {}, { signal: controller.signal });
    expect(s.requests).toHaveLength(3);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
