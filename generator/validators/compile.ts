/**
 * Ajv at generation time: one configuration shared by the generator, the differential tests and the benchmark (so
 * that "run-time Ajv" there means the same options), and the schema set compiled into one ES module.
 *
 * Ajv's public API only: constructor options, `addSchema`, `getSchema`, `validateSchema`, `addFormat`, ajv-formats'
 * plugin, and `standaloneCode` (ajv/dist/standalone). What the module needs beyond Ajv's output (ES imports, formats
 * as functions of their own, tree-shakable top-level values) is done to the text Ajv returns (./standalone-module.ts).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { Name, type ErrorObject, type ValidateFunction } from "ajv";
import formats from "ajv-formats";
import standalone from "ajv/dist/standalone/index.js";
import { payspecFormats, payspecPattern } from "./formats.js";
import { resourceId } from "./resource-ids.js";
import type { SchemaSet } from "./schema-set.js";
import { endOfJsonValue, finishModule, FORMATS_OBJECT, PATTERN_ENGINE } from "./standalone-module.js";
import { rememberingUriResolver } from "./uri-resolver.js";

// CommonJS modules whose `exports.default` is the function: under Node16 resolution their default import is the
// module object (TypeScript types it so), the function one `.default` further.
const addFormats = formats.default;
const standaloneCode = standalone.default;

const META_SCHEMA_2020 = "https://json-schema.org/draft/2020-12/schema";

export interface AjvSetup {
  /** Formats to declare as annotations (always pass). */
  readonly annotationFormats?: readonly string[];
  /** Keep ES module source for standalone code (the generator); off for a plain run-time instance. */
  readonly source?: boolean;
  /**
   * `ajv-formats`: ajv-formats' full mode (the reference the tests and the benchmark compare with). `payspec`: the
   * same verdicts from payspec's own checks (./formats.ts), as the generated code runs them. Source implies `payspec`.
   */
  readonly formats?: "ajv-formats" | "payspec";
  /**
   * Compile a `pattern` that is not valid with the `u` flag without it (Ajv's `code.regExp` option), instead of
   * refusing the schema. Source only needs it when the schema set has such a pattern.
   */
  readonly patternsWithoutUnicode?: boolean;
}

/**
 * What a source-generating Ajv evaluates in place of each function it compiled. Ajv hands every compiled function's
 * code to `new Function` (through `code.process`), but the generator only reads the source Ajv keeps and never runs a
 * validator: parsing megabytes of code it would throw away is a large part of compiling a big spec. The meta-schema,
 * which Ajv runs to check every schema it is given, is compiled before the stub is switched on.
 */
const GENERATION_TIME_STUB = 'return function generationTimeStub() { throw new Error("payspec: a generation-time Ajv validator cannot run"); }';

/**
 * Ajv's `code.regExp` engine for specs with patterns that are valid only without the `u` flag: payspec's
 * `payspecPattern` at generation time, and (`code`) the same function, pasted, in the compiled module.
 */
const patternWithFallback = Object.assign((pattern: string, flags: string) => payspecPattern(pattern, flags), { code: PATTERN_ENGINE });

/**
 * The project's Ajv: draft 2020-12, every error reported (`allErrors`), strict mode off (what JSON Schema allows
 * compiles: unknown keywords and formats are annotations, which the schema set reports as warnings).
 */
