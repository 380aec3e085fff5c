/**
 * The types shared by the runtime, the emitted client (client.ts) and the emitted validators (validators.ts).
 * Plain data only: the generator emits one `OperationInfo` per operation.
 */

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
  /** Validates the request as `{ path?, query?, header?, cookie?, body? }` (the CallInput, constant headers included). */
  readonly requestValidator?: Validator;
  /** Response body validators by status as written in the spec: "200", "201", "4XX", "default". */
  readonly responseValidators?: Readonly<Record<string, Validator>>;
  /** Query parameters whose spec sets `style`/`explode`; the others use OpenAPI's default (`form`, exploded). */
  readonly queryStyles?: Readonly<Record<string, QueryParameterStyle>>;
  /** The media type the body is sent as, when it is not `application/json` (see ./body.ts). */
  readonly requestBodyType?: string;
}

/** How one query parameter is written in the URL, as the spec's `style` and `explode` say. */
export interface QueryParameterStyle {
  readonly style: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  readonly explode: boolean;
}

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
  readonly headers?: Readonly<Record<string, string>> | undefined;
}
