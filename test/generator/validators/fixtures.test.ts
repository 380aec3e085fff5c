/**
 * Every example body of test/fixtures/<spec>/ passes the generated validator of its operation; mutated copies (a
 * field's type changed, a pattern broken, a required field removed, an enum value the spec does not allow) fail,
 * and the error names the mutated field's path.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createGeneratorSync } from "json-schema-faker";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiModel, JsonSchema, Operation } from "../../../generator/model.js";
import { generateValidators, PROJECT_SPECS, projectSpecFile, REPO_ROOT, type Generated, type ValidatorLike } from "./harness.js";

const FIXTURES_DIR = path.join(REPO_ROOT, "test", "fixtures");
const SEED = 7;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

/** The expected JS-style path, written independently of the code under test. */
function jsPath(segments: ReadonlyArray<string | number>): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `${index === 0 ? "" : "."}${segment}` : `[${JSON.stringify(segment)}]`,
    )
    .join("");
}

function deref(document: unknown, schema: unknown): unknown {
  let current = schema;
  for (let depth = 0; isObj(current) && typeof current.$ref === "string" && depth < 20; depth++) {
    const pointer = current.$ref.slice(2).split("/").map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
    const { $ref: _ref, ...siblings } = current;
    let target: unknown = document;
    for (const part of pointer) target = isObj(target) || Array.isArray(target) ? (target as Obj)[part] : undefined;
    current = Object.keys(siblings).length > 0 && isObj(target) ? { ...target, ...siblings } : target;
  }
  return current;
}

interface Mutation {
  readonly what: string;
  readonly segments: ReadonlyArray<string | number>;
  readonly keyword: string;
  readonly apply: (root: unknown) => unknown;
}

function setAt(root: unknown, segments: ReadonlyArray<string | number>, value: unknown, remove = false): unknown {
  const copy = structuredClone(root);
  if (segments.length === 0) return value;
  let node = copy as Obj;
  for (const segment of segments.slice(0, -1)) node = node[segment as string] as Obj;
  const last = segments[segments.length - 1]!;
  if (remove) delete node[last as string];
  else node[last as string] = value;
  return copy;
}

const JSON_TYPE = (value: unknown): string[] =>
  value === null ? ["null"] : Array.isArray(value) ? ["array"] : typeof value === "number" ? (Number.isInteger(value) ? ["integer", "number"] : ["number"]) : [typeof value];

