/**
 * generator/code-cache.mjs: a CommonJS file preloaded from the V8 code cache is the module `require` then returns,
 * the second process reuses the cache, and a corrupt cache entry costs a compile, never a wrong module.
 */
import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, tempDir } from "./helpers.js";

const CODE_CACHE = path.join(REPO, "generator/code-cache.mjs");

/** A fresh node process that preloads `file`, then requires it; prints what it saw. */
function preloadAndRequire(file: string, cacheDir: string): { value: unknown; sameModule: boolean } {
  const script = `
    const { createRequire } = await import("node:module");
    const { preloadFromCodeCache } = await import(${JSON.stringify(CODE_CACHE)});
    preloadFromCodeCache([${JSON.stringify(file)}], ${JSON.stringify(cacheDir)});
    const require = createRequire(${JSON.stringify(file)});
    const first = require(${JSON.stringify(file)});
    const sameModule = first === require(${JSON.stringify(file)}) && first.loadedAs === ${JSON.stringify(file)};
    console.log(JSON.stringify({ value: first.answer(), sameModule }));
  `;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { value: unknown; sameModule: boolean };
}

describe("preloadFromCodeCache", () => {
  it("loads a CommonJS file as require would, writes its cache once, and survives a corrupt entry", async () => {
    const dir = await tempDir("code-cache");
    const file = path.join(dir, "lib", "answer.js");
    const cacheDir = path.join(dir, "cache");
    await mkdir(path.dirname(file), { recursive: true });
    // Uses what a CommonJS module gets: require, module, exports, __filename, __dirname.
    await writeFile(file, `const path = require("node:path");\nexports.loadedAs = __filename;\nmodule.exports.answer = () => [40 + 2, path.basename(__dirname)];\n`);

    expect(preloadAndRequire(file, cacheDir)).toEqual({ value: [42, "lib"], sameModule: true });
    const entries = await readdir(cacheDir);
    expect(entries).toHaveLength(1);
    const entry = path.join(cacheDir, entries[0]!);
    const written = await readFile(entry);

    // Accepted by V8, so not written again.
    expect(preloadAndRequire(file, cacheDir)).toEqual({ value: [42, "lib"], sameModule: true });
    expect(await readdir(cacheDir)).toEqual(entries);
    expect((await readFile(entry)).equals(written)).toBe(true);

    // Refused by V8: compiled from source, and the entry replaced.
    await writeFile(entry, "not V8 code cache data");
    expect(preloadAndRequire(file, cacheDir)).toEqual({ value: [42, "lib"], sameModule: true });
    expect(await readdir(cacheDir)).toEqual(entries);
    expect((await readFile(entry, "utf8")).startsWith("not V8")).toBe(false);
  });

  it("still loads the file when the cache cannot be written", async () => {
    const dir = await tempDir("code-cache-readonly");
    const file = path.join(dir, "lib", "answer.js");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `exports.loadedAs = __filename;\nexports.answer = () => [42, require("node:path").basename(__dirname)];\n`);
    // A file where the cache folder should be: no entry can be written under it.
    const blocked = path.join(dir, "blocked");
    await writeFile(blocked, "");
    expect(preloadAndRequire(file, path.join(blocked, "cache"))).toEqual({ value: [42, "lib"], sameModule: true });
  });
});
