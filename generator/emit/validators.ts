/**
 * `emitValidators`: the model -> the files of `generated/<name>/` that validate values at run time.
 *
 *   validators.ts            typed API: isX / assertX / validateX per named schema, `schemaValidators`,
 *                            `operationValidators` (the client's request and response validators, see the runtime
 *                            contract). Strict TypeScript, built with ts-morph.
 *   validation/compiled.js   Ajv's standalone code, compiled here at generation time (draft 2020-12, formats
 *                            compiled in). Kept as JavaScript next to a declaration file, not pasted into a .ts under
 *                            `@ts-nocheck`, so that `tsc --noEmit` stays strict over every line a person reads.
 *   validation/compiled.d.ts its types.
 *   (validators.ts also embeds generator/validators/issues.ts, Ajv errors -> ValidationIssues, as module-private code:
 *   one module fewer to load before the first validation.)
 *
 * Importing validators.ts compiles nothing: compiled.js imports only Ajv's run-time helpers (a declared dependency),
 * never Ajv itself. Formats are compiled in: RegExp formats by Ajv, ajv-formats' function formats taken from the
 * installed ajv-formats at generation time, date-time/date/time payspec's own (generator/validators/formats.ts).
 */
import { readFileSync } from "node:fs";
import type { StatementStructures } from "ts-morph";
import { requireLibrary } from "../libraries.js";
import { printSourceFile } from "./print.js";
import type { ApiModel, JsonSchema } from "../model.js";
import { pascalCase, safeIdentifier, uniqueName } from "../names.js";
import { compileStandalone, createAjv } from "../validators/compile.js";
import { buildSchemaSet, defRef, SCHEMA_SET_ID, type SchemaSet } from "../validators/schema-set.js";

const { StructureKind, VariableDeclarationKind } = requireLibrary("ts-morph") as typeof import("ts-morph");

/** Relative path in `generated/<name>/` -> file text. */
export type ValidatorFiles = Readonly<Record<string, string>>;

export const VALIDATOR_FILES = {
  module: "validators.ts",
  compiled: "validation/compiled.js",
  compiledTypes: "validation/compiled.d.ts",
} as const;

/** generator/validators/issues.ts without its `export`s and its file comment, to embed in validators.ts. */
const ISSUES_SOURCE = readFileSync(new URL("../validators/issues.ts", import.meta.url), "utf8")
  .replace(/^\/\*\*[^]*?\*\/\n/, "")
  .replace(/^export /gm, "")
  .trim();

interface NamedExport {
  readonly schemaName: string;
  /** `Order` in isOrder / assertOrder / validateOrder. */
  readonly suffix: string;
  readonly compiledName: string;
  readonly schema: JsonSchema;
}

interface OperationExport {
  readonly operationId: string;
  readonly request?: string;
  /** `undefined`: a documented response with no JSON body to check. */
  readonly responses: ReadonlyArray<readonly [status: string, compiledName: string | undefined]>;
}

function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/").trim();
}

function schemaDoc(name: string, schema: JsonSchema): string {
  const lines = [`\`${name}\` (components.schemas).`];
  if (typeof schema === "object" && schema !== null) {
    if (typeof schema.title === "string") lines.unshift(docText(schema.title));
    if (typeof schema.description === "string") lines.push("", docText(schema.description));
  }
  return lines.join("\n");
}

function typeOf(schemaName: string): string {
  return `components["schemas"][${JSON.stringify(schemaName)}]`;
}

