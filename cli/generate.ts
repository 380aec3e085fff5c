/**
 * `payspec generate`: specs -> typed clients. With no spec, every API of redocly.yaml (see ./config.ts); with specs
 * (files, or API names from redocly.yaml), those. Every client is generated in memory first (on the generator's
 * thread, generator/thread.ts); then every output folder is written, or none is (`--check` writes nothing and
 * names the stale files).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SpecError, type SpecProblem } from "../generator/errors.js";
import type { OutputFiles } from "../generator/pipeline.js";
import { readRuntimeFiles } from "../generator/runtime-files.js";
import { TEMPLATES_RUNTIME_DIR } from "../generator/package-root.js";
import { startGeneratorThread, type GenerationJob, type GeneratorThread } from "../generator/thread.js";
import { compareOutputFolder, displayPath, writeOutputFolders, type StaleFile } from "../generator/write.js";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command, type CommandIo } from "./command.js";
import { CONFIG_FILE, ConfigError } from "./config.js";
import { importedPackages, installCommand } from "./dependencies.js";
import { projectRoot, toPosix } from "./paths.js";
import { clientTargets, NoSpecError, type ClientTarget } from "./targets.js";
import { warningLines } from "./warnings.js";

const USAGE = `Usage: payspec generate [spec...] [--out <dir>] [--name <name>] [--client-name <Class>] [--runtime <dir>] [--check] [--strict]

Generates a typed client (types, client class, validators, README) for each OpenAPI 3.0/3.1 spec.

  (no spec)              every API under \`apis:\` in ${CONFIG_FILE}, each into its x-payspec.output
                         (default generated/<api name>)
  <spec>                 a spec file, or the name of an API in ${CONFIG_FILE}
  --out <dir>            output folder (one spec only; default generated/<file name>)
  --name <name>          the client's module name in its docs (one spec only; default: the file name)
  --client-name <Class>  the client class name (one spec only; default: from info.title)
  --runtime <dir>        write the client runtime to this folder, shared by every client generated with it,
                         instead of a copy inside each client
  --msw                  also write msw.ts: MSW request handlers for tests, checking requests with the
                         client's validators (needs msw, an optional peer: npm i -D msw)
  --check                write nothing; exit 1 naming the files that differ from what would be generated
  --strict               treat the warnings about a spec as errors

Exit codes: 0 done, 1 a spec has errors or files are stale (nothing is written), 2 usage error.`;

class UsageError extends Error {}

export const generateCommand: Command = {
  usage: USAGE,
  async run(argv, io) {
    let parsed: Parsed;
    try {
      parsed = parseCommandLine(argv);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (parsed === "help") {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    // The thread loads the generator (Redocly among it) while this one reads the command line, and reads redocly.yaml
    // with it: Redocly is loaded once, on the thread, not on both.
    const thread = startGeneratorThread();
    let targets: ClientTarget[];
    try {
      targets = await clientTargets(
        parsed.positionals,
        { out: parsed.values.out, name: parsed.values.name, clientName: parsed.values["client-name"], runtime: parsed.values.runtime, msw: parsed.values.msw },
        io.cwd,
        (file) => thread.readApis(file),
      );
    } catch (error) {
      await thread.stop();
      if (error instanceof NoSpecError) {
        io.stderr(`${error.message}\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      if (error instanceof ConfigError) {
        io.stderr(`error: ${error.message}`);
        return EXIT_PROBLEMS;
      }
      throw error;
    }
    return generateTargets(thread, targets, parsed.values, io);
  },
};

type Parsed =
  | "help"
  | {
      readonly positionals: readonly string[];
      readonly values: { check: boolean; strict: boolean; msw: boolean; out?: string; name?: string; "client-name"?: string; runtime?: string };
    };

function parseCommandLine(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        name: { type: "string" },
        "client-name": { type: "string" },
        runtime: { type: "string" },
        msw: { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return "help";
  const { help: _help, ...values } = parsed.values;
  const single = ["out", "name", "client-name"].filter((option) => values[option as keyof typeof values] !== undefined);
  if (single.length > 0 && parsed.positionals.length !== 1) {
    throw new UsageError(`${single.map((option) => `--${option}`).join(", ")} apply to exactly one spec.`);
  }
  if (values["client-name"] !== undefined && !/^[A-Za-z_$][\w$]*$/.test(values["client-name"])) {
    throw new UsageError(`--client-name must be a TypeScript class name such as ShopClient, got "${values["client-name"]}".`);
  }
  return { positionals: parsed.positionals, values };
}

async function generateTargets(thread: GeneratorThread, targets: readonly ClientTarget[], values: { check: boolean; strict: boolean }, io: CommandIo): Promise<number> {
  const clash = firstClash(targets);
  if (clash !== undefined) {
    await thread.stop();
    io.stderr(`error: ${clash}`);
    return EXIT_PROBLEMS;
  }
  const jobs: GenerationJob[] = targets.map((target) => ({
    spec: target.spec,
    name: target.name,
    ...(target.clientName !== undefined ? { clientName: target.clientName } : {}),
    ...(target.runtimeDir !== undefined ? { runtimeImport: runtimeImport(target.outDir, target.runtimeDir) } : {}),
    usage: target.usage,
    msw: target.msw,
  }));
  const results = await thread.run(jobs);

  const outputs: Array<{ outDir: string; files: OutputFiles }> = [];
  let failed = false;
  for (const [index, result] of results.entries()) {
    const target = targets[index]!;
    const shownSpec = displayPath(target.spec, io.cwd);
    if (!result.ok) {
      failed = true;
      const { error } = result;
      io.stderr(`error: ${error instanceof SpecError ? new SpecError(error.problems.map((problem) => shown(problem, io.cwd))).message : `${shownSpec}: ${error.stack ?? error.message}`}`);
      continue;
    }
    for (const line of warningLines(result.warnings, io.cwd, values.strict ? "error" : "warning")) io.stderr(line);
    if (values.strict && result.warnings.length > 0) {
      failed = true;
      io.stderr(`error: ${shownSpec}: ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}, refused by --strict`);
      continue;
    }
    outputs.push({ outDir: target.outDir, files: result.files });
  }
  if (failed) {
    io.stderr(values.check ? "Check aborted: fix the errors above." : "Nothing was written: fix the errors above.");
    return EXIT_PROBLEMS;
  }
  const runtimeDirs = [...new Set(targets.flatMap((target) => (target.runtimeDir !== undefined ? [target.runtimeDir] : [])))];
  if (runtimeDirs.length > 0) {
    const runtimeFiles = await readRuntimeFiles(TEMPLATES_RUNTIME_DIR);
    for (const outDir of runtimeDirs) outputs.push({ outDir, files: withTrailingNewline(runtimeFiles) });
  }

  if (values.check) {
    const stale: StaleFile[] = [];
    for (const { outDir, files } of outputs) stale.push(...(await compareOutputFolder(outDir, files, io.cwd)));
    if (stale.length > 0) {
      io.stderr(`Generated files are stale (run \`payspec generate\`):\n${stale.map((s) => `  ${s.file} (${s.reason})`).join("\n")}`);
      return EXIT_PROBLEMS;
    }
    io.stdout(`Up to date: ${outputs.map(({ outDir }) => displayPath(outDir, io.cwd)).join(", ")}`);
    return EXIT_OK;
  }
  // What a regenerated client changes for its users' code: for a client folder already there that this run rewrites,
  // when its spec differs from the committed one. Git and text comparisons decide that; the diff (which loads the
  // spec twice more and TypeScript's compiler, about a second) runs only then.
  const summaries: string[] = [];
  for (const [index, target] of targets.entries()) {
    if (!existsSync(path.join(target.outDir, "client.ts"))) continue;
    if ((await compareOutputFolder(target.outDir, outputs[index]!.files, io.cwd)).length === 0) continue;
    const { changedSince } = await import("../generator/diff/git.js");
    if ((await changedSince(target.spec, "HEAD")) !== true) continue;
    const { summarizeAgainstBase } = await import("../generator/diff/diff-specs.js");
    const summary = await summarizeAgainstBase(target.spec, "HEAD", { name: target.name, cwd: io.cwd, ...(target.clientName !== undefined ? { clientName: target.clientName } : {}) });
    if (summary !== undefined) summaries.push(summary);
  }
  try {
    await writeOutputFolders(outputs);
  } catch (error) {
    io.stderr(`error: could not write ${outputs.map(({ outDir }) => `${displayPath(outDir, io.cwd)}/`).join(", ")}; nothing was written: ${(error as Error).message}`);
    return EXIT_PROBLEMS;
  }
  for (const [index, target] of targets.entries()) {
    const files = outputs[index]!.files;
    io.stdout(`Generated ${displayPath(target.outDir, io.cwd)}/ (${Object.keys(files).length} files) from ${displayPath(target.spec, io.cwd)}`);
  }
  for (const outDir of runtimeDirs) io.stdout(`Generated ${displayPath(outDir, io.cwd)}/ (the runtime the clients above share)`);
  for (const summary of summaries) io.stdout(summary);
  for (const note of dependencyNotes(outputs, io.cwd)) io.stderr(note);
  return EXIT_OK;
}

/**
 * One note per project whose package.json lacks a package the written code imports: at run time (the client and its
 * validators), or in tests (msw.ts, MSW request handlers, which devDependencies may provide).
 */
