/**
 * The half of the validators that needs Ajv and no TypeScript: the plan (the schema set and the name of every
 * compiled function) and validation/compiled.js with its declarations. It runs on the spec thread
 * (generator/spec-thread-entry.ts), which therefore never loads ts-morph; ./validators.ts writes validators.ts from
 * the same plan and puts the two together.
 */
import type { ApiModel } from "../model.js";
import { pascalCase, safeIdentifier, uniqueName } from "../names.js";
import { compileStandalone, createAjv } from "../validators/compile.js";
import { compileRejected, schemaRejected } from "../validators/schema-errors.js";
import { buildSchemaSet, defRef, SCHEMA_SET_ID, type SchemaSet } from "../validators/schema-set.js";

/** Relative path in `generated/<name>/` -> file text. */
export type ValidatorFiles = Readonly<Record<string, string>>;

export const VALIDATOR_FILES = {
  module: "validators.ts",
  compiled: "validation/compiled.js",
  compiledTypes: "validation/compiled.d.ts",
  /**
   * The response validators' functions, in a file of their own: bundlers put a module reachable both statically and
   * through a dynamic import into a chunk loaded up front, so sharing compiled.js would ship them to every app.
   */
  compiledResponses: "validation/compiled-responses.js",
  compiledResponsesTypes: "validation/compiled-responses.d.ts",
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
 * What validators.ts is written from: names, and formats nobody checks. Small, so that the spec thread, which makes
 * the plan for Ajv anyway, sends it to the CLI's thread rather than that thread making the plan again.
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
  /** Compiled export name -> the schema ref Ajv compiles for it. */
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
    exportsMap[compiledName] = `${SCHEMA_SET_ID}${defRef(key)}`;
    return { schemaName, suffix, compiledName };
  });
  const defs = set.root.$defs as Record<string, unknown>;
  /** An operation schema's text -> the first operation schema written so (`{ path: { id } }` is a common request). */
  const firstOfItsText = new Map<string, string>();
  /**
   * The ref an export compiles:
   * - an operation schema that is only `{ $ref }` (most response bodies) exports the function of the schema it names,
   *   rather than a copy of it (Ajv would inline a ref-free target into a new one);
   * - an operation schema written exactly as an earlier one exports that one's function (nothing refers to operation
   *   schemas, so nothing else changes).
   */
  const exportRef = (key: string): string => {
    const schema = defs[key];
    if (typeof schema === "object" && schema !== null) {
      const keys = Object.keys(schema);
      const ref = (schema as { $ref?: unknown }).$ref;
      if (keys.length === 1 && typeof ref === "string" && /^#\/\$defs\/[^/]+$/.test(ref)) return `${SCHEMA_SET_ID}${ref}`;
    }
    const text = JSON.stringify(schema);
    const first = firstOfItsText.get(text);
    if (first === undefined) firstOfItsText.set(text, key);
    return `${SCHEMA_SET_ID}${defRef(first ?? key)}`;
  };
  const operations: OperationExport[] = set.operations.map((operation) => {
    const base = pascalCase(operation.operationId) || "Operation";
    let request: string | undefined;
    if (operation.request !== undefined) {
      request = uniqueName(`request${base}`, compiledNames);
      exportsMap[request] = exportRef(operation.request);
    }
    const responses = operation.responses.map(([status, key]) => {
      if (key === undefined) return [status, undefined] as const;
      const name = uniqueName(`response${base}${safeIdentifier(status).replace(/[^A-Za-z0-9_$]/g, "_")}`, compiledNames);
      exportsMap[name] = exportRef(key);
      return [status, name] as const;
    });
    return { operationId: operation.operationId, ...(request !== undefined ? { request } : {}), responses };
  });
  return { set, named, operations, exportsMap, unknownFormats: set.unknownFormats };
}

export function modulePlan({ named, operations, unknownFormats }: ValidatorsPlan): ModulePlan {
  return { named, operations, unknownFormats };
}

/** What `emitCompiledValidators` reads of the model and the plan: little, as it is sent to another thread. */
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

/** validation/compiled.js and its declarations: Ajv's compilation, the expensive half. */
export function emitCompiledValidators({ spec: model, set, exportsMap, responseExports }: CompileJob): ValidatorFiles {
  const ajv = createAjv({
    source: true,
    extensionKeywords: set.extensionKeywords,
    annotationFormats: set.unknownFormats,
    unevaluated: set.usesUnevaluated,
    dynamicRefs: set.usesDynamicRefs,
  });
  try {
    ajv.addSchema(set.root);
  } catch (error) {
    throw schemaRejected(model, set, ajv.errors, error as Error);
  }
  const responses = new Set(responseExports);
  const partition = (wanted: boolean) => Object.fromEntries(Object.entries(exportsMap).filter(([name]) => responses.has(name) === wanted));
  let compiled: string;
  let compiledResponses: string;
  try {
    compiled = compileStandalone(ajv, partition(false));
    compiledResponses = compileStandalone(ajv, partition(true));
  } catch (error) {
    throw compileRejected(model, set, error as Error);
  }
  const header = [
    `// Generated by payspec from ${model.title} ${model.version} (OpenAPI ${model.openapiVersion}). Do not edit: run \`npm run generate\`.`,
    "// Ajv standalone validation code (JSON Schema 2020-12), compiled at generation time.",
  ].join("\n");
  return {
    [VALIDATOR_FILES.compiled]: `${header}\n${compiled.trim()}\n`,
    [VALIDATOR_FILES.compiledTypes]: emitCompiledTypes(header, Object.keys(partition(false))),
    [VALIDATOR_FILES.compiledResponses]: `${header}\n${compiledResponses.trim()}\n`,
    [VALIDATOR_FILES.compiledResponsesTypes]: emitCompiledTypes(header, Object.keys(partition(true))),
  };
}

function emitCompiledTypes(header: string, names: readonly string[]): string {
  const lines = [
    header.split("\n")[0]!,
    "",
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
    "",
    ...names.map((name) => `export declare const ${name}: CompiledValidator;`),
  ];
  return `${lines.join("\n")}\n`;
}
