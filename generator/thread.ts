/**
 * `generateInThread`: runs generation jobs on a worker thread with a deep stack, the one way the `payspec` command
 * (and every test that generates a whole spec through it) runs the generator.
 *
 * Why a thread: Ajv compiles a schema's `$ref`'d schemas recursively and openapi-typescript and the emitters walk
 * schemas recursively, so a spec whose schemas reference each other in long chains overflows the main thread's
 * stack (about 1 MB, not ours to set). A worker's stack size is ours to set. Nothing else is gained here.
 * A second thread for part of the work does not pay for itself on a 2-core machine (both threads' garbage collectors
 * share the cores): overlapping the validators with the types bought 7% on GitHub's REST description; compiling the
 * request validators on a second thread while this one compiles the response validators and writes the types and
 * the client bought 12% there (10.8 -> 9.5 s) and cost 19% on a curated spec (bigcommerce, 1.40 -> 1.67 s). Starting
 * this thread before the command reads redocly.yaml (jobs sent by message, so that the thread loads the generator
 * meanwhile) bought 13% on a curated spec in a project with a redocly.yaml (1.63 -> 1.41 s, medians of 6) and
 * nothing without one; measured again once the emitters stopped loading ts-morph, 3-16% from spec to spec (medians
 * of 9). All three are under the 15% a piece of speed machinery must buy.
 *
 * Jobs run one after another in one thread, and every result comes back whole: writing (all folders or none) stays
 * with the caller.
 */
import { Worker } from "node:worker_threads";
import { SpecError, type SpecProblem } from "./errors.js";
import type { LoadOptions } from "./load.js";
import type { ReadmeUsage } from "./emit/readme.js";
import type { OutputFiles } from "./pipeline.js";

/** The stack a generation thread gets; tests and the command share it (generator/thread.ts is their only runner). */
export const GENERATOR_STACK_MB = 256;

export interface GenerationJob extends LoadOptions {
  readonly spec: string;
  /** See pipeline.ts `EmitContext.runtimeImport`. */
  readonly runtimeImport?: string;
  readonly usage?: ReadmeUsage;
  /** Write msw.ts too (pipeline.ts `EmitContext.msw`). */
  readonly msw?: boolean;
}

export type GenerationResult =
  | { readonly ok: true; readonly files: OutputFiles; readonly warnings: readonly SpecProblem[]; readonly name: string; readonly clientName: string }
  | { readonly ok: false; readonly error: Error };

/** What crosses from the thread: an error as data, since only plain values survive the trip. */
export type ThreadReply =
  | { readonly ok: true; readonly files: OutputFiles; readonly warnings: readonly SpecProblem[]; readonly name: string; readonly clientName: string }
  | { readonly ok: false; readonly problems?: readonly SpecProblem[]; readonly message: string; readonly stack?: string };

/** The entry module beside this one: compiled JavaScript in the package, TypeScript when run from the sources. */
function threadEntry(): { readonly code: string } {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = new URL(`./thread-entry.${fromSources ? "ts" : "js"}`, import.meta.url).href;
  // From the sources (the tests, tsx), the thread registers tsx before importing the TypeScript entry.
  return {
    code: fromSources
      ? `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`
      : `import(${JSON.stringify(entry)})`,
  };
}

export async function generateInThread(jobs: readonly GenerationJob[]): Promise<GenerationResult[]> {
  const { code } = threadEntry();
  const worker = new Worker(code, { eval: true, workerData: { jobs }, resourceLimits: { stackSizeMb: GENERATOR_STACK_MB } });
  let replies: ThreadReply[] | undefined;
  const exited = new Promise<number>((resolve, reject) => {
    worker.on("message", (message: ThreadReply[]) => (replies = message));
    worker.on("error", reject);
    worker.on("exit", resolve);
  });
  const exitCode = await exited;
  if (replies === undefined) throw new Error(`payspec: the generator thread stopped (exit code ${exitCode}) without a result`);
  return replies.map((reply) => {
    if (reply.ok) return reply;
    if (reply.problems !== undefined) return { ok: false, error: new SpecError(reply.problems) };
    const error = new Error(reply.message);
    if (reply.stack !== undefined) error.stack = reply.stack;
    return { ok: false, error };
  });
}
