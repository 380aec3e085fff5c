/**
 * Success answers that are not what the operation declares, from an adversarial server: each is a typed error by
 * default (never `undefined`, `null` or an HTML page typed as a Transaction), sent once; a declared 204 or a
 * response declared without a body resolves undefined. Bodies past maxResponseBytes (after decompression) stop the
 * read, and a mock server's violations reach the error message.
 */
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  BadRequestError,
  ClientCore,
  ResponseTooLargeError,
  ResponseValidationError,
  UnprocessableEntityError,
  type OperationInfo,
} from "../../templates/runtime/index.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../templates/runtime/core.js";
import { sendJson, startServer, type Handler, type TestServer } from "./server.js";

/** `captureOrderPayment`: 201 with a JSON object (a Transaction), 204 declared without a body. */
const capture: OperationInfo = {
  operationId: "captureOrderPayment",
  method: "post",
  path: "/orders/{id}/capture",
  security: [],
  constantHeaders: {},
  responses: { "201": { content: ["application/json"], json: ["object"] }, "204": { content: [] } },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function call(handler: Handler, operation: OperationInfo = capture, options: { maxResponseBytes?: number } = {}): Promise<unknown> {
  server = await startServer(handler);
  const core = new ClientCore({}, { baseUrl: server.url, maxRetries: 3, ...options });
  return core.call(operation, { path: { id: 1 }, body: { amount: "10.00" } });
}

async function rejection(promise: Promise<unknown>): Promise<ResponseValidationError> {
  try {
    await promise;
  } catch (error) {
    return error as ResponseValidationError;
  }
  throw new Error("expected the promise to reject, it resolved");
}

describe("a 2xx answer that is not what the operation declares", () => {
  const cases: Array<[string, Handler, string, string]> = [
    ["an empty 201", (_req, res) => res.writeHead(201, { "content-type": "application/json" }).end(), "body", "must have a application/json body, found an empty body"],
    ["a 201 of null", (_req, res) => res.writeHead(201, { "content-type": "application/json" }).end("null"), "type", "must be object, found null"],
    ["a 201 of an array", (_req, res) => sendJson(res, 201, []), "type", "must be object, found array"],
    ["an HTML page", (_req, res) => res.writeHead(201, { "content-type": "text/html" }).end("<html>captured?</html>"), "contentType", 'must be application/json, found "text/html"'],
    ["no content type", (_req, res) => res.writeHead(201).end('{"id":1}'), "contentType", "must be application/json, found no Content-Type"],
    ["JSON that does not parse", (_req, res) => res.writeHead(201, { "content-type": "application/json" }).end("{oops"), "json", 'must be valid JSON as its Content-Type "application/json" says, found "{oops"'],
    ["an undeclared 200", (_req, res) => sendJson(res, 200, { id: 1 }), "status", "must be a status the spec declares for this operation (201, 204), found 200"],
  ];
  it.each(cases)("%s is a ResponseValidationError, sent once", async (_name, handler, keyword, message) => {
    const error = await rejection(call(handler));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.name).toBe("ResponseValidationError");
    expect(error.errors).toEqual([expect.objectContaining({ path: "", keyword, message })]);
    expect(error.message).toBe(`captureOrderPayment (POST /orders/{id}/capture): the ${error.status} response does not match the spec: ${message}`);
    expect(server?.requests).toHaveLength(1);
  });

  it("a declared 204 resolves undefined, whatever comes with it", async () => {
    expect(await call((_req, res) => res.writeHead(204).end())).toBeUndefined();
  });

  it("a status declared without a body resolves undefined even when a body comes", async () => {
    const accepted: OperationInfo = { ...capture, responses: { "202": { content: [] } } };
    expect(await call((_req, res) => sendJson(res, 202, { ignored: true }), accepted)).toBeUndefined();
  });

  it("a JSON body of a declared +json type, a declared range and text/* are read as declared", async () => {
    const problem: OperationInfo = { ...capture, responses: { "2XX": { content: ["application/vnd.api+json", "text/*"] } } };
    expect(await call((_req, res) => res.writeHead(201, { "content-type": "application/vnd.api+json; charset=utf-8" }).end('{"a":1}'), problem)).toEqual({ a: 1 });
    await server?.close();
    expect(await call((_req, res) => res.writeHead(200, { "content-type": "text/csv" }).end("id\n1\n"), problem)).toBe("id\n1\n");
  });

  it("an amount stays exactly as the server wrote it (no float in between)", async () => {
    expect(await call((_req, res) => res.writeHead(201, { "content-type": "application/json" }).end('{"amount":"10.10","total":10.10}'))).toEqual({ amount: "10.10", total: 10.1 });
  });
});

