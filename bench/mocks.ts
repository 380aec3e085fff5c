/**
 * `tsx bench/mocks.ts [--from <dir>] [--only <name>] [--runs 3] [--faker]` (part of `npm run bench`)
 *
 * Start-up of the two mocks of a spec, each measured in a fresh process, from nothing to the first answer:
 * - MSW: `import("msw/node")` and the generated `msw.js`, `setupServer(...handlers())`, one `fetch` answered;
 * - Prism: payspec's mock module imported, `startMock` (Prism's process starts, resolves the spec, listens) and the
 *   same request answered.
 * Memory is each process's peak resident set (the MSW process's own; Prism's process, VmHWM). Beside them, "msw
 * alone": msw/node and one handler answering a constant, the floor under any generated handlers.
 * Target (issue 15): MSW answers its first request at least 10x sooner than Prism.
 *
 * Specs: the four in specs/, and the largest of the real-world corpus, GitHub's REST description (@octokit/openapi,
 * 1,223 operations, 13 MB), read from `--from <dir>/node_modules` or the corpus cache (`npm run corpus` installs it);
 * its client is generated into test-output/bench-mocks/ first (not timed).
 *
 * `--faker` also measures Prism's dynamic mode under json-schema-faker option sets on GitHub's description and on
 * each `--faker-spec <file>` (30 GET operations, one request each): answers, 500s, time, Prism's peak memory.
 * Options are recommended in mock/README.md only from these figures.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { parse as parseYaml } from "yaml";
import { startMock } from "../mock/index.js";

const REPO = path.resolve(import.meta.dirname, "..");
const WORK = path.join(REPO, "test-output", "bench-mocks");
const CORPUS_CACHE = path.join(REPO, "node_modules", ".cache", "payspec-corpus");
const TARGET_RATIO = 10;
/** payspec's mock module as a user's test imports it (compiled by `npm run compile`, which `npm run bench` runs). */
const MOCK_MODULE = path.join(REPO, "dist", "mock", "index.js");

interface BenchSpec {
  readonly name: string;
  readonly spec: string;
  /** The compiled msw.js of its client. */
  readonly msw: string;
  readonly baseUrl: string;
  /** The request both mocks answer: a path, with a bearer token sent (ignored where no credential is needed). */
  readonly path: string;
  readonly method: string;
}

interface Figure {
  readonly ms: number;
  /** MSW only: from msw/node loaded (what any MSW setup pays) to the first answer: the handlers' own part. */
  readonly handlersMs?: number;
  readonly peakMiB: number;
  readonly status: number;
}

const { values } = parseArgs({
  options: {
    from: { type: "string" },
    only: { type: "string" },
    runs: { type: "string", default: "3" },
    faker: { type: "boolean", default: false },
    "faker-spec": { type: "string", multiple: true },
  },
});
const RUNS = Math.max(1, Number(values.runs));

