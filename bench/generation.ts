/**
 * Generation benchmark: wall time, CPU time and peak memory (RSS high-water) of the `payspec generate` bin, against
 * openapi-typescript alone (types only) and @hey-api/openapi-ts (fetch SDK + zod plugin), each run in a fresh child
 * process, on each of the four specs, on all four at once, on a synthetic spec of 500 operations and 2,000 schemas
 * (bench/synthetic-spec.ts), and on GitHub's REST description (bench/collections.ts); then the installed size of
 * the packed package.
 *
 * Targets: our full output within 1.5x of openapi-typescript's wall time and faster than hey-api (issue 3); under
 * 1 GiB, and under 2 GiB on GitHub's REST description (issue 12). On the synthetic spec and GitHub's REST description
 * it also prints the floor of any generator of types and Ajv validators: openapi-typescript's time plus Ajv's own
 * compile time of the same validators (bench/ajv-floor.ts), which alone is over the half of openapi-typescript's time
 * that 1.5x leaves.
 *
 * What is timed is the command behind each tool, without npm's own start-up (about 0.3 s, the same for everyone):
 * - payspec: bin/payspec.js, the compiled dist/ a user's installed package runs (`npm run bench` compiles it first);
 * - openapi-typescript and hey-api: their CLIs (`bin/` scripts), in a folder of their own so that the repo's
 *   redocly.yaml (stricter rules) does not apply to them.
 * "All four specs" is each tool's own way of doing several APIs in one run, as a user would: `payspec generate`
 * with no argument (every API of a redocly.yaml, in a copy of the project), openapi-typescript with a redocly.yaml
 * listing the four APIs with `x-openapi-ts.output` (its documented multi-schema mode, "minimal" rules like openapiTS's
 * default), hey-api with `-i` four inputs and `-o` four outputs.
 * Runs are interleaved (tool A, B, C, D, A, B, ...) so that load from other processes falls on every tool alike.
 *
 *   tsx bench/generation.ts            (BENCH_RUNS=5 for more runs per cell; default 3)
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { folderBytes, newProject, packWorkingTree } from "../test/support/packed-install.js";
import { collections } from "./collections.js";
import { SYNTHETIC_OPERATIONS, SYNTHETIC_SCHEMAS, writeSyntheticSpec } from "./synthetic-spec.js";

const GITHUB_CASE = "GitHub's REST description";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(REPO, "test-output/bench-generation");
const RUNS = Math.max(1, Number(process.env["BENCH_RUNS"] ?? 3));
const TIME = "/usr/bin/time";
const HAS_TIME = existsSync(TIME);
const GIB_MIB = 1024;
/** Without /usr/bin/time, the child reports its own peak RSS and CPU time on exit through this preload. */
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  'import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.resourceUsage(); writeSync(2, `\\nBENCH_RUSAGE ${u.maxRSS} ${u.userCPUTime} ${u.systemCPUTime}\\n`); });',
)}`;

/** One benchmark case: a name, its spec files, and a folder to work in. */
interface Case {
  readonly label: string;
  readonly specs: readonly string[];
  /** Also measure the floor of types + Ajv validators on its one spec (`describeFloor`). */
  readonly floor?: boolean;
}

interface Tool {
  readonly name: string;
  /** Has a verdict against the targets. */
  readonly judged?: boolean;
  /** Arguments after `node`, and the working directory, for the specs of a case, writing under `out`. */
  command(specs: readonly string[], out: string): { args: string[]; cwd: string };
}

const NAMES = (specs: readonly string[]) => specs.map((spec) => path.basename(spec).replace(/\.\w+$/, ""));

/** A project with a redocly.yaml listing the specs, for `payspec generate` with no argument: it writes generated/. */
function projectCopy(specs: readonly string[], out: string): string {
  mkdirSync(path.join(out, "specs"), { recursive: true });
  for (const spec of specs) cpSync(spec, path.join(out, "specs", path.basename(spec)));
  const apis = Object.fromEntries(NAMES(specs).map((name, index) => [name, { root: `specs/${path.basename(specs[index]!)}` }]));
  writeFileSync(path.join(out, "redocly.yaml"), stringify({ apis }));
  return out;
}

const BIN = path.join(REPO, "bin", "payspec.js");
const PAYSPEC: Tool = {
  name: "payspec generate (bin)",
  judged: true,
  command: (specs, out) =>
    specs.length === 1
      ? { args: [BIN, "generate", specs[0]!, "--out", path.join(out, "client")], cwd: REPO }
      : { args: [BIN, "generate"], cwd: projectCopy(specs, out) },
};
const OPENAPI_TYPESCRIPT: Tool = {
  name: "openapi-typescript (types only)",
  command: (specs, out) => {
    const cli = path.join(REPO, "node_modules/openapi-typescript/bin/cli.js");
    if (specs.length === 1) return { args: [cli, specs[0]!, "-o", path.join(out, "schema.ts")], cwd: out };
    const apis = Object.fromEntries(
      specs.map((spec, index) => [NAMES(specs)[index], { root: spec, "x-openapi-ts": { output: path.join(out, NAMES(specs)[index]!, "schema.ts") } }]),
    );
    writeFileSync(path.join(out, "redocly.yaml"), stringify({ extends: ["minimal"], apis }));
    return { args: [cli], cwd: out };
  },
};
const HEY_API: Tool = {
  name: "@hey-api/openapi-ts (fetch SDK + zod)",
  command: (specs, out) => ({
    args: [
      path.join(REPO, "node_modules/@hey-api/openapi-ts/bin/run.js"),
      ...["-i", ...specs, "-o", ...NAMES(specs).map((name) => path.join(out, name))],
      ...["-c", "@hey-api/client-fetch", "-p", "@hey-api/typescript", "@hey-api/sdk", "zod", "--silent", "--no-log-file"],
    ],
    cwd: out,
  }),
};
const TOOLS: readonly Tool[] = [PAYSPEC, OPENAPI_TYPESCRIPT, HEY_API];

interface Measure {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly rssMiB: number;
}

type Outcome = Measure | { readonly error: string };

function runOnce(tool: Tool, specs: readonly string[], out: string): Outcome {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { args, cwd } = tool.command(specs, out);
  const nodeArgs = HAS_TIME ? args : ["--import", RSS_PRELOAD, ...args];
  const command = HAS_TIME ? TIME : process.execPath;
  const commandArgs = HAS_TIME ? ["-v", process.execPath, ...nodeArgs] : nodeArgs;
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    const reason = result.stderr.split("\n").find((line) => /error/i.test(line) && !line.includes("Command exited")) ?? `exit ${result.status}`;
    return { error: reason.trim().slice(0, 300) };
  }
  if (HAS_TIME) {
    const field = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(result.stderr)?.[1] ?? Number.NaN);
    return {
      wallMs,
      cpuMs: (field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 1000,
      rssMiB: field("Maximum resident set size \\(kbytes\\)") / 1024,
    };
  }
  const usage = /BENCH_RUSAGE (\d+) (\d+) (\d+)/.exec(result.stderr);
  return { wallMs, cpuMs: (Number(usage?.[2]) + Number(usage?.[3])) / 1000, rssMiB: Number(usage?.[1]) / 1024 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Ajv's compile time of the spec's validator schemas, Ajv run as is (bench/ajv-floor.ts), in a fresh process: with
 * openapi-typescript's wall time, the floor of any generator of types and Ajv validators.
 */
function ajvCompileMs(spec: string): { ms: number; exports: number } {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "bench/ajv-floor.ts"), spec], { cwd: REPO, encoding: "utf8" });
  const match = /AJV_COMPILE_MS (\d+) (\d+)/.exec(result.stdout);
  if (result.status !== 0 || match === null) throw new Error(`bench/ajv-floor.ts failed on ${spec}: ${result.stderr.slice(0, 500)}`);
  return { ms: Number(match[1]), exports: Number(match[2]) };
}

interface Measured {
  readonly outcomes: Map<Tool, Outcome>;
  /** For a case with `floor`: the median of Ajv's compile times, and how many validators it compiled. */
  readonly ajv?: { readonly ms: number; readonly exports: number };
}

/**
 * Every tool on one case, runs interleaved; a tool that fails once is reported as failed and not run again. For a
 * case with `floor`, Ajv's compile time of its one spec is measured in each round too.
 */
function measureCase(testCase: Case): Measured {
  const runs = new Map<Tool, Measure[]>(TOOLS.map((tool) => [tool, []]));
  const failures = new Map<Tool, string>();
  const ajvMs: number[] = [];
  let exports = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const tool of TOOLS) {
      if (failures.has(tool)) continue;
      const out = path.join(WORK, "out", tool.name.replace(/\W+/g, "-"));
      const outcome = runOnce(tool, testCase.specs, out);
      if ("error" in outcome) failures.set(tool, outcome.error);
      else runs.get(tool)!.push(outcome);
    }
    if (testCase.floor === true) {
      const measured = ajvCompileMs(testCase.specs[0]!);
      ajvMs.push(measured.ms);
      exports = measured.exports;
    }
  }
  const outcomes = new Map(
    TOOLS.map((tool): [Tool, Outcome] => {
      const failure = failures.get(tool);
      if (failure !== undefined) return [tool, { error: failure }];
      const measures = runs.get(tool)!;
      return [
        tool,
        {
          wallMs: median(measures.map((m) => m.wallMs)),
          cpuMs: median(measures.map((m) => m.cpuMs)),
          rssMiB: Math.max(...measures.map((m) => m.rssMiB)),
        },
      ];
    }),
  );
  return testCase.floor === true ? { outcomes, ajv: { ms: median(ajvMs), exports } } : { outcomes };
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const synthetic = path.join(WORK, "synthetic.yaml");
  writeSyntheticSpec(synthetic);
  const realSpecs = readdirSync(path.join(REPO, "specs"))
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => path.join(REPO, "specs", file));
  const cases: Case[] = [
    ...realSpecs.map((spec) => ({ label: NAMES([spec])[0]!, specs: [spec] })),
    { label: `all ${realSpecs.length} specs, one run`, specs: realSpecs },
    { label: `synthetic (${SYNTHETIC_OPERATIONS} ops, ${SYNTHETIC_SCHEMAS} schemas)`, specs: [synthetic], floor: true },
    { label: GITHUB_CASE, specs: [collections().github], floor: true },
  ];

  console.log(`Generation benchmark: median of ${RUNS} fresh-process runs per cell (interleaved); peak RSS is the max over runs.`);
  console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (wall times grow with load; CPU time less so).`);
  console.log(`Memory measured with ${HAS_TIME ? "/usr/bin/time -v" : "process.resourceUsage() in the child"}.`);
  console.log("");

  const header = ["case", "tool", "wall s", "cpu s", "peak RSS MiB", "wall vs o-ts", "cpu vs o-ts", "wall vs hey-api", "targets"];
  const rows: string[][] = [];
  const verdicts: string[] = [];
  const printRow = (row: string[]) => console.log(row.join(" | "));
  console.log(header.join(" | "));
  const floorLines: string[] = [];
  for (const testCase of cases) {
    const { outcomes: measured, ajv } = measureCase(testCase);
    const types = measured.get(OPENAPI_TYPESCRIPT)!;
    const hey = measured.get(HEY_API)!;
    if (ajv !== undefined && !("error" in types)) floorLines.push(describeFloor(testCase.label, types.wallMs, ajv, measured.get(PAYSPEC)!));
    for (const tool of TOOLS) {
      const m = measured.get(tool)!;
      let row: string[];
      if ("error" in m) {
        row = [testCase.label, tool.name, "FAILED", "", "", "", "", "", m.error];
        if (tool.judged) verdicts.push(`${testCase.label}: MISSED (payspec failed: ${m.error})`);
      } else {
        const vsTypes = "error" in types ? undefined : { wall: m.wallMs / types.wallMs, cpu: m.cpuMs / types.cpuMs };
        const vsHey = "error" in hey ? undefined : m.wallMs / hey.wallMs;
        const isOurs = tool !== OPENAPI_TYPESCRIPT && tool !== HEY_API;
        let targets = "";
        if (tool.judged) {
          const met = [
            vsTypes === undefined ? "o-ts n/a" : `<=1.5x o-ts ${vsTypes.wall <= 1.5 ? "MET" : "MISSED"}`,
            vsHey === undefined ? "hey-api n/a" : `<hey-api ${vsHey < 1 ? "MET" : "MISSED"}`,
            testCase.label === GITHUB_CASE ? `<2GiB ${m.rssMiB < 2 * GIB_MIB ? "MET" : "MISSED"}` : `<1GiB ${m.rssMiB < GIB_MIB ? "MET" : "MISSED"}`,
          ];
          targets = met.join(", ");
          verdicts.push(`${testCase.label}: ${targets}`);
        }
        row = [
          testCase.label,
          tool.name,
          (m.wallMs / 1000).toFixed(2),
          (m.cpuMs / 1000).toFixed(2),
          m.rssMiB.toFixed(0),
          isOurs && vsTypes ? `${vsTypes.wall.toFixed(2)}x` : "",
          isOurs && vsTypes ? `${vsTypes.cpu.toFixed(2)}x` : "",
          isOurs && vsHey !== undefined ? `${vsHey.toFixed(2)}x` : "",
          targets,
        ];
      }
      rows.push(row);
      printRow(row);
    }
  }
  console.log("");
  printTable(header, rows);
  console.log("\nTargets of `payspec generate` (full output: types, client, validators, index, README, runtime):");
  for (const verdict of verdicts) console.log(`  ${verdict}`);
  for (const line of floorLines) console.log(`\n${line}`);
  rmSync(path.join(WORK, "out"), { recursive: true, force: true });
  await printInstallSize();
}

