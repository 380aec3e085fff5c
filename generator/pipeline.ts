/**
 * The generation pipeline: load a spec once into the model, run every emitter on it, and collect one
 * `{ relativePath: text }` map for the output folder. Emitters are pure functions of the model (plus the runtime
 * template files, read once here); writing or checking the folder is `write.ts`'s job.
 */
import { emitClient } from "./emit/client.js";
import { emitIndex } from "./emit/index-file.js";
import { emitMsw } from "./emit/msw.js";
import { emitReadme, defaultUsage, type ReadmeUsage } from "./emit/readme.js";
import { emitRuntime, LOCAL_RUNTIME_IMPORT } from "./emit/runtime.js";
import { emitTypes } from "./emit/types.js";
import { emitValidators, type ValidatorsOutput } from "./emit/validators.js";
import { SpecError, type SpecProblem } from "./errors.js";
import type { LoadOptions } from "./load.js";
import type { ApiModel } from "./model.js";
import { compareStrings } from "./names.js";
import { TEMPLATES_RUNTIME_DIR } from "./package-root.js";
import { readRuntimeFiles } from "./runtime-files.js";

export { readRuntimeFiles, TEMPLATES_RUNTIME_DIR };

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
  /** Whether to write msw.ts, MSW request handlers for tests (it imports msw, an optional peer of the user's). */
  readonly msw: boolean;
}

/** An emitter's files, and what it compiled otherwise than the spec says (located warnings, see errors.ts). */
export interface EmitterOutput {
  readonly files: OutputFiles;
  readonly warnings: readonly SpecProblem[];
}

export type Emitter = (model: ApiModel, context: EmitContext) => OutputFiles | EmitterOutput | Promise<OutputFiles | EmitterOutput>;

/**
 * Emits `validators.ts` (the text), or the files it needs by relative path (which must include `validators.ts`),
 * with or without warnings. The default is `emitValidators` from generator/emit/validators.ts; tests may stand in
 * another.
 */
export type ValidatorsEmitter = (
  model: ApiModel,
  options: { readonly runtimeImport: string },
) => string | OutputFiles | ValidatorsOutput | Promise<string | OutputFiles | ValidatorsOutput>;

export interface GenerateOptions extends LoadOptions {
  /** Defaults to templates/runtime next to this generator. */
  readonly runtimeDir?: string;
  /** Replaces the validators emitter (tests use a small stand-in); every output has validators. */
  readonly emitValidators?: ValidatorsEmitter;
  /** What the README says of importing and regenerating the client (readme.ts `defaultUsage` when not given). */
  readonly usage?: ReadmeUsage;
  /** See `EmitContext.runtimeImport`; default `./runtime`, a copy of the runtime inside the output folder. */
  readonly runtimeImport?: string;
  /** See `EmitContext.msw`; default false. */
  readonly msw?: boolean;
}

export function emittersFor(validatorsEmitter: ValidatorsEmitter = emitValidators): Emitter[] {
  return [
    validatorsStep(validatorsEmitter),
    async (model) => ({ "schema.ts": await emitTypes(model) }),
    (model, context) => ({ "client.ts": emitClient(model, { runtimeImport: context.runtimeImport }) }),
    (model, context) => ({ "index.ts": emitIndex(model, { runtimeImport: context.runtimeImport, runtimeFiles: context.runtimeFiles }) }),
    (model, context) => ({ "README.md": emitReadme(model, context.usage) }),
    (model, context) => (context.msw ? { "msw.ts": emitMsw(model, { runtimeImport: context.runtimeImport }) } : {}),
    (_model, context) => (context.runtimeImport === LOCAL_RUNTIME_IMPORT ? emitRuntime(context.runtimeFiles) : {}),
  ];
}

function validatorsStep(validatorsEmitter: ValidatorsEmitter): Emitter {
  return async (model, context) => {
    const output = await validatorsEmitter(model, { runtimeImport: context.runtimeImport });
    const { files, warnings } = typeof output === "string" ? { files: { "validators.ts": output }, warnings: [] } : isEmitterOutput(output) ? output : { files: output, warnings: [] };
    if (!("validators.ts" in files)) throw new Error("the validators emitter produced no validators.ts");
    return { files, warnings };
  };
}

function isEmitterOutput(output: OutputFiles | EmitterOutput): output is EmitterOutput {
  return typeof output.files === "object" && Array.isArray(output.warnings);
}

type FromModelOptions = GenerateOptions & { readonly runtimeFiles?: Readonly<Record<string, string>> };

/** Every file of the output folder, sorted by path, and the emitters' warnings (without lines: see `generate`). */
export async function generateOutput(model: ApiModel, options: FromModelOptions = {}): Promise<EmitterOutput> {
  const context: EmitContext = {
    runtimeFiles: options.runtimeFiles ?? (await readRuntimeFiles(options.runtimeDir ?? TEMPLATES_RUNTIME_DIR)),
    runtimeImport: options.runtimeImport ?? LOCAL_RUNTIME_IMPORT,
    usage: options.usage ?? defaultUsage(model.name),
    msw: options.msw ?? false,
  };
  const files: OutputFiles = {};
  const warnings: SpecProblem[] = [];
  const outputs = await Promise.all(emittersFor(options.emitValidators ?? emitValidators).map(async (emitter) => emitter(model, context)));
  for (const output of outputs) {
    const emitted = isEmitterOutput(output) ? output : { files: output, warnings: [] };
    warnings.push(...emitted.warnings);
    for (const [relativePath, text] of Object.entries(emitted.files)) {
      if (relativePath in files) throw new Error(`two emitters produce ${relativePath}`);
      files[relativePath] = text.endsWith("\n") ? text : `${text}\n`;
    }
  }
  return { files: Object.fromEntries(Object.keys(files).sort(compareStrings).map((key) => [key, files[key] as string])), warnings };
}

/** The files of the output folder (`generateOutput` without its warnings). */
export async function generateFromModel(model: ApiModel, options: FromModelOptions = {}): Promise<OutputFiles> {
  return (await generateOutput(model, options)).files;
}

/**
 * Load, bundle and validate `specFile`, then emit every file of its output folder. Throws `SpecError` on a bad spec.
 * `warnings` are the loader's and the emitters', located with their lines.
 */
export async function generate(specFile: string, options: GenerateOptions = {}): Promise<{ model: ApiModel; files: OutputFiles; warnings: readonly SpecProblem[] }> {
  // Imported here, not above: emitters' unit tests need no Redocly.
  const { loadSpec, withLines } = await import("./load.js");
  const model = await loadSpec(specFile, options);
  const { files, warnings } = await generateOutput(model, options);
  const located = warnings.length === 0 ? [] : (await withLines(new SpecError(warnings), specFile)).problems;
  return { model, files, warnings: [...model.warnings, ...located] };
}
