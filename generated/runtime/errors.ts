/**
 * Typed errors, one class per HTTP status family as in the Stainless SDKs (openai-node), so callers can write
 * `if (err instanceof NotFoundError)`. Every field an error carries has already been redacted (redact.ts).
 */
import type { HttpMethod, ValidationIssue } from "./operation.js";

export class PayspecError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    // Non-enumerable like Error's own `name`, so it does not clutter util.inspect or JSON output.
    Object.defineProperty(this, "name", { value: new.target.name, writable: true, configurable: true });
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/** Names an operation the way every message does: `getRefund (GET /orders/payment_actions/refunds/{refund_id})`. */
export function describeOperation(operationId: string, method: HttpMethod, path: string): string {
  return `${operationId} (${method.toUpperCase()} ${path})`;
}

/** Any non-2xx answer. */
export class APIError extends PayspecError {
  readonly status: number;
  /** The response body: parsed JSON if it parses, else the text; `undefined` when empty. */
  readonly body: unknown;
  /** Response headers, credentials redacted. */
  readonly headers: Headers;
  readonly operationId: string;

  constructor(message: string, details: { status: number; body: unknown; headers: Headers; operationId: string }) {
    super(message);
    this.status = details.status;
    this.body = details.body;
    this.headers = details.headers;
    this.operationId = details.operationId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      operationId: this.operationId,
      headers: Object.fromEntries(this.headers),
      body: this.body,
    };
  }
}

export class BadRequestError extends APIError {} // 400
export class AuthenticationError extends APIError {} // 401
export class PermissionDeniedError extends APIError {} // 403
export class NotFoundError extends APIError {} // 404
export class ConflictError extends APIError {} // 409
export class UnprocessableEntityError extends APIError {} // 422
export class RateLimitError extends APIError {} // 429
export class InternalServerError extends APIError {} // >= 500

/** The APIError subclass for a status: 400, 401, 403, 404, 409, 422, 429, >= 500, else APIError itself. */
export function apiErrorClassFor(status: number): typeof APIError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

/** No answer: refused, reset, DNS failure... `cause` is a sanitised copy of what fetch threw. */
export class APIConnectionError extends PayspecError {
  readonly operationId: string;
  constructor(message: string, details: { operationId: string; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.operationId = details.operationId;
  }
  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operationId: this.operationId };
  }
}

/** An attempt took longer than `timeoutMs`. */
export class APIConnectionTimeoutError extends APIConnectionError {}

/** The caller's AbortSignal fired. Never retried. */
export class APIUserAbortError extends PayspecError {
  readonly operationId: string;
  constructor(message: string, details: { operationId: string }) {
    super(message);
    this.operationId = details.operationId;
  }
  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operationId: this.operationId };
  }
}

/** `body.lines[2].quantity must be integer, found "2"; path.id is required`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return "no details";
  return issues.map((issue) => (issue.path === "" ? issue.message : `${issue.path} ${issue.message}`)).join("; ");
}

/** A value does not match its schema (thrown by the validators' `assertX`, and the base of the two below). */
export class ValidationError extends PayspecError {
  readonly errors: readonly ValidationIssue[];
  constructor(errors: readonly ValidationIssue[], message?: string);
  constructor(message: string, errors: readonly ValidationIssue[]);
  constructor(first: string | readonly ValidationIssue[], second?: string | readonly ValidationIssue[]) {
    const errors = typeof first === "string" ? (second as readonly ValidationIssue[]) : first;
    const message = typeof first === "string" ? first : typeof second === "string" ? second : formatIssues(first);
    super(message);
    this.errors = errors;
  }
  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, errors: this.errors };
  }
}

/** The request did not match the operation's schema; nothing was sent. */
export class RequestValidationError extends ValidationError {
  readonly operationId: string;
  constructor(message: string, details: { operationId: string; errors: readonly ValidationIssue[] }) {
    super(message, details.errors);
    this.operationId = details.operationId;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operationId: this.operationId };
  }
}

/** The server answered, but its body does not match the spec for that status. */
export class ResponseValidationError extends ValidationError {
  readonly operationId: string;
  readonly status: number;
  readonly body: unknown;
  constructor(
    message: string,
    details: { operationId: string; status: number; body: unknown; errors: readonly ValidationIssue[] },
  ) {
    super(message, details.errors);
    this.operationId = details.operationId;
    this.status = details.status;
    this.body = details.body;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operationId: this.operationId, status: this.status, body: this.body };
  }
}
