/**
 * ajv-formats' function formats (uri, byte, int32, ...) compiled into the generated module, the way Ajv's standalone
 * code already compiles its RegExp formats (email, uuid...) in as literals.
 *
 * Why: importing ajv-formats' CommonJS module from an ES module at run time starts Node's CommonJS loader and its
 * export lexer, and builds every format of both modes: most of the time from import to first validation. So at
 * generation time this takes, from the installed ajv-formats (the declared dependency, whatever its version), the one
 * format's definition and the top-level declarations it uses, and wraps them in a function scope. Nothing is copied
 * by hand; test/generator/validators/formats.test.ts checks the extracted code against ajv-formats itself.
 */
import { readFileSync } from "node:fs";
import type { ts as TypeScript } from "ts-morph";
import { requireLibrary, requireTypeScript } from "../libraries.js";

const FORMATS_FILE = requireLibrary.resolve("ajv-formats/dist/formats.js");

interface Parsed {
  readonly ts: typeof TypeScript;
  readonly file: TypeScript.SourceFile;
  /** Top-level function and variable declarations by name. */
  readonly declarations: Map<string, TypeScript.Statement>;
  /** `exports.fullFormats = { ... }`: format name -> its definition. */
  readonly fullFormats: Map<string, TypeScript.Expression>;
}

let parsed: Parsed | undefined;

function parse(): Parsed {
  if (parsed) return parsed;
  // Required here: most specs need no ajv-formats source, and the spec thread then never loads TypeScript.
  const ts = requireTypeScript();
  const file = ts.createSourceFile(FORMATS_FILE, readFileSync(FORMATS_FILE, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const declarations = new Map<string, TypeScript.Statement>();
  const fullFormats = new Map<string, TypeScript.Expression>();
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) declarations.set(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) declarations.set(declaration.name.text, statement);
      }
    }
    if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.left.getText(file) === "exports.fullFormats" &&
      ts.isObjectLiteralExpression(statement.expression.right)
    ) {
      for (const property of statement.expression.right.properties) {
        if (ts.isPropertyAssignment(property)) {
          const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
          if (key !== undefined) fullFormats.set(key, property.initializer);
        } else if (ts.isShorthandPropertyAssignment(property)) {
          fullFormats.set(property.name.text, property.name);
        }
      }
    }
  }
  if (fullFormats.size === 0) throw new Error(`validators: cannot find exports.fullFormats in ${FORMATS_FILE}`);
  parsed = { ts, file, declarations, fullFormats };
  return parsed;
}

/** ajv-formats' full-mode format names this module can compile in: those of the module itself, unparsed. */
export function ajvFormatNames(): string[] {
  return Object.keys((requireLibrary("ajv-formats/dist/formats.js") as typeof import("ajv-formats/dist/formats.js")).fullFormats);
}

/**
 * A JavaScript expression whose value is ajv-formats' full-mode definition of `name` (a function, a RegExp, an
 * object with `validate`, or `true`), self-contained: `(() => { <the declarations it uses> return <definition>; })()`.
 */
export function ajvFormatSource(name: string): string {
  const { ts, file, declarations, fullFormats } = parse();
  const definition = fullFormats.get(name);
  if (definition === undefined) throw new Error(`validators: ajv-formats has no full-mode format "${name}"`);
  const needed = new Set<TypeScript.Statement>();
  const visit = (node: TypeScript.Node): void => {
    if (ts.isIdentifier(node)) {
      const declaration = declarations.get(node.text);
      if (declaration && !needed.has(declaration)) {
        needed.add(declaration);
        visit(declaration);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(definition);
  const body = file.statements.filter((statement) => needed.has(statement)).map((statement) => statement.getText(file));
  if (body.some((text) => /\b(?:exports|require|module)\b/.test(text))) {
    throw new Error(`validators: ajv-formats' "${name}" format depends on its module; it cannot be compiled in`);
  }
  return `(() => {\n${body.join("\n")}\nreturn ${definition.getText(file)};\n})()`;
}
