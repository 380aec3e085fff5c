/**
 * The HTTP side of a spec's contract, as the MSW handlers and the validation proxy both need it: reading a request as
 * the client's CallInput (`{ path, query, header, cookie, body }`, values typed as the spec's parameters say) so that
 * the client's own request validators can check it, whether a required credential is there, and violations as
 * Prism words them (location, JSON pointer, message).
 *
 * Plain TypeScript with no imports and nothing platform-specific (URL, URLSearchParams and a `get(name)` header
 * lookup only), so that it runs in Node and in the browser: generator/emit/msw.ts embeds it, module-private, in every
 * generated `msw.ts` (as the validators embed generator/validators/issues.ts), and mock/proxy.ts imports it.
 * Everything here is used by msw.ts (its user configs reject unused code).
 */

/** What a parameter's value is made of, from its schema: enough to turn the text of a request into typed values. */
export type ValueShape =
  | { readonly type: "string" | "integer" | "number" | "boolean" | "any" }
  | { readonly type: "array"; readonly items: ValueShape }
  | { readonly type: "object"; readonly properties: { readonly [name: string]: ValueShape } };

export interface ContractParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly style?: string;
  readonly explode?: boolean;
  readonly shape: ValueShape;
}

export type ContractSecurityScheme =
  | { readonly type: "http"; readonly scheme: string }
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "oauth2" | "openIdConnect" | "mutualTLS" };

export interface ContractOperation {
  readonly operationId: string;
  readonly method: string;
  /** As in the spec: `/orders/{id}/capture/`. */
  readonly path: string;
  readonly parameters: readonly ContractParameter[];
  /** Alternatives, each the scheme names it needs together; an empty alternative (or no alternative) needs none. */
  readonly security: readonly (readonly string[])[];
  /** What a bad request gets: 400 where the spec documents a 400 and no 422, else 422 (Prism's choice). */
  readonly badRequestStatus: number;
  /** The shape of its `application/x-www-form-urlencoded` body's schema, if it takes one: how to type the fields. */
  readonly formBody?: ValueShape;
}

/** A header lookup, case-insensitive (the Fetch API's `Headers`, or a Node request's headers wrapped). */
export interface HeaderLookup {
  get(name: string): string | null;
}

/** The structural part of a validator's issue (the runtime's ValidationIssue). */
export interface IssueLike {
  /** JS-style path into the validated value: `body.lines[2].quantity`, `path.id`, `` for the root. */
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
}

/** One violation, as Prism reports them in a 422 body (`location`), with its JSON pointer. */
export interface Violation {
  readonly location: readonly string[];
  readonly pointer: string;
  readonly code: string;
  readonly message: string;
  readonly severity: "Error";
}

/**
 * `/orders/{id}/x` -> a RegExp over the path after the base path, and the parameter names in order. A `#fragment` of
 * the template is no part of it: a fragment is never sent (see `fragmentMatches`).
 */
export function pathPattern(template: string): { readonly source: string; readonly names: readonly string[] } {
  const names: string[] = [];
  const source = (template.split("#")[0] ?? "")
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name !== undefined) {
        names.push(name);
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { source, names };
}

/** The path parameters of `pathname` (already without the base path), or undefined when it is not this template. */
export function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const { source, names } = pathPattern(template);
  const match = new RegExp(`^${source}/?$`).exec(pathname);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  names.forEach((name, index) => {
    values[name] = safeDecode(match[index + 1] ?? "");
  });
  return values;
}

/**
 * Whether a request is the operation of a path template with a fragment. APIs.guru's AWS specs tell operations of one
 * path apart that way, and declare what the fragment names as a parameter (which the client sends):
 * `/#X-Amz-Target=CodeDeploy_20141006.ListApplications` (a header of that one value),
 * `/accesslogsubscriptions#resourceIdentifier` (a required query parameter). Each `name=value` of the fragment must be
 * the request's header or query parameter of that name; each bare `name` must be one of them. A template without a
 * fragment matches any request.
 */
export function fragmentMatches(template: string, headers: HeaderLookup, url: URL): boolean {
  const fragment = template.split("#")[1];
  if (fragment === undefined || fragment === "") return true;
  return fragment.split("&").every((item) => {
    const [name = "", value] = item.split("=").map(safeDecode);
    return value === undefined ? headers.get(name) !== null || url.searchParams.has(name) : headers.get(name) === value || url.searchParams.get(name) === value;
  });
}

/**
 * The order to try operations in: literal paths before templated ones (`/orders/search` is not `/orders/{id}`), and a
 * path whose fragment narrows it before the same path without one.
 */
