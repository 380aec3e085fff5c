/**
 * Turns the model's schemas into one JSON Schema 2020-12 document that Ajv compiles: every named schema, the
 * request and response views of them (OpenAPI's readOnly / writeOnly rules), and one schema per operation for its
 * request (`{ path, query, header, cookie, body }`) and for each documented JSON response body.
 *
 * Layout of the document (`$defs` keys cannot collide with each other: each kind has its own prefix):
 *   s:<Name>           a named schema as written (3.0 schemas converted to 2020-12)
 *   rq:<Name>          its request view (readOnly properties not required), only where that differs from s:<Name>
 *   rs:<Name>          its response view (writeOnly properties not required), likewise
 *   p<n>               a schema that a `$ref` reaches outside `#/components/schemas` (kept once, by pointer)
 *   op:<id>:request    an operation's request
 *   op:<id>:<status>   an operation's response body for that status
 */
import type { ApiModel, JsonSchema, Operation, MediaType, SecurityScheme } from "../model.js";

type Obj = Record<string, unknown>;
export type ViewKind = "schema" | "request" | "response";

export const SCHEMA_SET_ID = "payspec:validators";

export interface OperationSchemas {
  readonly operationId: string;
  /** `$defs` key of the request schema, absent when the operation has no parameter and no body to check. */
  readonly request?: string;
  /**
   * Every documented status as written in the spec, with the `$defs` key of its body schema, or `undefined` when the
   * response has no JSON body to check (a 204, a file download): the client must not fall back to `4XX`/`default`.
   */
  readonly responses: ReadonlyArray<readonly [status: string, key: string | undefined]>;
}

export interface SchemaSet {
  /** The document Ajv compiles: `{ $id, $defs }`. */
  readonly root: Obj;
  /** Named schema -> `$defs` key of its own (unviewed) schema, in the model's order. */
  readonly named: ReadonlyArray<readonly [name: string, key: string]>;
  /** `$defs` key -> JSON pointer of its schema in the bundled document, for the keys that have one (s:, p, views). */
  readonly pointers: Readonly<Record<string, string>>;
  readonly operations: readonly OperationSchemas[];
  /** `format` values used by the spec that neither JSON Schema nor ajv-formats define: compiled as annotations. */
  readonly unknownFormats: readonly string[];
  /** Every `x-` keyword the schemas use, declared to Ajv as annotations. */
  readonly extensionKeywords: readonly string[];
  /** Whether any schema uses `unevaluatedProperties` or `unevaluatedItems`. */
  readonly usesUnevaluated: boolean;
  /** Whether any schema uses `$dynamicRef`/`$dynamicAnchor` (or draft 2019's `$recursiveRef`/`$recursiveAnchor`). */
  readonly usesDynamicRefs: boolean;
}

const UNEVALUATED_KEYWORDS = new Set(["unevaluatedProperties", "unevaluatedItems"]);
const DYNAMIC_REF_KEYWORDS = new Set(["$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor"]);

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set([
  "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "additionalItems", "contains",
  "propertyNames", "not", "if", "then", "else", "contentSchema",
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]);

/** Formats that Ajv + ajv-formats check (full mode) or that JSON Schema defines. */
export const CHECKED_FORMATS = new Set([
  "date", "time", "date-time", "iso-time", "iso-date-time", "duration", "uri", "uri-reference", "uri-template", "url",
  "email", "hostname", "ipv4", "ipv6", "regex", "uuid", "json-pointer", "json-pointer-uri-fragment",
  "relative-json-pointer", "byte", "int32", "int64", "float", "double", "password", "binary",
]);

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON pointer token (RFC 6901): `~` and `/` escaped, nothing else. */
function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function escapePointerSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1")).replace(/%3A/g, ":");
}

function unescapePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}

export function defRef(key: string): string {
  return `#/$defs/${escapePointerSegment(key)}`;
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    if (!isObj(node) && !Array.isArray(node)) return undefined;
    node = (node as Obj)[unescapePointerSegment(raw)];
  }
  return node;
}

