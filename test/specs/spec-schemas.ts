/**
 * Spec test harness: validates JSON bodies against the request/response schemas of the bundled specs.
 *
 * The spec is bundled with @redocly/openapi-core (the same resolver `redocly lint` and the docs use), so
 * split files joined by `$ref` are seen exactly as the tools see them. Schemas are compiled with Ajv's
 * JSON Schema 2020-12 dialect (OpenAPI 3.1 schemas are 2020-12) in strict mode, with ajv-formats for the
 * standard formats and OpenAPI's own formats registered as annotations.
 */
import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction, ErrorObject } from "ajv";
import ajvFormats from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext the default import is `module.exports`, whose `.default` is the plugin.
const addFormats = ajvFormats.default;

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type BodyTarget = "request" | `response.${string}`;

export interface BodyCheck {
  /** Ajv errors as "<instancePath> <message>"; empty when the body is valid. */
  errors: string[];
  /** JSON pointers of property names present in the body but not declared by the schema at that place. */
  undeclared: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** OpenAPI keywords that are annotations for validation purposes; `x-*` extensions are added as found. */
const OPENAPI_ANNOTATION_KEYWORDS = ["example", "xml", "externalDocs"] as const;
/** OpenAPI formats that ajv-formats does not know: annotations only (the `pattern` carries the rule). */
const OPENAPI_ANNOTATION_FORMATS = ["decimal"] as const;

interface LoadedSpec {
  file: string;
  document: JsonObject;
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

const specCache = new Map<string, Promise<LoadedSpec>>();

/** Path of `specs/<spec>.yaml` in this repository; a path ending in .yaml/.yml/.json is used as given. */
export function specPath(spec: string): string {
  return /\.(?:ya?ml|json)$/.test(spec) ? spec : `${REPO_ROOT}specs/${spec}.yaml`;
}

/** Bundles `specs/<spec>.yaml` (all `$ref`s to other files inlined into components) and returns the document. */
export async function loadBundledSpec(spec: string): Promise<JsonObject> {
  return (await loadSpec(spec)).document;
}

/** The operations of a bundled spec, keyed by operationId. */
export async function listOperations(
  spec: string,
): Promise<Map<string, { path: string; method: string; operation: JsonObject }>> {
  const document = await loadBundledSpec(spec);
  const operations = new Map<string, { path: string; method: string; operation: JsonObject }>();
  for (const [path, item] of Object.entries(asObject(document["paths"]) ?? {})) {
    for (const [method, operation] of Object.entries(asObject(item) ?? {})) {
      const op = asObject(operation);
      const id = op?.["operationId"];
      if (op && typeof id === "string") operations.set(id, { path, method, operation: op });
    }
  }
  return operations;
}

/** Follows local `$ref`s (`#/components/...`) in a bundled spec until a non-reference node is reached. */
export async function resolveRef(spec: string, node: unknown): Promise<unknown> {
  return deref((await loadSpec(spec)).document, node as Json | undefined);
}

function loadSpec(spec: string): Promise<LoadedSpec> {
  let loaded = specCache.get(spec);
  if (!loaded) {
    loaded = bundleSpec(spec);
    specCache.set(spec, loaded);
  }
  return loaded;
}

async function bundleSpec(spec: string): Promise<LoadedSpec> {
  const file = specPath(spec);
  // An empty config: bundling must not depend on lint rules; redocly.yaml is checked by `npm run lint`.
  const config = await createConfig({});
  const result = await bundle({ ref: file, config, dereference: false });
  const fatal = result.problems.filter((p) => p.severity === "error");
  if (fatal.length > 0) {
    const lines = fatal.map((p) => {
      const where = p.location[0];
      return `  ${where?.source.absoluteRef ?? file}${where?.pointer ?? ""}: ${p.message}`;
    });
    throw new Error(`Cannot bundle ${file}:\n${lines.join("\n")}\nFix the spec (run \`npm run lint\` for details).`);
  }
  const document = result.bundle.parsed as JsonObject;
  const ajv = new Ajv2020({
    strict: true,
    // OpenAPI 3.1 nullable values are type arrays (["string", "null"]).
    allowUnionTypes: true,
    allErrors: true,
    discriminator: true,
  });
  addFormats(ajv);
  for (const format of OPENAPI_ANNOTATION_FORMATS) ajv.addFormat(format, true);
  const extensions = collectExtensionKeys(document["components"], collectExtensionKeys(document["paths"]));
  for (const keyword of [...OPENAPI_ANNOTATION_KEYWORDS, ...extensions]) ajv.addKeyword({ keyword });
  return { file, document, ajv, validators: new Map() };
}

/**
 * Validates `body` against the schema of `operationId`'s request body (`"request"`) or of one of its
 * responses (`"response.200"`), in the bundled `specs/<spec>.yaml`.
 */
export async function checkBody(
  spec: string,
  operationId: string,
  target: BodyTarget,
  body: unknown,
): Promise<BodyCheck> {
  const loaded = await loadSpec(spec);
  const schema = findBodySchema(loaded, operationId, target);
  const key = `${operationId} ${target}`;
  let validate = loaded.validators.get(key);
  if (!validate) {
    validate = loaded.ajv.compile(withDefinitions(loaded.document, schema, `${spec}/${operationId}/${target}`));
    loaded.validators.set(key, validate);
  }
  const valid = validate(body);
  const errors = valid ? [] : (validate.errors ?? []).map(formatError);
  const undeclared: string[] = [];
  collectUndeclared(loaded.document, schema, body as Json, "", undeclared);
  return { errors, undeclared: [...new Set(undeclared)] };
}

function formatError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === "additionalProperties"
      ? ` (${String(params["additionalProperty"])})`
      : error.keyword === "enum"
        ? ` (${JSON.stringify(params["allowedValues"])})`
        : "";
  return `${error.instancePath} ${error.message ?? error.keyword}${detail}`;
}

function findBodySchema(loaded: LoadedSpec, operationId: string, target: BodyTarget): JsonObject {
  const ops: string[] = [];
  let found: JsonObject | undefined;
  for (const item of Object.values(asObject(loaded.document["paths"]) ?? {})) {
    for (const operation of Object.values(asObject(item) ?? {})) {
      const op = asObject(operation);
      if (typeof op?.["operationId"] !== "string") continue;
      ops.push(op["operationId"]);
      if (op["operationId"] === operationId) found = op;
    }
  }
  if (!found) {
    throw new Error(
      `${loaded.file}: no operation with operationId "${operationId}" (operations: ${ops.join(", ") || "none"}).`,
    );
  }
  let holder: JsonObject | undefined;
  if (target === "request") {
    holder = asObject(deref(loaded.document, found["requestBody"]));
    if (!holder) throw new Error(`${loaded.file}: operation "${operationId}" declares no requestBody.`);
  } else {
    const status = target.slice("response.".length);
    const responses = asObject(found["responses"]) ?? {};
    holder = asObject(deref(loaded.document, responses[status]));
    if (!holder) {
      throw new Error(
        `${loaded.file}: operation "${operationId}" has no response "${status}" (responses: ${Object.keys(responses).join(", ")}).`,
      );
    }
  }
  const content = asObject(holder["content"]) ?? {};
  const mediaTypes = Object.keys(content);
  const mediaType = mediaTypes.find((m) => /^application\/(?:[\w.+-]+\+)?json\b/.test(m)) ?? mediaTypes[0];
  const schema = mediaType ? asObject(asObject(content[mediaType])?.["schema"]) : undefined;
  if (!schema) {
    throw new Error(`${loaded.file}: operation "${operationId}" ${target} has no media type with a schema.`);
  }
  return schema;
}

/** A standalone 2020-12 schema: the body schema plus every component schema under `$defs`. */
function withDefinitions(document: JsonObject, schema: JsonObject, id: string): JsonObject {
  const components = asObject(asObject(document["components"])?.["schemas"]) ?? {};
  const defs = rewriteRefs(components) as JsonObject;
  const root = rewriteRefs(schema) as JsonObject;
  return { ...root, $id: `https://payspec.invalid/${id}`, $defs: { ...asObject(root["$defs"]), ...defs } };
}

function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      out[key] = value.replace(/^#\/components\/schemas\//, "#/$defs/");
    } else if (key === "example" || key === "examples") {
      out[key] = value; // examples are data, not schemas: keep any "$ref" key in them untouched
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}

function collectExtensionKeys(node: Json | undefined, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) collectExtensionKeys(item, found);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      if (key !== "example" && key !== "examples") collectExtensionKeys(value, found);
    }
  }
  return found;
}

