/** What the comparisons share: following `$ref`s to where a node is written, pairing media types, naming operations. */
import { pointerOfRef, resolvePointer } from "../json-pointer.js";
import type { ApiModel, MediaType, Operation } from "../model.js";
import type { WireChange, WireChangeInput } from "./change.js";
import type { SchemaAt } from "./schema-compare.js";

/** Records a change found (its level from the catalogue). */
export type Emit = (input: WireChangeInput) => void;
/** Records a change already made (by the schema comparison). */
export type Sink = (change: WireChange) => void;

const MAX_REF_HOPS = 64;

/** The node at `pointer`, `$ref`s followed, and where it is written. */
export function follow(document: unknown, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; isObj(current) && typeof current["$ref"] === "string" && hops < MAX_REF_HOPS; hops++) {
    const target = pointerOfRef(current["$ref"]);
    if (target === undefined) break;
    at = target;
    current = resolvePointer(document, target);
  }
  return { node: current, pointer: at };
}

export function pairMedia(before: readonly MediaType[], after: readonly MediaType[]): Array<[MediaType | undefined, MediaType | undefined]> {
  const types = [...new Set([...before.map((media) => media.contentType), ...after.map((media) => media.contentType)])].sort();
  return types.map((type) => [before.find((media) => media.contentType === type), after.find((media) => media.contentType === type)]);
}

export function mediaSchemaAt(model: ApiModel, media: MediaType): SchemaAt {
  return { document: model.document, schema: media.schema, pointer: media.schemaPointer ?? "" };
}

/** `` `POST /orders` `` */
export function verb(operation: Operation): string {
  return `\`${operation.method.toUpperCase()} ${operation.path}\``;
}

export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isObj(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => deepEqual(item, (b as unknown[])[index]));
  const aKeys = Object.keys(a as object);
  const bKeys = Object.keys(b as object);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.hasOwn(b as object, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
