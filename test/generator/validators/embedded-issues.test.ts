/**
 * The issue wording a generated module embeds (generator/emit/validators.ts `embeddedIssues`): only the wording of the
 * keywords its compiled validators can report, so that an app bundles no wording it can never show, and every
 * keyword it can report worded exactly as generator/validators/issues.ts words it. The embedded text is run as the
 * generated module runs it (TypeScript's transpiler, then evaluated).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { embeddedIssues, reportedKeywords } from "../../../generator/emit/validators.js";
import { issuesFromAjv, type AjvErrorLike, type Issue } from "../../../generator/validators/issues.js";
import { REPO } from "../helpers.js";

type IssuesFromAjv = (errors: readonly AjvErrorLike[], root: unknown) => Issue[];

/** `issuesFromAjv` of the embedded text, run. */
function run(embedded: string): IssuesFromAjv {
  const js = ts.transpileModule(`${embedded}\nexport { issuesFromAjv };`, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as { issuesFromAjv: IssuesFromAjv } };
  new Function("module", "exports", js)(module, module.exports);
  return module.exports.issuesFromAjv;
}

/** What `tsc` says of the embedded text as a module of a strict project with noUnusedLocals and noUnusedParameters. */
function strictDiagnostics(embedded: string): string[] {
  const file = "/embedded.ts";
  const options: ts.CompilerOptions = {
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts"],
    module: ts.ModuleKind.ESNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const text = `${embedded}\nexport { issuesFromAjv };\n`;
  host.readFile = (name) => (name === file ? text : readFile(name));
  host.fileExists = (name) => name === file || ts.sys.fileExists(name);
  host.getSourceFile = (name, language) => (name === file ? ts.createSourceFile(name, text, language) : getSourceFile(name, language));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

/** One error of each keyword issues.ts words, with the params Ajv gives it, and the value it was found at. */
const ERRORS: readonly [AjvErrorLike, unknown][] = [
  [{ instancePath: "/a", keyword: "type", params: { type: "string" } }, { a: 12.5 }],
  [{ instancePath: "", keyword: "required", params: { missingProperty: "amount" } }, {}],
  [{ instancePath: "", keyword: "dependentRequired", params: { property: "card", missingProperty: "cvc", depsCount: 1, deps: "cvc" } }, { card: 1 }],
  [{ instancePath: "", keyword: "additionalProperties", params: { additionalProperty: "extra" } }, { extra: 1 }],
  [{ instancePath: "", keyword: "unevaluatedProperties", params: { unevaluatedProperty: "extra" } }, { extra: 1 }],
  [{ instancePath: "/a", keyword: "pattern", params: { pattern: "^\\d+$" } }, { a: "1.5" }],
  [{ instancePath: "/a", keyword: "format", params: { format: "date-time" } }, { a: "yesterday" }],
  [{ instancePath: "/a", keyword: "enum", params: { allowedValues: ["paid", "void"] } }, { a: "lost" }],
  [{ instancePath: "/a", keyword: "const", params: { allowedValue: "card" } }, { a: "bank" }],
  [{ instancePath: "/a", keyword: "minimum", params: { comparison: ">=", limit: 1 } }, { a: 0 }],
  [{ instancePath: "/a", keyword: "maximum", params: { comparison: "<=", limit: 10 } }, { a: 11 }],
  [{ instancePath: "/a", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 } }, { a: 0 }],
  [{ instancePath: "/a", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 10 } }, { a: 10 }],
  [{ instancePath: "/a", keyword: "multipleOf", params: { multipleOf: 0.5 } }, { a: 0.3 }],
  [{ instancePath: "/a", keyword: "minLength", params: { limit: 2 } }, { a: "x" }],
  [{ instancePath: "/a", keyword: "maxLength", params: { limit: 2 } }, { a: "abc" }],
  [{ instancePath: "/a", keyword: "minItems", params: { limit: 2 } }, { a: [1] }],
  [{ instancePath: "/a", keyword: "maxItems", params: { limit: 1 } }, { a: [1, 2] }],
  [{ instancePath: "/a", keyword: "items", params: { limit: 1 } }, { a: [1, 2] }],
  [{ instancePath: "/a", keyword: "additionalItems", params: { limit: 1 } }, { a: [1, 2] }],
  [{ instancePath: "/a", keyword: "unevaluatedItems", params: { limit: 1 } }, { a: [1, 2] }],
  [{ instancePath: "/a", keyword: "contains", params: { minContains: 2, maxContains: 3 } }, { a: [1] }],
  [{ instancePath: "", keyword: "propertyNames", params: { propertyName: "Not-OK" } }, { "Not-OK": 1 }],
  [{ instancePath: "", keyword: "minProperties", params: { limit: 2 } }, { a: 1 }],
  [{ instancePath: "", keyword: "maxProperties", params: { limit: 0 } }, { a: 1 }],
  [{ instancePath: "/a", keyword: "uniqueItems", params: { i: 2, j: 0 } }, { a: [1, 2, 1] }],
  [{ instancePath: "/a", keyword: "oneOf", params: { passingSchemas: [0, 1] } }, { a: 3 }],
  [{ instancePath: "/a", keyword: "anyOf", params: {} }, { a: 3 }],
  [{ instancePath: "/a", keyword: "not", params: {} }, { a: 3 }],
  [{ instancePath: "/a", keyword: "false schema", params: {} }, { a: 3 }],
];

