/**
 * The second thread of `npm run generate` (started by generator/run.mjs): for each spec posted to its port, it loads
 * the spec (Redocly) and sends the model back, plans the spec's validators and sends the names validators.ts needs,
 * then compiles them with Ajv and sends those files. The CLI's thread meanwhile loads its own libraries and, once it
 * has the model, emits the types, the client and validators.ts: the two largest pieces of work, Redocly and Ajv, run
 * beside the rest on a second core.
 * `SpecThread` (./spec-thread.ts) is the other side; the thread ends when the CLI closes the port.
 *
 * This thread loads no TypeScript: Ajv's half of the validators needs none (see emit/validators-compiled.ts).
 */
import { workerData, type MessagePort } from "node:worker_threads";
import { SpecError } from "./errors.js";
import { loadSpec } from "./load.js";
import type { SpecReply, SpecRequest, ThreadError } from "./spec-thread.js";

const port = (workerData as { port?: MessagePort } | undefined)?.port;
if (!port) throw new Error("generator/spec-thread-entry runs as a worker thread given a `port`");
const reply = (message: SpecReply) => port.postMessage(message);

/** Ajv's half of the validators, imported once the first model is sent: the CLI waits for the model, not for Ajv. */
function loadValidatorsModule(): Promise<typeof import("./emit/validators-compiled.js")> {
  return import("./emit/validators-compiled.js");
}

port.on("message", async ({ id, spec, options }: SpecRequest) => {
  let model;
  try {
    model = await loadSpec(spec, options);
  } catch (error) {
    return reply({ id, kind: "load-error", error: threadError(error) });
  }
  reply({ id, kind: "model", model });
  try {
    const { compileJob, emitCompiledValidators, modulePlan, planValidators } = await loadValidatorsModule();
    const plan = planValidators(model);
    reply({ id, kind: "plan", plan: modulePlan(plan) });
    reply({ id, kind: "validators", files: emitCompiledValidators(compileJob(model, plan)).files });
  } catch (error) {
    reply({ id, kind: "validators-error", error: threadError(error) });
  }
});

function threadError(error: unknown): ThreadError {
  if (error instanceof SpecError) return { message: error.message, problems: error.problems };
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  return { message, ...(stack !== undefined ? { stack } : {}) };
}