function deref(document: JsonObject, node: Json | undefined): Json | undefined {
  let current = node;
  const seen = new Set<string>();
  for (;;) {
    const ref = asObject(current)?.["$ref"];
    if (typeof ref !== "string" || !ref.startsWith("#/")) return current;
    if (seen.has(ref)) throw new Error(`Circular $ref chain at ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json | undefined>((at, part) => asObject(at)?.[part], document);
    if (current === undefined) throw new Error(`Unresolved $ref ${ref}`);
  }
}

function asObject(node: Json | undefined): JsonObject | undefined {
  return node !== null && typeof node === "object" && !Array.isArray(node) ? node : undefined;
}

/** The schema and every schema it is combined with (through $ref, allOf, oneOf, anyOf, then/else). */
function flatten(document: JsonObject, node: Json | undefined, out: JsonObject[] = []): JsonObject[] {
  const schema = asObject(node);
  if (!schema) return out;
  if (out.includes(schema)) return out;
  out.push(schema);
  if (typeof schema["$ref"] === "string") flatten(document, deref(document, schema), out);
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) flatten(document, sub, out);
  }
  flatten(document, schema["then"], out);
  flatten(document, schema["else"], out);
  return out;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Walks `data` alongside `schema`, recording the JSON pointer of every property name that no schema at that
 * place declares. Objects whose schemas declare no properties at all (free-form `metadata`, `data`) and maps
 * (`additionalProperties: <schema>` or `true`) accept any name. For oneOf/anyOf the union of branches counts.
 */
function collectUndeclared(
  document: JsonObject,
  schema: Json | undefined,
  data: Json,
  pointer: string,
  out: string[],
): void {
  const schemas = flatten(document, schema);
  if (schemas.length === 0) return;
  if (Array.isArray(data)) {
    data.forEach((item, index) => {
      const itemSchemas: Json[] = [];
      for (const s of schemas) {
        const prefix = s["prefixItems"];
        if (Array.isArray(prefix) && index < prefix.length) itemSchemas.push(prefix[index] ?? null);
        else if (s["items"] !== undefined && typeof s["items"] !== "boolean") itemSchemas.push(s["items"]);
      }
      for (const itemSchema of itemSchemas) {
        collectUndeclared(document, itemSchema, item, `${pointer}/${index}`, out);
      }
    });
    return;
  }
  const object = asObject(data);
  if (!object) return;
  const declaresNames = schemas.some(
    (s) => s["properties"] !== undefined || s["patternProperties"] !== undefined,
  );
  const isMap = schemas.some(
    (s) => s["additionalProperties"] === true || asObject(s["additionalProperties"]) !== undefined,
  );
  for (const [key, value] of Object.entries(object) as [string, Json][]) {
    const at = `${pointer}/${escapePointer(key)}`;
    const valueSchemas: Json[] = [];
    for (const s of schemas) {
      const props = asObject(s["properties"]);
      if (props && key in props) valueSchemas.push(props[key] ?? null);
      for (const [pattern, sub] of Object.entries(asObject(s["patternProperties"]) ?? {})) {
        if (new RegExp(pattern, "u").test(key)) valueSchemas.push(sub);
      }
    }
    if (valueSchemas.length === 0) {
      for (const s of schemas) {
        const additional = asObject(s["additionalProperties"]);
        if (additional) valueSchemas.push(additional);
      }
    }
    if (valueSchemas.length === 0 && declaresNames && !isMap) {
      out.push(at);
      continue;
    }
    for (const valueSchema of valueSchemas) {
      collectUndeclared(document, valueSchema, value, at, out);
    }
  }
}
