/**
 * `npm run generate` runs generator/run.mjs, which runs a compiled copy of generator/ (see that file). A user who
 * edits a generator source and runs `npm run generate` must get the edited generator, never a stale copy: checked
 * on a copy of generator/ and templates/ (inside the repo, so that its imports resolve to the repo's node_modules).
 */
import { spawnSync } from "node:child_process";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../generator/cli.js";
import { generate } from "../../generator/pipeline.js";
import { FIXTURES, hashTree, REPO, tempDir } from "./helpers.js";

function launch(root: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(root, "generator/run.mjs"), ...args], { cwd, encoding: "utf8" });
}

/** Runs `run` with the console muted (the CLI prints what it wrote). */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    return await run();
  } finally {
    log.mockRestore();
  }
}

describe("generator/run.mjs (npm run generate)", () => {
  it("generates like the TypeScript sources, and rebuilds its compiled copy when a source changes", async () => {
    const root = await tempDir("launcher");
    await cp(path.join(REPO, "generator"), path.join(root, "generator"), { recursive: true });
    await cp(path.join(REPO, "templates"), path.join(root, "templates"), { recursive: true });

    const first = launch(root, ["--help"], root);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Usage: npm run generate");

    // The compiled copy writes exactly what the TypeScript sources would write, run in this process (--check).
    const out = path.join(root, "out", "shop");
    const args = [path.join(FIXTURES, "shop-31.yaml"), "--out", out];
    const run = launch(root, args, REPO);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await quietly(() => main([...args, "--check"]))).toBe(0);
    const { files } = await generate(path.join(FIXTURES, "shop-31.yaml"), { name: "shop" });
    expect(Object.keys(await hashTree(out)).sort()).toEqual(Object.keys(files).sort());

    // Redocly came from the one-file copy that run.mjs bundled, compiled through the V8 code cache written beside it
    // (generator/redocly.ts).
    const builds = path.join(root, "node_modules/.cache/payspec-generator");
    const [build, ...others] = await readdir(builds);
    expect(others).toEqual([]);
    const vendor = await readdir(path.join(builds, build!, "vendor"));
    expect(vendor).toContain("openapi-core.cjs");
    expect(vendor.length, "a code cache entry beside the bundle").toBeGreaterThan(1);

    const cli = path.join(root, "generator/cli.ts");
    await writeFile(cli, (await readFile(cli, "utf8")).replace("Usage: npm run generate", "Usage (edited): npm run generate"));
    const edited = launch(root, ["--help"], root);
    expect(edited.status).toBe(0);
    expect(edited.stdout).toContain("Usage (edited): npm run generate");
  }, 120_000);
});

describe("generator/run.mjs: a schema Ajv refuses", () => {
  it("is reported from the spec thread with the schema's name, exits 1 and writes nothing", async () => {
    const root = await tempDir("launcher-ajv");
    // A copy of the fixtures, for the shared files shop-31.yaml references.
    await cp(FIXTURES, path.join(root, "fixtures"), { recursive: true });
    const spec = path.join(root, "fixtures", "broken-pattern.yaml");
    const source = await readFile(path.join(FIXTURES, "shop-31.yaml"), "utf8");
    await writeFile(spec, source.replace(/^  schemas:\n/m, "  schemas:\n    Broken:\n      type: number\n      multipleOf: 0\n"));
    const out = path.join(root, "out");
    await cp(path.join(FIXTURES, "shop-31.yaml"), path.join(out, "keep.txt"), { recursive: true });
    const before = await hashTree(out);

    const run = launch(REPO, [spec, "--out", out], REPO);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: \S*broken-pattern\.yaml:\d+:\d+ at #\/components\/schemas\/Broken\/multipleOf: multipleOf must be > 0/m);
    expect(run.stderr).not.toMatch(/^\s+at /m); // a spec's problem, not a stack trace
    expect(run.stderr).toContain("Nothing was written");
    expect(await hashTree(out)).toEqual(before);
  }, 120_000);
});

describe("generator/run.mjs: a spec that does not load", () => {
  it("is reported from the spec thread as the in-process generator reports it: file, line, pointer, what is wrong", async () => {
    const root = await tempDir("launcher-broken");
    const out = path.join(root, "out");
    const run = launch(REPO, [path.join(FIXTURES, "broken", "dangling-ref.yaml"), "--out", out], REPO);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: \S*dangling-ref\.yaml:12:23 at #\/paths\/~1orders\/get\/responses\/200\/content\/application~1json\/schema: Can't resolve \$ref `#\/components\/schemas\/Order`/m);
    expect(run.stderr).toContain("Nothing was written");
    expect(await hashTree(root)).toEqual({});
  }, 120_000);
});
