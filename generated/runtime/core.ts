/**
 * `ClientCore`: the transport every generated client delegates to. One call = validate the request, pick the
 * credentials, send through openapi-fetch (which owns URL and parameter serialisation) with a per-attempt timeout
 * tied to the caller's signal, retry what is safe to retry, then parse and type the answer.
 *
 * Behaviour worth knowing (each is tested in test/templates/):
 * - Constant header parameters are always sent; a caller value that differs is a RequestValidationError.
 * - Request validation (default on) runs before anything is sent. Response validation (default off) checks 2xx
 *   bodies only: an error answer always surfaces as its typed APIError, whatever its body looks like.
 * - Retried: connection failures, timeouts, 408, 429, 502, 503, 504, for GET/HEAD/OPTIONS/PUT/DELETE/TRACE only;
 *   a POST or PATCH is sent at most once. Waits honour `retry-after-ms` / `Retry-After` up to 60 s; a server that
 *   asks for longer gets its error back at once rather than an early retry.
 * - Failures before the request reaches fetch (an unencodable header, a throwing middleware) are a PayspecError,
 *   never retried. Caller aborts are APIUserAbortError, never retried, also during a backoff wait.
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import { createOperationQuerySerializer } from "./query.js";
import { applyAuthPlan, checkCredentials, EMPTY_AUTH_PLAN, planFor, secretsOf, selectRequirement, type AuthPlan } from "./auth.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  apiErrorClassFor,
  APIUserAbortError,
  describeOperation,
  formatIssues,
  PayspecError,
  RequestValidationError,
  ResponseValidationError,
  type APIError,
} from "./errors.js";
import type {
  CallInput,
  Credential,
  CoreOptions,
  OperationInfo,
  RequestOptions,
  RetryEvent,
  SecuritySchemeInfo,
  ValidationIssue,
} from "./operation.js";
import { bodyEncoding, type BodyEncoding } from "./body.js";
import { headerParams, withConstantHeaders } from "./params.js";
import { redactHeaders, sanitizeCause, SecretScrubber } from "./redact.js";
import { errorDetail, normaliseErrorBody, parseSuccessBody, statusLine, validatorForStatus } from "./response.js";
import { isRepeatableMethod, isRetryableStatus, retryDelayMs } from "./retry.js";
import { attemptSignal, sleep } from "./signals.js";

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/** One attempt's outcome, before we decide whether to retry it. */
type Attempt =
  | { readonly kind: "response"; readonly response: Response; readonly data: unknown; readonly error: unknown }
  | { readonly kind: "timeout" }
  | { readonly kind: "connection"; readonly cause: unknown }
  /** Failed before reaching fetch (an unencodable header, a throwing middleware): not a network problem. */
  | { readonly kind: "unsent"; readonly cause: unknown };

function checkTimeout(value: number, where: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new PayspecError(`${where} must be a positive number of milliseconds, got ${String(value)}.`);
  }
  return value;
}

function checkRetries(value: number, where: string): number {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new PayspecError(`${where} must be a whole number >= 0, got ${String(value)}.`);
  }
  return value;
}

/** What `call()` works out once per operation (the generated constants), not per call. */
interface Prepared {
  readonly described: string;
  /**
   * Per-call headers that turn the credential headers every request gets (the client's default headers) into
   * this operation's: `null` removes one it must not send, a value replaces one of the same name. Usually empty.
   */
  readonly credentialHeaders: Readonly<Record<string, string | null>> | undefined;
  /** The query and cookie credentials, for the middleware. */
  readonly plan: AuthPlan;
  /** The header parameters of a call that passes none (the constant headers), as validated and as sent. */
  readonly constantHeaders: Readonly<Record<string, unknown>>;
  readonly constantHeaderParams: Readonly<Record<string, string>>;
  /** How the body is sent when it is not plain JSON. */
  readonly body: BodyEncoding | undefined;
}

