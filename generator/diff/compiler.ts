/**
 * The TypeScript compiler's judgement of a spec change: does code written against the old generated client still
 * compile against the new one?
 *
 * Both clients, generated in memory, are compiled together in one program (a CompilerHost serves them from memory;
 * openapi-fetch's types and TypeScript's libraries come from node_modules), with a `checks.ts` that asks, per
 * operation, what the issue defines as compatible:
 * - the old input type is assignable to the new input type (`const after: AfterInput = beforeInput`);
 * - the new response type is assignable to the old response type;
 * - and the same of the client's constructor options.
 * The diagnostics of those assignments are the verdict, in TypeScript's own words. To say which member a failure is
 * about, the two types are then walked in parallel with the checker's public API (`isTypeAssignableTo`, TS >= 5.4),
 * which also finds what assignability cannot see: a member old code may use that is gone (setting a removed input
 * property is an excess-property error in an object literal; reading a removed response property is an error too).
 *
 * Settings: strict with exactOptionalPropertyTypes and noUncheckedIndexedAccess (the strictest of the settings the
 * generated code supports: a change that breaks there is reported), DOM libraries and no @types/node (the generated
 * client needs neither Node's types nor anything outside openapi-fetch).
 */
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import type { OutputFiles } from "../pipeline.js";
import { memberText as memberName, type Member } from "./change.js";

export interface ClientBuild {
  /** The generated output folder, by relative path (pipeline.ts `generateFromModel`). */
  readonly files: OutputFiles;
  readonly clientName: string;
}

export interface MethodPair {
  readonly operationId: string;
  /** The method in the old client and in the new one; undefined where the operation is not in that version. */
  readonly before?: string;
  readonly after?: string;
}

export type CompilerVerdict = "compiles" | "does-not-compile" | "does-not-compile-where-used";

export interface CompilerFinding {
  /** The operation, for input/response/method members. */
  readonly operationId?: string;
  readonly member: Member;
  readonly verdict: Exclude<CompilerVerdict, "compiles">;
  /** What the compiler finds, in a sentence. */
  readonly message: string;
}

export interface SideVerdict {
  readonly compiles: boolean;
  /** TypeScript's diagnostic for the assignment, when it does not compile. */
  readonly diagnostic?: string;
}

export interface CompilerJudgement {
  readonly findings: readonly CompilerFinding[];
  /** Per operation id: the two assignability checks, as the compiler answers them. */
  readonly operations: ReadonlyMap<string, { readonly input?: SideVerdict; readonly response?: SideVerdict; readonly method?: SideVerdict }>;
  readonly options: SideVerdict;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * The folder the in-memory files pretend to be in: beside the node_modules that holds openapi-fetch, so that the
 * generated clients' `import type ... from "openapi-fetch"` resolves as it does for users. Nothing is written there.
 */
function virtualRoot(): string {
  const entry = createRequire(import.meta.url).resolve("openapi-fetch");
  const marker = `${path.sep}node_modules${path.sep}`;
  const base = entry.slice(0, entry.lastIndexOf(marker));
  return path.join(base, ".payspec-diff-in-memory");
}

/**
 * Parsed library files (lib.dom.d.ts, openapi-fetch's declarations), kept for the life of the process: every
 * comparison needs the same ones, and parsing them is most of a small program's cost (the compiler step of comparing
 * two versions of test/fixtures/diff/shop.yaml, median of 10 in one process: 1.9 s without, 0.7 s with, on a busy
 * 2-core machine). The generated files are parsed each time: caching them too showed no difference above the noise.
 */
const librarySourceFiles = new Map<string, ts.SourceFile>();

export function judgeWithCompiler(before: ClientBuild, after: ClientBuild, pairs: readonly MethodPair[]): CompilerJudgement {
  const root = virtualRoot();
  const files = new Map<string, string>();
  for (const [version, build] of [["before", before], ["after", after]] as const) {
    for (const [relative, text] of Object.entries(build.files)) {
      if (/\.(ts|mts|cts)$/.test(relative)) files.set(path.join(root, version, relative), text);
    }
  }
  const both = pairs.filter((pair) => pair.before !== undefined && pair.after !== undefined);
  const checksFile = path.join(root, "checks.ts");
  files.set(checksFile, checksSource(before.clientName, after.clientName, both));

  const program = ts.createProgram({ rootNames: [checksFile], options: COMPILER_OPTIONS, host: memoryHost(files) });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(checksFile);
  if (!source) throw new Error("the compiler lost the in-memory checks file");
  const diagnostics = program.getSemanticDiagnostics(source);
  const statementDiagnostics = new Map<string, string>();
  const unexpected: string[] = [];
  for (const diagnostic of diagnostics) {
    const name = diagnostic.start !== undefined ? checkNameAt(source, diagnostic.start) : undefined;
    const text = readable(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"), root);
    if (name) statementDiagnostics.set(name, text);
    else unexpected.push(text);
  }
  if (unexpected.length > 0) {
    // The checks only name what the clients export: an error elsewhere means a client does not compile at all.
    throw new Error(`the generated clients could not be compared by the compiler:\n${unexpected.join("\n")}`);
  }

  const aliases = new Map<string, ts.Type>();
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, checker.getTypeAtLocation(statement.name));
  }
  const type = (name: string) => {
    const found = aliases.get(name);
    if (!found) throw new Error(`missing check type ${name}`);
    return found;
  };
  const verdictOf = (name: string): SideVerdict => {
    const diagnostic = statementDiagnostics.get(name);
    return diagnostic === undefined ? { compiles: true } : { compiles: false, diagnostic };
  };

