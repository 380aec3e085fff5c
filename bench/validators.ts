/**
 * `npm run bench` (validators part): the generated validators against Ajv compiling the same schemas at run time
 * and against the zod schemas @hey-api/openapi-ts (zod plugin) generates from the same spec, on the largest payloads
 * the specs describe, valid and invalid; and the time from import to first validation in fresh child processes.
 *
 * Targets (from the validators issue): throughput >= 0.9x run-time Ajv and >= 2x zod; import to first validation
 * >= 10x faster than Ajv compiling at start-up. Figures are medians; the machine is shared, so they move a little.
 *
 * Then the cost of generating the validators (the schema set and Ajv's compilation, on one thread: CPU time, wall
 * time, compiled.ts size) on the synthetic spec of bench/synthetic-spec.ts and on GitHub's REST description (issue
 * 12's large real spec); and the size of one validator alone in a browser bundle (esbuild, minified ESM, gzip),
 * which tree-shaking decides.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { createClient } from "@hey-api/openapi-ts";
import { build } from "esbuild";
import ts from "typescript";
import { emitTypes } from "../generator/emit/types.js";
import { emitValidators } from "../generator/emit/validators.js";
import { emitRuntime } from "../generator/emit/runtime.js";
import { loadSpec } from "../generator/load.js";
import type { ApiModel } from "../generator/model.js";
import { pascalCase } from "../generator/names.js";
import { readRuntimeFiles, TEMPLATES_RUNTIME_DIR } from "../generator/pipeline.js";
import { createAjv } from "../generator/validators/compile.js";
import { buildSchemaSet } from "../generator/validators/schema-set.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = path.join(ROOT, "test-output", "bench-validators");
const ROUNDS = 9;
const ROUND_MS = 150;
const STARTUP_RUNS = 7;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

interface Case {
  readonly label: string;
  readonly spec: string;
  readonly schema: string;
  readonly payload: Json;
}

function fixture(spec: string, file: string): Json {
  return JSON.parse(readFileSync(path.join(ROOT, "test", "fixtures", spec, file), "utf8")) as Json;
}

function times<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

/** The schema name a response's `$ref` names, so the bench follows the spec rather than guessing names. */
function responseSchemaName(model: ApiModel, operationId: string, status: string): string {
  const operation = model.operations.find((candidate) => candidate.operationId === operationId);
  const schema = operation?.responses.find((response) => response.status === status)?.content[0]?.schema;
  const ref = typeof schema === "object" && schema !== null ? schema.$ref : undefined;
  if (typeof ref !== "string") throw new Error(`bench: ${operationId} ${status} has no named response schema`);
  return decodeURIComponent(ref.split("/").pop()!);
}

function buildCases(models: Readonly<Record<string, ApiModel>>): Case[] {
  const order = fixture("nextcommerce", "ordersCollectPaymentCreate.response.200.json") as Obj;
  const lines = order.lines as Obj[];
  const manyLines = { ...order, lines: times(12, (index) => ({ ...lines[0]!, id: index + 1 })) };

  const collection = (fixture("medusa", "createPaymentCollection.response.200.json") as Obj).payment_collection as Obj;
  const payment = (collection.payments as Obj[])[0]!;
  const captures = payment.captures as Obj[];
  const refunds = payment.refunds as Obj[];
  const bigCollection = {
    ...collection,
    payments: times(6, (index) => ({
      ...payment,
      id: `pay_${index}`,
      captures: times(4, (c) => ({ ...captures[0]!, id: `cap_${index}_${c}` })),
      refunds: times(4, (r) => ({ ...refunds[0]!, id: `ref_${index}_${r}` })),
    })),
  };

  const refundList = fixture("bigcommerce", "getRefunds.response.200.json") as Obj;
  const refund = (refundList.data as Obj[])[0]!;
  const bigList = { ...refundList, data: times(100, (index) => ({ ...refund, id: index + 1 })) };

  return [
    { label: "Next Commerce Order (example, 1 line)", spec: "nextcommerce", schema: "Order", payload: order },
    { label: "Next Commerce Order, 12 lines", spec: "nextcommerce", schema: "Order", payload: manyLines },
    { label: "Medusa PaymentCollection, 6 payments x 4 captures + 4 refunds", spec: "medusa", schema: "PaymentCollection", payload: bigCollection },
    { label: "BigCommerce refund list, 100 refunds", spec: "bigcommerce", schema: responseSchemaName(models.bigcommerce!, "getRefunds", "200"), payload: bigList },
  ];
}

