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
 *   sites in a shorter form, without `schemaPath` (issues.ts reads `instancePath`, `keyword` and `params` only);
 *   without unevaluated* or $dynamicRef in the spec, none of the bookkeeping Ajv writes for them.
 *
 * Everything here reads Ajv's output, not Ajv: a change in Ajv's output shape fails test/generator/validators/
 * (the differential tests run this module's output; module.test.ts bundles it).
 */
import { EMBEDDED_SOURCES } from "./embedded-sources.generated.js";
import { payspecFormats } from "./formats.js";

/** The identifier compiled.js calls to build a pattern when some pattern needs the `u`-less fallback. */
export const PATTERN_ENGINE = "payspecPattern";

/** The identifier Ajv reads function formats from (`code.formats`); never left in the finished module. */
export const FORMATS_OBJECT = "compiledFormats";

/**
 * Two passes over Ajv's code: one to learn what the rewrite needs (which `schemaN` constants are read, each function's
 * `evaluated` value and who reads it), one to write the module. A large spec's code is tens of megabytes: each pass
 * over it, and each copy of it, costs (GitHub's REST description: 9 passes took half a second).
 */
export interface ModuleFacts {
  /** Whether a schema uses `unevaluatedProperties`/`unevaluatedItems`: else what each function evaluated is read by none. */
  readonly unevaluated: boolean;
  /** Whether a schema uses `$dynamicRef`/`$dynamicAnchor`: else the dynamic scope Ajv passes along is read by none. */
  readonly dynamicRefs: boolean;
}

export function finishModule(ajvCode: string, { unevaluated, dynamicRefs }: ModuleFacts = { unevaluated: true, dynamicRefs: true }): string {
  const facts = scan(ajvCode);
  const imports = new Map<string, string>();
  const importOf = (specifier: string, member: string): string => {
    const file = specifier.endsWith(".js") ? specifier : `${specifier}.js`;
    const key = `${member} ${file}`;
    let local = imports.get(key);
    if (local === undefined) imports.set(key, (local = member === "default" ? `runtime${imports.size}` : `${member}${imports.size}`));
    return local;
  };
  const moved = new Set<string>();
  const lazyPaths = !dynamicRefs;
  let usesFormats = false;
  const parts: string[] = [];
  let from = 0;
  const token = new RegExp(
    [
      // Top-level statements follow a `;` or a `}` (Ajv writes no line breaks): looked behind for, as an earlier match
      // may have consumed it.
      /(?<=[;}])const (func\d+) = require\("([^"]+)"\)\.default;/.source, // 1-2
      /require\("([^"]+)"\)\.([A-Za-z_$][\w$]*)/.source, // 3-4
      /const (err\d+) = (?=\{)/.source, // 5
      SCHEMA_PATH.source,
      /(?<=[;}])const (schema\d+) = /.source, // 6
      /(?<=[;}])(validate\d+)\.evaluated = (?=\{)/.source, // 7
      /(const evaluated\d+ = )(validate\d+)\.evaluated;/.source, // 8-9
      /(?<=[;}])const (pattern\d+) = (?=new RegExp\(|func\d+\()/.source, // 10
      new RegExp(`${FORMATS_OBJECT}(?:\\.([A-Za-z_$][\\w$]*)|\\[("(?:[^"\\\\]|\\\\.)*")\\])`).source, // 11-12
      // What a function takes and is called with beyond its data (see LAZY PATHS below): Ajv's signature, and the
      // object each call passes (its path, parent, root and dynamic anchors).
      /function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data(, dynamicAnchors=\{\})?\}=\{\}\)/.source, // 13-14
      String.raw`\{instancePath(?::instancePath\+((?:[^"{}]|${STRING})*?))?,parentData(?::[\w$]+,parentDataProperty:(?:${STRING}|[\w$]+)|,parentDataProperty),rootData(,dynamicAnchors)?\}`, // 15-16
      // An error object's path, outside the error sites handled above.
      /(\{instancePath)(?=,keyword)|(\{instancePath:instancePath\+)/.source, // 17-18
    ].join("|"),
    "g",
  );
  for (let match = token.exec(ajvCode); match !== null; match = token.exec(ajvCode)) {
    const [whole] = match;
    let text: string;
    let end = match.index + whole.length;
    if (match[1] !== undefined) {
      const local = importOf(match[2]!, "default");
      text = `const ${match[1]} = /* @__PURE__ */ (() => ${local}.default ?? ${local})();`;
    } else if (match[3] !== undefined) {
      const local = importOf(match[3], match[4]!);
      text = match[4] === "default" ? `(${local}.default ?? ${local})` : local;
    } else if (match[5] !== undefined) {
      // `const errN = {...};if(vErrors === null){vErrors = [errN];}else {vErrors.push(errN);}errors++;`: Ajv keeps
      // `errors` equal to the length of `vErrors` (it sets one where it sets the other), so the push's result is it.
      const objectEnd = endOfJsonValue(ajvCode, end);
      const tail = `;if(vErrors === null){vErrors = [${match[5]}];}else {vErrors.push(${match[5]});}errors++;`;
      if (ajvCode.startsWith(tail, objectEnd)) {
        const object = ajvCode.slice(end, objectEnd).replace(SCHEMA_PATH, "");
        text = `errors = (vErrors ??= []).push(${lazyPaths ? lazyErrorPath(object) : object});`;
        end = objectEnd + tail.length;
      } else {
        text = whole;
      }
    } else if (match[6] !== undefined) {
      end = endOfJsonValue(ajvCode, end);
      const unread = facts.schemaReads.get(match[6]) === 1;
      if (unread && ajvCode[end] === ";") end++;
      // In an object literal, `"__proto__": v` sets the prototype: the spec's `{"const": {"__proto__": 1}}` must keep its key.
      text = unread ? "" : `${whole}${ajvCode.slice(match.index + whole.length, end).replace(/([{,])"__proto__":/g, '$1["__proto__"]:')}`;
    } else if (match[7] !== undefined) {
      const name = match[7];
      const assignment = facts.evaluated.get(name)!;
      end = assignment.end;
      const drop = moved.has(name) || (!facts.wrapped.has(name) && facts.evaluatedReads.get(name) === 1);
      text = drop ? "" : ajvCode.slice(match.index, end);
    } else if (match[9] !== undefined) {
      const assignment = facts.evaluated.get(match[9]);
      if (assignment === undefined || moved.has(match[9])) {
        text = whole;
      } else {
        moved.add(match[9]);
        // Without unevaluated* keywords, what a function evaluated decides nothing: an empty record, never reset, and
        // none at all where no code reads or writes it beyond this line (one property read less on every call).
        text = unevaluated ? `${match[8]}${match[9]}.evaluated ??= ${assignment.value};` : facts.evaluatedUsed ? `${match[8]}${match[9]}.evaluated ??= {};` : "";
        EVALUATED_RESETS.lastIndex = end;
        if (!unevaluated && EVALUATED_RESETS.exec(ajvCode) !== null) end = EVALUATED_RESETS.lastIndex;
      }
    } else if (match[10] !== undefined) {
      text = `const ${match[10]} = /* @__PURE__ */ `;
    } else if (match[11] !== undefined || match[12] !== undefined) {
      usesFormats = true;
      text = formatReference(match[11] ?? (JSON.parse(match[12]!) as string));
    } else if (match[13] !== undefined) {
      text = lazyPaths ? `function ${match[13]}(data, at)` : `function ${match[13]}(data, {instancePath=""${match[14] ?? ""}}={})`;
    } else if (whole.endsWith(",rootData}") || whole.endsWith(",rootData,dynamicAnchors}")) {
      // A call's argument (groups 15-16, both of which may be absent).
      text = lazyPaths ? lazyCallPath(match[15]) : `{instancePath${match[15] === undefined ? "" : `:instancePath+${match[15]}`}${match[16] ?? ""}}`;
    } else if (match[17] !== undefined || match[18] !== undefined) {
      text = lazyPaths ? lazyErrorPath(whole) : whole;
    } else {
      text = ""; // a schemaPath
    }
    parts.push(ajvCode.slice(from, match.index), text);
    from = end;
    token.lastIndex = end;
  }
  parts.push(ajvCode.slice(from));
  const body = parts.join("").replace(/^"use strict";/, "");
  if (/\brequire\(/.test(body)) {
    throw new Error("validators: Ajv's standalone code uses a require() form this generator does not translate");
  }
  // A property named `instancePath` is in strings (`"/instancePath"`, Microsoft Graph's beta spec), which say nothing of
  // the variable: looked for again without them, only when the quick look finds the name.
  if (lazyPaths && INSTANCE_PATH_USE.test(body) && INSTANCE_PATH_USE.test(body.replace(/"(?:[^"\\\n]|\\.)*"/g, '""'))) {
    throw new Error("validators: Ajv's standalone code uses its instancePath in a form this generator does not translate");
  }
  const importLines = [...imports].map(([key, local]) => {
    const [member, file] = key.split(" ") as [string, string];
    return member === "default" ? `import ${local} from "${file}";\n` : `import { ${member} as ${local} } from "${file}";\n`;
  });
  const usesPayspec = usesFormats || body.includes(PATTERN_ENGINE);
  const usesPaths = lazyPaths && body.includes(`${PATH_OF}(`);
  return `${importLines.join("")}${usesPaths ? `${pastedSource("paths")}\n` : ""}${usesPayspec ? `${pastedSource("formats")}\n` : ""}${body}`;
}

