/**
 * The parameter work openapi-fetch leaves to us: constant header parameters, and cookie parameters (openapi-fetch
 * serialises path, query and header parameters, but not cookies). Header and cookie values use the OpenAPI
 * default styles (`simple`, `form` without explode): arrays and objects become comma-separated lists.
 */
import { appendCookies, cookieValue } from "./cookies.js";
import type { ValidationIssue } from "./operation.js";

export interface MergedHeaders {
  /** The caller's header parameters with every constant header filled in (under the spec's spelling). */
  readonly header: Readonly<Record<string, unknown>>;
  /** A caller value for a constant header that differs from the constant: the request must not be sent. */
  readonly conflicts: readonly ValidationIssue[];
}

/**
 * Constant headers are always sent with the spec's value. The caller may omit them or pass that same value;
 * a different value is reported as a conflict (a `const` issue at `header.<name>`) rather than silently replaced,
 * because the server accepts no other value and the caller evidently expected a different behaviour.
 */
export function withConstantHeaders(
  header: Readonly<Record<string, unknown>> | undefined,
  constants: Readonly<Record<string, string>>,
): MergedHeaders {
  const merged: Record<string, unknown> = { ...header };
  const conflicts: ValidationIssue[] = [];
  for (const [name, constant] of Object.entries(constants)) {
    for (const key of Object.keys(merged)) {
      if (key.toLowerCase() !== name.toLowerCase()) continue;
      const given = merged[key];
      if (given !== undefined && given !== null && String(given) !== constant) {
        conflicts.push({
          path: `header.${name}`,
          keyword: "const",
          message: `must be ${JSON.stringify(constant)} (the only value the API accepts; omit it to have it sent), found ${JSON.stringify(String(given))}`,
          expected: JSON.stringify(constant),
          found: JSON.stringify(String(given)),
        });
      }
      delete merged[key];
    }
    merged[name] = constant;
  }
  return { header: merged, conflicts };
}

/** The items of a header or cookie value (`simple`/`form` style, explode false); `undefined` to omit. */
function valueItems(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, String(v)]);
  return [String(value)];
}

/**
 * Header parameters as strings, with cookie parameters and the operation's cookie credentials folded into the
 * `Cookie` header, after `defaultCookie` (the client's default Cookie header, which this one replaces on the wire).
 * A cookie the caller set wins over a credential of the same name.
 */
export function headerParams(
  header: Readonly<Record<string, unknown>>,
  cookie: Readonly<Record<string, unknown>> | undefined,
  credentialCookies: readonly (readonly [string, string])[] = [],
  defaultCookie: string | null = null,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(header)) {
    const items = valueItems(value);
    if (items !== undefined) result[name] = items.join(",");
  }
  const cookies: [string, string][] = [];
  for (const [name, value] of Object.entries(cookie ?? {})) {
    // Each item is encoded on its own; the list separator stays a bare comma, as OpenAPI's `form` style writes it.
    const items = valueItems(value);
    if (items !== undefined) cookies.push([name, items.map(cookieValue).join(",")]);
  }
  for (const [name, value] of credentialCookies) cookies.push([name, cookieValue(value)]);
  if (cookies.length > 0) {
    const existingKey = Object.keys(result).find((key) => key.toLowerCase() === "cookie");
    const existing = existingKey === undefined ? defaultCookie : (result[existingKey] ?? null);
    if (existingKey !== undefined) delete result[existingKey];
    result["Cookie"] = appendCookies(existing, cookies);
  }
  return result;
}