/** One attempt's `fetch` for openapi-fetch (bound per attempt): notes that the request got as far as fetch. */
interface SendState {
  readonly signal: AbortSignal;
  readonly customFetch: typeof globalThis.fetch | undefined;
  reachedFetch: boolean;
}

// The global fetch gets the signal itself: given to openapi-fetch, it would be followed by the Request that
// openapi-fetch builds and again by the one fetch copies from it. A custom fetch gets it on the Request.
function send(this: SendState, request: Request): Promise<Response> {
  this.reachedFetch = true;
  return this.customFetch === undefined ? globalThis.fetch(request, { signal: this.signal }) : this.customFetch(request);
}

type HeaderPairs = readonly (readonly [string, string])[];

/** Lower-cased names of the headers given a value (openapi-fetch skips `undefined` and deletes on `null`). */
function setHeaderNames(headers: Readonly<Record<string, string | null | undefined>> | undefined): Set<string> {
  const names = new Set<string>();
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined && value !== null) names.add(name.toLowerCase());
  return names;
}

/** Credential headers by lower-cased name, the first of a name winning, without those the caller's defaults set. */
function credentialHeaderMap(headers: HeaderPairs, defaults: ReadonlySet<string>): Map<string, readonly [string, string]> {
  const byName = new Map<string, readonly [string, string]>();
  for (const pair of headers) {
    const key = pair[0].toLowerCase();
    if (!defaults.has(key) && !byName.has(key)) byName.set(key, pair);
  }
  return byName;
}

export class ClientCore {
  /**
   * openapi-fetch client on the same base URL, fetch and default headers, for `{ data, error, response }` users.
   * It sends every supplied credential (it cannot know an operation's security requirements): header credentials
   * as default headers (a header the caller sets wins), query and cookie ones through a middleware.
   */
  readonly raw: Client<any>; // the one `any` of the public API, by contract: generated clients narrow it to Client<paths>

  // Private fields: `util.inspect(client)` and `JSON.stringify(client)` show none of them.
  readonly #schemes: Readonly<Record<string, SecuritySchemeInfo>>;
  readonly #credentials: ReadonlyMap<string, Credential>;
  readonly #scrubber: SecretScrubber;
  readonly #sensitiveHeaders: ReadonlySet<string>;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  readonly #validateRequest: boolean;
  readonly #validateResponse: boolean;
  readonly #fetch: typeof globalThis.fetch | undefined;
  /** Lower-cased names of the default headers the caller set: a credential header never replaces one. */
  readonly #defaultHeaderNames: ReadonlySet<string>;
  /** The header credentials every request gets, by lower-cased name. */
  readonly #everyCredentialHeader: ReadonlyMap<string, readonly [string, string]>;
  /**
   * The query and cookie credentials the middleware applies for a `call()`, keyed by the `params` object it hands
   * to openapi-fetch, which passes that same object to middleware. Requests without an entry (made through `raw`)
   * get every one. Undefined when no query or cookie credential was supplied: then there is no middleware.
   */
  readonly #plans: WeakMap<object, AuthPlan> | undefined;
  readonly #prepared = new WeakMap<OperationInfo, Prepared>();

  constructor(securitySchemes: Readonly<Record<string, SecuritySchemeInfo>>, options: CoreOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch {
      throw new PayspecError(
        `baseUrl must be an absolute http(s) URL such as "https://api.example.com/v1"; got a value that does not parse.`,
      );
    }
    if (base.username !== "" || base.password !== "") {
      throw new PayspecError("baseUrl must not contain a user name or password: pass them in `credentials`.");
    }
    this.#schemes = securitySchemes;
    this.#credentials = checkCredentials(securitySchemes, options.credentials);
    this.#scrubber = new SecretScrubber(secretsOf(this.#credentials));
    this.#sensitiveHeaders = new Set(
      Object.values(securitySchemes).flatMap((s) => (s.type === "apiKey" ? [s.name.toLowerCase()] : [])),
    );
    this.#timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "timeoutMs");
    this.#maxRetries = checkRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES, "maxRetries");
    this.#onRetry = options.onRetry;
    this.#validateRequest = options.validate?.request ?? true;
    this.#validateResponse = options.validate?.response ?? false;

