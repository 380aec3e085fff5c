/**
 * The generation pipeline: load a spec once into the model, run every emitter on it, and collect one
 * `{ relativePath: text }` map for the output folder. Emitters are pure functions of the model (plus the runtime
 * template files, read once here); writing or checking the folder is `write.ts`'s job.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { emitClient } from "./emit/client.js";
import { emitIndex } from "./emit/index-file.js";
import { emitMsw } from "./emit/msw.js";
import { emitReadme, packageUsage, type ReadmeUsage } from "./emit/readme.js";
import { emitRuntime, LOCAL_RUNTIME_IMPORT } from "./emit/runtime.js";
import { emitTypes } from "./emit/types.js";
import { emitValidators } from "./emit/validators.js";
import type { LoadOptions } from "./load.js";
import type { ApiModel } from "./model.js";
import { compareStrings } from "./names.js";
import { TEMPLATES_RUNTIME_DIR } from "./package-root.js";

export { TEMPLATES_RUNTIME_DIR };

/** Files of an output folder by path relative to it (`client.ts`, `runtime/index.ts`). */
export type OutputFiles = Record<string, string>;

export interface EmitContext {
  /** templates/runtime/*, by path relative to that folder. */
  readonly runtimeFiles: Readonly<Record<string, string>>;
  /**
   * The runtime folder as a module path from the client's folder: `./runtime` (a copy of the runtime inside the
   * client's folder, the default) or a folder several clients share, such as `../runtime`, written separately.
   */
  readonly runtimeImport: string;
  /** How users import and regenerate the client, for its README. */
  readonly usage: ReadmeUsage;
}

export type Emitter = (model: ApiModel, context: EmitContext) => OutputFiles | Promise<OutputFiles>;

/**
 * Emits `validators.ts` (the text), or the files it needs by relative path (which must include `validators.ts`).
 * The default is `emitValidators` from generator/emit/validators.ts; tests may stand in another.
 */
export type ValidatorsEmitter = (model: ApiModel, options: { readonly runtimeImport: string }) => string | OutputFiles | Promise<string | OutputFiles>;

export interface GenerateOptions extends LoadOptions {
  /** Defaults to templates/runtime next to this generator. */
  readonly runtimeDir?: string;
  /** Replaces the validators emitter (tests use a small stand-in); every output has validators. */
  readonly emitValidators?: ValidatorsEmitter;
  /** What the README says of importing and regenerating the client; by default, this package's `payspec/<name>`. */
  readonly usage?: ReadmeUsage;
  /** See `EmitContext.runtimeImport`; default `./runtime`, a copy of the runtime inside the output folder. */
  readonly runtimeImport?: string;
}



export function emittersFor(validatorsEmitter: ValidatorsEmitter = emitValidators): Emitter[] {
  return [
    // First: a validators emitter that waits on another thread (spec-thread.ts) then overlaps the others.
    validatorsStep(validatorsEmitter),
    async (model) => ({ "schema.ts": await emitTypes(model) }),
    (model, context) => ({ "client.ts": emitClient(model, { runtimeImport: context.runtimeImport }) }),
    (model, context) => ({ "index.ts": emitIndex(model, { runtimeImport: context.runtimeImport }) }),
    (model, context) => ({ "README.md": emitReadme(model, context.usage) }),
    (model, context) => ({ "msw.ts": emitMsw(model, { runtimeImport: context.runtimeImport }) }),
    (_model, context) => (context.runtimeImport === LOCAL_RUNTIME_IMPORT ? emitRuntime(context.runtimeFiles) : {}),
  ];
}

function validatorsStep(validatorsEmitter: ValidatorsEmitter): Emitter {
  return async (model, context) => {
    const output = await validatorsEmitter(model, { runtimeImport: context.runtimeImport });
    const files = typeof output === "string" ? { "validators.ts": output } : { ...output };
    if (!("validators.ts" in files)) throw new Error("the validators emitter produced no validators.ts");
    return files;
  };
}

export async function generateFromModel(model: ApiModel, options: GenerateOptions & { runtimeFiles?: Readonly<Record<string, string>> } = {}): Promise<OutputFiles> {
  const context: EmitContext = {
    runtimeFiles: options.runtimeFiles ?? (await readRuntimeFiles(options.runtimeDir ?? TEMPLATES_RUNTIME_DIR)),
    runtimeImport: options.runtimeImport ?? LOCAL_RUNTIME_IMPORT,
    usage: options.usage ?? packageUsage(model.name),
  };
  const files: OutputFiles = {};
  // Every emitter is started before any is awaited, so that one running elsewhere (a worker) overlaps the rest.
  const outputs = await Promise.all(emittersFor(options.emitValidators ?? emitValidators).map(async (emitter) => emitter(model, context)));
  for (const output of outputs) {
    for (const [relativePath, text] of Object.entries(output)) {
      if (relativePath in files) throw new Error(`two emitters produce ${relativePath}`);
      files[relativePath] = text.endsWith("\n") ? text : `${text}\n`;
    }
  }
  return Object.fromEntries(Object.keys(files).sort(compareStrings).map((key) => [key, files[key] as string]));
}

/** Load, bundle and validate `specFile`, then emit every file of its output folder. Throws `SpecError` on a bad spec. */
export async function generate(specFile: string, options: GenerateOptions = {}): Promise<{ model: ApiModel; files: OutputFiles }> {
  // Imported here, not above: Redocly is a large part of start-up, and the CLI's thread does not load specs when
  // the spec thread does (generator/run.mjs).
  const { loadSpec } = await import("./load.js");
  const model = await loadSpec(specFile, options);
  return { model, files: await generateFromModel(model, options) };
}

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
