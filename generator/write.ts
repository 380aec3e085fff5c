/**
 * Writing an output folder all at once, or comparing it with what would be written (`--check`).
 * The new folder is built next to the old one and swapped in with renames, so a failure at any point leaves
 * the previous folder as it was.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutputFiles } from "./pipeline.js";

export async function writeOutputFolder(outDir: string, files: OutputFiles): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const staging = path.join(parent, `.${base}.new-${process.pid}`);
  const previous = path.join(parent, `.${base}.old-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [relativePath, text] of Object.entries(files)) {
      const file = path.join(staging, relativePath);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  let hadPrevious = true;
  try {
    await rename(target, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    hadPrevious = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

export interface StaleFile {
  /** Path relative to the current directory, with `/` separators. */
  readonly file: string;
  readonly reason: "differs" | "missing" | "unexpected";
}

/** What differs between `outDir` on disk and `files`; empty when the folder is up to date. */
export async function compareOutputFolder(outDir: string, files: OutputFiles): Promise<StaleFile[]> {
  const onDisk = await listFiles(outDir);
  const stale: StaleFile[] = [];
  const shown = (relativePath: string) => displayPath(path.join(outDir, relativePath));
  for (const [relativePath, text] of Object.entries(files)) {
    if (!onDisk.has(relativePath)) stale.push({ file: shown(relativePath), reason: "missing" });
    else if ((await readFile(path.join(outDir, relativePath), "utf8")) !== text) stale.push({ file: shown(relativePath), reason: "differs" });
  }
  for (const relativePath of [...onDisk].sort()) {
    if (!(relativePath in files)) stale.push({ file: shown(relativePath), reason: "unexpected" });
  }
  return stale;
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return (relative.startsWith("..") ? path.resolve(file) : relative).split(path.sep).join("/");
}

async function listFiles(dir: string): Promise<Set<string>> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return new Set(
      entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")),
    );
  } catch {
    return new Set();
  }
}
