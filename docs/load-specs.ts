import { readdir } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";

/** A spec file bundled into one document (every `$ref` to another file inlined; local `#/` refs kept). */
export interface LoadedSpec {
  /** Spec name, from the file name: `specs/nextcommerce.yaml` -> `nextcommerce`. */
  readonly name: string;
  readonly file: string;
  readonly document: Record<string, unknown>;
}

/** Every `*.yaml` / `*.yml` / `*.json` file directly in `specsDir`, sorted by name (split files live in sub-folders). */
export async function listSpecFiles(specsDir: string): Promise<string[]> {
  const entries = await readdir(specsDir, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => resolve(specsDir, entry.name))
    .sort();
  if (files.length === 0) {
    throw new Error(`No spec found in ${specsDir}: expected one or more *.yaml files (e.g. specs/nextcommerce.yaml).`);
  }
  return files;
}

export function specName(file: string): string {
  return basename(file).replace(/\.(ya?ml|json)$/i, "");
}

/** Bundles a spec with Redocly's own bundler, so split specs (`$ref: ./nextcommerce/order.yaml`) resolve as in `redocly build-docs`. */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  const config = await createConfig({});
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({ ref: file, config });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot load ${file}: ${reason}. Every top-level file in the specs folder must be an OpenAPI document; put split parts in a sub-folder (specs/<name>/).`);
  }
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    const lines = errors.map((problem) => {
      const where = problem.location[0];
      const pointer = where ? `${where.source.absoluteRef}#${where.pointer ?? ""}` : file;
      return `  ${pointer}: ${problem.message}`;
    });
    throw new Error(`Cannot bundle ${file}:\n${lines.join("\n")}\nFix the spec (run \`npm run lint\` for details).`);
  }
  const document = result.bundle.parsed as unknown;
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new Error(`${file} is not an OpenAPI document (its top level is not an object).`);
  }
  return { name: specName(file), file, document: document as Record<string, unknown> };
}

export async function loadSpecs(specsDir: string): Promise<LoadedSpec[]> {
  const files = await listSpecFiles(specsDir);
  return Promise.all(files.map((file) => loadSpec(file)));
}