/**
 * openapi-typescript's wall time plus Ajv's compile time of the same spec's validator schemas: what any generator of
 * openapi-typescript's types and Ajv-compiled validators takes at least, beside the 1.5x target and payspec's time.
 */
function describeFloor(label: string, typesMs: number, ajv: { readonly ms: number; readonly exports: number }, payspec: Outcome): string {
  const floorMs = typesMs + ajv.ms;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `Floor on ${label} (types + Ajv validators; medians of ${RUNS}, same runs as above):`,
    `  openapi-typescript ${s(typesMs)} + Ajv as is compiling payspec's ${ajv.exports} validator schemas ${s(ajv.ms)} (bench/ajv-floor.ts)`,
    `  = ${s(floorMs)}, ${(floorMs / typesMs).toFixed(2)}x openapi-typescript, against the 1.5x target of ${s(1.5 * typesMs)};`,
    "error" in payspec ? "  payspec failed" : `  payspec ${s(payspec.wallMs)}, ${(payspec.wallMs / floorMs).toFixed(2)}x that floor.`,
  ].join("\n");
}

/** What `npm i payspec` adds to a project: the packed package installed into an empty one, measured on disk. */
async function printInstallSize(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), "payspec-install-size-"));
  try {
    const tarball = await packWorkingTree(work);
    const project = path.join(work, "project");
    await newProject(project, tarball);
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const total = await folderBytes(path.join(project, "node_modules"));
    const typescript = await folderBytes(path.join(project, "node_modules", "typescript"));
    const own = await folderBytes(path.join(project, "node_modules", "payspec"));
    const packages = (await readdir(path.join(project, "node_modules"))).filter((name) => !name.startsWith(".")).length;
    console.log(`\nInstalled size (npm i of the packed tarball into an empty project, optional peers left out):`);
    console.log(`  node_modules ${mib(total)} MiB in ${packages} top-level entries; of it payspec itself ${mib(own)} MiB, TypeScript (a peer most projects have) ${mib(typescript)} MiB`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column >= 2 && column < 8 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

await main();