/** Applies `visit` to every subschema of `schema` (not to `schema` itself), rebuilding the tree. */
function mapSubschemas(schema: Obj, visit: (sub: JsonSchema) => JsonSchema): Obj {
  const out: Obj = {};
  for (const keyword in schema) {
    const value = schema[keyword];
    if (SCHEMA_KEYWORDS.has(keyword) && (isObj(value) || typeof value === "boolean")) {
      out[keyword] = visit(value);
    } else if ((SCHEMA_LIST_KEYWORDS.has(keyword) || keyword === "items") && Array.isArray(value)) {
      out[keyword] = value.map((item: JsonSchema) => visit(item));
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
      // fromEntries, not assignment: a property may be named `__proto__`.
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub as JsonSchema)]));
    } else {
      out[keyword] = value;
    }
  }
  return out;
}

/** Calls `visit` on `schema` and on every subschema of it, depth first, building nothing. */
function forEachSubschema(schema: JsonSchema, visit: (sub: Obj) => void): void {
  if (!isObj(schema)) return;
  visit(schema);
  for (const keyword in schema) {
    const value = schema[keyword];
    if (SCHEMA_KEYWORDS.has(keyword)) {
      forEachSubschema(value as JsonSchema, visit);
    } else if ((SCHEMA_LIST_KEYWORDS.has(keyword) || keyword === "items") && Array.isArray(value)) {
      for (const item of value) forEachSubschema(item as JsonSchema, visit);
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
      for (const name in value) forEachSubschema(value[name] as JsonSchema, visit);
    }
  }
}

/**
 * OpenAPI 3.0 Schema Object -> JSON Schema 2020-12: `nullable`, boolean `exclusiveMinimum/Maximum`, and `$ref`
 * siblings (ignored by 3.0, applied by 2020-12).
 */
export function convert30(schema: JsonSchema): JsonSchema {
  if (!isObj(schema)) return schema;
  if (typeof schema.$ref === "string") return { $ref: schema.$ref };
  const out = mapSubschemas(schema, convert30);
  for (const [bound, exclusive] of [["minimum", "exclusiveMinimum"], ["maximum", "exclusiveMaximum"]] as const) {
    if (typeof out[exclusive] === "boolean") {
      if (out[exclusive] === true && typeof out[bound] === "number") {
        out[exclusive] = out[bound];
        delete out[bound];
      } else {
        delete out[exclusive];
      }
    }
  }
  if (out.nullable !== undefined) {
    const nullable = out.nullable === true;
    delete out.nullable;
    if (nullable) {
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      if (typeof out.type === "string") return { ...out, type: [out.type, "null"] };
      if (Array.isArray(out.type)) return out.type.includes("null") ? out : { ...out, type: [...out.type, "null"] };
      return { anyOf: [out, { type: "null" }] };
    }
  }
  return out;
}

interface Ctx {
  readonly model: ApiModel;
  readonly is30: boolean;
  /** pointer (without `#`) -> `$defs` key, for refs outside components/schemas. */
  readonly extraKeys: Map<string, string>;
  readonly extraOrder: string[];
}

/** Maps a `$ref` of the bundled document to the `$defs` key it names, plus the rest of the pointer. */
function refTarget(ctx: Ctx, ref: string): { key: string; rest: string; name?: string } {
  if (!ref.startsWith("#/")) {
    throw new Error(`validators: cannot compile $ref "${ref}": only local refs of the bundled document are supported`);
  }
  const pointer = ref.slice(1);
  const match = /^\/components\/schemas\/([^/]+)(\/.*)?$/.exec(pointer);
  if (match?.[1] !== undefined) {
    const name = unescapePointerSegment(match[1]);
    if (name in ctx.model.schemas) return { key: `s:${name}`, rest: match[2] ?? "", name };
  }
  let key = ctx.extraKeys.get(pointer);
  if (key === undefined) {
    if (resolvePointer(ctx.model.document, pointer) === undefined) {
      throw new Error(`validators: $ref "${ref}" points at nothing in the bundled document`);
    }
    key = `p${ctx.extraKeys.size}`;
    ctx.extraKeys.set(pointer, key);
    ctx.extraOrder.push(pointer);
  }
  return { key, rest: "" };
}

/** Rewrites `$ref`s to the `$defs` layout and drops keywords that would move the base URI. */
function normalise(ctx: Ctx, schema: JsonSchema): JsonSchema {
  if (!isObj(schema)) return schema;
  const source = ctx.is30 ? convert30(schema) : schema;
  if (!isObj(source)) return source;
  const out = mapSubschemas(source, (sub) => normalise(ctx, sub));
  delete out.$id;
  delete out.$schema;
  if (typeof out.$ref === "string") {
    const target = refTarget(ctx, out.$ref);
    out.$ref = defRef(target.key) + target.rest;
  }
  return out;
}

