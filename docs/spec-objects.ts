/**
 * Finding an operation's own objects (the operation, its parameters, its request body's media types) in the model's
 * bundled document (`ApiModel.document`: one file, local `$ref`s only). The model keeps what the client needs; the
 * docs also want what it leaves out (examples) and a place to add code samples, so they look here, in the same
 * document, never in the spec file again.
 */
import { pointerOfRef, resolvePointer } from "../generator/json-pointer.js";
import type { ApiModel, Operation } from "../generator/model.js";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value`, or what its local `$ref` (followed as many times as it takes) points at; undefined when it points nowhere. */
export function deref(document: unknown, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current["$ref"] === "string"; hops++) {
    const pointer = pointerOfRef(current["$ref"]);
    // The loader has already refused refs that point nowhere or go round in circles; this only stops a runaway.
    if (pointer === undefined || hops > 50) return undefined;
    current = resolvePointer(document, pointer);
  }
  return current;
}

/** The path item of an operation, followed through its `$ref` when the bundle kept one (`components/pathItems`). */
export function pathItemOf(document: JsonObject, operation: Operation): JsonObject | undefined {
  const paths = document["paths"];
  const item = isObject(paths) ? deref(document, paths[operation.path]) : undefined;
  return isObject(item) ? item : undefined;
}

export function operationObjectOf(document: JsonObject, operation: Operation): JsonObject | undefined {
  const raw = pathItemOf(document, operation)?.[operation.method];
  return isObject(raw) ? raw : undefined;
}

/**
 * The Parameter Objects of an operation by `"<in> <name>"`, path-level first and then the operation's own, which
 * override them (OpenAPI's rule, as the model merges them).
 */
export function parameterObjectsOf(model: ApiModel, operation: Operation): Map<string, JsonObject> {
  const document = model.document as JsonObject;
  const found = new Map<string, JsonObject>();
  for (const list of [pathItemOf(document, operation)?.["parameters"], operationObjectOf(document, operation)?.["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = deref(document, entry);
      if (isObject(parameter)) found.set(`${String(parameter["in"])} ${String(parameter["name"])}`, parameter);
    }
  }
  return found;
}

/** The Media Type Object of the operation's request body for `contentType`. */
export function requestMediaOf(model: ApiModel, operation: Operation, contentType: string): JsonObject | undefined {
  const document = model.document as JsonObject;
  const body = deref(document, operationObjectOf(document, operation)?.["requestBody"]);
  const content = isObject(body) ? body["content"] : undefined;
  const media = isObject(content) ? content[contentType] : undefined;
  return isObject(media) ? media : undefined;
}
