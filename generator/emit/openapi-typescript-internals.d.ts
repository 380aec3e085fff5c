/**
 * Types of the openapi-typescript 7 modules `emitTypes` loads directly (its package ships declarations for its
 * index only). Each is what dist/index.cjs re-exports or calls under the same name.
 */
declare module "openapi-typescript/dist/transform/index.cjs" {
  import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
  import type ts from "typescript";
  function transformSchema(schema: OpenAPI3, ctx: GlobalContext): ts.Node[];
  export = transformSchema;
}

declare module "openapi-typescript/dist/lib/ts.cjs" {
  export { astToString, stringToAST } from "openapi-typescript";
}

declare module "openapi-typescript/dist/lib/utils.cjs" {
  export { resolveRef, scanDiscriminators } from "openapi-typescript";
}
