/**
 * The cost of generating the validators, for bench/validators.ts (which runs this in a worker thread with a deep
 * stack and prints the rows it posts): the schema set (planValidators) and Ajv's compilation with the module rewrite
 * (emitCompiledValidators), on one thread, CPU and wall time (medians of 3 runs) and compiled.ts's size; on the
 * synthetic spec of ./synthetic-spec.ts and on GitHub's REST description (./collections.ts).
 */
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { compileJob, emitCompiledValidators, planValidators, VALIDATOR_FILES } from "../generator/emit/validators.js";
import { loadSpec } from "../generator/load.js";
import { collections } from "./collections.js";
import { writeSyntheticSpec } from "./synthetic-spec.js";

const WORK = path.resolve(import.meta.dirname, "..", "test-output", "bench-validators");

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function rows(): Promise<string[][]> {
  const synthetic = path.join(WORK, "synthetic.yaml");
  writeSyntheticSpec(synthetic);
  const specs: Array<[string, string]> = [["synthetic (500 operations, 2,000 schemas)", synthetic]];
  // Installed pinned on first use into the corpus cache, as for bench/generation.ts (./collections.ts).
  specs.push(["GitHub's REST description", collections().github]);
  const out: string[][] = [];
  for (const [label, file] of specs) {
    let model;
    try {
      model = await loadSpec(file);
    } catch (error) {
      out.push([`${label}: not loaded (${(error as Error).message.split("\n")[0]!.slice(0, 80)})`, "", "", "", ""]);
      continue;
    }
    const samples: Array<{ plan: number; compile: number; wall: number; size: number }> = [];
    for (let run = 0; run < 3; run++) {
      const [cpu0, wall0] = [cpuSeconds(), performance.now()];
      const plan = planValidators(model);
      const cpu1 = cpuSeconds();
      const { files } = emitCompiledValidators(compileJob(model, plan));
      samples.push({ plan: cpu1 - cpu0, compile: cpuSeconds() - cpu1, wall: (performance.now() - wall0) / 1000, size: files[VALIDATOR_FILES.compiled]!.length });
    }
    const seconds = (key: "plan" | "compile" | "wall"): string => `${median(samples.map((sample) => sample[key])).toFixed(2)} s`;
    out.push([label, seconds("plan"), seconds("compile"), seconds("wall"), `${(samples[0]!.size / 1e6).toFixed(1)} MB`]);
  }
  return out;
}

if (parentPort) parentPort.postMessage(await rows());
