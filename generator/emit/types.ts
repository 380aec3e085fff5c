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
 * new version, and test/generator/types-transform.test.ts checks the output against `openapiTS()` itself: the same
 * text, but where openapi-typescript's does not compile (references it writes as indexed accesses that do not index:
 * `inlineUnindexableRefs`; the `WithRequired` of a nullable member: `withNullableWithRequired`; arrays through which a
 * schema contains itself: ./recursive-arrays.ts).
 */
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import type { Node as TsNode } from "typescript";
import transformSchema from "openapi-typescript/dist/transform/index.cjs";
import { astToString, stringToAST } from "openapi-typescript/dist/lib/ts.cjs";
import { resolveRef, scanDiscriminators } from "openapi-typescript/dist/lib/utils.cjs";
import { escapeToken, pointerOfRef, resolvePointer, tokensOf } from "../json-pointer.js";
import type { ApiModel } from "../model.js";
import { ts } from "../typescript.js";
import { withLazyRecursiveArrays } from "./recursive-arrays.js";

/**
 * What we ask of openapi-typescript.
 * - defaultNonNullable off: a property with a `default` may still be left out of a request body.
 * - emptyObjectsUnknown on: `{type: object}` with no properties is any object, as the validators check it
 *   (`Record<string, unknown>`). Upstream's default, `Record<string, never>`, gives a property no usable value (Medusa's
 *   `metadata`), and makes an `allOf` with such a member accept no object at all (Plaid's `allOf: [$ref, {type:
 *   object}]`). The one schema typed looser than before: `{type: object, additionalProperties: false}` with no
 *   properties, which only `{}` satisfies.
 */
export const OPENAPI_TS_OPTIONS = { silent: true, defaultNonNullable: false, emptyObjectsUnknown: true } as const satisfies OpenAPITSOptions;

/** The context `openapiTS(source, OPENAPI_TS_OPTIONS)` builds (openapi-typescript 7.x, dist/index.mjs), for `schema`. */
function transformContext(schema: OpenAPI3): GlobalContext {
  const options: OpenAPITSOptions = OPENAPI_TS_OPTIONS;
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
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
  inlineUnindexableRefs(document, model.document);
  return astToString(withLazyRecursiveArrays(transformSchema(document, transformContext(document)).map(withNullableWithRequired)));
}

/**
 * openapi-typescript writes an `allOf` member `$ref` whose properties the outer schema lists in `required` as
 * `WithRequired<Member, "a" | "b">`, with a helper whose keys must be `keyof Member`. When the member is nullable (a
 * 3.0 `nullable: true` or a 3.1 `type: [object, "null"]`), its type is `Member | null`, whose `keyof` is `never`, and
 * the line does not compile (Plaid's spec: `Cause` is `allOf: [PlaidError, ...]`, and PlaidError is nullable; its
 * own CLI writes the same). Our helper takes the keys of the member without its `null`. The result is the same type
 * wherever upstream's compiles; for a nullable member it is the object without `null`, as an intersection with the
 * required properties' object type is: the schema that lists them says the value is an object (where it may be null
 * itself, openapi-typescript writes `| null` around the whole).
 */
const WITH_REQUIRED = "type WithRequired<T, K extends keyof NonNullable<T>> = T & { [P in K]-?: NonNullable<T>[P] };";

function withNullableWithRequired(node: TsNode): TsNode {
  return ts.isTypeAliasDeclaration(node) && node.name.text === "WithRequired" ? (stringToAST(WITH_REQUIRED)[0] as TsNode) : node;
}

/**
 * openapi-typescript writes a `$ref` as an indexed access along its pointer, dropping only `properties` segments:
 * `#/components/schemas/Channel/properties/from/oneOf/0` becomes `components["schemas"]["Channel"]["from"]["oneOf"]["0"]`,
 * which does not compile (a union has no `oneOf` member; so for `items`, `allOf/N`, `$defs/x`, `definitions/x`...).
 * Vendors' specs have such references (Vonage's, Codat's; SureVoIP's through a media type's `schema`, see
 * `indexable`). So a schema reference that openapi-typescript cannot index is replaced, in the copy the types are
 * written from, by the schema it points at (the same type, written in place). Where such a schema contains itself
 * (Codat's `PushOption/definitions/pushOptionProperty`), the reference that recurs names a component schema added to
 * the copy under the pointer's path, `components["schemas"]["PushOption/definitions/pushOptionProperty"]`: a key with
 * a `/`, which no component of the spec can have (OpenAPI's component names are `[a-zA-Z0-9._-]+`).
 */
function inlineUnindexableRefs(document: unknown, original: unknown): void {
  const inlining = new Set<string>();
  const hoisted = new Map<string, string>();
  /** Adds the schema at `pointer` to the copy's component schemas (once), and gives its key. */
  const hoist = (pointer: string, target: unknown): string => {
    let key = hoisted.get(pointer);
    if (key !== undefined) return key;
    const tokens = tokensOf(pointer);
    key = (tokens[0] === "components" && tokens[1] === "schemas" ? tokens.slice(2) : tokens).join("/");
    hoisted.set(pointer, key);
    const root = document as { components?: { schemas?: Record<string, unknown> } };
    const schemas = ((root.components ??= {}).schemas ??= {});
    schemas[key] = {};
    schemas[key] = visit(structuredClone(target));
    return key;
  };
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) node[index] = visit(node[index]);
      return node;
    }
    if (node === null || typeof node !== "object") return node;
    const object = node as Record<string, unknown>;
    const ref = object["$ref"];
    if (typeof ref === "string" && !indexable(ref)) {
      const pointer = pointerOfRef(ref) ?? "";
      // From the document as loaded: the copy's own subschemas may have been rewritten already.
      const target = resolvePointer(original, pointer);
      if (target !== undefined) {
        const { $ref: _ref, ...siblings } = object;
        let inlined: unknown;
        if (inlining.has(ref)) {
          inlined = { $ref: `#/components/schemas/${escapeToken(hoist(pointer, target))}` };
        } else {
          inlining.add(ref);
          inlined = visit(structuredClone(target));
          inlining.delete(ref);
        }
        return Object.keys(siblings).length === 0 ? inlined : { ...siblings, allOf: [inlined] };
      }
    }
    for (const key of Object.keys(object)) object[key] = visit(object[key]);
    return object;
  };
  visit(document);
}

/**
 * Whether openapi-typescript's indexed access for `ref` compiles: a component schema, then properties only; anywhere
 * else (a path's or a component's parameter, response, request body), a reference that does not go through a
 * `schema`. In openapi-typescript's types a media type and a parameter are their schema's type, so an access through
 * `["schema"]` (SureVoIP's `text/xml` response refers to the `application/json` one's schema) does not compile.
 */
function indexable(ref: string): boolean {
  const pointer = pointerOfRef(ref);
  if (pointer === undefined) return true;
  const tokens = tokensOf(pointer);
  if (tokens[0] !== "components" || tokens[1] !== "schemas") return !tokens.includes("schema");
  const rest = tokens.slice(3);
  return rest.length % 2 === 0 && rest.every((token, index) => index % 2 === 1 || token === "properties");
}
