import { afterEach, describe, expect, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ClientCore,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayspecError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  UnprocessableEntityError,
  type OperationInfo,
  type ClientValidators,
  type SecuritySchemeInfo,
  type ValidationResult,
  type Validator,
} from "../../templates/runtime/index.js";
import { JSON_SUCCESS, EVERY_PART, sendJson, startServer, type Handler, type TestServer } from "./server.js";

const schemes: Record<string, SecuritySchemeInfo> = { bearerAuth: { type: "http", scheme: "bearer" } };

const getRefund: OperationInfo = {
  operationId: "getRefund",
  method: "get",
  path: "/orders/payment_actions/refunds/{refund_id}",
  security: [{ bearerAuth: [] }],
  constantHeaders: {},
  responses: JSON_SUCCESS,
};

const captureCreate: OperationInfo = {
  operationId: "transactionsCaptureCreate",
  method: "post",
  path: "/transactions/{id}/capture/",
  security: [{ bearerAuth: [] }],
  constantHeaders: { "X-29next-Api-Version": "2024-04-01" },
  responses: JSON_SUCCESS,
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

/** Awaits a promise that must reject, and returns what it rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, it resolved");
}

const AMOUNT_PATTERN = /^-?\d{0,7}(?:\.\d{0,2})?$/;

/** A hand-written request validator in the shape the validators emitter produces. */
const captureValidator: Validator = (value): ValidationResult => {
  const input = value as { body?: { amount?: unknown } };
  const amount = input.body?.amount;
  if (typeof amount === "string" && AMOUNT_PATTERN.test(amount)) return { ok: true, value };
  return {
    ok: false,
    errors: [
      {
        path: "body.amount",
        keyword: "pattern",
        message: `must match pattern ${AMOUNT_PATTERN.source}, found ${JSON.stringify(amount)}`,
        expected: `pattern ${AMOUNT_PATTERN.source}`,
        found: JSON.stringify(amount),
      },
    ],
  };
};

describe("ClientCore.call: success", () => {
  it("sends path and query parameters through openapi-fetch and resolves with the parsed JSON body", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { id: "r_1", amount: "10.10" }));
    const core = new ClientCore(schemes, { baseUrl: `${s.url}/api/admin` });
    const refund = await core.call<{ id: string; amount: string }>(getRefund, {
      path: { refund_id: "r 1/x" },
      query: { expand: ["order", "lines"], page: 2 },
    });
    expect(refund).toEqual({ id: "r_1", amount: "10.10" });
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]?.method).toBe("GET");
    expect(s.requests[0]?.url).toBe("/api/admin/orders/payment_actions/refunds/r%201%2Fx?expand=order&expand=lines&page=2");
  });

  it("sends a decimal string amount byte for byte, and constant headers", async () => {
    const s = await serve((_req, res) => sendJson(res, 201, { status: "captured", amount: "10.10" }));
    const core = new ClientCore(schemes, { baseUrl: s.url });
    const result = await core.call(captureCreate, { path: { id: 7 }, body: { amount: "10.10", currency: "USD" } });
    expect(result).toEqual({ status: "captured", amount: "10.10" });
    const received = s.requests[0];
    expect(received?.method).toBe("POST");
    expect(received?.url).toBe("/transactions/7/capture/");
    expect(received?.body).toBe('{"amount":"10.10","currency":"USD"}');
    expect(received?.headers["content-type"]).toBe("application/json");
    expect(received?.headers["x-29next-api-version"]).toBe("2024-04-01");
  });

  it("accepts the constant header's own value from the caller, in any case", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore(schemes, { baseUrl: s.url });
    await core.call(captureCreate, { path: { id: 1 }, header: { "x-29next-api-version": "2024-04-01" }, body: {} });
    expect(s.requests[0]?.headers["x-29next-api-version"]).toBe("2024-04-01");
  });

  it("rejects a different value for a constant header without sending anything", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore(schemes, { baseUrl: s.url });
    const error = await rejection(
      core.call(captureCreate, { path: { id: 1 }, header: { "X-29next-Api-Version": "2023-01-01" }, body: {} }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    const e = error as RequestValidationError;
    expect(e.operationId).toBe("transactionsCaptureCreate");
    expect(e.errors).toEqual([expect.objectContaining({ path: "header.X-29next-Api-Version", keyword: "const" })]);
    expect(e.message).toContain('header.X-29next-Api-Version must be "2024-04-01"');
    expect(e.message).toContain('found "2023-01-01"');
    expect(s.requests).toHaveLength(0);
  });

  it("sends client default headers, per-call headers, header and cookie parameters", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore(schemes, { baseUrl: s.url, headers: { "X-Client": "payspec", "X-Both": "client" } }, EVERY_PART);
    const op: OperationInfo = { ...getRefund, security: [] };
    await core.call(
      op,
      { path: { refund_id: "1" }, header: { "X-Request-Id": 42 }, cookie: { locale: "en", ids: [1, 2] } },
      { headers: { "X-Both": "call" } },
    );
    const headers = s.requests[0]?.headers;
    expect(headers?.["x-client"]).toBe("payspec");
    expect(headers?.["x-both"]).toBe("call");
    expect(headers?.["x-request-id"]).toBe("42");
    expect(headers?.cookie).toBe("locale=en; ids=1,2");
  });

  it("accepts a call without input for an operation that needs none", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, [{ id: "p_1" }]));
    const core = new ClientCore(schemes, { baseUrl: s.url });
    const list: OperationInfo = { operationId: "listPayments", method: "get", path: "/payments", security: [], constantHeaders: {}, responses: JSON_SUCCESS };
    expect(await core.call(list)).toEqual([{ id: "p_1" }]);
    expect(await core.call(list, undefined, undefined)).toEqual([{ id: "p_1" }]);
    expect(s.requests.map((r) => r.url)).toEqual(["/payments", "/payments"]);
  });

  it("resolves undefined for HEAD", async () => {
    const s = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json", "content-length": "12" }).end());
    const core = new ClientCore(schemes, { baseUrl: s.url });
    expect(await core.call({ ...getRefund, method: "head" }, { path: { refund_id: "1" } })).toBeUndefined();
    expect(s.requests[0]?.method).toBe("HEAD");
  });

  it("runs middleware added to the raw client on call() too", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore(schemes, { baseUrl: s.url });
    core.raw.use({
      onRequest: ({ request, schemaPath }) => {
        request.headers.set("x-trace", schemaPath);
        return request;
      },
    });
    await core.call(getRefund, { path: { refund_id: "1" } });
    expect(s.requests[0]?.headers["x-trace"]).toBe("/orders/payment_actions/refunds/{refund_id}");
  });

  it("sends through the custom fetch when one is given", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const seen: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? `${input.method} ${new URL(input.url).pathname}` : String(input));
      return fetch(input, init);
    };
    const core = new ClientCore(schemes, { baseUrl: s.url, fetch: countingFetch });
    await core.call(getRefund, { path: { refund_id: "9" } });
    expect(seen).toEqual(["GET /orders/payment_actions/refunds/9"]);
  });
});

