/**
 * `startGeneratorThread`: a worker thread with a deep stack, the one way the `payspec` command (and every test that
 * generates a whole spec through it) runs the generator.
 *
 * Why a thread: Ajv compiles a schema's `$ref`'d schemas recursively and openapi-typescript and the emitters walk
 * schemas recursively, so a spec whose schemas reference each other in long chains overflows the main thread's
 * stack (about 1 MB, not ours to set). A worker's stack size is ours to set.
 *
 * The command starts it as soon as it has read its command line, and has it read redocly.yaml's `apis` too: the thread
 * loads Redocly for the spec anyway, and the command's own thread then never does. In a project with a redocly.yaml
 * that buys 17-19% (bigcommerce 1.52 -> 1.23 s, medusa 1.34 -> 1.10 s, all four specs 2.11 -> 1.76 s; medians of 9-11,
 * interleaved); without one, nothing.
 *
 * A second thread for part of the work does not pay for itself on a 2-core machine (both threads' garbage collectors
 * share the cores): overlapping the validators with the types bought 7% on GitHub's REST description; compiling the
 * request validators on a second thread while this one compiles the response validators and writes the types and
 * the client bought 12% there (10.8 -> 9.5 s) and cost 19% on a curated spec (bigcommerce, 1.40 -> 1.67 s). Both are
 * under the 15% a piece of speed machinery must buy.
 *
 * Jobs run one after another in one thread, and every result comes back whole: writing (all folders or none) stays
 * with the caller.
 */
import { Worker } from "node:worker_threads";
import { SpecError, type SpecProblem } from "./errors.js";
import type { LoadOptions } from "./load.js";
import type { ReadmeUsage } from "./emit/readme.js";
import type { OutputFiles } from "./pipeline.js";
import { UnreadableConfig } from "./redocly-apis.js";

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

/** The messages the thread answers, one at a time: a redocly.yaml's `apis` (./redocly-apis.ts), then the jobs. */
export type ThreadRequest = { readonly kind: "apis"; readonly file: string } | { readonly kind: "generate"; readonly jobs: readonly GenerationJob[] };

export type ThreadMessage =
  | { readonly kind: "apis"; readonly ok: true; readonly apis: Readonly<Record<string, unknown>> }
  | { readonly kind: "apis"; readonly ok: false; readonly message: string }
  | { readonly kind: "generated"; readonly replies: readonly ThreadReply[] };

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

/** A generator thread, started before the command knows its jobs so that it loads the generator meanwhile. */
export interface GeneratorThread {
  /** A redocly.yaml's `apis` map, read by Redocly on the thread (see ./redocly-apis.ts). */
  readApis(file: string): Promise<Readonly<Record<string, unknown>>>;
  /** Runs the jobs one after another and ends the thread; every result comes back whole. */
  run(jobs: readonly GenerationJob[]): Promise<GenerationResult[]>;
  /** Ends the thread without jobs (the command found nothing to generate). */
  stop(): Promise<void>;
}

export function startGeneratorThread(): GeneratorThread {
  const { code } = threadEntry();
  const worker = new Worker(code, { eval: true, resourceLimits: { stackSizeMb: GENERATOR_STACK_MB } });
  let answer: ((message: ThreadMessage) => void) | undefined;
  let failure: Error | undefined;
  const exited = new Promise<number>((resolve) => {
    worker.on("message", (message: ThreadMessage) => answer?.(message));
    worker.on("error", (error) => (failure = error));
    worker.on("exit", resolve);
  });
  /** Sends one request; the answer, or the thread's error if it ends first. */
  const ask = (request: ThreadRequest): Promise<ThreadMessage> =>
    new Promise((resolve, reject) => {
      answer = resolve;
      worker.postMessage(request);
      void exited.then((exitCode) => reject(failure ?? new Error(`payspec: the generator thread stopped (exit code ${exitCode}) without a result`)));
    });
  return {
    async readApis(file) {
      const message = await ask({ kind: "apis", file });
      if (message.kind !== "apis") throw new Error(`payspec: the generator thread answered ${message.kind} to apis`);
      if (!message.ok) throw new UnreadableConfig(message.message);
      return message.apis;
    },
    async run(jobs) {
      const message = await ask({ kind: "generate", jobs });
      if (message.kind !== "generated") throw new Error(`payspec: the generator thread answered ${message.kind} to generate`);
      await exited;
      return message.replies.map((reply) => {
        if (reply.ok) return reply;
        if (reply.problems !== undefined) return { ok: false, error: new SpecError(reply.problems) };
        const error = new Error(reply.message);
        if (reply.stack !== undefined) error.stack = reply.stack;
        return { ok: false, error };
      });
    },
    async stop() {
      await worker.terminate();
    },
  };
}