function dependencyNotes(outputs: ReadonlyArray<{ outDir: string; files: OutputFiles }>, cwd: string): string[] {
  const byProject = new Map<string, { folders: string[]; texts: string[]; mocks: string[]; mockTexts: string[] }>();
  for (const { outDir, files } of outputs) {
    const root = projectRoot(outDir);
    const entry = byProject.get(root) ?? { folders: [], texts: [], mocks: [], mockTexts: [] };
    entry.folders.push(`${displayPath(outDir, cwd)}/`);
    for (const [file, text] of Object.entries(files)) {
      if (!file.endsWith(".ts")) continue;
      if (file === "msw.ts") {
        entry.mocks.push(displayPath(path.join(outDir, file), cwd));
        entry.mockTexts.push(text);
      } else {
        entry.texts.push(text);
      }
    }
    byProject.set(root, entry);
  }
  return [...byProject].flatMap(([root, { folders, texts, mocks, mockTexts }]) => {
    const manifest = displayPath(path.join(root, "package.json"), cwd);
    const app = installCommand(importedPackages(texts), root);
    const runtimePackages = importedPackages(texts);
    const tests = installCommand(new Set([...importedPackages(mockTexts)].filter((name) => !runtimePackages.has(name))), root, true);
    return [
      ...(app === undefined ? [] : [`note: ${folders.join(", ")} import packages that ${manifest} does not list in its dependencies; the app needs them at run time: ${app}`]),
      ...(tests === undefined ? [] : [`note: ${mocks.join(", ")} (MSW handlers for tests) import packages that ${manifest} does not list: ${tests}`]),
    ];
  });
}