describe("maxResponseBytes", () => {
  it("is 32 MiB by default", () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
  });

  it("stops reading a gzip bomb once the decompressed bytes pass the limit, and the server sees the read stop", async () => {
    // 64 KiB of gzip per chunk that expands to 64 MiB: the server would send up to 1,000 chunks (64 GiB expanded).
    const chunk = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    let written = 0;
    const handler: Handler = (_req, res) => {
      res.writeHead(201, { "content-type": "application/json", "content-encoding": "gzip" });
      const writeMore = (): void => {
        while (written < 1000) {
          written++;
          if (!res.write(chunk)) {
            res.once("drain", writeMore);
            return;
          }
        }
        res.end();
      };
      res.on("close", () => res.removeAllListeners("drain"));
      writeMore();
    };
    const error = await rejection(call(handler, capture, { maxResponseBytes: 1024 * 1024 }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.name).toBe("ResponseTooLargeError");
    expect(error.message).toBe(
      "captureOrderPayment (POST /orders/{id}/capture): the 201 response is larger than maxResponseBytes (1048576 bytes, counted after decompression); reading stopped there. Raise maxResponseBytes if it is expected.",
    );
    expect(server?.requests).toHaveLength(1);
    expect(written).toBeLessThan(1000);
  });

  it("applies to error bodies too, and a per-call limit overrides the client's", async () => {
    server = await startServer((_req, res) => res.writeHead(500, { "content-type": "text/plain" }).end("x".repeat(4096)));
    const core = new ClientCore({}, { baseUrl: server.url, maxRetries: 0 });
    const operation: OperationInfo = { ...capture, method: "get" };
    await expect(core.call(operation, { path: { id: 1 } }, { maxResponseBytes: 1000 })).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(core.call(operation, { path: { id: 1 } })).rejects.toThrow(/^500 Internal Server Error/);
  });

  it("rejects a limit that is not a positive number", () => {
    expect(() => new ClientCore({}, { baseUrl: "http://127.0.0.1:9", maxResponseBytes: 0 })).toThrow(
      "maxResponseBytes must be a positive number of bytes, got 0.",
    );
  });
});

describe("a mock server's request violations", () => {
  it("are part of the error message, from Prism's sl-violations header", async () => {
    const violations = [
      { location: ["request", "body", "amount"], severity: "Error", code: "pattern", message: 'must match pattern "^\\d+\\.\\d{2}$"' },
      { location: ["request", "header", "x-auth-token"], severity: "Error", message: "must have required property 'x-auth-token'" },
    ];
    const error = await rejection(
      call((_req, res) => sendJson(res, 422, { title: "Invalid request", detail: "Your request is not valid" }, { "sl-violations": JSON.stringify(violations) })),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toBe(
      "422 Unprocessable Entity: captureOrderPayment (POST /orders/{id}/capture): Invalid request (violations: request.body.amount must match pattern \"^\\d+\\.\\d{2}$\"; request.header.x-auth-token must have required property 'x-auth-token')",
    );
  });

  it("are part of the error message, from the validation list of the problem+json body Prism writes itself", async () => {
    const problem = {
      type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
      title: "Invalid request",
      status: 422,
      detail: "Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.",
      validation: [{ location: ["request", "body"], severity: "Error", code: "required", message: "must have required property 'amount'" }],
    };
    const error = await rejection(call((_req, res) => sendJson(res, 422, problem)));
    expect(error.message).toBe(
      "422 Unprocessable Entity: captureOrderPayment (POST /orders/{id}/capture): Invalid request (violations: request.body must have required property 'amount')",
    );
  });

  it("leave the message as it was when the header is absent or not JSON", async () => {
    const error = await rejection(call((_req, res) => sendJson(res, 400, { message: "bad" }, { "sl-violations": "not json" })));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe("400 Bad Request: captureOrderPayment (POST /orders/{id}/capture): bad");
  });
});
