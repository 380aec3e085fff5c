/**
 * Generation benchmark: wall time, CPU time and peak memory (RSS high-water) of `npm run generate` for one spec,
 * against openapi-typescript alone (types only) and @hey-api/openapi-ts (fetch SDK + zod plugin), each run in a
 * fresh child process, on the four specs and a synthetic spec of 500 operations and 2,000 schemas.
 *
 * Targets: our full output within 1.5x of openapi-typescript's wall time, faster than hey-api, under 1 GiB.
 * `npm run generate` runs the generator under tsx; a second row runs it compiled to JavaScript, because tsx's
 * module hooks (every import of Redocly's many ESM files goes through them) are a large part of the fixed cost.
 *
 *   tsx bench/generation.ts            (BENCH_RUNS=5 for more runs per measurement; default 3)
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SYNTHETIC_OPERATIONS, SYNTHETIC_SCHEMAS, writeSyntheticSpec } from "./synthetic-spec.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(REPO, "test-output/bench-generation");
const RUNS = Math.max(1, Number(process.env["BENCH_RUNS"] ?? 3));
const TIME = "/usr/bin/time";
const HAS_TIME = existsSync(TIME);
/** Without /usr/bin/time, the child reports its own peak RSS and CPU time on exit through this preload. */
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  'import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.resourceUsage(); writeSync(2, `\\nBENCH_RUSAGE ${u.maxRSS} ${u.userCPUTime} ${u.systemCPUTime}\\n`); });',
)}`;

interface Tool {
  readonly name: string;
  /** Arguments after `node`, and the working directory (not the repo for others: its redocly.yaml would apply). */
  command(spec: string, out: string): { args: string[]; cwd: string };
}

/** The generator compiled to JavaScript, to show what tsx's module hooks cost `npm run generate` (see compileGenerator). */
const COMPILED = path.join(WORK, "generator-js");

const TOOLS: readonly Tool[] = [
  {
    name: "payspec (full output)",
    command: (spec, out) => ({ args: ["--import", "tsx", path.join(REPO, "generator/cli.ts"), spec, "--out", out], cwd: REPO }),
  },
  {
    name: "payspec compiled to JS (no tsx)",
    command: (spec, out) => ({ args: [path.join(COMPILED, "generator/cli.js"), spec, "--out", out], cwd: REPO }),
  },
  {
    name: "openapi-typescript (types only)",
    command: (spec, out) => ({
      args: [path.join(REPO, "node_modules/openapi-typescript/bin/cli.js"), spec, "-o", path.join(out, "schema.ts")],
      cwd: WORK,
    }),
  },
  {
    name: "@hey-api/openapi-ts (fetch SDK + zod)",
    command: (spec, out) => ({
      args: [
        path.join(REPO, "node_modules/@hey-api/openapi-ts/bin/run.js"),
        ...["-i", spec, "-o", out, "-c", "@hey-api/client-fetch", "-p", "@hey-api/typescript", "@hey-api/sdk", "zod", "--silent", "--no-log-file"],
      ],
      cwd: WORK,
    }),
  },
];

interface Measure {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly rssMiB: number;
}

function runOnce(tool: Tool, spec: string, out: string): Measure {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { args, cwd } = tool.command(spec, out);
  const nodeArgs = HAS_TIME ? args : ["--import", RSS_PRELOAD, ...args];
  const command = HAS_TIME ? TIME : process.execPath;
  const commandArgs = HAS_TIME ? ["-v", process.execPath, ...nodeArgs] : nodeArgs;
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`${tool.name} failed on ${spec} (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
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
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function measure(tool: Tool, spec: string, label: string): Measure {
  const out = path.join(WORK, "out", label, tool.name.split(" ")[0]!.replace(/\W/g, ""));
  const runs = Array.from({ length: RUNS }, () => runOnce(tool, spec, out));
  return {
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    rssMiB: Math.max(...runs.map((run) => run.rssMiB)),
  };
}

/**
 * `tsc` the generator into COMPILED (with the TypeScript files next to the JavaScript, for emitters that read
 * their own sources, and templates/runtime where the pipeline looks for it). Returns false if it does not compile.
 */
function compileGenerator(): boolean {
  rmSync(COMPILED, { recursive: true, force: true });
  const tsconfig = path.join(WORK, "tsconfig.generator.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(REPO, "tsconfig.json"),
      compilerOptions: { noEmit: false, outDir: COMPILED, rootDir: REPO, declaration: false },
      include: [path.join(REPO, "generator")],
      exclude: [],
    }),
  );
  const result = spawnSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", tsconfig], { encoding: "utf8" });
  if (result.status !== 0) return false;
  cpSync(path.join(REPO, "generator"), path.join(COMPILED, "generator"), { recursive: true, filter: (file) => !file.endsWith(".js") });
  cpSync(path.join(REPO, "templates"), path.join(COMPILED, "templates"), { recursive: true });
  return true;
}

