/**
 * Type tests on freshly generated output: for every named schema of every spec, `isX(v)` narrows `v` to the
 * openapi-typescript type, `assertX(v)` asserts it, `validateX(v).value` carries it; `requestValidators` and
 * `responseValidators` fit the runtime contract (`ClientValidators`) and the generated client (client.ts, index.ts)
 * compiles with them. The check file and the generated module are compiled by the TypeScript compiler with the
 * project's strict tsconfig: any error (including an unused `@ts-expect-error`) fails the test.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generateValidators, PROJECT_SPECS, projectSpecFile, REPO_ROOT, TEST_SPECS_DIR } from "./harness.js";
import { pascalCase } from "../../../generator/names.js";

function checkFile(schemaNames: readonly string[], operationIds: readonly string[]): string {
  const lines = [
    'import { expectTypeOf } from "vitest";',
    'import type { components } from "./schema.js";',
    'import type { ClientValidators, ValidationResult, Validator } from "./runtime/index.js";',
    'import * as validators from "./validators.js";',
    'import { responseValidators } from "./response-validators.js";',
    "",
    "declare function input(): unknown;",
  ];
  const taken = new Set<string>();
  for (const name of schemaNames) {
    let suffix = pascalCase(name) || "Schema";
    for (let n = 2; taken.has(suffix); n++) suffix = `${pascalCase(name)}${n}`;
    taken.add(suffix);
    const type = `components["schemas"][${JSON.stringify(name)}]`;
    lines.push(
      "{",
      "  const value = input();",
      `  if (validators.is${suffix}(value)) expectTypeOf(value).toEqualTypeOf<${type}>();`,
      "  const asserted = input();",
      `  validators.assert${suffix}(asserted);`,
      `  expectTypeOf(asserted).toEqualTypeOf<${type}>();`,
      `  const result = validators.validate${suffix}(input());`,
      `  expectTypeOf(result).toEqualTypeOf<ValidationResult<${type}>>();`,
      `  if (result.ok) expectTypeOf(result.value).toEqualTypeOf<${type}>();`,
      `  else expectTypeOf(result.errors[0]!.path).toEqualTypeOf<string>();`,
      `  expectTypeOf(validators.schemaValidators[${JSON.stringify(name)}]).toEqualTypeOf(validators.validate${suffix});`,
      "}",
    );
  }
  lines.push(
    "// The contract's export shapes, as the client hands them to the runtime.",
    "const contract: ClientValidators = { request: validators.requestValidators, loadResponse: async () => responseValidators };",
    "void contract;",
  );
  for (const operationId of operationIds) {
    lines.push(
      "{",
      `  const request: Validator | undefined = validators.requestValidators[${JSON.stringify(operationId)}];`,
      `  const responses: { readonly [status: string]: Validator } | undefined = responseValidators[${JSON.stringify(operationId)}];`,
      "  void request; void responses;",
      "}",
    );
  }
  return `${lines.join("\n")}\n`;
}

function compile(rootFiles: readonly string[]): string[] {
  const configPath = path.join(REPO_ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO_ROOT, { noEmit: true }, configPath);
  const program = ts.createProgram({ rootNames: rootFiles, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(REPO_ROOT, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

describe("generated validators' types", () => {
  it("narrow to the openapi-typescript type of each named schema, under the strict tsconfig", async () => {
    const specs = [...PROJECT_SPECS.map((name) => [name, projectSpecFile(name)] as const), ["shop", path.join(TEST_SPECS_DIR, "shop.yaml")] as const, ["legacy30", path.join(TEST_SPECS_DIR, "legacy30.yaml")] as const];
    const roots: string[] = [];
    const dirs = new Map<string, string>();
    for (const [label, file] of specs) {
      // The pipeline's whole output with this emitter wired in: client.ts and index.ts must compile against it too.
      const generated = await generateValidators(file, `types-${label}`, { wholeClient: true });
      const root = path.join(generated.dir, "types-check.ts");
      await writeFile(root, checkFile(Object.keys(generated.model.schemas), generated.model.operations.map((operation) => operation.operationId)));
      roots.push(root, path.join(generated.dir, "index.ts"));
      dirs.set(label, generated.dir);
    }
    // A narrowing that must not happen: unknown is not an Order until checked.
    const negative = path.join(dirs.get("shop")!, "types-negative.ts");
    await writeFile(
      negative,
      [
        'import type { components } from "./schema.js";',
        'import { isOrder } from "./validators.js";',
        "declare const value: unknown;",
        "// @ts-expect-error an unchecked value is not an Order",
        'const before: components["schemas"]["Order"] = value;',
        'if (isOrder(value)) { const after: components["schemas"]["Order"] = value; void after; }',
        "void before;",
        "",
      ].join("\n"),
    );
    const diagnostics = compile([...roots, negative]);
    expect(diagnostics).toEqual([]);
  }, 120_000);
});
