/**
 * The loading policy for specs that are not ours: which of the problems Redocly finds stop generation, and which are
 * warnings that generation goes on after, with the meaning the file clearly intends.
 *
 * - An error is a problem that makes the output wrong or ambiguous: a `$ref` that resolves nowhere, a path template
 *   parameter declared nowhere, two operations with one operationId, a parameter without `name` or `in`, a schema
 *   whose `type` is no type, a server URL variable with no value...
 * - A warning says what was assumed: a style rule (paths that differ only in parameter names), a keyword where it
 *   does not belong (ignored), a documentation field of the wrong type (ignored), a 3.0 keyword in a 3.1 file
 *   (`nullable: true` read as "or null", and rewritten so that types and validators agree), a security requirement
 *   written as `null`, `type: "null"` beside alternatives none of which is null (`repairNullBesideAlternatives`), a
 *   204 or 205 response given a body (`repairNoContentBodies`).
 *
 * `repair` runs on the parsed source document the problem is in, before bundling, so the bundle (and so every
 * emitter) sees the assumed meaning; the problem keeps the exact file, line and pointer Redocly gave it.
 */
import type { NormalizedProblem } from "@redocly/openapi-core";
import { escapeToken, tokensOf, unescapeToken } from "./json-pointer.js";

type Obj = Record<string, unknown>;

export type Verdict =
  | { readonly kind: "error" }
  | {
      readonly kind: "warning";
      /** What generation assumes, said after the problem. */
      readonly assumed: string;
      /** Changes the parsed source document so that it says what is assumed; absent when ignoring it is enough. */
      readonly repair?: (document: unknown) => void;
    };

/** Redocly rules the generator runs; every problem they report goes through `classify`. */
export const GENERATOR_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId-unique": "error",
  "operation-parameters-unique": "error",
  "path-parameters-defined": "error",
  "path-declaration-must-exist": "error",
  "path-not-include-query": "error",
  "no-identical-paths": "error",
  "no-undefined-server-variable": "error",
  "no-server-variables-empty-enum": "error",
} as const;

/** Rules whose every problem is a style matter for the generator: the meaning is clear. */
const STYLE_RULES: Readonly<Record<string, string>> = {
  "no-identical-paths": "generated as two paths; the client tells them apart by the path as written",
};

/** Fields that only documentation reads: of the wrong type, they are left out of the docs and nothing else changes. */
const DOCUMENTATION_FIELDS = new Set([
  "description", "summary", "title", "termsOfService", "contact", "license", "externalDocs", "tags", "example",
  "examples", "x-logo", "x-tagGroups", "deprecated", "xml", "$comment",
]);

/** Schema keywords that only restrict valid values: of the wrong type, the validators leave that check out. */
const VALIDATION_ONLY_KEYWORDS = new Set([
  "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
  "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "multipleOf",
]);

/** Missing required fields whose absence leaves the meaning clear, and what is assumed. */
const MISSING_ASSUMED: Readonly<Record<string, string>> = {
  description: "generated without a description",
  title: "the title is taken from the file name",
  version: "generated with an empty version",
  info: "generated with the file name as title and an empty version",
  name: "left out of the docs",
  url: "left out of the docs",  // of externalDocs or a license: a server without one is an error (above)
  responses: "generated with no declared response",
  paths: "generated with no operations",
  content: "generated with no body",
};

/** Required fields whose absence changes the generated client: the spec must say them. */
const MISSING_IS_ERROR_UNDER = /\/(parameters\/\d+|securitySchemes\/[^/]+|discriminator|variables\/[^/]+|servers\/\d+)$/;

