/**
 * The half of the validators that needs Ajv and no TypeScript: the plan (the schema set and the name of every
 * compiled function) and the compiled modules; ./validators.ts writes validators.ts from the same plan and puts the
 * two together.
 */
import type { SpecProblem } from "../errors.js";
import type { ApiModel } from "../model.js";
import { pascalCase, safeIdentifier, uniqueName } from "../names.js";
import { CompileFailed, compileSchemaSet } from "../validators/compile.js";
import { compileRejected, schemaRejected } from "../validators/schema-errors.js";
import { buildSchemaSet, parseResourceRef, type SchemaSet } from "../validators/schema-set.js";

/** Relative path in `generated/<name>/` -> file text. */
export type ValidatorFiles = Readonly<Record<string, string>>;

/**
 * The validators' files, and what their schemas could not be compiled as written: each warning located in the spec
 * (`pointer`, or the operation and parameter named in `message` for schemas the model keeps without a pointer).
 */
export interface ValidatorsOutput {
  readonly files: ValidatorFiles;
  readonly warnings: readonly SpecProblem[];
}

/**
 * The compiled modules are TypeScript files holding Ajv's JavaScript under `// @ts-nocheck`, with typed exports: a
 * user's `tsc` then emits them beside the rest of the client (a `.js` file among `.ts` sources would be left behind,
 * and the compiled client would not load), while a person reading validators.ts still reads strict TypeScript.
 */
export const VALIDATOR_FILES = {
  module: "validators.ts",
  compiled: "validation/compiled.ts",
  /**
   * The response validators' functions, in a file of their own: bundlers put a module reachable both statically and
   * through a dynamic import into a chunk loaded up front, so sharing compiled.ts would ship them to every app.
   */
  compiledResponses: "validation/compiled-responses.ts",
} as const;

export interface NamedExport {
  readonly schemaName: string;
  /** `Order` in isOrder / assertOrder / validateOrder. */
  readonly suffix: string;
  readonly compiledName: string;
}

export interface OperationExport {
  readonly operationId: string;
  readonly request?: string;
  /** `undefined`: a documented response with no JSON body to check. */
  readonly responses: ReadonlyArray<readonly [status: string, compiledName: string | undefined]>;
}

/**
 * What validators.ts is written from: names, and formats nobody checks.
 */
export interface ModulePlan {
  readonly named: readonly NamedExport[];
  readonly operations: readonly OperationExport[];
  /** `format` values compiled as annotations (SchemaSet.unknownFormats). */
  readonly unknownFormats: readonly string[];
}

/** What the two halves of the validators agree on: the schema set, and the name of every compiled function. */
export interface ValidatorsPlan extends ModulePlan {
  readonly set: SchemaSet;
  /** Compiled export name -> the key of the schema set's resource Ajv compiles for it. */
  readonly exportsMap: Readonly<Record<string, string>>;
}

export function planValidators(model: ApiModel): ValidatorsPlan {
  const set = buildSchemaSet(model);
  const compiledNames = new Set<string>();
  const exportsMap: Record<string, string> = {};
  const suffixes = new Set<string>();
  const named: NamedExport[] = set.named.map(([schemaName, key]) => {
    const suffix = uniqueName(pascalCase(schemaName) || "Schema", suffixes);
    const compiledName = uniqueName(`schema${suffix}`, compiledNames);
    exportsMap[compiledName] = key;
    return { schemaName, suffix, compiledName };
  });
  /** An operation schema that is only `{ $ref }` (most response bodies) exports the function of the schema it names. */
  const exportKey = (key: string): string => {
    const schema = set.resources[key];
    if (typeof schema === "object" && schema !== null && Object.keys(schema).length === 1 && typeof schema.$ref === "string") {
      const target = parseResourceRef(schema.$ref);
      if (target && target.fragment === "") return target.key;
    }
    return key;
  };
  const operations: OperationExport[] = set.operations.map((operation) => {
    const base = pascalCase(operation.operationId) || "Operation";
    let request: string | undefined;
    if (operation.request !== undefined) {
      request = uniqueName(`request${base}`, compiledNames);
      exportsMap[request] = exportKey(operation.request);
    }
    const responses = operation.responses.map(([status, key]) => {
      if (key === undefined) return [status, undefined] as const;
      const name = uniqueName(`response${base}${safeIdentifier(status).replace(/[^A-Za-z0-9_$]/g, "_")}`, compiledNames);
      exportsMap[name] = exportKey(key);
      return [status, name] as const;
    });
    return { operationId: operation.operationId, ...(request !== undefined ? { request } : {}), responses };
  });
  return { set, named, operations, exportsMap, unknownFormats: set.unknownFormats };
}

