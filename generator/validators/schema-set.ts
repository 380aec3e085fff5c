/**
 * Turns the model's schemas into the set of JSON Schema 2020-12 resources Ajv compiles: every named schema, the
 * request and response views of them (OpenAPI's readOnly / writeOnly rules), and one schema per operation for its
 * request (`{ path, query, header, cookie, body }`) and for each documented JSON response body.
 *
 * Each entry is a schema resource of its own, `payspec:validators/<key>` (`resourceId`), so that a schema that is
 * both exported and referred to is one Ajv compilation, one function (Ajv's public API: `addSchema(schema, id)`,
 * and a `$ref` to that id). The keys (each kind has its own prefix, so they cannot collide):
 *   s:<Name>           a named schema as written (OpenAPI 3.0 keywords converted to 2020-12)
 *   rq:<Name>          its request view (readOnly properties not required), only where that differs from s:<Name>
 *   rs:<Name>          its response view (writeOnly properties not required), likewise
 *   p:<n>              a schema that a `$ref` reaches outside `#/components/schemas/<Name>` (kept once, by pointer)
 *   op:<id>:request    an operation's request
 *   op:<id>:<status>   an operation's response body for that status
 *   h:<n>              a subschema written alike in several places, compiled once (./shared-subschemas.ts)
 *
 * A spec's `$ref`s are document-relative (`#/components/schemas/Order`, `#anchor`); they are rewritten to the
 * resource ids. Inside a subschema with its own `$id`, refs stay as written: they resolve against that `$id`, as in
 * the spec. What the validators cannot check (an unknown keyword or format, a pattern that is not a valid regular
 * expression) is left as an annotation and reported in `warnings`, located in the spec.
 */
import type { SpecProblem } from "../errors.js";
import { childPointer, pointerOfRef, resolvePointer, unescapeToken } from "../json-pointer.js";
import type { ApiModel, JsonSchema, MediaType, Operation, SecurityScheme } from "../model.js";
import { convertOpenApiKeywords } from "./openapi-keywords.js";
import { forEachSubschema, isObj, mapSubschemas, SCHEMA_KEYWORDS, SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, setOwn, type Obj } from "./schema-walk.js";
import { parseResourceRef, RESOURCE_BASE, resourceId, resourceRefsOf } from "./resource-ids.js";
import { shareRepeatedSubschemas } from "./shared-subschemas.js";
import {
  CHECKED_FORMATS,
  DROPPED_ANNOTATIONS,
  DYNAMIC_KEYWORDS,
  KNOWN_KEYWORDS,
  OPENAPI_ANNOTATION_KEYWORDS,
  REGISTRY_ANNOTATION_FORMATS,
  UNEVALUATED_KEYWORDS,
} from "./vocabulary.js";

export type ViewKind = "request" | "response";

export { parseResourceRef, RESOURCE_BASE, resourceId, resourceRefsOf } from "./resource-ids.js";

export interface OperationSchemas {
  readonly operationId: string;
  /** Resource key of the request schema, absent when the operation has no parameter and no body to check. */
  readonly request?: string;
  /**
   * Every documented status as written in the spec, with the resource key of its body schema, or `undefined` when
   * the response has no JSON body to check (a 204, a file download): the client must not fall back to `4XX`/`default`.
   */
  readonly responses: ReadonlyArray<readonly [status: string, key: string | undefined]>;
}

export interface SchemaSet {
  /** Resource key -> schema, in a stable order; Ajv compiles each as `resourceId(key)`. */
  readonly resources: Readonly<Record<string, JsonSchema>>;
  /** Named schema -> resource key of its own (unviewed) schema, in the model's order. */
  readonly named: ReadonlyArray<readonly [name: string, key: string]>;
  /** Resource key -> JSON pointer of its schema in the bundled document, for the keys that have one (s:, p, views). */
  readonly pointers: Readonly<Record<string, string>>;
  readonly operations: readonly OperationSchemas[];
  /** `format` values the validators do not check (compiled as annotations), sorted. */
  readonly unknownFormats: readonly string[];
  /** Whether some `pattern` compiles only without the `u` flag (the compiled code then falls back to none). */
  readonly patternsWithoutUnicode: boolean;
  /** Whether any schema uses `unevaluatedProperties` or `unevaluatedItems`. */
  readonly usesUnevaluated: boolean;
  /** Whether any schema uses `$dynamicRef` or `$dynamicAnchor` (or draft 2019's `$recursiveRef`/`$recursiveAnchor`). */
  readonly usesDynamicRefs: boolean;
  /** What was compiled as an annotation, or compiled otherwise than written: located, one per cause and place. */
  readonly warnings: readonly SpecProblem[];
}

