/**
 * `SpecThread`: the CLI's side of the spec thread (./spec-thread-entry.ts, started by generator/run.mjs and reached
 * through a MessagePort). `load(spec)` gives the spec's model as soon as the thread has loaded it, and a validators
 * emitter that writes validators.ts here and takes the Ajv-compiled files the thread sends next.
 *
 * Protocol, per spec `id`: in `{ id, spec, options }`; out `model` or `load-error`, then `plan` (what validators.ts
 * is written from) and `validators`, or `validators-error`.
 */
import type { MessagePort } from "node:worker_threads";
import type { ModulePlan, ValidatorFiles } from "./emit/validators.js";
import { SpecError, type SpecProblem } from "./errors.js";
import type { LoadOptions } from "./load.js";
import type { ApiModel } from "./model.js";
import type { ValidatorsEmitter } from "./pipeline.js";

export interface SpecRequest {
  readonly id: number;
  readonly spec: string;
  readonly options: LoadOptions;
}

/** An error as it crosses threads: a SpecError keeps its problems, anything else its message and stack. */
export interface ThreadError {
  readonly message: string;
  readonly stack?: string;
  readonly problems?: readonly SpecProblem[];
}

export type SpecReply =
  | { readonly id: number; readonly kind: "model"; readonly model: ApiModel }
  | { readonly id: number; readonly kind: "load-error"; readonly error: ThreadError }
  | { readonly id: number; readonly kind: "plan"; readonly plan: ModulePlan }
  | { readonly id: number; readonly kind: "validators"; readonly files: ValidatorFiles }
  | { readonly id: number; readonly kind: "validators-error"; readonly error: ThreadError };

export interface LoadedSpec {
  readonly model: ApiModel;
  /** Every validators file: validators.ts written on this thread, the compiled ones from the spec thread. */
  readonly emitValidators: ValidatorsEmitter;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited only once the model's other files are emitted: a failure before that must not count as unhandled.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

function toError(error: ThreadError): Error {
  if (error.problems) return new SpecError(error.problems);
  return Object.assign(new Error(error.message), error.stack !== undefined ? { stack: error.stack } : {});
}

interface Pending {
  readonly model: Deferred<ApiModel>;
  readonly plan: Deferred<ModulePlan>;
  readonly validators: Deferred<ValidatorFiles>;
}

export class SpecThread {
  readonly #port: MessagePort;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor(port: MessagePort) {
    this.#port = port;
    port.on("message", (reply: SpecReply) => this.#receive(reply));
    // The other side closes only if its thread ends: a crash, or a library calling process.exit.
    port.on("close", () => this.#fail(new Error("the spec thread stopped before it answered")));
  }

  /** Posts the spec to the thread at once (before the first `await`). */
  async load(spec: string, options: LoadOptions = {}): Promise<LoadedSpec> {
    if (this.#failure) throw this.#failure;
    const id = this.#nextId++;
    const entry: Pending = { model: deferred(), plan: deferred(), validators: deferred() };
    this.#pending.set(id, entry);
    this.#port.postMessage({ id, spec, options } satisfies SpecRequest);
    const model = await entry.model.promise;
    return {
      model,
      emitValidators: async (forModel, emitOptions) => {
        // Imported when used: the CLI imports this module before its emitters' libraries (see cli.ts).
        const { emitValidatorsModule } = await import("./emit/validators.js");
        return { ...emitValidatorsModule(forModel, emitOptions, await entry.plan.promise), ...(await entry.validators.promise) };
      },
    };
  }

  /** Ends the other thread (it stops when its port closes). */
  close(): void {
    this.#port.removeAllListeners("close");
    this.#port.close();
  }

  #receive(reply: SpecReply): void {
    const entry = this.#pending.get(reply.id);
    if (!entry) return;
    switch (reply.kind) {
      case "model":
        return entry.model.resolve(reply.model);
      case "load-error":
        this.#pending.delete(reply.id);
        return rejectAll(entry, toError(reply.error));
      case "plan":
        return entry.plan.resolve(reply.plan);
      case "validators":
        this.#pending.delete(reply.id);
        return entry.validators.resolve(reply.files);
      case "validators-error":
        this.#pending.delete(reply.id);
        // Rejects the plan too if it never came (the planning failed): a settled one stays as it was.
        return rejectAll(entry, toError(reply.error));
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const entry of this.#pending.values()) rejectAll(entry, this.#failure);
    this.#pending.clear();
  }
}

/** Settles whatever is still waiting; a promise already settled keeps its value. */
function rejectAll(entry: Pending, error: Error): void {
  entry.model.reject(error);
  entry.plan.reject(error);
  entry.validators.reject(error);
}
