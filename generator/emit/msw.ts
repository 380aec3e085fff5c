/**
 * `emitMsw`: `msw.ts`, MSW request handlers for every operation of the spec, for tests that mock the API inside
 * their own process (Node's `setupServer`) or page (`setupWorker`) instead of starting Prism:
 *
 * - each handler answers with the spec's example of the operation's first success response (static), or with a
 *   value generated from its schema by json-schema-faker, seeded (`dynamic`, and wherever the spec has no example);
 * - it checks the request first, as Prism does: a missing credential gets 401, a request the client's own request
 *   validator (validators.ts) rejects gets 422 (400 where the spec documents a 400 and no 422), with the violations
 *   (location, JSON pointer, message) in a problem+json body.
 *
 * The client's index.ts does not import it, so an app that never mocks never bundles msw or json-schema-faker.
 * mock/http-contract.ts (reading a request as the client's CallInput, credentials, violations) is embedded in it,
 * module-private; `contractOperations` and `contractSecuritySchemes` are the tables it is written from, which the
 * validation proxy (mock/proxy.ts) builds the same way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContractOperation, ContractParameter, ContractSecurityScheme, ValueShape } from "../../mock/http-contract.js";
import type { ApiModel, JsonSchema, Operation } from "../model.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { escapeToken, pointerOfRef, resolvePointer } from "../json-pointer.js";
import { buildSchemaSet, parseResourceRef, resourceRefsOf } from "../validators/schema-set.js";
import { forEachSubschema } from "../validators/schema-walk.js";
import { LOCAL_RUNTIME_IMPORT } from "./runtime.js";
import { docComment, generatedHeader } from "./text.js";

/** mock/http-contract.ts without its file comment and `export`s, to embed in msw.ts (as validators.ts embeds issues.ts). */
const CONTRACT_SOURCE = readFileSync(path.join(PACKAGE_ROOT, "mock", "http-contract.ts"), "utf8")
  .replace(/^\/\*\*[^]*?\*\/\n/, "")
  .replace(/^export /gm, "")
  .trim();

export interface EmitMswOptions {
  /** The runtime folder as a module path from the client's folder (pipeline.ts `EmitContext.runtimeImport`). */
  readonly runtimeImport?: string;
}

/** The client's own request validators (validators.ts `requestValidators`), which the handlers check requests with. */
function requestValidatorImports(runtimeImport: string): string {
  return [
    `import type { Validator } from "${runtimeImport}/index.js";`,
    `import { requestValidators } from "./validators.js";`,
    "",
    "/** The client's own request validator of an operation (validators.ts), if it has parameters or a body to check. */",
    "function requestValidator(operationId: string): Validator | undefined {",
    "  return requestValidators[operationId];",
    "}",
  ].join("\n");
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s of the bundled document (a few steps; a loop gives up). */
function resolved(model: ApiModel, value: unknown): unknown {
  let node = value;
  for (let step = 0; step < 20 && isObj(node) && typeof node.$ref === "string"; step++) {
    const pointer = pointerOfRef(node.$ref);
    if (pointer === undefined) break;
    node = resolvePointer(model.document, pointer);
  }
  return node;
}

const SCALAR_TYPES = new Set(["string", "integer", "number", "boolean"]);

/** What a parameter's values are made of, from its schema (refs followed, allOf merged, one-type unions kept). */
export function valueShape(model: ApiModel, schema: JsonSchema | unknown, depth = 0): ValueShape {
  const node = resolved(model, schema);
  if (!isObj(node) || depth > 8) return { type: "any" };
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((type) => type !== "null" && type !== undefined);
  const type = types.length === 1 ? String(types[0]) : undefined;
  if (type === "array") return { type: "array", items: valueShape(model, node.items, depth + 1) };
  if (type === "object" || (type === undefined && isObj(node.properties))) {
    const properties: Record<string, ValueShape> = {};
    if (isObj(node.properties)) for (const [name, sub] of Object.entries(node.properties)) properties[name] = valueShape(model, sub, depth + 1);
    return { type: "object", properties };
  }
  if (type !== undefined && SCALAR_TYPES.has(type)) return { type: type as "string" | "integer" | "number" | "boolean" };
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const members = node[keyword];
    if (!Array.isArray(members) || members.length === 0) continue;
    const shapes = members.map((member) => valueShape(model, member, depth + 1)).filter((shape) => shape.type !== "any");
    const first = shapes[0];
    if (first !== undefined && (keyword === "allOf" || shapes.every((shape) => shape.type === first.type))) return first;
  }
  return { type: "any" };
}

