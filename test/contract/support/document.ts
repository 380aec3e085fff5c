/**
 * What the contract tests know about a spec, read straight from the bundled spec (Redocly's `bundle`, the same
 * bundling users' tools do), not from the generator's model: the operations, their parameters, bodies, security and
 * the example of their success response. Expected values come from here, never from the code under test.
 */
import { bundle, createConfig } from "@redocly/openapi-core";
import { specPath, type SpecName } from "../../../mock/index.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = { readonly [keyword: string]: unknown };
export type Location = "path" | "query" | "header" | "cookie";

export interface ContractParameter {
  readonly name: string;
  readonly in: Location;
  readonly required: boolean;
  readonly schema: Schema;
  readonly style?: string;
  readonly explode?: boolean;
  /** The parameter's example, when the spec gives one (`example`, first of `examples`, or the schema's). */
  readonly example?: unknown;
  /** The single value the schema allows (`const`, one-item `enum`): the client sends it itself. */
  readonly constantValue?: string;
}

export interface ContractOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly ContractParameter[];
  readonly requestBody?: {
    readonly required: boolean;
    readonly contentType: string;
    readonly schema: Schema;
    readonly example?: unknown;
  };
  /** The lowest 2xx response: the one Prism returns for a valid request, and the one the client resolves with. */
  readonly success: {
    readonly status: string;
    readonly schema?: Schema;
    /** Present when the spec gives an example for it (the static mock returns exactly this). */
    readonly example?: { readonly value: unknown };
  };
  /** Effective security requirements; `[]` means none. */
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
}