export function classify(problem: NormalizedProblem, openapiVersion: string): Verdict {
  if (problem.ruleId in STYLE_RULES) return { kind: "warning", assumed: STYLE_RULES[problem.ruleId]! };
  if (problem.ruleId !== "struct") return { kind: "error" };
  const pointer = problem.location[0]?.pointer?.replace(/^#/, "") ?? "";
  const tokens = safeTokens(pointer);
  const key = tokens.at(-1) ?? "";
  const message = problem.message;

  // Inside an extension (`x-webhooks`, `x-tagGroups`...): Redocly knows a few, the generator reads none of them.
  if (tokens.some((token) => token.startsWith("x-"))) return { kind: "warning", assumed: "ignored: the generator does not read this extension" };

  if (message.startsWith("Property `")) {
    if (key === "nullable" && openapiVersion.startsWith("3.1")) {
      return { kind: "warning", assumed: "`nullable` is OpenAPI 3.0; read as OpenAPI 3.1's \"or null\"", repair: (document) => nullableToTypeNull(document, tokens) };
    }
    return { kind: "warning", assumed: "ignored" };
  }
  if (message.startsWith("The field `") && message.endsWith("is not allowed here.")) return { kind: "warning", assumed: "ignored" };

  const missing = /^The field `([^`]+)` must be present/.exec(message);
  if (missing) {
    const field = missing[1]!;
    if (MISSING_IS_ERROR_UNDER.test(pointer) && field !== "description") return { kind: "error" };
    const assumed = MISSING_ASSUMED[field];
    return assumed !== undefined ? { kind: "warning", assumed } : { kind: "error" };
  }

  if (/^Expected type `SecurityRequirement` \(object\) but got `null`/.test(message)) {
    return {
      kind: "warning",
      assumed: "read as `{}`: this alternative needs no credentials",
      repair: (document) => setAt(document, tokens, {}),
    };
  }
  if (/^Expected type `SecurityRequirementList` \(array\) but got `null`/.test(message)) {
    return {
      kind: "warning",
      assumed: "ignored: the document's security applies",
      repair: (document) => deleteAt(document, tokens),
    };
  }
  if (/^Expected type /.test(message) || /^`[^`]+` can be one of/.test(message) || /^The value of the \S+ field must be/.test(message)) {
    // A wrong-typed field that only documentation reads, or a schema check that only validators make: left out.
    const field = DOCUMENTATION_FIELDS.has(key) ? key : DOCUMENTATION_FIELDS.has(tokens.at(-2) ?? "") ? tokens.at(-2)! : undefined;
    if (field !== undefined) return { kind: "warning", assumed: "ignored (documentation only)", repair: (document) => deleteAt(document, tokens.slice(0, tokens.lastIndexOf(field) + 1)) };
    if (VALIDATION_ONLY_KEYWORDS.has(key) && inSchema(tokens)) {
      return { kind: "warning", assumed: "ignored: the validators leave this check out", repair: (document) => deleteAt(document, tokens) };
    }
  }
  return { kind: "error" };
}

/** What to do about an error of a Redocly rule, where its own message does not say. */
export const RULE_HINTS: Readonly<Record<string, string>> = {
  "no-unresolved-refs": "fix the $ref, or define what it points at",
  "operation-operationId-unique": "rename one of them: client method names come from operationIds",
  "path-parameters-defined": "declare each `{name}` of the path template as a parameter with `in: path`, and no others",
  "operation-parameters-unique": "remove the duplicate parameter",
  "path-not-include-query": "declare the query items as `in: query` parameters: the client builds the query string",
  "no-undefined-server-variable": "declare the variable under the server's `variables`, with a default",
};

/**
 * OpenAPI 3.0's `nullable: true` in a 3.1 schema, rewritten the 3.1 way: `null` added to `type` (and to `enum`, which
 * would otherwise still refuse it), or, for a schema without `type` (a `$ref`, a composition), `anyOf` the schema and
 * `{type: "null"}`, with annotations kept outside. `nullable: false` is dropped.
 */
function nullableToTypeNull(document: unknown, tokens: readonly string[]): void {
  const schema = resolveTokens(document, tokens.slice(0, -1));
  if (!isObj(schema) || !("nullable" in schema)) return;
  const nullable = schema["nullable"] === true;
  delete schema["nullable"];
  if (!nullable) return;
  const type = schema["type"];
  if (typeof type === "string") schema["type"] = type === "null" ? type : [type, "null"];
  else if (Array.isArray(type)) {
    if (!type.includes("null")) type.push("null");
  } else if (["$ref", "allOf", "anyOf", "oneOf", "not", "if", "const", "enum"].some((keyword) => keyword in schema)) {
    const inner: Obj = {};
    for (const keyword of Object.keys(schema)) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith("x-")) continue;
      inner[keyword] = schema[keyword];
      delete schema[keyword];
    }
    schema["anyOf"] = [inner, { type: "null" }];
    return;
  }
  if (Array.isArray(schema["enum"]) && !schema["enum"].includes(null)) schema["enum"].push(null);
}

/**
 * A part of the document written in a form that cannot hold (a schema no value satisfies, a body a status cannot
 * have), rewritten to what is assumed instead.
 */
export interface Repair {
  /** Pointer to what cannot hold, in the document given. */
  readonly pointer: string;
  readonly message: string;
  readonly assumed: string;
}

/** Keys whose values are data, not schemas: a repair never looks inside them. */
const DATA_KEYWORDS = new Set(["example", "examples", "enum", "const", "default"]);

/**
 * A schema whose `type` is only "null" beside a `oneOf` or `anyOf` none of whose alternatives can be null (Vercel's
 * spec: `{type: "null", oneOf: [{type: "number"}, {type: "boolean"}]}`). No value is both null and one of those, so
 * as written it accepts nothing: the validators would refuse every value, and openapi-typescript types it as the
 * union with null where the alternatives are primitives, and as `null & (...)` otherwise (which does not compile
 * when an alternative refers back to the schema). Read as "one of these, or null", the way a 3.0 `nullable` is, and
 * rewritten to `anyOf: [{oneOf: [...]}, {type: "null"}]` in `document`, so that types and validators agree.
 */
