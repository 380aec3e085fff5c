/**
 * `loadSpec`: reads a spec once (YAML or JSON, split across files or not), checks it with Redocly's rules,
 * bundles it into one document with local `$ref`s only, and builds the plain `ApiModel` every emitter works from.
 *
 * Redocly's openapi-core does the heavy lifting (ref resolution across files, structural validation with line
 * numbers, bundling); this module adds the checks it does not make (version, circular aliases) and the model.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Config, NormalizedProblem } from "@redocly/openapi-core";
import { parseDocument, LineCounter } from "yaml";
import { SpecError, specError, type SpecProblem } from "./errors.js";
import { pointerOf, pointerOfRef, resolvePointer } from "./json-pointer.js";
import { classify, GENERATOR_RULES, repairNoContentBodies, repairNullBesideAlternatives, RULE_HINTS } from "./load-policy.js";
import { buildModel } from "./model-builder.js";
import type { ApiModel } from "./model.js";
import { compareStrings } from "./names.js";
import { redocly } from "./redocly.js";

const { BaseResolver, bundle, createConfig, getLineColLocation, lintDocument, Source } = redocly;

export interface LoadOptions {
  /** Folder and module name; defaults to the spec file name without extension. */
  readonly name?: string;
  /** Class name of the client; defaults to one derived from `info.title`. */
  readonly clientName?: string;
  /** Refuse the spec when it has warnings (what `--strict` asks): each becomes an error. */
  readonly strict?: boolean;
}

let configPromise: Promise<Config> | undefined;
function generatorConfig(): Promise<Config> {
  configPromise ??= createConfig({ rules: GENERATOR_RULES });
  return configPromise;
}

export async function loadSpec(file: string, options: LoadOptions = {}): Promise<ApiModel> {
  const absolute = path.resolve(file);
  const text = await readSpecText(file, absolute);
  const config = await generatorConfig();
  // One resolver for lint and bundle: each file is read and parsed once.
  const resolver = new BaseResolver(config.resolve);
  let resolved;
  try {
    resolved = await resolver.resolveDocument(null, absolute, true);
  } catch (error) {
    resolved = error as Error;
  }
  if (resolved instanceof Error || !("parsed" in resolved)) {
    parseRoot(file, text); // throws the YAML error with its line and column, in the `yaml` library's words
    throw specError({ file, message: `cannot read the spec: ${String((resolved as Error).message)}` });
  }
  const root = checkRoot(file, resolved.parsed);
  checkVersion(file, text, root);
  checkCircularAliases(file, text, root);

  let problems: NormalizedProblem[];
  try {
    problems = await lintDocument({ document: resolved, config, externalRefResolver: resolver });
  } catch (error) {
    throw specError({ file, message: `cannot resolve the spec: ${(error as Error).message}`, hint: "check the $refs of this file and the files it points to" });
  }
  const errors: SpecProblem[] = [];
  const warnings: SpecProblem[] = [];
  for (const problem of problems) {
    if (problem.ignored) continue;
    const verdict = classify(problem, String(root["openapi"]));
    if (verdict.kind === "error") {
      errors.push(toSpecProblem(file, absolute, problem));
      continue;
    }
    warnings.push({ ...toSpecProblem(file, absolute, problem, false), assumed: verdict.assumed });
    const source = problem.location[0]?.source.absoluteRef;
    if (verdict.repair && source !== undefined) {
      // The parsed file the problem is in, as the resolver holds it (read once, shared with bundle below).
      const document = source === absolute ? resolved : await resolver.resolveDocument(null, source, true);
      if (!(document instanceof Error) && "parsed" in document) verdict.repair(document.parsed);
    }
  }
  if (errors.length > 0) throw new SpecError(distinct(errors));

  let bundled;
  try {
    bundled = await bundle({ doc: resolved, config, externalRefResolver: resolver, dereference: false });
  } catch (error) {
    throw specError({ file, message: `cannot bundle the spec: ${(error as Error).message}` });
  }
  const bundleErrors = bundled.problems.filter((problem) => problem.severity === "error" && !problem.ignored);
  if (bundleErrors.length > 0) throw new SpecError(distinct(bundleErrors.map((problem) => toSpecProblem(file, absolute, problem))));

  const document = sortKeysDeep(bundled.bundle.parsed) as Record<string, unknown>;
  const repaired: SpecProblem[] = [...repairNullBesideAlternatives(document), ...repairNoContentBodies(document)].map((repair) => ({ file, ...repair }));
  const name = options.name ?? path.basename(file).replace(/\.(ya?ml|json)$/i, "");
  let model: ApiModel;
  try {
    model = buildModel(document, { name, file, ...(options.clientName !== undefined ? { clientName: options.clientName } : {}) });
  } catch (error) {
    // The model builder knows pointers, not lines: add the line when the pointer is in the root file.
    if (!(error instanceof SpecError)) throw error;
    throw new SpecError(linesAdded(error.problems, file, text, root));
  }
  const allWarnings = distinct([...warnings, ...linesAdded([...repaired, ...model.warnings], file, text, root)]);
  if (options.strict && allWarnings.length > 0) {
    throw new SpecError(allWarnings.map((warning) => ({ ...warning, hint: "--strict refuses what the generator would otherwise assume: fix the spec, or generate without --strict" })));
  }
  return { ...model, warnings: allWarnings };
}

