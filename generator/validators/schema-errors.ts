/**
 * Ajv's refusals of a spec's schemas as SpecErrors, which name the spec file, the JSON pointer of the schema in the
 * spec and what is wrong (instead of Ajv's message about its own `$defs`, with a stack trace). Two kinds:
 * - `schemaRejected`: the JSON Schema meta-schema refuses a schema (`multipleOf: 0`, a `required` name twice...);
 *   Ajv lists every violation, each at a path inside the schema set.
 * - `compileRejected`: a schema passes the meta-schema but Ajv cannot compile it (an invalid regular expression,
 *   an empty `enum`). Ajv says what, not where: each schema is compiled alone, its `$ref`s stubbed, to find it.
 */
import type { ErrorObject } from "ajv";
import { SpecError, type SpecProblem } from "../errors.js";
import type { ApiModel, JsonSchema } from "../model.js";
import { createAjv } from "./compile.js";
import { defRef, refKeysOf, type SchemaSet } from "./schema-set.js";

type Spec = Pick<ApiModel, "name" | "file">;

/** The meta-schema's violations, each at the schema's pointer in the spec. */
export function schemaRejected(spec: Spec, set: SchemaSet, errors: readonly ErrorObject[] | null | undefined, error: Error): SpecError {
  const problems = new Map<string, SpecProblem>();
  for (const violation of errors ?? []) {
    const [, defs, key, ...rest] = violation.instancePath.split("/").map(unescapeToken);
    if (defs !== "$defs" || key === undefined) continue;
    const problem = problemAt(spec, set, key, rest, `${rest.at(-1) ?? "the schema"} ${violation.message ?? `fails ${violation.keyword}`}`);
    problems.set(`${problem.pointer ?? ""}\u0000${problem.message}`, problem);
  }
  if (problems.size === 0) return new SpecError([{ file: fileOf(spec), message: `JSON Schema refuses the spec's schemas: ${error.message}` }]);
  return new SpecError([...problems.values()]);
}

/** The first schema (in the schema set's order) that Ajv cannot compile on its own, and why. */
export function compileRejected(spec: Spec, set: SchemaSet, error: Error): SpecError {
  const defs = set.root.$defs as Record<string, unknown>;
  const probe = createAjv({ extensionKeywords: set.extensionKeywords, annotationFormats: set.unknownFormats });
  for (const [index, key] of Object.keys(defs).entries()) {
    // The schema alone: the schemas it refers to are stubbed with `true`, so that a failure is its own.
    const stubs = Object.fromEntries([...refKeysOf(defs[key] as JsonSchema)].filter((ref) => ref !== key).map((ref) => [ref, true]));
    const id = `payspec:probe/${index}`;
    try {
      probe.addSchema({ $id: id, $defs: { ...stubs, [key]: defs[key] } });
      probe.getSchema(`${id}${defRef(key)}`);
    } catch (refusal) {
      const reason = (refusal as Error).message;
      const hint = /unknown keyword/i.test(reason) ? "fix the schema in the spec (custom keywords must start with x-)" : "fix the schema in the spec";
      return new SpecError([{ ...problemAt(spec, set, key, [], `Ajv cannot compile this schema: ${reason}`), hint }]);
    }
  }
  return new SpecError([{ file: fileOf(spec), message: `Ajv cannot compile the spec's schemas: ${error.message}`, hint: "fix the schema in the spec" }]);
}

/**
 * A problem in the schema at `$defs[key]` (at `rest` inside it): at its pointer in the spec when it has one, else
 * with the schema named in words (an operation's request or response body, which gathers several parts).
 */
function problemAt(spec: Spec, set: SchemaSet, key: string, rest: readonly string[], message: string): SpecProblem {
  const pointer = set.pointers[key];
  if (pointer === undefined) return { file: fileOf(spec), message: `${describeKey(key)}: ${message}` };
  return { file: fileOf(spec), pointer: `${pointer}${rest.map((token) => `/${escapeToken(token)}`).join("")}`, message };
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

function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
