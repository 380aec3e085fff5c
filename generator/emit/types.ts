/**
 * `emitTypes`: `schema.ts`, openapi-typescript's types for the bundled document (`paths`, `operations`,
 * `components`, `webhooks`). We do not write our own JSON Schema -> TypeScript: openapi-typescript is the
 * reference for it, and the client's input/response types are indexed from its output.
 *
 * `openapiTS(document)` would first lint and bundle the document again with the Redocly it depends on (openapi-core
 * 1.x; ours is 2.x): a second Redocly to load and a second walk of a document `loadSpec` has already linted and
 * bundled into local `$ref`s only (bundling it again changes nothing). So we call the transform `openapiTS` runs
 * after that step, with the same context `openapiTS` builds from our options.
 *
 * Measured on GitHub's REST description (api.github.com.json from @octokit/openapi 23.0.2, 13 MB; 2 shared cores,
 * the same bundled document, one process): this transform 3.4 s, `openapiTS()` 5.4 s, identical text. The second
 * Redocly pass is 2.0 s, 37% of the types step, against a target for the whole generation of 1.5x openapi-typescript's
 * own ~4 s; on the four curated specs it is ~0.15 s of Redocly loading per run.
 *
 * That is why these are openapi-typescript's private modules (its `exports` map allows `./*`; the declarations of the
 * little we use are in openapi-typescript-internals.d.ts), and why package.json pins openapi-typescript to one exact
 * version: test/generator/openapi-typescript-pin.test.ts fails on an upgrade until this file is checked against the
 * new version, and test/generator/types-transform.test.ts checks the output against `openapiTS()` itself.
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
