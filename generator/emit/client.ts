/**
 * `emitClient`: `client.ts`, one class per spec with one method per operation, built as declarations and printed
 * once (./print.ts). Every method hands the runtime's
 * `ClientCore` a static `OperationInfo`; all behaviour (auth, retries, validation, errors, paging) is the runtime's.
 *
 * The module has no top-level side effects (an app that imports the client and does not use it bundles none of it).
 * It imports the request validators statically (`requestValidators`, a table of references) and the response
 * validators only on first use, by a dynamic import, when `validate.response` is on.
 */
import { LOCAL_RUNTIME_IMPORT } from "./runtime.js";
import type { ApiModel, MediaType, Operation } from "../model.js";
import { propertyKey } from "../names.js";
import { operationTypes, type OperationTypes } from "./operation-types.js";
import { printSourceFile, type ClassDeclaration, type InterfaceDeclaration, type MethodDeclaration, type Statement, type TypeAliasDeclaration } from "./print.js";
import { credentialSchemes, credentialType, schemeWording } from "./security.js";
import { docComment, generatedHeader } from "./text.js";

export interface EmitClientOptions {
  /** The runtime folder as a module path from the client's folder (pipeline.ts `EmitContext.runtimeImport`). */
  readonly runtimeImport?: string;
}

interface Typed {
  readonly operation: Operation;
  readonly types: OperationTypes;
}

export function emitClient(model: ApiModel, options: EmitClientOptions = {}): string {
  const typed: Typed[] = model.operations.map((operation) => ({ operation, types: operationTypes(operation, model) }));
  const statements: Statement[] = [];
  const bodyHelpers = [...new Set(typed.flatMap(({ operation, types }) => operationBody(operation, types)?.uses ?? []))].sort();

  statements.push(
    [
      `import type { Client as FetchClient } from "openapi-fetch";`,
      `import { ${runtimeImports(model, typed, bodyHelpers).join(", ")} } from "${options.runtimeImport ?? LOCAL_RUNTIME_IMPORT}/index.js";`,
      `import type { paths } from "./schema.js";`,
      `import { requestValidators } from "./validators.js";`,
    ].join("\n"),
  );

  if (typed.some(({ types }) => types.parts.some((part) => part.type.startsWith("OptionalKeys<")))) {
    statements.push(`/** \`T\` with the keys \`K\` made optional: parameters the client fills in itself. */\ntype OptionalKeys<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;`);
  }

  statements.push(optionsInterface(model));
  statements.push(`const securitySchemes: Readonly<Record<string, SecuritySchemeInfo>> = ${securitySchemesLiteral(model)};`);
  const server = model.servers[0];
  if (server) statements.push(`const defaultServer = ${serverLiteral(server.url, server.variables)};`);
  if (typed.length > 0) {
    statements.push(
      [
        "/** What the runtime needs to know about each operation. */",
        `const operations: { readonly [method in ${typed.map(({ operation }) => JSON.stringify(operation.methodName)).join(" | ")}]: OperationInfo } = {`,
        ...typed.map(({ operation, types }) => `  ${propertyKey(operation.methodName)}: ${operationInfoLiteral(operation, types)},`),
        "};",
      ].join("\n"),
    );
  }

  for (const { operation, types } of typed) {
    statements.push(inputType(model.clientName, operation, types), responseType(operation, types));
    if (types.paging !== undefined) statements.push(itemType(operation, types));
  }
  statements.push(clientClass(model, typed));

  // String statements are printed as written; a trailing newline keeps a blank line between them.
  // Consecutive string statements are joined by hand: the printer puts no blank line between them.
  const merged: Statement[] = [];
  for (const statement of statements) {
    const last = merged[merged.length - 1];
    if (typeof statement === "string" && typeof last === "string") merged[merged.length - 1] = `${last}\n\n${statement}`;
    else merged.push(statement);
  }
  return `${generatedHeader(model, "Typed client")}\n${printSourceFile(merged)}`;
}

/** Methods the runtime retries (templates/runtime/retry.ts): safe to send twice. */
const REPEATABLE_METHODS: ReadonlySet<string> = new Set(["get", "head", "options", "put", "delete", "trace"]);

