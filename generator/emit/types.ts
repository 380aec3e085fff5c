/**
 * `emitTypes`: `schema.ts`, openapi-typescript's types for the bundled document (`paths`, `operations`,
 * `components`, `webhooks`). We do not write our own JSON Schema -> TypeScript: openapi-typescript is the
 * reference for it, and the client's input/response types are indexed from its output.
 *
 * `openapiTS(document)` would first lint and bundle the document again with the Redocly it depends on (openapi-core
 * 1.x; ours is 2.x): a second Redocly to load (~0.15 s) and a second walk of a document `loadSpec` has already linted
 * and bundled into local `$ref`s only (bundling it again changes nothing). So we call the transform `openapiTS`
 * runs after that step, with the same context `openapiTS` builds from our options: same output, checked by
 * `npm run generate -- --check` and test/generator/types-transform.test.ts against `openapiTS` itself.
 * The modules are openapi-typescript's own files (its `exports` map allows `./*`); openapi-typescript-internals.d.ts
 * declares the little we use of them.
 */
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import { requireLibrary } from "../libraries.js";
import type { ApiModel } from "../model.js";

const transformSchema = requireLibrary("openapi-typescript/dist/transform/index.cjs") as typeof import("openapi-typescript/dist/transform/index.cjs");
const { astToString } = requireLibrary("openapi-typescript/dist/lib/ts.cjs") as typeof import("openapi-typescript/dist/lib/ts.cjs");
const { resolveRef, scanDiscriminators } = requireLibrary("openapi-typescript/dist/lib/utils.cjs") as typeof import("openapi-typescript/dist/lib/utils.cjs");

/** What we ask of openapi-typescript. defaultNonNullable off: a property with a `default` may still be left out of a request body. */
export const OPENAPI_TS_OPTIONS = { silent: true, defaultNonNullable: false } as const satisfies OpenAPITSOptions;

/** The context `openapiTS(source, OPENAPI_TS_OPTIONS)` builds (openapi-typescript 7.x, dist/index.mjs), for `schema`. */
function transformContext(schema: OpenAPI3): GlobalContext {
  const options: OpenAPITSOptions = OPENAPI_TS_OPTIONS;
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by openapiTS's lint/bundle step only, which this path skips.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: options.silent ?? false,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(schema, $ref, { silent: options.silent ?? false });
    },
  };
}

export function emitTypes(model: ApiModel): string {
  // openapi-typescript may mutate what it is given; it gets a copy so the model stays as loaded.
  const document = structuredClone(model.document) as unknown as OpenAPI3;
  return astToString(transformSchema(document, transformContext(document)));
}
