/**
 * The document a Redoc page is rendered from: a copy of the model's bundled document with a TypeScript sample on
 * every operation (`x-codeSamples`, Redoc's extension: `[{ lang, label, source }]`). The user's spec file is never
 * written; nor is the model, which other emitters share.
 */
import type { ApiModel } from "../generator/model.js";
import { typescriptSample, type SampleOptions } from "./code-sample.js";
import { deref, isObject, type JsonObject } from "./spec-objects.js";

export function documentForRedoc(model: ApiModel, options: SampleOptions): JsonObject {
  const document = structuredClone(model.document) as JsonObject;
  const paths = document["paths"];
  if (!isObject(paths)) return document;
  for (const operation of model.operations) {
    // A path item reached through a `$ref` may be shared by several paths: each gets its own copy to carry its samples.
    const item = deref(document, paths[operation.path]);
    if (!isObject(item)) continue;
    const ownItem = item === paths[operation.path] ? item : structuredClone(item);
    paths[operation.path] = ownItem;
    const target = ownItem[operation.method];
    if (!isObject(target)) continue;
    // Redoc routes an operation by its operationId (redoc-anchor.ts): give it the one the model derived, the same
    // the client method is named from, so the landing page can link to it.
    if (operation.operationIdDerived) target["operationId"] = operation.operationId;
    // The spec's own samples stay, after ours; the old spelling `x-code-samples` is merged in (Redoc shows one list).
    const existing = [target["x-codeSamples"], target["x-code-samples"]].flatMap((samples) => (Array.isArray(samples) ? samples : []));
    delete target["x-code-samples"];
    target["x-codeSamples"] = [typescriptSample(model, operation, options), ...existing];
  }
  return document;
}
