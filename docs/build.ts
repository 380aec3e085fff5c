/**
 * The docs site of any set of specs, from the generator's model (`loadSpec`):
 *   <outDir>/<name>.html  one Redoc page per spec, every operation with a TypeScript sample of its client call
 *   <outDir>/index.html   the landing page: versions, servers, auth and operations of every API (and the
 *                         payment-action table when the specs carry `x-payment-actions`)
 * Every page works offline from file://. The site is built beside `outDir` and swapped in whole.
 *
 * `buildDocs` is what `payspec docs` (cli/docs.ts) calls.
 */
import { readdir, readFile, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { SpecError } from "../generator/errors.js";
import { loadSpec, withLines } from "../generator/load.js";
import type { ApiModel } from "../generator/model.js";
import { PACKAGE_ROOT } from "../generator/package-root.js";
import { describeApi, type ApiSummary } from "./describe-api.js";
import { redoclyCli, renderRedocPage } from "./render-redoc-page.js";
import { documentForRedoc } from "./redoc-document.js";
import { renderLandingPage, SITE_GENERATOR } from "./render-landing.js";


export interface DocsApi {
  /** The spec file: OpenAPI 3.0 or 3.1, YAML or JSON, split across files or not. */
  readonly spec: string;
  /** Page and model name (`<name>.html`); default: the spec's file name without its extension. */
  readonly name?: string;
  /** The client class the samples construct; default: derived from `info.title`, as `payspec generate` does. */
  readonly clientName?: string;
  /**
   * The module the samples import the client from: `payspec/<name>` for this project's specs, or the user's output
   * folder such as `./src/api/index.js`. Default `./generated/<name>/index.js`, where `payspec generate <spec>` writes.
   */
  readonly importFrom?: string;
}

export interface BuildDocsOptions {
  readonly apis: readonly DocsApi[];
  /** Replaced whole by the new site; refused when it holds the working folder, a spec, or files of its own. */
  readonly outDir: string;
  /** The landing page's heading; default "Payment API reference" when the specs carry payment actions, else "API reference". */
  readonly title?: string;
  readonly log?: (line: string) => void;
}

export interface BuiltPage {
  readonly name: string;
  /** The page, `<outDir>/<name>.html`. */
  readonly file: string;
  /** The model it was built from: `model.warnings` are the loader's located warnings, for the command to print. */
  readonly model: ApiModel;
}

export interface BuiltSite {
  readonly outDir: string;
  readonly index: string;
  readonly pages: readonly BuiltPage[];
}

interface PreparedApi {
  readonly api: DocsApi;
  readonly name: string;
  readonly model: ApiModel;
  readonly summary: ApiSummary;
  readonly document: Record<string, unknown>;
}

/**
 * Builds the site. A spec that does not load, or whose `x-payment-actions` leave the vocabulary, throws `SpecError`
 * (every spec's problems together) before anything is written; a missing @redocly/cli throws saying what to install.
 */
export async function buildDocs(options: BuildDocsOptions): Promise<BuiltSite> {
  const outDir = resolve(options.outDir);
  const log = options.log ?? (() => {});
  const names = checkApis(options.apis);
  await assertReplaceable(outDir, options.apis.map((api) => resolve(api.spec)));
  redoclyCli(); // Before the specs load: without the renderer nothing can be built.

  // Every spec is loaded and described before anything is written, so a bad spec leaves the old site as it was.
  const settled = await Promise.allSettled(options.apis.map((api, index) => prepare(api, names[index] ?? "")));
  const problems = settled.flatMap((result) => (result.status === "rejected" && result.reason instanceof SpecError ? result.reason.problems : []));
  const other = settled.find((result) => result.status === "rejected" && !(result.reason instanceof SpecError));
  if (other?.status === "rejected") throw other.reason;
  if (problems.length > 0) throw new SpecError(problems);
  const prepared = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));

  const staging = `${outDir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    // One page at a time: each is a Redocly process, and the machine's cores are shared.
    for (const { api, name, document } of prepared) {
      await renderRedocPage({ document, outFile: join(staging, `${name}.html`), source: api.spec });
      log(`${sourceName(api.spec)} -> ${sourceName(join(outDir, `${name}.html`))}`);
    }
    const landing = renderLandingPage({
      apis: prepared.map((item) => item.summary),
      sources: prepared.map((item) => sourceName(item.api.spec)),
      ...(options.title !== undefined ? { title: options.title } : {}),
    });
    await writeFile(join(staging, "index.html"), landing);
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const index = join(outDir, "index.html");
  log(`landing page -> ${sourceName(index)}`);
  return { outDir, index, pages: prepared.map(({ name, model }) => ({ name, file: join(outDir, `${name}.html`), model })) };
}

async function prepare(api: DocsApi, name: string): Promise<PreparedApi> {
  const model = await loadSpec(api.spec, { name, ...(api.clientName !== undefined ? { clientName: api.clientName } : {}) });
  let summary: ApiSummary;
  try {
    summary = describeApi(model);
  } catch (error) {
    // A problem found in the model has a pointer: add its line in the spec file, as the loader does for its own.
    throw error instanceof SpecError ? await withLines(error, api.spec) : error;
  }
  const importFrom = api.importFrom ?? `./generated/${name}/index.js`;
  return { api, name, model, summary, document: documentForRedoc(model, { importFrom }) };
}

/** Each API's page name: given or from its file name; one page each, none the landing page. */
function checkApis(apis: readonly DocsApi[]): string[] {
  if (apis.length === 0) throw new Error("No spec to document: pass one or more OpenAPI files.");
  const names = apis.map((api) => api.name ?? basename(api.spec).replace(/\.(ya?ml|json)$/i, ""));
  names.forEach((name, index) => {
    const spec = apis[index]?.spec ?? "";
    if (!/^[A-Za-z0-9][\w-]*$/.test(name) || name.toLowerCase() === "index") {
      throw new Error(`${spec}: cannot name its page "${name}.html": use a name of letters, digits, "-" and "_", other than "index".`);
    }
    const first = names.findIndex((other) => other.toLowerCase() === name.toLowerCase());
    if (first !== index) throw new Error(`${apis[first]?.spec} and ${spec} would both be ${name}.html: give one of them another name.`);
  });
  return names;
}

/**
 * The output folder is replaced whole: refuse one that holds the working folder, this package or a spec, and an
 * existing folder that is not empty and not a site built here (its index.html says so), so that `--out src`
 * cannot wipe a project.
 */
async function assertReplaceable(outDir: string, specFiles: readonly string[]): Promise<void> {
  const holds = (path: string) => path === outDir || path.startsWith(outDir + sep);
  const held = [process.cwd(), PACKAGE_ROOT, ...specFiles].find(holds);
  if (held !== undefined) {
    throw new Error(`Refusing to write the docs to ${outDir}: it is replaced whole and holds ${held}. Pick a folder of its own (e.g. site/).`);
  }
  let entries: string[];
  try {
    if (!(await stat(outDir)).isDirectory()) throw new Error(`Refusing to write the docs to ${outDir}: it is a file.`);
    entries = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (entries.length === 0) return;
  const index = await readFile(join(outDir, "index.html"), "utf8").catch(() => "");
  // The second marker is the footer of sites built before `payspec docs` existed (`npm run docs`).
  if (index.includes(`<meta name="generator" content="${SITE_GENERATOR}"`) || index.includes("Generated by <code>npm run docs</code>")) return;
  throw new Error(`Refusing to replace ${outDir}: it holds files and is not a docs site built by payspec. Pick a new or empty folder (e.g. site/).`);
}

/** A file as the footer and the log show it: relative to the working folder, or its bare name (no home folder in a published page). */
function sourceName(file: string): string {
  const path = relative(process.cwd(), resolve(file));
  return path.startsWith("..") || resolve(path) === path ? basename(file) : path.split(sep).join("/");
}