/**
 * The runtime parts (`ClientParts`) a client of `model` hands its ClientCore besides its validators, each by the name
 * client.ts imports it under, so that a client bundles only what its operations can use: query-style serialisation
 * when an operation has query parameters or a scheme puts an apiKey in the query; cookie handling when an operation
 * has cookie parameters or a scheme puts one in a cookie; retry waits when an operation is safe to repeat; redirect
 * following when one is a GET or HEAD.
 */
export function runtimeParts(model: ApiModel): {
  readonly query?: "querySerializerFor";
  readonly cookies?: "withCookies";
  readonly retries?: "retryWaits";
  readonly redirects?: "fetchFollowing";
} {
  const uses = (where: "query" | "cookie"): boolean =>
    model.operations.some((operation) => operation.parameters.some((parameter) => parameter.in === where)) ||
    Object.values(model.securitySchemes).some((scheme) => scheme.type === "apiKey" && scheme.in === where);
  const methods = new Set(model.operations.map((operation) => operation.method));
  return {
    ...(uses("query") ? { query: "querySerializerFor" } : {}),
    ...(uses("cookie") ? { cookies: "withCookies" } : {}),
    ...([...methods].some((method) => REPEATABLE_METHODS.has(method)) ? { retries: "retryWaits" } : {}),
    ...(methods.has("get") || methods.has("head") ? { redirects: "fetchFollowing" } : {}),
  } as const;
}

/** What client.ts takes from the runtime: only what it uses (an unused import fails `noUnusedLocals`). */
function runtimeImports(model: ApiModel, typed: readonly Typed[], bodyHelpers: readonly string[]): string[] {
  const operations = typed.length > 0;
  const parts = runtimeParts(model);
  return [
    ...bodyHelpers,
    "ClientCore",
    ...(parts.redirects !== undefined ? [parts.redirects] : []),
    ...(typed.some(({ types }) => types.paging !== undefined) ? ["paginate"] : []),
    ...(parts.query !== undefined ? [parts.query] : []),
    ...(model.servers.length > 0 ? ["resolveServerUrl"] : []),
    ...(parts.retries !== undefined ? [parts.retries] : []),
    ...(parts.cookies !== undefined ? [parts.cookies] : []),
    "type CoreOptions",
    ...(operations ? ["type OperationInfo"] : []),
    ...(typed.some(({ types }) => types.paging !== undefined) ? ["type PagePromise"] : []),
    ...(operations ? ["type RequestOptions"] : []),
    "type SecuritySchemeInfo",
  ];
}

function optionsInterface(model: ApiModel): string {
  const server = model.servers[0];
  const lines = [`/** Options of {@link ${model.clientName}}. */`, `export interface ${model.clientName}Options extends Omit<CoreOptions, "baseUrl" | "credentials"> {`];
  lines.push(
    server
      ? `  /** Overrides the server URL entirely (default \`${docComment(server.url)}\`). */\n  readonly baseUrl?: string;`
      : "  /** URL of the API: the spec declares no server. */\n  readonly baseUrl: string;",
  );
  const variables = server ? Object.entries(server.variables) : [];
  if (server && variables.length > 0) {
    lines.push(`  /** Fills the variables of the server URL \`${docComment(server.url)}\`. */`, "  readonly serverVariables?: {");
    for (const [name, variable] of variables) {
      const type = variable.enum && variable.enum.length > 0 ? variable.enum.map((value) => JSON.stringify(value)).join(" | ") : "string";
      lines.push(`    /** ${variable.description ? oneLine(variable.description) : `Server variable \`${name}\`.`} Default \`${docComment(variable.default)}\`. */`, `    readonly ${propertyKey(name)}?: ${type};`);
    }
    lines.push("  };");
  }
  const credentials = credentialSchemes(model);
  if (credentials.length > 0) {
    lines.push("  /** One entry per security scheme of the spec; each operation sends the ones its security requires. */", "  readonly credentials?: {");
    for (const [name, scheme] of credentials) lines.push(`    /** ${docComment(schemeWording(scheme))} */`, `    readonly ${propertyKey(name)}?: ${credentialType(scheme)};`);
    lines.push("  };");
  }
  lines.push("}");
  return lines.join("\n");
}