    const clientOptions: ClientOptions = { baseUrl: options.baseUrl };
    const customFetch = options.fetch;
    this.#fetch = customFetch;
    if (customFetch !== undefined) clientOptions.fetch = (request: Request) => customFetch(request);
    const every = planFor(Object.keys(securitySchemes), securitySchemes, this.#credentials);
    this.#defaultHeaderNames = setHeaderNames(options.headers);
    this.#everyCredentialHeader = credentialHeaderMap(every.headers, this.#defaultHeaderNames);
    if (options.headers !== undefined || this.#everyCredentialHeader.size > 0) {
      clientOptions.headers = { ...options.headers, ...Object.fromEntries(this.#everyCredentialHeader.values()) };
    }
    this.raw = createClient(clientOptions);
    if (every.query.length > 0 || every.cookies.length > 0) {
      const plans = new WeakMap<object, AuthPlan>();
      const everyOther: AuthPlan = { headers: [], query: every.query, cookies: every.cookies };
      this.#plans = plans;
      this.raw.use({
        onRequest: ({ request, params }) => {
          const plan = plans.get(params) ?? everyOther;
          return plan === EMPTY_AUTH_PLAN ? undefined : applyAuthPlan(request, plan);
        },
      });
    }
  }

  /**
   * Validate, authenticate, send with timeout/abort/retries, parse; resolve with the success body or reject with a
   * typed error (errors.ts). Retries only methods safe to repeat (GET, HEAD, OPTIONS, PUT, DELETE, TRACE).
   */
  async call<T>(operation: OperationInfo, input: CallInput = {}, options: RequestOptions = {}): Promise<T> {
    const { operationId, method } = operation;
    const prepared = this.#prepare(operation);
    const { described } = prepared;

    let headers = prepared.constantHeaders;
    if (input.header !== undefined) {
      const merged = withConstantHeaders(input.header, operation.constantHeaders);
      if (merged.conflicts.length > 0) throw this.#requestInvalid(operation, described, merged.conflicts);
      headers = merged.header;
    }
    if (this.#validateRequest && operation.requestValidator !== undefined) {
      const result = operation.requestValidator({ ...input, header: headers });
      if (!result.ok) throw this.#requestInvalid(operation, described, result.errors);
    }

    const timeoutMs = checkTimeout(options.timeoutMs ?? this.#timeoutMs, "timeoutMs");
    const maxRetries = isRepeatableMethod(method)
      ? checkRetries(options.maxRetries ?? this.#maxRetries, "maxRetries")
      : 0;
    const header =
      headers === prepared.constantHeaders && input.cookie === undefined ? prepared.constantHeaderParams : headerParams(headers, input.cookie);

    for (let retry = 0; ; retry++) {
      if (options.signal?.aborted) throw this.#userAbort(operationId, described);
      // The attempt is awaited here rather than in a helper: one async layer less per call.
      const signal = attemptSignal(options.signal, timeoutMs);
      const sent: SendState = { signal: signal.signal, customFetch: this.#fetch, reachedFetch: false };
      let attempt: Attempt;
      try {
        const { data, error, response } = (await this.raw.request(
          method,
          operation.path,
          this.#requestInit(operation, prepared, input, header, options, sent),
        )) as { data?: unknown; error?: unknown; response: Response };
        attempt = { kind: "response", response, data, error };
      } catch (error) {
        if (options.signal?.aborted) throw this.#userAbort(operationId, described);
        if (signal.timedOut()) attempt = { kind: "timeout" };
        else attempt = sent.reachedFetch ? { kind: "connection", cause: error } : { kind: "unsent", cause: error };
      } finally {
        signal.dispose();
      }
      const attempts = retry + 1;

      if (attempt.kind === "response" && attempt.response.ok) {
        return this.#success<T>(operation, described, attempt.response, attempt.data);
      }
      const retryable =
        attempt.kind === "timeout" || attempt.kind === "connection" || (attempt.kind === "response" && isRetryableStatus(attempt.response.status));
      const delay =
        retryable && retry < maxRetries
          ? retryDelayMs(retry, attempt.kind === "response" ? attempt.response.headers : undefined)
          : undefined;
      if (delay === undefined) throw this.#failure(operationId, described, attempt, attempts, timeoutMs);
      if (this.#onRetry) {
        const reason = attempt.kind === "response" ? attempt.response.status : attempt.kind === "timeout" ? "timeout" : "connection";
        this.#onRetry({ operationId, attempt: attempts, reason, delayMs: delay });
      }
      try {
        await sleep(delay, options.signal);
      } catch {
        throw this.#userAbort(operationId, described);
      }
    }
  }

  #prepare(operation: OperationInfo): Prepared {
    let prepared = this.#prepared.get(operation);
    if (prepared !== undefined) return prepared;
    const requirement = selectRequirement(operation.security, this.#schemes, this.#credentials);
    const plan =
      requirement === undefined ? EMPTY_AUTH_PLAN : planFor(Object.keys(requirement), this.#schemes, this.#credentials);
    const wanted = credentialHeaderMap(plan.headers, this.#defaultHeaderNames);
    const overrides: Record<string, string | null> = {};
    for (const [key, [name, value]] of this.#everyCredentialHeader) {
      const own = wanted.get(key);
      if (own === undefined) overrides[name] = null;
      else if (own[1] !== value) overrides[own[0]] = own[1];
    }
    const constantHeaders = Object.freeze(withConstantHeaders(undefined, operation.constantHeaders).header);
    prepared = {
      described: describeOperation(operation.operationId, operation.method, operation.path),
      constantHeaders,
      constantHeaderParams: Object.freeze(headerParams(constantHeaders, undefined)),
      body: bodyEncoding(operation.requestBodyType),
      credentialHeaders: Object.keys(overrides).length > 0 ? Object.freeze(overrides) : undefined,
      plan: plan.query.length > 0 || plan.cookies.length > 0 ? { headers: [], query: plan.query, cookies: plan.cookies } : EMPTY_AUTH_PLAN,
    };
    this.#prepared.set(operation, prepared);
    return prepared;
  }

  /** openapi-fetch's options for one attempt; `sent.reachedFetch` tells a network failure from an unbuildable request. */
  #requestInit(
    operation: OperationInfo,
    prepared: Prepared,
    input: CallInput,
    header: Readonly<Record<string, string>>,
    options: RequestOptions,
    sent: SendState,
  ): Record<string, unknown> {
    // A fresh params object per attempt: it is the key under which the middleware finds this call's credentials.
    const params: { path?: Record<string, unknown>; query?: Record<string, unknown>; header: Record<string, string | null> } = {
      header: { ...header },
    };
    if (input.path !== undefined) params.path = { ...input.path };
    if (input.query !== undefined) params.query = { ...input.query };
    this.#plans?.set(params, prepared.plan);
    const init: Record<string, unknown> = { params, parseAs: "text", fetch: send.bind(sent) };
    if (sent.customFetch !== undefined) init["signal"] = sent.signal;
    if (params.query !== undefined) init["querySerializer"] = createOperationQuerySerializer(operation.queryStyles);
    if (input.body !== undefined) {
      init["body"] = input.body;
      if (prepared.body?.serialize !== undefined) init["bodySerializer"] = prepared.body.serialize;
      if (prepared.body?.contentType !== undefined) params.header["Content-Type"] = prepared.body.contentType;
    }
    // openapi-fetch merges these after the default headers (credentials included) and before header parameters.
    if (options.headers !== undefined) init["headers"] = { ...prepared.credentialHeaders, ...options.headers };
    else if (prepared.credentialHeaders !== undefined) init["headers"] = prepared.credentialHeaders;
    return init;
  }

  #success<T>(operation: OperationInfo, described: string, response: Response, data: unknown): T {
    const parsed = parseSuccessBody(typeof data === "string" ? data : undefined, response.headers.get("content-type"));
    if (!parsed.ok) {
      const issue: ValidationIssue = {
        path: "",
        keyword: "json",
        message: `must be valid JSON as its content-type ${JSON.stringify(response.headers.get("content-type"))} says, found ${JSON.stringify(parsed.text.slice(0, 60))}`,
        expected: "JSON",
        found: JSON.stringify(parsed.text.slice(0, 60)),
      };
      throw this.#responseInvalid(operation, described, response.status, parsed.text, [issue]);
    }
    if (this.#validateResponse) {
      const validator = validatorForStatus(operation.responseValidators, response.status);
      if (validator !== undefined) {
        const result = validator(parsed.body);
        if (!result.ok) throw this.#responseInvalid(operation, described, response.status, parsed.body, result.errors);
        return result.value as T;
      }
    }
    return parsed.body as T;
  }

  #failure(operationId: string, described: string, attempt: Attempt, attempts: number, timeoutMs: number): Error {
    const tries = attempts === 1 ? "" : ` (${attempts} attempts)`;
    switch (attempt.kind) {
      case "timeout":
        return new APIConnectionTimeoutError(
          `Request timed out after ${timeoutMs} ms${tries}: ${described}. Raise timeoutMs if the server is slow.`,
          { operationId },
        );
      case "connection": {
        const cause = sanitizeCause(attempt.cause, this.#scrubber);
        const reason = [cause, cause.cause]
          .map((part) => (part instanceof Error ? part.message || String((part as { code?: unknown }).code ?? "") : ""))
          .filter((part) => part !== "")
          .join(": ");
        return new APIConnectionError(`Connection error${tries}: ${described}: ${reason}`, { operationId, cause });
      }
      case "unsent": {
        const cause = sanitizeCause(attempt.cause, this.#scrubber);
        return new PayspecError(`Could not build the request for ${described}, nothing was sent: ${cause.message}`, { cause });
      }
      case "response":
        return this.#apiError(operationId, described, attempt.response, attempt.error, tries);
    }
  }

  #apiError(operationId: string, described: string, response: Response, rawBody: unknown, tries: string): APIError {
    const body = this.#scrubber.value(normaliseErrorBody(rawBody));
    const detail = errorDetail(body);
    const message = `${statusLine(response.status, response.statusText)}: ${described}${tries}${detail === undefined ? "" : `: ${detail}`}`;
    const ErrorClass = apiErrorClassFor(response.status);
    return new ErrorClass(this.#scrubber.text(message), {
      status: response.status,
      body,
      headers: redactHeaders(response.headers, this.#sensitiveHeaders, this.#scrubber),
      operationId,
    });
  }

  #requestInvalid(operation: OperationInfo, described: string, issues: readonly ValidationIssue[]): RequestValidationError {
    const errors = this.#scrubIssues(issues);
    return new RequestValidationError(`${described}: invalid request, nothing was sent: ${formatIssues(errors)}`, {
      operationId: operation.operationId,
      errors,
    });
  }

  #responseInvalid(
    operation: OperationInfo,
    described: string,
    status: number,
    body: unknown,
    issues: readonly ValidationIssue[],
  ): ResponseValidationError {
    const errors = this.#scrubIssues(issues);
    return new ResponseValidationError(
      `${described}: the ${status} response does not match the spec: ${formatIssues(errors)}`,
      { operationId: operation.operationId, status, body: this.#scrubber.value(body), errors },
    );
  }

  #scrubIssues(issues: readonly ValidationIssue[]): readonly ValidationIssue[] {
    if (this.#scrubber.isEmpty) return issues;
    return issues.map((issue) => this.#scrubber.value(issue) as ValidationIssue);
  }

  #userAbort(operationId: string, described: string): APIUserAbortError {
    return new APIUserAbortError(`Request aborted by the caller: ${described}`, { operationId });
  }
}
