/**
 * `buildModel`: the bundled document (one file, local `$ref`s, keys sorted) -> `ApiModel`. Pure; the only
 * failures left at this stage are ones Redocly's structural rules do not catch, reported with their JSON pointer.
 */
import { specError, type SpecProblem } from "./errors.js";
import { childPointer, pointerOfRef, resolvePointer } from "./json-pointer.js";
import type {
  ApiModel,
  HttpMethod,
  JsonSchema,
  MediaType,
  Operation,
  OperationResponse,
  Parameter,
  ParameterLocation,
  RequestBody,
  SecurityRequirement,
  SecurityScheme,
  Server,
  ServerVariable,
} from "./model.js";
import { camelCase, compareStrings, pascalCase, safeIdentifier, uniqueName, words } from "./names.js";

export const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];
/** Client members a method must not shadow. */
const CLIENT_MEMBERS = new Set(["raw", "constructor"]);

type Obj = Record<string, unknown>;

export interface BuildOptions {
  readonly name: string;
  /** The spec file, for error messages. */
  readonly file: string;
  readonly clientName?: string;
}

/** Header parameters OpenAPI says are ignored: the client sets them from the content types and security schemes. */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

export function buildModel(document: Obj, options: BuildOptions): ApiModel {
  const warnings: SpecProblem[] = [];
  const deref = (node: unknown, pointer: string): { node: Obj; pointer: string } => {
    let current = node;
    let at = pointer;
    for (let hops = 0; isObj(current) && typeof current["$ref"] === "string"; hops++) {
      const ref = current["$ref"];
      const target = pointerOfRef(ref);
      if (target === undefined || hops > 50) throw specError({ file: options.file, pointer: at, message: `cannot follow $ref ${ref}` });
      at = target;
      current = resolvePointer(document, at);
    }
    if (!isObj(current)) throw specError({ file: options.file, pointer: at, message: "expected an object here" });
    return { node: current, pointer: at };
  };

  const info = isObj(document["info"]) ? document["info"] : {};
  const title = typeof info["title"] === "string" ? info["title"] : options.name;
  const servers = readServers(document["servers"]);
  const documentSecurity = readSecurity(document["security"]) ?? [];
  const components = isObj(document["components"]) ? document["components"] : {};

  const operations: Operation[] = [];
  const paths = isObj(document["paths"]) ? document["paths"] : {};
  // `x-` keys of `paths` are extensions, not paths.
  for (const pathKey of Object.keys(paths).filter((key) => !key.startsWith("x-")).sort(compareStrings)) {
    const itemPointer = childPointer("/paths", pathKey);
    const { node: item } = deref(paths[pathKey], itemPointer);
    const readParameters = (raw: unknown, pointer: string) => readUsedParameters(raw, pointer, deref, options.file, warnings);
    const itemParameters = readParameters(item["parameters"], `${itemPointer}/parameters`);
    const itemServers = item["servers"] !== undefined ? readServers(item["servers"]) : undefined;
    for (const method of HTTP_METHODS) {
      const raw = item[method];
      if (!isObj(raw)) continue;
      const pointer = `${itemPointer}/${method}`;
      const parameters = mergeParameters(itemParameters, readParameters(raw["parameters"], `${pointer}/parameters`));
      const operationId = typeof raw["operationId"] === "string" && raw["operationId"] !== "" ? raw["operationId"] : undefined;
      const requestBody = raw["requestBody"] !== undefined ? readRequestBody(raw["requestBody"], `${pointer}/requestBody`, deref) : undefined;
      const operation: Operation = {
        operationId: operationId ?? "",
        operationIdDerived: operationId === undefined,
        methodName: "",
        method,
        path: pathKey,
        ...(typeof raw["summary"] === "string" ? { summary: raw["summary"] } : {}),
        ...(typeof raw["description"] === "string" ? { description: raw["description"] } : {}),
        tags: Array.isArray(raw["tags"]) ? raw["tags"].filter((tag): tag is string => typeof tag === "string") : [],
        deprecated: raw["deprecated"] === true,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses: readResponses(raw["responses"], `${pointer}/responses`, deref),
        security: readSecurity(raw["security"]) ?? documentSecurity,
        servers: raw["servers"] !== undefined ? readServers(raw["servers"]) : itemServers ?? servers,
        extensions: Object.fromEntries(Object.entries(raw).filter(([key]) => key.startsWith("x-"))),
        pointer,
      };
      operations.push(operation);
    }
  }

  const securitySchemes = readSecuritySchemes(components["securitySchemes"], deref);
  for (const operation of operations) {
    operation.security.forEach((requirement, index) => {
      for (const scheme of Object.keys(requirement)) {
        if (scheme in securitySchemes) continue;
        const own = Array.isArray(resolvePointer(document, `${operation.pointer}/security`));
        throw specError({
          file: options.file,
          pointer: own ? `${operation.pointer}/security/${index}` : `/security/${index}`,
          message: `security requirement names \`${scheme}\`, which components.securitySchemes does not define`,
          hint: `define it, or use one of: ${Object.keys(securitySchemes).join(", ") || "(none defined)"}`,
        });
      }
    });
  }

  return {
    name: options.name,
    file: options.file,
    clientName: options.clientName ?? deriveClientName(title),
    title,
    version: typeof info["version"] === "string" ? info["version"] : String(info["version"] ?? ""),
    ...(typeof info["description"] === "string" ? { description: info["description"] } : {}),
    openapiVersion: String(document["openapi"]),
    servers,
    securitySchemes,
    operations: nameOperations(operations),
    schemas: isObj(components["schemas"]) ? (components["schemas"] as Record<string, JsonSchema>) : {},
    document,
    warnings,
  };
}