/** One line of doc text: the first paragraph, whitespace collapsed. */
function oneLine(text: string): string {
  return docComment(firstParagraph(text).replace(/\s+/g, " ").trim());
}

function securitySchemesLiteral(model: ApiModel): string {
  const entries = Object.entries(model.securitySchemes).map(([name, scheme]) => {
    const info =
      scheme.type === "http"
        ? { type: "http", scheme: scheme.scheme }
        : scheme.type === "apiKey"
          ? { type: "apiKey", in: scheme.in, name: scheme.name }
          : { type: scheme.type };
    return `  ${propertyKey(name)}: ${literal(info)},`;
  });
  return entries.length === 0 ? "{}" : `{\n${entries.join("\n")}\n}`;
}

function serverLiteral(url: string, variables: Readonly<Record<string, { readonly default: string; readonly enum?: readonly string[] }>>): string {
  const stripped = Object.fromEntries(
    Object.entries(variables).map(([name, variable]) => [name, { default: variable.default, ...(variable.enum ? { enum: variable.enum } : {}) }]),
  );
  return literal({ url, variables: stripped });
}

function operationInfoLiteral(operation: Operation, types: OperationTypes): string {
  const constantHeaders = Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === "header" && parameter.constantValue !== undefined)
      .map((parameter) => [parameter.name, parameter.constantValue]),
  );
  const fields = [
    `operationId: ${JSON.stringify(operation.operationId)}`,
    `method: ${JSON.stringify(operation.method)}`,
    `path: ${JSON.stringify(operation.path)}`,
    `security: ${literal(operation.security)}`,
    `constantHeaders: ${literal(constantHeaders)}`,
    `responses: ${literal(Object.fromEntries(types.declared.map(({ status, content, json }) => [status, { content, json }])))}`,
  ];
  const queryStyles = Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === "query" && (parameter.style !== undefined || parameter.explode !== undefined))
      .map((parameter) => {
        const style = parameter.style ?? "form";
        // OpenAPI: `explode` defaults to true for the form style only.
        return [parameter.name, { style, explode: parameter.explode ?? style === "form" }];
      }),
  );
  if (Object.keys(queryStyles).length > 0) fields.push(`queryStyles: ${literal(queryStyles)}`);
  const body = operationBody(operation, types);
  if (body !== undefined) fields.push(`requestBody: ${body.literal}`);
  if (types.paging !== undefined) fields.push(`paging: ${literal(types.paging.info)}`);
  return `{ ${fields.join(", ")} }`;
}

/** How the operation's request body is sent (`requestBody`), from the media type the client sends and its `encoding`. */
function operationBody(operation: Operation, types: OperationTypes): ReturnType<typeof requestBody> {
  if (types.bodyContentType === undefined) return undefined;
  const media = operation.requestBody?.content.find((candidate) => candidate.contentType === types.bodyContentType);
  return requestBody(types.bodyContentType, media?.encoding);
}

/** The query styles the runtime writes (templates/runtime/query.ts); a form field's `encoding` may name no other. */
const FORM_FIELD_STYLES = new Set(["form", "spaceDelimited", "pipeDelimited", "deepObject"]);

/**
 * How a body of `mediaType` is sent, as the runtime's `BodyEncoding` (templates/runtime/body.ts) written as a literal,
 * with the runtime names it uses; undefined for JSON, openapi-fetch's default. A form body whose `encoding` gives
 * fields a style is written with those styles (`formBodyWith`), as a query parameter of that style would be.
 */
export function requestBody(mediaType: string, encoding?: MediaType["encoding"]): { readonly literal: string; readonly uses: readonly string[] } | undefined {
  const base = mediaType.split(";")[0]!.trim().toLowerCase();
  if (base === "application/json" || base === "*/*") return undefined;
  if (base.endsWith("+json")) return { literal: `{ contentType: ${JSON.stringify(mediaType)} }`, uses: [] };
  if (base === "application/x-www-form-urlencoded") {
    const styles = Object.fromEntries(
      Object.entries(encoding ?? {})
        .map(([name, field]) => [name, field.style ?? "form", field.explode] as const)
        .filter(([, style]) => FORM_FIELD_STYLES.has(style))
        // OpenAPI: `explode` defaults to true for the form style only.
        .map(([name, style, explode]) => [name, { style, explode: explode ?? style === "form" }]),
    );
    return Object.keys(styles).length > 0 ? { literal: `formBodyWith(${literal(styles)})`, uses: ["formBodyWith"] } : { literal: "formBody", uses: ["formBody"] };
  }
  if (base === "multipart/form-data") return { literal: "multipartBody", uses: ["multipartBody"] };
  // A range such as `image/*` names no type to send: fetch sends the body's own (a Blob's type).
  return { literal: `{ serialize: bodyAsGiven, contentType: ${base.includes("*") ? "null" : JSON.stringify(mediaType)} }`, uses: ["bodyAsGiven"] };
}

