/**
 * The generator thread (see ./thread.ts): loads the generator, then answers its messages one at a time: a
 * redocly.yaml's `apis`, if asked, then the jobs, run one by one with every result posted back at once, after which
 * the thread ends.
 */
import { parentPort } from "node:worker_threads";
import { SpecError } from "./errors.js";
import { withLines } from "./load.js";
import { generate } from "./pipeline.js";
import { redoclyApis, UnreadableConfig } from "./redocly-apis.js";
import type { GenerationJob, ThreadMessage, ThreadReply, ThreadRequest } from "./thread.js";

parentPort?.on("message", async (request: ThreadRequest) => {
  if (request.kind === "apis") {
    let message: ThreadMessage;
    try {
      message = { kind: "apis", ok: true, apis: await redoclyApis(request.file) };
    } catch (error) {
      if (!(error instanceof UnreadableConfig)) throw error;
      message = { kind: "apis", ok: false, message: error.message };
    }
    parentPort?.postMessage(message);
    return;
  }
  parentPort?.postMessage({ kind: "generated", replies: await run(request.jobs) } satisfies ThreadMessage);
  parentPort?.close();
});

async function run(jobs: readonly GenerationJob[]): Promise<ThreadReply[]> {
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
  return replies;
}