/** The flag a view ignores in `required`: readOnly for requests, writeOnly for responses. */
function viewFlag(kind: ViewKind): string | undefined {
  return kind === "request" ? "readOnly" : kind === "response" ? "writeOnly" : undefined;
}

interface Views {
  /** `$defs` key -> normalised schema (s:, p keys). */
  readonly defs: Map<string, Obj | boolean>;
  /** kinds -> keys whose view differs from the plain schema. */
  readonly differs: Record<"request" | "response", Set<string>>;
}

function parseDefRef(ref: string): { key: string; rest: string } | undefined {
  const match = /^#\/\$defs\/([^/]+)(\/.*)?$/.exec(ref);
  if (match?.[1] === undefined) return undefined;
  return { key: unescapePointerSegment(match[1]), rest: match[2] ?? "" };
}

/** Whether a property schema carries `flag`, directly or on the schema its `$ref` names. */
function propertyFlagged(views: Views, property: unknown, flag: string): boolean {
  if (!isObj(property)) return false;
  if (property[flag] === true) return true;
  if (typeof property.$ref === "string") {
    const target = parseDefRef(property.$ref);
    if (target && target.rest === "") {
      const def = views.defs.get(target.key);
      return isObj(def) && def[flag] === true;
    }
  }
  return false;
}

/** Property names flagged in `schema.properties` or in those of its `allOf` members (resolved one `$ref` deep). */
function flaggedNames(views: Views, schema: Obj, flag: string, seen = new Set<Obj>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(schema)) return names;
  seen.add(schema);
  if (isObj(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (propertyFlagged(views, property, flag)) names.add(name);
    }
  }
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      let resolved: unknown = member;
      if (isObj(member) && typeof member.$ref === "string") {
        const target = parseDefRef(member.$ref);
        resolved = target && target.rest === "" ? views.defs.get(target.key) : undefined;
      }
      if (isObj(resolved)) for (const name of flaggedNames(views, resolved, flag, seen)) names.add(name);
    }
  }
  return names;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The names a view hides at this level of `schema`: `inherited` from an enclosing allOf, and those flagged here.
 * Only `required` and allOf members read them, so a level with neither has none to compute.
 */
function hiddenNames(views: Views, kind: "request" | "response", schema: Obj, inherited: ReadonlySet<string>): ReadonlySet<string> {
  if (!Array.isArray(schema.required) && !Array.isArray(schema.allOf)) return inherited;
  const own = flaggedNames(views, schema, viewFlag(kind)!);
  return own.size === 0 ? inherited : new Set([...inherited, ...own]);
}

/** Drops flagged properties from `required` at every level; `inherited` are the names flagged by an enclosing allOf. */
function applyView(views: Views, kind: "request" | "response", schema: JsonSchema, inherited: ReadonlySet<string> = NO_NAMES): JsonSchema {
  if (!isObj(schema)) return schema;
  const hidden = hiddenNames(views, kind, schema, inherited);
  const out: Obj = mapSubschemas(schema, (sub) => applyView(views, kind, sub));
  if (Array.isArray(schema.allOf)) {
    out.allOf = schema.allOf.map((member: JsonSchema) => applyView(views, kind, member, hidden));
  }
  if (Array.isArray(out.required) && hidden.size > 0) {
    out.required = out.required.filter((name) => !hidden.has(String(name)));
  }
  if (typeof out.$ref === "string") {
    const target = parseDefRef(out.$ref);
    if (target && views.differs[kind].has(target.key)) out.$ref = defRef(viewKey(kind, target.key)) + target.rest;
  }
  return out;
}

function viewKey(kind: "request" | "response", key: string): string {
  return `${kind === "request" ? "rq" : "rs"}:${key}`;
}

/** The `$defs` keys `schema` refers to (`#/$defs/<key>...`), at any depth. */
export function refKeysOf(schema: JsonSchema): Set<string> {
  const keys = new Set<string>();
  forEachSubschema(schema, (sub) => {
    if (typeof sub.$ref === "string") {
      const target = parseDefRef(sub.$ref);
      if (target) keys.add(target.key);
    }
  });
  return keys;
}

/**
 * Whether the view drops a name from some `required` of `schema` itself, `$ref`s not followed: whether applyView,
 * refs aside, would change it. The same walk as applyView's, building nothing.
 */
