/**
 * Retries, timeouts and aborts against a real node:http server, counting the requests it saw. No test waits for
 * real: setTimeout is faked (server.ts `fakeClock`), each retry's wait is read from `onRetry` and the fake clock is
 * advanced by it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  ClientCore,
  InternalServerError,
  PayspecError,
  RateLimitError,
  type OperationInfo,
} from "../../templates/runtime/index.js";
import { closedPortUrl, EVERY_PART, fakeClock, JSON_SUCCESS, sendJson, startServer, until, type Handler, type TestServer } from "./server.js";

const op = (method: OperationInfo["method"], operationId = `${method}Thing`): OperationInfo => ({
  operationId,
  method,
  path: "/things/{id}",
  security: [],
  constantHeaders: {},
  responses: JSON_SUCCESS,
});
const getThing = op("get");
const postCapture = op("post", "transactionsCaptureCreate");

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, it resolved");
}

/** Answers the first `failures` requests with `status` (and headers), then 200 `{ attempt }`. */
function failThenSucceed(failures: number, status: number, headers: Record<string, string> = {}): Handler {
  return (_req, res, index) => {
    if (index < failures) sendJson(res, status, { message: `try again (${index})` }, headers);
    else sendJson(res, 200, { attempt: index + 1 });
  };
}

/** A real fetch that counts the attempts it makes (the network is still real). */
function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (input, init) => {
      calls.push(input instanceof Request ? input.method : "?");
      return fetch(input, init);
    },
  };
}