/** Headers OpenAPI ignores as parameters, and credentials: never read into the CallInput (as the validators skip them). */
const UNREAD_HEADERS = new Set(["accept", "content-type", "authorization", "proxy-authorization", "cookie"]);

function isCredential(model: ApiModel, location: string, name: string): boolean {
  if (location === "header" && UNREAD_HEADERS.has(name.toLowerCase())) return true;
  return Object.values(model.securitySchemes).some(
    (scheme) => scheme.type === "apiKey" && scheme.in === location && scheme.name.toLowerCase() === name.toLowerCase(),
  );
}

export function contractSecuritySchemes(model: ApiModel): Record<string, ContractSecurityScheme> {
  return Object.fromEntries(
    Object.entries(model.securitySchemes).map(([name, scheme]): [string, ContractSecurityScheme] => [
      name,
      scheme.type === "http"
        ? { type: "http", scheme: scheme.scheme }
        : scheme.type === "apiKey"
          ? { type: "apiKey", in: scheme.in, name: scheme.name }
          : { type: scheme.type },
    ]),
  );
}

export function contractOperation(model: ApiModel, operation: Operation): ContractOperation {
  const parameters: ContractParameter[] = operation.parameters
    .filter((parameter) => !isCredential(model, parameter.in, parameter.name))
    .map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      ...(parameter.style !== undefined ? { style: parameter.style } : {}),
      ...(parameter.explode !== undefined ? { explode: parameter.explode } : {}),
      shape: valueShape(model, parameter.schema),
    }));
  const alternatives = [...new Map(operation.security.map((requirement) => [JSON.stringify(Object.keys(requirement)), Object.keys(requirement)])).values()];
  const statuses = new Set(operation.responses.map((response) => response.status));
  const form = operation.requestBody?.content.find((media) => media.contentType.toLowerCase() === "application/x-www-form-urlencoded");
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    parameters,
    security: alternatives.some((names) => names.length === 0) ? [] : alternatives,
    badRequestStatus: statuses.has("400") && !statuses.has("422") ? 400 : 422,
    ...(form !== undefined ? { formBody: valueShape(model, form.schema) } : {}),
  };
}

export function contractOperations(model: ApiModel): ContractOperation[] {
  return model.operations.map((operation) => contractOperation(model, operation));
}

function isJson(contentType: string): boolean {
  const base = contentType.split(";")[0]!.trim().toLowerCase();
  return base === "application/json" || base.endsWith("+json") || base === "*/*";
}

/** What a mock answers for an operation: its first success response, with its example or the schema to generate from. */
interface MockAnswer {
  readonly status: number;
  readonly contentType?: string;
  readonly example?: unknown;
  /** `$ref` into the emitted `$defs` of the body's schema (response view), when there is a JSON body. */
  readonly schema?: string;
}

/** The example of a media type: `example`, else the first of `examples` (its `value`), refs followed. */
function exampleOf(model: ApiModel, media: unknown): { readonly found: boolean; readonly value?: unknown } {
  const node = resolved(model, media);
  if (!isObj(node)) return { found: false };
  if ("example" in node) return { found: true, value: node.example };
  if (isObj(node.examples)) {
    for (const example of Object.values(node.examples)) {
      const resolvedExample = resolved(model, example);
      if (isObj(resolvedExample) && "value" in resolvedExample) return { found: true, value: resolvedExample.value };
    }
  }
  return { found: false };
}