describe("ClientCore.call: typed errors", () => {
  const cases: [number, typeof APIError][] = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ];
  it.each(cases)("%i rejects with %o carrying status, body, headers and operationId", async (status, ErrorClass) => {
    const s = await serve((_req, res) =>
      sendJson(res, status, { message: `problem ${status}`, code: "E" }, { "x-request-id": "req_123" }),
    );
    const core = new ClientCore(schemes, { baseUrl: s.url, maxRetries: 0 });
    const error = await rejection(core.call(getRefund, { path: { refund_id: "r_1" } }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(PayspecError);
    const e = error as APIError;
    expect(e.name).toBe(ErrorClass.name);
    expect(e.status).toBe(status);
    expect(e.body).toEqual({ message: `problem ${status}`, code: "E" });
    expect(e.headers.get("x-request-id")).toBe("req_123");
    expect(e.operationId).toBe("getRefund");
    expect(e.message).toMatch(new RegExp(`^${status} [A-Z]`));
    expect(e.message).toContain(`: getRefund (GET /orders/payment_actions/refunds/{refund_id}): problem ${status}`);
  });

  it("uses the exact message format, and plain APIError for statuses without a class", async () => {
    const s = await serve((req, res) => {
      if (req.url.endsWith("/teapot")) sendJson(res, 418, { error: { message: "short and stout" } });
      else sendJson(res, 404, { title: "Refund not found" });
    });
    const core = new ClientCore(schemes, { baseUrl: s.url });
    const notFound = (await rejection(core.call(getRefund, { path: { refund_id: "x" } }))) as APIError;
    expect(notFound.message).toBe("404 Not Found: getRefund (GET /orders/payment_actions/refunds/{refund_id}): Refund not found");
    const teapot = (await rejection(core.call(getRefund, { path: { refund_id: "teapot" } }))) as APIError;
    expect(teapot.constructor).toBe(APIError);
    expect(teapot.status).toBe(418);
    expect(teapot.message).toContain("short and stout");
  });

  it("keeps a non-JSON error body as text, and an empty one as undefined", async () => {
    const s = await serve((req, res) => {
      if (req.url.endsWith("/text")) res.writeHead(502, { "content-type": "text/plain" }).end("upstream down");
      else res.writeHead(400).end();
    });
    const core = new ClientCore(schemes, { baseUrl: s.url, maxRetries: 0 });
    const text = (await rejection(core.call(getRefund, { path: { refund_id: "text" } }))) as APIError;
    expect(text).toBeInstanceOf(InternalServerError);
    expect(text.body).toBe("upstream down");
    expect(text.message).toContain("upstream down");
    const empty = (await rejection(core.call(getRefund, { path: { refund_id: "empty" } }))) as APIError;
    expect(empty).toBeInstanceOf(BadRequestError);
    expect(empty.body).toBeUndefined();
  });
});

describe("ClientCore.call: request validation", () => {
  const withValidator = (validator: Validator): ClientValidators => ({ request: { transactionsCaptureCreate: validator } });

  it("sends nothing and names every issue when the request validator fails", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore(schemes, { baseUrl: s.url }, withValidator(captureValidator));
    const error = await rejection(core.call(captureCreate, { path: { id: 1 }, body: { amount: "1.234" } }));
    expect(error).toBeInstanceOf(RequestValidationError);
    const e = error as RequestValidationError;
    expect(e.operationId).toBe("transactionsCaptureCreate");
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0]).toMatchObject({ path: "body.amount", keyword: "pattern", found: '"1.234"' });
    expect(e.message).toBe(
      'transactionsCaptureCreate (POST /transactions/{id}/capture/): invalid request, nothing was sent: body.amount must match pattern ^-?\\d{0,7}(?:\\.\\d{0,2})?$, found "1.234"',
    );
    expect(s.requests).toHaveLength(0);
  });

  it("gives the validator the CallInput with constant headers filled in, then sends a valid request", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const seen: unknown[] = [];
    const recording: Validator = (value) => {
      seen.push(value);
      return captureValidator(value);
    };
    const core = new ClientCore(schemes, { baseUrl: s.url }, withValidator(recording));
    await core.call(captureCreate, { path: { id: 1 }, body: { amount: "5.00" } });
    expect(seen).toEqual([
      { path: { id: 1 }, header: { "X-29next-Api-Version": "2024-04-01" }, body: { amount: "5.00" } },
    ]);
    expect(s.requests).toHaveLength(1);
  });

  it("sends an invalid request when request validation is turned off", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore(schemes, { baseUrl: s.url, validate: { request: false } }, withValidator(captureValidator));
    await core.call(captureCreate, { path: { id: 1 }, body: { amount: 1.5 } });
    expect(s.requests[0]?.body).toBe('{"amount":1.5}');
  });

  it("validates only the operations the table names", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    const core = new ClientCore(schemes, { baseUrl: s.url }, withValidator(captureValidator));
    await core.call(getRefund, { path: { refund_id: "1.234" } });
    expect(s.requests).toHaveLength(1);
  });
});

