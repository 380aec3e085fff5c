/**
 * Credentials -> what goes on the wire. A `ClientCore` checks the credentials once (`checkCredentials`), then for
 * each operation picks the first security requirement the supplied credentials satisfy (`selectRequirement`) and
 * turns it into an `AuthPlan`: header, query and cookie pairs, which the core hands to openapi-fetch as that call's
 * headers, query serializer and Cookie header.
 */
import { PayspecError } from "./errors.js";
import type { Credential, SecurityRequirement, SecuritySchemeInfo } from "./operation.js";

/** Name/value pairs to add to the request, by where they go. */
export interface AuthPlan {
  readonly headers: readonly (readonly [string, string])[];
  readonly query: readonly (readonly [string, string])[];
  readonly cookies: readonly (readonly [string, string])[];
}

type SchemeKind = "bearer" | "basic" | "apiKey" | "none" | "unsupported";

function kindOf(scheme: SecuritySchemeInfo): SchemeKind {
  if (scheme.type === "http") {
    const name = scheme.scheme.toLowerCase();
    return name === "bearer" || name === "basic" ? name : "unsupported";
  }
  // oauth2 and openIdConnect send a bearer token; mutualTLS sends nothing.
  return scheme.type === "apiKey" ? "apiKey" : scheme.type === "mutualTLS" ? "none" : "bearer";
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
 * mean "not given"), tokens and keys trimmed (a token read from a file keeps its newline; HTTP drops it from a
 * header, so it is dropped everywhere, and the secret the errors hide is the one sent). Throws, without echoing any
 * credential, on an unknown scheme name or a credential of the wrong shape: a client mis-configured this way would
 * otherwise send requests the server rejects as 401.
 */
export function checkCredentials(
  schemes: Readonly<Record<string, SecuritySchemeInfo>>,
  credentials: Readonly<Record<string, Credential | undefined>> | undefined,
): ReadonlyMap<string, Credential> {
  const supplied = new Map<string, Credential>();
  for (const [name, given] of Object.entries(credentials ?? {})) {
    const credential = typeof given === "string" ? given.trim() : given;
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

/** Every string that must never appear in an error: tokens and keys, and each part of a basic pair and its base64. */
export function secretsOf(credentials: ReadonlyMap<string, Credential>): string[] {
  const secrets: string[] = [];
  for (const credential of credentials.values()) {
    if (typeof credential === "string") secrets.push(credential);
    else secrets.push(credential.username, credential.password, basicToken(credential));
  }
  return secrets;
}

/** Where the schemes put credentials: lower-cased header names and query parameter names (for redirects). */
export function credentialNames(schemes: Readonly<Record<string, SecuritySchemeInfo>>): { headers: Set<string>; query: Set<string> } {
  const headers = new Set(["authorization", "proxy-authorization", "cookie"]);
  const query = new Set<string>();
  for (const scheme of Object.values(schemes)) {
    if (scheme.type !== "apiKey") continue;
    if (scheme.in === "header") headers.add(scheme.name.toLowerCase());
    else if (scheme.in === "query") query.add(scheme.name);
  }
  return { headers, query };
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

/** base64(UTF-8 `username:password`), with web globals only (the runtime also runs in browsers). */
function basicToken(credential: { readonly username: string; readonly password: string }): string {
  const bytes = new TextEncoder().encode(`${credential.username}:${credential.password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