/**
 * A spec error found after loading (by the validators: pointers into the bundled document, no lines), with the
 * line and column of each pointer that is in the root file. Best effort: a file that no longer reads or parses keeps
 * its problems as they were.
 */
export async function withLines(error: SpecError, file: string): Promise<SpecError> {
  if (!error.problems.some((problem) => problem.line === undefined && problem.pointer !== undefined)) return error;
  try {
    const text = await readFile(path.resolve(file), "utf8");
    return new SpecError(linesAdded(error.problems, file, text, parsedForPointers(file, text)));
  } catch {
    return error;
  }
}

/**
 * The file's content, to tell which pointers it holds: JSON.parse where it reads (a 13 MB JSON spec takes it a
 * fraction of a second; the `yaml` library takes several), YAML otherwise.
 */
function parsedForPointers(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return parseRoot(file, text);
  }
}

function linesAdded(problems: readonly SpecProblem[], file: string, text: string, root: unknown): SpecProblem[] {
  if (!problems.some((problem) => problem.file === file && problem.line === undefined && problem.pointer !== undefined)) return [...problems];
  const lineIn = lineFinder(file, text);
  return problems.map((problem) =>
    problem.file === file && problem.line === undefined && problem.pointer !== undefined && resolvePointer(root, problem.pointer) !== undefined
      ? { ...problem, ...lineIn(problem.pointer) }
      : problem,
  );
}

async function readSpecText(file: string, absolute: string): Promise<string> {
  let info;
  try {
    info = await stat(absolute);
  } catch {
    throw specError({ file, message: "file not found", hint: "pass the path of an OpenAPI 3.0/3.1 YAML or JSON file" });
  }
  if (!info.isFile()) throw specError({ file, message: "not a file", hint: "pass the path of an OpenAPI 3.0/3.1 YAML or JSON file" });
  const text = await readFile(absolute, "utf8");
  if (text.trim() === "") throw specError({ file, line: 1, message: "the file is empty", hint: "an OpenAPI document starts with `openapi: 3.1.0`" });
  return text;
}

function parseRoot(file: string, text: string): Record<string, unknown> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const [firstError] = document.errors;
  if (firstError) {
    const position = firstError.linePos?.[0];
    throw specError({
      file,
      ...(position ? { line: position.line, column: position.col } : {}),
      message: `invalid YAML: ${(firstError.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
    });
  }
  return checkRoot(file, document.toJS({ maxAliasCount: -1 }));
}

function checkRoot(file: string, root: unknown): Record<string, unknown> {
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    throw specError({
      file,
      line: 1,
      pointer: "",
      message: `the document root must be an object (a mapping with \`openapi\`, \`info\`, \`paths\`), found ${describe(root)}`,
    });
  }
  return root as Record<string, unknown>;
}

function checkVersion(file: string, text: string, root: Record<string, unknown>): void {
  const at = (pointer: string) => ({ file, pointer, ...lineOf(file, text, pointer) });
  if ("swagger" in root) {
    throw specError({
      ...at("/swagger"),
      message: `Swagger ${String(root["swagger"])} is not supported: the generator reads OpenAPI 3.0 and 3.1`,
      hint: "convert it first, e.g. with swagger2openapi or https://converter.swagger.io",
    });
  }
  const version = root["openapi"];
  if (version === undefined) {
    throw specError({ file, line: 1, pointer: "", message: "missing the `openapi` field", hint: "add `openapi: 3.1.0` (or 3.0.x) at the top" });
  }
  if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
    throw specError({
      ...at("/openapi"),
      message: `unsupported OpenAPI version ${JSON.stringify(version)}`,
      hint: "the generator reads 3.0.x and 3.1.x; write the version as a string, e.g. `openapi: 3.1.0`",
    });
  }
}

/**
 * A `$ref` whose target is itself only a `$ref`, round and round, has no type: Redocly's resolver throws a bare
 * "Self-referencing circular pointer" on it, so we find it first and say where it is.
 */