/** Mutations along the parts of `value` that `schema` describes without ambiguity (no oneOf/anyOf branches). */
function mutations(document: unknown, schema: unknown, value: unknown, segments: Array<string | number>, ignoredFlag: string, out: Mutation[]): Mutation[] {
  const resolved = deref(document, schema);
  if (!isObj(resolved)) return out;
  for (const member of Array.isArray(resolved.allOf) ? resolved.allOf : []) mutations(document, member, value, segments, ignoredFlag, out);
  const types = typeof resolved.type === "string" ? [resolved.type] : Array.isArray(resolved.type) ? (resolved.type as string[]) : undefined;
  if (types) {
    const replacement = [12345, "not a number", true, { unexpected: 1 }, ["x"], null].find(
      (candidate) => !JSON_TYPE(candidate).some((type) => types.includes(type)),
    );
    if (replacement !== undefined) {
      out.push({ what: `type of ${jsPath(segments)} changed`, segments, keyword: "type", apply: (root) => setAt(root, segments, replacement) });
    }
  }
  if (typeof value === "string" && typeof resolved.pattern === "string") {
    const pattern = new RegExp(resolved.pattern, "u");
    const broken = ["", "!", "!!!", "zz", `${value}!`, "9".repeat(40)].find((candidate) => !pattern.test(candidate));
    if (broken !== undefined) out.push({ what: `pattern of ${jsPath(segments)} broken`, segments, keyword: "pattern", apply: (root) => setAt(root, segments, broken) });
  }
  if (Array.isArray(resolved.enum)) {
    const outside = ["not-in-the-enum", 987654321].find((candidate) => !(resolved.enum as unknown[]).includes(candidate) && (!types || JSON_TYPE(candidate).some((type) => types.includes(type))));
    if (outside !== undefined) out.push({ what: `enum of ${jsPath(segments)} left`, segments, keyword: "enum", apply: (root) => setAt(root, segments, outside) });
  }
  if (isObj(value)) {
    const properties = isObj(resolved.properties) ? resolved.properties : {};
    for (const name of Array.isArray(resolved.required) ? (resolved.required as string[]) : []) {
      const property = deref(document, properties[name]);
      const flagged = isObj(properties[name]) && ((properties[name] as Obj)[ignoredFlag] === true || (isObj(property) && property[ignoredFlag] === true));
      if (name in value && !flagged) {
        const at = [...segments, name];
        out.push({ what: `required ${jsPath(at)} removed`, segments: at, keyword: "required", apply: (root) => setAt(root, at, undefined, true) });
      }
    }
    for (const [name, child] of Object.entries(value)) {
      if (name in properties) mutations(document, properties[name], child, [...segments, name], ignoredFlag, out);
    }
    // Optional fields the example leaves out: inserted with a value their pattern or enum rejects.
    for (const [name, property] of Object.entries(properties)) {
      if (name in value) continue;
      const at = [...segments, name];
      const absent = mutations(document, property, "1.234", at, ignoredFlag, []).filter((mutation) => mutation.keyword !== "type");
      for (const mutation of absent) out.push({ ...mutation, what: `${mutation.what} (inserted)` });
    }
  }
  if (Array.isArray(value) && resolved.items !== undefined) {
    value.slice(0, 3).forEach((item, index) => mutations(document, resolved.items, item, [...segments, index], ignoredFlag, out));
  }
  return out;
}

interface Fixture {
  readonly file: string;
  readonly operationId: string;
  readonly kind: "request" | "response";
  readonly status?: string;
  readonly body: unknown;
}

function fixturesOf(spec: string): Fixture[] {
  const dir = path.join(FIXTURES_DIR, spec);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((file): Fixture[] => {
      const match = /^(.+)\.(request|response)(?:\.([^.]+))?\.json$/.exec(file);
      if (!match) return [];
      const body: unknown = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
      return [{ file: `${spec}/${file}`, operationId: match[1]!, kind: match[2] as "request" | "response", ...(match[3] ? { status: match[3] } : {}), body }];
    });
}

function bodySchemaOf(operation: Operation, fixture: Fixture): JsonSchema | undefined {
  const content =
    fixture.kind === "request" ? operation.requestBody?.content : operation.responses.find((response) => response.status === fixture.status)?.content;
  return content?.find((media) => /json/i.test(media.contentType))?.schema;
}

/** A seeded, schema-valid value for every required parameter (json-schema-faker), grouped by location. */
function parametersFor(model: ApiModel, operation: Operation): Obj {
  const faker = createGeneratorSync({ seed: SEED });
  const input: Record<string, Obj> = {};
  for (const parameter of operation.parameters) {
    if (!parameter.required) continue;
    const root = { ...(isObj(parameter.schema) ? parameter.schema : {}), components: { schemas: model.schemas } };
    (input[parameter.in] ??= {})[parameter.name] = parameter.constantValue ?? faker.generate(root as never);
  }
  return input;
}

// Document 003 (payments) shows no example bodies, so it has no fixtures; its spec's own examples are checked by
// test/specs/examples.test.ts. Every other spec must have fixtures: a vanished folder fails here, never skips.
const SPECS_WITH_FIXTURES = PROJECT_SPECS.filter((spec) => fixturesOf(spec).length > 0);
it("finds fixtures for every spec whose documents show example bodies", () => {
  expect([...SPECS_WITH_FIXTURES].sort()).toEqual(["bigcommerce", "medusa", "nextcommerce"]);
});