export function createAjv(setup: AjvSetup = {}): Ajv2020 {
  let stubbing = false;
  const regExp = setup.patternsWithoutUnicode ? { regExp: patternWithFallback } : {};
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    ...(setup.source
      ? {
          logger: false,
          // Issues are worded by issues.ts, not by Ajv: its messages are code that never changes a verdict.
          messages: false,
          // A `$ref` is a call of the function of its target, never a copy of that function's code: each schema is
          // compiled once, and a bundle that keeps one validator keeps only the schemas it reaches.
          inlineRefs: false,
          uriResolver: rememberingUriResolver(),
          code: {
            source: true,
            esm: true,
            lines: false,
            // One pass of Ajv's optimizer (drops the variables its code never reads, inlines single-use constants):
            // what users ship is smaller (Next Commerce's isOrder alone, bundled: 6.2 -> 5.2 KB gzip); it costs
            // generation time (bench/generation.ts measures the whole).
            optimize: 1,
            // Where Ajv reads function formats from: rewritten into payspec's functions (./standalone-module.ts).
            formats: new Name(FORMATS_OBJECT),
            process: (code: string) => (stubbing ? GENERATION_TIME_STUB : code),
            ...regExp,
          },
        }
      : { code: { ...regExp } }),
  });
  addFormats(ajv, { mode: "full" });
  if (setup.source || setup.formats === "payspec") {
    for (const [name, check] of Object.entries(payspecFormats)) ajv.addFormat(name, check as Parameters<Ajv2020["addFormat"]>[1]);
  }
  for (const format of setup.annotationFormats ?? []) ajv.addFormat(format, true);
  if (setup.source) {
    if (!ajv.getSchema(META_SCHEMA_2020)) throw new Error("validators: Ajv has no draft 2020-12 meta-schema");
    stubbing = true;
  }
  return ajv;
}

/** Why Ajv refused the set: the meta-schema's violations of one resource, or a resource it cannot compile. */
export type CompileFailure =
  | { readonly kind: "schema"; readonly key: string; readonly error: Error }
  | { readonly kind: "compile"; readonly error: Error };

export class CompileFailed extends Error {
  readonly failure: CompileFailure;
  constructor(failure: CompileFailure) {
    super(failure.error.message);
    this.failure = failure;
  }
}

/**
 * Compiles each of `modules` (export name -> resource key of `set`) into an ES module of standalone validation
 * functions, each module whole (the functions its exports call included, whichever other module has them too).
 * One Ajv compiles them all, so a schema two modules reach is compiled once: the request and the response validators
 * of an API share most of its component schemas (GitHub's REST description: compiling the response module in an Ajv
 * of its own took 2.4 s more). Throws CompileFailed when Ajv refuses a schema (./schema-errors.ts words it).
 */
export function compileSchemaSet(set: SchemaSet, modules: readonly Readonly<Record<string, string>>[]): string[] {
  const ajv = createAjv({ source: true, annotationFormats: set.unknownFormats, patternsWithoutUnicode: set.patternsWithoutUnicode });
  for (const [key, schema] of Object.entries(set.resources)) {
    try {
      ajv.addSchema(schema as object, resourceId(key));
    } catch (error) {
      throw new CompileFailed({ kind: "schema", key, error: error as Error });
    }
  }
  return modules.map((exports, index) => compileModule(ajv, set, exports, `${EVERY_EXPORT}/${index}`));
}

function compileModule(ajv: Ajv2020, set: SchemaSet, exports: Readonly<Record<string, string>>, rootKey: string): string {
  // One function per compiled schema, exported under every name that reaches it.
  const functions = new Map<ValidateFunction, string>();
  const ids: string[] = [];
  /** `true`/`false` schemas: a `$ref` to one is always inlined by Ajv, so their functions are written apart. */
  const booleans: ValidateFunction[] = [];
  const exportLines: string[] = [];
  for (const [name, key] of Object.entries(exports)) {
    let validate: ValidateFunction | undefined;
    try {
      validate = ajv.getSchema(resourceId(key));
      if (!validate) throw new Error(`validators: Ajv cannot find schema ${resourceId(key)}`);
    } catch (error) {
      throw new CompileFailed({ kind: "compile", error: error as Error });
    }
    if (!functions.has(validate)) {
      functions.set(validate, functionName(validate));
      if (typeof set.resources[key] === "boolean") booleans.push(validate);
      else ids.push(resourceId(key));
    }
    exportLines.push(`export const ${name} = ${functions.get(validate)!};`);
  }
  const code = everyFunctionOnce(ajv, ids, rootKey) + booleans.map((validate) => withoutHeader(standaloneCode(ajv, validate), functionName(validate))).join("");
  return `${finishModule(code, { unevaluated: set.usesUnevaluated, dynamicRefs: set.usesDynamicRefs })}\n${exportLines.join("\n")}`;
}

