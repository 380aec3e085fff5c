/**
 * Ajv at generation time: one configuration shared by the generator, the differential test and the benchmark (so
 * that "run-time Ajv" there means the same options), and standalone code generation turned into an ES module.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { requireLibrary } from "../libraries.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { ajvFormatNames, ajvFormatSource } from "./ajv-formats-source.js";
import { payspecFastPaths, payspecFormats } from "./formats.js";
import { standaloneExports } from "./standalone.js";
import { rememberingUriResolver } from "./uri-resolver.js";

const { Ajv2020: Ajv, _ } = requireLibrary("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
const addFormats = requireLibrary("ajv-formats") as typeof import("ajv-formats").default;
const { fullFormats } = requireLibrary("ajv-formats/dist/formats.js") as typeof import("ajv-formats/dist/formats.js");
const { SchemaEnv, resolveRef } = requireLibrary("ajv/dist/compile/index.js") as typeof import("ajv/dist/compile/index.js");

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
  /**
   * `ajv-formats`: ajv-formats' full mode only (the reference the tests and the benchmark compare with). `payspec`:
   * the same, with payspec's date-time/date/time (./formats.ts: same verdicts, faster), as the generator compiles.
   * Standalone source implies `payspec`.
   */
  readonly formats?: "ajv-formats" | "payspec";
  /**
   * Whether the schemas use `unevaluatedProperties` or `unevaluatedItems` (default: assume so). Source only: when
   * they do not, the compiled code does not track which properties and items each schema evaluated.
   */
  readonly unevaluated?: boolean;
  /** Whether the schemas use `$dynamicRef` or `$dynamicAnchor` (default: assume so). Source only, as above. */
  readonly dynamicRefs?: boolean;
}

const META_SCHEMA_2020 = "https://json-schema.org/draft/2020-12/schema";

/** The identifier the standalone code reads non-regex formats from; `compiledFormatsPrelude` defines it. */
const FORMATS_OBJECT = "compiledFormats";

/**
 * What a source-generating Ajv evaluates in place of each function it compiled. Ajv hands every compiled function's
 * code to `new Function` (through `code.process`), but the generator only reads the source it keeps
 * (`validate.source`, see ./standalone.ts) and never runs a validator: parsing megabytes of code it would throw away
 * is a large part of compiling a big spec.
 */
const GENERATION_TIME_STUB = 'return function generationTimeStub() { throw new Error("payspec: a generation-time Ajv validator cannot run"); }';

/**
 * The project's Ajv: draft 2020-12, every error reported (`allErrors`), strict about unknown keywords and formats (a typo in a spec fails generation, it is not ignored).
 * `strictTypes`, `strictTuples` and `strictRequired` are off: specs legitimately write `properties` without
 * `type: object`, and `required` names declared in a sibling `allOf` member.
 */
