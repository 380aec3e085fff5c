/**
 * Test and bench harness: generates a spec's validators (with the schema.ts and runtime/ they import) into a
 * scratch folder inside the repo (so that `ajv` and `ajv-formats` resolve from node_modules), and imports them.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { emitValidators } from "../../../generator/emit/validators.js";
import { emitTypes } from "../../../generator/emit/types.js";
import { emitRuntime } from "../../../generator/emit/runtime.js";
import { loadSpec } from "../../../generator/load.js";
import type { SpecProblem } from "../../../generator/errors.js";
import type { ApiModel, JsonSchema } from "../../../generator/model.js";
import { generateFromModel, readRuntimeFiles, TEMPLATES_RUNTIME_DIR } from "../../../generator/pipeline.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const PROJECT_SPECS = ["nextcommerce", "bigcommerce", "medusa", "payments"] as const;
export const TEST_SPECS_DIR = fileURLToPath(new URL("./specs/", import.meta.url));

export function projectSpecFile(name: string): string {
  return path.join(REPO_ROOT, "specs", `${name}.yaml`);
}

export interface ValidationIssueLike {
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
  readonly expected?: string;
  readonly found?: string;
}
export type ResultLike = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly errors: readonly ValidationIssueLike[] };
export type ValidatorLike = (value: unknown) => ResultLike;

/**
 * What the tests use of the generated validators (their typed API is checked by the type tests): validators.ts, and
 * `operationValidators`, each operation's request validator (validators.ts `requestValidators`) beside its response
 * validators (response-validators.ts `responseValidators`), as the client gets them.
 */
export interface GeneratedValidators {
  readonly schemaValidators: Readonly<Record<string, ValidatorLike>>;
  readonly operationValidators: Readonly<Record<string, { readonly request?: ValidatorLike; readonly responses: Readonly<Record<string, ValidatorLike>> }>>;
  readonly [exported: string]: unknown;
}

type ValidatorTable = Readonly<Record<string, ValidatorLike>>;

export interface Generated {
  readonly model: ApiModel;
  readonly dir: string;
  readonly files: Readonly<Record<string, string>>;
  /** emitValidators' warnings: what its schemas could not be compiled as written. */
  readonly warnings: readonly SpecProblem[];
  readonly module: GeneratedValidators;
}

/**
 * Loads `specFile`, writes validators.ts & co. + schema.ts + runtime/ into test-output/validators/<label>/, imports
 * it. With `wholeClient`, the folder is the generator pipeline's complete output with this emitter wired in (client.ts
 * and index.ts included), as `npm run generate` will write it.
 */
export async function generateValidators(specFile: string, label: string, options: { wholeClient?: boolean } = {}): Promise<Generated> {
  return generateValidatorsOf(await loadSpec(specFile), label, options);
}

/** `model` with `schemas` added to its named schemas, in the model and in its bundled document alike. */
export function withSchemas(model: ApiModel, schemas: Readonly<Record<string, JsonSchema>>): ApiModel {
  const components = (model.document.components ?? {}) as Record<string, unknown>;
  const named = { ...(components.schemas as Record<string, JsonSchema> | undefined), ...schemas };
  return { ...model, schemas: { ...model.schemas, ...schemas }, document: { ...model.document, components: { ...components, schemas: named } } };
}

/**
 * As generateValidators, from a model (a loaded spec, or one a test changed or built). `types: false` leaves out
 * schema.ts (validators.ts imports only its types): for schemas the types emitter is not under test with.
 */
export async function generateValidatorsOf(model: ApiModel, label: string, options: { wholeClient?: boolean; types?: boolean } = {}): Promise<Generated> {
  const dir = path.join(REPO_ROOT, "test-output", "validators", label);
  const { files, warnings } = emitValidators(model);
  const all: Record<string, string> = options.wholeClient
    ? await generateFromModel(model, { emitValidators })
    : { ...files, ...(options.types === false ? {} : { "schema.ts": await emitTypes(model) }), ...emitRuntime(await readRuntimeFiles(TEMPLATES_RUNTIME_DIR)) };
  await rm(dir, { recursive: true, force: true });
  for (const [relative, text] of Object.entries(all)) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  const validators = (await import(pathToFileURL(path.join(dir, "validators.ts")).href)) as { readonly requestValidators: ValidatorTable } & Record<string, unknown>;
  const { responseValidators } = (await import(pathToFileURL(path.join(dir, "response-validators.ts")).href)) as { readonly responseValidators: Readonly<Record<string, ValidatorTable>> };
  const operationIds = new Set([...Object.keys(validators.requestValidators), ...Object.keys(responseValidators)]);
  const operationValidators = Object.fromEntries(
    [...operationIds].map((operationId) => {
      const request = validators.requestValidators[operationId];
      return [operationId, { ...(request !== undefined ? { request } : {}), responses: responseValidators[operationId] ?? {} }];
    }),
  );
  const module = { ...validators, operationValidators } as unknown as GeneratedValidators;
  return { model, dir, files, warnings, module };
}
