/**
 * `x-payspec-paging`: how a spec says that an operation returns one page of a longer list, so that the client can
 * walk every page with `for await`. The generator reads it from `Operation.extensions`, never from a platform's name:
 *
 * ```yaml
 * get:
 *   operationId: getRefunds
 *   x-payspec-paging:
 *     page: page                                # the query parameter that numbers pages (required)
 *     size: limit                               # the query parameter that sets the page size (optional)
 *     items: /data                              # JSON pointer to the items in the success body; "" for a bare array
 *     totalPages: /meta/pagination/total_pages  # JSON pointer to the number of pages, if the API says it (optional)
 *     firstPage: 1                              # the first page's number (optional: the page parameter's default, else 1)
 * ```
 *
 * Keys starting with `x-` (such as this project's `x-inferred` notes) are allowed beside these.
 *
 * The walk asks for the next page number until a page is empty, the last page (`totalPages`) has been read, or a
 * page holds fewer items than the page size (the `size` the caller gave, else its parameter's default).
 */
import { specError } from "../errors.js";
import { pointerOfRef, resolvePointer, tokensOf } from "../json-pointer.js";
import type { ApiModel, JsonSchema, Operation } from "../model.js";

export const PAGING_EXTENSION = "x-payspec-paging";

/** What the runtime's `PagingInfo` holds for an operation. */
export interface Paging {
  readonly page: string;
  readonly firstPage: number;
  readonly size?: string;
  readonly defaultSize?: number;
  readonly items: string;
  readonly totalPages?: string;
}

const KEYS = ["page", "size", "items", "totalPages", "firstPage"];

/** The operation's paging, checked against its parameters and its success schema; undefined when it has none. */
export function pagingOf(model: ApiModel, operation: Operation): Paging | undefined {
  const declared = operation.extensions[PAGING_EXTENSION];
  if (declared === undefined) return undefined;
  const fail = (message: string, hint: string): never => {
    throw specError({
      file: model.file ?? model.name,
      pointer: `${operation.pointer}/${PAGING_EXTENSION}`,
      message: `${operation.operationId}: ${PAGING_EXTENSION} ${message}`,
      hint,
    });
  };
  const example = "for example { page: page, size: limit, items: /data, totalPages: /meta/pagination/total_pages }";
  if (declared === null || typeof declared !== "object" || Array.isArray(declared)) fail("must be an object", example);
  const fields = declared as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !KEYS.includes(key) && !key.startsWith("x-"));
  if (unknown.length > 0) fail(`has unknown keys ${unknown.map((key) => JSON.stringify(key)).join(", ")}`, `its keys are ${KEYS.join(", ")}`);

  const queryParameter = (key: "page" | "size") => {
    const name = fields[key];
    if (name === undefined && key === "size") return undefined;
    const parameter = operation.parameters.find((candidate) => candidate.in === "query" && candidate.name === name);
    if (typeof name !== "string" || parameter === undefined) {
      const names = operation.parameters.filter((candidate) => candidate.in === "query").map((candidate) => candidate.name);
      return fail(`${key} must name one of the operation's query parameters, found ${JSON.stringify(name)}`, `its query parameters are ${names.join(", ") || "none"}`);
    }
    return parameter;
  };
  const pointer = (key: "items" | "totalPages"): string | undefined => {
    const value = fields[key];
    if (value === undefined && key === "totalPages") return undefined;
    if (typeof value !== "string" || (value !== "" && !value.startsWith("/"))) {
      return fail(`${key} must be a JSON pointer into the success body ("" for the body itself), found ${JSON.stringify(value)}`, example);
    }
    return value;
  };

  const page = queryParameter("page")!;
  const size = queryParameter("size");
  const items = pointer("items") as string;
  const totalPages = pointer("totalPages");
  const firstPage = fields["firstPage"] ?? wholeDefault(page.schema) ?? 1;
  if (typeof firstPage !== "number" || !Number.isInteger(firstPage) || firstPage < 0) {
    fail(`firstPage must be a whole number >= 0, found ${JSON.stringify(firstPage)}`, "0 or 1, as the API numbers its first page");
  }
  checkItems(model, operation, items, fail);
  const defaultSize = size === undefined ? undefined : wholeDefault(size.schema);
  return {
    page: page.name,
    firstPage: firstPage as number,
    ...(size !== undefined ? { size: size.name } : {}),
    ...(defaultSize !== undefined ? { defaultSize } : {}),
    items,
    ...(totalPages !== undefined ? { totalPages } : {}),
  };
}

/** The TypeScript type of one item, from the type of the success body: `NonNullable<R["data"]>[number]`. */
export function itemType(responseType: string, items: string): string {
  let type = responseType;
  for (const token of tokensOf(items)) type = `NonNullable<${type}[${JSON.stringify(token)}]>`;
  return `${type}[number]`;
}

function wholeDefault(schema: JsonSchema): number | undefined {
  const value = typeof schema === "object" ? schema["default"] : undefined;
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** The items pointer must reach an array in the first 2xx JSON schema (as far as the schema says). */
function checkItems(model: ApiModel, operation: Operation, items: string, fail: (message: string, hint: string) => never): void {
  const success = operation.responses.find((response) => /^2(\d\d|XX)$/i.test(response.status));
  const media = success?.content.find((candidate) => /[/+]json\b/i.test(candidate.contentType));
  if (success === undefined || media?.schema === undefined) {
    fail("is set on an operation without a JSON success response", "paging reads the items from the success body");
    return;
  }
  let schema: JsonSchema | undefined = media.schema;
  for (const token of tokensOf(items)) {
    schema = property(model, schema, token);
    if (schema === undefined) fail(`items ${JSON.stringify(items)} names no property of the ${success.status} response's schema (${JSON.stringify(token)})`, "point at the array of items, e.g. /data");
  }
  const type = typeof schema === "object" ? resolved(model, schema)?.["type"] : undefined;
  if (type !== undefined && type !== "array" && !(Array.isArray(type) && type.includes("array"))) {
    fail(`items ${JSON.stringify(items)} is not an array in the ${success.status} response's schema`, "point at the array of items, e.g. /data");
  }
}

/** A schema with its local `$ref`s followed (a few levels), or undefined for `true`/`false` and refs elsewhere. */
function resolved(model: ApiModel, schema: JsonSchema): Readonly<Record<string, unknown>> | undefined {
  let current: JsonSchema | undefined = schema;
  for (let depth = 0; depth < 20 && typeof current === "object" && typeof current["$ref"] === "string"; depth++) {
    const pointer = pointerOfRef(current["$ref"]);
    current = pointer === undefined ? undefined : (resolvePointer(model.document, pointer) as JsonSchema | undefined);
  }
  return typeof current === "object" && current !== null ? current : undefined;
}

/** The schema of a property (in `properties`, or in an `allOf` branch's); undefined when the schema does not declare it. */
function property(model: ApiModel, schema: JsonSchema, name: string): JsonSchema | undefined {
  const object = resolved(model, schema);
  if (object === undefined) return undefined;
  const properties = object["properties"] as Record<string, JsonSchema> | undefined;
  if (properties !== undefined && Object.hasOwn(properties, name)) return properties[name];
  for (const branch of (object["allOf"] as JsonSchema[] | undefined) ?? []) {
    const found = property(model, branch, name);
    if (found !== undefined) return found;
  }
  return undefined;
}
