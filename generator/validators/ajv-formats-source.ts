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
import type { Node, Program } from "acorn";
import { requireLibrary } from "../libraries.js";

// acorn, the JavaScript parser of the ESTree world: a small, fast, well-kept library, so that reading ajv-formats'
// source does not load TypeScript on the spec thread.
const acorn = requireLibrary("acorn") as typeof import("acorn");
const walk = requireLibrary("acorn-walk") as typeof import("acorn-walk");
const FORMATS_FILE = requireLibrary.resolve("ajv-formats/dist/formats.js");

interface Parsed {
  readonly source: string;
  readonly program: Program;
  /** Top-level function and variable declarations by name. */
  readonly declarations: Map<string, Node>;
  /** `exports.fullFormats = { ... }`: format name -> its definition. */
  readonly fullFormats: Map<string, Node>;
}

let parsed: Parsed | undefined;

function parse(): Parsed {
  if (parsed) return parsed;
  const source = readFileSync(FORMATS_FILE, "utf8");
  const program = acorn.parse(source, { ecmaVersion: "latest", sourceType: "script" });
  const declarations = new Map<string, Node>();
  const fullFormats = new Map<string, Node>();
  for (const statement of program.body) {
    if (statement.type === "FunctionDeclaration") declarations.set(statement.id.name, statement);
    if (statement.type === "VariableDeclaration") {
      for (const declaration of statement.declarations) {
        if (declaration.id.type === "Identifier") declarations.set(declaration.id.name, statement);
      }
    }
    if (
      statement.type === "ExpressionStatement" &&
      statement.expression.type === "AssignmentExpression" &&
      source.slice(statement.expression.left.start, statement.expression.left.end) === "exports.fullFormats" &&
      statement.expression.right.type === "ObjectExpression"
    ) {
      for (const property of statement.expression.right.properties) {
        if (property.type !== "Property") continue;
        const key = property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : undefined;
        if (key !== undefined) fullFormats.set(key, property.value);
      }
    }
  }
  if (fullFormats.size === 0) throw new Error(`validators: cannot find exports.fullFormats in ${FORMATS_FILE}`);
  parsed = { source, program, declarations, fullFormats };
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
  const { source, program, declarations, fullFormats } = parse();
  const definition = fullFormats.get(name);
  if (definition === undefined) throw new Error(`validators: ajv-formats has no full-mode format "${name}"`);
  const needed = new Set<Node>();
  const visit = (node: Node): void =>
    walk.full(node, (inner) => {
      if (inner.type !== "Identifier") return;
      const declaration = declarations.get((inner as Node & { name: string }).name);
      if (declaration && !needed.has(declaration)) {
        needed.add(declaration);
        visit(declaration);
      }
    });
  visit(definition);
  const text = (node: Node) => source.slice(node.start, node.end);
  const body = program.body.filter((statement) => needed.has(statement)).map(text);
  if (body.some((code) => /\b(?:exports|require|module)\b/.test(code))) {
    throw new Error(`validators: ajv-formats' "${name}" format depends on its module; it cannot be compiled in`);
  }
  return `(() => {\n${body.join("\n")}\nreturn ${text(definition)};\n})()`;
}