function pointerNode(model: ApiModel, pointer: string): unknown {
  return resolved(model, resolvePointer(model.document, pointer));
}

function mockAnswer(model: ApiModel, operation: Operation, responseKeys: ReadonlyMap<string, string>): MockAnswer {
  const success = operation.responses.filter((response) => /^2(\d\d|XX)$/i.test(response.status))[0];
  if (success === undefined) return { status: 200 };
  const status = /^\d+$/.test(success.status) ? Number(success.status) : 200;
  const media = success.content.find((content) => isJson(content.contentType)) ?? success.content[0];
  if (media === undefined) return { status };
  const responseNode = pointerNode(model, `${operation.pointer}/responses/${escapeToken(success.status)}`);
  const mediaNode = isObj(responseNode) && isObj(responseNode.content) ? responseNode.content[media.contentType] : undefined;
  const example = exampleOf(model, mediaNode);
  const key = isJson(media.contentType) ? responseKeys.get(`${operation.operationId}\u0000${success.status}`) : undefined;
  return {
    status,
    contentType: media.contentType === "*/*" ? "application/json" : media.contentType,
    ...(example.found ? { example: example.value } : {}),
    ...(key !== undefined ? { schema: localRef(key) } : {}),
  };
}

/** The `$defs` the answers' schemas reach, and the key of each answer's schema. */
function answerSchemas(model: ApiModel): { readonly defs: Record<string, unknown>; readonly responseKeys: Map<string, string> } {
  const set = buildSchemaSet(model);
  const all = set.resources;
  const responseKeys = new Map<string, string>();
  const pending: string[] = [];
  for (const operation of set.operations) {
    const success = operation.responses.find(([status]) => /^2(\d\d|XX)$/i.test(status));
    if (success?.[1] !== undefined) {
      responseKeys.set(`${operation.operationId}\u0000${success[0]}`, success[1]);
      pending.push(success[1]);
    }
  }
  const defs: Record<string, unknown> = {};
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (key in defs || all[key] === undefined) continue;
    defs[key] = withLocalRefs(all[key]);
    for (const next of resourceRefsOf(all[key])) if (!(next in defs)) pending.push(next);
  }
  const sorted = Object.fromEntries(Object.keys(defs).sort().map((key) => [key, defs[key]]));
  return { defs: sorted, responseKeys };
}

/** A ref to `$defs/<key>` of the one document the handlers give json-schema-faker. */
function localRef(key: string): string {
  return `#/$defs/${escapeToken(key)}`;
}

/**
 * A resource of the validators' schema set (./validators/schema-set.ts: each schema its own resource, `$ref`s to
 * `payspec:validators/<key>`) as a `$defs` entry of one document: its refs to other resources made local.
 */
function withLocalRefs(schema: JsonSchema): JsonSchema {
  const copy = structuredClone(schema) as JsonSchema;
  const rewrite = (node: { $ref?: unknown }) => {
    const target = typeof node.$ref === "string" ? parseResourceRef(node.$ref) : undefined;
    if (target === undefined) return;
    const fragment = target.fragment.startsWith("#/") ? target.fragment.slice(1) : "";
    node.$ref = `${localRef(target.key)}${fragment}`;
  };
  forEachSubschema(copy, (sub) => rewrite(sub as { $ref?: unknown }));
  return copy;
}

function defaultBaseUrl(model: ApiModel): string {
  const server = model.servers[0];
  if (server === undefined) return "http://localhost";
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables[name]?.default ?? whole);
  return url.replace(/\/$/, "");
}

