/**
 * Request inputs for the contract tests, in the generated clients' `{ path, query, header, body }` shape:
 * one valid input per operation (the spec's own examples first, then the document's example fixtures, then values
 * generated from the schema with a fixed seed), and bad variants of it, each breaking one named field.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generate } from "json-schema-faker";
import { flatten, resolveRefs, type ContractOperation, type ContractSpec, type Location, type Schema } from "./document.js";

export interface CallInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
  body?: unknown;
}

export type BadKind = "wrong-type" | "pattern" | "enum" | "missing-required" | "unknown-field";

export interface BadRequest {
  /** `body.amount breaks its pattern ("12.345")` */
  readonly name: string;
  readonly kind: BadKind;
  /** The field both the client's issue and Prism's violation must name (`amount`, `order_id`, `x-29next-api-version`). */
  readonly field: string;
  readonly input: CallInput;
  /**
   * Whether the mistake survives serialization, so Prism can be asked about the same request. A path parameter left
   * out, or an object passed where a string path parameter goes, is caught by the client but cannot be sent as such.
   */
  readonly onTheWire: boolean;
}

const SEED = 20_240_401;
const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** A schema that json-schema-faker can resolve `#/components/...` references in. */
function rooted(spec: ContractSpec, schema: unknown): Record<string, unknown> {
  return { ...(schema as Record<string, unknown>), components: spec.document["components"] ?? {} };
}

async function fake(spec: ContractSpec, schema: unknown, seed: number): Promise<unknown> {
  const value = await generate(rooted(spec, schema) as never, { seed, optionalsProbability: 0, maxDepth: 4 });
  if (value && typeof value === "object" && !Array.isArray(value)) delete (value as Record<string, unknown>)["components"];
  return value;
}

function fixture(spec: ContractSpec, operationId: string): { value: unknown } | undefined {
  const file = `${FIXTURES}${spec.name}/${operationId}.request.json`;
  return existsSync(file) ? { value: JSON.parse(readFileSync(file, "utf8")) as unknown } : undefined;
}

/** A valid input: every required parameter and every parameter with an example, and the body. */
export async function validInput(spec: ContractSpec, operation: ContractOperation): Promise<CallInput> {
  const input: CallInput = {};
  let seed = SEED;
  for (const parameter of operation.parameters) {
    if (parameter.constantValue !== undefined) continue; // the client sends it itself
    // Optional array query parameters (`order_id:in`) are sent too, with two items, to exercise their style/explode.
    const isArrayQuery = parameter.in === "query" && allowedTypes(flatten(spec.document, parameter.schema))?.includes("array");
    if (!parameter.required && parameter.example === undefined && !isArrayQuery) continue;
    const value =
      parameter.example ??
      (isArrayQuery
        ? await generate(rooted(spec, parameter.schema) as never, { seed: seed++, minItems: 2, maxItems: 2 })
        : await fake(spec, parameter.schema, seed++));
    (input[parameter.in] ??= {})[parameter.name] = value;
  }
  if (operation.requestBody) {
    const body =
      (operation.requestBody.example !== undefined ? { value: operation.requestBody.example } : undefined) ??
      fixture(spec, operation.operationId) ??
      { value: await fake(spec, operation.requestBody.schema, seed++) };
    input.body = structuredClone(body.value);
  }
  return input;
}

/** Values that break a string format Prism and Ajv (ajv-formats) both check. */
const FORMAT_BREAKERS: Readonly<Record<string, string>> = {
  "date-time": "not-a-date-time",
  date: "2024-13-45",
  email: "not-an-email",
  uri: "not a uri",
  uuid: "not-a-uuid",
};