/** What the two halves of the validators agree on: the schema set, and the name of every compiled function. */
export interface ValidatorsPlan {
  readonly set: SchemaSet;
  readonly named: readonly NamedExport[];
  readonly operations: readonly OperationExport[];
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
    return { schemaName, suffix, compiledName, schema: model.schemas[schemaName]! };
  });
  const defs = set.root.$defs as Record<string, unknown>;
  /**
   * The ref an export compiles: an operation schema that is only `{ $ref }` (most response bodies) exports the
   * function of the schema it names, rather than a copy of it (Ajv would inline a ref-free target into a new one).
   */
  const exportRef = (key: string): string => {
    const schema = defs[key];
    if (typeof schema === "object" && schema !== null) {
      const keys = Object.keys(schema);
      const ref = (schema as { $ref?: unknown }).$ref;
      if (keys.length === 1 && typeof ref === "string" && /^#\/\$defs\/[^/]+$/.test(ref)) return `${SCHEMA_SET_ID}${ref}`;
    }
    return `${SCHEMA_SET_ID}${defRef(key)}`;
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
  return { set, named, operations, exportsMap };
}

/** Every file of the validators: `emitCompiledValidators` and `emitValidatorsModule` of one plan. */
export function emitValidators(model: ApiModel): ValidatorFiles {
  const plan = planValidators(model);
  return { ...emitCompiledValidators(compileJob(model, plan)), ...emitValidatorsModule(model, plan) };
}

/** What `emitCompiledValidators` reads of the model and the plan: little, as it is sent to another thread. */
export interface CompileJob {
  readonly spec: Pick<ApiModel, "name" | "title" | "version" | "openapiVersion">;
  readonly set: SchemaSet;
  readonly exportsMap: Readonly<Record<string, string>>;
}

export function compileJob(model: ApiModel, plan: ValidatorsPlan): CompileJob {
  const { name, title, version, openapiVersion } = model;
  return { spec: { name, title, version, openapiVersion }, set: plan.set, exportsMap: plan.exportsMap };
}

/** validation/compiled.js and its declarations: Ajv's compilation, the expensive half. */
export function emitCompiledValidators({ spec: model, set, exportsMap }: CompileJob): ValidatorFiles {
  const ajv = createAjv({ source: true, extensionKeywords: set.extensionKeywords, annotationFormats: set.unknownFormats });
  try {
    ajv.addSchema(set.root);
  } catch (error) {
    throw new Error(`validators for ${model.name}: Ajv rejects the spec's schemas: ${(error as Error).message}`);
  }
  let compiled: string;
  try {
    compiled = compileStandalone(ajv, exportsMap);
  } catch (error) {
    throw compileError(model, set, error as Error);
  }
  const header = [
    `// Generated by payspec from ${model.title} ${model.version} (OpenAPI ${model.openapiVersion}). Do not edit: run \`npm run generate\`.`,
    "// Ajv standalone validation code (JSON Schema 2020-12), compiled at generation time.",
  ].join("\n");
  return {
    [VALIDATOR_FILES.compiled]: `${header}\n${compiled.trim()}\n`,
    [VALIDATOR_FILES.compiledTypes]: emitCompiledTypes(header, Object.keys(exportsMap)),
  };
}

/** validators.ts, the typed functions over the compiled ones (ts-morph). */
export function emitValidatorsModule(model: ApiModel, plan: ValidatorsPlan = planValidators(model)): ValidatorFiles {
  return { [VALIDATOR_FILES.module]: emitModule(model, plan.named, plan.operations, plan.set.unknownFormats) };
}

/** Names the schema Ajv refuses (a typo'd keyword, an unknown format...), found by compiling each one alone. */
function compileError(model: CompileJob["spec"], set: SchemaSet, error: Error): Error {
  const where: string[] = [];
  const probe = createAjv({ extensionKeywords: set.extensionKeywords, annotationFormats: set.unknownFormats });
  probe.addSchema(set.root);
  for (const [name, key] of set.named) {
    try {
      probe.getSchema(`${SCHEMA_SET_ID}${defRef(key)}`);
    } catch {
      where.push(`#/components/schemas/${name}`);
      break;
    }
  }
  if (where.length === 0) {
    for (const operation of set.operations) {
      for (const key of [operation.request, ...operation.responses.map(([, k]) => k)]) {
        if (key === undefined) continue;
        try {
          probe.getSchema(`${SCHEMA_SET_ID}${defRef(key)}`);
        } catch {
          where.push(`operation ${operation.operationId}`);
          break;
        }
      }
      if (where.length > 0) break;
    }
  }
  const hint = /unknown keyword/i.test(error.message)
    ? "Fix the schema in the spec (custom keywords must start with x-)."
    : "Fix the schema in the spec.";
  return new Error(`validators for ${model.name}: Ajv cannot compile ${where[0] ?? "the spec's schemas"}: ${error.message}. ${hint}`, {
    cause: error,
  });
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
    "  readonly message?: string;",
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

function emitModule(model: ApiModel, named: readonly NamedExport[], operations: readonly OperationExport[], unknownFormats: readonly string[]): string {
  const statements: (string | StatementStructures)[] = [];
  const uncheckedFormats = ["decimal", ...unknownFormats.filter((format) => format !== "decimal")];
  statements.push([
    "/**",
    ` * Run-time validators for ${docText(model.title)} ${docText(model.version)}, generated by payspec. Do not edit: run \`npm run generate\`.`,
    " *",
    " * The checks were compiled by Ajv at generation time (./validation/compiled.js); importing this module compiles nothing.",
    " * Request validators ignore readOnly properties' `required`, response validators writeOnly ones (OpenAPI's rule).",
    ` * Formats kept as annotations (not checked): ${uncheckedFormats.join(", ")}.`,
    " */",
  ].join("\n"));
  if (named.length > 0) statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./schema.js", namedImports: ["components"], isTypeOnly: true });
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/index.js", namedImports: ["ValidationResult", "Validator"], isTypeOnly: true });
  // errors.ts directly, not the runtime's index: importing validators must not load the HTTP client (openapi-fetch),
  // which would double the time from import to first validation.
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/errors.js", namedImports: ["ValidationError"] });
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./validation/compiled.js", namespaceImport: "compiled" });
  statements.push([
    "// Ajv errors -> ValidationIssues: generator/validators/issues.ts, embedded by payspec (module-private).",
    ISSUES_SOURCE,
  ].join("\n"));

  statements.push({ kind: StructureKind.Function,
    name: "run",
    typeParameters: ["T"],
    parameters: [{ name: "check", type: "compiled.CompiledValidator" }, { name: "value", type: "unknown" }],
    returnType: "ValidationResult<T>",
    statements: "return check(value) ? { ok: true, value: value as T } : { ok: false, errors: issuesFromAjv(check.errors, value) };",
  });
  statements.push({ kind: StructureKind.Function,
    name: "validator",
    docs: ["A `Validator` (runtime contract) over one compiled check."],
    typeParameters: ["T = unknown"],
    parameters: [{ name: "check", type: "compiled.CompiledValidator" }],
    returnType: "Validator<T>",
    statements: "return (value) => run<T>(check, value);",
  });

  if (operations.some((operation) => operation.responses.some(([, name]) => name === undefined))) {
    statements.push({ kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        "A documented response without a JSON body (204, a file...): nothing to check. It is listed so that the client\n" +
          "does not validate such an answer against the operation's `4XX` or `default` schema instead.",
      ],
      declarations: [{ name: "noJsonBody", type: "Validator", initializer: "(value) => ({ ok: true, value })" }],
    });
  }

  for (const entry of named) {
    const type = typeOf(entry.schemaName);
    const doc = schemaDoc(entry.schemaName, entry.schema);
    statements.push({ kind: StructureKind.Function,
      isExported: true,
      name: `is${entry.suffix}`,
      docs: [`${doc}\n\nTrue when \`value\` is a valid ${entry.schemaName}.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${type}`,
      statements: `return compiled.${entry.compiledName}(value);`,
    });
    statements.push({ kind: StructureKind.Function,
      isExported: true,
      name: `validate${entry.suffix}`,
      docs: [`${doc}\n\n\`{ ok: true, value }\`, or \`{ ok: false, errors }\` listing every violation with its path.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `ValidationResult<${type}>`,
      statements: `return run<${type}>(compiled.${entry.compiledName}, value);`,
    });
    statements.push({ kind: StructureKind.Function,
      isExported: true,
      name: `assert${entry.suffix}`,
      docs: [`${doc}\n\n@throws ValidationError listing every violation when \`value\` is not a valid ${entry.schemaName}.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `asserts value is ${type}`,
      statements: [
        `const result = validate${entry.suffix}(value);`,
        `if (!result.ok) throw new ValidationError(${JSON.stringify(`${entry.schemaName}: `)} + summariseIssues(result.errors), result.errors);`,
      ],
    });
  }

  // The two tables are written as text: ts-morph prints a variable's initializer with a hanging indent, which would
  // push every line of a multi-line object literal one level in.
  statements.push([
    "/** Every named schema's `validateX`, by its name in components.schemas. */",
    "export const schemaValidators = {",
    ...named.map((entry) => `  ${JSON.stringify(entry.schemaName)}: validate${entry.suffix},`),
    "} as const;",
  ].join("\n"));

  statements.push({ kind: StructureKind.Interface,
    isExported: true,
    name: "OperationValidators",
    docs: [
      "An operation's validators: its request as the client's CallInput `{ path, query, header, cookie, body }`, and its\n" +
        "response bodies by status as written in the spec (`200`, `4XX`, `default`), every documented status listed.",
    ],
    properties: [
      { name: "request", type: "Validator", hasQuestionToken: true, isReadonly: true },
      { name: "responses", type: "Readonly<Record<string, Validator>>", isReadonly: true },
    ],
  });
  statements.push([
    "/**",
    " * Validators by operationId, for the client's `OperationInfo` (`requestValidator`, `responseValidators`).",
    " * Credential parameters (Authorization, apiKey schemes) are never validated, so they never appear in an issue.",
    " */",
    "export const operationValidators: { readonly [operationId: string]: OperationValidators } = {",
    ...operations.flatMap((operation) => [
      `  ${JSON.stringify(operation.operationId)}: {`,
      ...(operation.request !== undefined ? [`    request: validator(compiled.${operation.request}),`] : []),
      ...(operation.responses.length > 0
        ? [
            "    responses: {",
            ...operation.responses.map(([status, name]) => `      ${JSON.stringify(status)}: ${name === undefined ? "noJsonBody" : `validator(compiled.${name})`},`),
            "    },",
          ]
        : ["    responses: {},"]),
      "  },",
    ]),
    "};",
  ].join("\n"));
  return printSourceFile(statements);
}