describe("ClientCore.call: response validation", () => {
  const issue = { path: "amount", keyword: "type", message: "must be string, found number 10.1" } as const;
  const amountIsString: Validator = (value) =>
    typeof (value as { amount?: unknown }).amount === "string" ? { ok: true, value } : { ok: false, errors: [issue] };
  const never: Validator = () => ({ ok: false, errors: [{ path: "", keyword: "false", message: "must not be used" }] });
  /** Response validators for getRefund, and how often they were loaded. */
  function loader(validators: Record<string, Validator>): { validators: ClientValidators; loads: () => number } {
    let loads = 0;
    return {
      validators: {
        loadResponse: async () => {
          loads++;
          return { getRefund: validators };
        },
      },
      loads: () => loads,
    };
  }

  it("is off by default, and then never loads the response validators", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { amount: 10.1 }));
    const { validators, loads } = loader({ "200": never });
    const core = new ClientCore(schemes, { baseUrl: s.url }, validators);
    expect(await core.call({ ...getRefund, responses: { "200": { content: ["application/json"] } } }, { path: { refund_id: "1" } })).toEqual({
      amount: 10.1,
    });
    expect(loads()).toBe(0);
  });

  it("rejects with ResponseValidationError carrying status, body and issues; loads the validators once", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { amount: 10.1 }));
    const { validators, loads } = loader({ "200": amountIsString, "2XX": never, default: never });
    const core = new ClientCore(schemes, { baseUrl: s.url, validate: { response: true } }, validators);
    const op = { ...getRefund, responses: { "200": { content: ["application/json"] }, "2XX": { content: ["application/json"] } } };
    const error = await rejection(core.call(op, { path: { refund_id: "1" } }));
    expect(error).toBeInstanceOf(ResponseValidationError);
    const e = error as ResponseValidationError;
    expect(e.status).toBe(200);
    expect(e.body).toEqual({ amount: 10.1 });
    expect(e.errors).toEqual([issue]);
    expect(e.operationId).toBe("getRefund");
    expect(e.message).toBe(
      "getRefund (GET /orders/payment_actions/refunds/{refund_id}): the 200 response does not match the spec: amount must be string, found number 10.1",
    );
    await rejection(core.call(op, { path: { refund_id: "1" } }));
    expect(loads()).toBe(1);
  });

  it("uses the validator of the key the status is declared under: exact, else range, else default", async () => {
    const s = await serve((req, res) => sendJson(res, req.url.endsWith("/201") ? 201 : 202, { amount: "1.00" }));
    const used: string[] = [];
    const tagged = (tag: string): Validator => (value) => {
      used.push(tag);
      return amountIsString(value);
    };
    const json = { content: ["application/json"] };
    const { validators } = loader({ "200": never, "2XX": tagged("2XX"), default: tagged("default") });
    const core = new ClientCore(schemes, { baseUrl: s.url, validate: { response: true } }, validators);
    expect(await core.call({ ...getRefund, responses: { "200": json, "2XX": json } }, { path: { refund_id: "201" } })).toEqual({ amount: "1.00" });
    expect(await core.call({ ...getRefund, responses: { "200": json, default: json } }, { path: { refund_id: "202" } })).toEqual({ amount: "1.00" });
    expect(used).toEqual(["2XX", "default"]);
  });

  it("does not validate a body that is not JSON (a declared text alternative)", async () => {
    const s = await serve((_req, res) => res.writeHead(200, { "content-type": "text/csv" }).end("id\n1\n"));
    const { validators } = loader({ "200": never });
    const core = new ClientCore(schemes, { baseUrl: s.url, validate: { response: true } }, validators);
    const op = { ...getRefund, responses: { "200": { content: ["application/json", "text/csv"] } } };
    expect(await core.call(op, { path: { refund_id: "1" } })).toBe("id\n1\n");
  });
});

describe("ClientCore: configuration errors", () => {
  it("rejects a baseUrl that is not absolute, or that carries a user name", () => {
    expect(() => new ClientCore(schemes, { baseUrl: "/api" })).toThrow(/baseUrl must be an absolute/);
    expect(() => new ClientCore(schemes, { baseUrl: "https://me:pw@example.com" })).toThrow(/credentials/);
  });

  it("rejects a non-positive timeout and a fractional retry count", () => {
    expect(() => new ClientCore(schemes, { baseUrl: "https://example.com", timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => new ClientCore(schemes, { baseUrl: "https://example.com", maxRetries: 1.5 })).toThrow(/maxRetries/);
  });
});