export function bySpecificity(a: { readonly path: string }, b: { readonly path: string }): number {
  return pathPattern(a.path).names.length - pathPattern(b.path).names.length || Number(!a.path.includes("#")) - Number(!b.path.includes("#"));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A text value as its shape says; text that is not a number stays text, for the validator to name. */
function coerce(text: string, shape: ValueShape): unknown {
  switch (shape.type) {
    case "integer":
    case "number":
      return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "array":
      return text === "" ? [] : text.split(",").map((item) => coerce(item, shape.items));
    case "object": {
      const parts = text.split(",");
      const value = record<unknown>();
      for (let index = 0; index + 1 < parts.length; index += 2) {
        const name = parts[index] ?? "";
        value[name] = coerce(parts[index + 1] ?? "", Object.hasOwn(shape.properties, name) ? shape.properties[name]! : { type: "any" });
      }
      return value;
    }
    default:
      return text;
  }
}

function coerceAll(texts: readonly string[], shape: ValueShape): unknown {
  if (shape.type === "array") return texts.flatMap((text) => text.split(",")).map((item) => coerce(item, shape.items));
  return coerce(texts[texts.length - 1] ?? "", shape);
}

const DELIMITERS: Readonly<Record<string, string>> = { spaceDelimited: " ", pipeDelimited: "|" };

function queryValue(parameter: ContractParameter, query: URLSearchParams): unknown {
  const style = parameter.style ?? "form";
  if (style === "deepObject") {
    const value = record<unknown>();
    let found = false;
    query.forEach((text, key) => {
      if (!key.startsWith(`${parameter.name}[`)) return;
      const path = [...key.slice(parameter.name.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? "");
      if (path.length === 0) return;
      found = true;
      let node: Record<string, unknown> = value;
      let shape: ValueShape = parameter.shape;
      path.forEach((segment, index) => {
        shape = shape.type === "object" && Object.hasOwn(shape.properties, segment) ? shape.properties[segment]! : { type: "any" };
        if (index === path.length - 1) {
          node[segment] = coerce(text, shape);
        } else {
          const next = node[segment];
          node = next !== null && typeof next === "object" ? (next as Record<string, unknown>) : (node[segment] = record<unknown>());
        }
      });
    });
    return found ? value : undefined;
  }
  const texts = query.getAll(parameter.name);
  if (texts.length === 0) return undefined;
  const delimiter = DELIMITERS[style];
  if (delimiter !== undefined && parameter.shape.type === "array") {
    const items = parameter.shape.items;
    return texts.flatMap((text) => text.split(delimiter)).map((item) => coerce(item, items));
  }
  if (parameter.shape.type === "array" && (parameter.explode ?? true)) return texts.map((text) => coerce(text, (parameter.shape as { items: ValueShape }).items));
  return coerceAll(texts, parameter.shape);
}

function cookies(headers: HeaderLookup): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) found.set(part.slice(0, index).trim(), safeDecode(part.slice(index + 1).trim()));
  }
  return found;
}

/**
 * The request as the client's request validator takes it: `{ path, query, header, cookie, body }`, each parameter
 * under its name in the spec, typed as its schema says, only the ones sent.
 */
export function callInput(
  operation: ContractOperation,
  request: { readonly pathParams: Readonly<Record<string, string>>; readonly url: URL; readonly headers: HeaderLookup; readonly body: unknown },
): Record<string, unknown> {
  const input: Record<string, Record<string, unknown>> = {};
  const sent = cookies(request.headers);
  for (const parameter of operation.parameters) {
    let value: unknown;
    if (parameter.in === "path") {
      const text = request.pathParams[parameter.name];
      value = text === undefined ? undefined : coerce(text, parameter.shape);
    } else if (parameter.in === "query") {
      value = queryValue(parameter, request.url.searchParams);
    } else if (parameter.in === "header") {
      const text = request.headers.get(parameter.name);
      value = text === null ? undefined : coerce(text, parameter.shape);
    } else {
      const text = sent.get(parameter.name);
      value = text === undefined ? undefined : coerce(text, parameter.shape);
    }
    if (value !== undefined) (input[parameter.in] ??= {})[parameter.name] = value;
  }
  return request.body === undefined ? input : { ...input, body: request.body };
}

/**
 * An object for names a request chose: no prototype, so that a name such as `__proto__` (`filter[__proto__][x]=1`) is
 * a property like any other, not a way into Object.prototype, which every object of the process shares.
 */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A form field's value, built from its text or texts and its bracketed names before it is typed. */
type RawField = string | RawField[] | { [key: string]: RawField };

/** Where a text goes in the raw fields: `name`, `name[key][key]`, `name[]` (one more item). A repeated name adds an item. */
function placeField(fields: { [key: string]: RawField }, key: string, text: string): void {
  const name = /^[^[]*/.exec(key)?.[0] ?? key;
  const path = [name, ...[...key.slice(name.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? "")];
  let node: { [key: string]: RawField } | RawField[] = fields;
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    const fresh = (): RawField[] | { [key: string]: RawField } => (path[index + 1] === "" ? [] : record<RawField>());
    if (Array.isArray(node)) {
      if (last) {
        node.push(text);
      } else {
        const child = fresh();
        node.push(child);
        node = child;
      }
      return;
    }
    const existing: RawField | undefined = node[segment];
    if (last) {
      node[segment] = existing === undefined ? text : Array.isArray(existing) ? [...existing, text] : [existing, text];
    } else {
      const child = existing !== undefined && typeof existing === "object" ? existing : fresh();
      node[segment] = child;
      node = child;
    }
  });
}

