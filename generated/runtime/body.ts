/**
 * How a request body goes on the wire when it is not JSON: `OperationInfo.requestBody`, which the generator picks
 * from the media type the operation declares (so that a client of a JSON-only API bundles none of this):
 *
 * - absent: JSON (`application/json`, `*\/*`), openapi-fetch's serializer, `JSON.stringify`;
 * - `{ contentType }` alone: a `+json` type such as `application/merge-patch+json`, JSON sent under its own name;
 * - `formBody` (`application/x-www-form-urlencoded`): `key=value` pairs. An array repeats its key (OpenAPI's default
 *   `form` style, exploded); an object value is sent as JSON text. `formBodyWith(styles)` where the body's `encoding`
 *   gives fields a style: those fields are written as a query parameter of that style is (./query.ts), so Stripe's
 *   `metadata` (deepObject) goes as `metadata[order]=6735` and its `expand` as `expand[]=customer`;
 * - `multipartBody` (`multipart/form-data`): a FormData. A Blob or File is a file part; an array repeats its name; an
 *   object value is a JSON text part (OpenAPI's default for object properties). fetch writes the Content-Type with its
 *   boundary;
 * - `{ serialize: bodyAsGiven, contentType }`: anything else (`text/plain`, `application/octet-stream`, ...), the body
 *   as given (a string, Blob, ArrayBuffer, typed array, stream) with that Content-Type; `contentType: null` when the
 *   spec only gives a range such as `image/*`: fetch then sends the body's own (a Blob's type).
 *
 * A body that is already a URLSearchParams, FormData or string is sent as it is. No value goes through a number:
 * a decimal string amount (`"12.50"`) is sent exactly as written.
 */

import type { QueryParameterStyle } from "./operation.js";
import { serializeParameter } from "./query.js";

export interface BodyEncoding {
  /** Replaces openapi-fetch's JSON serializer; absent for JSON. */
  readonly serialize?: (body: unknown) => unknown;
  /**
   * The Content-Type to send. `null`: none of openapi-fetch's (it would say JSON), fetch takes the body's own (a
   * Blob's type). Absent: multipart, whose FormData gets its boundary from fetch.
   */
  readonly contentType?: string | null;
}

const FORM = "application/x-www-form-urlencoded";

function entriesOf(body: unknown): Array<[string, unknown]> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new TypeError(`a form body must be an object of fields, got ${Array.isArray(body) ? "an array" : typeof body}`);
  }
  return Object.entries(body);
}

function fieldText(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function toUrlEncoded(body: unknown, styles?: Readonly<Record<string, QueryParameterStyle>>): unknown {
  if (typeof body === "string" || body instanceof URLSearchParams) return body;
  const parts: string[] = [];
  for (const [name, value] of entriesOf(body)) {
    const style = styles !== undefined && Object.hasOwn(styles, name) ? styles[name] : undefined;
    if (style !== undefined) {
      serializeParameter(name, value, style, parts);
      continue;
    }
    const form = new URLSearchParams();
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) form.append(name, fieldText(item));
    }
    const text = form.toString();
    if (text !== "") parts.push(text);
  }
  return parts.join("&");
}

function toFormData(body: unknown): unknown {
  if (body instanceof FormData) return body;
  const form = new FormData();
  for (const [name, value] of entriesOf(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, fieldText(item));
    }
  }
  return form;
}

/** The body exactly as the caller gave it. */
export function bodyAsGiven(body: unknown): unknown {
  return body;
}

export const formBody: BodyEncoding = { serialize: (body) => toUrlEncoded(body), contentType: FORM };

/** A form body some of whose fields the spec's `encoding` gives a style (`{ metadata: { style: "deepObject", explode: true } }`). */
export function formBodyWith(styles: Readonly<Record<string, QueryParameterStyle>>): BodyEncoding {
  return { serialize: (body) => toUrlEncoded(body, styles), contentType: FORM };
}

export const multipartBody: BodyEncoding = { serialize: toFormData };