/** An operation in a generated msw.js (tsc or esbuild output): its method and path. */
const OPERATION = /\{\s*"operationId":\s*"[^"]*",\s*"method":\s*"([a-z]+)",\s*"path":\s*"([^"]*)"/;

/** The first operation's method and a concrete path (each `{param}` filled with `1`). */
function firstRequest(msw: string): { method: string; path: string } {
  const match = OPERATION.exec(readFileSync(msw, "utf8"));
  if (!match) throw new Error(`no operation found in ${msw}`);
  return { method: match[1]!.toUpperCase(), path: match[2]!.replace(/\{[^}]+\}/g, "1") };
}

function curated(name: string): BenchSpec {
  const msw = path.join(REPO, "dist", "generated", name, "msw.js");
  if (!existsSync(msw)) throw new Error(`${msw} is missing: run npm run compile`);
  return { name, spec: path.join(REPO, "specs", `${name}.yaml`), msw, baseUrl: "http://mock.test", ...firstRequest(msw) };
}

/** GitHub's description: its client generated once, then its .ts turned into .js file by file (esbuild, not bundled). */
async function github(): Promise<BenchSpec | undefined> {
  const roots = [values.from, CORPUS_CACHE].filter((root): root is string => root !== undefined);
  const spec = roots.map((root) => path.join(path.resolve(root), "node_modules", "@octokit", "openapi", "generated", "api.github.com.json")).find(existsSync);
  if (spec === undefined) {
    console.log("GitHub's REST description not found: run `npm run corpus` once (it installs it), or pass --from <dir with node_modules/@octokit/openapi>.\n");
    return undefined;
  }
  const source = path.join(WORK, "github");
  const compiled = path.join(WORK, "github-js");
  if (!existsSync(path.join(compiled, "msw.js"))) {
    console.log("Generating GitHub's client for the MSW handlers (once, not timed)...");
    rmSync(source, { recursive: true, force: true });
    execFileSync(process.execPath, [path.join(REPO, "bin", "payspec.js"), "generate", spec, "--out", source, "--msw"], { stdio: "inherit" });
    // What msw.js imports: itself, the validators, and the runtime (index.ts and client.ts are not its business).
    const files = readdirSync(source, { recursive: true, encoding: "utf8" }).filter(
      (file) => /^(msw\.ts|validators\.ts|validation\/.*\.ts|runtime\/.*\.ts)$/.test(file.split(path.sep).join("/")) && !file.endsWith(".d.ts"),
    );
    await build({ entryPoints: files.map((file) => path.join(source, file)), outdir: compiled, outbase: source, format: "esm", platform: "node", logLevel: "error" });
  }
  return { name: "github", spec, msw: path.join(compiled, "msw.js"), baseUrl: "http://mock.test", ...firstRequest(path.join(compiled, "msw.js")) };
}

/** One fresh Node process: import msw and the handlers, set up the server, answer one request. */
function mswOnce(bench: BenchSpec): Promise<Figure> {
  return runOnce("msw", `
const started = performance.now();
const { setupServer } = await import("msw/node");
const mswLoaded = performance.now();
const { handlers } = await import(${JSON.stringify(pathToFileURL(bench.msw).href)});
const server = setupServer(...handlers({ baseUrl: ${JSON.stringify(bench.baseUrl)} }));
server.listen({ onUnhandledRequest: "error" });
const response = await fetch(${JSON.stringify(bench.baseUrl + bench.path)}, { method: ${JSON.stringify(bench.method)}, headers: { authorization: "Bearer bench" } });
await response.arrayBuffer();
const ms = performance.now() - started;
server.close();
console.log(JSON.stringify({ ms, handlersMs: performance.now() - mswLoaded, peakMiB: process.resourceUsage().maxRSS / 1024, status: response.status }));
`);
}

/**
 * The least any MSW handlers can take here: a fresh process that imports msw/node and msw's http entry, as msw.js
 * does, sets up one handler that answers the same request with a constant (no reading, no validation), and fetches.
 * What MSW itself costs; the generated handlers' own part is the difference.
 */
function mswAloneOnce(bench: BenchSpec): Promise<Figure> {
  return runOnce("msw-alone", `
const started = performance.now();
const { setupServer } = await import("msw/node");
const { http } = await import("msw/core/http");
const server = setupServer(http.all(/.*/, () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } })));
server.listen({ onUnhandledRequest: "error" });
const response = await fetch(${JSON.stringify(bench.baseUrl + bench.path)}, { method: ${JSON.stringify(bench.method)}, headers: { authorization: "Bearer bench" } });
await response.arrayBuffer();
const ms = performance.now() - started;
server.close();
console.log(JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024, status: response.status }));
`);
}

/** Peak resident set of a process (VmHWM), MiB. */
function peakOf(pid: number): number {
  try {
    const kib = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib === undefined ? Number.NaN : Number(kib) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The same line-of-JSON protocol for both mocks: a script run in a fresh Node process, its last stdout line. */
function runOnce(name: string, script: string): Promise<Figure> {
  const file = path.join(WORK, `${name}-once.mjs`);
  writeFileSync(file, script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!) as Figure) : reject(new Error(`${name} run exited ${code}`))));
  });
}

/**
 * One fresh Node process: payspec's mock module imported (the compiled dist/mock/index.js), `startMock` (Prism's own
 * process starts, loads and resolves the spec, listens), the same request answered. Measured in a fresh process like
 * the MSW side, so both pay for loading Node's fetch (undici) once: measured in this long-lived bench process instead,
 * Prism's figure would leave out the ~15 ms that MSW's includes.
 */
