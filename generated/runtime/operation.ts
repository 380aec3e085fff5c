/**
 * The types shared by the runtime, the emitted client (client.ts) and the emitted validators (validators.ts).
 * Plain data only: the generator emits one `OperationInfo` per operation.
 */
import type { BodyEncoding } from "./body.js";
import type { withCookies } from "./cookies.js";
import type { querySerializerFor } from "./query.js";
import type { RetryWaits } from "./retry.js";
import type { fetchFollowing } from "./transport.js";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** One way to satisfy an operation's security: scheme name -> scopes/roles. [] of these = no auth. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export type SecuritySchemeInfo =
  | { readonly type: "http"; readonly scheme: string } // "bearer" | "basic" (case-insensitive)
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "oauth2" }
  | { readonly type: "openIdConnect" } // both sent as a bearer token
  | { readonly type: "mutualTLS" }; // nothing to send; ignored

/** A credential for one scheme: a token/key string, or username+password for http basic. */
export type Credential = string | { readonly username: string; readonly password: string };

export interface ValidationIssue {
  /** Where, as a JS-style path from the validated value: `body.lines[2].quantity`, `path.id`, `` for the root. */
  readonly path: string;
  /** Human sentence: `must be string, found number 12.5`. */
  readonly message: string;
  /** ajv keyword: type, pattern, required, additionalProperties, enum, ... */
  readonly keyword: string;
  /** `string`, `pattern ^-?\d{0,7}(?:\.\d{0,2})?$`, `one of "a", "b"` ... */
  readonly expected?: string;
  /** Short rendering of the offending value (never a credential). */
  readonly found?: string;
}

export type ValidationResult<T = unknown> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

export type Validator<T = unknown> = (value: unknown) => ValidationResult<T>;

/** Static description of one operation, emitted once per operation in client.ts. */
export interface OperationInfo {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** As in the spec: `/orders/{number}/collect-payment/`. */
  readonly path: string;
  readonly security: readonly SecurityRequirement[];
  /** Single-valued header params, sent automatically. */
  readonly constantHeaders: Readonly<Record<string, string>>;
  /**
   * The success answers the spec declares, by status as written (`200`, `2XX`, `default`): a 2xx answer whose status
   * none of them covers, or whose body is not what its entry says, is a ResponseValidationError.
   */
  readonly responses: Readonly<Record<string, DeclaredResponse>>;
  /** Query parameters whose spec sets `style`/`explode`; the others use OpenAPI's default (`form`, exploded). */
  readonly queryStyles?: Readonly<Record<string, QueryParameterStyle>>;
  /** How the body is sent when it is not JSON (see ./body.ts). */
  readonly requestBody?: BodyEncoding;
  /** Set for a paged list (the spec's `x-payspec-paging`): the call can then be walked with `for await`. */
  readonly paging?: PagingInfo;
}

/** One declared success response. */
export interface DeclaredResponse {
  /** Its media types (ranges such as `text/*` allowed); empty when it has no body: the call then resolves `undefined`. */
  readonly content: readonly string[];
  /** The JSON types its JSON body may have at the top (`object`, `array`, `null`...), when the schema says. */
  readonly json?: readonly JsonType[];
}

export type JsonType = "object" | "array" | "string" | "number" | "boolean" | "null";

/**
 * How a paged list is walked (`x-payspec-paging` in the spec): ask for the next page number until a page comes back
 * empty, the last page (`totalPages`) has been read, or a page holds fewer items than the page size.
 */
export interface PagingInfo {
  /** The query parameter that numbers pages. */
  readonly page: string;
  /** The number of the first page (0 or 1): where the walk starts when the caller gives no page. */
  readonly firstPage: number;
  /** The query parameter that sets the page size, if any, and its default. */
  readonly size?: string;
  readonly defaultSize?: number;
  /** JSON pointer to the page's items in the body; `""` when the body is the array. */
  readonly items: string;
  /** JSON pointer to the number of pages in the body, when the API says it. */
  readonly totalPages?: string;
}

/**
 * The validators of a generated client (validators.ts, response-validators.ts), by operationId. Response validators
 * are loaded on first use, so that an app that never turns `validate.response` on never loads (or bundles) them.
 */