function viewChangesOwnRequired(views: Views, kind: "request" | "response", schema: JsonSchema, inherited: ReadonlySet<string> = NO_NAMES): boolean {
  if (!isObj(schema)) return false;
  const hidden = hiddenNames(views, kind, schema, inherited);
  if (hidden.size > 0 && Array.isArray(schema.required) && schema.required.some((name) => hidden.has(String(name)))) return true;
  for (const keyword in schema) {
    const value = schema[keyword];
    if (keyword === "allOf" && Array.isArray(value)) {
      if (value.some((member: JsonSchema) => viewChangesOwnRequired(views, kind, member, hidden))) return true;
    } else if (SCHEMA_KEYWORDS.has(keyword)) {
      if (viewChangesOwnRequired(views, kind, value as JsonSchema)) return true;
    } else if ((SCHEMA_LIST_KEYWORDS.has(keyword) || keyword === "items") && Array.isArray(value)) {
      if (value.some((item: JsonSchema) => viewChangesOwnRequired(views, kind, item))) return true;
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
      for (const name in value) if (viewChangesOwnRequired(views, kind, value[name] as JsonSchema)) return true;
    }
  }
  return false;
}

function computeDiffering(views: Views, kind: "request" | "response"): void {
  const differs = views.differs[kind];
  const refs = new Map<string, Set<string>>();
  for (const [key, schema] of views.defs) {
    refs.set(key, refKeysOf(schema));
    if (viewChangesOwnRequired(views, kind, schema)) differs.add(key);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, targets] of refs) {
      if (!differs.has(key) && [...targets].some((target) => differs.has(target))) {
        differs.add(key);
        changed = true;
      }
    }
  }
}

function isJsonMedia(contentType: string): boolean {
  const base = contentType.split(";")[0]!.trim().toLowerCase();
  return base === "application/json" || base.endsWith("+json") || base === "*/*";
}

/** The body schema a client sends or receives as a JS value: JSON first, then form bodies (also plain objects). */
function bodySchema(content: readonly MediaType[]): JsonSchema | undefined {
  const json = content.find((media) => isJsonMedia(media.contentType) && media.schema !== undefined);
  if (json) return json.schema;
  const form = content.find(
    (media) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(media.contentType) && media.schema !== undefined,
  );
  return form?.schema;
}

/**
 * Header parameters OpenAPI says to ignore (Accept, Content-Type, Authorization) and headers that carry credentials
 * (Cookie, Proxy-Authorization): never validated, so their values never reach an issue.
 */
const UNVALIDATED_HEADERS = new Set(["accept", "content-type", "authorization", "proxy-authorization", "cookie"]);

/** Parameters that are not the caller's to validate: credentials (an apiKey scheme's parameter) and the above. */
function isCredentialParameter(schemes: Readonly<Record<string, SecurityScheme>>, location: string, name: string): boolean {
  if (location === "header" && UNVALIDATED_HEADERS.has(name.toLowerCase())) return true;
  return Object.values(schemes).some(
    (scheme) => scheme.type === "apiKey" && scheme.in === location && scheme.name.toLowerCase() === name.toLowerCase(),
  );
}

