/**
 * Query strings written per parameter in the style its spec declares (OpenAPI 3.1, 4.8.12.4): `form` (the default,
 * exploded), `spaceDelimited`, `pipeDelimited` and `deepObject`, each with `explode` true or false.
 *
 * OpenAPI defines no style for values nested deeper than a style's own level (a filter such as
 * `created_at: { $in: [...] }`). Those are written in the bracket notation that deepObject starts and that qs,
 * Rack and PHP read: `created_at[$in][]=a&created_at[$in][]=b`, `a[b][c]=1`, in an exploded style; as JSON text
 * inside a non-exploded list. A Date is written as its ISO string. Names and values are percent-encoded; the
 * separators a style defines (`,` `|` `%20`, brackets) are not.
 *
 * ClientCore takes this module as `ClientParts.query` (`querySerializerFor`), which the generated client passes only
 * when its spec has query parameters or credentials: a client without them bundles none of it.
 */
import type { QueryParameterStyle, QuerySerializer } from "./operation.js";

/** OpenAPI's default for query parameters. */
const FORM_EXPLODED: QueryParameterStyle = { style: "form", explode: true };

const SEPARATORS: Readonly<Record<QueryParameterStyle["style"], string>> = {
  form: ",",
  spaceDelimited: "%20",
  pipeDelimited: "|",
  deepObject: ",",
};

const encode = encodeURIComponent;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

/** A value written as one item of a list: a primitive as text, a Date as ISO, anything nested as JSON. */
function itemText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** `prefix=value`, `prefix[key]=...`, `prefix[]=...`, as deep as the value goes. */
function brackets(prefix: string, value: unknown, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) brackets(`${prefix}[]`, item, out);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) brackets(`${prefix}[${encode(key)}]`, item, out);
  } else {
    out.push(`${prefix}=${encode(itemText(value))}`);
  }
}

/**
 * `name=value` pairs of one parameter (or one field of a form body whose `encoding` gives its style), appended to
 * `out`, percent-encoded. An exploded deepObject array is `name[]=a&name[]=b` (OpenAPI leaves it undefined; this is
 * the bracket notation deepObject starts, which Stripe's form bodies use for `expand[]`).
 */
export function serializeParameter(name: string, value: unknown, { style, explode }: QueryParameterStyle, out: string[]): void {
  if (value === undefined || value === null) return;
  const key = encode(name);
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    if (explode && style === "deepObject") brackets(key, value, out);
    else if (explode) for (const item of value) brackets(key, item, out);
    else out.push(`${key}=${value.map((item) => encode(itemText(item))).join(SEPARATORS[style])}`);
  } else if (isObject(value)) {
    if (style === "deepObject") {
      for (const [property, item] of Object.entries(value)) brackets(`${key}[${encode(property)}]`, item, out);
    } else if (explode) {
      for (const [property, item] of Object.entries(value)) brackets(encode(property), item, out);
    } else {
      const items = Object.entries(value).flatMap(([property, item]) => (item === undefined ? [] : [encode(property), encode(itemText(item))]));
      out.push(`${key}=${items.join(SEPARATORS[style])}`);
    }
  } else {
    out.push(`${key}=${encode(itemText(value))}`);
  }
}

/** The serializer of an operation's query parameters: each in its declared style, OpenAPI's default otherwise. */
function createQuerySerializer(styles: Readonly<Record<string, QueryParameterStyle>> | undefined): QuerySerializer {
  return (query) => {
    const out: string[] = [];
    for (const [name, value] of Object.entries(query)) {
      serializeParameter(name, value, (styles !== undefined && Object.hasOwn(styles, name) ? styles[name] : undefined) ?? FORM_EXPLODED, out);
    }
    return out.join("&");
  };
}

/**
 * `serializer`, then the credential pairs whose names the query does not already have (a parameter the caller set
 * explicitly wins over a credential of the same name).
 */
function withQueryCredentials(serializer: QuerySerializer, pairs: readonly (readonly [string, string])[]): QuerySerializer {
  if (pairs.length === 0) return serializer;
  return (query) => {
    const parts = [serializer(query)];
    for (const [name, value] of pairs) if (query[name] === undefined || query[name] === null) parts.push(`${encode(name)}=${encode(value)}`);
    return parts.filter((part) => part !== "").join("&");
  };
}

/**
 * The serializer of a request's query: `serializer` when given (the client's `querySerializer`, or openapi-fetch's
 * for the raw client), else each parameter in the style `styles` declares; then the query credentials.
 */
export function querySerializerFor(
  serializer: QuerySerializer | undefined,
  styles: Readonly<Record<string, QueryParameterStyle>> | undefined,
  credentials: readonly (readonly [string, string])[],
): QuerySerializer {
  return withQueryCredentials(serializer ?? createQuerySerializer(styles), credentials);
}