export interface ClientValidators {
  readonly request?: Readonly<Record<string, Validator>>;
  readonly loadResponse?: () => Promise<Readonly<Record<string, Readonly<Record<string, Validator>>>>>;
}

/**
 * What a generated client hands its ClientCore: its validators, and the parts of the runtime only some specs need,
 * each passed only when the spec needs it (generator/emit/client.ts), so that a client bundles only the code its
 * operations can use: a client of POSTs alone neither retries nor follows redirects, one without query parameters or
 * cookies writes neither.
 */
export interface ClientParts extends ClientValidators {
  /**
   * `querySerializerFor` (query.ts): query parameters in the styles their spec declares, and credentials in the
   * query. For a spec with query parameters or an apiKey in the query; without it, a query is written by the
   * client's `querySerializer` or openapi-fetch's default.
   */
  readonly query?: typeof querySerializerFor;
  /**
   * `withCookies` (cookies.ts): cookie parameters, and credentials in a cookie. For a spec with cookie parameters or
   * an apiKey in a cookie; without it, no cookie is added to the client's default headers.
   */
  readonly cookies?: typeof withCookies;
  /**
   * `retryWaits` (retry.ts): retries of the operations safe to repeat (GET, HEAD, OPTIONS, PUT, DELETE, TRACE). For a
   * spec with one; without it, nothing is retried.
   */
  readonly retries?: RetryWaits;
  /**
   * `fetchFollowing` (transport.ts): redirects of GET and HEAD followed without credentials leaving their origin. For a
   * spec with a GET or HEAD operation; without it, no redirect is followed (a call() gets a RedirectError, raw the
   * redirect as it came).
   */
  readonly redirects?: typeof fetchFollowing;
}

/** How one query parameter is written in the URL, as the spec's `style` and `explode` say. */
export interface QueryParameterStyle {
  readonly style: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  readonly explode: boolean;
}

/** Writes a query string (without `?`) from the query parameters; replaces the styles the spec declares. */
export type QuerySerializer = (query: Readonly<Record<string, unknown>>) => string;

/** What a generated method passes to the core: the caller's parameters by location, and the body. */
export interface CallInput {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly header?: Readonly<Record<string, unknown>>;
  readonly cookie?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}

/** A retry about to happen (`CoreOptions.onRetry`). */
export interface RetryEvent {
  readonly operationId: string;
  /** The attempt that failed, counting from 1. */
  readonly attempt: number;
  /** Why it is retried: the response status, or no response at all. */
  readonly reason: number | "timeout" | "connection";
  /** How long the client waits before the next attempt: Retry-After or retry-after-ms when given, else backoff. */
  readonly delayMs: number;
}

/** Optional fields also accept an explicit `undefined` (same as leaving them out), so options pass through. */
export interface CoreOptions {
  readonly baseUrl: string;
  /** Keyed by security scheme name as in the spec's components.securitySchemes. */
  readonly credentials?: Readonly<Record<string, Credential | undefined>> | undefined;
  /** Per attempt; default 60_000. */
  readonly timeoutMs?: number | undefined;
  /** Default 2. Only methods safe to repeat are ever retried. */
  readonly maxRetries?: number | undefined;
  /** The most bytes of a response body read (after decompression); default 32 MiB. More is a ResponseTooLargeError. */
  readonly maxResponseBytes?: number | undefined;
  /** Writes every query string itself, instead of the styles the spec declares (credentials in the query are added). */
  readonly querySerializer?: QuerySerializer | undefined;
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Called before each retry, once the wait is decided: for logs and metrics. Carries no credential. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  readonly validate?:
    | {
        /** Default true: a bad request never leaves the process. */
        readonly request?: boolean | undefined;
        /** Default false. */
        readonly response?: boolean | undefined;
      }
    | undefined;
}

/** Per-call options, the last argument of every generated method. */
export interface RequestOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly maxRetries?: number | undefined;
  readonly maxResponseBytes?: number | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * What a paged operation's method returns: await it for the first page (the body, as any call), or walk every item
 * of every page with `for await (const item of client.listThings())`.
 */
export type PagePromise<Page, Item> = Promise<Page> & AsyncIterable<Item>;
