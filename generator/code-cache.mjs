/**
 * Loads the two copies of TypeScript the generator needs (openapi-typescript's `typescript`, and the one ts-morph
 * bundles) from a V8 code cache, before anything requires them; the CommonJS loader then finds them in its cache.
 *
 * Why: each is a 9 MB script that V8 parses and compiles on every `npm run generate`, about a third of a small
 * spec's generation. Node 22 caches compiled code itself (`module.enableCompileCache()`, used when present); Node
 * 20 does not, and v8-compile-cache, the package that used to do it, breaks Node 20's `require()` of ES modules,
 * which openapi-typescript relies on. So this does it for these two files only, with Node's public `vm.Script`
 * `cachedData`. V8 checks that cached data matches the source and its own version and flags, and ignores it
 * otherwise: a stale or corrupt entry costs a normal compile, never a wrong result.
 *
 * Entries live in node_modules/.cache/payspec-v8/, one file per script, written whole then renamed, so
 * the CLI's thread and the spec thread may write them at once.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

const CJS_WRAPPER_PARAMETERS = ["exports", "require", "module", "__filename", "__dirname"];

/** TypeScript's two copies, as Node resolves them from their users. */
export function typescriptFiles(repo) {
  const fromRepo = createRequire(path.join(repo, "package.json"));
  return {
    openapiTypescript: createRequire(fromRepo.resolve("openapi-typescript/dist/lib/ts.cjs")).resolve("typescript"),
    tsMorph: createRequire(fromRepo.resolve("ts-morph")).resolve("@ts-morph/common/dist/typescript.js"),
  };
}

/** Loads each CommonJS `file` into require's cache, compiled from (or into) the cache in `cacheDir`. */
export function preloadFromCodeCache(files, cacheDir) {
  if (typeof Module.enableCompileCache === "function") {
    Module.enableCompileCache(cacheDir);
    return;
  }
  for (const file of files) {
    if (!Module._cache[file]) preload(file, cacheDir);
  }
}

function preload(file, cacheDir) {
  const source = readFileSync(file, "utf8");
  const { size, mtimeMs } = statSync(file);
  const key = createHash("sha256").update(`${process.version}\n${file}\n${size}\n${mtimeMs}`).digest("hex").slice(0, 24);
  const entry = path.join(cacheDir, `${key}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(entry);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper and parameters as the CommonJS loader's own, so that the module behaves as if required.
  const script = new vm.Script(`(function (${CJS_WRAPPER_PARAMETERS.join(", ")}) {${source}\n})`, { filename: file, cachedData });
  const module = new Module(file, undefined);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  Module._cache[file] = module;
  if (cachedData === undefined || script.cachedDataRejected) writeEntry(entry, script.createCachedData());
}

/** Best effort: a cache that cannot be written (a read-only install) only means compiling again next time. */
function writeEntry(entry, data) {
  const staging = `${entry}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(path.dirname(entry), { recursive: true });
    writeFileSync(staging, data);
    renameSync(staging, entry);
  } catch {
    try {
      rmSync(staging, { force: true });
    } catch {
      // Nothing was written there.
    }
  }
}
