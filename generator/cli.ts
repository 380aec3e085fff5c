/**
 * `npm run generate [-- <spec>... [--out <dir>] [--name <name>] [--client-name <Class>] [--check]]`
 *
 * With no spec: every `specs/*.yaml|yml|json` into `generated/<name>/`. Other folders in generated/ are left alone
 * (they may be a user's own `--out generated/<x>`): delete a removed spec's folder by hand.
 * `--check` writes nothing and exits 1 naming every stale file. A bad spec exits 1 and writes nothing at all.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { MessagePort } from "node:worker_threads";
import { packageUsage, type ReadmeUsage } from "./emit/readme.js";
import { SpecError } from "./errors.js";
import type { OutputFiles } from "./pipeline.js";
import { SpecThread } from "./spec-thread.js";
import { GENERATED_DIR, PROJECT_CLIENT_NAMES, SPECS_DIR } from "./project.js";
import { compareOutputFolder, displayPath, writeOutputFolders, type StaleFile } from "./write.js";

const USAGE = `Usage: npm run generate [-- <spec.yaml>... [--out <dir>] [--name <name>] [--client-name <ClassName>] [--check]]

  (no spec)            regenerate every spec in ${SPECS_DIR}/ into ${GENERATED_DIR}/<name>/
  <spec.yaml>          generate this spec into ${GENERATED_DIR}/<file name>/ (or --out)
  --out <dir>          output folder (one spec only)
  --name <name>        module name used in docs (default: the spec file name)
  --client-name <C>    client class name (default: from info.title)
  --check              write nothing; exit 1 naming the files that differ from what would be generated`;

interface Target {
  readonly spec: string;
  readonly outDir: string;
  readonly name: string;
  readonly clientName?: string;
  /** What its README says of importing and regenerating it. */
  readonly usage: ReadmeUsage;
}

export interface MainOptions {
  /**
   * A port to the spec thread (./spec-thread-entry.ts, which generator/run.mjs starts): specs are then loaded and
   * their validators compiled there. Without it, everything runs on this thread.
   */
  readonly specThreadPort?: MessagePort;
  /** Runs before the emitters' libraries are imported (generator/run.mjs loads TypeScript from a code cache). */
  readonly beforeLibraries?: () => void | Promise<void>;
}