function requestSchema(ctx: Ctx, views: Views, operation: Operation): Obj | undefined {
  const properties: Obj = {};
  const required: string[] = [];
  for (const location of ["path", "query", "header", "cookie"] as const) {
    const parameters = operation.parameters.filter(
      (parameter) => parameter.in === location && !isCredentialParameter(ctx.model.securitySchemes, location, parameter.name),
    );
    if (parameters.length === 0) continue;
    const locationProperties: Obj = {};
    const locationRequired: string[] = [];
    for (const parameter of parameters) {
      locationProperties[parameter.name] = applyView(views, "request", normalise(ctx, parameter.schema));
      if (parameter.required) locationRequired.push(parameter.name);
    }
    properties[location] = {
      type: "object",
      properties: locationProperties,
      ...(locationRequired.length > 0 ? { required: locationRequired } : {}),
    };
    if (locationRequired.length > 0) required.push(location);
  }
  const body = operation.requestBody ? bodySchema(operation.requestBody.content) : undefined;
  if (body !== undefined) {
    properties.body = applyView(views, "request", normalise(ctx, body));
    if (operation.requestBody?.required) required.push("body");
  }
  if (Object.keys(properties).length === 0) return undefined;
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

export function buildSchemaSet(model: ApiModel): SchemaSet {
  const ctx: Ctx = { model, is30: model.openapiVersion.startsWith("3.0"), extraKeys: new Map(), extraOrder: [] };
  const defs = new Map<string, Obj | boolean>();
  for (const [name, schema] of Object.entries(model.schemas)) {
    defs.set(`s:${name}`, normalise(ctx, schema) as Obj | boolean);
  }
  // Refs outside components/schemas, found while normalising (and transitively, as they are normalised in turn).
  const operationDefs: Array<[string, Obj]> = [];
  const views: Views = { defs, differs: { request: new Set(), response: new Set() } };

  // Normalise every response schema first so that all extra pointers are known before the views are computed.
  const normalisedOps = model.operations.map((operation) => {
    const bodies = operation.responses.map((response) => {
      const schema = bodySchema(response.content);
      return [response.status, schema === undefined ? undefined : normalise(ctx, schema)] as const;
    });
    return { operation, bodies };
  });
  for (let index = 0; index < ctx.extraOrder.length; index++) {
    const pointer = ctx.extraOrder[index]!;
    defs.set(ctx.extraKeys.get(pointer)!, normalise(ctx, resolvePointer(model.document, pointer) as JsonSchema) as Obj | boolean);
  }
  computeDiffering(views, "request");
  computeDiffering(views, "response");

  const operations: OperationSchemas[] = [];
  for (const { operation, bodies } of normalisedOps) {
    const request = requestSchema(ctx, views, operation);
    // requestSchema may have met new extra pointers (parameters): add them, they cannot carry readOnly views.
    for (const pointer of ctx.extraOrder) {
      const key = ctx.extraKeys.get(pointer)!;
      if (!defs.has(key)) defs.set(key, normalise(ctx, resolvePointer(model.document, pointer) as JsonSchema) as Obj | boolean);
    }
    let requestKey: string | undefined;
    if (request) {
      requestKey = `op:${operation.operationId}:request`;
      operationDefs.push([requestKey, request]);
    }
    const responses: Array<readonly [string, string | undefined]> = [];
    for (const [status, schema] of bodies) {
      if (schema === undefined) {
        responses.push([status, undefined]);
        continue;
      }
      const key = `op:${operation.operationId}:${status}`;
      operationDefs.push([key, applyView(views, "response", schema) as Obj]);
      responses.push([status, key]);
    }
    operations.push({ operationId: operation.operationId, ...(requestKey ? { request: requestKey } : {}), responses });
  }

  const allDefs: Obj = {};
  for (const [key, schema] of defs) allDefs[key] = schema;
  for (const kind of ["request", "response"] as const) {
    for (const [key, schema] of defs) {
      if (views.differs[kind].has(key)) allDefs[viewKey(kind, key)] = applyView(views, kind, schema);
    }
  }
  for (const [key, schema] of operationDefs) allDefs[key] = schema;

  const unknownFormats = new Set<string>();
  const extensionKeywords = new Set<string>();
  let usesUnevaluated = false;
  let usesDynamicRefs = false;
  for (const schema of Object.values(allDefs)) {
    forEachSubschema(schema as JsonSchema, (sub) => {
      if (typeof sub.format === "string" && !CHECKED_FORMATS.has(sub.format)) unknownFormats.add(sub.format);
      for (const keyword in sub) {
        if (keyword.startsWith("x-")) extensionKeywords.add(keyword);
        else if (UNEVALUATED_KEYWORDS.has(keyword)) usesUnevaluated = true;
        else if (DYNAMIC_REF_KEYWORDS.has(keyword)) usesDynamicRefs = true;
      }
    });
  }
  const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const pointers: Record<string, string> = {};
  for (const name of Object.keys(model.schemas)) pointers[`s:${name}`] = `/components/schemas/${escapePointerToken(name)}`;
  for (const [pointer, key] of ctx.extraKeys) pointers[key] = pointer;
  for (const kind of ["request", "response"] as const) {
    for (const key of views.differs[kind]) if (pointers[key] !== undefined) pointers[viewKey(kind, key)] = pointers[key];
  }
  return {
    root: { $id: SCHEMA_SET_ID, $defs: allDefs },
    pointers,
    named: Object.keys(model.schemas).map((name) => [name, `s:${name}`] as const),
    operations,
    unknownFormats: [...unknownFormats].sort(byCodeUnit),
    extensionKeywords: [...extensionKeywords].sort(byCodeUnit),
    usesUnevaluated,
    usesDynamicRefs,
  };
}
