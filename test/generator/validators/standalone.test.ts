/**
 * generator/validators/standalone.ts re-assembles Ajv's standalone module in linear time: it must give exactly what
 * Ajv's own `standaloneCode` gives, for every spec of the project and the test specs (recursion, 3.0 conversion).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../generator/load.js";
import { createAjv } from "../../../generator/validators/compile.js";
import { buildSchemaSet, defRef, SCHEMA_SET_ID } from "../../../generator/validators/schema-set.js";
import { standaloneExports } from "../../../generator/validators/standalone.js";
import { REPO_ROOT, TEST_SPECS_DIR } from "./harness.js";

// CommonJS: the default import is `module.exports`, whose `default` is the function itself.
const standaloneCode = standaloneCodeModule.default;

const SPECS = [
  ...readdirSync(path.join(REPO_ROOT, "specs")).map((file) => path.join(REPO_ROOT, "specs", file)),
  ...readdirSync(TEST_SPECS_DIR).filter((file) => /\.ya?ml$/.test(file)).map((file) => path.join(TEST_SPECS_DIR, file)),
];

/** Every `$defs` entry of the spec's schema set, exported once each, as the generator exports them. */
async function compiledSet(spec: string) {
  const model = await loadSpec(spec, { name: path.basename(spec).replace(/\.\w+$/, "") });
  const set = buildSchemaSet(model);
  const ajv = createAjv({ source: true, extensionKeywords: set.extensionKeywords, annotationFormats: set.unknownFormats });
  ajv.addSchema(set.root);
  const refs = Object.fromEntries(Object.keys(set.root.$defs as object).map((key, index) => [`export${index}`, `${SCHEMA_SET_ID}${defRef(key)}`]));
  return { ajv, refs };
}

describe("standaloneExports", () => {
  it("covers at least the four project specs and the recursive and OpenAPI 3.0 test specs", () => {
    expect(SPECS.filter((spec) => spec.includes(`${path.sep}specs${path.sep}`)).length).toBeGreaterThanOrEqual(4);
    expect(SPECS.map((spec) => path.basename(spec))).toEqual(expect.arrayContaining(["shop.yaml", "legacy30.yaml"]));
  });

  for (const spec of SPECS) {
    it(`gives Ajv's standaloneCode output byte for byte: ${path.relative(REPO_ROOT, spec)}`, async () => {
      const { ajv, refs } = await compiledSet(spec);
      expect(Object.keys(refs).length).toBeGreaterThan(0);
      const ours = standaloneExports(ajv, refs);
      expect(ours).toBe(standaloneCode(ajv, refs));
      expect(ours).toContain("export const export0 = validate");
    });
  }

  it("refuses an Ajv instance that does not keep ES module source", () => {
    const ajv = createAjv();
    expect(() => standaloneExports(ajv, {})).toThrow(/code\.source and code\.esm/);
  });
});
