#!/usr/bin/env node
/**
 * What `npm run generate` runs: the generator (generator/cli.ts) compiled to JavaScript, rebuilt whenever its
 * sources change.
 *
 * Why not `tsx generator/cli.ts`: tsx's module hooks see every import of the process, and the generator imports
 * thousands of library files (Redocly, TypeScript, ts-morph, Ajv); under tsx that start-up costs about 0.7 s more
 * than the same JavaScript run by plain node.
 *
 * The compiled copy lives in node_modules/.cache/payspec-generator/<hash>/, where <hash> covers every file of
 * generator/ (and this launcher and TypeScript's version): a fresh clone, an edited source or a `git pull` gives a
 * new hash and one rebuild (TypeScript's `transpileModule`, no type check: `npm run typecheck` and the tests do that).
 * The copy is built in a temporary folder and renamed into place, so runs in parallel never see half a build.
 * Next to the JavaScript sit the generator's own files as they are (an emitter may read its sources), and
 * `templates/` is a link to the repository's, so the runtime copied into each client is always the current one.
 * `vendor/openapi-core.cjs` is Redocly bundled into one file (generator/redocly.ts says why); the hash covers
 * package-lock.json for it.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import { typescriptFiles } from "./code-cache.mjs";

// V8 does its background work (concurrent and parallel garbage collection, compilation) on a pool of helper threads,
// four by default whatever the machine. The generator's two threads (below) already keep two cores busy; on a machine
// with fewer than six cores, four helpers only fight them for the same cores. On 2 cores, a pool of what is left (one
// thread) takes the synthetic spec (bench/synthetic-spec.ts) from 4.25 to 3.84 s of CPU and from 2.35 to 2.09 s, for
// about 0.05 s more on a small spec. Node sizes the pool when it starts: run.mjs starts Node again, once, with
// `--v8-pool-size`, unless the caller chose a size.
const V8_DEFAULT_POOL_SIZE = 4;
const poolSize = Math.max(1, availableParallelism() - 2);
if (poolSize < V8_DEFAULT_POOL_SIZE && ![...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((flags) => flags.includes("--v8-pool-size"))) {
  const child = spawnSync(process.execPath, [...process.execArgv, `--v8-pool-size=${poolSize}`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (child.error) throw child.error;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

const GENERATOR_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(GENERATOR_DIR);
const CACHE = path.join(REPO, "node_modules", ".cache", "payspec-generator");

/** Every file of generator/, by path relative to it (`/` separators), sorted. */
function sourceFiles() {
  return readdirSync(GENERATOR_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(GENERATOR_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

function typescriptVersion() {
  return JSON.parse(readFileSync(createRequire(import.meta.url).resolve("typescript/package.json"), "utf8")).version;
}

function sourceHash(files) {
  const hash = createHash("sha256").update(`typescript ${typescriptVersion()}\n`);
  // The bundled copy of Redocly is built from the installed packages: a different install is a different build.
  const lock = path.join(REPO, "package-lock.json");
  if (existsSync(lock)) hash.update(readFileSync(lock)).update("\n");
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(path.join(GENERATOR_DIR, file))).update("\n");
  return hash.digest("hex").slice(0, 16);
}

/**
 * Redocly's openapi-core as one CommonJS file, `vendor/openapi-core.cjs` in the build (generator/redocly.ts says why
 * and loads it). Best effort: without it, the generator imports the package, only more slowly.
 */
async function bundleRedocly(staging) {
  try {
    const { buildSync } = await import("esbuild");
    buildSync({
      entryPoints: [createRequire(import.meta.url).resolve("@redocly/openapi-core")],
      outfile: path.join(staging, "vendor", "openapi-core.cjs"),
      bundle: true,
      platform: "node",
      format: "cjs",
      target: `node${process.versions.node}`,
      logLevel: "silent",
    });
  } catch (error) {
    console.warn(`payspec: could not bundle @redocly/openapi-core (generation works, more slowly): ${error.message}`);
  }
}

async function build(files, target) {
  const ts = (await import("typescript")).default;
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const compilerOptions = {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    verbatimModuleSyntax: true,
    useDefineForClassFields: true,
    sourceMap: false,
  };
  for (const file of files) {
    const source = readFileSync(path.join(GENERATOR_DIR, file), "utf8");
    const out = path.join(staging, "generator", file);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, source);
    if (file.endsWith(".ts") && !file.endsWith(".d.ts")) {
      const { outputText, diagnostics } = ts.transpileModule(source, { compilerOptions, fileName: file, reportDiagnostics: true });
      if (diagnostics?.length) {
        const message = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => GENERATOR_DIR, getNewLine: () => "\n" });
        throw new Error(`cannot compile generator/${file}:\n${message}`);
      }
      writeFileSync(out.replace(/\.ts$/, ".js"), outputText);
    }
  }
  await bundleRedocly(staging);
  // "junction" makes a directory link on Windows without special rights; POSIX ignores the type.
  symlinkSync(path.join(REPO, "templates"), path.join(staging, "templates"), "junction");
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another run finished the same build first: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, "generator", "cli.js"))) throw error;
  }
  for (const old of readdirSync(CACHE)) {
    if (old !== path.basename(target) && !old.includes(".tmp-")) rmSync(path.join(CACHE, old), { recursive: true, force: true });
  }
}