/** A raw field typed as its shape says: texts coerced, one text of an array its only item, an object's JSON text parsed. */
function typedField(raw: RawField, shape: ValueShape): unknown {
  if (typeof raw === "string") {
    if (shape.type === "array") return [typedField(raw, shape.items)];
    if (shape.type === "object" || shape.type === "any") {
      if (/^\s*[{[]/.test(raw)) {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          return raw;
        }
      }
      return raw;
    }
    return coerce(raw, shape);
  }
  const items: RawField[] = Array.isArray(raw) ? raw : shape.type === "array" && Object.keys(raw).every((key) => /^\d+$/.test(key)) ? Object.values(raw) : [];
  if (Array.isArray(raw) || items.length > 0) {
    if (shape.type === "array") return items.map((item) => typedField(item, shape.items));
    return items.map((item) => typedField(item, shape));
  }
  const value = record<unknown>();
  for (const [key, item] of Object.entries(raw)) value[key] = typedField(item, shape.type === "object" && Object.hasOwn(shape.properties, key) ? shape.properties[key]! : { type: "any" });
  return value;
}

/**
 * A form body's fields as an object, as the client writes them (runtime/body.ts) and as form APIs read them: a
 * repeated name is an array, bracketed names (`metadata[order]`, `expand[]`, `lines[0][sku]`: the notation deepObject
 * starts, which Stripe's API reads) nest, and an object sent as JSON text is parsed. Each value is typed as the body's
 * schema says, so that `amount=100` is the number its schema wants.
 */
function formFields(form: URLSearchParams, shape: ValueShape): Record<string, unknown> {
  const fields = record<RawField>();
  form.forEach((text, key) => placeField(fields, key, text));
  return typedField(fields, shape) as Record<string, unknown>;
}

/**
 * The body as the client sends it: JSON parsed, form fields as an object (typed by `formShape`, the shape of the
 * operation's form body schema), anything else as text; none: undefined.
 */
export function parseBody(
  contentType: string | null,
  text: string,
  formShape: ValueShape = { type: "any" },
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string } {
  if (text === "") return { ok: true, value: undefined };
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { ok: false, message: `is not valid JSON (${(error as Error).message})` };
    }
  }
  if (type === "application/x-www-form-urlencoded") return { ok: true, value: formFields(new URLSearchParams(text), formShape) };
  return { ok: true, value: text };
}

function hasCredential(scheme: ContractSecurityScheme | undefined, headers: HeaderLookup, url: URL): boolean {
  if (scheme === undefined) return false;
  const authorization = headers.get("authorization") ?? "";
  switch (scheme.type) {
    case "http":
      return authorization.toLowerCase().startsWith(`${scheme.scheme.toLowerCase()} `) && authorization.trim().includes(" ");
    case "apiKey":
      if (scheme.in === "header") return headers.get(scheme.name) !== null;
      if (scheme.in === "query") return url.searchParams.has(scheme.name);
      return cookies(headers).has(scheme.name);
    case "oauth2":
    case "openIdConnect":
      return /^bearer \S/i.test(authorization);
    default:
      return true; // mutual TLS: not visible in a request
  }
}

/** Whether one of the operation's security alternatives is met (only presence is checked, as Prism does). */
export function credentialsPresent(
  operation: ContractOperation,
  schemes: Readonly<Record<string, ContractSecurityScheme>>,
  headers: HeaderLookup,
  url: URL,
): boolean {
  if (operation.security.length === 0) return true;
  return operation.security.some((alternative) => alternative.every((name) => hasCredential(schemes[name], headers, url)));
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `body.lines[2].quantity` / `body["x-id"]` -> `["body", "lines", "2", "quantity"]` / `["body", "x-id"]`. */
export function pathSegments(path: string): string[] {
  const segments: string[] = [];
  for (const match of path.matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    const quoted = match[3];
    segments.push(match[1] ?? match[2] ?? (quoted !== undefined ? (JSON.parse(quoted) as string) : ""));
  }
  return segments;
}

/** Issues -> violations, located under `prefix` (`[]` for a request's CallInput, `["body"]` for a response body). */
export function violationsOf(issues: readonly IssueLike[], prefix: readonly string[] = []): Violation[] {
  return issues.map((issue) => {
    const location = [...prefix, ...pathSegments(issue.path)];
    return {
      location,
      pointer: location.map((segment) => `/${escapePointerToken(segment)}`).join(""),
      code: issue.keyword,
      message: issue.message,
      severity: "Error",
    };
  });
}

/** An RFC 9457 problem, shaped as Prism's (`type`, `title`, `status`, `detail`, `validation`). */
export function problem(status: number, title: string, detail: string, validation?: readonly Violation[]): Record<string, unknown> {
  const slug = title.toUpperCase().replace(/[^A-Z]+/g, "_");
  return { type: `https://stoplight.io/prism/errors#${slug}`, title, status, detail, ...(validation ? { validation } : {}) };
}
