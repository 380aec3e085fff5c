/**
 * Differential test: for every named schema of every spec, 1,000+ instances (json-schema-faker output and mutants of
 * it) are judged by the generated validator and by a fresh Ajv compiling the bundled schema at run time. Verdicts and
 * the full error lists must agree. The seed is fixed and printed; replay with PAYSPEC_SEED=<seed>.
 */
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { generateValidators, PROJECT_SPECS, projectSpecFile, TEST_SPECS_DIR, type Generated } from "./harness.js";
import { instancesFor } from "./instances.js";
import { runtimeReference } from "./reference.js";

const SEED = Number(process.env.PAYSPEC_SEED ?? 20261122);
const PER_SCHEMA = 1000;

console.log(`validators differential test: seed ${SEED} (replay: PAYSPEC_SEED=${SEED} npx vitest run test/generator/validators/differential.test.ts)`);

/** A stable per-schema seed, so that adding a schema does not change the instances of the others. */
function schemaSeed(spec: string, schema: string): number {
  let hash = SEED >>> 0;
  for (const char of `${spec}/${schema}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

const SPECS: ReadonlyArray<readonly [string, string]> = [
  ...PROJECT_SPECS.map((name) => [name, projectSpecFile(name)] as const),
  ["shop", `${TEST_SPECS_DIR}shop.yaml`],
  ["evaluated", `${TEST_SPECS_DIR}evaluated.yaml`],
];

describe.each(SPECS)("differential: %s", (spec, file) => {
  let generated: Generated;
  beforeAll(async () => {
    expect(existsSync(file), `${file} is missing`).toBe(true);
    generated = await generateValidators(file, `differential-${spec}`);
  });

  it("agrees with run-time Ajv on 1,000+ instances of every named schema", () => {
    const reference = runtimeReference(generated.model);
    const names = Object.keys(generated.model.schemas);
    expect(names.length).toBeGreaterThan(0);
    const disagreements: string[] = [];
    const summary: string[] = [];
    for (const name of names) {
      const seed = schemaSeed(spec, name);
      const instances = instancesFor(generated.model, name, seed, PER_SCHEMA);
      expect(instances.length).toBeGreaterThanOrEqual(PER_SCHEMA);
      const validate = generated.module.schemaValidators[name];
      expect(validate, `schemaValidators.${name}`).toBeTypeOf("function");
      let valid = 0;
      instances.forEach((instance, index) => {
        const ours = validate!(instance);
        const theirs = reference.judge(name, instance);
        if (ours.ok) valid++;
        const oursErrors = ours.ok ? [] : ours.errors;
        if (ours.ok !== theirs.ok || JSON.stringify(oursErrors) !== JSON.stringify(theirs.errors)) {
          disagreements.push(
            `${spec}/${name} seed ${seed} instance #${index}: generated ok=${ours.ok}, run-time ok=${theirs.ok}\n` +
              `  instance: ${JSON.stringify(instance).slice(0, 300)}\n  generated: ${JSON.stringify(oursErrors).slice(0, 300)}\n` +
              `  run-time:  ${JSON.stringify(theirs.errors).slice(0, 300)}`,
          );
        }
      });
      summary.push(`${name} ${valid}/${instances.length} valid`);
    }
    console.log(`differential ${spec} (seed ${SEED}): ${summary.join(", ")}`);
    expect(disagreements.slice(0, 5), `${disagreements.length} disagreements (seed ${SEED})`).toEqual([]);
  });
});