/** The same payload with one value deep inside (in the last array item) of the wrong type: a realistic bad answer. */
function invalidate(payload: Json, isValid: (value: unknown) => boolean): Json {
  const leaves: Array<Array<string | number>> = [];
  const walk = (value: Json, at: Array<string | number>): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...at, index]));
    else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, [...at, key]);
    else leaves.push(at);
  };
  walk(payload, []);
  for (const leaf of leaves.reverse()) {
    const copy = structuredClone(payload);
    let node = copy as Obj;
    for (const step of leaf.slice(0, -1)) node = node[step as string] as Obj;
    const last = leaf[leaf.length - 1] as string;
    node[last] = typeof node[last] === "string" ? 12.5 : "not a number";
    if (!isValid(copy)) return copy;
  }
  throw new Error("bench: no single-leaf change makes the payload invalid");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Operations per second of `fn(data)`, over about `ms` milliseconds. */
function opsPerSecond(fn: (data: unknown) => unknown, data: unknown, ms: number): number {
  let sink = 0;
  let iterations = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let index = 0; index < 200; index++) if (fn(data)) sink++;
    iterations += 200;
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink < 0) console.log(sink);
  return iterations / (Number(elapsed) / 1e9);
}

/** Medians over interleaved rounds, so that machine noise hits every contender alike. */
function race(contenders: Readonly<Record<string, (data: unknown) => unknown>>, data: unknown): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (const fn of Object.values(contenders)) opsPerSecond(fn, data, 50); // warm-up (JIT)
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(contenders)) samples[name]!.push(opsPerSecond(fn, data, ROUND_MS));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

async function writeFiles(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
}

/** generated/<spec>/validators.ts when the generator has written it, else a fresh emit into the bench folder. */
async function validatorsModule(spec: string, model: ApiModel): Promise<{ file: string; origin: string }> {
  const committed = path.join(ROOT, "generated", spec, "validators.ts");
  if (existsSync(committed)) return { file: committed, origin: `generated/${spec}/validators.ts` };
  const dir = path.join(WORK, "generated", spec);
  await writeFiles(dir, {
    ...emitValidators(model).files,
    "schema.ts": await emitTypes(model),
    ...emitRuntime(await readRuntimeFiles(TEMPLATES_RUNTIME_DIR)),
  });
  return { file: path.join(dir, "validators.ts"), origin: `emitValidators() output in ${path.relative(ROOT, dir)} (generated/${spec} not written yet)` };
}

/** hey-api's zod plugin on the same bundled document, into a scratch folder (never committed). */
async function zodModule(spec: string, model: ApiModel): Promise<string> {
  const dir = path.join(WORK, "zod", spec);
  await rm(dir, { recursive: true, force: true });
  await createClient({ input: structuredClone(model.document), output: { path: dir }, plugins: ["zod"], logs: { level: "silent" } } as never);
  return path.join(dir, "zod.gen.ts");
}

function zodName(schema: string): string {
  return `z${pascalCase(schema)}`;
}

function runtimeAjv(model: ApiModel, schema: string): (data: unknown) => boolean {
  const set = buildSchemaSet(model);
  const ajv = createAjv({ annotationFormats: set.unknownFormats, formats: "ajv-formats" });
  ajv.addSchema({ $id: "https://payspec.bench/doc.json", components: { schemas: model.schemas } });
  const validate = ajv.getSchema(`https://payspec.bench/doc.json#/components/schemas/${encodeURIComponent(schema)}`);
  if (!validate) throw new Error(`bench: run-time Ajv cannot find ${schema}`);
  return (data) => validate(data) as boolean;
}

/**
 * The child measures from just before the first import to just after the first validation. Ajv is configured with
 * the options of generator/validators/compile.ts (createAjv), written out so that the child loads nothing else.
 */
