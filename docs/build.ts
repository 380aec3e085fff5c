/**
 * `npm run docs`: builds the static docs site from every spec in specs/.
 *   site/<name>.html  one Redoc page per spec (Redocly build-docs, everything inline, works from file://)
 *   site/index.html   the landing page generated from the specs
 * Usage: tsx docs/build.ts [--specs <dir>] [--out <dir>]
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { describePlatform, type PlatformSummary } from "./describe-platform.js";
import { loadSpecs } from "./load-specs.js";
import { renderLandingPage } from "./render-landing.js";
import { renderRedocPage } from "./render-redoc-page.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildDocsOptions {
  /** Folder of the specs (default: `<project>/specs`). */
  readonly specsDir?: string;
  /** Output folder, emptied first (default: `<project>/site`). */
  readonly outDir?: string;
  readonly log?: (line: string) => void;
}

export interface BuiltSite {
  readonly outDir: string;
  readonly index: string;
  readonly platforms: readonly PlatformSummary[];
}

export async function buildDocs(options: BuildDocsOptions = {}): Promise<BuiltSite> {
  const specsDir = resolve(options.specsDir ?? join(PROJECT_ROOT, "specs"));
  const outDir = resolve(options.outDir ?? join(PROJECT_ROOT, "site"));
  const log = options.log ?? (() => {});

  assertDisposable(outDir, specsDir);
  const specs = await loadSpecs(specsDir);
  // Describe every spec before writing anything, so a bad spec fails the build with the site untouched.
  const platforms = specs.map(describePlatform);

  // The site is built beside the output folder and swapped in whole: a failed page leaves the old site as it was.
  const staging = `${outDir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    for (const spec of specs) {
      await renderRedocPage({ specFile: spec.file, outFile: join(staging, `${spec.name}.html`), cwd: PROJECT_ROOT });
      log(`${relative(PROJECT_ROOT, spec.file)} -> ${relative(process.cwd(), join(outDir, `${spec.name}.html`))}`);
    }
    const sources = specs.map((spec) => relative(PROJECT_ROOT, spec.file));
    await writeFile(join(staging, "index.html"), renderLandingPage({ platforms, sources }));
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const index = join(outDir, "index.html");
  log(`landing page -> ${relative(process.cwd(), index)}`);
  return { outDir, index, platforms };
}

/** The output folder is emptied first: refuse one that holds the project or its specs. */
function assertDisposable(outDir: string, specsDir: string): void {
  const holds = (folder: string) => folder === outDir || folder.startsWith(outDir + sep);
  if (holds(PROJECT_ROOT) || holds(specsDir)) {
    throw new Error(`Refusing to use ${outDir} as the docs output: it is emptied before each build and holds the project or its specs. Pick a folder of its own (default: site/).`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { specs: { type: "string" }, out: { type: "string" } } });
  const started = performance.now();
  const site = await buildDocs({
    ...(values.specs === undefined ? {} : { specsDir: values.specs }),
    ...(values.out === undefined ? {} : { outDir: values.out }),
    log: (line) => console.log(line),
  });
  console.log(`docs: ${site.platforms.length} API pages + index.html in ${relative(process.cwd(), site.outDir) || "."} (${Math.round(performance.now() - started)} ms)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
