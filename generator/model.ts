/**
 * The generator's intermediate model: everything the emitters need, read from
 * a spec once by `loadSpec` (generator/load.ts). Plain data only, sorted so
 * that emitting from it is deterministic. No emitter reads the spec file again,
 * and nothing here knows a platform by name.
 */

import type { SpecProblem } from "./errors.js";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** A JSON Schema (or OpenAPI 3.0 Schema Object) exactly as it stands in the bundled spec. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

export interface ApiModel {
  /** Folder and module name, e.g. `nextcommerce` (from the spec file name or `--out`). */
  readonly name: string;
  /** The spec file as it was given, for error messages only: no emitter writes it. */
  readonly file?: string;
  /** Class name of the generated client, e.g. `NextCommerceClient` (from `info.title` unless overridden). */
  readonly clientName: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  /** `openapi` field of the spec, e.g. `3.0.3` or `3.1.0`. */
  readonly openapiVersion: string;
  readonly servers: readonly Server[];
  /** Sorted by scheme name. */
  readonly securitySchemes: Readonly<Record<string, SecurityScheme>>;
  /** Sorted by `path`, then by method in the order of `HttpMethod`. */
  readonly operations: readonly Operation[];
  /** `components.schemas`, sorted by name; `$ref`s point at `#/components/schemas/<name>`. */
  readonly schemas: Readonly<Record<string, JsonSchema>>;
  /** The whole bundled document (one file, local `$ref`s only), for emitters that hand it to a library. */
  readonly document: Readonly<Record<string, unknown>>;
  /**
   * What the loader accepted with an assumption (a style rule, a 3.0 keyword in a 3.1 file...): located, and saying
   * what was assumed. Emitters ignore them; the command prints them, and `--strict` refuses a spec that has any.
   */
  readonly warnings: readonly SpecProblem[];
}

export interface Server {
  readonly url: string;
  readonly description?: string;
  readonly variables: Readonly<Record<string, ServerVariable>>;
}

export interface ServerVariable {
  readonly default: string;
  readonly enum?: readonly string[];
  readonly description?: string;
}

export type SecurityScheme =
  | { readonly type: "http"; readonly scheme: string; readonly bearerFormat?: string; readonly description?: string }
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string; readonly description?: string }
  | { readonly type: "oauth2"; readonly description?: string }
  | { readonly type: "openIdConnect"; readonly openIdConnectUrl: string; readonly description?: string }
  | { readonly type: "mutualTLS"; readonly description?: string };

/** One way to satisfy an operation's security: scheme name -> scopes (or role names, OpenAPI 3.1). */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface Operation {
  /** The spec's operationId, or one derived from method and path when the spec gives none. */
  readonly operationId: string;
  readonly operationIdDerived: boolean;
  /** A valid, unique TypeScript identifier in camelCase, used as the client method name. */
  readonly methodName: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  /** Path-level and operation-level parameters merged, sorted by location then name. */
  readonly parameters: readonly Parameter[];
  readonly requestBody?: RequestBody;
  /** Sorted by status code; `default` and ranges such as `4XX` are kept as written. */
  readonly responses: readonly OperationResponse[];
  /** Effective security (operation-level, else the document's); `[]` means none. */
  readonly security: readonly SecurityRequirement[];
  /** Effective servers (operation, path item, then document). */
  readonly servers: readonly Server[];
  /** The operation's `x-` extensions, as written. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** JSON pointer to the operation in the bundled document, e.g. `/paths/~1orders~1{number}/post`. */
  readonly pointer: string;
}

export interface Parameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: JsonSchema;
  readonly description?: string;
  readonly style?: string;
  readonly explode?: boolean;
  readonly deprecated: boolean;
  /** Set when the schema allows exactly one value (`const`, or a one-item `enum`): the client sends it itself. */
  readonly constantValue?: string;
}

export interface RequestBody {
  readonly required: boolean;
  readonly description?: string;
  /** Sorted by content type. */
  readonly content: readonly MediaType[];
}

export interface OperationResponse {
  /** `200`, `201`, `4XX`, `default`, ... */
  readonly status: string;
  readonly description: string;
  /** Sorted by content type. */
  readonly content: readonly MediaType[];
  readonly headers: Readonly<Record<string, { readonly required: boolean; readonly schema: JsonSchema }>>;
}

export interface MediaType {
  readonly contentType: string;
  readonly schema?: JsonSchema;
  /** JSON pointer of `schema` in the bundled document, for emitters that compile it from there. */
  readonly schemaPointer?: string;
  /** The `style` and `explode` its `encoding` gives fields of a form body, by field name (only those that give one). */
  readonly encoding?: Readonly<Record<string, { readonly style?: string; readonly explode?: boolean }>>;
}
