/**
 * The JSON Schema target (issue 12): draft 2020-12 schemas of every vocabulary (./json-schema-2020-cases.ts), as the
 * named schemas of an OpenAPI 3.1 document, through the generator's validators, against Ajv run as is (Ajv2020,
 * strict mode off, ajv-formats: ./reference.ts). No schema Ajv compiles may be refused, and every verdict and error
 * list must be Ajv's. Each case also carries the verdict the specification gives, which Ajv must give too (a check of
 * the cases themselves), except on the few instances marked with why Ajv differs: there payspec gives Ajv's.
 *
 * The model is built from the document directly (the loader's policy on such schemas is tested with the loader).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../../generator/model-builder.js";
import { CASES, SUPPORT_SCHEMAS } from "./json-schema-2020-cases.js";
import { generateValidatorsOf, type Generated } from "./harness.js";
import { runtimeReference, type Reference } from "./reference.js";

const DOCUMENT = {
  openapi: "3.1.0",
  info: { title: "JSON Schema 2020-12 cases", version: "1.0.0" },
  paths: {},
  components: { schemas: { ...SUPPORT_SCHEMAS, ...Object.fromEntries(CASES.map((entry) => [entry.name, entry.schema])) } },
};

describe("JSON Schema 2020-12: the generated validators judge as Ajv", () => {
  let generated: Generated;
  let reference: Reference;
  beforeAll(async () => {
    const model = buildModel(DOCUMENT, { name: "json-schema-2020", file: "json-schema-2020-cases.ts" });
    generated = await generateValidatorsOf(model, "json-schema-2020", { types: false });
    reference = runtimeReference(model);
  });

  it("covers every keyword of the core, applicator, validation, unevaluated and format-annotation vocabularies", () => {
    const covered = new Set(CASES.map((entry) => entry.keyword));
    for (const keyword of [
      "$ref", "$defs", "$anchor", "$id", "$dynamicRef", "$dynamicAnchor", "$comment", "boolean schema",
      "allOf", "anyOf", "oneOf", "not", "if", "then", "prefixItems", "items", "contains", "properties", "patternProperties",
      "additionalProperties", "propertyNames", "dependentSchemas", "dependencies",
      "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
      "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
      "dependentRequired", "unevaluatedProperties", "unevaluatedItems", "format",
    ]) {
      expect(covered.has(keyword), keyword).toBe(true);
    }
  });

  it("compiles every schema Ajv compiles, and warns only about what it cannot check as written", () => {
    expect(Object.keys(generated.module.schemaValidators)).toEqual(expect.arrayContaining(CASES.map((entry) => entry.name)));
    expect(generated.warnings.map((warning) => warning.message)).toEqual([
      'format "payspec-made-up" is not checked (no validator defines it)',
      'unknown keyword "maxLenght" is not checked (kept as an annotation)',
    ]);
  });

  it("gives Ajv's verdict and error list on every instance, and Ajv gives the specification's verdict", () => {
    const disagreements: string[] = [];
    let instances = 0;
    for (const entry of CASES) {
      const validate = generated.module.schemaValidators[entry.name]!;
      entry.instances.forEach((instance, index) => {
        instances++;
        const ours = validate(instance.data);
        const theirs = reference.judge(entry.name, instance.data);
        const where = `${entry.name} (${entry.keyword}) instance #${index} ${JSON.stringify(instance.data)}`;
        const ajvVerdict = instance.ajvDiffers === undefined ? instance.valid : !instance.valid;
        if (theirs.ok !== ajvVerdict) disagreements.push(`${where}: Ajv says ${theirs.ok}, the case expects ${ajvVerdict}${instance.note ? ` (${instance.note})` : ""}`);
        const oursErrors = ours.ok ? [] : ours.errors;
        if (ours.ok !== theirs.ok || JSON.stringify(oursErrors) !== JSON.stringify(theirs.errors)) {
          disagreements.push(`${where}: generated ok=${ours.ok} ${JSON.stringify(oursErrors)}, Ajv ok=${theirs.ok} ${JSON.stringify(theirs.errors)}`);
        }
      });
    }
    expect(instances).toBeGreaterThan(250);
    expect(disagreements).toEqual([]);
  });
});