/** An error object's `schemaPath`, which nothing reads (issues.ts reads `instancePath`, `keyword` and `params`). */
/** The variable Ajv's functions carry a value's path in, used other than as a property (`data.instancePath`), a key or a string. */
const INSTANCE_PATH_USE = /(?<![.\w$"])instancePath\b(?!:)/;
const SCHEMA_PATH = /,schemaPath:"(?:[^"\\]|\\.)*"/;

/**
 * LAZY PATHS. Ajv passes each function the JSON pointer of its data (`{instancePath: instancePath+"/lines/" + i0}`),
 * built at every call although only an error reads it: on data with many calls (a list of a hundred refunds) that
 * string building was a quarter of the time. Without $dynamicRef (whose calls Ajv writes otherwise), each function
 * takes `at` instead: `undefined` at the root, else `{b, s, i}`, its caller's `at`, the step (`"/lines/"`) and the
 * index if any. Errors spell the pointer out (`payspecPath(at)`, ./paths.ts): the same string as Ajv's.
 */
const PATH_OF = "payspecPath";
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const STEP_AND_INDEX = new RegExp(String.raw`^(${STRING}) \+ (i\d+)$`);

/** A call's argument: Ajv's path expression (`"/lines/" + i0`, or none: the caller's own path) as a lazy step. */
function lazyCallPath(expression: string | undefined): string {
  if (expression === undefined) return "at";
  const step = STEP_AND_INDEX.exec(expression);
  return step === null ? `{b: at, s: ${expression}}` : `{b: at, s: ${step[1]}, i: ${step[2]}}`;
}

