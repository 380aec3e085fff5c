/**
 * `emitTypes`: `schema.ts`, openapi-typescript's types for the bundled document (`paths`, `operations`,
 * `components`, `webhooks`). We do not write our own JSON Schema -> TypeScript: openapi-typescript is the
 * reference for it, and the client's input/response types are indexed from its output.
 */
import openapiTS, { astToString } from "openapi-typescript";
import type { ApiModel } from "../model.js";

export async function emitTypes(model: ApiModel): Promise<string> {
  // openapi-typescript may mutate what it is given; it gets a copy so the model stays as loaded.
  const document = structuredClone(model.document) as unknown as Parameters<typeof openapiTS>[0];
  // defaultNonNullable off: a property with a `default` may still be left out of a request body.
  const ast = await openapiTS(document, { silent: true, defaultNonNullable: false });
  return astToString(ast);
}
