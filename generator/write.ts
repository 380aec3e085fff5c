/**
 * Writing output folders all at once, or comparing one with what would be written (`--check`).
 * Every new folder is built next to its old one first; only when all are built are they swapped in, with renames,
 * and a failed swap puts back the folders already swapped. A failure at any point leaves every folder as it was.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutputFiles } from "./pipeline.js";

export interface OutputFolder {
  readonly outDir: string;
  readonly files: OutputFiles;
}

export async function writeOutputFolder(outDir: string, files: OutputFiles): Promise<void> {
  await writeOutputFolders([{ outDir, files }]);
}

/** Writes every folder, or none of them. */
export async function writeOutputFolders(folders: readonly OutputFolder[]): Promise<void> {
  const places = folders.map(({ outDir }) => placesOf(outDir));
  try {
    for (const [index, { files }] of folders.entries()) await stage(places[index]!, files);
  } catch (error) {
    await Promise.all(places.map(({ staging }) => rm(staging, { recursive: true, force: true })));
    throw error;
  }
  const swapped: Array<{ places: Places; hadPrevious: boolean }> = [];
  try {
    for (const place of places) swapped.push({ places: place, hadPrevious: await swapIn(place) });
  } catch (error) {
    for (const done of swapped.reverse()) {
      try {
        await putBack(done.places, done.hadPrevious);
      } catch (undoError) {
        throw new Error(
          `${(error as Error).message}; and ${done.places.target} could not be put back (${(undoError as Error).message}): ` +
            `its previous content is in ${done.places.previous}`,
          { cause: error },
        );
      }
    }
    await Promise.all(places.map(({ staging }) => rm(staging, { recursive: true, force: true })));
    throw error;
  }
  await Promise.all(swapped.map(({ places: { previous } }) => rm(previous, { recursive: true, force: true })));
}

interface Places {
  readonly target: string;
  /** The new folder, built before anything is swapped. */
  readonly staging: string;
  /** The old folder, kept until every new one is in place. */
  readonly previous: string;
}

function placesOf(outDir: string): Places {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  return { target, staging: path.join(parent, `.${base}.new-${process.pid}`), previous: path.join(parent, `.${base}.old-${process.pid}`) };
}

async function stage({ staging }: Places, files: OutputFiles): Promise<void> {
  await mkdir(path.dirname(staging), { recursive: true });
  await rm(staging, { recursive: true, force: true });
  for (const [relativePath, text] of Object.entries(files)) {
    const file = path.join(staging, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

/** Moves the old folder aside (if any) and the new one in; says whether there was an old one. */
async function swapIn({ target, staging, previous }: Places): Promise<boolean> {
  let hadPrevious = true;
  try {
    await rename(target, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadPrevious = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  return hadPrevious;
}

/** Undoes swapIn: the new folder out (back to staging, removed later), the old one back. */
async function putBack({ target, staging, previous }: Places, hadPrevious: boolean): Promise<void> {
  await rename(target, staging);
  if (hadPrevious) await rename(previous, target);
}

export interface StaleFile {
  /** Path relative to the folder the command runs from, with `/` separators. */
  readonly file: string;
  readonly reason: "differs" | "missing" | "unexpected";
}

/** What differs between `outDir` on disk and `files`; empty when the folder is up to date. */
export async function compareOutputFolder(outDir: string, files: OutputFiles, cwd = process.cwd()): Promise<StaleFile[]> {
  const onDisk = await listFiles(outDir);
  const stale: StaleFile[] = [];
  const shown = (relativePath: string) => displayPath(path.join(outDir, relativePath), cwd);
  for (const [relativePath, text] of Object.entries(files)) {
    if (!onDisk.has(relativePath)) stale.push({ file: shown(relativePath), reason: "missing" });
    else if ((await readFile(path.join(outDir, relativePath), "utf8")) !== text) stale.push({ file: shown(relativePath), reason: "differs" });
  }
  for (const relativePath of [...onDisk].sort()) {
    if (!(relativePath in files)) stale.push({ file: shown(relativePath), reason: "unexpected" });
  }
  return stale;
}

/** `file` as a person reads it: relative to `cwd` when inside it, else absolute; `/` separators. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  return (relative === "" ? "." : relative.startsWith("..") ? absolute : relative).split(path.sep).join("/");
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
