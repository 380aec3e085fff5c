/** The generator thread (see ./thread.ts): runs its jobs one by one and posts every result back at once. */
import { parentPort, workerData } from "node:worker_threads";
import { SpecError } from "./errors.js";
import { withLines } from "./load.js";
import { generate } from "./pipeline.js";
import type { GenerationJob, ThreadReply } from "./thread.js";

const { jobs } = workerData as { jobs: readonly GenerationJob[] };
const replies: ThreadReply[] = [];
for (const job of jobs) {
  try {
    const { spec, ...options } = job;
    const { model, files, warnings } = await generate(spec, options);
    replies.push({ ok: true, files, warnings, name: model.name, clientName: model.clientName });
  } catch (error) {
    if (error instanceof SpecError) {
      const located = await withLines(error, job.spec);
      replies.push({ ok: false, problems: located.problems, message: located.message });
    } else {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      replies.push({ ok: false, message, ...(stack !== undefined ? { stack } : {}) });
    }
  }
}
parentPort?.postMessage(replies);