function inputType(clientName: string, operation: Operation, types: OperationTypes): InterfaceDeclaration | TypeAliasDeclaration {
  const docs = [`Input of {@link ${clientName}.${operation.methodName}} (\`${operation.method.toUpperCase()} ${docComment(operation.path)}\`).`];
  if (types.parts.length === 0) {
    return { kind: "type", name: types.inputName, isExported: true, type: "Record<string, never>", docs };
  }
  const constants = operation.parameters.filter((parameter) => parameter.in === "header" && parameter.constantValue !== undefined);
  const constantDoc = `Headers with a single allowed value (${constants.map((p) => `\`${p.name}: ${p.constantValue ?? ""}\``).join(", ")}) are sent by the client.`;
  return {
    kind: "interface",
    name: types.inputName,
    isExported: true,
    docs,
    properties: types.parts.map((part) => ({
      name: part.location,
      isReadonly: true,
      hasQuestionToken: !part.required,
      type: part.type,
      ...(part.location === "header" && constants.length > 0 ? { docs: [docComment(constantDoc)] } : {}),
    })),
  };
}

function responseType(operation: Operation, types: OperationTypes): TypeAliasDeclaration {
  const what = types.success
    ? types.success.contentType
      ? `The \`${docComment(types.success.contentType)}\` body of the ${types.success.status} response`
      : `Nothing (the ${types.success.status} response has no body)`
    : "Nothing (no success response is declared)";
  const others = types.declared.filter((declared) => declared.status !== types.success?.status).map((declared) => declared.status);
  const also = others.length > 0 && types.responseType !== "void" ? ` (or of ${others.join(", ")}, as declared)` : "";
  return {
    kind: "type",
    name: types.responseName,
    isExported: true,
    type: types.responseType,
    docs: [`${what}${also} of \`${operation.method.toUpperCase()} ${docComment(operation.path)}\`.`],
  };
}

/** As text: the printer puts no blank line between two type aliases in a row. */
function itemType(operation: Operation, types: OperationTypes): string {
  const paging = types.paging!;
  const where = paging.info.items === "" ? "the body" : `\`${paging.info.items}\``;
  return `\n/** One item of a page of \`${operation.method.toUpperCase()} ${docComment(operation.path)}\` (at ${where} in its body). */\nexport type ${paging.itemName} = ${paging.itemType};`;
}