/** Where a schema being normalised stands in the spec: its pointer, or words for one that has none. */
interface Place {
  readonly pointer?: string;
  /** `parameter id (in path) of operation getOrder`: for schemas the model keeps without a pointer. */
  readonly label?: string;
}

function placeAt(place: Place, path: readonly string[]): Place {
  if (place.pointer === undefined) return place;
  let pointer = place.pointer;
  for (const token of path) pointer = childPointer(pointer, token);
  return { ...place, pointer };
}

class Warnings {
  readonly #file: string;
  readonly #seen = new Set<string>();
  readonly #byCause = new Map<string, { problem: SpecProblem; count: number }>();
  readonly #located: SpecProblem[] = [];

  constructor(file: string) {
    this.#file = file;
  }

  /** One warning per place and message. */
  at(place: Place, message: string): void {
    const text = place.pointer === undefined && place.label !== undefined ? `${place.label}: ${message}` : message;
    const key = `${place.pointer ?? ""}\u0000${text}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#located.push({ file: this.#file, ...(place.pointer !== undefined ? { pointer: place.pointer } : {}), message: text });
  }

  /** One warning per cause (an unknown keyword, a format), at its first place, saying how many places have it. */
  perCause(cause: string, place: Place, message: string): void {
    const entry = this.#byCause.get(cause);
    if (entry) {
      entry.count++;
      return;
    }
    const text = place.pointer === undefined && place.label !== undefined ? `${place.label}: ${message}` : message;
    this.#byCause.set(cause, { problem: { file: this.#file, ...(place.pointer !== undefined ? { pointer: place.pointer } : {}), message: text }, count: 1 });
  }

  list(): SpecProblem[] {
    const grouped = [...this.#byCause.values()].map(({ problem, count }) =>
      count === 1 ? problem : { ...problem, message: `${problem.message} (${count} places; the first is shown)` },
    );
    return [...grouped, ...this.#located];
  }
}

interface Ctx {
  readonly model: ApiModel;
  readonly is30: boolean;
  /** Document pointer (plain) -> resource key, for refs that are not to a whole named schema. */
  readonly extraKeys: Map<string, string>;
  readonly extraOrder: string[];
  /** Plain-name anchors (`$anchor`, `$dynamicAnchor`) of the named schemas outside any `$id` -> their resource key. */
  readonly anchors: Map<string, string>;
  readonly warnings: Warnings;
  readonly unknownFormats: Set<string>;
  patternsWithoutUnicode: boolean;
}

/** How a `pattern` compiles in JavaScript: as Ajv compiles it (`u`), only without `u`, or not at all. */
function patternKind(pattern: string): "unicode" | "plain" | "invalid" {
  try {
    new RegExp(pattern, "u");
    return "unicode";
  } catch {
    try {
      new RegExp(pattern);
      return "plain";
    } catch {
      return "invalid";
    }
  }
}

/** Maps a document-relative `$ref` (outside any `$id`) to the resource it names; other refs are kept as written. */
function rewriteRef(ctx: Ctx, ref: string, place: Place): string {
  if (!ref.startsWith("#")) return ref;
  if (!ref.startsWith("#/")) {
    const key = ctx.anchors.get(ref.slice(1));
    return key === undefined ? ref : `${resourceId(key)}${ref}`;
  }
  const pointer = pointerOfRef(ref);
  if (pointer === undefined) return ref;
  const match = /^\/components\/schemas\/([^/]+)$/.exec(pointer);
  if (match?.[1] !== undefined) {
    const name = unescapeToken(match[1]);
    if (Object.hasOwn(ctx.model.schemas, name)) return resourceId(`s:${name}`);
  }
  let key = ctx.extraKeys.get(pointer);
  if (key === undefined) {
    if (resolvePointer(ctx.model.document, pointer) === undefined) {
      ctx.warnings.at(place, `$ref ${ref} points at nothing in the bundled document`);
      return ref;
    }
    key = `p:${ctx.extraKeys.size}`;
    ctx.extraKeys.set(pointer, key);
    ctx.extraOrder.push(pointer);
  }
  return resourceId(key);
}

/**
 * A schema of the spec as a resource of the set: OpenAPI keywords converted, document-relative `$ref`s rewritten,
 * `$schema` dropped (the set is 2020-12), what cannot be checked left as an annotation and reported.
 */
function normalise(ctx: Ctx, schema: JsonSchema, place: Place, idScoped = false, atRoot = true): JsonSchema {
  if (!isObj(schema)) return schema;
  const converted = convertOpenApiKeywords(schema, ctx.is30);
  if (!isObj(converted)) return converted;
  const scoped = idScoped || typeof converted.$id === "string";
  checkKeywords(ctx, converted, place);
  const out = mapSubschemas(converted, (sub, path) => normalise(ctx, sub, placeAt(place, path), scoped, false), isDropped);
  if (atRoot && typeof out.$id === "string") out.$id = absoluteId(out.$id);
  if ("$schema" in out) {
    if (out.$schema !== "https://json-schema.org/draft/2020-12/schema") {
      ctx.warnings.at(placeAt(place, ["$schema"]), `$schema ${JSON.stringify(out.$schema)} is ignored: the schema is checked as JSON Schema 2020-12`);
    }
    delete out.$schema;
  }
  if (typeof out.$ref === "string" && !scoped) {
    out.$ref = rewriteRef(ctx, out.$ref, placeAt(place, ["$ref"]));
  }
  if (typeof out.$dynamicRef === "string" && !scoped && out.$dynamicRef.startsWith("#") && !out.$dynamicRef.startsWith("#/")) {
    const key = ctx.anchors.get(out.$dynamicRef.slice(1));
    if (key !== undefined) out.$dynamicRef = `${resourceId(key)}${out.$dynamicRef}`;
  }
  checkPatterns(ctx, out, place);
  return out;
}

/** Keywords left out of the schema set: annotations no validator reads, extensions, unknown keywords (warned of). */
function isDropped(keyword: string): boolean {
  return DROPPED_ANNOTATIONS.has(keyword) || !KNOWN_KEYWORDS.has(keyword);
}

/** A relative `$id` at a resource's root resolves against the document, as in the spec: one base for all of them. */
function absoluteId(id: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(id) || id.startsWith("#") ? id : `${RESOURCE_BASE}${id}`;
}

/** Unknown keywords and formats are annotations: warned of, once per keyword or format. */
function checkKeywords(ctx: Ctx, schema: Obj, place: Place): void {
  for (const keyword in schema) {
    if (KNOWN_KEYWORDS.has(keyword) || OPENAPI_ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith("x-")) continue;
    ctx.warnings.perCause(`keyword ${keyword}`, placeAt(place, [keyword]), `unknown keyword ${JSON.stringify(keyword)} is not checked (kept as an annotation)`);
  }
  if (typeof schema.format === "string" && !CHECKED_FORMATS.has(schema.format)) {
    ctx.unknownFormats.add(schema.format);
    if (!REGISTRY_ANNOTATION_FORMATS.has(schema.format)) {
      ctx.warnings.perCause(`format ${schema.format}`, placeAt(place, ["format"]), `format ${JSON.stringify(schema.format)} is not checked (no validator defines it)`);
    }
  }
}

/** Patterns compile with `u`, without it (said in a warning), or not at all (left out, said in a warning). */
function checkPatterns(ctx: Ctx, schema: Obj, place: Place): void {
  if (typeof schema.pattern === "string") {
    const kind = patternKind(schema.pattern);
    if (kind === "plain") {
      ctx.patternsWithoutUnicode = true;
      ctx.warnings.at(placeAt(place, ["pattern"]), "pattern is not a valid regular expression with the u flag: checked without it");
    } else if (kind === "invalid") {
      delete schema.pattern;
      ctx.warnings.at(placeAt(place, ["pattern"]), "pattern is not a valid regular expression: not checked");
    }
  }
  if (isObj(schema.patternProperties)) {
    let kept: Obj | undefined;
    for (const pattern in schema.patternProperties) {
      const kind = patternKind(pattern);
      if (kind === "unicode") continue;
      const at = placeAt(place, ["patternProperties", pattern]);
      if (kind === "plain") {
        ctx.patternsWithoutUnicode = true;
        ctx.warnings.at(at, "patternProperties pattern is not a valid regular expression with the u flag: checked without it");
        continue;
      }
      kept ??= { ...schema.patternProperties };
      delete kept[pattern];
      ctx.warnings.at(at, "patternProperties pattern is not a valid regular expression: properties it names are not checked by it");
    }
    if (kept) schema.patternProperties = kept;
  }
}

/** The plain-name anchors of the named schemas that stand outside any `$id` (their document's own anchors). */
function documentAnchors(model: ApiModel): Map<string, string> {
  const anchors = new Map<string, string>();
  const visit = (schema: JsonSchema, key: string): void => {
    if (!isObj(schema) || typeof schema.$id === "string") return;
    for (const keyword of ["$anchor", "$dynamicAnchor"]) {
      const anchor = schema[keyword];
      if (typeof anchor === "string" && !anchors.has(anchor)) anchors.set(anchor, key);
    }
    for (const keyword in schema) {
      const value = schema[keyword];
      if (SCHEMA_KEYWORDS.has(keyword)) visit(value as JsonSchema, key);
      else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) for (const item of value) visit(item as JsonSchema, key);
      else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) for (const name in value) visit(value[name] as JsonSchema, key);
    }
  };
  for (const [name, schema] of Object.entries(model.schemas)) visit(schema, `s:${name}`);
  return anchors;
}

/** The flag a view ignores in `required`: readOnly for requests, writeOnly for responses. */
function viewFlag(kind: ViewKind): string {
  return kind === "request" ? "readOnly" : "writeOnly";
}

interface Views {
  /** Resource key -> normalised schema (s:, p keys). */
  readonly defs: Map<string, JsonSchema>;
  /** kinds -> keys whose view differs from the plain schema. */
  readonly differs: Record<ViewKind, Set<string>>;
}

/** The resource a whole-resource `$ref` names (no fragment), or undefined. */
function wholeResource(ref: unknown): string | undefined {
  if (typeof ref !== "string") return undefined;
  const target = parseResourceRef(ref);
  return target && target.fragment === "" ? target.key : undefined;
}

/** Whether a property schema carries `flag`, directly or on the schema its `$ref` names. */
function propertyFlagged(views: Views, property: unknown, flag: string): boolean {
  if (!isObj(property)) return false;
  if (property[flag] === true) return true;
  const key = wholeResource(property.$ref);
  if (key === undefined) return false;
  const def = views.defs.get(key);
  return isObj(def) && def[flag] === true;
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
      const key = isObj(member) ? wholeResource(member.$ref) : undefined;
      const resolved = key !== undefined ? views.defs.get(key) : member;
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
function hiddenNames(views: Views, kind: ViewKind, schema: Obj, inherited: ReadonlySet<string>): ReadonlySet<string> {
  if (!Array.isArray(schema.required) && !Array.isArray(schema.allOf)) return inherited;
  const own = flaggedNames(views, schema, viewFlag(kind));
  return own.size === 0 ? inherited : new Set([...inherited, ...own]);
}

/** Drops flagged properties from `required` at every level; `inherited` are the names flagged by an enclosing allOf. */
function applyView(views: Views, kind: ViewKind, schema: JsonSchema, inherited: ReadonlySet<string> = NO_NAMES): JsonSchema {
  if (!isObj(schema)) return schema;
  const hidden = hiddenNames(views, kind, schema, inherited);
  const out: Obj = mapSubschemas(schema, (sub, path) => applyView(views, kind, sub, path[0] === "allOf" ? hidden : NO_NAMES));
  if (Array.isArray(out.required) && hidden.size > 0) {
    out.required = out.required.filter((name) => !hidden.has(String(name)));
  }
  const key = wholeResource(out.$ref);
  if (key !== undefined && views.differs[kind].has(key)) out.$ref = resourceId(viewKey(kind, key));
  return out;
}

function viewKey(kind: ViewKind, key: string): string {
  return `${kind === "request" ? "rq" : "rs"}:${key}`;
}

/**
 * Whether the view drops a name from some `required` of `schema` itself, `$ref`s not followed: whether applyView,
 * refs aside, would change it. The same walk as applyView's, building nothing.
 */
function viewChangesOwnRequired(views: Views, kind: ViewKind, schema: JsonSchema, inherited: ReadonlySet<string> = NO_NAMES): boolean {
  if (!isObj(schema)) return false;
  const hidden = hiddenNames(views, kind, schema, inherited);
  if (hidden.size > 0 && Array.isArray(schema.required) && schema.required.some((name) => hidden.has(String(name)))) return true;
  for (const keyword in schema) {
    const value = schema[keyword];
    if (keyword === "allOf" && Array.isArray(value)) {
      if (value.some((member: JsonSchema) => viewChangesOwnRequired(views, kind, member, hidden))) return true;
    } else if (SCHEMA_KEYWORDS.has(keyword)) {
      if (viewChangesOwnRequired(views, kind, value as JsonSchema)) return true;
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      if (value.some((item: JsonSchema) => viewChangesOwnRequired(views, kind, item))) return true;
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObj(value)) {
      for (const name in value) if (viewChangesOwnRequired(views, kind, value[name] as JsonSchema)) return true;
    }
  }
  return false;
}

/** Whether `schema` declares a `$id` anywhere: a copy of it (a view) would declare the same resource twice. */
function declaresIds(schema: JsonSchema): boolean {
  let found = false;
  forEachSubschema(schema, (sub) => {
    if (typeof sub.$id === "string") found = true;
  });
  return found;
}

function computeDiffering(views: Views, kind: ViewKind): void {
  const differs = views.differs[kind];
  const refs = new Map<string, Set<string>>();
  const withIds = new Set<string>();
  for (const [key, schema] of views.defs) {
    refs.set(key, resourceRefsOf(schema));
    if (declaresIds(schema)) withIds.add(key);
    else if (viewChangesOwnRequired(views, kind, schema)) differs.add(key);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, targets] of refs) {
      if (!differs.has(key) && !withIds.has(key) && [...targets].some((target) => differs.has(target))) {
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

/** The body a client sends or receives as a JS value: JSON first, then form bodies (also plain objects). */
function bodyMedia(content: readonly MediaType[]): MediaType | undefined {
  const json = content.find((media) => isJsonMedia(media.contentType) && media.schema !== undefined);
  if (json) return json;
  return content.find((media) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(media.contentType) && media.schema !== undefined);
}

function mediaPlace(media: MediaType, label: string): Place {
  return media.schemaPointer !== undefined ? { pointer: media.schemaPointer } : { label };
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
      const place = { label: `parameter ${parameter.name} (in ${location}) of operation ${operation.operationId}` };
      setOwn(locationProperties, parameter.name, applyView(views, "request", normalise(ctx, parameter.schema, place)));
      if (parameter.required) locationRequired.push(parameter.name);
    }
    properties[location] = {
      type: "object",
      properties: locationProperties,
      ...(locationRequired.length > 0 ? { required: locationRequired } : {}),
    };
    if (locationRequired.length > 0) required.push(location);
  }
  const body = operation.requestBody ? bodyMedia(operation.requestBody.content) : undefined;
  if (body?.schema !== undefined) {
    properties.body = applyView(views, "request", normalise(ctx, body.schema, mediaPlace(body, `the request body of operation ${operation.operationId}`)));
    if (operation.requestBody?.required) required.push("body");
  }
  if (Object.keys(properties).length === 0) return undefined;
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

/** Normalises the schemas of pointers met so far that have none yet (refs found while normalising add more). */
function normaliseExtras(ctx: Ctx, defs: Map<string, JsonSchema>): void {
  for (let index = 0; index < ctx.extraOrder.length; index++) {
    const pointer = ctx.extraOrder[index]!;
    const key = ctx.extraKeys.get(pointer)!;
    if (!defs.has(key)) defs.set(key, normalise(ctx, resolvePointer(ctx.model.document, pointer) as JsonSchema, { pointer }));
  }
}

function usesAny(schema: JsonSchema, keywords: ReadonlySet<string>): boolean {
  let found = false;
  forEachSubschema(schema, (sub) => {
    if (!found) for (const keyword in sub) if (keywords.has(keyword)) found = true;
  });
  return found;
}

export function buildSchemaSet(model: ApiModel): SchemaSet {
  const ctx: Ctx = {
    model,
    is30: model.openapiVersion.startsWith("3.0"),
    extraKeys: new Map(),
    extraOrder: [],
    anchors: documentAnchors(model),
    warnings: new Warnings(model.file ?? model.name),
    unknownFormats: new Set(),
    patternsWithoutUnicode: false,
  };
  const defs = new Map<string, JsonSchema>();
  for (const [name, schema] of Object.entries(model.schemas)) {
    defs.set(`s:${name}`, normalise(ctx, schema, { pointer: childPointer("/components/schemas", name) }));
  }
  const views: Views = { defs, differs: { request: new Set(), response: new Set() } };

  // Every response schema first, so that all extra pointers are known before the views are computed.
  const normalisedOps = model.operations.map((operation) => {
    const bodies = operation.responses.map((response) => {
      const media = bodyMedia(response.content);
      const place = media ? mediaPlace(media, `the ${response.status} response body of operation ${operation.operationId}`) : {};
      return [response.status, media?.schema === undefined ? undefined : normalise(ctx, media.schema, place)] as const;
    });
    return { operation, bodies };
  });
  normaliseExtras(ctx, defs);
  computeDiffering(views, "request");
  computeDiffering(views, "response");

  const operationDefs: Array<[string, JsonSchema]> = [];
  const operations: OperationSchemas[] = [];
  for (const { operation, bodies } of normalisedOps) {
    const request = requestSchema(ctx, views, operation);
    // Parameters may name new pointers: they are compiled as written (views are already decided).
    normaliseExtras(ctx, defs);
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
      operationDefs.push([key, applyView(views, "response", schema)]);
      responses.push([status, key]);
    }
    operations.push({ operationId: operation.operationId, ...(requestKey ? { request: requestKey } : {}), responses });
  }

  const resources = new Map<string, JsonSchema>(defs);
  for (const kind of ["request", "response"] as const) {
    for (const [key, schema] of defs) {
      if (views.differs[kind].has(key)) resources.set(viewKey(kind, key), applyView(views, kind, schema));
    }
  }
  for (const [key, schema] of operationDefs) resources.set(key, schema);

  const pointers: Record<string, string> = {};
  for (const name of Object.keys(model.schemas)) pointers[`s:${name}`] = childPointer("/components/schemas", name);
  for (const [pointer, key] of ctx.extraKeys) pointers[key] = pointer;
  for (const kind of ["request", "response"] as const) {
    for (const key of views.differs[kind]) if (pointers[key] !== undefined) pointers[viewKey(kind, key)] = pointers[key];
  }
  const { resources: shared, firstPlaces } = shareRepeatedSubschemas(resources);
  for (const [key, place] of firstPlaces) {
    const at = pointers[place.key];
    if (at !== undefined) pointers[key] = place.path.reduce<string>((pointer, token) => childPointer(pointer, token), at);
  }
  let usesUnevaluated = false;
  let usesDynamicRefs = false;
  for (const schema of shared.values()) {
    if (!usesUnevaluated && usesAny(schema, UNEVALUATED_KEYWORDS)) usesUnevaluated = true;
    if (!usesDynamicRefs && usesAny(schema, DYNAMIC_KEYWORDS)) usesDynamicRefs = true;
  }
  const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    resources: Object.fromEntries(shared),
    pointers,
    named: Object.keys(model.schemas).map((name) => [name, `s:${name}`] as const),
    operations,
    unknownFormats: [...ctx.unknownFormats].sort(byCodeUnit),
    patternsWithoutUnicode: ctx.patternsWithoutUnicode,
    usesUnevaluated,
    usesDynamicRefs,
    warnings: ctx.warnings.list(),
  };
}