const WRONG_TYPE_VALUES: readonly unknown[] = [12345, "not-a-number", true, ["not", "an", "object"], { not: "an array" }];

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function allowedTypes(schema: Schema): readonly string[] | undefined {
  const type = schema["type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type as string[];
  return undefined;
}

/** A value whose JSON type the schema does not allow, or undefined when the schema allows every type. */
function wrongTypeValue(schema: Schema): unknown {
  const types = allowedTypes(schema);
  if (!types) return undefined;
  const allows = (value: unknown) => {
    const type = jsonTypeOf(value);
    return types.includes(type) || (type === "integer" && types.includes("number"));
  };
  return WRONG_TYPE_VALUES.find((value) => !allows(value));
}

/** A value that breaks the pattern (`"12.345"` first: the money case of Next Commerce). */
function patternBreaker(pattern: string): string | undefined {
  const regex = new RegExp(pattern, "u");
  return ["12.345", "not a valid value!", "", "x".repeat(300)].find((candidate) => !regex.test(candidate));
}

/** What a parameter's value looks like on the wire is a string: only a non-string type can be wrong there. */
function wireWrongValue(schema: Schema): string | undefined {
  const types = allowedTypes(schema);
  if (!types || types.includes("string")) return undefined;
  if (types.includes("integer") || types.includes("number")) return "not-a-number";
  if (types.includes("boolean")) return "maybe";
  return undefined;
}

export function badRequests(spec: ContractSpec, operation: ContractOperation, valid: CallInput): BadRequest[] {
  const cases: BadRequest[] = [];
  const withParameter = (location: Location, name: string, value: unknown): CallInput => {
    const next = structuredClone(valid);
    (next[location] ??= {})[name] = value;
    return next;
  };

  for (const parameter of operation.parameters) {
    const schema = flatten(spec.document, parameter.schema);
    const where = `${parameter.in} parameter ${parameter.name}`;
    if (parameter.constantValue !== undefined) {
      cases.push({
        name: `${where} is not its one allowed value "${parameter.constantValue}"`,
        kind: "enum",
        field: parameter.name,
        input: withParameter(parameter.in, parameter.name, "0000-not-allowed"),
        onTheWire: true,
      });
      continue;
    }
    const wrong = wireWrongValue(schema);
    if (wrong !== undefined) {
      cases.push({ name: `${where} has the wrong type (${JSON.stringify(wrong)})`, kind: "wrong-type", field: parameter.name, input: withParameter(parameter.in, parameter.name, wrong), onTheWire: true });
    }
    const items = allowedTypes(schema)?.includes("array") ? flatten(spec.document, schema["items"]) : undefined;
    const wrongItem = items ? wireWrongValue(items) : undefined;
    if (wrongItem !== undefined) {
      cases.push({ name: `${where} has an item of the wrong type ([${JSON.stringify(wrongItem)}])`, kind: "wrong-type", field: parameter.name, input: withParameter(parameter.in, parameter.name, [wrongItem]), onTheWire: true });
    }
    if (allowedTypes(schema)?.includes("integer") && !allowedTypes(schema)?.includes("number")) {
      cases.push({ name: `${where} is not an integer ("1.5")`, kind: "wrong-type", field: parameter.name, input: withParameter(parameter.in, parameter.name, "1.5"), onTheWire: true });
    }
    if (typeof schema["format"] === "string" && FORMAT_BREAKERS[schema["format"]] !== undefined) {
      const breaker = FORMAT_BREAKERS[schema["format"]]!;
      cases.push({ name: `${where} is not a ${schema["format"]} (${JSON.stringify(breaker)})`, kind: "pattern", field: parameter.name, input: withParameter(parameter.in, parameter.name, breaker), onTheWire: true });
    }
    if (parameter.in === "path") {
      const next = structuredClone(valid);
      delete next.path?.[parameter.name];
      cases.push({ name: `${where} is missing`, kind: "missing-required", field: parameter.name, input: next, onTheWire: false });
      if (allowedTypes(schema)?.includes("string")) {
        cases.push({
          name: `${where} is an object, not a string (a whole resource passed instead of its id)`,
          kind: "wrong-type",
          field: parameter.name,
          input: withParameter(parameter.in, parameter.name, { id: "pay_1" }),
          onTheWire: false,
        });
      }
    }
    if (typeof schema["pattern"] === "string") {
      const breaker = patternBreaker(schema["pattern"]);
      if (breaker !== undefined) {
        cases.push({ name: `${where} breaks its pattern (${JSON.stringify(breaker)})`, kind: "pattern", field: parameter.name, input: withParameter(parameter.in, parameter.name, breaker), onTheWire: true });
      }
    }
    if (Array.isArray(schema["enum"])) {
      cases.push({ name: `${where} is not one of its allowed values`, kind: "enum", field: parameter.name, input: withParameter(parameter.in, parameter.name, "not-an-allowed-value"), onTheWire: true });
    }
    if (parameter.required && parameter.in !== "path") {
      const next = structuredClone(valid);
      delete next[parameter.in]?.[parameter.name];
      cases.push({ name: `required ${where} is missing`, kind: "missing-required", field: parameter.name, input: next, onTheWire: true });
    }
  }

  if (operation.requestBody) cases.push(...bodyCases(spec, operation.requestBody.schema, valid));
  return cases;
}

/** One case of each kind the body schema allows, at the first field (depth first) where it applies. */
function bodyCases(spec: ContractSpec, bodySchema: Schema, valid: CallInput): BadRequest[] {
  const found = new Map<BadKind, BadRequest>();
  const body = (valid.body && typeof valid.body === "object" ? valid.body : {}) as Record<string, unknown>;
  const withBody = (mutate: (copy: Record<string, unknown>) => void): CallInput => {
    const next = structuredClone(valid);
    const copy = structuredClone(body);
    mutate(copy);
    next.body = copy;
    return next;
  };

  /** Visits an object schema at `trail` (keys from the body root) whose value in the valid body is `value`. */
  const visit = (schemaIn: unknown, trail: readonly (string | number)[], value: unknown, depth: number) => {
    if (depth > 4) return;
    const schema = flatten(spec.document, schemaIn);
    const at = (copy: Record<string, unknown>): Record<string, unknown> => {
      let node: unknown = copy;
      for (const key of trail) node = (node as Record<string | number, unknown>)[key];
      return node as Record<string, unknown>;
    };
    const label = (name: string) => ["body", ...trail.map((key) => (typeof key === "number" ? `[${key}]` : key)), name].join(".").replace(/\.\[/g, "[");
    const object = (value && typeof value === "object" && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
    const properties = (schema["properties"] ?? {}) as Record<string, unknown>;
    const required = (schema["required"] ?? []) as string[];

    if (!found.has("missing-required")) {
      const name = required.find((candidate) => candidate in object);
      if (name) {
        found.set("missing-required", { name: `required ${label(name)} is missing`, kind: "missing-required", field: name, input: withBody((copy) => delete at(copy)[name]), onTheWire: true });
      }
    }
    if (!found.has("unknown-field") && (schema["additionalProperties"] === false || schema["unevaluatedProperties"] === false)) {
      found.set("unknown-field", { name: `${label("unexpected_field")} is not a field of the body`, kind: "unknown-field", field: "unexpected_field", input: withBody((copy) => (at(copy)["unexpected_field"] = 1)), onTheWire: true });
    }
    // Fields present in the valid body first, then the others the schema declares.
    const names = [...Object.keys(properties).filter((name) => name in object), ...Object.keys(properties).filter((name) => !(name in object))];
    for (const name of names) {
      const property = flatten(spec.document, properties[name]);
      if (!found.has("wrong-type")) {
        const wrong = wrongTypeValue(property);
        if (wrong !== undefined) {
          found.set("wrong-type", { name: `${label(name)} has the wrong type (${JSON.stringify(wrong)})`, kind: "wrong-type", field: name, input: withBody((copy) => (at(copy)[name] = wrong)), onTheWire: true });
        }
      }
      if (!found.has("pattern") && typeof property["pattern"] === "string") {
        const breaker = patternBreaker(property["pattern"]);
        if (breaker !== undefined) {
          found.set("pattern", { name: `${label(name)} breaks its pattern (${JSON.stringify(breaker)})`, kind: "pattern", field: name, input: withBody((copy) => (at(copy)[name] = breaker)), onTheWire: true });
        }
      }
      if (!found.has("enum") && Array.isArray(property["enum"]) && !property["enum"].includes("not-an-allowed-value")) {
        found.set("enum", { name: `${label(name)} is not one of its allowed values`, kind: "enum", field: name, input: withBody((copy) => (at(copy)[name] = "not-an-allowed-value")), onTheWire: true });
      }
    }
    // Go deeper only through values the valid body has, so the rest of the body stays valid.
    for (const name of Object.keys(properties).filter((key) => key in object)) {
      const child = object[name];
      const childSchema = flatten(spec.document, properties[name]);
      if (Array.isArray(child) && child.length > 0 && child[0] && typeof child[0] === "object") {
        visit(resolveRefs(spec.document, childSchema["items"]), [...trail, name, 0], child[0], depth + 1);
      } else if (child && typeof child === "object" && !Array.isArray(child)) {
        visit(childSchema, [...trail, name], child, depth + 1);
      }
    }
  };
  visit(bodySchema, [], body, 0);
  return [...found.values()];
}