export interface ContractSpec {
  readonly name: SpecName;
  readonly document: Record<string, unknown>;
  readonly securitySchemes: Readonly<Record<string, Schema>>;
  readonly operations: readonly ContractOperation[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export async function loadContractSpec(name: SpecName): Promise<ContractSpec> {
  const config = await createConfig({});
  const { bundle: bundled } = await bundle({ ref: specPath(name), config, dereference: false });
  const document = bundled.parsed as Record<string, unknown>;
  const deref = <T>(value: T): T => resolveRefs(document, value) as T;

  const operations: ContractOperation[] = [];
  const paths = (document["paths"] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(rawItem);
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      operations.push(readOperation(document, path, method, item, operation, deref));
    }
  }
  const components = (document["components"] ?? {}) as Record<string, unknown>;
  const securitySchemes = Object.fromEntries(
    Object.entries((components["securitySchemes"] ?? {}) as Record<string, unknown>).map(([key, value]) => [key, deref(value) as Schema]),
  );
  return { name, document, securitySchemes, operations };
}

function readOperation(
  document: Record<string, unknown>,
  path: string,
  method: string,
  item: Record<string, unknown>,
  operation: Record<string, unknown>,
  deref: <T>(value: T) => T,
): ContractOperation {
  const merged = new Map<string, ContractParameter>();
  for (const raw of [...((item["parameters"] ?? []) as unknown[]), ...((operation["parameters"] ?? []) as unknown[])]) {
    const parameter = deref(raw) as Record<string, unknown>;
    const schema = (parameter["schema"] ?? {}) as Schema;
    const resolvedSchema = deref(schema);
    const example = firstExample(parameter) ?? firstExample(resolvedSchema);
    const constant = constantOf(resolvedSchema);
    merged.set(`${String(parameter["in"])}:${String(parameter["name"])}`, {
      name: String(parameter["name"]),
      in: parameter["in"] as Location,
      required: parameter["required"] === true,
      schema,
      ...(typeof parameter["style"] === "string" ? { style: parameter["style"] } : {}),
      ...(typeof parameter["explode"] === "boolean" ? { explode: parameter["explode"] } : {}),
      ...(example ? { example: example.value } : {}),
      ...(constant !== undefined ? { constantValue: constant } : {}),
    });
  }

  let requestBody: ContractOperation["requestBody"];
  if (operation["requestBody"]) {
    const body = deref(operation["requestBody"]) as Record<string, unknown>;
    const content = (body["content"] ?? {}) as Record<string, Record<string, unknown>>;
    const contentType = Object.keys(content).find((type) => /json/i.test(type)) ?? Object.keys(content)[0];
    if (contentType) {
      const media = deref(content[contentType]!);
      const example = firstExample(media, deref);
      requestBody = {
        required: body["required"] === true,
        contentType,
        schema: (media["schema"] ?? {}) as Schema,
        ...(example ? { example: example.value } : {}),
      };
    }
  }

  const responses = (operation["responses"] ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  if (status === undefined) throw new Error(`${String(operation["operationId"])} has no 2xx response`);
  const response = deref(responses[status]) as Record<string, unknown>;
  const content = (response["content"] ?? {}) as Record<string, Record<string, unknown>>;
  const jsonType = Object.keys(content).find((type) => /json/i.test(type));
  const media = jsonType ? deref(content[jsonType]!) : undefined;
  const example = media ? firstExample(media, deref) : undefined;

  return {
    operationId: String(operation["operationId"]),
    method,
    path,
    parameters: [...merged.values()],
    ...(requestBody ? { requestBody } : {}),
    success: {
      status,
      ...(media?.["schema"] ? { schema: media["schema"] as Schema } : {}),
      ...(example ? { example } : {}),
    },
    security: (operation["security"] ?? document["security"] ?? []) as ContractOperation["security"],
  };
}

/** Prism's choice of example: `example`, else the first entry of `examples` (its `value`). */
function firstExample(holder: Record<string, unknown>, deref: <T>(value: T) => T = (v) => v): { value: unknown } | undefined {
  if ("example" in holder) return { value: holder["example"] };
  const examples = holder["examples"];
  if (Array.isArray(examples) && examples.length > 0) return { value: examples[0] };
  if (examples && typeof examples === "object") {
    const first = Object.values(examples as Record<string, unknown>)[0];
    if (first !== undefined) {
      const resolved = deref(first) as Record<string, unknown>;
      if ("value" in resolved) return { value: resolved["value"] };
    }
  }
  return undefined;
}

function constantOf(schema: Schema): string | undefined {
  if (schema["const"] !== undefined) return String(schema["const"]);
  const values = schema["enum"];
  if (Array.isArray(values) && values.length === 1) return String(values[0]);
  return undefined;
}

/** Follows a local `$ref` (one level: the target may hold further refs, resolved by callers as they walk). */
export function resolveRefs(document: unknown, value: unknown, seen: ReadonlySet<string> = new Set()): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const ref = (value as Record<string, unknown>)["$ref"];
    if (typeof ref === "string" && ref.startsWith("#") && !seen.has(ref)) {
      return resolveRefs(document, pointer(document, ref.slice(1)), new Set([...seen, ref]));
    }
  }
  return value;
}

export function pointer(document: unknown, path: string): unknown {
  let node: unknown = document;
  for (const raw of path.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** A schema with its own `$ref` followed and `allOf` parts' properties/required merged (enough to pick fields from). */
export function flatten(document: unknown, schema: unknown): Schema {
  const resolved = resolveRefs(document, schema) as Schema | undefined;
  if (!resolved || typeof resolved !== "object") return {};
  const parts = Array.isArray(resolved["allOf"]) ? (resolved["allOf"] as unknown[]).map((part) => flatten(document, part)) : [];
  if (parts.length === 0) return resolved;
  const properties: Record<string, unknown> = { ...((resolved["properties"] ?? {}) as Record<string, unknown>) };
  const required = new Set<string>((resolved["required"] ?? []) as string[]);
  for (const part of parts) {
    Object.assign(properties, part["properties"] ?? {});
    for (const name of (part["required"] ?? []) as string[]) required.add(name);
  }
  return { ...resolved, properties, required: [...required] };
}
