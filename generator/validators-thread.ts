/**
 * `ValidatorsThread`: a validators emitter whose Ajv half (`emitCompiledValidators`) runs on another thread, reached
 * through a MessagePort, while this thread writes validators.ts. generator/run.mjs starts that thread
 * (./validators-thread-entry.ts) beside the CLI's, at once, so that it loads Ajv while the CLI loads its libraries
 * and specs; it hands the CLI the port.
 */
import type { MessagePort } from "node:worker_threads";
import { compileJob, emitValidatorsModule, planValidators, type CompileJob } from "./emit/validators.js";
import type { ApiModel } from "./model.js";
import type { OutputFiles, ValidatorsEmitter } from "./pipeline.js";
import type { ValidatorsReply, ValidatorsRequest } from "./validators-thread-entry.js";

export class ValidatorsThread {
  readonly #port: MessagePort;
  readonly #pending = new Map<number, { resolve: (files: OutputFiles) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor(port: MessagePort) {
    this.#port = port;
    port.on("message", (reply: ValidatorsReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if ("files" in reply) pending?.resolve({ ...reply.files });
      else pending?.reject(Object.assign(new Error(reply.error.message), reply.error.stack !== undefined ? { stack: reply.error.stack } : {}));
    });
    // The other side closes only if its thread ends: a crash, or a library calling process.exit.
    port.on("close", () => this.#fail(new Error("the validators thread stopped before it answered")));
  }

  /** Same files as `emitValidators(model)`. */
  readonly emit: ValidatorsEmitter = async (model: ApiModel) => {
    const plan = planValidators(model);
    const [compiled, module] = await Promise.all([this.#compile(compileJob(model, plan)), Promise.resolve().then(() => emitValidatorsModule(model, plan))]);
    return { ...compiled, ...module };
  };

  #compile(job: CompileJob): Promise<OutputFiles> {
    return new Promise<OutputFiles>((resolve, reject) => {
      if (this.#failure) return reject(this.#failure);
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#port.postMessage({ id, job } satisfies ValidatorsRequest);
    });
  }

  /** Ends the other thread (it stops when its port closes). */
  close(): void {
    this.#port.removeAllListeners("close");
    this.#port.close();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const { reject } of this.#pending.values()) reject(this.#failure);
    this.#pending.clear();
  }
}
