/**
 * The ids of the schema set's resources (./schema-set.ts): `payspec:validators/<key>`, the key one URI path segment.
 * Every resource shares one base, so a relative `$id` or `$ref` resolves against the same base from any of them, as
 * it does against the one document of the spec.
 */
import type { JsonSchema } from "../model.js";
import { forEachSubschema } from "./schema-walk.js";

/** The base of every resource id; a key is one path segment under it. */
export const RESOURCE_BASE = "payspec:validators/";

/** `s:Order` -> `payspec:validators/s%3AOrder`: every character but RFC 3986's unreserved ones percent-encoded. */
export function resourceId(key: string): string {
  let segment = "";
  for (const byte of new TextEncoder().encode(key)) {
    const char = String.fromCharCode(byte);
    segment += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return `${RESOURCE_BASE}${segment}`;
}

/** The key and fragment (`#anchor`, or "") of a ref to a resource of the set; `undefined` for any other ref. */
export function parseResourceRef(ref: string): { readonly key: string; readonly fragment: string } | undefined {
  if (!ref.startsWith(RESOURCE_BASE)) return undefined;
  const hash = ref.indexOf("#");
  const segment = ref.slice(RESOURCE_BASE.length, hash < 0 ? undefined : hash);
  if (segment.includes("/")) return undefined;
  try {
    return { key: decodeURIComponent(segment), fragment: hash < 0 ? "" : ref.slice(hash) };
  } catch {
    return undefined;
  }
}


/** The resource keys `schema` refers to, at any depth. */
export function resourceRefsOf(schema: JsonSchema): Set<string> {
  const keys = new Set<string>();
  forEachSubschema(schema, (sub) => {
    if (typeof sub.$ref === "string") {
      const target = parseResourceRef(sub.$ref);
      if (target) keys.add(target.key);
    }
  });
  return keys;
}
