/**
 * How an operation's input and result are typed, as TypeScript type expressions indexed into openapi-typescript's
 * `paths` type (`paths["/orders/{id}"]["get"]`), and which answers it declares. Shared by the client emitter and the
 * README emitter.
 */
import { pointerOfRef, resolvePointer } from "../json-pointer.js";
import type { ApiModel, JsonSchema, MediaType, Operation, OperationResponse, ParameterLocation } from "../model.js";
import { pascalCase } from "../names.js";
import { itemType, pagingOf, type Paging } from "./paging.js";

export interface InputPart {
  readonly location: ParameterLocation | "body";
  readonly required: boolean;
  /** The TypeScript type of the part. */
  readonly type: string;
}

/** A success the operation declares, for the runtime's `OperationInfo.responses` (see templates/runtime/operation.ts). */
export interface DeclaredSuccess {
  /** As written in the spec: `200`, `2XX`, `default`. */
  readonly status: string;
  readonly content: readonly string[];
  /** The top-level JSON types of its JSON body, when its schema says; undefined when it allows any. */
  readonly json?: readonly string[];
}

export interface OperationTypes {
  readonly inputName: string;
  readonly responseName: string;
  readonly parts: readonly InputPart[];
  /** True when any part is required: the input argument cannot be left out. */
  readonly inputRequired: boolean;
  /** The union of the declared successes' bodies (`undefined` for one without a body); `void` when none has one. */
  readonly responseType: string;
  /** The status and content type the result is read from, for docs; undefined when the result is `void`. */
  readonly success?: { readonly status: string; readonly contentType?: string };
  readonly bodyContentType?: string;
  /** The answers a 2xx status is checked against: the 2xx ones, and `default`. */
  readonly declared: readonly DeclaredSuccess[];
  /** Set for a paged operation (`x-payspec-paging`): how to walk it, and the name and type of one item. */
  readonly paging?: { readonly info: Paging; readonly itemName: string; readonly itemType: string };
}

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];

const isSuccess = (response: OperationResponse): boolean => /^2(\d\d|XX)$/i.test(response.status);

/**
 * `model` (the spec the operation is from) is needed for what reads the schemas behind `$ref`s and the operation's
 * extensions: the declared successes' JSON types, and paging. Without it those are left out (docs, diff).
 */
