/**
 * Ajv's refusals of a spec's schemas as SpecErrors, which name the spec file, the JSON pointer of the schema in the
 * spec and what is wrong (instead of Ajv's message about its own resource ids, with a stack trace). Two kinds:
 * - `schemaRejected`: the JSON Schema meta-schema refuses a schema (`multipleOf: 0`, a `required` name twice...);
 *   every violation of every schema of the set, each at its pointer.
 * - `compileRejected`: the schemas pass the meta-schema but Ajv cannot compile one (a `$ref` that resolves nowhere
 *   Ajv can see, such as an anchor no schema declares). Ajv says what, not where: the resources are compiled one by
 *   one, each after the ones it refers to, and the first that fails is named.
 */
import { SpecError, type SpecProblem } from "../errors.js";
import { childPointer, tokensOf } from "../json-pointer.js";
import type { ApiModel, JsonSchema } from "../model.js";
import { createAjv, metaSchemaChecker } from "./compile.js";
import { parseResourceRef, RESOURCE_BASE, resourceId, resourceRefsOf } from "./resource-ids.js";
import type { SchemaSet } from "./schema-set.js";

type Spec = Pick<ApiModel, "name" | "file">;

/** Every meta-schema violation of the set's schemas, each at the schema's pointer in the spec. */
export function schemaRejected(spec: Spec, set: SchemaSet, failedKey: string, error: Error): SpecError {
  const problems = new Map<string, SpecProblem>();
  const violationsOf = metaSchemaChecker();
  for (const [key, schema] of Object.entries(set.resources)) {
    for (const violation of violationsOf(schema)) {
      const rest = tokensOf(violation.instancePath);
      const problem = problemAt(spec, set, key, rest, `${rest.at(-1) ?? "the schema"} ${violation.message ?? `fails ${violation.keyword}`}`);
      problems.set(`${problem.pointer ?? ""}\u0000${problem.message}`, problem);
    }
  }
  if (problems.size === 0) {
    return new SpecError([{ ...problemAt(spec, set, failedKey, [], `JSON Schema refuses this schema: ${wordIds(set, error.message)}`), hint: "fix the schema in the spec" }]);
  }
  return new SpecError([...problems.values()]);
}

/** The first resource (each after those it refers to) that Ajv cannot compile, and why. */
export function compileRejected(spec: Spec, set: SchemaSet, error: Error): SpecError {
  const probe = createAjv({ annotationFormats: set.unknownFormats, patternsWithoutUnicode: set.patternsWithoutUnicode });
  for (const [key, schema] of Object.entries(set.resources)) probe.addSchema(schema as object, resourceId(key));
  for (const key of dependenciesFirst(set)) {
    try {
      probe.getSchema(resourceId(key));
    } catch (refusal) {
      return new SpecError([{ ...problemAt(spec, set, key, [], `Ajv cannot compile this schema: ${wordIds(set, (refusal as Error).message)}`), hint: "fix the schema in the spec" }]);
    }
  }
  return new SpecError([{ file: fileOf(spec), message: `Ajv cannot compile the spec's schemas: ${wordIds(set, error.message)}`, hint: "fix the schema in the spec" }]);
}

/** The resource keys in an order where each comes after the ones it refers to (cycles broken where met). */
function dependenciesFirst(set: SchemaSet): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (key: string): void => {
    if (state.has(key) || !Object.hasOwn(set.resources, key)) return;
    state.set(key, "visiting");
    for (const target of resourceRefsOf(set.resources[key] as JsonSchema)) visit(target);
    state.set(key, "done");
    order.push(key);
  };
  for (const key of Object.keys(set.resources)) visit(key);
  return order;
}

/** Ajv's message with each resource id of the set replaced by the spec's pointer (or the words) for it. */
function wordIds(set: SchemaSet, message: string): string {
  return message.replace(new RegExp(`${RESOURCE_BASE.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[^\\s#"']*`, "g"), (id) => {
    const target = parseResourceRef(id);
    if (target === undefined) return id;
    const pointer = set.pointers[target.key];
    return pointer !== undefined ? `#${pointer}` : describeKey(target.key);
  });
}

/**
 * A problem in the resource `key` (at `rest` inside it): at its pointer in the spec when it has one, else with the
 * schema named in words (an operation's request or response body, which gathers several parts).
 */
function problemAt(spec: Spec, set: SchemaSet, key: string, rest: readonly string[], message: string): SpecProblem {
  const pointer = set.pointers[key];
  if (pointer === undefined) return { file: fileOf(spec), message: `${describeKey(key)}: ${message}` };
  return { file: fileOf(spec), pointer: rest.reduce<string>((at, token) => childPointer(at, token), pointer), message };
}

/** `op:createRefund:request` -> `the request of operation createRefund`; `op:getOrder:200` -> its 200 response body. */
function describeKey(key: string): string {
  const operation = /^op:(.*):([^:]+)$/.exec(key);
  if (operation === null) return `schema ${key}`;
  const [, operationId, part] = operation;
  return part === "request" ? `the request of operation ${operationId}` : `the ${part} response body of operation ${operationId}`;
}

function fileOf(spec: Spec): string {
  return spec.file ?? spec.name;
}
