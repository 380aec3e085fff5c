/**
 * `finishModule`: Ajv's standalone code (`standaloneCode` with `code.esm`) -> the ES module written as
 * validation/compiled.js. Ajv's output is kept as it is, except where an ES module or a bundler needs otherwise:
 *
 * - `require("m").x` becomes an import of the declared dependency `m` (Ajv's run-time helpers).
 * - Tree-shaking (a bundle that keeps one validator keeps only the functions it reaches): every top-level statement
 *   is a declaration whose value a bundler can drop when unused. Ajv writes `validateN.evaluated = {...};` after
 *   each function (a statement, which bundlers keep); the function sets it on its first call instead, before anything
 *   reads it. `new RegExp(...)` and calls get `/* @__PURE__ *\/`.
 * - Formats: Ajv reads function formats from `compiledFormats.<name>` (its `code.formats` option); each becomes a
 *   reference to payspec's function for it (./formats.ts, pasted in), so that a validator without formats pulls none.
 * - Size: unread `schemaN` constants dropped (Ajv declares one per function, the whole schema as a literal), error
 *   sites in a shorter form.
 *
 * Everything here reads Ajv's output, not Ajv: a change in Ajv's output shape fails test/generator/validators/
 * (the differential tests run this module's output; module.test.ts bundles it).
 */
import { existsSync, readFileSync } from "node:fs";
import { requireLibrary } from "../libraries.js";
import { payspecFormats } from "./formats.js";

/** The identifier compiled.js calls to build a pattern when some pattern needs the `u`-less fallback. */
export const PATTERN_ENGINE = "payspecPattern";

/** The identifier Ajv reads function formats from (`code.formats`); never left in the finished module. */
export const FORMATS_OBJECT = "compiledFormats";

export function finishModule(ajvCode: string): string {
  let code = requireToImports(ajvCode);
  code = compactErrorPushes(code);
  code = evaluatedOnFirstCall(code);
  code = leanSchemaConstants(code);
  code = pureTopLevelValues(code);
  const { body, usesFormats } = formatsAsFunctions(code);
  const importLines = /^(?:import .*\n)*/.exec(body)![0];
  const usesPayspec = usesFormats || body.includes(PATTERN_ENGINE);
  return `${importLines}${usesPayspec ? `${payspecRuntimeSource()}\n` : ""}${body.slice(importLines.length)}`;
}

/**
 * Ajv's standalone output with `esm: true` still reaches its run-time helpers through `require(...)`, which an ES
 * module does not have. Each `require("m").x` becomes an import of the declared dependency `m` (`ajv`): a named
 * import where the export has a name, the module object otherwise. `.default` is read as `(module.default ?? module)`
 * so that both Node (default import = `module.exports`) and bundlers that honour `__esModule` (default import =
 * `exports.default`) get the helper.
 */
export function requireToImports(code: string): string {
  const imports = new Map<string, string>();
  let counter = 0;
  const body = code.replace(/require\("([^"]+)"\)\.([A-Za-z_$][\w$]*)/g, (_match, specifier: string, member: string) => {
    const file = specifier.endsWith(".js") ? specifier : `${specifier}.js`;
    const key = `${member} ${file}`;
    let local = imports.get(key);
    if (local === undefined) {
      local = member === "default" ? `runtime${counter++}` : `${member}${counter++}`;
      imports.set(key, local);
    }
    return member === "default" ? `(${local}.default ?? ${local})` : local;
  });
  if (/\brequire\(/.test(body)) {
    throw new Error("validators: Ajv's standalone code uses a require() form this generator does not translate");
  }
  const lines = [...imports].map(([key, local]) => {
    const [member, file] = key.split(" ") as [string, string];
    return member === "default" ? `import ${local} from "${file}";` : `import { ${member} as ${local} } from "${file}";`;
  });
  return `${lines.join("\n")}\n${body.replace(/^"use strict";/, "")}`;
}

/**
 * Ajv writes each of its error sites as `const err = {instancePath,schemaPath:"#/...",keyword,params};` then
 * `if(vErrors === null){vErrors = [err];}else {vErrors.push(err);}`. `(vErrors ??= []).push(err);` does the same in
 * half the bytes, and `schemaPath` (a tenth of a large module) is read by nothing: issues.ts reads `instancePath`,
 * `keyword` and `params`. Every byte is parsed at import, and shipped in a bundle.
 */
export function compactErrorPushes(code: string): string {
  return code
    .replace(/if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}/g, "(vErrors ??= []).push($1);")
    .replace(/,schemaPath:"(?:[^"\\]|\\.)*"/g, "");
}

/** The index just past the JSON value that starts at `start` (an object, array, string or literal). */
export function endOfJsonValue(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 34 /* " */) {
      for (index++; text.charCodeAt(index) !== 34; index++) if (text.charCodeAt(index) === 92 /* \ */) index++;
      if (depth === 0) return index + 1;
    } else if (char === 123 /* { */ || char === 91 /* [ */) {
      depth++;
    } else if (char === 125 /* } */ || char === 93 /* ] */) {
      if (--depth === 0) return index + 1;
    } else if (depth === 0 && (char === 59 /* ; */ || char === 44 /* , */)) {
      return index;
    }
  }
  throw new Error(`validators: unterminated JSON value at ${start} of Ajv's standalone code`);
}

/**
 * `validateN.evaluated = {...};` after a function -> `const evaluatedK = validateN.evaluated ??= {...};` at the start
 * of its body, where Ajv reads it first (other functions read it only after calling it). A function whose body does
 * not read it (a `true`/`false` schema's) keeps the statement when anything else reads its `evaluated`.
 */
