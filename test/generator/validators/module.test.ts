/**
 * validation/compiled.ts as a bundler sees it: every top-level statement is an import or a declaration whose value a
 * bundler may drop when nothing uses it (a function, a literal, a reference, or a call marked pure), so that a bundle
 * which keeps one validator keeps the schemas it reaches and nothing else. Checked on the statements themselves
 * (TypeScript's parser) and by bundling with esbuild (minified ESM for the browser, as users ship).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { VALIDATOR_FILES } from "../../../generator/emit/validators.js";
import { loadSpec } from "../../../generator/load.js";
import { generateValidatorsOf, TEST_SPECS_DIR, withSchemas, type Generated } from "./harness.js";

const SHOP = path.join(TEST_SPECS_DIR, "shop.yaml");

/** The top-level statements of `code` that a bundler must keep even when nothing uses them, as text. */
function statementsWithEffects(code: string): string[] {
  const source = ts.createSourceFile("compiled.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const pure = (node: ts.Expression): boolean => {
    if (ts.isIdentifier(node) || ts.isLiteralExpression(node) || ts.isRegularExpressionLiteral(node) || ts.isFunctionLike(node)) return true;
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isPrefixUnaryExpression(node)) return pure(node.operand);
    if (ts.isArrayLiteralExpression(node)) return node.elements.every(pure);
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((property) => ts.isPropertyAssignment(property) && (!ts.isComputedPropertyName(property.name) || pure(property.name.expression)) && pure(property.initializer));
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return code.slice(node.getFullStart(), node.getStart()).includes("@__PURE__");
    // A property of a standard global (Ajv's `Object.prototype.hasOwnProperty`): bundlers know it has no effect.
    if (ts.isPropertyAccessExpression(node)) return /^Object(\.[A-Za-z]+)+$/.test(node.getText());
    return false;
  };
  return source.statements
    .filter((statement) => {
      // Types are erased: nothing of them is left for a bundler.
      if (ts.isImportDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return false;
      if (ts.isVariableStatement(statement)) return !statement.declarationList.declarations.every((declaration) => declaration.initializer !== undefined && pure(declaration.initializer));
      return true;
    })
    .map((statement) => statement.getText().slice(0, 120));
}

/** esbuild's minified browser bundle of `entry` (a module in `dir`). */
async function bundle(dir: string, name: string, entry: string): Promise<string> {
  const file = path.join(dir, `${name}.entry.js`);
  await writeFile(file, entry);
  const result = await build({ entryPoints: [file], bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  return result.outputFiles[0]!.text;
}

describe("Ajv's standalone output, as the rewrite reads it (generator/validators/standalone-module.ts)", () => {
  // The generator uses Ajv's public API only, and rewrites the text standaloneCode returns. If an upgrade of Ajv changes
  // that text, a rewrite stops applying: each line below names what would then be left in compiled.js.
  it("leaves none of the forms it rewrites", async () => {
    const generated = await generateValidatorsOf(await loadSpec(SHOP), "module-shapes");
    const compiled = generated.files[VALIDATOR_FILES.compiled]!;
    const leftovers: Array<[RegExp, string]> = [
      [/\brequire\(/, "require(): Ajv's helpers are no longer imported"],
      [/if\(vErrors === null\)/, "the long form of an error site"],
      [/schemaPath/, "error objects' schemaPath"],
      [/(?<=[;}])validate\d+\.evaluated = /, "a top-level statement per function (tree-shaking lost)"],
      [/compiledFormats/, "the formats object Ajv reads function formats from (tree-shaking lost, and undefined at run time)"],
      [/parentData|rootData|dynamicAnchors/, "arguments nothing reads"],
      [/(?<![.\w$"])instancePath\b(?!:)/, "eager instance paths"],
      [/(?<=[;}])const pattern\d+ = (?!\/\* @__PURE__ \*\/)/, "a pattern built at import without /* @__PURE__ */"],
    ];
    expect(leftovers.filter(([pattern]) => pattern.test(compiled)).map(([, what]) => what)).toEqual([]);
  });
});

describe("the compiled module tree-shakes", () => {
  let shop: Generated;
  beforeAll(async () => {
    const model = await loadSpec(SHOP);
    // A pattern that compiles only without the u flag: the compiled code builds it through payspecPattern.
    shop = await generateValidatorsOf(withSchemas(model, { Code: { type: "string", pattern: "^[a-z]+\\-[0-9]+$" } }), "module-shop");
  });

  it("declares only values a bundler may drop: no top-level statement with an effect", () => {
    const compiled = shop.files[VALIDATOR_FILES.compiled]!;
    expect(compiled).toContain("payspecPattern(");
    expect(compiled).toContain(".evaluated ??=");
    expect(statementsWithEffects(compiled)).toEqual([]);
  });

  it("keeps, for one validator, its own schemas and formats and nothing of the others", async () => {
    const dir = path.join(shop.dir, "validation");
    const money = await bundle(dir, "money", 'import { schemaMoney } from "./compiled.js";\nglobalThis.result = schemaMoney("1.00");\n');
    const order = await bundle(dir, "order", 'import { schemaOrder } from "./compiled.js";\nglobalThis.result = schemaOrder({});\n');
    const everything = await bundle(dir, "all", 'import * as all from "./compiled.js";\nglobalThis.result = all;\n');
    // Order reaches Payment (a uuid and a date-time) and the payment methods; Money reaches none of it.
    for (const text of ["urn:uuid", "last4", "[Tt\\s]"]) {
      expect(order, `Order's bundle has ${text}`).toContain(text);
      expect(money, `Money's bundle has ${text}`).not.toContain(text);
    }
    expect(money).not.toContain("website"); // Account's
    expect(money.length * 4).toBeLessThan(order.length);
    expect(order.length).toBeLessThan(everything.length);
  });
});
