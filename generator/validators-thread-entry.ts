/**
 * Thread entry (started by generator/run.mjs) that runs `emitCompiledValidators` (generator/emit/validators.ts) for
 * the jobs posted to the port it is given, so that Ajv's compilation, the largest part of a generation, runs on a
 * second core while the CLI's thread loads specs and emits the types, the client and validators.ts.
 * `ValidatorsThread` (./validators-thread.ts) is the other side. The thread ends when the CLI closes the port.
 *
 * Protocol: in `{ id, job }`, out `{ id, files }` or `{ id, error: { message, stack } }`.
 */
import { workerData, type MessagePort } from "node:worker_threads";
import { emitCompiledValidators, type CompileJob } from "./emit/validators.js";

export interface ValidatorsRequest {
  readonly id: number;
  readonly job: CompileJob;
}

export type ValidatorsReply =
  | { readonly id: number; readonly files: Readonly<Record<string, string>> }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

const port = (workerData as { port?: MessagePort } | undefined)?.port;
if (!port) throw new Error("generator/validators-thread-entry runs as a worker thread given a `port`");
port.on("message", ({ id, job }: ValidatorsRequest) => {
  let reply: ValidatorsReply;
  try {
    reply = { id, files: emitCompiledValidators(job) };
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    reply = { id, error: { message, ...(stack !== undefined ? { stack } : {}) } };
  }
  port.postMessage(reply);
});