/** `Next Commerce Admin API` -> `NextCommerceAdminClient`. */
export function deriveClientName(title: string): string {
  const kept = words(title).filter((word) => !/^(api|openapi|rest|http)$/i.test(word));
  const base = pascalCase(kept.join(" ")) || "Api";
  return `${safeIdentifier(base).replace(/^_/, "Api")}Client`;
}

/** Fills in derived operationIds and unique method names, in the model's (sorted) order. */
function nameOperations(operations: Operation[]): Operation[] {
  const takenIds = new Set(operations.filter((op) => !op.operationIdDerived).map((op) => op.operationId));
  const takenMethods = new Set<string>(CLIENT_MEMBERS);
  return operations.map((operation) => {
    const operationId = operation.operationIdDerived
      ? uniqueName(deriveOperationId(operation.method, operation.path), takenIds)
      : operation.operationId;
    let methodName = camelCase(operationId);
    if (methodName === "" || /^[0-9]/.test(methodName)) methodName = `op${methodName.charAt(0).toUpperCase()}${methodName.slice(1)}`;
    methodName = uniqueName(methodName, takenMethods);
    return { ...operation, operationId, methodName };
  });
}

/** `get` + `/orders/{id}/items` -> `getOrdersByIdItems`. */
export function deriveOperationId(method: HttpMethod, path: string): string {
  const parts = path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param?.[1] !== undefined ? `By ${param[1]}` : segment;
    });
  return camelCase(`${method} ${parts.map((part) => pascalCase(part)).join(" ")}`);
}

type Deref = (node: unknown, pointer: string) => { node: Obj; pointer: string };

/** `readParameters` without the header parameters OpenAPI says are ignored, each dropped with a warning. */
function readUsedParameters(raw: unknown, pointer: string, deref: Deref, file: string, warnings: SpecProblem[]): Parameter[] {
  return readParameters(raw, pointer, deref).filter((parameter, index) => {
    if (parameter.in !== "header" || !IGNORED_HEADERS.has(parameter.name.toLowerCase())) return true;
    warnings.push({
      file,
      pointer: `${pointer}/${index}`,
      message: `header parameter \`${parameter.name}\` is ignored, as OpenAPI says`,
      assumed: "the client sets it from the operation's content types and security schemes; to send another value, use the client's `headers` option",
    });
    return false;
  });
}

