/**
 * `emitValidators`: the model -> the files of `generated/<name>/` that validate values at run time.
 *
 *   validators.ts             typed API: isX / assertX / validateX per named schema (top-level functions, so that an
 *                             app bundles only those it uses), `schemaValidators` by name, and `requestValidators`,
 *                             the client's request validators by operationId. Strict TypeScript, printed by ./print.ts.
 *   response-validators.ts    `responseValidators`: the client's response validators by operationId and status. The
 *                             client imports it dynamically when `validate.response` is on, never statically.
 *   validation/compiled.ts    Ajv's standalone code, compiled here at generation time (draft 2020-12, formats
 *                             compiled in): Ajv's JavaScript under `@ts-nocheck`, its exports typed, so that a user's
 *                             tsc emits it with the rest of the client (see VALIDATOR_FILES).
 *   validation/compiled-responses.ts  the same for the response validators alone: a file only the dynamic import
 *                             reaches, so that they load (and ship) only with `validate.response`.
 *
 * Both TypeScript modules embed generator/validators/issues.ts (Ajv errors -> ValidationIssues) as module-private
 * code, each its own copy: bundlers put a module that both a static and a dynamic import reach into a chunk loaded up
 * front, so a shared one would ship with `isOrder` alone even when nothing validates a response. Each copy words only
 * the keywords its compiled module can report (`embeddedIssues`), so an app ships no wording it can never show.
 *
 * No module has a top-level side effect: the tables are object literals of references to module-level functions
 * (pure, so a bundler drops a table, and what only it uses, when nothing imports it; package.json says
 * `"sideEffects": false`).
 *
 * The Ajv half (plan, the compiled modules) is ./validators-compiled.ts; this module writes the typed modules from the
 * same plan, and `emitValidators` puts them together.
 *
 * Importing validators.ts compiles nothing: the compiled module imports only Ajv's run-time helpers (a declared
 * dependency), never Ajv itself. Formats are compiled in: ajv-formats' RegExp formats by Ajv, its function formats as
 * payspec's own checks of the same verdicts (generator/validators/formats.ts). The compiled module tree-shakes: a
 * bundle keeps the functions of the validators it uses and nothing else (generator/validators/standalone-module.ts).
 */
import type { ApiModel, JsonSchema } from "../model.js";
import { EMBEDDED_SOURCES } from "../validators/embedded-sources.generated.js";
import { printSourceFile, type Statement } from "./print.js";
import { LOCAL_RUNTIME_IMPORT } from "./runtime.js";
import {
  compileJob,
  emitCompiledValidators,
  planValidators,
  VALIDATOR_FILES,
  type ModulePlan,
  type NamedExport,
  type OperationExport,
  type ValidatorFiles,
  type ValidatorsOutput,
} from "./validators-compiled.js";

export {
  compileJob,
  emitCompiledValidators,
  planValidators,
  VALIDATOR_FILES,
  type CompileJob,
  type ModulePlan,
  type ValidatorFiles,
  type ValidatorsOutput,
  type ValidatorsPlan,
} from "./validators-compiled.js";

/** The TypeScript modules this file writes, besides validators.ts (VALIDATOR_FILES.module). */
export const VALIDATOR_MODULES = {
  responses: "response-validators.ts",
} as const;

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

/**
 * Every file of the validators (`emitCompiledValidators` and `emitValidatorsModule` of one plan), and the warnings of
 * their schemas: what is compiled otherwise than written (an unknown keyword or format as an annotation, a pattern
 * without the `u` flag or not at all), each located in the spec.
 */
export function emitValidators(model: ApiModel, options: { readonly runtimeImport?: string } = {}): ValidatorsOutput {
  const plan = planValidators(model);
  const compiled = emitCompiledValidators(compileJob(model, plan));
  const reported: ReportedKeywords = {
    module: reportedKeywords(compiled.files[VALIDATOR_FILES.compiled] ?? ""),
    responses: reportedKeywords(compiled.files[VALIDATOR_FILES.compiledResponses] ?? ""),
  };
  return { files: { ...compiled.files, ...emitValidatorsModule(model, options, plan, reported) }, warnings: compiled.warnings };
}

/** The keywords each compiled module reports (`reportedKeywords`); undefined: not known, every keyword's wording. */
export interface ReportedKeywords {
  /** validation/compiled.ts, which validators.ts calls. */
  readonly module?: ReadonlySet<string> | undefined;
  /** validation/compiled-responses.ts, which response-validators.ts calls. */
  readonly responses?: ReadonlySet<string> | undefined;
}

/** validators.ts and response-validators.ts, over the compiled functions. */
export function emitValidatorsModule(
  model: ApiModel,
  options: { readonly runtimeImport?: string } = {},
  plan: ModulePlan = planValidators(model),
  reported: ReportedKeywords = {},
): ValidatorFiles {
  const runtimeImport = options.runtimeImport ?? LOCAL_RUNTIME_IMPORT;
  return {
    [VALIDATOR_FILES.module]: emitModule(model, runtimeImport, plan.named, plan.operations, plan.unknownFormats, reported.module),
    [VALIDATOR_MODULES.responses]: emitResponsesModule(model, runtimeImport, plan.operations, reported.responses),
  };
}

