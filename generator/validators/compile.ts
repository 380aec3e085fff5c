/**
 * Ajv at generation time: one configuration shared by the generator, the differential test and the benchmark (so
 * that "run-time Ajv" there means the same options), and standalone code generation turned into an ES module.
 */
import { Ajv2020, _ } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";

// Both packages are CommonJS: the default import is `module.exports`, whose `default` is the function itself.
const standaloneCode = standaloneCodeModule.default;
const addFormats = addFormatsModule.default;

/** OpenAPI keywords that are annotations for validation (discriminator: oneOf/anyOf still decide). */
export const OPENAPI_ANNOTATION_KEYWORDS = ["example", "discriminator", "xml", "externalDocs"] as const;
/** OpenAPI formats that ajv-formats does not define: annotations (a decimal string is checked by its `pattern`). */
export const OPENAPI_ANNOTATION_FORMATS = ["decimal"] as const;

export interface AjvSetup {
  /** `x-` keywords to declare as annotations. */
  readonly extensionKeywords?: readonly string[];
  /** Formats to declare as annotations (always pass). */
  readonly annotationFormats?: readonly string[];
  /** Emit source for standalone code generation (the generator); off for a plain run-time instance. */
  readonly source?: boolean;
}

/**
 * The project's Ajv: draft 2020-12, every error reported (`allErrors`), strict about unknown keywords and formats (a typo in a spec fails generation, it is not ignored).
 * `strictTypes`, `strictTuples` and `strictRequired` are off: specs legitimately write `properties` without
 * `type: object`, and `required` names declared in a sibling `allOf` member.
 */
export function createAjv(setup: AjvSetup = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    ...(setup.source
      ? { code: { source: true, esm: true, lines: false, formats: _`require("ajv-formats/dist/formats").fullFormats` } }
      : {}),
  });
  addFormats(ajv, { mode: "full" });
  for (const keyword of OPENAPI_ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  for (const keyword of setup.extensionKeywords ?? []) ajv.addKeyword({ keyword });
  for (const format of new Set([...OPENAPI_ANNOTATION_FORMATS, ...(setup.annotationFormats ?? [])])) ajv.addFormat(format, true);
  return ajv;
}

/**
 * Ajv's standalone output with `esm: true` still reaches its run-time helpers through `require(...)`, which an ES
 * module does not have. Each `require("m").x` becomes an import of the declared dependency `m` (`ajv`,
 * `ajv-formats`): a named import where the export has a name, the module object otherwise. `.default` is read as
 * `(module.default ?? module)` so that both Node (default import = `module.exports`) and bundlers that honour
 * `__esModule` (default import = `exports.default`) get the helper.
 */
export function requireToImports(code: string): string {
  const imports = new Map<string, string>();
  let counter = 0;
  const body = code.replace(/require\("([^"]+)"\)\.([A-Za-z_$][\w$]*)/g, (_match, specifier: string, member: string) => {
    const file = specifier.endsWith(".js") ? specifier : `${specifier}.js`;
    if (member === "default") {
      const key = `default ${file}`;
      let local = imports.get(key);
      if (local === undefined) {
        local = `runtime${counter++}`;
        imports.set(key, local);
      }
      return `(${local}.default ?? ${local})`;
    }
    const key = `${member} ${file}`;
    let local = imports.get(key);
    if (local === undefined) {
      local = `${member}${counter++}`;
      imports.set(key, local);
    }
    return local;
  });
  if (/\brequire\(/.test(body)) {
    throw new Error("validators: Ajv's standalone code uses a require() form this generator does not translate");
  }
  const lines = [...imports].map(([key, local]) => {
    const [member, file] = key.split(" ") as [string, string];
    return member === "default" ? `import ${local} from "${file}";` : `import { ${member} as ${local} } from "${file}";`;
  });
  return `${lines.join("\n")}\n${body.replace(/^"use strict";/, "")}`;
}

/** Compiles `exports` (export name -> schema ref) into one ES module of standalone validation functions. */
export function compileStandalone(ajv: Ajv2020, exports: Readonly<Record<string, string>>): string {
  for (const ref of Object.values(exports)) {
    if (!ajv.getSchema(ref)) throw new Error(`validators: Ajv cannot find schema ${ref}`);
  }
  return requireToImports(standaloneCode(ajv, { ...exports }));
}