function clientClass(model: ApiModel, typed: readonly Typed[]): ClassDeclaration {
  const server = model.servers[0];
  const optionsType = `${model.clientName}Options`;
  const hasVariables = server !== undefined && Object.keys(server.variables).length > 0;
  const hasCredentials = credentialSchemes(model).length > 0;
  // The runtime parts this spec needs, by ClientParts' name for each.
  const parts = Object.entries(runtimeParts(model)).map(([part, name]) => `    ${part}: ${name},`);
  const destructured = ["baseUrl", ...(hasVariables ? ["serverVariables"] : []), ...(hasCredentials ? ["credentials"] : []), "...coreOptions"];
  const baseUrl = server
    ? hasVariables
      ? "baseUrl ?? resolveServerUrl(defaultServer.url, defaultServer.variables, serverVariables)"
      : "baseUrl ?? resolveServerUrl(defaultServer.url, defaultServer.variables)"
    : "baseUrl";

  const methods: MethodDeclaration[] = typed.map(({ operation, types }) => {
    const paging = types.paging;
    return {
      name: operation.methodName,
      docs: [methodDoc(operation, types)],
      parameters: [
        types.inputRequired ? { name: "input", type: types.inputName } : { name: "input", type: types.inputName, initializer: "{}" },
        { name: "options", type: "RequestOptions", hasQuestionToken: true },
      ],
      returnType: paging === undefined ? `Promise<${types.responseName}>` : `PagePromise<${types.responseName}, ${paging.itemName}>`,
      statements: [
        paging === undefined
          ? `return this.#core.call<${types.responseName}>(operations.${operation.methodName}, input, options);`
          : `return paginate<${types.responseName}, ${paging.itemName}>(this.#core, operations.${operation.methodName}, input, options);`,
      ],
    };
  });

  return {
    kind: "class",
    name: model.clientName,
    isExported: true,
    docs: [classDoc(model)],
    properties: [
      { name: "#core", isReadonly: true, type: "ClientCore" },
      { name: "raw", isReadonly: true, type: "FetchClient<paths>", docs: ["The underlying openapi-fetch client, for `{ data, error, response }` style calls. Credentials and default headers apply to it too."] },
    ],
    ctors: [
      {
        parameters: [server ? { name: "options", type: optionsType, initializer: "{}" } : { name: "options", type: optionsType }],
        statements: [
          `const { ${destructured.join(", ")} } = options;`,
          `this.#core = new ClientCore(`,
          `  securitySchemes,`,
          `  {`,
          `    ...coreOptions,`,
          `    baseUrl: ${baseUrl},`,
          ...(hasCredentials ? [`    ...(credentials !== undefined ? { credentials } : {}),`] : []),
          `  },`,
          `  {`,
          `    request: requestValidators,`,
          `    // Response validators are loaded on first use only: an app that never validates responses never bundles them.`,
          `    loadResponse: () => import("./response-validators.js").then((module) => module.responseValidators),`,
          ...parts,
          `  },`,
          `);`,
          `this.raw = this.#core.raw as FetchClient<paths>;`,
        ],
      },
    ],
    methods,
  };
}

function classDoc(model: ApiModel): string {
  const lines = [`Client of ${model.title.trim()} (version ${model.version.trim()}).`];
  if (model.description) lines.push("", firstParagraph(model.description));
  const server = model.servers[0];
  if (server) lines.push("", `Default server: \`${server.url}\`.`);
  return docComment(lines.join("\n"));
}

function methodDoc(operation: Operation, types: OperationTypes): string {
  const lines: string[] = [];
  if (operation.summary) lines.push(operation.summary);
  if (operation.description && operation.description !== operation.summary) lines.push(...(lines.length > 0 ? [""] : []), operation.description.trim());
  if (lines.length > 0) lines.push("");
  lines.push(`\`${operation.method.toUpperCase()} ${operation.path}\``);
  if (types.paging !== undefined) {
    lines.push(
      "",
      `A paged list: \`await\` it for one page, or walk every item of every page with \`for await (const item of client.${operation.methodName}(...))\`.`,
    );
  }
  lines.push("", `@see operationId \`${operation.operationId}\`${operation.operationIdDerived ? " (derived: the spec gives none)" : ""}`);
  lines.push("@throws {RequestValidationError} when the input does not match the spec (nothing is sent).");
  lines.push("@throws {APIError} when the server answers with a non-2xx status (`NotFoundError`, `RateLimitError`, ... by status).");
  lines.push("@throws {ResponseValidationError} when a 2xx answer is not what the spec declares (status, content type, body).");
  lines.push("@throws {APIConnectionError} when the server cannot be reached or times out (`APIConnectionTimeoutError`).");
  lines.push("@throws {APIUserAbortError} when `options.signal` aborts the call.");
  if (operation.method !== "get" && operation.method !== "head") {
    lines.push("@throws {RedirectError} when the server answers with a redirect: the request may or may not have been acted on.");
  }
  if (operation.deprecated) lines.push("@deprecated The spec marks this operation deprecated.");
  return docComment(lines.join("\n"));
}

function firstParagraph(text: string): string {
  return text.trim().split(/\n\s*\n/)[0] ?? "";
}

/** A JSON-compatible value as a TypeScript literal: `{ a: "x", "b-c": [1] }`. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([key, item]) => `${propertyKey(key)}: ${literal(item)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}