function main(): void {
  mkdirSync(WORK, { recursive: true });
  const compiled = compileGenerator();
  const tools = compiled ? TOOLS : TOOLS.filter((tool) => !tool.name.includes("compiled"));
  const synthetic = path.join(WORK, "synthetic.yaml");
  writeSyntheticSpec(synthetic);
  const specs = [
    ...readdirSync(path.join(REPO, "specs"))
      .filter((file) => /\.(ya?ml|json)$/.test(file))
      .sort()
      .map((file) => ({ label: file.replace(/\.\w+$/, ""), spec: path.join(REPO, "specs", file) })),
    { label: `synthetic (${SYNTHETIC_OPERATIONS} ops, ${SYNTHETIC_SCHEMAS} schemas)`, spec: synthetic },
  ];

  console.log(`Generation benchmark: median of ${RUNS} fresh-process runs per cell; peak RSS is the max over runs.`);
  console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (wall times grow with load; CPU time less so).`);
  console.log(`Memory measured with ${HAS_TIME ? "/usr/bin/time -v" : "process.resourceUsage() in the child"}.\n`);

  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const { label, spec } of specs) {
    const measured = new Map(tools.map((tool) => [tool.name, measure(tool, spec, label.split(" ")[0]!)]));
    for (const [name, m] of measured) {
      rows.push([label, name, (m.wallMs / 1000).toFixed(2), (m.cpuMs / 1000).toFixed(2), m.rssMiB.toFixed(0)]);
    }
    const types = measured.get(TOOLS[2]!.name)!;
    const hey = measured.get(TOOLS[3]!.name)!;
    for (const ours of tools.slice(0, compiled ? 2 : 1)) {
      const m = measured.get(ours.name)!;
      const ratio = m.wallMs / types.wallMs;
      verdicts.push(
        `${label}, ${ours.name}: ${ratio.toFixed(2)}x openapi-typescript wall (${(m.cpuMs / types.cpuMs).toFixed(2)}x CPU) ${ratio <= 1.5 ? "MET" : "MISSED"} (<= 1.5x); ` +
          `${(m.wallMs / hey.wallMs).toFixed(2)}x hey-api ${m.wallMs < hey.wallMs ? "MET" : "MISSED"} (< 1x); ` +
          `${m.rssMiB.toFixed(0)} MiB ${m.rssMiB < 1024 ? "MET" : "MISSED"} (< 1024 MiB)`,
      );
    }
  }
  printTable(["spec", "tool", "wall s", "cpu s", "peak RSS MiB"], rows);
  console.log("\nTargets (payspec vs the others):");
  for (const verdict of verdicts) console.log(`  ${verdict}`);
  if (!compiled) console.log("  (the compiled-generator row is missing: tsc failed on generator/)");
  rmSync(path.join(WORK, "out"), { recursive: true, force: true });
  rmSync(COMPILED, { recursive: true, force: true });
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

main();