function prismOnce(bench: BenchSpec): Promise<Figure> {
  return runOnce("prism", `
import { readFileSync } from "node:fs";
const started = performance.now();
const { startMock } = await import(${JSON.stringify(pathToFileURL(MOCK_MODULE).href)});
const mock = await startMock({ spec: ${JSON.stringify(bench.spec)}, startupTimeoutMs: 300_000 });
const response = await fetch(mock.url + ${JSON.stringify(bench.path)}, { method: ${JSON.stringify(bench.method)}, headers: { authorization: "Bearer bench" } });
await response.arrayBuffer();
const ms = performance.now() - started;
const peakMiB = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync(\`/proc/\${mock.pid}/status\`, "utf8"))?.[1]) / 1024;
await mock.stop();
console.log(JSON.stringify({ ms, peakMiB, status: response.status }));
`);
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(run: () => Promise<Figure>): Promise<Figure> {
  const figures: Figure[] = [];
  for (let index = 0; index < RUNS; index++) figures.push(await run());
  const handlersMs = figures.map((f) => f.handlersMs).filter((ms): ms is number => ms !== undefined);
  return {
    ms: median(figures.map((f) => f.ms)),
    ...(handlersMs.length > 0 ? { handlersMs: median(handlersMs) } : {}),
    peakMiB: median(figures.map((f) => f.peakMiB)),
    status: figures[0]!.status,
  };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

async function startup(specs: readonly BenchSpec[]): Promise<void> {
  console.log(`Mock start-up, nothing to first answer (median of ${RUNS} fresh processes each); target: MSW ${TARGET_RATIO}x sooner than Prism\n`);
  const rows = [["spec", "request", "MSW", "(handlers)", "MSW peak", "msw alone", "Prism", "Prism peak", "Prism / MSW", "Prism / msw alone", "target"]];
  for (const bench of specs) {
    const msw = await measure(() => mswOnce(bench));
    const alone = await measure(() => mswAloneOnce(bench));
    const prism = await measure(() => prismOnce(bench));
    const ratio = prism.ms / msw.ms;
    rows.push([
      bench.name,
      `${bench.method} ${bench.path} (${msw.status}/${prism.status})`,
      fmt(msw.ms),
      msw.handlersMs !== undefined ? fmt(msw.handlersMs) : "",
      `${Math.round(msw.peakMiB)} MiB`,
      fmt(alone.ms),
      fmt(prism.ms),
      `${Math.round(prism.peakMiB)} MiB`,
      `${ratio.toFixed(1)}x`,
      `${(prism.ms / alone.ms).toFixed(1)}x`,
      ratio >= TARGET_RATIO ? "met" : "NOT MET",
    ]);
    console.log(`  ${bench.name}: done`);
  }
  console.log(`\n${table(rows)}\n`);
  console.log("MSW: a fresh process, from importing msw/node to the first answer; (handlers): from msw/node loaded, the");
  console.log("handlers' own part (importing msw.js and its validators, setupServer, the answer). msw alone: the same, with");
  console.log("one handler answering a constant in place of the generated ones: what MSW itself costs, the least any handlers take.");
  console.log("Prism: a fresh process, from importing payspec's mock module to the first answer (startMock: Prism's process");
  console.log("starts, loads and resolves the spec, listens).\n");
}

/** The GET operations of a spec file (JSON or YAML), each `{param}` filled with `1`: up to `count`, spread evenly. */
function getPaths(specFile: string, count: number): string[] {
  const document = parseYaml(readFileSync(specFile, "utf8"), { maxAliasCount: -1 }) as { paths?: Record<string, Record<string, unknown>> };
  const gets = Object.entries(document.paths ?? {})
    .filter(([, item]) => item && typeof item === "object" && "get" in item)
    .map(([template]) => template.replace(/\{[^}]+\}/g, "1"));
  const step = Math.max(1, Math.floor(gets.length / count));
  return gets.filter((_, index) => index % step === 0).slice(0, count);
}

/** Prism's dynamic mode under json-schema-faker option sets: up to 30 GET operations of each spec, one request each. */
async function fakerOptions(specFiles: readonly string[]): Promise<void> {
  const sets: Record<string, Record<string, unknown> | undefined> = {
    "Prism's defaults": undefined,
    "refDepthMax 1, optionals 0.5": { refDepthMax: 1, alwaysFakeOptionals: false, optionalsProbability: 0.5, fixedProbabilities: false },
    "required only": { alwaysFakeOptionals: false, optionalsProbability: 0, requiredOnly: true },
  };
  for (const specFile of specFiles) {
    const sample = getPaths(specFile, 30);
    console.log(`Prism dynamic mode on ${path.basename(specFile)} (${sample.length} GET operations, one request each, 20 s limit a request, stopped past 3 GiB)\n`);
    const rows = [["faker options", "200", "500", "other", "timed out", "median answer", "slowest", "Prism peak"]];
    for (const [label, options] of Object.entries(sets)) {
      const mock = await startMock({ spec: specFile, dynamic: true, seed: 1, startupTimeoutMs: 300_000, ...(options ? { fakerOptions: options } : {}) });
      const counts = { ok: 0, error: 0, other: 0, timeout: 0 };
      const times: number[] = [];
      try {
        for (const requestPath of sample) {
          const started = performance.now();
          try {
            const response = await fetch(mock.url + requestPath, { headers: { authorization: "Bearer bench" }, signal: AbortSignal.timeout(20_000) });
            await response.arrayBuffer();
            if (response.status === 200) counts.ok++;
            else if (response.status >= 500) counts.error++;
            else counts.other++;
          } catch {
            counts.timeout++;
          }
          times.push(performance.now() - started);
          if (peakOf(mock.pid) > 3 * 1024) break;
        }
      } finally {
        rows.push([label, String(counts.ok), String(counts.error), String(counts.other), String(counts.timeout), fmt(median(times)), fmt(Math.max(...times)), `${Math.round(peakOf(mock.pid))} MiB`]);
        await mock.stop();
      }
    }
    console.log(`${table(rows)}\n`);
  }
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

mkdirSync(WORK, { recursive: true });
const specs = [...["nextcommerce", "bigcommerce", "medusa", "payments"].map(curated)];
const real = await github();
if (real !== undefined) specs.push(real);
const chosen = specs.filter((bench) => values.only === undefined || bench.name === values.only);
await startup(chosen);
if (values.faker) await fakerOptions([...(real !== undefined ? [real.spec] : []), ...(values["faker-spec"] ?? [])]);