export function repairNullBesideAlternatives(document: unknown): Repair[] {
  const repaired: Repair[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (!isObj(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (!DATA_KEYWORDS.has(key)) visit(value, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    }
    if (node["type"] !== "null") return;
    const keywords = (["oneOf", "anyOf"] as const).filter((keyword) => Array.isArray(node[keyword]) && (node[keyword] as unknown[]).length > 0);
    if (keywords.length === 0 || !keywords.every((keyword) => (node[keyword] as unknown[]).every(isNeverNull))) return;
    const alternatives: Obj = {};
    for (const keyword of keywords) {
      alternatives[keyword] = node[keyword];
      delete node[keyword];
    }
    delete node["type"];
    node["anyOf"] = [alternatives, { type: "null" }];
    repaired.push({
      pointer: `${pointer}/type`,
      message: `\`type: "null"\` beside \`${keywords.join("` and `")}\`, whose alternatives are none of them null: no value is both`,
      assumed: 'read as "one of these, or null", as a 3.0 `nullable: true` would say it',
    });
  };
  visit(document, "");
  return repaired;
}

/** An alternative that says its own type, and null is not one of them. */
function isNeverNull(schema: unknown): boolean {
  if (!isObj(schema) || "$ref" in schema) return false;
  const type = schema["type"];
  return typeof type === "string" ? type !== "null" : Array.isArray(type) && type.length > 0 && !type.includes("null");
}

/** Keywords that describe a schema without constraining it: they stay on the outer schema when it is wrapped. */
const ANNOTATIONS = new Set(["title", "description", "default", "example", "examples", "readOnly", "writeOnly", "deprecated", "externalDocs", "xml", "$comment", "discriminator"]);

function inSchema(tokens: readonly string[]): boolean {
  return tokens.includes("schema") || tokens.includes("schemas") || tokens.includes("properties") || tokens.includes("items");
}

function safeTokens(pointer: string): string[] {
  try {
    return tokensOf(pointer);
  } catch {
    return [];
  }
}

function resolveTokens(document: unknown, tokens: readonly string[]): unknown {
  let node = document;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Obj)[token];
  }
  return node;
}

function setAt(document: unknown, tokens: readonly string[], value: unknown): void {
  const parent = resolveTokens(document, tokens.slice(0, -1));
  const key = tokens.at(-1);
  if (parent !== null && typeof parent === "object" && key !== undefined && Object.hasOwn(parent, key)) (parent as Obj)[key] = value;
}

function deleteAt(document: unknown, tokens: readonly string[]): void {
  const parent = resolveTokens(document, tokens.slice(0, -1));
  const key = tokens.at(-1);
  if (parent === null || typeof parent !== "object" || key === undefined || !Object.hasOwn(parent, key)) return;
  // An item of a list stays (removing it would move the ones after it, which other problems point at).
  if (!Array.isArray(parent)) delete (parent as Obj)[key];
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const OPERATION_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
/** Statuses whose responses have no body (HTTP; the Fetch standard's null body statuses among the 2xx). */
const NO_CONTENT_STATUSES = ["204", "205"] as const;

/**
 * A 204 or 205 response with `content` (SendGrid's deletes): HTTP gives these statuses no body, so the servers send
 * none, and a client that expects the declared one fails on every call. Read as a response without a body (types,
 * client, validators and mocks alike): the inline response loses its `content`; a `$ref` to a shared response becomes
 * a copy of it without, so the other statuses that share it keep theirs.
 */
export function repairNoContentBodies(document: unknown): Repair[] {
  const repaired: Repair[] = [];
  if (!isObj(document) || !isObj(document["paths"])) return repaired;
  const components = isObj(document["components"]) && isObj(document["components"]["responses"]) ? document["components"]["responses"] : {};
  for (const [pathKey, pathItem] of Object.entries(document["paths"])) {
    if (!isObj(pathItem)) continue;
    for (const method of OPERATION_METHODS) {
      const operation = pathItem[method];
      if (!isObj(operation) || !isObj(operation["responses"])) continue;
      const responses = operation["responses"];
      for (const status of NO_CONTENT_STATUSES) {
        const response = responses[status];
        if (!isObj(response)) continue;
        const pointer = `/paths/${escapeToken(pathKey)}/${method}/responses/${status}`;
        const ref = typeof response["$ref"] === "string" ? /^#\/components\/responses\/([^/]+)$/.exec(response["$ref"]) : null;
        const target = ref !== null ? components[unescapeToken(ref[1]!)] : response;
        if (!isObj(target) || !isObj(target["content"]) || Object.keys(target["content"]).length === 0) continue;
        if (ref !== null) {
          const { content: _content, ...withoutContent } = target;
          responses[status] = structuredClone(withoutContent);
        } else {
          delete response["content"];
        }
        repaired.push({
          pointer: ref !== null ? pointer : `${pointer}/content`,
          message: `a ${status} response has no body in HTTP, but this one is given \`content\``,
          assumed: "read as a response without a body, as servers send it",
        });
      }
    }
  }
  return repaired;
}