/**
 * The keywords a compiled module's errors can carry: Ajv writes each error's keyword as a string literal
 * (`keyword:"type"`), and an error a function passes on from another was written by that other function of the same
 * module. `undefined` when some `keyword:` of the code is not a literal (code this reading does not understand, or a
 * schema with a property named `keyword`): the module then embeds the wording of every keyword.
 */
export function reportedKeywords(compiledModule: string): ReadonlySet<string> | undefined {
  const keywords = new Set<string>();
  // `(?<!readonly )`: the module's own AjvErrorLike declaration (`readonly keyword: string;`).
  for (const [, literal] of compiledModule.matchAll(/(?<!readonly )\bkeyword\s*:\s*("(?:[^"\\\n]|\\.)*")?/g)) {
    if (literal === undefined) return undefined;
    keywords.add(JSON.parse(literal) as string);
  }
  return keywords;
}

/**
 * generator/validators/issues.ts as a module embeds it: the `WORDING` entries of the keywords its compiled validators
 * report (every entry when `keywords` is undefined), and of the rest only what `issuesFromAjv` (and `summariseIssues`,
 * with `withSummary`) still use: an app bundles no wording its validators cannot produce, and an unused function
 * would fail the user's noUnusedLocals. Its statements, entries and the names each reads were found at development
 * time (../validators/embedded-sources.ts).
 */
export function embeddedIssues(keywords: ReadonlySet<string> | undefined, withSummary: boolean): string {
  const { text: source, statements, wording, entries } = EMBEDDED_SOURCES.issues;
  const keptEntries = keywords === undefined ? entries : entries.filter((entry) => entry.keyword !== undefined && keywords.has(entry.keyword));
  const roots = new Set(["issuesFromAjv", ...(withSummary ? ["summariseIssues"] : [])]);
  // Drop the declarations nothing left reads, until none is dropped (one may be read only by another dropped one).
  let kept = new Set(statements.keys());
  for (;;) {
    const read = new Set<string>();
    for (const index of kept) {
      for (const name of statements[index]!.reads) read.add(name);
      if (index === wording) for (const entry of keptEntries) for (const name of entry.reads) read.add(name);
    }
    const unused = [...kept].filter((index) => {
      const name = statements[index]!.name;
      return name !== undefined && !roots.has(name) && !read.has(name);
    });
    if (unused.length === 0) break;
    kept = new Set([...kept].filter((index) => !unused.includes(index)));
  }
  const dropped = [
    ...[...statements.keys()].filter((index) => !kept.has(index)).map((index) => statements[index]!),
    ...(kept.has(wording) ? entries.filter((entry) => !keptEntries.includes(entry)) : []),
  ];
  return withoutRanges(source, dropped.map((range) => [range.start, range.end] as const)).trim();
}

function withoutRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  let result = "";
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    result += text.slice(at, start);
    at = end;
  }
  return result + text.slice(at);
}

/**
 * generator/validators/issues.ts (for the keywords the compiled module reports, see `embeddedIssues`) and `run`,
 * module-private, for a module that validates with compiled functions; `summariseIssues` only when the module uses it.
 */
function issuesStatements(compiledNamespace: string, keywords: ReadonlySet<string> | undefined, withSummary: boolean): Statement[] {
  return [
    ["// Ajv errors -> ValidationIssues: generator/validators/issues.ts, embedded by payspec (module-private).", embeddedIssues(keywords, withSummary)].join("\n"),
    { kind: "function",
      name: "run",
      docs: ["Runs one compiled check: the value typed when valid, else every violation as a ValidationIssue."],
      typeParameters: ["T = unknown"],
      parameters: [{ name: "check", type: `${compiledNamespace}.CompiledValidator` }, { name: "value", type: "unknown" }],
      returnType: "ValidationResult<T>",
      statements: "return check(value) ? { ok: true, value: value as T } : { ok: false, errors: issuesFromAjv(check.errors, value) };",
    },
  ];
}

