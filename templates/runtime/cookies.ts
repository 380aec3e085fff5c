/**
 * The `Cookie` request header: cookie parameters and apiKey credentials in a cookie, as RFC 6265 values, merged into
 * the header the client already sends. ClientCore takes this module as `ClientParts.cookies` (`withCookies`), which
 * the generated client passes only when its spec has cookie parameters or credentials: a client that sends no cookie
 * bundles none of it.
 */
import { valueItems } from "./params.js";

const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** A cookie value as RFC 6265 allows it: as is when it can be, else %-encoded. */
function cookieValue(value: string): string {
  return COOKIE_OCTETS.test(value) ? value : encodeURIComponent(value);
}

/** `a=1; b=2` from already-encoded values, leaving cookies already present (by name) untouched. */
function appendCookies(existing: string | null, cookies: readonly (readonly [string, string])[]): string {
  const parts = existing === null || existing.trim() === "" ? [] : [existing];
  const present = new Set(
    (existing ?? "")
      .split(";")
      .map((pair) => pair.split("=")[0]?.trim())
      .filter((name): name is string => name !== undefined && name !== ""),
  );
  for (const [name, value] of cookies) {
    if (present.has(name)) continue;
    parts.push(`${name}=${value}`);
    present.add(name);
  }
  return parts.join("; ");
}

/**
 * Header parameters as sent (`header`), with cookie parameters (`form` style, explode false: arrays and objects as
 * comma-separated lists) and then the credential cookies folded into the `Cookie` header, after `defaultCookie` (the
 * client's default Cookie header, which this one replaces on the wire). A cookie the caller set wins over a
 * credential of the same name; nothing to add leaves `header` as it is.
 */
export function withCookies(
  header: Readonly<Record<string, string>>,
  cookie: Readonly<Record<string, unknown>> | undefined,
  credentialCookies: readonly (readonly [string, string])[],
  defaultCookie: string | null,
): Readonly<Record<string, string>> {
  const cookies: [string, string][] = [];
  for (const [name, value] of Object.entries(cookie ?? {})) {
    // Each item is encoded on its own; the list separator stays a bare comma, as OpenAPI's `form` style writes it.
    const items = valueItems(value);
    if (items !== undefined) cookies.push([name, items.map(cookieValue).join(",")]);
  }
  for (const [name, value] of credentialCookies) cookies.push([name, cookieValue(value)]);
  if (cookies.length === 0) return header;
  const result = { ...header };
  const existingKey = Object.keys(result).find((key) => key.toLowerCase() === "cookie");
  const existing = existingKey === undefined ? defaultCookie : (result[existingKey] ?? null);
  if (existingKey !== undefined) delete result[existingKey];
  result["Cookie"] = appendCookies(existing, cookies);
  return result;
}