describe("the issue wording a module embeds", () => {
  it("words every keyword issues.ts words when the module's keywords are not known", () => {
    const embedded = run(embeddedIssues(undefined, true));
    for (const [error, root] of ERRORS) expect(embedded([error], root)).toEqual(issuesFromAjv([error], root));
  });

  it("words each keyword it is told of exactly as issues.ts does, and leaves out the wording of the others", () => {
    for (const [error, root] of ERRORS) {
      const embedded = embeddedIssues(new Set([error.keyword]), false);
      expect(run(embedded)([error], root), error.keyword).toEqual(issuesFromAjv([error], root));
      // Another keyword, told of nowhere, only says its name (as a keyword issues.ts has no words for does).
      const other = ERRORS.find(([candidate]) => candidate.keyword !== error.keyword)!;
      expect(run(embedded)([other[0]], other[1])[0]!.message, error.keyword).toMatch(new RegExp(`^fails ${other[0].keyword}, found `));
    }
  });

  it("keeps only the helpers its wording uses (an unused function fails noUnusedLocals)", () => {
    const typeOnly = embeddedIssues(new Set(["type"]), false);
    expect(typeOnly).toContain("function renderTyped(");
    for (const unused of ["function mustHave(", "function withLength(", "function required(", "function notAllowed(", "function list(", "function summariseIssues("]) {
      expect(typeOnly).not.toContain(unused);
    }
    expect(embeddedIssues(new Set(["type"]), true)).toContain("function summariseIssues(");
    expect(strictDiagnostics(typeOnly)).toEqual([]);
    expect(strictDiagnostics(`${typeOnly}\nfunction list(values: unknown): string {\n  return String(values);\n}`)).toEqual([
      expect.stringContaining("'list' is declared but its value is never read"),
    ]);
  });
});

describe("reportedKeywords", () => {
  it("reads the keywords of a compiled module's errors", () => {
    const compiled = readFileSync(path.join(REPO, "generated/nextcommerce/validation/compiled.ts"), "utf8");
    const keywords = reportedKeywords(compiled)!;
    expect([...keywords].sort()).toEqual(["additionalProperties", "enum", "format", "maximum", "pattern", "required", "type"]);
    // What Next Commerce's validators.ts then embeds: no wording its validators cannot report.
    const module = readFileSync(path.join(REPO, "generated/nextcommerce/validators.ts"), "utf8");
    expect(module).toContain("must match pattern");
    expect(module).not.toContain("must not have duplicate items");
  });

  it("is unknown (every wording embedded) when a `keyword:` of the code is not a string literal", () => {
    expect(reportedKeywords('errors.push({instancePath:"", keyword:"type", params:{}});')).toEqual(new Set(["type"]));
    expect(reportedKeywords("errors.push({instancePath:\"\", keyword:kw, params:{}});")).toBeUndefined();
    expect(reportedKeywords('const schema1 = {properties:{keyword:{type:"string"}}};')).toBeUndefined();
  });
});