const files = sourceFiles();
const target = path.join(CACHE, sourceHash(files));
if (!existsSync(path.join(target, "generator", "cli.js"))) {
  mkdirSync(CACHE, { recursive: true });
  await build(files, target);
}
// Two worker threads, each with a deep stack (a worker's stack size is ours to set; the main thread's ~1 MB is not):
// Ajv compiles a schema's `$ref`'d schemas recursively and the emitters walk schemas recursively, so a spec whose
// schemas reference each other in long chains (bench/synthetic-spec.ts: 2,000 of them) overflows the usual stack.
// - The CLI (generator/cli.ts; the compiled cli.js runs its main only when it is the entry point, here it is
//   imported). It loads TypeScript's two copies from a V8 code cache (generator/code-cache.mjs).
// - Beside it, from the start, the spec thread (generator/spec-thread-entry.ts), reached by the CLI through a
//   MessagePort: it loads the specs (Redocly) and compiles their validators (Ajv) on the second core while the CLI's
//   thread loads its own libraries and emits the rest. It ends when the CLI closes its port, or when the CLI's
//   thread ends.
const THREAD_LIMITS = { stackSizeMb: 256 };
const TYPESCRIPT = typescriptFiles(REPO);
const CODE_CACHE = { module: pathToFileURL(path.join(GENERATOR_DIR, "code-cache.mjs")).href, dir: path.join(REPO, "node_modules", ".cache", "payspec-v8") };
const CLI_IN_WORKER = `
  const { parentPort, workerData } = require("node:worker_threads");
  const { module, dir, preload } = workerData.codeCache;
  const beforeLibraries = () => import(module).then((cache) => cache.preloadFromCodeCache(preload, dir));
  import(workerData.cli)
    .then(({ main }) => main(workerData.argv, { specThreadPort: workerData.specThreadPort, beforeLibraries }))
    .then((code) => parentPort.postMessage(code), (error) => { console.error(error); parentPort.postMessage(1); });
`;
const { port1: cliPort, port2: specThreadPort } = new MessageChannel();
const specThread = new Worker(pathToFileURL(path.join(target, "generator", "spec-thread-entry.js")), {
  workerData: { port: specThreadPort },
  transferList: [specThreadPort],
  // A larger young generation: Ajv allocates short-lived objects at a high rate, and with V8's default 16 MB its
  // scavenges took a third of compiling the synthetic spec's validators (about 10% of the run saved, 50 MB more).
  resourceLimits: { ...THREAD_LIMITS, maxYoungGenerationSizeMb: 64 },
});
specThread.unref();
// A crash there also reaches the CLI, as its port closing: the specs still waiting fail, and the exit code says so.
specThread.on("error", (error) => console.error("error: the spec thread failed:", error));
const worker = new Worker(CLI_IN_WORKER, {
  eval: true,
  workerData: {
    cli: pathToFileURL(path.join(target, "generator", "cli.js")).href,
    argv: process.argv.slice(2),
    specThreadPort: cliPort,
    codeCache: { ...CODE_CACHE, preload: [TYPESCRIPT.openapiTypescript, TYPESCRIPT.tsMorph] },
  },
  transferList: [cliPort],
  resourceLimits: THREAD_LIMITS,
});
let reported = false;
worker.on("message", (code) => {
  reported = true;
  process.exitCode = code;
});
worker.on("error", (error) => {
  console.error(error);
  process.exitCode = 1;
});
// A worker that ends without reporting (a library calling process.exit, a crash) must not pass as a success.
worker.on("exit", (code) => {
  if (!reported || code !== 0) process.exitCode ||= code || 1;
});
