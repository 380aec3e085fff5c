/** Reading answers: the success body as the operation declares it, a short detail for error messages, Prism's violations. */
import type { DeclaredResponse, JsonType, ValidationIssue } from "./operation.js";

const JSON_MEDIA_TYPE = /^[^;]*[/+]json\s*(;|$)/i;

export function isJsonContentType(contentType: string | null): boolean {
  return contentType === "application/json" || (contentType !== null && JSON_MEDIA_TYPE.test(contentType));
}

/** The declared response that covers a status, with the key it is declared under: exact, else range (`2XX`), else `default`. */
export function declaredResponse(
  responses: Readonly<Record<string, DeclaredResponse>>,
  status: number,
): readonly [key: string, declared: DeclaredResponse] | undefined {
  const exact = String(status);
  const range = `${exact[0] ?? ""}XX`;
  for (const key of [exact, range, range.toLowerCase(), "default"]) {
    if (Object.hasOwn(responses, key)) return [key, responses[key]!];
  }
  return undefined;
}

/** `application/json; charset=utf-8` against `application/json`, `application/*` or `*\/*`. */
function mediaTypeMatches(declared: string, actual: string): boolean {
  const [type, subtype] = declared.split(";")[0]!.trim().toLowerCase().split("/");
  const [actualType, actualSubtype] = actual.split(";")[0]!.trim().toLowerCase().split("/");
  return (type === "*" || type === actualType) && (subtype === "*" || subtype === actualSubtype);
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
}

export type SuccessBody = { readonly ok: true; readonly body: unknown; readonly json: boolean } | { readonly ok: false; readonly body: unknown; readonly issue: ValidationIssue };

function problem(body: unknown, keyword: string, message: string, expected: string, found: string): SuccessBody {
  return { ok: false, body, issue: { path: "", keyword, message: `${message}, found ${found}`, expected, found } };
}

/**
 * The body of a 2xx answer, checked against what the spec declares for its status: `undefined` when no body is
 * declared (whatever came), else a body of a declared media type, JSON parsed (numbers as JSON.parse reads them: the
 * runtime never rewrites values) and of a declared top-level JSON type.
 */
export function readSuccessBody(declared: DeclaredResponse, text: string, contentType: string | null): SuccessBody {
  if (declared.content.length === 0) return { ok: true, body: undefined, json: false };
  const expected = declared.content.join(" or ");
  if (text === "") return problem(undefined, "body", `must have a ${expected} body`, expected, "an empty body");
  if (contentType === null || !declared.content.some((media) => mediaTypeMatches(media, contentType))) {
    return problem(text, "contentType", `must be ${expected}`, expected, contentType === null ? "no Content-Type" : JSON.stringify(contentType));
  }
  if (!isJsonContentType(contentType)) return { ok: true, body: text, json: false };
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return problem(text, "json", `must be valid JSON as its Content-Type ${JSON.stringify(contentType)} says`, "JSON", JSON.stringify(text.slice(0, 60)));
  }
  const type = jsonTypeOf(body);
  if (declared.json !== undefined && !declared.json.includes(type)) {
    const allowed = declared.json.join(" or ");
    return problem(body, "type", `must be ${allowed}`, allowed, type === "null" ? "null" : type);
  }
  return { ok: true, body, json: true };
}

/** An error body as openapi-fetch returns it (JSON if it parses, else the text); `""` becomes `undefined`. */
export function normaliseErrorBody(body: unknown): unknown {
  return body === "" ? undefined : body;
}

const DETAIL_FIELDS = ["message", "title", "error", "detail", "error_description"] as const;
const MAX_DETAIL_LENGTH = 200;

/** A one-line detail for an error message: the body's `message`/`title`/`error`/... field, or short plain text. */
export function errorDetail(body: unknown): string | undefined {
  let detail: string | undefined;
  if (typeof body === "string") detail = body;
  else if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    const fields = body as Record<string, unknown>;
    for (const field of DETAIL_FIELDS) {
      const value = fields[field];
      if (typeof value === "string" && value.trim() !== "") {
        detail = value;
        break;
      }
      if (value !== null && typeof value === "object" && typeof (value as { message?: unknown }).message === "string") {
        detail = (value as { message: string }).message;
        break;
      }
    }
  }
  if (detail === undefined) return undefined;
  const line = detail.replace(/\s+/g, " ").trim();
  if (line === "" || line.startsWith("<")) return undefined; // an HTML error page says nothing useful in one line
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH)}...` : line;
}

/**
 * The violations a validating mock found in the request, as one line: `request.body.amount must match pattern ...;
 * request.header.x-api-key is required`. Prism sends them in its `sl-violations` header (JSON) when it answers with
 * the spec's own 4xx example, and as the `validation` list of the problem+json body it writes itself otherwise.
 * `undefined` when there are none.
 */
export function mockViolations(headers: Headers, body: unknown): string | undefined {
  let violations: unknown = (body as { validation?: unknown } | null | undefined)?.validation;
  const header = headers.get("sl-violations");
  if (header !== null) {
    try {
      violations = JSON.parse(header);
    } catch {
      // Not JSON (Prism cuts a header that would be too long): the body's list, if any, says it.
    }
  }
  if (!Array.isArray(violations)) return undefined;
  const lines = violations.flatMap((violation: unknown) => {
    const { location, message } = (violation ?? {}) as { location?: unknown; message?: unknown };
    if (typeof message !== "string") return [];
    const where = Array.isArray(location) ? location.map(String).join(".") : "";
    return [where === "" ? message : `${where} ${message}`];
  });
  return lines.length === 0 ? undefined : lines.join("; ");
}

/** `404 Not Found` with the reason phrase the response gives, or just `404` (HTTP/2 has no reason phrase). */
export function statusLine(status: number, statusText: string): string {
  const reason = statusText.trim();
  return reason === "" ? String(status) : `${status} ${reason}`;
}