export function operationTypes(operation: Operation, model?: ApiModel): OperationTypes {
  const base = pascalCase(operation.methodName);
  const op = `paths[${JSON.stringify(operation.path)}][${JSON.stringify(operation.method)}]`;
  const parts: InputPart[] = [];

  for (const location of LOCATIONS) {
    const parameters = operation.parameters.filter((parameter) => parameter.in === location);
    if (parameters.length === 0) continue;
    const all = `NonNullable<${op}["parameters"][${JSON.stringify(location)}]>`;
    // Headers are those the model keeps: openapi-typescript's type may also list Accept, Content-Type or
    // Authorization parameters, which OpenAPI says are ignored and the loader leaves out.
    const full = location === "header" ? `Pick<${all}, ${parameters.map((parameter) => JSON.stringify(parameter.name)).join(" | ")}>` : all;
    const constants = location === "header" ? parameters.filter((parameter) => parameter.constantValue !== undefined) : [];
    const type =
      constants.length === 0
        ? full
        : constants.length === parameters.length
          ? `Partial<${full}>`
          : `OptionalKeys<${full}, ${constants.map((parameter) => JSON.stringify(parameter.name)).join(" | ")}>`;
    const required = parameters.some((parameter) => parameter.required && parameter.constantValue === undefined);
    parts.push({ location, required, type });
  }

  let bodyContentType: string | undefined;
  const body = operation.requestBody;
  if (body && body.content.length > 0) {
    const media = preferredMedia(body.content);
    if (media) {
      bodyContentType = media.contentType;
      parts.push({
        location: "body",
        required: body.required,
        type: `NonNullable<${op}["requestBody"]>["content"][${JSON.stringify(media.contentType)}]`,
      });
    }
  }

  // A 2xx status is read as the spec declares it: by its own entry, its range, else `default`.
  const successes = operation.responses.filter(isSuccess);
  const fallback = operation.responses.find((response) => response.status === "default");
  const typed = successes.length > 0 ? successes : fallback !== undefined ? [fallback] : [];
  const bodyTypes = typed.map((response) => {
    const media = preferredMedia(response.content);
    const statusKey = /^\d+$/.test(response.status) ? response.status : JSON.stringify(response.status);
    return media === undefined ? undefined : { response, media, type: `${op}["responses"][${statusKey}]["content"][${JSON.stringify(media.contentType)}]` };
  });
  const withBody = bodyTypes.filter((entry) => entry !== undefined);
  const responseType =
    withBody.length === 0 ? "void" : [...new Set([...withBody.map((entry) => entry.type), ...(withBody.length < bodyTypes.length ? ["undefined"] : [])])].join(" | ");
  // What the result is read from, for docs: the first 2xx response (a result read under `default` is not named).
  const first = successes[0];
  const firstBody = first === undefined ? undefined : bodyTypes[0];
  const success = first === undefined ? undefined : firstBody !== undefined ? { status: first.status, contentType: firstBody.media.contentType } : { status: first.status };

  const declared = [...successes, ...(fallback !== undefined ? [fallback] : [])].map((response): DeclaredSuccess => {
    const json = model === undefined ? undefined : jsonTypes(model, response.content.filter((media) => /[/+]json\b/i.test(media.contentType)));
    return { status: response.status, content: response.content.map((media) => media.contentType), ...(json !== undefined ? { json } : {}) };
  });

  const paging = model === undefined ? undefined : pagingOf(model, operation);
  return {
    inputName: `${base}Input`,
    responseName: `${base}Response`,
    parts,
    inputRequired: parts.some((part) => part.required),
    responseType,
    ...(success ? { success } : {}),
    ...(bodyContentType !== undefined ? { bodyContentType } : {}),
    declared,
    ...(paging !== undefined && firstBody !== undefined
      ? { paging: { info: paging, itemName: `${base}Item`, itemType: itemType(firstBody.type, paging.items) } }
      : {}),
  };
}

/** `application/json`, else another JSON type (`application/problem+json`), else the first one listed. */
export function preferredMedia(content: readonly MediaType[]): MediaType | undefined {
  return (
    content.find((media) => media.contentType === "application/json") ??
    content.find((media) => /[/+]json\b/i.test(media.contentType)) ??
    content[0]
  );
}

const JSON_TYPES = new Set(["object", "array", "string", "number", "boolean", "null"]);

/**
 * The JSON types the JSON bodies may have at the top, as far as their schemas say with `type` (after local `$ref`s;
 * `integer` is a number, 3.0's `nullable` adds null). Undefined when any of them allows any type: nothing to check.
 */
function jsonTypes(model: ApiModel, media: readonly MediaType[]): string[] | undefined {
  if (media.length === 0) return undefined;
  const types = new Set<string>();
  for (const { schema } of media) {
    let current: JsonSchema | undefined = schema;
    for (let depth = 0; depth < 20 && typeof current === "object" && typeof current["$ref"] === "string"; depth++) {
      const pointer = pointerOfRef(current["$ref"]);
      current = pointer === undefined ? undefined : (resolvePointer(model.document, pointer) as JsonSchema | undefined);
    }
    if (typeof current !== "object" || current === null) return undefined;
    const type = current["type"];
    const listed = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
    if (listed === undefined || listed.length === 0) return undefined;
    for (const name of listed) types.add(name === "integer" ? "number" : String(name));
    if (current["nullable"] === true) types.add("null");
  }
  if ([...types].some((type) => !JSON_TYPES.has(type))) return undefined;
  return [...types].sort();
}
