/**
 * The TypeScript sample each operation shows on its Redoc page (as Stainless-built references do): import the
 * generated client, construct it with its server variables and the credentials the operation needs, and await the
 * method with an input built from the spec's examples. The one place that writes such a sample: a paged form
 * (`for await`) belongs here too when the client has one.
 */
import { operationTypes } from "../generator/emit/operation-types.js";
import type { ApiModel, Operation, ParameterLocation, SecurityScheme } from "../generator/model.js";
import { propertyKey, words } from "../generator/names.js";
import { declaredExample, valueForSchema } from "./example-values.js";
import { parameterObjectsOf, requestMediaOf } from "./spec-objects.js";

export interface SampleOptions {
  /** The module the client is imported from: `payspec/<name>`, `./src/api/index.js`. */
  readonly importFrom: string;
}

/** What Redoc's `x-codeSamples` holds for one sample. */
export interface CodeSample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

export function typescriptSample(model: ApiModel, operation: Operation, options: SampleOptions): CodeSample {
  const types = operationTypes(operation);
  const input = sampleInput(model, operation);
  const call = `client.${operation.methodName}(${Object.keys(input).length > 0 ? printValue(input, 0, `const result = await client.${operation.methodName}(`.length) : ""})`;
  const lines = [
    `import { ${model.clientName} } from ${JSON.stringify(options.importFrom)};`,
    "",
    `const client = new ${model.clientName}(${constructorOptions(model, operation)});`,
    "",
    ...(types.success?.contentType === undefined ? [`await ${call};`] : [`const result = await ${call};`, "console.log(result);"]),
  ];
  return { lang: "TypeScript", label: "TypeScript", source: `${lines.join("\n")}\n` };
}

/** `{ serverVariables, credentials }` as the generated README shows them, with the credentials this operation sends. */
function constructorOptions(model: ApiModel, operation: Operation): string {
  const fields: Record<string, unknown> = {};
  const server = model.servers[0];
  if (!server) fields["baseUrl"] = "https://api.example.com";
  const variables = Object.entries(server?.variables ?? {});
  if (variables.length > 0) fields["serverVariables"] = Object.fromEntries(variables.map(([name, variable]) => [name, variable.default]));
  // The first way the operation's security can be met, as in the README's example; mutual TLS is not a credential.
  const schemes = Object.keys(operation.security[0] ?? {}).filter((name) => {
    const scheme = model.securitySchemes[name];
    return scheme !== undefined && scheme.type !== "mutualTLS";
  });
  if (schemes.length > 0) {
    fields["credentials"] = Object.fromEntries(
      schemes.map((name) => [name, credentialFromEnv(model, name, model.securitySchemes[name] as SecurityScheme)]),
    );
  }
  return Object.keys(fields).length > 0 ? printValue(fields, 0, `const client = new ${model.clientName}(`.length) : "";
}

/** Code, not data: printed as written. */
class Code {
  constructor(readonly text: string) {}
}

/** A credential is read from the environment: a sample never shows one, not even a made-up one. */
function credentialFromEnv(model: ApiModel, schemeName: string, scheme: SecurityScheme): Code | Record<string, Code> {
  const variable = [...words(model.name), ...words(schemeName)].join("_").toUpperCase();
  const fromEnv = (suffix: string) => new Code(`process.env.${variable}${suffix}!`);
  return scheme.type === "http" && scheme.scheme.toLowerCase() === "basic"
    ? { username: fromEnv("_USERNAME"), password: fromEnv("_PASSWORD") }
    : fromEnv("");
}

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];

/**
 * `{ path, query, header, cookie, body }` with what a call needs: every required parameter (but the single-valued
 * headers the client sends itself), the optional ones the spec gives an example for, and the body.
 */
function sampleInput(model: ApiModel, operation: Operation): Record<string, unknown> {
  const document = model.document;
  const objects = parameterObjectsOf(model, operation);
  const input: Record<string, unknown> = {};
  for (const location of LOCATIONS) {
    const values: Record<string, unknown> = {};
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === location && candidate.constantValue === undefined)) {
      const object = objects.get(`${location} ${parameter.name}`);
      const example = object === undefined ? undefined : declaredExample(document, object);
      if (example !== undefined) values[parameter.name] = example.value;
      else if (parameter.required) values[parameter.name] = valueForSchema(document, parameter.schema);
    }
    if (Object.keys(values).length > 0) input[location] = values;
  }
  const { bodyContentType } = operationTypes(operation);
  if (bodyContentType !== undefined) {
    const media = requestMediaOf(model, operation, bodyContentType);
    const example = media === undefined ? undefined : declaredExample(document, media);
    if (example !== undefined) input["body"] = example.value;
    else if (operation.requestBody?.required || media?.["schema"] !== undefined) input["body"] = valueForSchema(document, media?.["schema"]);
  }
  return input;
}

const WIDTH = 60;

/** A value as a TypeScript literal: on one line when it fits (after `prefix` characters), else one entry a line. */
export function printValue(value: unknown, indent: number, prefix = 0): string {
  const flat = printFlat(value);
  if (indent + prefix + flat.length < WIDTH || !isComposite(value)) return flat;
  const inner = " ".repeat(indent + 2);
  const entries = Array.isArray(value)
    ? value.map((item) => `${inner}${printValue(item, indent + 2)},`)
    : Object.entries(value).map(([key, item]) => `${inner}${propertyKey(key)}: ${printValue(item, indent + 2, propertyKey(key).length + 2)},`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${entries.join("\n")}\n${" ".repeat(indent)}${close}`;
}

function printFlat(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) return `[${value.map(printFlat).join(", ")}]`;
  if (isComposite(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([key, item]) => `${propertyKey(key)}: ${printFlat(item)}`).join(", ")} }`;
  }
  // JSON for strings, numbers, booleans and null; a value JSON cannot hold (a YAML date) as its JSON form.
  return value === undefined ? "undefined" : (JSON.stringify(value) ?? "null");
}

function isComposite(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null && !(value instanceof Code) && !(value instanceof Date);
}
