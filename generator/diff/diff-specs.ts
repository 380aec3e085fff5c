/**
 * The diff's entry points: two spec files, or a spec and its committed version (`--base <ref>`), to a `DiffReport`;
 * and `summarizeAgainstBase`, the one line `payspec generate` prints when it rewrites a committed client.
 *
 * Library choice: the walk over the two specs is ours (compare.ts, schema-compare.ts). Of the npm libraries the issue
 * names, tried on our specs and on the traps the issue lists (June 2026):
 * - openapi-diff (Atlassian, Apache-2.0, 0.24): refuses OpenAPI 3.1 ("Swagger Parser only supports versions 3.0.x"),
 *   and pulls in axios and swagger-parser;
 * - api-smart-diff (MIT, 1.0.6, 0.8 MB, 2 dependencies, maintained): documents OpenAPI 3.0 only, and on 3.1 specs
 *   gets three of the five traps wrong: a response field gaining an enum comes out breaking, a request field gaining
 *   an enum non-breaking, `type: [string, "null"]` in a response non-breaking; its changes are raw document paths
 *   (one per enum item), so every one would have to be re-judged and re-described anyway;
 * - @useoptic/openapi-utilities (MIT, 1.0.9, 2.8 MB, 17 dependencies including chalk and node-machine-id): its `diff`
 *   is a plain JSON diff of two documents, with no `$ref` resolution and no classification (Optic's rules live in
 *   other packages), so a `$ref` renamed to the same shape shows as a change.
 * None gives what the report needs (3.1, `$ref`s followed, a direction-aware verdict, pointers where things are
 * written), and the walk is a few hundred lines over the model `loadSpec` already builds.
 */
import path from "node:path";
import { SpecError, type SpecProblem } from "../errors.js";
import { loadSpec } from "../load.js";
import type { ApiModel } from "../model.js";
import { GitSpecError, locateInRepository, readSpecAtRef } from "./git.js";
import { countsText, diffModels, type DiffReport } from "./report.js";

export interface DiffSpecOptions {
  /** The spec's name; defaults to the (new) spec's file name without extension. */
  readonly name?: string;
  /** The client's class name (redocly.yaml's x-payspec.clientName for an API listed there); default: from the title. */
  readonly clientName?: string;
  /** The folder relative paths are given from and shown from; defaults to the process's folder. */
  readonly cwd?: string;
}

/**
 * The one place the diff loads a spec: the loader's policy and warnings are its own. `shown` turns the path the spec
 * was read from into the one people know (a path relative to their folder, `HEAD:specs/x.yaml`) in what it reports.
 */
async function loadVersion(file: string, shown: (text: string) => string, name: string, clientName: string | undefined): Promise<ApiModel> {
  const relabel = (problem: SpecProblem): SpecProblem => ({
    ...problem,
    file: shown(problem.file),
    message: shown(problem.message),
    ...(problem.hint !== undefined ? { hint: shown(problem.hint) } : {}),
  });
  let model: ApiModel;
  try {
    model = await loadSpec(file, { name, ...(clientName !== undefined ? { clientName } : {}) });
  } catch (error) {
    throw error instanceof SpecError ? new SpecError(error.problems.map(relabel)) : error;
  }
  return { ...model, file: shown(file), warnings: model.warnings.map(relabel) };
}

/** Replaces `file` (absolute, as read) by `label` in a text. */
function showing(file: string, label: string): (text: string) => string {
  return (text) => text.split(file).join(label);
}

function nameOf(file: string, options: DiffSpecOptions): { name: string; clientName: string | undefined } {
  const name = options.name ?? path.basename(file).replace(/\.(ya?ml|json)$/i, "");
  return { name, clientName: options.clientName };
}

function labelOf(file: string, options: DiffSpecOptions): string {
  const relative = path.relative(options.cwd ?? process.cwd(), path.resolve(options.cwd ?? process.cwd(), file));
  return (relative.startsWith("..") ? path.resolve(file) : relative).split(path.sep).join("/");
}

/** Two spec files; the spec is named after the old one (the one the client in use was generated from). */
export async function diffSpecFiles(beforeFile: string, afterFile: string, options: DiffSpecOptions = {}): Promise<DiffReport> {
  const { name, clientName } = nameOf(beforeFile, options);
  const beforeLabel = labelOf(beforeFile, options);
  const afterLabel = labelOf(afterFile, options);
  const [before, after] = await Promise.all([
    loadVersion(path.resolve(options.cwd ?? process.cwd(), beforeFile), showing(path.resolve(options.cwd ?? process.cwd(), beforeFile), beforeLabel), name, clientName),
    loadVersion(path.resolve(options.cwd ?? process.cwd(), afterFile), showing(path.resolve(options.cwd ?? process.cwd(), afterFile), afterLabel), name, clientName),
  ]);
  return diffModels(before, after, { beforeLabel, afterLabel });
}

/** `specFile` as committed at `ref` against `specFile` as it is. Throws `GitSpecError` when there is no such version. */
export async function diffAgainstRef(specFile: string, ref: string, options: DiffSpecOptions = {}): Promise<DiffReport> {
  const { name, clientName } = nameOf(specFile, options);
  const absolute = path.resolve(options.cwd ?? process.cwd(), specFile);
  const committed = await readSpecAtRef(absolute, ref, labelOf(specFile, options));
  try {
    const [before, after] = await Promise.all([
      // Problems in the committed version name `<ref>:<path>`, not the temporary folder it was read into.
      loadVersion(committed.file, committed.relabel, name, clientName),
      loadVersion(absolute, showing(absolute, labelOf(specFile, options)), name, clientName),
    ]);
    return await diffModels(before, after, { beforeLabel: committed.label, afterLabel: labelOf(specFile, options) });
  } finally {
    await committed.remove();
  }
}

/**
 * For `payspec generate`: one line saying what changed in `specFile` since `ref`, e.g.
 * `bigcommerce: 2 breaking, 3 non-breaking changes (payspec diff specs/bigcommerce.yaml --base HEAD)`;
 * undefined when the spec is not tracked at `ref` (or not in a git repository), or nothing changed. A committed version
 * that no longer loads gets a line saying so, rather than an exception in the middle of generating.
 */
export async function summarizeAgainstBase(specFile: string, ref = "HEAD", options: DiffSpecOptions = {}): Promise<string | undefined> {
  const { name } = nameOf(specFile, options);
  try {
    await locateInRepository(path.resolve(options.cwd ?? process.cwd(), specFile));
  } catch (error) {
    if (error instanceof GitSpecError) return undefined;
    throw error;
  }
  const command = `payspec diff ${labelOf(specFile, options)} --base ${ref}`;
  let report: DiffReport;
  try {
    report = await diffAgainstRef(specFile, ref, options);
  } catch (error) {
    if (error instanceof GitSpecError) return undefined;
    if (error instanceof SpecError) return `${name}: cannot compare with ${ref}: ${error.message.split("\n")[0]} (${command})`;
    throw error;
  }
  const counts = countsText(report.counts);
  if (counts === undefined) return undefined;
  return `${name}: ${counts} change${report.changes.length === 1 ? "" : "s"} (${command})`;
}