  const findings: CompilerFinding[] = [];
  const walker = new TypeWalker(checker, findings);
  const operations = new Map<string, { input?: SideVerdict; response?: SideVerdict; method?: SideVerdict }>();
  const afterClient = type("AfterClient");
  for (const pair of pairs) {
    if (pair.before === undefined) continue;
    if (pair.after === undefined || checker.getPropertyOfType(afterClient, pair.after) === undefined) {
      const message = `the new client has no method \`${pair.before}\`: code that calls it no longer compiles`;
      findings.push({ operationId: pair.operationId, member: { side: "method", path: [] }, verdict: "does-not-compile", message });
      operations.set(pair.operationId, { method: { compiles: false, diagnostic: message } });
      continue;
    }
    if (pair.before !== pair.after) {
      const message = `the method \`${pair.before}\` is now \`${pair.after}\`: code that calls \`${pair.before}\` no longer compiles`;
      findings.push({ operationId: pair.operationId, member: { side: "method", path: [] }, verdict: "does-not-compile", message });
    }
    const index = both.indexOf(pair);
    const input = verdictOf(`input${index}`);
    const response = verdictOf(`response${index}`);
    operations.set(pair.operationId, { input, response, ...(pair.before !== pair.after ? { method: { compiles: false, diagnostic: `renamed to ${pair.after}` } } : {}) });
    walker.walkRoot({ side: "input", path: [] }, pair.operationId, type(`BeforeInput${index}`), type(`AfterInput${index}`), input);
    walker.walkRoot({ side: "response", path: [] }, pair.operationId, type(`BeforeResponse${index}`), type(`AfterResponse${index}`), response);
  }
  const client = verdictOf("client");
  if (!client.compiles) {
    findings.push({ member: { side: "client", path: [] }, verdict: "does-not-compile", message: `the client class is now \`${after.clientName}\`: code that imports \`${before.clientName}\` no longer compiles` });
  }
  const options = verdictOf("options");
  walker.walkRoot({ side: "options", path: [] }, undefined, type("BeforeOptions"), type("AfterOptions"), options);
  return { findings, operations, options };
}

/** The check a statement makes: `export const input3: ... = ...` -> `input3`; the import of the old class name -> `client`. */
function checkNameAt(source: ts.SourceFile, position: number): string | undefined {
  for (const statement of source.statements) {
    if (position < statement.getStart(source) || position >= statement.getEnd()) continue;
    if (ts.isImportDeclaration(statement) && statement.getText(source).includes(" as OldClassInNew ")) return "client";
    if (!ts.isVariableStatement(statement)) return undefined;
    const [declaration] = statement.declarationList.declarations;
    return declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  }
  return undefined;
}