export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        name: { type: "string" },
        "client-name": { type: "string" },
        check: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const projectMode = args.positionals.length === 0;
  if ((args.values.out !== undefined || args.values.name !== undefined || args.values["client-name"] !== undefined) && args.positionals.length !== 1) {
    console.error(`--out, --name and --client-name apply to exactly one spec.\n\n${USAGE}`);
    return 2;
  }
  const specs = projectMode ? await projectSpecs() : args.positionals;
  if (specs.length === 0) {
    console.error(`No spec found in ${SPECS_DIR}/ (looked for *.yaml, *.yml, *.json).`);
    return 1;
  }
  const targets: Target[] = specs.map((spec) => {
    const fileName = path.basename(spec).replace(/\.(ya?ml|json)$/i, "");
    const name = args.values.name ?? (args.values.out !== undefined ? path.basename(path.resolve(args.values.out)) : fileName);
    const clientName = args.values["client-name"] ?? PROJECT_CLIENT_NAMES[name];
    const outDir = args.values.out ?? path.join(GENERATED_DIR, fileName);
    const command = [spec, ...Object.entries({ out: args.values.out, name: args.values.name, "client-name": args.values["client-name"] })
      .flatMap(([option, value]) => (value === undefined ? [] : [`--${option}`, value]))];
    const usage = usageOf({ outDir, name, regenerate: projectMode ? undefined : command });
    return { spec, outDir, name, ...(clientName !== undefined ? { clientName } : {}), usage };
  });

  // Everything is generated in memory first: one bad spec means nothing is written. The specs are generated
  // concurrently: while one waits for its model or its validators (from the spec thread), the next one goes on.
  // The spec thread gets every spec before this thread loads its emitters' libraries (pipeline.js, imported below),
  // so that both load at once.
  const specThread = options.specThreadPort ? new SpecThread(options.specThreadPort) : undefined;
  const loadOptions = (target: Target) => ({ name: target.name, ...(target.clientName !== undefined ? { clientName: target.clientName } : {}) });
  const loading = specThread ? targets.map((target) => specThread.load(target.spec, loadOptions(target))) : [];
  for (const loaded of loading) loaded.catch(() => {}); // Reported below, per spec.
  await options.beforeLibraries?.();
  const { generate, generateFromModel } = await import("./pipeline.js");
  const generateTarget = async (target: Target, index: number): Promise<OutputFiles> => {
    const loaded = loading[index];
    if (!loaded) return (await generate(target.spec, { ...loadOptions(target), usage: target.usage })).files;
    const { model, emitValidators } = await loaded;
    return generateFromModel(model, { emitValidators, usage: target.usage });
  };
  let results;
  try {
    results = await Promise.allSettled(targets.map(generateTarget));
  } finally {
    specThread?.close();
  }
  const outputs: Array<{ target: Target; files: OutputFiles }> = [];
  let failed = false;
  for (const [index, result] of results.entries()) {
    const target = targets[index]!;
    if (result.status === "fulfilled") {
      outputs.push({ target, files: result.value });
      continue;
    }
    failed = true;
    const error = result.reason as Error;
    if (error instanceof SpecError) {
      // Imported here: only a failed run needs it, and it loads Redocly.
      const { withLines } = await import("./load.js");
      console.error(`error: ${(await withLines(error, target.spec)).message}`);
    } else {
      console.error(`error: ${target.spec}: ${error.stack ?? String(error)}`);
    }
  }
  if (failed) {
    console.error(args.values.check ? "Check aborted: fix the spec errors above." : "Nothing was written: fix the spec errors above.");
    return 1;
  }

  if (args.values.check) {
    const stale: StaleFile[] = [];
    for (const { target, files } of outputs) stale.push(...(await compareOutputFolder(target.outDir, files)));
    if (stale.length > 0) {
      console.error(`Generated files are stale (run \`npm run generate\`):\n${stale.map((s) => `  ${s.file} (${s.reason})`).join("\n")}`);
      return 1;
    }
    console.log(`Up to date: ${outputs.map(({ target }) => displayPath(target.outDir)).join(", ")}`);
    return 0;
  }
  try {
    await writeOutputFolders(outputs.map(({ target, files }) => ({ outDir: target.outDir, files })));
  } catch (error) {
    const folders = outputs.map(({ target }) => `${displayPath(target.outDir)}/`).join(", ");
    console.error(`error: could not write ${folders}; nothing was written: ${(error as Error).message}`);
    return 1;
  }
  for (const { target, files } of outputs) {
    console.log(`Generated ${displayPath(target.outDir)}/ (${Object.keys(files).length} files) from ${displayPath(target.spec)}`);
  }
  return 0;
}

async function projectSpecs(): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(SPECS_DIR, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => path.join(SPECS_DIR, entry.name))
    .sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}

/**
 * What a client's README says of using it. This project's own specs, written to generated/<name>, are the package's
 * `payspec/<name>` exports, regenerated with the others; any other client is imported from the folder it was written
 * to (a path from where the command ran), and, when its spec was named on the command line, regenerated with that
 * command (`regenerate`: the spec and options as given).
 */
function usageOf(target: { outDir: string; name: string; regenerate: readonly string[] | undefined }): ReadmeUsage {
  const exported = target.name in PROJECT_CLIENT_NAMES && path.resolve(target.outDir) === path.resolve(GENERATED_DIR, target.name);
  if (exported) return packageUsage(target.name);
  const folder = displayPath(target.outDir);
  return {
    importFrom: `${/^[./]/.test(folder) ? folder : `./${folder}`}/index.js`,
    regenerate: target.regenerate === undefined ? packageUsage(target.name).regenerate : ["npm run generate --", ...target.regenerate.map(shellWord)].join(" "),
  };
}

function shellWord(word: string): string {
  return /^[\w./:=@+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
