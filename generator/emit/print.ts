/**
 * `printSourceFile`: ts-morph structures (and statements given as text) -> the text of a TypeScript file, two-space
 * indented with double quotes. ts-morph's `printStructure` writes the text without building a syntax tree: a
 * Project's `addStatements` would parse the whole printed file again, for nothing, since the emitters only need
 * its text.
 */
import { printStructure, StructureKind, type StatementStructures } from "ts-morph";

export function printSourceFile(statements: readonly (string | StatementStructures)[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements: [...statements] }, { indentNumberOfSpaces: 2 });
}
