/**
 * `ClientCore`: the transport every generated client delegates to. One call = validate the request, pick the
 * credentials, send through openapi-fetch (which builds the URL and the request) with a per-attempt timeout tied to
 * the caller's signal, retry what is safe to retry, then read the answer as the operation declares it.
 *
 * Everything a call needs reaches openapi-fetch as that request's own options (`headers`, `querySerializer`,
 * `fetch`, `redirect`), never looked up by object identity.
 *
 * Behaviour worth knowing (each is tested in test/templates/):
 * - Constant header parameters are always sent; a caller value that differs is a RequestValidationError.
 * - Request validation (default on) runs before anything is sent. A 2xx answer must be what the spec declares for
 *   its status (declared status, media type, a body where one is declared, its top-level JSON type), else it is a
 *   ResponseValidationError; a status declared without a body resolves `undefined`. Response validation against the
 *   schema (default off) loads the response validators on first use.
 * - Retried: connection failures, timeouts, 408, 429, 502, 503, 504, for GET/HEAD/OPTIONS/PUT/DELETE/TRACE only;
 *   a POST or PATCH is sent at most once. Waits honour `retry-after-ms` / `Retry-After` up to 60 s; a server that
 *   asks for longer gets its error back at once rather than an early retry.
 * - Redirects: see transport.ts. A redirect of any other method than GET or HEAD is a RedirectError.
 * - What only some specs need comes as ClientParts (operation.ts), passed by the generated client when its spec needs
 *   it: query styles, cookies, retry waits, redirect following. A client of POSTs alone neither retries nor follows.
 * - A body larger than `maxResponseBytes` (after decompression) is a ResponseTooLargeError; reading stops there.
 * - Failures before the request reaches fetch (an unencodable header, a throwing middleware) are a PayspecError,
 *   never retried. Caller aborts are APIUserAbortError, never retried, also during a backoff wait.
 */
import createClient, { createQuerySerializer as openapiFetchQuerySerializer, type Client, type ClientOptions } from "openapi-fetch";
import { checkCredentials, credentialNames, planFor, secretsOf, selectRequirement, type AuthPlan } from "./auth.js";
import type { BodyEncoding } from "./body.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  apiErrorClassFor,
  APIUserAbortError,
  describeOperation,
  formatIssues,
  PayspecError,
  RedirectError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  type APIError,
} from "./errors.js";
import type {
  CallInput,
  ClientParts,
  Credential,
  CoreOptions,
  OperationInfo,
  QuerySerializer,
  RequestOptions,
  RetryEvent,
  SecuritySchemeInfo,
  ValidationIssue,
  Validator,
} from "./operation.js";
import { headerParams, withConstantHeaders } from "./params.js";
import { isSensitiveHeader, redactHeaders, sanitizeCause, SecretScrubber } from "./redact.js";
import { declaredResponse, errorDetail, mockViolations, normaliseErrorBody, readSuccessBody, statusLine } from "./response.js";
import { isRepeatableMethod } from "./retry.js";
import { attemptSignal } from "./signals.js";
import { isRedirect, MAX_REDIRECTS, readText, redirectTarget, type CredentialPlaces } from "./transport.js";

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** One attempt's outcome, before we decide whether to retry it. */
type Attempt =
  /** `text`: a success's body, read; `error`: an error's body as openapi-fetch parsed it. */
  | { readonly kind: "response"; readonly response: Response; readonly text: string; readonly error: unknown }
  | { readonly kind: "timeout" }
  | { readonly kind: "connection"; readonly cause: unknown }
  /** Failed before reaching fetch (an unencodable header, a throwing middleware): not a network problem. */
  | { readonly kind: "unsent"; readonly cause: unknown };

type Pairs = readonly (readonly [string, string])[];