function checksSource(beforeClass: string, afterClass: string, pairs: readonly MethodPair[]): string {
  const lines = [
    `import type { ${beforeClass} as BeforeClass } from "./before/client.js";`,
    `import type { ${afterClass} as AfterClass } from "./after/client.js";`,
    // Code imports the client class by name: the old name must still be exported.
    ...(beforeClass !== afterClass ? [`import type { ${beforeClass} as OldClassInNew } from "./after/client.js";`] : []),
    "type InputOf<C, K extends PropertyKey> = K extends keyof C ? (C[K] extends (...args: infer A) => unknown ? A[0] : never) : never;",
    "type ResultOf<C, K extends PropertyKey> = K extends keyof C ? (C[K] extends (...args: never[]) => infer R ? Awaited<R> : never) : never;",
    "export type AfterClient = AfterClass;",
    "export type BeforeOptions = ConstructorParameters<typeof BeforeClass>[0];",
    "export type AfterOptions = ConstructorParameters<typeof AfterClass>[0];",
    "declare const beforeOptions: BeforeOptions;",
    "export const options: AfterOptions = beforeOptions;",
  ];
  pairs.forEach((pair, index) => {
    const before = JSON.stringify(pair.before);
    const after = JSON.stringify(pair.after);
    lines.push(
      `export type BeforeInput${index} = InputOf<BeforeClass, ${before}>;`,
      `export type AfterInput${index} = InputOf<AfterClass, ${after}>;`,
      `export type BeforeResponse${index} = ResultOf<BeforeClass, ${before}>;`,
      `export type AfterResponse${index} = ResultOf<AfterClass, ${after}>;`,
      `declare const beforeInput${index}: BeforeInput${index};`,
      `export const input${index}: AfterInput${index} = beforeInput${index};`,
      `declare const afterResponse${index}: AfterResponse${index};`,
      `export const response${index}: BeforeResponse${index} = afterResponse${index};`,
    );
  });
  return `${lines.join("\n")}\n`;
}

function memoryHost(files: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const directories = new Set<string>();
  for (const file of files.keys()) {
    for (let dir = path.dirname(file); !directories.has(dir) && dir !== path.dirname(dir); dir = path.dirname(dir)) directories.add(dir);
  }
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => files.get(file) ?? ts.sys.readFile(file);
  host.directoryExists = (dir) => directories.has(dir) || ts.sys.directoryExists(dir);
  host.realpath = (file) => (files.has(file) || directories.has(file) ? file : (ts.sys.realpath?.(file) ?? file));
  host.writeFile = () => undefined;
  host.getSourceFile = (file, languageVersion, onError) => {
    const text = files.get(file);
    if (text !== undefined) return ts.createSourceFile(file, text, languageVersion, true);
    const key = `${file}\0${JSON.stringify(languageVersion)}`;
    let cached = librarySourceFiles.get(key);
    if (!cached) {
      cached = getSourceFile(file, languageVersion, onError);
      if (cached) librarySourceFiles.set(key, cached);
    }
    return cached;
  };
  return host;
}

/**
 * Walks an old and a new type in parallel to say which member a change of compatibility is about. The direction is
 * the issue's: inputs and options flow from old code into the new types; responses flow from the new types into old
 * code.
 */