function checkCircularAliases(file: string, text: string, root: Record<string, unknown>): void {
  const refSites: Array<{ pointer: string; ref: string }> = [];
  // The path as a stack of keys, escaped and joined only where a $ref is: a spec has far more nodes than $refs.
  const segments: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        segments.push(String(index));
        walk(item);
        segments.pop();
      });
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.startsWith("#")) {
          refSites.push({ pointer: pointerOf(segments), ref: value });
        } else {
          segments.push(key);
          walk(value);
          segments.pop();
        }
      }
    }
  };
  walk(root);
  for (const site of refSites) {
    const seen = [site.pointer];
    let ref: string | undefined = site.ref;
    while (ref !== undefined) {
      const target = pointerOfRef(ref);
      if (target === undefined) {
        throw specError({
          file,
          pointer: site.pointer,
          ...lineOf(file, text, site.pointer),
          message: `malformed $ref ${JSON.stringify(ref)}: a percent sign must start a %XX escape`,
          hint: "write the reference as a JSON pointer, escaping characters as %XX",
        });
      }
      if (seen.includes(target)) {
        throw specError({
          file,
          pointer: site.pointer,
          ...lineOf(file, text, site.pointer),
          message: `circular $ref alias: ${[...seen, target].map((p) => `#${p}`).join(" -> ")} never reaches a schema`,
          hint: "one of these must define a schema instead of only pointing at another",
        });
      }
      seen.push(target);
      const node = resolvePointer(root, target);
      ref = node !== null && typeof node === "object" && typeof (node as { $ref?: unknown }).$ref === "string"
        ? ((node as { $ref: string }).$ref.startsWith("#") ? (node as { $ref: string }).$ref : undefined)
        : undefined;
    }
  }
}

/** A Redocly problem, located in the file it is in; `ruleHint` false for a warning (it says what it assumed instead). */
function toSpecProblem(file: string, absolute: string, problem: NormalizedProblem, ruleHint = true): SpecProblem {
  const location = problem.location[0];
  const suggestion =
    problem.suggest.length > 0
      ? `did you mean ${problem.suggest.map((s) => `\`${s}\``).join(", ")}?`
      : ruleHint ? RULE_HINTS[problem.ruleId] : undefined;
  if (!location) return { file, message: `${problem.message} [${problem.ruleId}]`, ...(suggestion ? { hint: suggestion } : {}) };
  const where = getLineColLocation(location);
  const source = location.source.absoluteRef;
  const problemFile = source === absolute ? file : path.relative(process.cwd(), source) || source;
  const pointer = location.pointer?.replace(/^#/, "");
  let message = problem.message;
  if (problem.ruleId === "no-unresolved-refs" && pointer !== undefined) {
    const ref = refAt(location.source.body, pointer);
    if (ref !== undefined) message = message.replace(/^Can't resolve \$ref/, `Can't resolve $ref \`${ref}\``);
  }
  // Found through a $ref: say where the $ref is too, the place to fix may be either.
  if (problem.from) {
    const from = getLineColLocation(problem.from);
    const fromFile = problem.from.source.absoluteRef === absolute ? file : path.relative(process.cwd(), problem.from.source.absoluteRef);
    message += `, reached through the $ref at ${fromFile}:${from.start.line} (#${(problem.from.pointer ?? "").replace(/^#/, "")})`;
  }
  return {
    file: problemFile,
    line: where.start.line,
    column: where.start.col,
    ...(pointer !== undefined ? { pointer } : {}),
    message: `${message} [${problem.ruleId}]`,
    ...(suggestion ? { hint: suggestion } : {}),
  };
}

/** Each problem once: Redocly reports some twice (a discriminator mapping's unresolved `$ref`, for one). */
function distinct(problems: readonly SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.column, problem.pointer, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The `$ref` string at `pointer` in a YAML/JSON source text, for error messages. */
function refAt(body: string, pointer: string): string | undefined {
  try {
    const node = resolvePointer(parseDocument(body).toJS(), pointer);
    const ref = node !== null && typeof node === "object" ? (node as { $ref?: unknown }).$ref : undefined;
    return typeof ref === "string" ? ref : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where pointers are in one file's text. The file's syntax tree is built on the first lookup and kept for the next
 * ones (a Source holds it), so locating many problems costs one parse.
 */
function lineFinder(file: string, text: string): (pointer: string) => { line?: number; column?: number } {
  const source = new Source(file, text);
  return (pointer) => {
    try {
      const where = getLineColLocation({ source, pointer: `#${pointer}`, reportOnKey: true });
      return { line: where.start.line, column: where.start.col };
    } catch {
      return {};
    }
  };
}

function lineOf(file: string, text: string, pointer: string): { line?: number; column?: number } {
  return lineFinder(file, text)(pointer);
}

/**
 * Object keys sorted at every depth (arrays keep their order): the same spec gives the same output whatever the key
 * order in the YAML. A key named `__proto__` (a schema may have one: `{"const": {"__proto__": 1}}`) is defined as an
 * own property, as JSON.parse does, not assigned (which would set the object's prototype and lose the key).
 */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareStrings)) {
    const item = sortKeysDeep((value as Record<string, unknown>)[key]);
    if (key === "__proto__") Object.defineProperty(sorted, key, { value: item, enumerable: true, writable: true, configurable: true });
    else sorted[key] = item;
  }
  return sorted;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