function readParameters(raw: unknown, pointer: string, deref: Deref): Parameter[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry, index) => {
    const { node } = deref(entry, `${pointer}/${index}`);
    const location = node["in"] as ParameterLocation;
    const schema = parameterSchema(node);
    const constantValue = constantOf(schema, deref);
    return {
      name: String(node["name"]),
      in: location,
      required: location === "path" ? true : node["required"] === true,
      schema,
      ...(typeof node["description"] === "string" ? { description: node["description"] } : {}),
      ...(typeof node["style"] === "string" ? { style: node["style"] } : {}),
      ...(typeof node["explode"] === "boolean" ? { explode: node["explode"] } : {}),
      deprecated: node["deprecated"] === true,
      ...(constantValue !== undefined ? { constantValue } : {}),
    };
  });
}

function parameterSchema(node: Obj): JsonSchema {
  if (node["schema"] !== undefined) return node["schema"] as JsonSchema;
  const content = isObj(node["content"]) ? node["content"] : {};
  const first = Object.values(content)[0];
  return isObj(first) && first["schema"] !== undefined ? (first["schema"] as JsonSchema) : {};
}

/** The single value a schema allows (`const`, or a one-item `enum`), as the string a header carries. */
function constantOf(schema: JsonSchema, deref: Deref): string | undefined {
  if (!isObj(schema)) return undefined;
  const resolved = typeof schema["$ref"] === "string" ? deref(schema, "").node : schema;
  const scalar = (value: unknown) => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined);
  if ("const" in resolved) return scalar(resolved["const"]);
  const values = resolved["enum"];
  if (Array.isArray(values) && values.length === 1) return scalar(values[0]);
  return undefined;
}

/** Operation-level parameters override path-level ones with the same name and location; sorted by location, then name. */
function mergeParameters(pathLevel: Parameter[], operationLevel: Parameter[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const parameter of [...pathLevel, ...operationLevel]) byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  return [...byKey.values()].sort(
    (a, b) => LOCATIONS.indexOf(a.in) - LOCATIONS.indexOf(b.in) || compareStrings(a.name, b.name),
  );
}

function readRequestBody(raw: unknown, pointer: string, deref: Deref): RequestBody {
  const { node, pointer: at } = deref(raw, pointer);
  return {
    required: node["required"] === true,
    ...(typeof node["description"] === "string" ? { description: node["description"] } : {}),
    content: readContent(node["content"], `${at}/content`),
  };
}

function readContent(raw: unknown, pointer: string): MediaType[] {
  if (!isObj(raw)) return [];
  return Object.keys(raw)
    .sort(compareStrings)
    .map((contentType) => {
      const media = raw[contentType];
      const schema = isObj(media) ? media["schema"] : undefined;
      const encoding = isObj(media) ? readEncoding(media["encoding"]) : undefined;
      return {
        contentType,
        ...(schema !== undefined ? { schema: schema as JsonSchema, schemaPointer: `${childPointer(pointer, contentType)}/schema` } : {}),
        ...(encoding !== undefined ? { encoding } : {}),
      };
    });
}

