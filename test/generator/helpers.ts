/** Shared by the generator tests: temp output folders inside the repo (so `openapi-fetch` resolves), tsc, hashing. */
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(REPO, "test/fixtures/generator");
const OUTPUT_ROOT = path.join(REPO, "test-output/generator");

export async function tempDir(prefix: string): Promise<string> {
  mkdirSync(OUTPUT_ROOT, { recursive: true });
  return mkdtemp(path.join(OUTPUT_ROOT, `${prefix}-`));
}

/** Compiles `rootFiles` with the repo's strict compiler options; returns the diagnostics as `file:line: message`. */
export function typecheck(rootFiles: readonly string[]): string[] {
  const configFile = ts.readConfigFile(path.join(REPO, "tsconfig.json"), (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, REPO);
  const program = ts.createProgram({ rootNames: [...rootFiles], options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(REPO, diagnostic.file.fileName)}:${line + 1}: ${message}`;
  });
}

/** Every file under `dir` with its sha256, for "unchanged byte for byte" assertions. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return hashes;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash("sha256").update(await readFile(file)).digest("hex");
  }
  return hashes;
}