function evaluatedOnFirstCall(code: string): string {
  const assignments = new Map<string, { start: number; end: number; value: string }>();
  for (const match of code.matchAll(/(?<=[;}\n])(validate\d+)\.evaluated = (?=\{)/g)) {
    const valueStart = match.index + match[0].length;
    const valueEnd = endOfJsonValue(code, valueStart);
    if (code[valueEnd] !== ";") continue;
    assignments.set(match[1]!, { start: match.index, end: valueEnd + 1, value: code.slice(valueStart, valueEnd) });
  }
  if (assignments.size === 0) return code;
  const mentions = new Map<string, number>();
  for (const [, name] of code.matchAll(/\b(validate\d+)\.evaluated\b/g)) mentions.set(name!, (mentions.get(name!) ?? 0) + 1);
  const wrapped = new Set([...code.matchAll(/\{validate: (validate\d+)\}/g)].map((match) => match[1]!));
  const edits: Array<{ readonly start: number; readonly end: number; readonly text: string }> = [];
  const moved = new Set<string>();
  for (const match of code.matchAll(/(const evaluated\d+ = )(validate\d+)\.evaluated;/g)) {
    const [whole, head, name] = match as unknown as [string, string, string];
    const assignment = assignments.get(name);
    if (assignment === undefined || moved.has(name)) continue;
    moved.add(name);
    edits.push({ start: match.index, end: match.index + whole.length, text: `${head}${name}.evaluated ??= ${assignment.value};` });
  }
  for (const [name, { start, end }] of assignments) {
    if (moved.has(name) || (!wrapped.has(name) && mentions.get(name) === 1)) edits.push({ start, end, text: "" });
  }
  edits.sort((a, b) => a.start - b.start);
  let out = "";
  let from = 0;
  for (const edit of edits) {
    out += code.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + code.slice(from);
}

/**
 * Drops the top-level `const schemaN = <JSON>;` that nothing else names (Ajv declares one per compiled function,
 * the whole schema as a literal, read only by some keywords), and writes a `"__proto__"` key of the others as a
 * computed key: in an object literal, `"__proto__": v` sets the prototype instead of defining the property that the
 * spec's schema has (`{"const": {"__proto__": 1}}`).
 */
function leanSchemaConstants(code: string): string {
  const uses = new Map<string, number>();
  for (const [name] of code.matchAll(/\bschema\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  let out = "";
  let from = 0;
  for (const match of code.matchAll(/(?<=^|[;\n}])const (schema\d+) = /g)) {
    if (match.index < from) continue;
    const valueStart = match.index + match[0].length;
    const valueEnd = endOfJsonValue(code, valueStart);
    out += code.slice(from, match.index);
    if (uses.get(match[1]!) === 1) {
      from = code[valueEnd] === ";" ? valueEnd + 1 : valueEnd;
    } else {
      out += match[0] + code.slice(valueStart, valueEnd).replace(/([{,])"__proto__":/g, '$1["__proto__"]:');
      from = valueEnd;
    }
  }
  return out + code.slice(from);
}

/** `/* @__PURE__ *\/` on the top-level values Ajv builds by a call: patterns, and `(module.default ?? module)`. */
function pureTopLevelValues(code: string): string {
  return code
    .replace(/(?<=[;\n}]|^)(const pattern\d+ = )(?=new RegExp\(|func\d+\()/g, "$1/* @__PURE__ */ ")
    .replace(/(?<=[;\n}]|^)(const func\d+ = )\((runtime\d+)\.default \?\? \2\);/g, "$1/* @__PURE__ */ (() => $2.default ?? $2)();");
}

/**
 * `compiledFormats.uri` / `compiledFormats["date-time"]` -> payspec's own function for that format (a function, or
 * `{validate: fn}` where Ajv calls `.validate`, as for number formats).
 */
function formatsAsFunctions(code: string): { body: string; usesFormats: boolean } {
  let usesFormats = false;
  const body = code.replace(new RegExp(`\\b${FORMATS_OBJECT}(?:\\.([A-Za-z_$][\\w$]*)|\\[("(?:[^"\\\\]|\\\\.)*")\\])`, "g"), (_match, member?: string, quoted?: string) => {
    const name = member ?? (JSON.parse(quoted!) as string);
    const format = (payspecFormats as Record<string, unknown>)[name];
    usesFormats = true;
    if (typeof format === "function") return format.name;
    if (typeof format === "object" && format !== null && typeof (format as { validate?: unknown }).validate === "function") {
      return `{validate: ${(format as { validate: { name: string } }).validate.name}}`;
    }
    throw new Error(`validators: the compiled code uses format "${name}", which payspec's formats do not define`);
  });
  return { body, usesFormats };
}

let runtimeJavaScript: string | undefined;

/**
 * The JavaScript of ./formats.ts as declarations to paste into compiled.js: `export` dropped, comments kept. Run
 * compiled (the generator built ahead of time), ./formats.js is beside this module; run from source, TypeScript's own
 * transpiler makes it (deterministic for a given TypeScript version). Once per process.
 */
export function payspecRuntimeSource(): string {
  runtimeJavaScript ??= (builtJavaScript() ?? transpileWithTypeScript(readFileSync(new URL("./formats.ts", import.meta.url), "utf8")))
    .replace(/^export /gm, "")
    .replace(/^\/\/# sourceMappingURL=.*$/m, "")
    .trim();
  return runtimeJavaScript;
}

function transpileWithTypeScript(source: string): string {
  const { ts } = requireLibrary("ts-morph") as typeof import("ts-morph");
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
  }).outputText;
}

function builtJavaScript(): string | undefined {
  const built = new URL("./formats.js", import.meta.url);
  return import.meta.url.endsWith(".js") && existsSync(built) ? readFileSync(built, "utf8") : undefined;
}
