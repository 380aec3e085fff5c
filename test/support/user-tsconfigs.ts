/**
 * The compiler settings of the projects our users have, for tests that compile generated code the way they will:
 *
 * - `node`: a Node ESM project: strict, Node16 modules, ES2023 library, @types/node, no DOM;
 * - `vite`: create-vite's app config (tsconfig.app.json of its templates): bundler resolution, verbatimModuleSyntax,
 *   erasableSyntaxOnly, noUnused*, noUncheckedSideEffectImports, the DOM libs, no @types/node;
 * - `strictest`: `node` plus exactOptionalPropertyTypes, noUncheckedIndexedAccess and noImplicitOverride.
 *
 * skipLibCheck is on in all three, as in those projects: errors count in the files compiled, not in node_modules.
 */
import path from "node:path";
import ts from "typescript";

export type UserConfigName = "node" | "vite" | "strictest";

const NODE = {
  target: "ES2022",
  module: "Node16",
  moduleResolution: "Node16",
  lib: ["ES2023"],
  types: ["node"],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
} as const;

export const USER_TSCONFIGS: Readonly<Record<UserConfigName, Readonly<Record<string, unknown>>>> = {
  node: NODE,
  vite: {
    target: "ES2022",
    useDefineForClassFields: true,
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "ESNext",
    types: [],
    skipLibCheck: true,
    moduleResolution: "Bundler",
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    moduleDetection: "force",
    noEmit: true,
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    erasableSyntaxOnly: true,
    noFallthroughCasesInSwitch: true,
    noUncheckedSideEffectImports: true,
  },
  strictest: { ...NODE, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noImplicitOverride: true },
};

/**
 * Compiles `rootFiles` under one of the user configs, as if its tsconfig.json sat in `projectDir` (where
 * node_modules is looked up). Returns the diagnostics as `file:line: message`, paths relative to `projectDir`.
 */
export function compileUnder(config: UserConfigName, rootFiles: readonly string[], projectDir: string): string[] {
  const parsed = ts.parseJsonConfigFileContent({ compilerOptions: USER_TSCONFIGS[config], files: [...rootFiles] }, ts.sys, projectDir);
  if (parsed.errors.length > 0) throw new Error(ts.formatDiagnostics(parsed.errors, formatHost(projectDir)));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(projectDir, diagnostic.file.fileName)}:${line + 1}: ${message}`;
  });
}

function formatHost(cwd: string): ts.FormatDiagnosticsHost {
  return { getCanonicalFileName: (file) => file, getCurrentDirectory: () => cwd, getNewLine: () => "\n" };
}
