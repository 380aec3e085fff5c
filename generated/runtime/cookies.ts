/** The `Cookie` request header: RFC 6265 values, and merging new cookies into an existing header. */

const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** A cookie value as RFC 6265 allows it: as is when it can be, else %-encoded. */
export function cookieValue(value: string): string {
  return COOKIE_OCTETS.test(value) ? value : encodeURIComponent(value);
}

/** `a=1; b=2` from already-encoded values, leaving cookies already present (by name) untouched. */
export function appendCookies(existing: string | null, cookies: readonly (readonly [string, string])[]): string {
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
