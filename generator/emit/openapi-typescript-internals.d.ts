/**
 * Types of the openapi-typescript 7 modules `emitTypes` imports directly (its package ships declarations for its
 * index only). Each is what dist/index.mjs re-exports or calls under the same name.
 */
declare module "openapi-typescript/dist/transform/index.mjs" {
  import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
  import type ts from "typescript";
  export default function transformSchema(schema: OpenAPI3, ctx: GlobalContext): ts.Node[];
}

declare module "openapi-typescript/dist/lib/ts.mjs" {
  export { astToString } from "openapi-typescript";
}

declare module "openapi-typescript/dist/lib/utils.mjs" {
  export { resolveRef, scanDiscriminators } from "openapi-typescript";
}
