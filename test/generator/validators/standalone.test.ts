/**
 * generator/validators/standalone.ts re-assembles Ajv's standalone module in linear time: it must give exactly what
 * Ajv's own `standaloneCode` gives, for every spec of the project and the test specs (recursion, 3.0 conversion);
 * and, asked to leave out the schema constants nothing reads, exactly that with those constants cut out of the text.
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

  for (const spec of SPECS) {
    it(`declares only the schema constants the code reads, otherwise as Ajv: ${path.relative(REPO_ROOT, spec)}`, async () => {
      const { ajv, refs } = await compiledSet(spec);
      const lean = standaloneExports(ajv, refs, { unusedSchemaConstants: false });
      const ajvs = standaloneCode(ajv, refs);
      expect(lean.length).toBeLessThan(ajvs.length);
      expect(lean).toBe(withoutUnreadSchemaConstants(ajvs));
    });
  }

  it("refuses an Ajv instance that does not keep ES module source", () => {
    const ajv = createAjv();
    expect(() => standaloneExports(ajv, {})).toThrow(/code\.source and code\.esm/);
  });
});

/**
 * The oracle: Ajv's module with every top-level `const schemaN = <JSON>;` that nothing else names removed, as text
 * (Ajv writes each as `const schemaN = ` and a JSON value, then `;`).
 */
function withoutUnreadSchemaConstants(code: string): string {
  const uses = new Map<string, number>();
  for (const [name] of code.matchAll(/\bschema\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  let out = "";
  let from = 0;
  for (const match of code.matchAll(/(?<=^|[;\n}])const (schema\d+) = (?=[{[])/g)) {
    if (match.index < from || uses.get(match[1]!) !== 1) continue;
    const end = endOfJsonValue(code, match.index + match[0].length);
    out += code.slice(from, match.index);
    from = end + 1;
  }
  return out + code.slice(from);
}

function endOfJsonValue(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      for (index++; text[index] !== '"'; index++) if (text[index] === "\\") index++;
    } else if (char === "{" || char === "[") {
      depth++;
    } else if ((char === "}" || char === "]") && --depth === 0) {
      return index + 1;
    }
  }
  throw new Error(`unterminated JSON value at ${start}`);
}