/** An error object's `{instancePath` or `{instancePath:instancePath+` (at its start), spelled from the lazy path. */
function lazyErrorPath(text: string): string {
  return text.startsWith("{instancePath:instancePath+") ? `{instancePath:${PATH_OF}(at)+${text.slice("{instancePath:instancePath+".length)}` : `{instancePath:${PATH_OF}(at)${text.slice("{instancePath".length)}`;
}

/** What Ajv writes after a function's `const evaluatedK = validateN.evaluated;` (sticky: matched where it stands). */
const EVALUATED_RESETS = /if\((evaluated\d+)\.dynamicProps\)\{\1\.props = undefined;\}if\(\1\.dynamicItems\)\{\1\.items = undefined;\}/y;

interface Facts {
  /** `schemaN` -> how many times the code names it (1: only its declaration). */
  readonly schemaReads: Map<string, number>;
  /** `validateN` -> its `validateN.evaluated = {...};` statement: the JSON value, and where the statement ends. */
  readonly evaluated: Map<string, { readonly value: string; readonly end: number }>;
  /** `validateN` -> how many times the code reads or writes `validateN.evaluated`. */
  readonly evaluatedReads: Map<string, number>;
  /** Functions a `{validate: validateN}` wrapper holds (their `evaluated` is read as `wrapperK.validate.evaluated`). */
  readonly wrapped: Set<string>;
  /** Whether any code reads what a function evaluated, or records it, beyond Ajv's resets at each function's start. */
  readonly evaluatedUsed: boolean;
}

function scan(code: string): Facts {
  const facts = {
    schemaReads: new Map(),
    evaluated: new Map(),
    evaluatedReads: new Map(),
    wrapped: new Set(),
    evaluatedUsed: /\.evaluated\.(?:props|items)\b|\bevaluated\d+\.(?:props|items) = (?!undefined;)/.test(code),
  } satisfies Facts;
  const token = /\b(schema\d+)\b|(?<=[;}])(validate\d+)\.evaluated = (?=\{)|\b(validate\d+)\.evaluated\b|\{validate: (validate\d+)\}/g;
  for (let match = token.exec(code); match !== null; match = token.exec(code)) {
    if (match[1] !== undefined) {
      facts.schemaReads.set(match[1], (facts.schemaReads.get(match[1]) ?? 0) + 1);
    } else if (match[2] !== undefined) {
      const valueStart = match.index + match[0].length;
      const valueEnd = endOfJsonValue(code, valueStart);
      facts.evaluated.set(match[2], { value: code.slice(valueStart, valueEnd), end: code[valueEnd] === ";" ? valueEnd + 1 : valueEnd });
      facts.evaluatedReads.set(match[2], (facts.evaluatedReads.get(match[2]) ?? 0) + 1);
      token.lastIndex = valueEnd;
    } else if (match[3] !== undefined) {
      facts.evaluatedReads.set(match[3], (facts.evaluatedReads.get(match[3]) ?? 0) + 1);
    } else {
      facts.wrapped.add(match[4]!);
    }
  }
  return facts;
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
 * The code for Ajv's `compiledFormats.<name>`: payspec's function for that format, or `{validate: fn}` where Ajv calls
 * `.validate` (number formats).
 */
function formatReference(name: string): string {
  const format = (payspecFormats as Record<string, unknown>)[name];
  if (typeof format === "function") return format.name;
  if (typeof format === "object" && format !== null && typeof (format as { validate?: unknown }).validate === "function") {
    return `{validate: ${(format as { validate: { name: string } }).validate.name}}`;
  }
  throw new Error(`validators: the compiled code uses format "${name}", which payspec's formats do not define`);
}

/** The JavaScript of ./formats.ts or ./paths.ts as declarations to paste into compiled.js (./embedded-sources.ts). */
export function pastedSource(file: "formats" | "paths"): string {
  return EMBEDDED_SOURCES[file];
}

/** ./formats.ts as pasted into compiled.js. */
export function payspecRuntimeSource(): string {
  return pastedSource("formats");
}