function emitModule(
  model: ApiModel,
  runtimeImport: string,
  named: readonly NamedExport[],
  operations: readonly OperationExport[],
  unknownFormats: readonly string[],
  keywords: ReadonlySet<string> | undefined,
): string {
  const statements: Statement[] = [];
  const uncheckedFormats = ["decimal", ...unknownFormats.filter((format) => format !== "decimal")];
  const requests = operations.filter((operation): operation is OperationExport & { request: string } => operation.request !== undefined);
  statements.push([
    "/**",
    ` * Run-time validators for ${docText(model.title)} ${docText(model.version)}, generated by payspec. Do not edit: run \`npm run generate\`.`,
    " *",
    " * The checks were compiled by Ajv at generation time (./validation/compiled.ts); importing this module compiles nothing.",
    " * Request validators ignore readOnly properties' `required`, response validators writeOnly ones (OpenAPI's rule).",
    ` * Formats kept as annotations (not checked): ${uncheckedFormats.join(", ")}.`,
    " */",
  ].join("\n"));
  if (named.length > 0) statements.push({ kind: "import", moduleSpecifier: "./schema.js", namedImports: ["components"], isTypeOnly: true });
  statements.push({ kind: "import", moduleSpecifier: `${runtimeImport}/index.js`, namedImports: [...(named.length > 0 || requests.length > 0 ? ["ValidationResult"] : []), "Validator"], isTypeOnly: true });
  if (named.length > 0) {
    // errors.ts directly, not the runtime's index: importing validators must not load the HTTP client (openapi-fetch),
    // which would double the time from import to first validation.
    statements.push({ kind: "import", moduleSpecifier: `${runtimeImport}/errors.js`, namedImports: ["ValidationError"] });
  }
  if (named.length > 0 || requests.length > 0) {
    statements.push({ kind: "import", moduleSpecifier: "./validation/compiled.js", namespaceImport: "compiled" });
    statements.push(...issuesStatements("compiled", keywords, named.length > 0));
  }

  for (const entry of named) {
    const type = typeOf(entry.schemaName);
    const doc = schemaDoc(entry.schemaName, model.schemas[entry.schemaName]!);
    statements.push({ kind: "function",
      isExported: true,
      name: `is${entry.suffix}`,
      docs: [`${doc}\n\nTrue when \`value\` is a valid ${entry.schemaName}.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${type}`,
      statements: `return compiled.${entry.compiledName}(value);`,
    });
    statements.push({ kind: "function",
      isExported: true,
      name: `validate${entry.suffix}`,
      docs: [`${doc}\n\n\`{ ok: true, value }\`, or \`{ ok: false, errors }\` listing every violation with its path.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `ValidationResult<${type}>`,
      statements: `return run<${type}>(compiled.${entry.compiledName}, value);`,
    });
    statements.push({ kind: "function",
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

  // The tables are written as text, one line per entry.
  statements.push([
    "/** Every named schema's `validateX`, by its name in components.schemas. */",
    "export const schemaValidators = {",
    ...named.map((entry) => `  ${JSON.stringify(entry.schemaName)}: validate${entry.suffix},`),
    "} as const;",
  ].join("\n"));

  for (const operation of requests) {
    statements.push({ kind: "function",
      name: operation.request,
      docs: [`The request of \`${docText(operation.operationId)}\`, as the client's CallInput \`{ path, query, header, cookie, body }\`.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "ValidationResult",
      statements: `return run(compiled.${operation.request}, value);`,
    });
  }
  statements.push([
    "/**",
    " * Request validators by operationId, for the client (validated before anything is sent). Credential parameters",
    " * (Authorization, apiKey schemes) are never validated, so they never appear in an issue.",
    " */",
    "export const requestValidators: { readonly [operationId: string]: Validator } = {",
    ...requests.map((operation) => `  ${JSON.stringify(operation.operationId)}: ${operation.request},`),
    "};",
  ].join("\n"));
  return printSourceFile(statements);
}

/** response-validators.ts: loaded by the client on first use, when `validate.response` is on. */
function emitResponsesModule(model: ApiModel, runtimeImport: string, operations: readonly OperationExport[], keywords: ReadonlySet<string> | undefined): string {
  const statements: Statement[] = [];
  const checked = operations
    .map((operation) => ({ operationId: operation.operationId, responses: operation.responses.filter((entry): entry is readonly [string, string] => entry[1] !== undefined) }))
    .filter((operation) => operation.responses.length > 0);
  statements.push([
    "/**",
    ` * Response validators for ${docText(model.title)} ${docText(model.version)}, generated by payspec. Do not edit: run \`npm run generate\`.`,
    " *",
    " * The client imports this module only when `validate.response` is on (a dynamic import), so an app that never",
    " * validates responses never loads or bundles it. A response without a JSON body has no entry: nothing to check.",
    " */",
  ].join("\n"));
  statements.push({ kind: "import", moduleSpecifier: `${runtimeImport}/index.js`, namedImports: [...(checked.length > 0 ? ["ValidationResult"] : []), "Validator"], isTypeOnly: true });
  if (checked.length > 0) {
    // Its own compiled file, never compiled.js: see VALIDATOR_FILES.compiledResponses.
    statements.push({ kind: "import", moduleSpecifier: "./validation/compiled-responses.js", namespaceImport: "compiled" });
    statements.push(...issuesStatements("compiled", keywords, false));
  }
  for (const operation of checked) {
    for (const [status, name] of operation.responses) {
      statements.push({ kind: "function",
        name,
        docs: [`The ${docText(status)} response body of \`${docText(operation.operationId)}\`.`],
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "ValidationResult",
        statements: `return run(compiled.${name}, value);`,
      });
    }
  }
  statements.push([
    "/** Response body validators by operationId, then by status as written in the spec (`200`, `4XX`, `default`). */",
    "export const responseValidators: { readonly [operationId: string]: { readonly [status: string]: Validator } } = {",
    ...checked.flatMap((operation) => [
      `  ${JSON.stringify(operation.operationId)}: {`,
      ...operation.responses.map(([status, name]) => `    ${JSON.stringify(status)}: ${name},`),
      "  },",
    ]),
    "};",
  ].join("\n"));
  return printSourceFile(statements);
}
