/**
 * generator/write.ts: several output folders are written all together or not at all. A folder that cannot be built
 * leaves every folder as it was; a swap that fails puts back the folders already swapped; nothing is left behind.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputFolders } from "../../generator/write.js";
import { hashTree, tempDir } from "./helpers.js";

async function twoFolders(): Promise<{ root: string; a: string; b: string; before: Record<string, string> }> {
  const root = await tempDir("write");
  const [a, b] = [path.join(root, "a"), path.join(root, "b")];
  await writeOutputFolders([
    { outDir: a, files: { "index.ts": "old a\n" } },
    { outDir: b, files: { "index.ts": "old b\n" } },
  ]);
  return { root, a, b, before: await hashTree(root) };
}

describe("writeOutputFolders", () => {
  it("replaces every folder and leaves no staging or backup folder", async () => {
    const { root, a, b } = await twoFolders();
    await writeOutputFolders([
      { outDir: a, files: { "index.ts": "new a\n", "runtime/core.ts": "core\n" } },
      { outDir: b, files: { "index.ts": "new b\n" } },
    ]);
    expect(Object.keys(await hashTree(root)).sort()).toEqual(["a/index.ts", "a/runtime/core.ts", "b/index.ts"]);
    expect((await readdir(root)).sort()).toEqual(["a", "b"]);
  });

  it("writes none when one folder cannot be built", async () => {
    const { root, a, b, before } = await twoFolders();
    // `x` is a file, so `x/y` cannot be created: the second folder fails while it is being built.
    const failing = writeOutputFolders([
      { outDir: a, files: { "index.ts": "new a\n" } },
      { outDir: b, files: { x: "file\n", "x/y": "under a file\n" } },
    ]);
    await expect(failing).rejects.toThrow();
    expect(await hashTree(root)).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(["a", "b"]);
  });

  it("puts back the folders already swapped in when a later swap fails", async () => {
    const { root, a, b, before } = await twoFolders();
    // Where b's old folder would be moved aside is taken (a non-empty folder): b's swap fails after a's succeeded.
    const blocked = path.join(root, `.b.old-${process.pid}`);
    await mkdir(blocked);
    await writeFile(path.join(blocked, "keep"), "in the way\n");
    const failing = writeOutputFolders([
      { outDir: a, files: { "index.ts": "new a\n" } },
      { outDir: b, files: { "index.ts": "new b\n" } },
    ]);
    await expect(failing).rejects.toThrow();
    const after = await hashTree(root);
    expect({ a: after["a/index.ts"], b: after["b/index.ts"] }).toEqual({ a: before["a/index.ts"], b: before["b/index.ts"] });
    expect((await readdir(root)).sort()).toEqual([".b.old-" + process.pid, "a", "b"].sort());
  });
});
