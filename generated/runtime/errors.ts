/**
 * Typed errors, one class per HTTP status family as in the Stainless SDKs (openai-node), so callers can write
 * `if (err instanceof NotFoundError)`. Every field an error carries has already been redacted (redact.ts).
 *
 * Each class states its `name` as a literal (a getter on its prototype, so not an own property): a minifier renames
 * classes, and a name taken from the constructor would come out as `"K"`. Fields are `declare`d and set by the
 * constructor, in the order they are declared: a class field would also be emitted as a definition, for nothing.
 */
import type { HttpMethod, ValidationIssue } from "./operation.js";

export class PayspecError extends Error {
  override get name(): string {
    return "PayspecError";
  }

  /** `name`, `message` and the error's own fields (a Headers object as a plain one); never the cause. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [field, value] of Object.entries(this)) json[field] = value instanceof Headers ? Object.fromEntries(value) : value;
    return json;
  }
}

/** Names an operation the way every message does: `getRefund (GET /orders/payment_actions/refunds/{refund_id})`. */
export function describeOperation(operationId: string, method: HttpMethod, path: string): string {
  return `${operationId} (${method.toUpperCase()} ${path})`;
}

/** Any non-2xx answer. */
export class APIError extends PayspecError {
  override get name(): string {
    return "APIError";
  }
  declare readonly status: number;
  /** The response body: parsed JSON if it parses, else the text; `undefined` when empty. */
  declare readonly body: unknown;
  /** Response headers, credentials redacted. */
  declare readonly headers: Headers;
  declare readonly operationId: string;

  constructor(message: string, details: { status: number; body: unknown; headers: Headers; operationId: string }) {
    super(message);
    this.status = details.status;
    this.body = details.body;
    this.headers = details.headers;
    this.operationId = details.operationId;
  }
}

/** 400 */
export class BadRequestError extends APIError {
  override get name(): string {
    return "BadRequestError";
  }
}
/** 401 */
export class AuthenticationError extends APIError {
  override get name(): string {
    return "AuthenticationError";
  }
}
/** 403 */
export class PermissionDeniedError extends APIError {
  override get name(): string {
    return "PermissionDeniedError";
  }
}
/** 404 */
export class NotFoundError extends APIError {
  override get name(): string {
    return "NotFoundError";
  }
}
/** 409 */
export class ConflictError extends APIError {
  override get name(): string {
    return "ConflictError";
  }
}
/** 422 */
export class UnprocessableEntityError extends APIError {
  override get name(): string {
    return "UnprocessableEntityError";
  }
}
/** 429 */
export class RateLimitError extends APIError {
  override get name(): string {
    return "RateLimitError";
  }
}
/** >= 500 */
export class InternalServerError extends APIError {
  override get name(): string {
    return "InternalServerError";
  }
}

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
  override get name(): string {
    return "APIConnectionError";
  }
  declare readonly operationId: string;
  constructor(message: string, details: { operationId: string; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.operationId = details.operationId;
  }
}

/** An attempt took longer than `timeoutMs`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override get name(): string {
    return "APIConnectionTimeoutError";
  }
}

/** The caller's AbortSignal fired. Never retried. */
export class APIUserAbortError extends PayspecError {
  override get name(): string {
    return "APIUserAbortError";
  }
  declare readonly operationId: string;
  constructor(message: string, details: { operationId: string }) {
    super(message);
    this.operationId = details.operationId;
  }
}

/**
 * The server answered with a redirect the client does not follow: any redirect of a request other than GET or HEAD
 * (following it would send the request again, or turn it into a GET), too many redirects, or one a browser hides
 * (`opaqueredirect`). The server may or may not have acted on the request. Never retried.
 */
export class RedirectError extends PayspecError {
  override get name(): string {
    return "RedirectError";
  }
  declare readonly operationId: string;
  /** The redirect's status; 0 when a browser hides it. */
  declare readonly status: number;
  /** Where it pointed, without query or fragment (they may carry credentials); undefined when not known. */
  declare readonly location: string | undefined;
  constructor(message: string, details: { operationId: string; status: number; location: string | undefined }) {
    super(message);
    this.operationId = details.operationId;
    this.status = details.status;
    this.location = details.location;
  }
}

/** The response body grew past `maxResponseBytes` (counted after decompression); reading it stopped there. */
export class ResponseTooLargeError extends PayspecError {
  override get name(): string {
    return "ResponseTooLargeError";
  }
  declare readonly operationId: string;
  declare readonly status: number;
  declare readonly maxResponseBytes: number;
  constructor(message: string, details: { operationId: string; status: number; maxResponseBytes: number }) {
    super(message);
    this.operationId = details.operationId;
    this.status = details.status;
    this.maxResponseBytes = details.maxResponseBytes;
  }
}

/** `body.lines[2].quantity must be integer, found "2"; path.id is required`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return "no details";
  return issues.map((issue) => (issue.path === "" ? issue.message : `${issue.path} ${issue.message}`)).join("; ");
}

/** A value does not match its schema (thrown by the validators' `assertX`, and the base of the two below). */
export class ValidationError extends PayspecError {
  override get name(): string {
    return "ValidationError";
  }
  declare readonly errors: readonly ValidationIssue[];
  constructor(errors: readonly ValidationIssue[], message?: string);
  constructor(message: string, errors: readonly ValidationIssue[]);
  constructor(first: string | readonly ValidationIssue[], second?: string | readonly ValidationIssue[]) {
    const errors = typeof first === "string" ? (second as readonly ValidationIssue[]) : first;
    const message = typeof first === "string" ? first : typeof second === "string" ? second : formatIssues(first);
    super(message);
    this.errors = errors;
  }
}

/** The request did not match the operation's schema; nothing was sent. */
export class RequestValidationError extends ValidationError {
  override get name(): string {
    return "RequestValidationError";
  }
  declare readonly operationId: string;
  constructor(message: string, details: { operationId: string; errors: readonly ValidationIssue[] }) {
    super(message, details.errors);
    this.operationId = details.operationId;
  }
}

/**
 * The server answered 2xx, but not as the spec declares for the operation: a status it does not declare, no body or
 * another content type where it declares one, a body that is not JSON or not of the declared JSON type, or (with
 * `validate.response`) a body that does not match its schema.
 */
export class ResponseValidationError extends ValidationError {
  override get name(): string {
    return "ResponseValidationError";
  }
  declare readonly operationId: string;
  declare readonly status: number;
  declare readonly body: unknown;
  constructor(
    message: string,
    details: { operationId: string; status: number; body: unknown; errors: readonly ValidationIssue[] },
  ) {
    super(message, details.errors);
    this.operationId = details.operationId;
    this.status = details.status;
    this.body = details.body;
  }
}