/** What `emitCompiledValidators` reads of the model and the plan. */
export interface CompileJob {
  readonly spec: Pick<ApiModel, "name" | "file" | "title" | "version" | "openapiVersion">;
  readonly set: SchemaSet;
  readonly exportsMap: Readonly<Record<string, string>>;
  /** The exports compiled into VALIDATOR_FILES.compiledResponses rather than compiled.js. */
  readonly responseExports: readonly string[];
}

export function compileJob(model: ApiModel, plan: ValidatorsPlan): CompileJob {
  const { name, file, title, version, openapiVersion } = model;
  const responseExports = plan.operations.flatMap((operation) => operation.responses.flatMap(([, compiledName]) => (compiledName === undefined ? [] : [compiledName])));
  return { spec: { name, ...(file !== undefined ? { file } : {}), title, version, openapiVersion }, set: plan.set, exportsMap: plan.exportsMap, responseExports };
}

/** validation/compiled.js and its declarations (Ajv's compilation, the expensive half), and the schema set's warnings. */
export function emitCompiledValidators({ spec: model, set, exportsMap, responseExports }: CompileJob): ValidatorsOutput {
  // Response validators go to a module of their own, which the client imports only when response validation is on
  // (a bundler keeps a module reached both statically and dynamically in the up-front chunk).
  const responses = new Set(responseExports);
  const partition = (wanted: boolean) => Object.fromEntries(Object.entries(exportsMap).filter(([name]) => responses.has(name) === wanted));
  let compiled: string;
  let compiledResponses: string;
  try {
    [compiled, compiledResponses] = compileSchemaSet(set, [partition(false), partition(true)]) as [string, string];
  } catch (error) {
    if (!(error instanceof CompileFailed)) throw error;
    const { failure } = error;
    throw failure.kind === "schema" ? schemaRejected(model, set, failure.key, failure.error) : compileRejected(model, set, failure.error);
  }
  const header = [
    `// Generated by payspec from ${model.title} ${model.version} (OpenAPI ${model.openapiVersion}). Do not edit: run \`payspec generate\`.`,
    "// Ajv standalone validation code (JSON Schema 2020-12), compiled at generation time. Ajv's JavaScript is not",
    "// type-checked; what the module exports is typed (CompiledValidator).",
    "// @ts-nocheck",
  ].join("\n");
  return {
    files: {
      [VALIDATOR_FILES.compiled]: typedModule(header, compiled),
      [VALIDATOR_FILES.compiledResponses]: typedModule(header, compiledResponses),
    },
    warnings: set.warnings,
  };
}

/** The types of what a compiled module exports, declared after its imports. */
const COMPILED_TYPES = [
  "/** The part of an Ajv error object that ../validators.ts reads. */",
  "export interface AjvErrorLike {",
  "  readonly instancePath: string;",
  "  readonly keyword: string;",
  "  readonly params: Readonly<Record<string, unknown>>;",
  "}",
  "",
  "/** An Ajv validation function: true when valid; on false, `errors` lists every violation. */",
  "export interface CompiledValidator {",
  "  (data: unknown): boolean;",
  "  errors?: AjvErrorLike[] | null;",
  "}",
].join("\n");

/** Ajv's module as TypeScript: the header, its imports, the export types, then the code with every export typed. */
function typedModule(header: string, code: string): string {
  const body = code.trim().replace(/^export const ([A-Za-z_$][\w$]*) = ([A-Za-z_$][\w$]*);$/gm, "export const $1: CompiledValidator = $2;");
  const imports = /^(?:import [^\n]*\n)*/.exec(body)![0];
  return `${header}\n${imports}${imports === "" ? "" : "\n"}${COMPILED_TYPES}\n\n${body.slice(imports.length).trimStart()}\n`;
}