export function emitMsw(model: ApiModel, options: EmitMswOptions = {}): string {
  const runtimeImport = options.runtimeImport ?? LOCAL_RUNTIME_IMPORT;
  const { defs, responseKeys } = answerSchemas(model);
  const operations = model.operations.map((operation) => ({ ...contractOperation(model, operation), answer: mockAnswer(model, operation, responseKeys) }));
  const baseUrl = defaultBaseUrl(model);
  return [
    generatedHeader(model, "MSW request handlers"),
    "// Import it from your tests only (`import { handlers } from \"./msw.js\"`): the client's index.ts does not, so an app",
    "// that never mocks never bundles msw (an optional peer dependency of payspec) or json-schema-faker.",
    // msw's http entry only, not its main one (GraphQL, WebSocket, SSE...): a third of the time to the first answer.
    `import type { HttpHandler } from "msw";`,
    `import { http } from "msw/core/http";`,
    requestValidatorImports(runtimeImport),
    "",
    "// How a request is read, credentials found and violations worded: payspec's mock/http-contract.ts, embedded.",
    CONTRACT_SOURCE,
    "",
    "interface MockAnswer {",
    "  readonly status: number;",
    "  readonly contentType?: string;",
    "  readonly example?: unknown;",
    "  readonly schema?: string;",
    "}",
    "",
    "interface MockedOperation extends ContractOperation {",
    "  readonly answer: MockAnswer;",
    "}",
    "",
    `const securitySchemes: { readonly [name: string]: ContractSecurityScheme } = ${JSON.stringify(contractSecuritySchemes(model))};`,
    "",
    "/** Every operation: how to read its request, what it needs, and what it answers. */",
    `const operations: readonly MockedOperation[] = [\n${operations.map((operation) => `  ${JSON.stringify(operation)},`).join("\n")}\n];`,
    "",
    "/** The success responses' schemas (JSON Schema 2020-12, as the validators compile them), to generate answers from. */",
    `const $defs: { readonly [key: string]: unknown } = ${JSON.stringify(defs)};`,
    "",
    "export interface HandlersOptions {",
    `  /** The URL the handlers answer under (the client's \`baseUrl\`); default \`${docComment(baseUrl)}\`. In a browser a relative one is resolved against the page. */`,
    "  readonly baseUrl?: string;",
    "  /** Answer with values generated from the response schemas instead of the spec's examples. */",
    "  readonly dynamic?: boolean;",
    "  /** Seed of generated values (default 1): the same seed, the same answer. A request's `Prefer: seed=<n>` picks its own. */",
    "  readonly seed?: number;",
    "}",
    "",
    HANDLERS_SOURCE.replace("@@BASE_URL@@", JSON.stringify(baseUrl)),
  ].join("\n");
}