describe("retries", () => {
  it("retries a GET answered 503 and resolves with the later success, after a backoff of 0.5 s ± 25%", async () => {
    const s = await serve(failThenSucceed(1, 503));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    expect(await core.call(getThing, { path: { id: 1 } })).toEqual({ attempt: 2 });
    expect(s.requests).toHaveLength(2);
    expect(clock.events).toEqual([{ operationId: "getThing", attempt: 1, reason: 503, delayMs: expect.any(Number) }]);
    expect(clock.events[0]!.delayMs).toBeGreaterThanOrEqual(375);
    expect(clock.events[0]!.delayMs).toBeLessThanOrEqual(625);
  });

  it.each([502, 504, 408])("retries a GET answered %i", async (status) => {
    const s = await serve(failThenSucceed(1, status));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    expect(await core.call(getThing, { path: { id: 1 } })).toEqual({ attempt: 2 });
    expect(clock.events.map((event) => event.reason)).toEqual([status]);
  });

  it("retries nothing without ClientParts.retries (the client of a spec of POSTs alone, which never retries)", async () => {
    const s = await serve(failThenSucceed(1, 503));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry });
    expect(await rejection(core.call(getThing, { path: { id: 1 } }))).toBeInstanceOf(InternalServerError);
    expect(s.requests).toHaveLength(1);
    expect(clock.events).toEqual([]);
  });

  it.each(["put", "delete"] as const)("retries %s, which is safe to repeat", async (method) => {
    const s = await serve(failThenSucceed(2, 503));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    expect(await core.call(op(method), { path: { id: 1 } })).toEqual({ attempt: 3 });
    expect(s.requests.map((r) => r.method)).toEqual(Array(3).fill(method.toUpperCase()));
    expect(clock.events.map((event) => event.attempt)).toEqual([1, 2]);
  });

  it.each([
    ["Retry-After: 1 (whole seconds)", { "retry-after": "1" }, 1000],
    ["Retry-After: 0", { "retry-after": "0" }, 0],
    ["retry-after-ms, preferred to Retry-After", { "retry-after-ms": "300", "retry-after": "30" }, 300],
  ])("honours %s on 429", async (_name, headers, delayMs) => {
    const s = await serve(failThenSucceed(1, 429, headers));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    expect(await core.call(getThing, { path: { id: 1 } })).toEqual({ attempt: 2 });
    expect(clock.events).toEqual([{ operationId: "getThing", attempt: 1, reason: 429, delayMs }]);
    expect(s.requests).toHaveLength(2);
  });

  it("honours Retry-After as an HTTP date, measured against the (fake) clock", async () => {
    const s = await serve((_req, res, index) => {
      if (index === 0) sendJson(res, 503, {}, { "retry-after": new Date(Date.now() + 5000).toUTCString() });
      else sendJson(res, 200, { attempt: index + 1 });
    });
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    expect(await core.call(getThing, { path: { id: 1 } })).toEqual({ attempt: 2 });
    // The date has whole seconds: 5 s ahead when written, 4 to 5 s ahead when the client reads it.
    expect(clock.events[0]!.delayMs).toBeGreaterThan(3900);
    expect(clock.events[0]!.delayMs).toBeLessThanOrEqual(5000);
  });

  it.each(["-5", "1.5", "soon", "Thu, 01 Jan 2026", "-1 GMT"])("backs off as usual when Retry-After is %j (not a wait a server can ask for)", async (value) => {
    const s = await serve(failThenSucceed(1, 503, { "retry-after": value }));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    expect(await core.call(getThing, { path: { id: 1 } })).toEqual({ attempt: 2 });
    expect(clock.events[0]!.delayMs).toBeGreaterThanOrEqual(375);
    expect(clock.events[0]!.delayMs).toBeLessThanOrEqual(625);
  });

  it("waits the decided time before the next attempt, no less", async () => {
    const s = await serve(failThenSucceed(1, 429, { "retry-after": "2" }));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let retried = false;
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: () => (retried = true) }, EVERY_PART);
    const call = core.call(getThing, { path: { id: 1 } });
    await until(() => retried);
    await vi.advanceTimersByTimeAsync(1999);
    expect(s.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).resolves.toEqual({ attempt: 2 });
    expect(s.requests).toHaveLength(2);
  });

  it("gives up at once when the server asks for a wait beyond 60 s", async () => {
    const s = await serve(failThenSucceed(1, 429, { "retry-after": "120" }));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    const error = await rejection(core.call(getThing, { path: { id: 1 } }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get("retry-after")).toBe("120");
    expect(s.requests).toHaveLength(1);
    expect(clock.events).toEqual([]);
  });

  it("rejects with the last status after maxRetries (default 2) retries", async () => {
    const s = await serve((_req, res, index) => (index < 2 ? sendJson(res, 503, {}) : sendJson(res, 429, { message: "slow down" })));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: clock.onRetry }, EVERY_PART);
    const error = await rejection(core.call(getThing, { path: { id: 1 } }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).message).toBe("429 Too Many Requests: getThing (GET /things/{id}) (3 attempts): slow down");
    expect(s.requests).toHaveLength(3);
    // Backoff doubles: 0.5 s then 1 s, each ± 25%.
    const [first, second] = clock.events.map((event) => event.delayMs);
    expect([first! >= 375 && first! <= 625, second! >= 750 && second! <= 1250]).toEqual([true, true]);
  });

  it("does not retry with maxRetries: 0 on the client, and a per-call maxRetries overrides it", async () => {
    const s = await serve((_req, res) => sendJson(res, 503, {}));
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, maxRetries: 0, onRetry: clock.onRetry }, EVERY_PART);
    expect(await rejection(core.call(getThing, { path: { id: 1 } }))).toBeInstanceOf(InternalServerError);
    expect(s.requests).toHaveLength(1);
    expect(await rejection(core.call(getThing, { path: { id: 1 } }, { maxRetries: 3 }))).toBeInstanceOf(InternalServerError);
    expect(s.requests).toHaveLength(5);
  });

  it("does not retry 500 or 400", async () => {
    const s = await serve((req, res) => sendJson(res, req.url.endsWith("/bad") ? 400 : 500, {}, { "retry-after-ms": "0" }));
    const core = new ClientCore({}, { baseUrl: s.url }, EVERY_PART);
    expect(await rejection(core.call(getThing, { path: { id: "boom" } }))).toBeInstanceOf(InternalServerError);
    expect(await rejection(core.call(getThing, { path: { id: "bad" } }))).toBeInstanceOf(BadRequestError);
    expect(s.requests).toHaveLength(2);
  });

  it("sends a POST answered 503 exactly once, even when asked to retry", async () => {
    const s = await serve((_req, res) => sendJson(res, 503, { message: "busy" }, { "retry-after": "0" }));
    const core = new ClientCore({}, { baseUrl: s.url, maxRetries: 5 }, EVERY_PART);
    const error = await rejection(core.call(postCapture, { path: { id: 1 }, body: { amount: "1.00" } }, { maxRetries: 5 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect(s.requests).toHaveLength(1);
  });

  it("sends a PATCH answered 429 exactly once", async () => {
    const s = await serve((_req, res) => sendJson(res, 429, {}, { "retry-after": "0" }));
    const core = new ClientCore({}, { baseUrl: s.url }, EVERY_PART);
    expect(await rejection(core.call(op("patch"), { path: { id: 1 }, body: {} }))).toBeInstanceOf(RateLimitError);
    expect(s.requests).toHaveLength(1);
  });
});

describe("connection failures", () => {
  it("retries a GET on a refused connection (default 2 retries), then rejects with APIConnectionError and its cause", async () => {
    const counting = countingFetch();
    const baseUrl = await closedPortUrl();
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl, fetch: counting.fetch, onRetry: clock.onRetry }, EVERY_PART);
    const error = await rejection(core.call(getThing, { path: { id: 1 } }));
    expect(clock.events.map(({ attempt, reason }) => ({ attempt, reason }))).toEqual([
      { attempt: 1, reason: "connection" },
      { attempt: 2, reason: "connection" },
    ]);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    const e = error as APIConnectionError;
    expect(e.operationId).toBe("getThing");
    expect(e.message).toMatch(/^Connection error \(3 attempts\): getThing \(GET \/things\/\{id\}\): fetch failed/);
    expect(e.message).toContain("ECONNREFUSED");
    expect(e.cause).toBeInstanceOf(Error);
    expect(counting.calls).toEqual(["GET", "GET", "GET"]);
  });

  it("tries a POST on a refused connection exactly once", async () => {
    const counting = countingFetch();
    const core = new ClientCore({}, { baseUrl: await closedPortUrl(), fetch: counting.fetch }, EVERY_PART);
    const error = await rejection(core.call(postCapture, { path: { id: 1 }, body: {} }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(counting.calls).toEqual(["POST"]);
  });

  it("rejects with APIConnectionTimeoutError when the server never answers", async () => {
    const s = await serve(() => undefined);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const core = new ClientCore({}, { baseUrl: s.url, timeoutMs: 100, maxRetries: 0 }, EVERY_PART);
    const pending = rejection(core.call(getThing, { path: { id: 1 } }));
    await until(() => s.requests.length === 1);
    await vi.advanceTimersByTimeAsync(100);
    const error = await pending;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as APIConnectionTimeoutError).message).toBe(
      "Request timed out after 100 ms: getThing (GET /things/{id}). Raise timeoutMs if the server is slow.",
    );
    expect(s.requests).toHaveLength(1);
  });

  it("applies the timeout per attempt, retries a timed-out GET but not a timed-out POST", async () => {
    const s = await serve(() => undefined);
    const clock = fakeClock();
    const core = new ClientCore({}, { baseUrl: s.url, timeoutMs: 5_000, onRetry: clock.onRetry }, EVERY_PART);
    const get = rejection(core.call(getThing, { path: { id: 1 } }, { timeoutMs: 100, maxRetries: 1 }));
    for (const count of [1, 2]) {
      await until(() => s.requests.length === count);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(await get).toBeInstanceOf(APIConnectionTimeoutError);
    expect(clock.events.map((event) => event.reason)).toEqual(["timeout"]);
    expect(s.requests).toHaveLength(2);
    const post = rejection(core.call(postCapture, { path: { id: 1 }, body: {} }, { timeoutMs: 100 }));
    await until(() => s.requests.length === 3);
    await vi.advanceTimersByTimeAsync(100);
    expect(await post).toBeInstanceOf(APIConnectionTimeoutError);
    expect(s.requests).toHaveLength(3);
  });

  it("times out while the body is still arriving", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial":');
    });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const core = new ClientCore({}, { baseUrl: s.url, timeoutMs: 150, maxRetries: 0 }, EVERY_PART);
    const pending = rejection(core.call(getThing, { path: { id: 1 } }));
    await until(() => s.requests.length === 1);
    await vi.advanceTimersByTimeAsync(150);
    expect(await pending).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe("failures before anything is sent", () => {
  it("reports a request that cannot be built as a PayspecError, not a connection error, and does not retry it", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore({}, { baseUrl: s.url }, EVERY_PART);
    let built = 0;
    core.raw.use({
      onRequest: () => {
        built += 1;
        return undefined;
      },
    });
    // A header value outside ISO-8859-1 cannot go on the wire; fetch's Headers reject it while building the request.
    const error = await rejection(core.call(getThing, { path: { id: 1 }, header: { "X-Note": "10 €" } }));
    expect(error).toBeInstanceOf(PayspecError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect((error as PayspecError).message).toMatch(/^Could not build the request for getThing \(GET \/things\/\{id\}\), nothing was sent: /);
    expect(built).toBe(0);
    expect(s.requests).toHaveLength(0);
  });

  it("does not retry when a middleware throws", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore({}, { baseUrl: s.url }, EVERY_PART);
    let calls = 0;
    core.raw.use({
      onRequest: () => {
        calls += 1;
        throw new Error("middleware refused");
      },
    });
    const error = await rejection(core.call(getThing, { path: { id: 1 } }));
    expect(error).toBeInstanceOf(PayspecError);
    expect((error as PayspecError).message).toContain("middleware refused");
    expect(calls).toBe(1);
    expect(s.requests).toHaveLength(0);
  });
});

