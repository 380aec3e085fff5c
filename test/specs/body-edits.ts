/** Helpers of the invalid-body tests: the documents' example bodies, and copies of them with one value changed. */
import { readFileSync } from "node:fs";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** `test/fixtures/<spec>/<name>.json`: an example body extracted verbatim from the spec's source document. */
export function fixture(spec: string, name: string): Json {
  return JSON.parse(readFileSync(new URL(`../fixtures/${spec}/${name}.json`, import.meta.url), "utf8")) as Json;
}

/** A deep copy of `body` with the value at JSON pointer `pointer` replaced or added, or removed for `undefined`. */
export function withValue(body: Json, pointer: string, value: Json | undefined): Json {
  const copy = structuredClone(body);
  const parts = pointer.split("/").slice(1);
  const last = parts.pop();
  if (last === undefined) throw new Error(`pointer ${pointer} names the root`);
  let at: Json | undefined = copy;
  for (const part of parts) {
    at = Array.isArray(at) ? at[Number(part)] : at !== null && typeof at === "object" ? at[part] : undefined;
  }
  if (Array.isArray(at) && value !== undefined) at[Number(last)] = value;
  else if (at !== null && typeof at === "object" && !Array.isArray(at)) {
    if (value === undefined) delete at[last];
    else at[last] = value;
  } else throw new Error(`cannot set ${pointer}: no object or array at its parent`);
  return copy;
}