/** The msw-facing half of msw.ts, the same for every spec. */
const HANDLERS_SOURCE = `const routes = { get: http.get, put: http.put, post: http.post, delete: http.delete, patch: http.patch, head: http.head, options: http.options };

/**
 * One MSW request handler per operation. Each checks credentials (401) and the request (the client's own request
 * validator: 422, or 400 where the spec says so, with every violation's location, pointer and message), then answers
 * with the spec's example, or a value generated from the schema (\`dynamic\`, or where the spec has no example).
 *
 * \`\`\`ts
 * import { setupServer } from "msw/node";
 * const server = setupServer(...handlers({ baseUrl: "https://api.test" }));
 * \`\`\`
 */
export function handlers(options: HandlersOptions = {}): HttpHandler[] {
  const base = absoluteBase(options.baseUrl ?? @@BASE_URL@@);
  const basePath = new URL(base).pathname.replace(/\\/$/, "");
  const escapedBase = base.replace(/[.*+?^\${}()|[\\]\\\\]/g, "\\\\$&");
  return [...operations].sort(bySpecificity).map((operation) => {
    const route = routes[operation.method as keyof typeof routes] ?? http.all;
    const pattern = new RegExp(\`^\${escapedBase}\${pathPattern(operation.path).source}/?$\`);
    return route(pattern, ({ request }) => answer(operation, request, basePath, options));
  });
}

function absoluteBase(baseUrl: string): string {
  const page = (globalThis as { readonly location?: { readonly href: string } }).location?.href;
  return new URL(baseUrl, page).href.replace(/\\/$/, "");
}

interface IncomingRequest {
  readonly url: string;
  readonly headers: HeaderLookup;
  text(): Promise<string>;
}

const PROBLEM_JSON = "application/problem+json";

async function answer(operation: MockedOperation, request: IncomingRequest, basePath: string, options: HandlersOptions) {
  const url = new URL(request.url);
  // Another operation of the same path (told apart by its template's fragment): msw tries the next handler.
  if (!fragmentMatches(operation.path, request.headers, url)) return undefined;
  if (!credentialsPresent(operation, securitySchemes, request.headers, url)) {
    const detail = \`\${operation.operationId} needs credentials: \${operation.security.map((names) => names.join(" + ")).join(", or ")}.\`;
    return json(problem(401, "Invalid security scheme used", detail), 401, PROBLEM_JSON, { "www-authenticate": wwwAuthenticate(operation) });
  }
  const body = parseBody(request.headers.get("content-type"), await request.text(), operation.formBody);
  let violations: Violation[] = [];
  if (!body.ok) {
    violations = [{ location: ["body"], pointer: "/body", code: "json", message: \`body \${body.message}\`, severity: "Error" }];
  } else {
    const validate = requestValidator(operation.operationId);
    const pathParams = matchPath(operation.path, url.pathname.slice(basePath.length)) ?? {};
    const result = validate?.(callInput(operation, { pathParams, url, headers: request.headers, body: body.value }));
    if (result !== undefined && !result.ok) violations = violationsOf(result.errors);
  }
  if (violations.length > 0) {
    const detail = \`\${operation.operationId}: the request does not match the spec: \${violations.map((violation) => \`\${violation.pointer || "/"} \${violation.message}\`).join("; ")}\`;
    return json(problem(operation.badRequestStatus, "Invalid request", detail, violations), operation.badRequestStatus, PROBLEM_JSON);
  }
  const { status, contentType, schema } = operation.answer;
  if (contentType === undefined) return new Response(null, { status });
  const value = !options.dynamic && "example" in operation.answer ? operation.answer.example : await generated(schema, seedOf(request.headers, options));
  if (/json/i.test(contentType)) return json(value, status, contentType);
  return new Response(typeof value === "string" ? value : JSON.stringify(value ?? null), { status, headers: { "content-type": contentType } });
}

function json(value: unknown, status: number, contentType: string, headers: { readonly [name: string]: string } = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { ...headers, "content-type": contentType } });
}

/** The challenges of a 401, one per scheme the operation accepts (as Prism sends them). */
function wwwAuthenticate(operation: MockedOperation): string {
  const challenges = operation.security.flat().map((name) => {
    const scheme = securitySchemes[name];
    return scheme?.type === "http" ? capitalised(scheme.scheme) : scheme?.type === "apiKey" ? "apiKey" : "Bearer";
  });
  return [...new Set(challenges)].join(", ");
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function seedOf(headers: HeaderLookup, options: HandlersOptions): number {
  const preferred = /(?:^|[,;\\s])seed=(\\d+)/.exec(headers.get("prefer") ?? "")?.[1];
  return preferred !== undefined ? Number(preferred) : (options.seed ?? 1);
}

/**
 * A value of the schema, the same for the same seed. json-schema-faker's default depth (5) ends recursive schemas;
 * its reference-depth options cut required properties short (measured on the curated specs: 17 of 30 Medusa answers
 * valid with refDepthMax 3, all 30 with the defaults). Imported on the first answer that needs it: handlers that answer
 * with the spec's examples never load it (bench/mocks.ts: ~4 ms of the ~110 ms to a first answer).
 */
async function generated(schema: string | undefined, seed: number): Promise<unknown> {
  if (schema === undefined) return null;
  const { generateSync } = await import("json-schema-faker");
  return generateSync({ $ref: schema, $defs } as Parameters<typeof generateSync>[0], {
    seed,
    maxDefaultItems: 2,
    alwaysFakeOptionals: false,
    optionalsProbability: 0.5,
    failOnInvalidTypes: false,
  });
}`;