/** A media type's `encoding`: each field's `style` and `explode`, where it gives one; undefined when none does. */
function readEncoding(raw: unknown): MediaType["encoding"] {
  if (!isObj(raw)) return undefined;
  const fields: Record<string, { style?: string; explode?: boolean }> = {};
  for (const [name, field] of Object.entries(raw)) {
    if (!isObj(field)) continue;
    const style = typeof field["style"] === "string" ? field["style"] : undefined;
    const explode = typeof field["explode"] === "boolean" ? field["explode"] : undefined;
    if (style !== undefined || explode !== undefined) fields[name] = { ...(style !== undefined ? { style } : {}), ...(explode !== undefined ? { explode } : {}) };
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function readResponses(raw: unknown, pointer: string, deref: Deref): OperationResponse[] {
  if (!isObj(raw)) return [];
  return Object.keys(raw)
    .sort(compareStatus)
    .map((status) => {
      const { node, pointer: at } = deref(raw[status], childPointer(pointer, status));
      const headers: Record<string, { required: boolean; schema: JsonSchema }> = {};
      const rawHeaders = isObj(node["headers"]) ? node["headers"] : {};
      for (const name of Object.keys(rawHeaders).sort(compareStrings)) {
        const { node: header } = deref(rawHeaders[name], childPointer(`${at}/headers`, name));
        headers[name] = { required: header["required"] === true, schema: parameterSchema(header) };
      }
      return {
        status,
        description: typeof node["description"] === "string" ? node["description"] : "",
        content: readContent(node["content"], `${at}/content`),
        headers,
      };
    });
}

/** `100` < `200` < `2XX` < `300` ... < `default`. */
export function compareStatus(a: string, b: string): number {
  const rank = (status: string) => (status === "default" ? 1000 : /X/i.test(status) ? Number(status.replace(/X/gi, "9")) + 0.5 : Number(status));
  return rank(a) - rank(b) || compareStrings(a, b);
}

function readServers(raw: unknown): Server[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObj).map((server) => {
    const variables: Record<string, ServerVariable> = {};
    const rawVariables = isObj(server["variables"]) ? server["variables"] : {};
    for (const name of Object.keys(rawVariables).sort(compareStrings)) {
      const variable = rawVariables[name];
      if (!isObj(variable)) continue;
      variables[name] = {
        default: String(variable["default"] ?? ""),
        ...(Array.isArray(variable["enum"]) ? { enum: variable["enum"].map(String) } : {}),
        ...(typeof variable["description"] === "string" ? { description: variable["description"] } : {}),
      };
    }
    return {
      url: String(server["url"] ?? "/"),
      ...(typeof server["description"] === "string" ? { description: server["description"] } : {}),
      variables,
    };
  });
}

function readSecurity(raw: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isObj).map((requirement) =>
    Object.fromEntries(
      Object.keys(requirement)
        .sort(compareStrings)
        .map((scheme) => {
          const scopes = requirement[scheme];
          return [scheme, Array.isArray(scopes) ? scopes.map(String) : []];
        }),
    ),
  );
}

function readSecuritySchemes(raw: unknown, deref: Deref): Record<string, SecurityScheme> {
  const schemes: Record<string, SecurityScheme> = {};
  if (!isObj(raw)) return schemes;
  for (const name of Object.keys(raw).sort(compareStrings)) {
    const { node } = deref(raw[name], childPointer("/components/securitySchemes", name));
    const description = typeof node["description"] === "string" ? { description: node["description"] } : {};
    switch (node["type"]) {
      case "http":
        schemes[name] = {
          type: "http",
          scheme: String(node["scheme"] ?? "bearer"),
          ...(typeof node["bearerFormat"] === "string" ? { bearerFormat: node["bearerFormat"] } : {}),
          ...description,
        };
        break;
      case "apiKey":
        schemes[name] = { type: "apiKey", in: node["in"] as "header" | "query" | "cookie", name: String(node["name"]), ...description };
        break;
      case "oauth2":
        schemes[name] = { type: "oauth2", ...description };
        break;
      case "openIdConnect":
        schemes[name] = { type: "openIdConnect", openIdConnectUrl: String(node["openIdConnectUrl"] ?? ""), ...description };
        break;
      case "mutualTLS":
        schemes[name] = { type: "mutualTLS", ...description };
        break;
    }
  }
  return schemes;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
