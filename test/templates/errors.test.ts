import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  NotFoundError,
  PayspecError,
  RequestValidationError,
  ResponseValidationError,
  ValidationError,
  type ValidationIssue,
} from "../../templates/runtime/index.js";
import { apiErrorClassFor } from "../../templates/runtime/errors.js";

const issues: ValidationIssue[] = [
  { path: "lines[2].quantity", keyword: "type", message: "must be integer, found string \"2\"", expected: "integer", found: '"2"' },
  { path: "", keyword: "required", message: "must have property currency" },
];

describe("error classes", () => {
  it("maps statuses to classes, >= 500 to InternalServerError, others to APIError", () => {
    expect([400, 401, 403, 404, 409, 422, 429, 500, 503, 599, 418, 302].map((s) => apiErrorClassFor(s).name)).toEqual([
      "BadRequestError",
      "AuthenticationError",
      "PermissionDeniedError",
      "NotFoundError",
      "ConflictError",
      "UnprocessableEntityError",
      "RateLimitError",
      "InternalServerError",
      "InternalServerError",
      "InternalServerError",
      "APIError",
      "APIError",
    ]);
  });

  it("ValidationError accepts (message, errors) and (errors[, message]), and formats issues by path", () => {
    const withMessage = new ValidationError("Order: lines[2].quantity must be integer", issues);
    expect(withMessage.message).toBe("Order: lines[2].quantity must be integer");
    expect(withMessage.errors).toBe(issues);
    const fromIssues = new ValidationError(issues);
    expect(fromIssues.message).toBe('lines[2].quantity must be integer, found string "2"; must have property currency');
    expect(new ValidationError(issues, "custom").message).toBe("custom");
    expect(fromIssues).toBeInstanceOf(PayspecError);
    expect(fromIssues.name).toBe("ValidationError");
  });

  it("keeps the hierarchy callers test with instanceof", () => {
    const headers = new Headers();
    const notFound = new NotFoundError("m", { status: 404, body: undefined, headers, operationId: "op" });
    expect(notFound).toBeInstanceOf(APIError);
    expect(notFound).toBeInstanceOf(PayspecError);
    expect(notFound).toBeInstanceOf(Error);
    expect(new APIConnectionTimeoutError("t", { operationId: "op" })).toBeInstanceOf(APIConnectionError);
    expect(new APIUserAbortError("a", { operationId: "op" })).not.toBeInstanceOf(APIConnectionError);
    const request = new RequestValidationError("r", { operationId: "op", errors: issues });
    expect(request).toBeInstanceOf(ValidationError);
    const response = new ResponseValidationError("r", { operationId: "op", status: 200, body: { a: 1 }, errors: issues });
    expect(response).toBeInstanceOf(ValidationError);
    expect(response).not.toBeInstanceOf(APIError);
  });

  it("serialises to JSON with name, message and the typed fields", () => {
    const error = new InternalServerError("503 Service Unavailable: op (GET /x)", {
      status: 503,
      body: { message: "busy" },
      headers: new Headers({ "x-request-id": "r1" }),
      operationId: "op",
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "InternalServerError",
      message: "503 Service Unavailable: op (GET /x)",
      status: 503,
      operationId: "op",
      headers: { "x-request-id": "r1" },
      body: { message: "busy" },
    });
    expect(JSON.parse(JSON.stringify(new PayspecError("plain")))).toEqual({ name: "PayspecError", message: "plain" });
    expect(Object.keys(error)).not.toContain("name");
  });
});

describe("error names in a minified bundle", () => {
  it("are the literal class names, though the minifier renames the classes", async () => {
    const { build } = await import("esbuild");
    const entry = fileURLToPath(new URL("../../templates/runtime/errors.ts", import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", write: false });
    const code = result.outputFiles[0]!.text;
    const minified = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as Record<string, unknown>;
    const classes = Object.entries(minified).filter(
      (entry): entry is [string, new (...args: never[]) => Error] => typeof entry[1] === "function" && (entry[1] as { prototype?: unknown }).prototype instanceof Error,
    );
    expect(classes.map(([name]) => name).sort()).toEqual([
      "APIConnectionError", "APIConnectionTimeoutError", "APIError", "APIUserAbortError", "AuthenticationError", "BadRequestError",
      "ConflictError", "InternalServerError", "NotFoundError", "PayspecError", "PermissionDeniedError", "RateLimitError",
      "RedirectError", "RequestValidationError", "ResponseTooLargeError", "ResponseValidationError", "UnprocessableEntityError", "ValidationError",
    ]);
    expect(classes.filter(([name, value]) => value.name === name)).toEqual([]);
    for (const [name, value] of classes) expect((value.prototype as Error).name).toBe(name);
    const notFound = minified["NotFoundError"] as typeof NotFoundError;
    expect(String(new notFound("m", { status: 404, body: undefined, headers: new Headers(), operationId: "op" }))).toBe("NotFoundError: m");
  });
});