function checkPositive(value: number, where: string, unit: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new PayspecError(`${where} must be a positive number of ${unit}, got ${String(value)}.`);
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
   * Per-call headers that turn the credential headers every request gets (the raw client's default headers) into
   * this operation's: `null` removes one it must not send, a value replaces one of the same name. Usually empty.
   */
  readonly credentialHeaders: Readonly<Record<string, string | null>> | undefined;
  /**
   * The operation's query style (or the client's serializer), then its query credentials; undefined without the
   * query part (ClientParts.query): openapi-fetch then uses the raw client's.
   */
  readonly querySerializer: QuerySerializer | undefined;
  /** The operation's cookie credentials, not yet encoded. */
  readonly cookies: Pairs;
  /** The header parameters of a call that passes none (the constant headers), as validated and as sent. */
  readonly constantHeaders: Readonly<Record<string, unknown>>;
  readonly constantHeaderParams: Readonly<Record<string, string>>;
  /** How the body is sent when it is not plain JSON. */
  readonly body: BodyEncoding | undefined;
  /** fetch's redirect mode: "manual" when the request carries a credential or is not a GET or HEAD. */
  readonly redirect: "follow" | "manual";
  readonly requestValidator: Validator | undefined;
}

/** One attempt, as the `fetch` openapi-fetch calls (bound per attempt) sees it. */
interface Exchange {
  readonly operationId: string;
  readonly described: string;
  readonly signal: AbortSignal;
  /** One request and its answer, redirects followed as ClientParts.redirects says. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly scrubber: SecretScrubber;
  readonly maxResponseBytes: number;
  /** Set once the request got as far as fetch: a failure after that is a connection problem. */
  reachedFetch: boolean;
  /** Records the status of an answer whose body went past maxResponseBytes, and returns the error that stops the read. */
  readonly tooLarge: (status: number) => Error;
  /** Set by `tooLarge`. */
  tooLargeStatus: number | undefined;
}

/**
 * The `fetch` openapi-fetch calls for one attempt (bound to it): redirects as transport.ts says, and an error's body
 * read here, within maxResponseBytes, before openapi-fetch reads it whole. A success's body is read by `call`.
 */
async function send(this: Exchange, request: Request): Promise<Response> {
  this.reachedFetch = true;
  const response = await this.fetch(request);
  if (response.type === "opaqueredirect" || isRedirect(response)) throw redirectRefused(this, request, response);
  if (response.ok) return response;
  const text = await readText(response, this.maxResponseBytes, () => this.tooLarge(response.status));
  return new Response(text === "" ? null : text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function redirectRefused(exchange: Exchange, request: Request, response: Response): RedirectError {
  const target = response.type === "opaqueredirect" ? undefined : redirectTarget(response, request.url);
  const location = target === undefined ? undefined : exchange.scrubber.text(`${target.origin}${target.pathname}`);
  const answered = response.type === "opaqueredirect" ? "a redirect the browser hides" : `${response.status} with a redirect to ${location ?? "a location that is not an http(s) URL"}`;
  const why =
    request.method !== "GET" && request.method !== "HEAD"
      ? `a ${request.method} is never redirected, since that would send it again or turn it into a GET. The server may or may not have acted on the request: check before sending it again.`
      : response.type === "opaqueredirect"
        ? "it was not followed, so that credentials do not go where it points."
        : target === undefined
          ? "it was not followed."
          : `it was not followed after ${MAX_REDIRECTS} redirects.`;
  return new RedirectError(`${exchange.described} was answered ${answered}: ${why}`, {
    operationId: exchange.operationId,
    status: response.status,
    location,
  });
}

/** Lower-cased names of the headers given a value (openapi-fetch skips `undefined` and deletes on `null`). */
function setHeaderNames(headers: Readonly<Record<string, string | null | undefined>> | undefined): Set<string> {
  const names = new Set<string>();
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined && value !== null) names.add(name.toLowerCase());
  return names;
}

/** Credential headers by lower-cased name, the first of a name winning, without those the caller's defaults set. */
function credentialHeaderMap(headers: Pairs, defaults: ReadonlySet<string>): Map<string, readonly [string, string]> {
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
   * It sends every supplied credential (it cannot know an operation's security requirements): header and cookie
   * credentials as default headers (a header the caller sets wins), query ones through its query serializer; its
   * redirects follow the same rule as call()'s, except that a redirect it does not follow is returned as it came.
   */
  readonly raw: Client<any>; // the one `any` of the public API, by contract: generated clients narrow it to Client<paths>

  // Private fields: `util.inspect(client)` and `JSON.stringify(client)` show none of them.
  readonly #schemes: Readonly<Record<string, SecuritySchemeInfo>>;
  readonly #credentials: ReadonlyMap<string, Credential>;
  readonly #credentialPlaces: CredentialPlaces;
  readonly #scrubber: SecretScrubber;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #maxResponseBytes: number;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  readonly #validateRequest: boolean;
  readonly #validateResponse: boolean;
  readonly #parts: ClientParts;
  #responseValidators: ReturnType<NonNullable<ClientParts["loadResponse"]>> | undefined;
  readonly #querySerializer: QuerySerializer | undefined;
  readonly #fetch: typeof globalThis.fetch | undefined;
  /** Lower-cased names of the default headers the caller set: a credential header never replaces one. */
  readonly #defaultHeaderNames: ReadonlySet<string>;
  /** True when the caller's default headers include one that carries a credential by its name. */
  readonly #defaultsCarryCredentials: boolean;
  /** The caller's default Cookie header, which a call that sends cookies extends. */
  readonly #defaultCookie: string | null;
  /** The header credentials every raw request gets, by lower-cased name. */
  readonly #everyCredentialHeader: ReadonlyMap<string, readonly [string, string]>;
  readonly #everyCookieCount: number;
  readonly #prepared = new WeakMap<OperationInfo, Prepared>();

  /** `parts`: the generated client's validators, and the runtime parts its spec needs (see ClientParts). */
  constructor(securitySchemes: Readonly<Record<string, SecuritySchemeInfo>>, options: CoreOptions, parts: ClientParts = {}) {
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
    const secrets = secretsOf(this.#credentials);
    this.#scrubber = new SecretScrubber(secrets);
    const names = credentialNames(securitySchemes);
    this.#credentialPlaces = { ...names, values: new Set(secrets) };
    this.#timeoutMs = checkPositive(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "timeoutMs", "milliseconds");
    this.#maxRetries = checkRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES, "maxRetries");
    this.#maxResponseBytes = checkPositive(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes", "bytes");
    this.#onRetry = options.onRetry;
    this.#validateRequest = options.validate?.request ?? true;
    this.#validateResponse = options.validate?.response ?? false;
    this.#parts = parts;
    this.#querySerializer = options.querySerializer;
    this.#fetch = options.fetch;

    const every = planFor(Object.keys(securitySchemes), securitySchemes, this.#credentials);
    const defaults: Record<string, string> = { ...options.headers };
    this.#defaultHeaderNames = setHeaderNames(defaults);
    this.#defaultsCarryCredentials = Object.keys(defaults).some((name) => isSensitiveHeader(name, names.headers));
    const cookieKey = Object.keys(defaults).find((name) => name.toLowerCase() === "cookie");
    this.#defaultCookie = cookieKey === undefined ? null : (defaults[cookieKey] ?? null);
    this.#everyCredentialHeader = credentialHeaderMap(every.headers, this.#defaultHeaderNames);
    this.#everyCookieCount = every.cookies.length;
    if ((every.query.length > 0 && parts.query === undefined) || (every.cookies.length > 0 && parts.cookies === undefined)) {
      throw new PayspecError("Credentials in the query or a cookie need ClientParts.query and .cookies, which a generated client passes.");
    }
    if (every.cookies.length > 0) {
      if (cookieKey !== undefined) delete defaults[cookieKey];
      Object.assign(defaults, this.#withCookies({}, undefined, every.cookies));
    }
    const clientOptions: ClientOptions = {
      baseUrl: options.baseUrl,
      redirect: "manual",
      fetch: this.#following(options.fetch ?? ((request: Request) => globalThis.fetch(request))),
      headers: { ...defaults, ...Object.fromEntries(this.#everyCredentialHeader.values()) },
    };
    if (parts.query !== undefined) {
      clientOptions.querySerializer = parts.query(options.querySerializer ?? openapiFetchQuerySerializer(), undefined, every.query);
    } else if (options.querySerializer !== undefined) {
      clientOptions.querySerializer = options.querySerializer;
    }
    this.raw = createClient(clientOptions);
  }

  /**
   * Validate, authenticate, send with timeout/abort/retries, read; resolve with the success body or reject with a
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
    if (this.#validateRequest && prepared.requestValidator !== undefined) {
      const request = { ...input, header: headers };
      const result = prepared.requestValidator(request);
      if (!result.ok) throw this.#requestInvalid(operation, described, this.#issuesOf(prepared.requestValidator, request, result.errors));
    }

    const timeoutMs = checkPositive(options.timeoutMs ?? this.#timeoutMs, "timeoutMs", "milliseconds");
    const retries = this.#parts.retries;
    const maxRetries = retries !== undefined && isRepeatableMethod(method) ? checkRetries(options.maxRetries ?? this.#maxRetries, "maxRetries") : 0;
    const maxResponseBytes = checkPositive(options.maxResponseBytes ?? this.#maxResponseBytes, "maxResponseBytes", "bytes");
    const header =
      headers === prepared.constantHeaders && input.cookie === undefined
        ? prepared.constantHeaderParams
        : this.#withCookies(headerParams(headers), input.cookie, prepared.cookies);

    for (let retry = 0; ; retry++) {
      if (options.signal?.aborted) throw this.#userAbort(operationId, described);
      // The attempt is awaited here rather than in a helper: one async layer less per call.
      const signal = attemptSignal(options.signal, timeoutMs);
      const customFetch = this.#fetch;
      const exchange: Exchange = {
        operationId,
        described,
        signal: signal.signal,
        // The global fetch gets the signal itself: given to openapi-fetch, it would be followed by the Request that
        // openapi-fetch builds and again by the one fetch copies from it. A custom fetch gets it on the Request.
        fetch: this.#following(customFetch ?? ((request) => globalThis.fetch(request, { signal: signal.signal }))),
        scrubber: this.#scrubber,
        maxResponseBytes,
        reachedFetch: false,
        tooLarge: (status) => {
          exchange.tooLargeStatus = status;
          return new Error("maxResponseBytes exceeded");
        },
        tooLargeStatus: undefined,
      };
      let attempt: Attempt;
      try {
        const { error, response } = (await this.raw.request(
          method,
          operation.path,
          this.#requestInit(prepared, input, header, options, exchange),
        )) as { error?: unknown; response: Response };
        // Read here, while the attempt's timeout and the caller's signal still apply.
        const text = response.ok && method !== "head" ? await readText(response, maxResponseBytes, () => exchange.tooLarge(response.status)) : "";
        attempt = { kind: "response", response, text, error };
      } catch (error) {
        if (options.signal?.aborted) throw this.#userAbort(operationId, described);
        if (exchange.tooLargeStatus !== undefined) throw this.#tooLarge(operationId, described, exchange.tooLargeStatus, maxResponseBytes);
        if (error instanceof RedirectError) throw error;
        if (signal.timedOut()) attempt = { kind: "timeout" };
        else attempt = exchange.reachedFetch ? { kind: "connection", cause: error } : { kind: "unsent", cause: error };
      } finally {
        signal.dispose();
      }
      const attempts = retry + 1;

      if (attempt.kind === "response" && attempt.response.ok) {
        return this.#success<T>(operation, described, attempt.response, attempt.text);
      }
      // maxRetries is 0 without ClientParts.retries.
      const delay = retry < maxRetries && attempt.kind !== "unsent" ? retries?.delayMs(retry, attempt.kind === "response" ? attempt.response : undefined) : undefined;
      if (delay === undefined || retries === undefined) throw this.#failure(operationId, described, attempt, attempts, timeoutMs);
      if (this.#onRetry) {
        const reason = attempt.kind === "response" ? attempt.response.status : attempt.kind === "timeout" ? "timeout" : "connection";
        this.#onRetry({ operationId, attempt: attempts, reason, delayMs: delay });
      }
      try {
        await retries.sleep(delay, options.signal);
      } catch {
        throw this.#userAbort(operationId, described);
      }
    }
  }

  #prepare(operation: OperationInfo): Prepared {
    let prepared = this.#prepared.get(operation);
    if (prepared !== undefined) return prepared;
    const requirement = selectRequirement(operation.security, this.#schemes, this.#credentials);
    // No requirement met: nothing to send.
    const plan: AuthPlan = planFor(Object.keys(requirement ?? {}), this.#schemes, this.#credentials);
    const wanted = credentialHeaderMap(plan.headers, this.#defaultHeaderNames);
    const overrides: Record<string, string | null> = {};
    for (const [key, [name, value]] of this.#everyCredentialHeader) {
      const own = wanted.get(key);
      if (own === undefined) overrides[name] = null;
      else if (own[1] !== value) overrides[own[0]] = own[1];
    }
    if (this.#everyCookieCount > 0) overrides["Cookie"] = this.#defaultCookie;
    const constantHeaders = Object.freeze(withConstantHeaders(undefined, operation.constantHeaders).header);
    const credentialed = plan.headers.length + plan.query.length + plan.cookies.length > 0 || this.#defaultsCarryCredentials;
    const safe = operation.method === "get" || operation.method === "head";
    const { request: requestValidators, query } = this.#parts;
    prepared = {
      described: describeOperation(operation.operationId, operation.method, operation.path),
      constantHeaders,
      constantHeaderParams: Object.freeze(this.#withCookies(headerParams(constantHeaders), undefined, plan.cookies)),
      body: operation.requestBody,
      credentialHeaders: Object.keys(overrides).length > 0 ? Object.freeze(overrides) : undefined,
      querySerializer: query === undefined ? this.#querySerializer : query(this.#querySerializer, operation.queryStyles, plan.query),
      cookies: plan.cookies,
      redirect: safe && !credentialed ? "follow" : "manual",
      requestValidator:
        requestValidators !== undefined && Object.hasOwn(requestValidators, operation.operationId) ? requestValidators[operation.operationId] : undefined,
    };
    this.#prepared.set(operation, prepared);
    return prepared;
  }

  /** `fetchOnce` with redirects followed when the client follows them (ClientParts.redirects). */
  #following(fetchOnce: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
    const follow = this.#parts.redirects;
    return follow === undefined ? fetchOnce : (request) => follow(request, fetchOnce, this.#credentialPlaces);
  }

  /** Header parameters as sent, with the call's cookies when the client sends cookies (ClientParts.cookies). */
  #withCookies(
    header: Readonly<Record<string, string>>,
    cookie: Readonly<Record<string, unknown>> | undefined,
    credentials: Pairs,
  ): Readonly<Record<string, string>> {
    return this.#parts.cookies === undefined ? header : this.#parts.cookies(header, cookie, credentials, this.#defaultCookie);
  }

  /** openapi-fetch's options for one attempt: everything call-specific travels here, as that request's options. */
  #requestInit(
    prepared: Prepared,
    input: CallInput,
    header: Readonly<Record<string, string>>,
    options: RequestOptions,
    exchange: Exchange,
  ): Record<string, unknown> {
    const params: { path?: unknown; query?: unknown; header: Readonly<Record<string, string>> } = { header };
    if (input.path !== undefined) params.path = input.path;
    if (input.query !== undefined) params.query = input.query;
    const redirect =
      prepared.redirect === "follow" && options.headers !== undefined && Object.keys(options.headers).some((name) => isSensitiveHeader(name))
        ? "manual"
        : prepared.redirect;
    const init: Record<string, unknown> = {
      params,
      parseAs: "stream",
      fetch: send.bind(exchange),
      querySerializer: prepared.querySerializer,
      redirect,
    };
    if (this.#fetch !== undefined) init["signal"] = exchange.signal;
    if (input.body !== undefined) {
      init["body"] = input.body;
      if (prepared.body?.serialize !== undefined) init["bodySerializer"] = prepared.body.serialize;
      if (prepared.body?.contentType !== undefined) params.header = { ...header, "Content-Type": prepared.body.contentType as string };
    }
    // openapi-fetch merges these after the default headers (credentials included) and before header parameters.
    if (options.headers !== undefined) init["headers"] = { ...prepared.credentialHeaders, ...options.headers };
    else if (prepared.credentialHeaders !== undefined) init["headers"] = prepared.credentialHeaders;
    return init;
  }

  #success<T>(operation: OperationInfo, described: string, response: Response, text: string): T | Promise<T> {
    if (operation.method === "head") return undefined as T;
    const { status } = response;
    const declared = declaredResponse(operation.responses, status);
    if (declared === undefined) {
      const known = Object.keys(operation.responses);
      const issue: ValidationIssue = {
        path: "",
        keyword: "status",
        message: `must be a status the spec declares for this operation (${known.length > 0 ? known.join(", ") : "none"}), found ${status}`,
        expected: known.join(" or "),
        found: String(status),
      };
      throw this.#responseInvalid(operation, described, status, text === "" ? undefined : text, [issue]);
    }
    const read = readSuccessBody(declared[1], text, response.headers.get("content-type"));
    if (!read.ok) throw this.#responseInvalid(operation, described, status, read.body, [read.issue]);
    if (this.#validateResponse && read.json) return this.#validated<T>(operation, described, status, declared[0], read.body);
    return read.body as T;
  }

  /** The body checked by the response validator of the status it is declared under, loaded on first use. */
  async #validated<T>(operation: OperationInfo, described: string, status: number, key: string, body: unknown): Promise<T> {
    const load = this.#parts.loadResponse;
    if (load === undefined) return body as T;
    this.#responseValidators ??= load().catch((error: unknown) => {
      this.#responseValidators = undefined;
      throw new PayspecError(`Could not load the response validators: ${sanitizeCause(error, this.#scrubber).message}`, { cause: error });
    });
    const validators = (await this.#responseValidators)[operation.operationId];
    const validator = validators !== undefined && Object.hasOwn(validators, key) ? validators[key] : undefined;
    if (validator === undefined) return body as T;
    const result = validator(body);
    if (!result.ok) throw this.#responseInvalid(operation, described, status, body, this.#issuesOf(validator, body, result.errors));
    return result.value as T;
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
    const violations = mockViolations(response.headers, body);
    const message =
      `${statusLine(response.status, response.statusText)}: ${described}${tries}${detail === undefined ? "" : `: ${detail}`}` +
      (violations === undefined ? "" : ` (violations: ${this.#scrubber.text(violations)})`);
    const ErrorClass = apiErrorClassFor(response.status);
    return new ErrorClass(message, {
      status: response.status,
      body,
      headers: redactHeaders(response.headers, this.#credentialPlaces.headers, this.#scrubber),
      operationId,
    });
  }

  /**
   * A failed validation's issues, rendered from the value with its secrets scrubbed: an issue quotes the value it
   * found, and a long one cut short could hold part of a secret that scrubbing the rendering would not find.
   */
  #issuesOf(validator: Validator, value: unknown, issues: readonly ValidationIssue[]): readonly ValidationIssue[] {
    if (this.#scrubber.isEmpty) return issues;
    const again = validator(this.#scrubber.value(value));
    return again.ok ? issues : again.errors;
  }

  #requestInvalid(operation: OperationInfo, described: string, issues: readonly ValidationIssue[]): RequestValidationError {
    const errors = issues.map((issue) => this.#scrubber.issue(issue));
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
    const errors = issues.map((issue) => this.#scrubber.issue(issue));
    return new ResponseValidationError(
      `${described}: the ${status} response does not match the spec: ${formatIssues(errors)}`,
      { operationId: operation.operationId, status, body: this.#scrubber.value(body), errors },
    );
  }

  #tooLarge(operationId: string, described: string, status: number, maxResponseBytes: number): ResponseTooLargeError {
    return new ResponseTooLargeError(
      `${described}: the ${status} response is larger than maxResponseBytes (${maxResponseBytes} bytes, counted after decompression); reading stopped there. Raise maxResponseBytes if it is expected.`,
      { operationId, status, maxResponseBytes },
    );
  }

  #userAbort(operationId: string, described: string): APIUserAbortError {
    return new APIUserAbortError(`Request aborted by the caller: ${described}`, { operationId });
  }
}