/** Two targets writing the same folder, or one inside another, would overwrite each other. */
function firstClash(targets: readonly ClientTarget[]): string | undefined {
  const folders = [
    ...targets.map((target) => ({ dir: target.outDir, what: `the client of ${target.spec}` })),
    ...[...new Set(targets.flatMap((target) => (target.runtimeDir !== undefined ? [target.runtimeDir] : [])))].map((dir) => ({ dir, what: "the shared runtime" })),
  ];
  for (const [index, a] of folders.entries()) {
    for (const b of folders.slice(index + 1)) {
      const inside = (outer: string, inner: string) => inner === outer || inner.startsWith(outer + path.sep);
      if (inside(a.dir, b.dir) || inside(b.dir, a.dir)) return `${a.what} and ${b.what} would both be written to ${a.dir}: give each its own folder`;
    }
  }
  return undefined;
}

/** The runtime folder as a module path from the client's folder: `../runtime`. */
function runtimeImport(outDir: string, runtimeDir: string): string {
  const relative = toPosix(path.relative(outDir, runtimeDir));
  return relative.startsWith(".") ? relative : `./${relative}`;
}

function withTrailingNewline(files: Readonly<Record<string, string>>): OutputFiles {
  return Object.fromEntries(Object.entries(files).map(([file, text]) => [file, text.endsWith("\n") ? text : `${text}\n`]));
}

/** A problem's file as the person at the terminal reads it. */
function shown(problem: SpecProblem, cwd: string): SpecProblem {
  return path.isAbsolute(problem.file) ? { ...problem, file: displayPath(problem.file, cwd) } : problem;
}