describe("caller abort", () => {
  it("rejects with APIUserAbortError when the caller aborts mid-flight, and does not retry", async () => {
    const s = await serve(() => undefined);
    const core = new ClientCore({}, { baseUrl: s.url, maxRetries: 2 }, EVERY_PART);
    const controller = new AbortController();
    const pending = rejection(core.call(getThing, { path: { id: 1 } }, { signal: controller.signal }));
    await until(() => s.requests.length === 1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).operationId).toBe("getThing");
    expect((error as APIUserAbortError).message).toBe("Request aborted by the caller: getThing (GET /things/{id})");
    expect(s.requests).toHaveLength(1);
  });

  it("rejects with APIUserAbortError when the caller aborts during the backoff wait", async () => {
    const s = await serve((_req, res) => sendJson(res, 503, {}, { "retry-after": "30" }));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let waiting = false;
    const core = new ClientCore({}, { baseUrl: s.url, onRetry: () => (waiting = true) }, EVERY_PART);
    const controller = new AbortController();
    const pending = rejection(core.call(getThing, { path: { id: 1 } }, { signal: controller.signal }));
    await until(() => waiting);
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    expect(s.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore({}, { baseUrl: s.url }, EVERY_PART);
    const error = await rejection(core.call(getThing, { path: { id: 1 } }, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(s.requests).toHaveLength(0);
  });
});
