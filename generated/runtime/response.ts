/** Reading answers: body by content type, a short detail for error messages, the validator for a status. */
import type { Validator } from "./operation.js";

const JSON_MEDIA_TYPE = /^[^;]*[/+]json\s*(;|$)/i;

export function isJsonContentType(contentType: string | null): boolean {
  return contentType === "application/json" || (contentType !== null && JSON_MEDIA_TYPE.test(contentType));
}

export type ParsedBody = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly text: string };

/**
 * A success body: `undefined` when empty (204, HEAD, no content), parsed JSON for a JSON media type (numbers as
 * JSON.parse reads them: the runtime never rewrites values), else the text.
 */
export function parseSuccessBody(text: string | undefined, contentType: string | null): ParsedBody {
  if (text === undefined || text === "") return { ok: true, body: undefined };
  if (!isJsonContentType(contentType)) return { ok: true, body: text };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, text };
  }
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

/** The validator for a status as the spec keys responses: exact (`200`), else range (`2XX`), else `default`. */
export function validatorForStatus(
  validators: Readonly<Record<string, Validator>> | undefined,
  status: number,
): Validator | undefined {
  if (validators === undefined) return undefined;
  const exact = String(status);
  const range = `${exact[0] ?? ""}XX`;
  for (const key of [exact, range, range.toLowerCase(), "default"]) {
    if (Object.hasOwn(validators, key)) return validators[key];
  }
  return undefined;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** `404 Not Found`; the reason phrase comes from the response when it has one (HTTP/2 has none). */
export function statusLine(status: number, statusText: string): string {
  const reason = statusText.trim() !== "" ? statusText.trim() : STATUS_TEXT[status];
  return reason === undefined ? String(status) : `${status} ${reason}`;
}
