/**
 * Worker-thread entry that runs `emitCompiledValidators` (generator/emit/validators.ts) for models posted to it, so
 * that Ajv's compilation, the largest part of a generation, runs on a second core while the CLI's thread loads specs
 * and emits the types, the client and validators.ts. `ValidatorsWorker` (./validators-worker-pool.ts) is the other
 * side.
 *
 * Protocol: in `{ id, model }`, out `{ id, files }` or `{ id, error: { message, stack } }`.
 */
import { parentPort } from "node:worker_threads";
import { emitCompiledValidators } from "./emit/validators.js";
import type { ApiModel } from "./model.js";

export interface ValidatorsRequest {
  readonly id: number;
  readonly model: ApiModel;
}

export type ValidatorsReply =
  | { readonly id: number; readonly files: Readonly<Record<string, string>> }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

if (!parentPort) throw new Error("generator/validators-worker runs as a worker thread");
const port = parentPort;
port.on("message", ({ id, model }: ValidatorsRequest) => {
  let reply: ValidatorsReply;
  try {
    reply = { id, files: emitCompiledValidators(model) };
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    reply = { id, error: { message, ...(stack !== undefined ? { stack } : {}) } };
  }
  port.postMessage(reply);
});
