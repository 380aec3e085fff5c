/**
 * generator/emit/print.ts lays declarations out as ts-morph's printer does (the emitters printed through ts-morph
 * before, and the committed clients were written that way): each case is printed by both and must match byte for
 * byte. ts-morph is a devDependency for this comparison only.
 */
import { printStructure, StructureKind, type StatementStructures } from "ts-morph";
import { describe, expect, it } from "vitest";
import { printSourceFile, type Statement } from "../../generator/emit/print.js";

const KINDS = {
  import: StructureKind.ImportDeclaration,
  type: StructureKind.TypeAlias,
  interface: StructureKind.Interface,
  function: StructureKind.Function,
  class: StructureKind.Class,
} as const;

/** The same statement as a ts-morph structure: the same fields under the same names, in a copy (ts-morph's arrays are mutable). */
function asTsMorph(statement: Statement): string | StatementStructures {
  if (typeof statement === "string") return statement;
  return { ...structuredClone(statement), kind: KINDS[statement.kind] } as unknown as StatementStructures;
}

function byTsMorph(statements: readonly Statement[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements: statements.map(asTsMorph) }, { indentNumberOfSpaces: 2 });
}

const cases: Record<string, readonly Statement[]> = {
  "imports, then text, then functions": [
    "/**\n * A file comment.\n */",
    { kind: "import", moduleSpecifier: "./schema.js", namedImports: ["components"], isTypeOnly: true },
    { kind: "import", moduleSpecifier: "../runtime/index.js", namedImports: ["ValidationResult", "Validator"], isTypeOnly: true },
    { kind: "import", moduleSpecifier: "../runtime/errors.js", namedImports: ["ValidationError"] },
    { kind: "import", moduleSpecifier: "./validation/compiled.js", namespaceImport: "compiled" },
    "// A line comment.\nconst MAX = 60;\n\nfunction helper(): void {\n  return;\n}",
    {
      kind: "function",
      name: "run",
      docs: ["Runs one check."],
      typeParameters: ["T = unknown"],
      parameters: [{ name: "check", type: "compiled.CompiledValidator" }, { name: "value", type: "unknown" }],
      returnType: "ValidationResult<T>",
      statements: "return check(value) ? { ok: true, value: value as T } : { ok: false, errors: [] };",
    },
    {
      kind: "function",
      name: "assertOrder",
      isExported: true,
      docs: ["`Order` (components.schemas).\n\nAn order, with `backticks` and \"quotes\" and a trailing line.\n", "A second comment."],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "asserts value is components[\"schemas\"][\"Order\"]",
      statements: ["const result = validateOrder(value);", "if (!result.ok) throw new ValidationError(\"Order: \" + summarise(result.errors), result.errors);"],
    },
    "export const table = {\n  \"Order\": validateOrder,\n} as const;",
    { kind: "function", name: "request", parameters: [{ name: "value", type: "unknown" }], returnType: "ValidationResult", statements: "return run(compiled.request, value);" },
    "export const requestValidators: { readonly [operationId: string]: Validator } = {\n  \"getOrder\": request,\n};",
  ],
  "type aliases, interfaces and a class": [
    "import type { paths } from \"./schema.js\";\nimport { ClientCore } from \"../runtime/index.js\";",
    "/** `T` with the keys `K` made optional. */\ntype OptionalKeys<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;",
    "const operations = {\n  getOrder: { method: \"get\" },\n};",
    {
      kind: "interface",
      name: "GetOrderInput",
      isExported: true,
      docs: ["Input of {@link Shop.getOrder} (`GET /orders/{id}`)."],
      properties: [
        { name: "path", type: "{ id: string }", isReadonly: true, hasQuestionToken: false },
        { name: "header", type: "{ \"X-Version\"?: string }", isReadonly: true, hasQuestionToken: true, docs: ["Headers with a single allowed value are sent by the client."] },
      ],
    },
    { kind: "type", name: "GetOrderResponse", isExported: true, type: "paths[\"/orders/{id}\"][\"get\"][\"responses\"][200]", docs: ["The body of the 200 response."] },
    { kind: "type", name: "ListInput", isExported: true, type: "Record<string, never>", docs: ["Input of\n\nlist."] },
    "\n/** One item of a page. */\nexport type ListItem = string;",
    {
      kind: "type",
      name: "Empty",
      type: "void",
      docs: ["Trailing space "],
    },
    {
      kind: "class",
      name: "Shop",
      isExported: true,
      docs: ["Client of Shop (version 1).\n\nDefault server: `https://api.example.com`."],
      properties: [
        { name: "#core", isReadonly: true, type: "ClientCore" },
        { name: "raw", isReadonly: true, type: "FetchClient<paths>", docs: ["The underlying openapi-fetch client."] },
      ],
      ctors: [
        {
          parameters: [{ name: "options", type: "ShopOptions", initializer: "{}" }],
          statements: ["const { baseUrl, ...coreOptions } = options;", "this.#core = new ClientCore(", "  securitySchemes,", "  {", "    ...coreOptions,", "  },", ");", "this.raw = this.#core.raw as FetchClient<paths>;"],
        },
      ],
      methods: [
        {
          name: "getOrder",
          docs: ["Get an order.\n\n`GET /orders/{id}`\n\n@throws {APIError} when the server answers with a non-2xx status."],
          parameters: [{ name: "input", type: "GetOrderInput" }, { name: "options", type: "RequestOptions", hasQuestionToken: true }],
          returnType: "Promise<GetOrderResponse>",
          statements: ["return this.#core.call<GetOrderResponse>(operations.getOrder, input, options);"],
        },
        {
          name: "list",
          docs: ["List."],
          parameters: [{ name: "input", type: "ListInput", initializer: "{}" }, { name: "options", type: "RequestOptions", hasQuestionToken: true }],
          returnType: "PagePromise<ListResponse, ListItem>",
          statements: ["if (input) {", "  return paginate(this.#core, operations.list, input, options);", "}", "return paginate(this.#core, operations.list, input, options);"],
        },
      ],
    },
  ],
  "a class without docs or properties, after a statement that ends with a brace": [
    "const value = {};\nfunction f() {\n}",
    { kind: "class", name: "Bare", properties: [], ctors: [{ parameters: [{ name: "options", type: "Options" }], statements: "void options;" }], methods: [] },
    { kind: "import", moduleSpecifier: "./side-effect.js" },
  ],
};

describe("printSourceFile", () => {
  for (const [name, statements] of Object.entries(cases)) {
    it(`lays out ${name} as ts-morph does`, () => {
      expect(printSourceFile(statements)).toBe(byTsMorph(statements));
    });
  }

  it("prints an empty file as nothing", () => {
    expect(printSourceFile([])).toBe("");
  });
});
