/**
 * The parameter work openapi-fetch leaves to us: constant header parameters, and header values as strings (cookie
 * parameters are cookies.ts's). Header and cookie values use the OpenAPI default styles (`simple`, `form` without
 * explode): arrays and objects become comma-separated lists.
 */
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
export function valueItems(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, String(v)]);
  return [String(value)];
}

/** Header parameters as strings (`undefined` and `null` left out). */
export function headerParams(header: Readonly<Record<string, unknown>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(header)) {
    const items = valueItems(value);
    if (items !== undefined) result[name] = items.join(",");
  }
  return result;
}
