/**
 * `ValidatorsThread`: a validators emitter whose Ajv half (`emitCompiledValidators`) runs on a worker thread
 * (./validators-thread-entry.ts) while this thread writes validators.ts. Usable only where that worker exists as
 * JavaScript, i.e. from the compiled copy `npm run generate` runs (generator/run.mjs); `available()` says so.
 * The thread starts at construction, so that it loads Ajv while the caller loads its specs.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { compileJob, emitValidatorsModule, planValidators, type CompileJob } from "./emit/validators.js";
import type { ApiModel } from "./model.js";
import type { OutputFiles, ValidatorsEmitter } from "./pipeline.js";
import type { ValidatorsReply, ValidatorsRequest } from "./validators-thread-entry.js";

const WORKER_URL = new URL("./validators-thread-entry.js", import.meta.url);

/** A deep stack, as for the CLI's own thread: Ajv compiles long `$ref` chains recursively (see generator/run.mjs). */
const THREAD_LIMITS = { stackSizeMb: 256 } as const;

export class ValidatorsThread {
  static available(): boolean {
    return fileURLToPath(import.meta.url).endsWith(".js");
  }

  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (files: OutputFiles) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor() {
    this.#worker = new Worker(WORKER_URL, { resourceLimits: THREAD_LIMITS });
    this.#worker.on("message", (reply: ValidatorsReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if ("files" in reply) pending?.resolve({ ...reply.files });
      else pending?.reject(Object.assign(new Error(reply.error.message), reply.error.stack !== undefined ? { stack: reply.error.stack } : {}));
    });
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the validators worker stopped (exit code ${code})`)));
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
      this.#worker.postMessage({ id, job } satisfies ValidatorsRequest);
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    await this.#worker.terminate();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const { reject } of this.#pending.values()) reject(this.#failure);
    this.#pending.clear();
  }
}