class TypeWalker {
  private readonly visiting = new Map<ts.Type, Set<ts.Type>>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly findings: CompilerFinding[],
  ) {}

  walkRoot(member: Member, operationId: string | undefined, before: ts.Type, after: ts.Type, verdict: SideVerdict): void {
    const start = this.findings.length;
    this.walk(member, operationId, before, after, 0);
    const found = this.findings.slice(start).some((finding) => finding.verdict === "does-not-compile");
    if (!verdict.compiles && !found) {
      // The assignment fails and no member was found to blame: the whole side is blamed, so no change under it can be
      // called compatible.
      this.findings.push({ ...(operationId !== undefined ? { operationId } : {}), member, verdict: "does-not-compile", message: `TypeScript: ${firstLines(verdict.diagnostic ?? "")}` });
    }
  }

  private walk(member: Member, operationId: string | undefined, before: ts.Type, after: ts.Type, depth: number): void {
    if (depth > 12) return;
    const seen = this.visiting.get(before) ?? new Set<ts.Type>();
    if (seen.has(after)) return;
    seen.add(after);
    this.visiting.set(before, seen);
    try {
      this.compare(member, operationId, before, after, depth);
    } finally {
      seen.delete(after);
    }
  }

  private compare(member: Member, operationId: string | undefined, before: ts.Type, after: ts.Type, depth: number): void {
    const checker = this.checker;
    const fromOldCode = member.side !== "response";
    const [source, target] = fromOldCode ? [before, after] : [after, before];
    const assignable = checker.isTypeAssignableTo(source, target);
    const start = this.findings.length;
    const on = operationId !== undefined ? { operationId } : {};
    const text = memberName(member);
    const old = checker.getNonNullableType(before);
    const now = checker.getNonNullableType(after);

    if (checker.isTupleType(old) || checker.isTupleType(now)) {
      // A tuple's members are its positions and every array method: the assignment's verdict says it all.
    } else if (checker.isArrayType(old) && checker.isArrayType(now)) {
      const oldItem = checker.getIndexTypeOfType(old, ts.IndexKind.Number);
      const newItem = checker.getIndexTypeOfType(now, ts.IndexKind.Number);
      if (oldItem && newItem) this.walk(child(member, "[]"), operationId, oldItem, newItem, depth + 1);
    } else if (isObjectLike(old) && isObjectLike(now)) {
      for (const property of checker.getPropertiesOfType(old)) {
        const name = property.getName();
        const match = checker.getPropertyOfType(now, name);
        const propertyMember = child(member, name);
        const optionalBefore = (property.flags & ts.SymbolFlags.Optional) !== 0;
        if (!match) {
          if (fromOldCode) {
            this.findings.push({ ...on, member: propertyMember, verdict: "does-not-compile-where-used", message: `the new type has no \`${memberName(propertyMember)}\`: code that sets it in an object literal no longer compiles` });
          } else {
            this.findings.push({
              ...on,
              member: propertyMember,
              verdict: optionalBefore ? "does-not-compile-where-used" : "does-not-compile",
              message: optionalBefore
                ? `the new type has no \`${memberName(propertyMember)}\`: code that reads it no longer compiles`
                : `\`${memberName(propertyMember)}\` is gone from the new type: code that reads it, or keeps the result as the old type, no longer compiles`,
            });
          }
          continue;
        }
        const optionalAfter = (match.flags & ts.SymbolFlags.Optional) !== 0;
        if (fromOldCode && optionalBefore && !optionalAfter) {
          this.findings.push({ ...on, member: propertyMember, verdict: "does-not-compile", message: `\`${memberName(propertyMember)}\` is now required: code that leaves it out no longer compiles` });
        } else if (!fromOldCode && !optionalBefore && optionalAfter) {
          this.findings.push({ ...on, member: propertyMember, verdict: "does-not-compile", message: `\`${memberName(propertyMember)}\` may now be undefined: code that uses it as always there no longer compiles` });
        }
        this.walk(propertyMember, operationId, checker.getTypeOfSymbol(property), checker.getTypeOfSymbol(match), depth + 1);
      }
      if (fromOldCode) {
        for (const property of checker.getPropertiesOfType(now)) {
          if ((property.flags & ts.SymbolFlags.Optional) !== 0 || checker.getPropertyOfType(old, property.getName())) continue;
          const propertyMember = child(member, property.getName());
          this.findings.push({ ...on, member: propertyMember, verdict: "does-not-compile", message: `\`${memberName(propertyMember)}\` is required by the new type: code that does not set it no longer compiles` });
        }
      }
      const oldValues = checker.getIndexTypeOfType(old, ts.IndexKind.String);
      const newValues = checker.getIndexTypeOfType(now, ts.IndexKind.String);
      if (oldValues && newValues) this.walk(child(member, "[string]"), operationId, oldValues, newValues, depth + 1);
    }

    const blamed = this.findings.slice(start).some((finding) => finding.verdict === "does-not-compile");
    if (!assignable && !blamed) {
      const from = checker.typeToString(source, undefined, ts.TypeFormatFlags.NoTruncation);
      const to = checker.typeToString(target, undefined, ts.TypeFormatFlags.NoTruncation);
      this.findings.push({
        ...on,
        member,
        verdict: "does-not-compile",
        message: fromOldCode
          ? `\`${text}\` was \`${shorten(from)}\`, the new type takes \`${shorten(to)}\`: code that passes an old value no longer compiles`
          : `\`${text}\` is now \`${shorten(from)}\`, old code expects \`${shorten(to)}\`: code that keeps it as the old type no longer compiles`,
      });
    }
  }
}

/** TypeScript's words, with the in-memory modules named as people know them: `old PayForOrdersInput`. */
function readable(text: string, root: string): string {
  return text
    .split(`import("${path.join(root, "before")}/client").`).join("old ")
    .split(`import("${path.join(root, "after")}/client").`).join("new ")
    .split(`${root}${path.sep}`).join("");
}

function isObjectLike(type: ts.Type): boolean {
  if (type.isUnion()) return false;
  return (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0;
}

function child(member: Member, segment: string): Member {
  return { side: member.side, path: [...member.path, segment] };
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function firstLines(text: string): string {
  return text.split("\n").slice(0, 4).map((line) => line.trim()).join(" ");
}