const CHILD = `
import { readFileSync } from "node:fs";
const [state, kind, target, name, payloadFile, schemasFile] = process.argv.slice(2);
const payload = JSON.parse(readFileSync(payloadFile, "utf8"));
const spec = schemasFile ? JSON.parse(readFileSync(schemasFile, "utf8")) : undefined;
if (state === "warm") {
  // What any real process has done before it imports validators: loaded an ES module and a CommonJS one (which
  // starts Node's CommonJS-from-ESM interop). Unrelated one-line modules, so neither side gets a head start.
  await import(new URL("./warm.mjs", import.meta.url).href);
  await import(new URL("./warm.cjs", import.meta.url).href);
}
const start = performance.now();
let ok;
if (kind === "generated") {
  const module = await import(target);
  ok = module[name](payload).ok;
} else if (kind === "ajv") {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const { default: addFormats } = await import("ajv-formats");
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv, { mode: "full" });
  for (const format of ["decimal", ...spec.unknownFormats]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: "https://payspec.bench/doc.json", components: { schemas: spec.schemas } });
  ok = ajv.getSchema("https://payspec.bench/doc.json#/components/schemas/" + encodeURIComponent(name))(payload);
} else {
  const module = await import(target);
  ok = module[name].safeParse(payload).success;
}
const elapsed = performance.now() - start;
console.log(JSON.stringify({ ms: elapsed, ok }));
`;

function childMs(loader: "node" | "tsx", state: "cold" | "warm", args: readonly string[]): number {
  const flags = loader === "tsx" ? ["--import", "tsx"] : [];
  const output = execFileSync(process.execPath, [...flags, path.join(WORK, "child.mjs"), state, ...args], { cwd: ROOT, encoding: "utf8" });
  const line = output.trim().split("\n").pop()!;
  const { ms, ok } = JSON.parse(line) as { ms: number; ok: boolean };
  if (ok !== true) throw new Error(`bench child ${args[0]} did not accept the payload`);
  return ms;
}

/**
 * What a user ships: the generated TypeScript compiled to JavaScript (ts.transpileModule, as tsc would emit it), so
 * that the child runs on plain Node with no TypeScript loader.
 */
async function transpileFolder(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const relative = path.relative(from, source);
    await mkdir(path.dirname(path.join(to, relative)), { recursive: true });
    if (entry.name.endsWith(".d.ts")) continue;
    if (entry.name.endsWith(".ts")) {
      const output = ts.transpileModule(await readFile(source, "utf8"), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      });
      await writeFile(path.join(to, relative.replace(/\.ts$/, ".js")), output.outputText);
    } else if (entry.name.endsWith(".js")) {
      await writeFile(path.join(to, relative), await readFile(source));
    }
  }
}