/** Keys of the schemas that refer to the exported ones (./resource-ids.ts: no key of the schema set starts with `x:`). */
const EVERY_EXPORT = "x:exports";
/** How many schemas one of those refers to: see everyFunctionOnce. */
const GROUP = 64;

/**
 * The standalone code of the functions of `ids` and of every function they call, each once, exported by no name.
 *
 * Why not `standaloneCode(ajv, { name: id, ... })`: it rebuilds the module's code object once per export, and each
 * function's once per function it calls, so its time grows with the square of those counts (a second and a half of
 * GitHub's REST description, 3,000 exports). Given one function, it writes that function and all it calls in one
 * pass. So this compiles schemas that refer to the exports (an `allOf` of `$ref`s: calls), in groups of GROUP under
 * one root so that no function calls thousands, and keeps the code of what they call, without their own.
 */
function everyFunctionOnce(ajv: Ajv2020, ids: readonly string[], rootKey: string): string {
  if (ids.length === 0) return '"use strict";';
  const groups: string[] = [];
  for (let start = 0; start < ids.length; start += GROUP) {
    const groupId = resourceId(`${rootKey}/${groups.length}`);
    ajv.addSchema({ allOf: ids.slice(start, start + GROUP).map((id) => ({ $ref: id })) }, groupId);
    groups.push(groupId);
  }
  const rootId = resourceId(rootKey);
  ajv.addSchema({ allOf: groups.map((id) => ({ $ref: id })) }, rootId);
  let root: ValidateFunction | undefined;
  try {
    root = ajv.getSchema(rootId);
  } catch (error) {
    throw new CompileFailed({ kind: "compile", error: error as Error });
  }
  const rootName = functionName(root!);
  let code = standaloneCode(ajv, root!);
  code = withoutHeader(code, rootName);
  const own = code.lastIndexOf(`function ${rootName}(`);
  if (own < 0) throw new Error("validators: Ajv's standalone code no longer has the shape this generator reads");
  return `"use strict";${withoutFunctions(code.slice(0, own), new Set(groups.map((id) => functionName(ajv.getSchema(id)!))))}`;
}

/** Ajv's module of one function (`standaloneCode(ajv, validate)`) without its header: the code of what it calls, then the function. */
function withoutHeader(code: string, name: string): string {
  const header = `"use strict";export const validate = ${name};export default ${name};`;
  if (!code.startsWith(header)) throw new Error("validators: Ajv's standalone code no longer has the shape this generator reads");
  return code.slice(header.length);
}

/**
 * `code` without the functions `names`: each from `function name(` to the `return errors === 0;}` after its
 * `name.errors = vErrors;`, and the `name.evaluated = {...};` after it.
 */
function withoutFunctions(code: string, names: ReadonlySet<string>): string {
  let out = "";
  let from = 0;
  for (const match of code.matchAll(/function (validate\d+)\(/g)) {
    const name = match[1]!;
    if (!names.has(name) || match.index < from) continue;
    const tail = code.indexOf(`${name}.errors = vErrors;`, match.index);
    const returns = "return errors === 0;}";
    const end = tail < 0 ? -1 : code.indexOf(returns, tail);
    if (end < 0) throw new Error("validators: Ajv's standalone code no longer has the shape this generator reads");
    let after = end + returns.length;
    const evaluated = `${name}.evaluated = `;
    if (code.startsWith(evaluated, after)) after = endOfJsonValue(code, after + evaluated.length) + 1;
    out += code.slice(from, match.index);
    from = after;
  }
  return out + code.slice(from);
}

/** The name Ajv gave a compiled function in its standalone code (`validate12`). */
function functionName(validate: ValidateFunction): string {
  const name = validate.source?.validateName;
  if (name === undefined) throw new Error("validators: Ajv kept no source for a compiled function (code.source)");
  return String(name);
}

/** The meta-schema's violations of a schema, worded (the generation-time Ajv keeps no messages): one Ajv for many. */
export function metaSchemaChecker(): (schema: unknown) => readonly ErrorObject[] {
  const ajv = createAjv();
  return (schema) => (ajv.validateSchema(schema as object) ? [] : (ajv.errors ?? []));
}
