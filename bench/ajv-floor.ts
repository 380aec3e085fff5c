/**
 * Ajv's own share of generating a spec's validators: the time Ajv, run as is, takes to compile the schemas payspec's
 * validators are made of, with none of payspec's code around it. Beside openapi-typescript's wall time it is the floor
 * of any generator that writes openapi-typescript's types and Ajv-compiled validators (bench/generation.ts prints it
 * so for GitHub's REST description).
 *
 * "As is": `new Ajv2020({ allErrors: true, strict: false })` with ajv-formats, every resource of payspec's schema set
 * added (`addSchema`), then `getSchema` of every export, which compiles each to a function. It leaves out what payspec
 * adds (standalone source, the module's text), so the floor is, if anything, low. Loading the spec is not timed.
 *
 *   tsx bench/ajv-floor.ts <spec>     prints `AJV_COMPILE_MS <ms> <exports>`
 *
 * It runs in a thread with the generator's stack (generator/thread.ts says why a thread).
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { planValidators } from "../generator/emit/validators-compiled.js";
import { loadSpec } from "../generator/load.js";
import { GENERATOR_STACK_MB } from "../generator/thread.js";
import { resourceId } from "../generator/validators/resource-ids.js";

const addFormats = formats.default;

async function ajvCompileMs(spec: string): Promise<{ ms: number; exports: number }> {
  const { set, exportsMap } = planValidators(await loadSpec(spec));
  const started = performance.now();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const format of set.unknownFormats) ajv.addFormat(format, true);
  for (const [key, schema] of Object.entries(set.resources)) ajv.addSchema(schema as object, resourceId(key));
  for (const key of Object.values(exportsMap)) {
    if (!ajv.getSchema(resourceId(key))) throw new Error(`Ajv has no schema ${resourceId(key)}`);
  }
  return { ms: performance.now() - started, exports: Object.keys(exportsMap).length };
}

if (isMainThread) {
  const spec = process.argv[2];
  if (spec === undefined) throw new Error("usage: tsx bench/ajv-floor.ts <spec>");
  const entry = JSON.stringify(import.meta.url);
  const worker = new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); })`, {
    eval: true,
    workerData: { spec },
    resourceLimits: { stackSizeMb: GENERATOR_STACK_MB },
  });
  worker.on("message", ({ ms, exports }: { ms: number; exports: number }) => console.log(`AJV_COMPILE_MS ${ms.toFixed(0)} ${exports}`));
  worker.on("error", (error) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  parentPort!.postMessage(await ajvCompileMs((workerData as { spec: string }).spec));
}
