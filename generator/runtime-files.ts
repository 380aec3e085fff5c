/**
 * The client runtime's source files (templates/runtime), which every output folder gets a copy of or imports. A module
 * of its own so that the CLI's thread, which writes a shared runtime folder, reads them without loading the emitters
 * (openapi-typescript with TypeScript, Redocly, Ajv: about half a second of loading that the generator's thread pays anyway).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The runtime's `.ts` files (tests excluded), recursively, by relative path with `/` separators. */
export async function readRuntimeFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    // Every client imports ./runtime/index.js: generating without the runtime would write clients that cannot load.
    throw new Error(`cannot read the client runtime in ${dir}: ${(error as Error).message}`, { cause: error });
  }
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || /\.test(-d)?\.ts$/.test(entry.name)) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, absolute).split(path.sep).join("/")] = await readFile(absolute, "utf8");
  }
  return files;
}
