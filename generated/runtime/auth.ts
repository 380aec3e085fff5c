/**
 * Credentials -> what goes on the wire. A `ClientCore` checks the credentials once (`checkCredentials`), then for
 * each call picks the first security requirement the supplied credentials satisfy (`selectRequirement`) and turns
 * it into an `AuthPlan`, applied to the outgoing Request by `applyAuthPlan`.
 */
import { appendCookies, cookieValue } from "./cookies.js";
import { PayspecError } from "./errors.js";
import type { Credential, SecurityRequirement, SecuritySchemeInfo } from "./operation.js";

/** Name/value pairs to add to the request, by where they go. */
export interface AuthPlan {
  readonly headers: readonly (readonly [string, string])[];
  readonly query: readonly (readonly [string, string])[];
  readonly cookies: readonly (readonly [string, string])[];
}

export const EMPTY_AUTH_PLAN: AuthPlan = { headers: [], query: [], cookies: [] };

type SchemeKind = "bearer" | "basic" | "apiKey" | "none" | "unsupported";

function kindOf(scheme: SecuritySchemeInfo): SchemeKind {
  switch (scheme.type) {
    case "http": {
      const name = scheme.scheme.toLowerCase();
      return name === "bearer" ? "bearer" : name === "basic" ? "basic" : "unsupported";
    }
    case "oauth2":
    case "openIdConnect":
      return "bearer";
    case "apiKey":
      return "apiKey";
    case "mutualTLS":
      return "none";
  }
}

function describeScheme(scheme: SecuritySchemeInfo): string {
  switch (scheme.type) {
    case "http":
      return `http ${scheme.scheme}`;
    case "apiKey":
      return `apiKey in ${scheme.in} "${scheme.name}"`;
    default:
      return scheme.type;
  }
}

/**
 * Checks every supplied credential against the spec's schemes and returns those that were given (undefined and ""
 * mean "not given"). Throws, without echoing any credential, on an unknown scheme name or a credential of the
 * wrong shape: a client mis-configured this way would otherwise send requests the server rejects as 401.
 */
export function checkCredentials(
  schemes: Readonly<Record<string, SecuritySchemeInfo>>,
  credentials: Readonly<Record<string, Credential | undefined>> | undefined,
): ReadonlyMap<string, Credential> {
  const supplied = new Map<string, Credential>();
  for (const [name, credential] of Object.entries(credentials ?? {})) {
    if (credential === undefined || credential === "") continue;
    const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
    if (scheme === undefined) {
      const known = Object.keys(schemes);
      throw new PayspecError(
        `Unknown credential "${name}": this API's security schemes are ${
          known.length > 0 ? known.map((k) => `"${k}"`).join(", ") : "none"
        }. Pass credentials keyed by scheme name.`,
      );
    }
    const kind = kindOf(scheme);
    if (kind === "unsupported") {
      throw new PayspecError(
        `Credential "${name}": the ${describeScheme(scheme)} scheme is not supported; only bearer and basic http schemes are.`,
      );
    }
    const isPair = typeof credential === "object" && credential !== null;
    if (kind === "basic" && !(isPair && typeof credential.username === "string" && typeof credential.password === "string")) {
      throw new PayspecError(`Credential "${name}" (${describeScheme(scheme)}) must be { username, password }.`);
    }
    if (kind !== "basic" && typeof credential !== "string") {
      throw new PayspecError(`Credential "${name}" (${describeScheme(scheme)}) must be a string.`);
    }
    supplied.set(name, credential);
  }
  return supplied;
}

/** Every string that must never appear in an error: tokens, keys, passwords and the encoded basic pair. */
export function secretsOf(credentials: ReadonlyMap<string, Credential>): string[] {
  const secrets: string[] = [];
  for (const credential of credentials.values()) {
    if (typeof credential === "string") secrets.push(credential);
    else secrets.push(credential.password, basicToken(credential));
  }
  return secrets;
}

/**
 * The first requirement whose schemes all have a credential. An empty requirement (`{}`, "auth optional") only
 * wins when no other one can be met, so an optional credential that was supplied is sent. `undefined`: send none.
 */
export function selectRequirement(
  requirements: readonly SecurityRequirement[],
  schemes: Readonly<Record<string, SecuritySchemeInfo>>,
  credentials: ReadonlyMap<string, Credential>,
): SecurityRequirement | undefined {
  const satisfiable = (requirement: SecurityRequirement): boolean =>
    Object.keys(requirement).every((name) => {
      const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
      return scheme !== undefined && (kindOf(scheme) === "none" || credentials.has(name));
    });
  return requirements.find((r) => Object.keys(r).length > 0 && satisfiable(r));
}

/** What the given schemes put on the wire with the supplied credentials (schemes without one are skipped). */
export function planFor(
  schemeNames: Iterable<string>,
  schemes: Readonly<Record<string, SecuritySchemeInfo>>,
  credentials: ReadonlyMap<string, Credential>,
): AuthPlan {
  const headers: [string, string][] = [];
  const query: [string, string][] = [];
  const cookies: [string, string][] = [];
  for (const name of schemeNames) {
    const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
    const credential = credentials.get(name);
    if (scheme === undefined || credential === undefined) continue;
    const kind = kindOf(scheme);
    if (kind === "bearer" && typeof credential === "string") headers.push(["authorization", `Bearer ${credential}`]);
    else if (kind === "basic" && typeof credential !== "string") {
      headers.push(["authorization", `Basic ${basicToken(credential)}`]);
    } else if (scheme.type === "apiKey" && typeof credential === "string") {
      (scheme.in === "header" ? headers : scheme.in === "query" ? query : cookies).push([scheme.name, credential]);
    }
  }
  return { headers, query, cookies };
}

/**
 * Applies a plan to a Request. A value the caller set explicitly (same header, query parameter or cookie name)
 * wins over the plan. Note: browsers do not let scripts set `Cookie`; cookie credentials only work server-side.
 */
export async function applyAuthPlan(request: Request, plan: AuthPlan): Promise<Request> {
  if (plan.headers.length === 0 && plan.query.length === 0 && plan.cookies.length === 0) return request;
  const url = new URL(request.url);
  for (const [name, value] of plan.query) if (!url.searchParams.has(name)) url.searchParams.append(name, value);
  if (url.href === request.url) {
    // Same URL: the request's own (mutable) headers take the credentials; no copy of the request is needed.
    applyAuthHeaders(request.headers, plan);
    return request;
  }
  // A new URL needs a new Request. Its body is buffered rather than passed on as a stream: browsers only accept
  // a stream body with `duplex: "half"`, and not at all over HTTP/1.1.
  const headers = new Headers(request.headers);
  applyAuthHeaders(headers, plan);
  const init: RequestInit = {
    method: request.method,
    headers,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
    cache: request.cache,
    integrity: request.integrity,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  };
  if (request.body !== null) init.body = await request.arrayBuffer();
  return new Request(url, init);
}

/** Credential headers and cookies; a header the caller set explicitly wins. */
function applyAuthHeaders(headers: Headers, plan: AuthPlan): void {
  for (const [name, value] of plan.headers) if (!headers.has(name)) headers.set(name, value);
  if (plan.cookies.length > 0) {
    const encoded = plan.cookies.map(([name, value]) => [name, cookieValue(value)] as const);
    headers.set("cookie", appendCookies(headers.get("cookie"), encoded));
  }
}

/** base64(UTF-8 `username:password`), with web globals only (the runtime also runs in browsers). */
function basicToken(credential: { readonly username: string; readonly password: string }): string {
  const bytes = new TextEncoder().encode(`${credential.username}:${credential.password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