describe.each(SPECS_WITH_FIXTURES)("fixtures of %s", (spec) => {
  const fixtures = fixturesOf(spec);
  let generated: Generated;
  beforeAll(async () => {
    generated = await generateValidators(projectSpecFile(spec), `fixtures-${spec}`);
  });

  function validatorFor(fixture: Fixture): { validate: ValidatorLike; wrap: (body: unknown) => unknown; prefix: string[] } {
    const operation = generated.model.operations.find((candidate) => candidate.operationId === fixture.operationId);
    expect(operation, `${fixture.file}: no operation ${fixture.operationId} in specs/${spec}.yaml`).toBeDefined();
    const validators = generated.module.operationValidators[fixture.operationId];
    expect(validators, `operationValidators.${fixture.operationId}`).toBeDefined();
    if (fixture.kind === "request") {
      expect(validators!.request, `${fixture.operationId} has a request validator`).toBeDefined();
      const parameters = parametersFor(generated.model, operation!);
      return { validate: validators!.request!, wrap: (body) => ({ ...parameters, body }), prefix: ["body"] };
    }
    const validate = validators!.responses[fixture.status!];
    expect(validate, `${fixture.operationId} has a validator for response ${fixture.status}`).toBeDefined();
    return { validate: validate!, wrap: (body) => body, prefix: [] };
  }

  it("every example body passes its validator", () => {
    for (const fixture of fixtures) {
      const { validate, wrap } = validatorFor(fixture);
      const result = validate(wrap(fixture.body));
      expect(result.ok ? [] : result.errors, fixture.file).toEqual([]);
    }
  });

  it("mutated examples fail, naming the mutated field", () => {
    let checked = 0;
    const kinds = new Set<string>();
    for (const fixture of fixtures) {
      const operation = generated.model.operations.find((candidate) => candidate.operationId === fixture.operationId)!;
      const schema = bodySchemaOf(operation, fixture);
      expect(schema, `${fixture.file}: body schema`).toBeDefined();
      const { validate, wrap, prefix } = validatorFor(fixture);
      const flag = fixture.kind === "request" ? "readOnly" : "writeOnly";
      const found = mutations(generated.model.document, schema, fixture.body, [], flag, []).map((mutation) => ({
        ...mutation,
        input: wrap(mutation.apply(fixture.body)),
        expectedPath: jsPath([...prefix, ...mutation.segments]),
      }));
      if (fixture.kind === "request") {
        // The parameters the request carries besides the body: each mutated the same way.
        const input = wrap(fixture.body) as Obj;
        for (const parameter of operation.parameters.filter((candidate) => candidate.required)) {
          const segments = [parameter.in, parameter.name];
          for (const mutation of mutations(generated.model.document, parameter.schema, (input[parameter.in] as Obj)[parameter.name], segments, flag, [])) {
            found.push({ ...mutation, input: mutation.apply(input), expectedPath: jsPath(mutation.segments) });
          }
        }
      }
      for (const mutation of found) {
        const result = validate(mutation.input);
        const expectedPath = mutation.expectedPath;
        expect(result.ok, `${fixture.file}: ${mutation.what} must fail`).toBe(false);
        if (!result.ok) {
          const match = result.errors.find((issue) => issue.path === expectedPath && issue.keyword === mutation.keyword);
          expect(match, `${fixture.file}: ${mutation.what}: an issue at ${expectedPath} (${mutation.keyword}) in ${JSON.stringify(result.errors)}`).toBeDefined();
          expect(match!.message.length).toBeGreaterThan(0);
        }
        checked++;
        kinds.add(mutation.keyword);
      }
    }
    console.log(`fixtures ${spec}: ${fixtures.length} examples, ${checked} mutations (${[...kinds].sort().join(", ")})`);
    expect(checked).toBeGreaterThan(0);
  });
});
