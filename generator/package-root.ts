/**
 * Where payspec's own files are, whether this module runs from the repository's sources (`generator/`) or compiled
 * in the installed package (`dist/generator/`): the package root is the nearest folder above it holding a
 * package.json (`dist/` has none). The generator reads its templates from there at run time; they ship as they are
 * (package.json `files`).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`payspec: no package.json above ${from}; the package is incomplete`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The hand-written client runtime, copied into (or shared by) every generated client. */
export const TEMPLATES_RUNTIME_DIR = path.join(PACKAGE_ROOT, "templates", "runtime");