function fmt(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function verdict(met: boolean): string {
  return met ? "met" : "NOT MET";
}

async function main(): Promise<void> {
  await mkdir(WORK, { recursive: true });
  await writeFile(path.join(WORK, "child.mjs"), CHILD);
  await writeFile(path.join(WORK, "warm.mjs"), "export default 1;\n");
  await writeFile(path.join(WORK, "warm.cjs"), "module.exports = 1;\n");
  const models: Record<string, ApiModel> = {};
  for (const spec of ["nextcommerce", "medusa", "bigcommerce"]) models[spec] = await loadSpec(path.join(ROOT, "specs", `${spec}.yaml`));
  const cases = buildCases(models);
  console.log("validators bench: generated (Ajv standalone) vs run-time Ajv vs hey-api zod (zod 4); medians of", ROUNDS, "rounds");
  console.log(`node ${process.version}; targets: throughput >= 0.9x Ajv and >= 2x zod; import-to-first-validation >= 10x faster than Ajv compiling at start-up\n`);

  const modules: Record<string, { file: string; module: Record<string, (value: unknown) => unknown> }> = {};
  const zods: Record<string, { file: string; module: Record<string, { safeParse(value: unknown): { success: boolean } }> }> = {};
  for (const spec of Object.keys(models)) {
    const { file, origin } = await validatorsModule(spec, models[spec]!);
    console.log(`${spec}: ${origin}`);
    modules[spec] = { file, module: (await import(pathToFileURL(file).href)) as Record<string, (value: unknown) => unknown> };
    const zodFile = await zodModule(spec, models[spec]!);
    zods[spec] = { file: zodFile, module: (await import(pathToFileURL(zodFile).href)) as never };
  }
  console.log("");

  const rows: string[][] = [];
  const failures: string[] = [];
  for (const entry of cases) {
    const generated = modules[entry.spec]!.module;
    const suffix = pascalCase(entry.schema);
    const isX = generated[`is${suffix}`] as (value: unknown) => boolean;
    const validateX = generated[`validate${suffix}`] as (value: unknown) => { ok: boolean };
    const ajv = runtimeAjv(models[entry.spec]!, entry.schema);
    const zodSchema = zods[entry.spec]!.module[zodName(entry.schema)];
    if (!zodSchema) throw new Error(`bench: hey-api emitted no ${zodName(entry.schema)}`);
    if (!isX(entry.payload) || !ajv(entry.payload)) throw new Error(`bench: the ${entry.label} payload is not valid`);
    const invalid = invalidate(entry.payload, (value) => ajv(value));
    const size = JSON.stringify(entry.payload).length;
    for (const [variant, data] of [["valid", entry.payload], ["invalid", invalid]] as const) {
      const zodAgrees = zodSchema.safeParse(data).success === (variant === "valid");
      const results = race(
        {
          "generated validateX": (value) => validateX(value).ok,
          "generated isX": isX,
          "run-time Ajv": ajv,
          "zod safeParse": (value) => zodSchema.safeParse(value).success,
        },
        data,
      );
      // Like for like: isX against Ajv's validate (both: a boolean and Ajv's error objects); validateX against zod's
      // safeParse (both: a result object with issues a person can read).
      const vsAjv = results["generated isX"]! / results["run-time Ajv"]!;
      const vsZod = results["generated validateX"]! / results["zod safeParse"]!;
      rows.push([
        `${entry.label} (${fmt(size / 1024, 1)} KB), ${variant}`,
        fmt(results["generated isX"]!),
        fmt(results["generated validateX"]!),
        fmt(results["run-time Ajv"]!),
        fmt(results["zod safeParse"]!),
        `${fmt(vsAjv, 2)}x ${verdict(vsAjv >= 0.9)}`,
        `${fmt(vsZod, 2)}x ${verdict(vsZod >= 2)}${zodAgrees ? "" : " (zod disagrees)"}`,
      ]);
      if (vsAjv < 0.9) failures.push(`${entry.label} ${variant}: ${fmt(vsAjv, 2)}x Ajv`);
      if (vsZod < 2) failures.push(`${entry.label} ${variant}: ${fmt(vsZod, 2)}x zod`);
    }
  }
  printTable(["payload", "isX ops/s", "validateX ops/s", "Ajv ops/s", "zod ops/s", "isX vs Ajv (>=0.9x)", "validateX vs zod (>=2x)"], rows);
  console.log(
    "isX and run-time Ajv run the same kind of code, except formats: run-time Ajv uses ajv-formats' full checks, the generated code payspec's\n" +
      "(same verdicts: test/generator/validators/formats.test.ts; faster date-times, a fast path for plain http(s) uris); and each $ref is a\n" +
      "call in the generated code (so that a bundle keeps only what it reaches) where Ajv inlines small targets.",
  );

  // Import to first validation, in fresh processes: as shipped (JavaScript on plain Node) and in the TypeScript dev
  // loop (tsx loader in every child, so both sides pay the same loader start-up); in a brand-new process, and with
  // Node's module loaders already started as in any real application (see CHILD).
  console.log(`\nimport to first validation (fresh node processes, median of ${STARTUP_RUNS}):`);
  const startupRows: string[][] = [];
  for (const entry of [cases[0]!, cases[2]!, cases[3]!]) {
    const model = models[entry.spec]!;
    const set = buildSchemaSet(model);
    const payloadFile = path.join(WORK, `${entry.spec}-${entry.schema}.json`);
    const schemasFile = path.join(WORK, `${entry.spec}-schemas.json`);
    await writeFile(payloadFile, JSON.stringify(entry.payload));
    await writeFile(schemasFile, JSON.stringify({ schemas: model.schemas, unknownFormats: set.unknownFormats }));
    const jsDir = path.join(WORK, "js", entry.spec);
    const clientDir = path.dirname(modules[entry.spec]!.file);
    await transpileFolder(clientDir, path.join(jsDir, "generated"));
    // The curated clients share generated/runtime, imported as ../runtime: it goes beside, as in the repository.
    const sharedRuntime = path.join(clientDir, "..", "runtime");
    if (!existsSync(path.join(clientDir, "runtime")) && existsSync(sharedRuntime)) await transpileFolder(sharedRuntime, path.join(jsDir, "runtime"));
    await transpileFolder(path.dirname(zods[entry.spec]!.file), path.join(jsDir, "zod"));
    const validateName = `validate${pascalCase(entry.schema)}`;
    const variants = {
      node: {
        generated: ["generated", pathToFileURL(path.join(jsDir, "generated", "validators.js")).href, validateName, payloadFile],
        zod: ["zod", pathToFileURL(path.join(jsDir, "zod", "zod.gen.js")).href, zodName(entry.schema), payloadFile],
      },
      tsx: {
        generated: ["generated", pathToFileURL(modules[entry.spec]!.file).href, validateName, payloadFile],
        zod: ["zod", pathToFileURL(zods[entry.spec]!.file).href, zodName(entry.schema), payloadFile],
      },
    } as const;
    const ajvArgs = ["ajv", "", entry.schema, payloadFile, schemasFile];
    for (const [loader, state] of [["node", "cold"], ["node", "warm"], ["tsx", "cold"]] as const) {
      const { generated, zod } = variants[loader];
      for (const args of [generated, ajvArgs, zod]) childMs(loader, state, args); // warm the disk cache and tsx's transform cache alike
      // Interleaved, so that a change in the machine's load hits the three alike.
      const samples: [number[], number[], number[]] = [[], [], []];
      for (let run = 0; run < STARTUP_RUNS; run++) {
        samples[0].push(childMs(loader, state, generated));
        samples[1].push(childMs(loader, state, ajvArgs));
        samples[2].push(childMs(loader, state, zod));
      }
      const [generatedMs, ajvMs, zodMs] = samples.map(median) as [number, number, number];
      const speedup = ajvMs / generatedMs;
      // The target is judged on what a user ships, JavaScript on Node. Under tsx, tsx transforms the generated
      // TypeScript (and compiled.js) on every import but not Ajv's JavaScript in node_modules: a figure of the dev
      // loop, shown for information.
      const judged = loader === "node";
      startupRows.push([
        `${entry.spec} ${entry.schema}`,
        `${loader === "node" ? "JavaScript, node" : "TypeScript, tsx"}, ${state === "cold" ? "new process" : "loaders warm"}`,
        `${fmt(generatedMs, 1)} ms`,
        `${fmt(ajvMs, 1)} ms`,
        `${fmt(zodMs, 1)} ms`,
        `${fmt(speedup, 1)}x ${judged ? verdict(speedup >= 10) : "(dev loop, information)"}`,
      ]);
      if (judged && speedup < 10) failures.push(`${entry.spec} ${entry.schema} start-up (${loader}, ${state}): ${fmt(speedup, 1)}x`);
    }
  }
  printTable(["schema", "modules run as", "generated", "Ajv compile at start-up", "zod (hey-api)", "speed-up vs Ajv (>=10x)"], startupRows);

  await generationCost();
  await oneValidatorBundle();

  console.log(failures.length === 0 ? "\nall validator targets met" : `\ntargets not met:\n  ${failures.join("\n  ")}`);
}

/**
 * What generating the validators costs (bench/validators-generation.ts), in a worker thread with the deep stack the
 * generator runs with (Ajv compiles `$ref` chains recursively: the synthetic spec's overflow the main thread's).
 */
async function generationCost(): Promise<void> {
  // The worker loads TypeScript through tsx's API: a worker does not inherit the parent's tsx loader.
  const entry = new URL("./validators-generation.ts", import.meta.url).href;
  const worker = new Worker(`require("tsx/cjs/api").register(); import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, {
    eval: true,
    resourceLimits: { stackSizeMb: 256 },
  });
  const rows = await new Promise<string[][]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();
  console.log("\nvalidators generation (one thread, median of 3; CPU time is what other work on the machine moves least):");
  printTable(["spec", "schema set (CPU)", "Ajv + module (CPU)", "wall", "compiled.ts"], rows);
}

/** One named schema's compiled validator alone in a browser bundle: what tree-shaking leaves of compiled.js. */
async function oneValidatorBundle(): Promise<void> {
  const rows: string[][] = [];
  for (const [spec, schema] of [["nextcommerce", "Order"], ["bigcommerce", "Refund"], ["medusa", "PaymentCollection"]] as const) {
    const compiled = path.join(ROOT, "generated", spec, "validation", "compiled.ts");
    if (!existsSync(compiled)) continue;
    const entry = path.join(WORK, `bundle-${spec}.mjs`);
    const specifier = `./${path.relative(WORK, compiled).split(path.sep).join("/")}`;
    await writeFile(entry, `import { schema${pascalCase(schema)} as check } from ${JSON.stringify(specifier)};\nglobalThis.result = check({});\n`);
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
    const text = result.outputFiles[0]!.text;
    rows.push([`${spec} ${schema}`, `${fmt(text.length / 1024, 1)} KB`, `${fmt(gzipSync(text, { level: 9 }).length / 1024, 1)} KB`]);
  }
  console.log("\none schema's compiled validator alone, bundled (esbuild, minified ESM for the browser):");
  printTable(["schema", "minified", "gzip"], rows);
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

await main();