export function createAjv(setup: AjvSetup = {}): Ajv2020 {
  const ajv = new Ajv({
    ...(setup.source ? { uriResolver: rememberingUriResolver() } : {}),
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    ...(setup.source
      ? {
          code: {
            source: true,
            esm: true,
            lines: false,
            // Ajv's optimizer inlines single-use constants: half of its compile time for a spec of 2,000 schemas, for
            // no measurable difference in validation speed (bench/validators.ts).
            optimize: false,
            formats: _`compiledFormats`,
            // Meta-schemas stay real: Ajv runs them to check each schema it is given.
            process: (code, env) => (env?.meta || env?.root.meta ? code : GENERATION_TIME_STUB),
          },
        }
      : {}),
  });
  addFormats(ajv, { mode: "full" });
  if (setup.source || setup.formats === "payspec") {
    for (const [name, check] of Object.entries(payspecFormats)) ajv.addFormat(name, check);
    for (const [name, wrap] of Object.entries(payspecFastPaths)) ajv.addFormat(name, wrap((fullFormats as unknown as Record<string, (text: string) => boolean>)[name]!));
  }
  for (const keyword of OPENAPI_ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  for (const keyword of setup.extensionKeywords ?? []) ajv.addKeyword({ keyword });
  for (const format of new Set([...OPENAPI_ANNOTATION_FORMATS, ...(setup.annotationFormats ?? [])])) ajv.addFormat(format, true);
  if (setup.source) leanerSourceFromNowOn(ajv, setup);
  return ajv;
}

/**
 * What a generation-time Ajv leaves out of the code it compiles for the spec's schemas, all of it code that never
 * changes a verdict (together a fifth of the synthetic spec's module, and of the time to compile it):
 * - Ajv's error messages: issues.ts words every error itself.
 * - Tracking what each schema evaluated, for `unevaluatedProperties`/`unevaluatedItems`, when no schema uses them.
 * - Passing the dynamic scope along, for `$dynamicRef`, when no schema uses it.
 * Ajv2020's constructor forces the last two on, and its meta-schema, which checks every schema Ajv is given, needs
 * all three (it uses `$dynamicRef`, and its messages say what is wrong with a schema): so the meta-schema is compiled
 * first, and the options are changed after. The differential test checks the verdicts against a run-time Ajv with
 * all three on.
 */
function leanerSourceFromNowOn(ajv: Ajv2020, setup: AjvSetup): void {
  if (!ajv.getSchema(META_SCHEMA_2020)) throw new Error("validators: Ajv has no draft 2020-12 meta-schema");
  const options = ajv.opts as { messages?: boolean; unevaluated?: boolean; dynamicRef?: boolean };
  options.messages = false;
  if (setup.unevaluated === false) options.unevaluated = false;
  if (setup.dynamicRefs === false) options.dynamicRef = false;
}

/**
 * Ajv caches compiled fragments of a document in two places: `ajv.getSchema(ref)` in `ajv.refs`, and a `$ref` inside
 * the document in the document's own `refs`. A schema that is both exported and referenced by another would be
 * compiled once for each, into two identical functions: 1,650 of the synthetic spec's 4,100 functions, 45% of its
 * compiled code. Compiling each export the way a `$ref` reaches it, and handing that compilation to `ajv.refs`, makes
 * one function of each. An export that Ajv would inline at a `$ref` (no `$ref` inside it) is left to `getSchema`.
 */
function compileThroughDocumentRefs(ajv: Ajv2020, refs: readonly string[]): void {
  for (const ref of refs) {
    const hash = ref.indexOf("#");
    if (hash < 0) continue;
    const document = ajv.schemas[ref.slice(0, hash)];
    if (!(document instanceof SchemaEnv)) continue;
    const compiled = resolveRef.call(ajv, document, document.baseId, ref);
    if (compiled instanceof SchemaEnv) ajv.refs[ref] = compiled;
  }
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
  compileThroughDocumentRefs(ajv, Object.values(exports));
  for (const ref of Object.values(exports)) {
    if (!ajv.getSchema(ref)) throw new Error(`validators: Ajv cannot find schema ${ref}`);
  }
  // Ajv's standalone code emits a function again each time it is exported: export each schema once, alias the rest.
  const first = new Map<string, string>();
  const unique: Record<string, string> = {};
  const aliases: string[] = [];
  for (const [name, ref] of Object.entries(exports)) {
    const exported = first.get(ref);
    if (exported === undefined) {
      first.set(ref, name);
      unique[name] = ref;
    } else {
      aliases.push(`export const ${name} = ${exported};`);
    }
  }
  const code =
    compactErrorPushes(requireToImports(standaloneExports(ajv, unique, { unusedSchemaConstants: false }))) +
    (aliases.length > 0 ? `\n${aliases.join("\n")}` : "");
  const formats = compiledFormatsPrelude(code);
  if (formats === "") return code;
  const importLines = code.match(/^(?:import .*\n)*/)![0];
  return `${importLines}${formats}\n${code.slice(importLines.length)}`;
}

const FORMATS_SOURCE = readFileSync(path.join(PACKAGE_ROOT, "generator", "validators", "formats.ts"), "utf8");

let formatsJavaScript: string | undefined;

/**
 * The JavaScript of ./formats.ts as declarations to paste into a module: TypeScript's own transpiler (deterministic
 * for a given TypeScript version), `export` dropped, comments kept. Transpiled once per process.
 */
function payspecFormatsSource(): string {
  formatsJavaScript ??= transpileFormats();
  return formatsJavaScript;
}

function transpileFormats(): string {
  const js = transpileWithTypeScript(FORMATS_SOURCE);
  return js.replace(/^export /gm, "").replace(/^\/\/# sourceMappingURL=.*$/m, "").trim();
}

function transpileWithTypeScript(source: string): string {
  const { ts } = requireLibrary("ts-morph") as typeof import("ts-morph");
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
  }).outputText;
}

/**
 * Defines the object the standalone code reads function formats from (`compiledFormats.uri`,
 * `compiledFormats["date-time"]`), with only the formats `code` uses: payspec's own (./formats.ts) pasted in, any
 * other compiled in from the installed ajv-formats (./ajv-formats-source.ts). The module imports no format code.
 */
export function compiledFormatsPrelude(code: string): string {
  const used = new Set<string>();
  const pattern = new RegExp(`\\b${FORMATS_OBJECT}(?:\\.([A-Za-z_$][\\w$]*)|\\[("(?:[^"\\\\]|\\\\.)*")\\])`, "g");
  for (const match of code.matchAll(pattern)) used.add(match[1] ?? (JSON.parse(match[2]!) as string));
  if (used.size === 0) return "";
  const ours: readonly string[] = Object.keys(payspecFormats);
  const fastPaths: readonly string[] = Object.keys(payspecFastPaths);
  const known = new Set(ajvFormatNames());
  const entries: string[] = [];
  for (const name of [...used].sort()) {
    if (ours.includes(name)) {
      entries.push(`${JSON.stringify(name)}: payspecFormats[${JSON.stringify(name)}]`);
    } else if (fastPaths.includes(name) && known.has(name)) {
      entries.push(
        `// ajv-formats' full-mode "${name}", compiled in from the installed ajv-formats at generation time, behind payspec's fast path.\n` +
          `${JSON.stringify(name)}: payspecFastPaths[${JSON.stringify(name)}](${ajvFormatSource(name)})`,
      );
    } else if (known.has(name)) {
      entries.push(`// ajv-formats' full-mode "${name}", compiled in from the installed ajv-formats at generation time.\n${JSON.stringify(name)}: ${ajvFormatSource(name)}`);
    } else {
      throw new Error(`validators: the compiled code uses format "${name}", which neither payspec nor ajv-formats defines`);
    }
  }
  const usesOurs = [...used].some((name) => ours.includes(name) || fastPaths.includes(name));
  return [...(usesOurs ? [payspecFormatsSource()] : []), `const ${FORMATS_OBJECT} = {\n${entries.join(",\n")}\n};`].join("\n");
}

/**
 * Ajv writes each of its hundreds of error sites as `if(vErrors === null){vErrors = [err];}else {vErrors.push(err);}`;
 * `(vErrors ??= []).push(err);` does the same in half the bytes, and every byte is parsed at import.
 */
export function compactErrorPushes(code: string): string {
  return code.replace(/if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g, "(vErrors ??= []).push($1);");
}
