/**
 * Per-attempt timeouts combined with the caller's AbortSignal, and an abortable sleep. Web globals only (no
 * node:timers), so the runtime also works in browsers.
 */

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True once this attempt's own timeout fired (as opposed to the caller aborting). */
  readonly timedOut: () => boolean;
  /** Clears the timer and stops following the caller's signal; call when the attempt is over, whatever its outcome. */
  readonly dispose: () => void;
}

/**
 * A signal that aborts when the caller's does (with its reason) or after `timeoutMs`, whichever comes first.
 * One AbortController per attempt, linked to the caller's signal by a listener removed in `dispose`: cheaper than
 * `AbortSignal.any`, whose composite signal also stays registered on a long-lived caller signal.
 */
export function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  return new Attempt(callerSignal, timeoutMs);
}

class Attempt implements AttemptSignal {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort: (() => void) | undefined;
  #timedOut = false;

  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(new DOMException(`Attempt timed out after ${timeoutMs} ms`, "TimeoutError"));
    }, timeoutMs);
    if (caller === undefined) return;
    if (caller.aborted) {
      this.#controller.abort(caller.reason);
      return;
    }
    this.#caller = caller;
    this.#onCallerAbort = () => this.#controller.abort(caller.reason);
    caller.addEventListener("abort", this.#onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  timedOut(): boolean {
    return this.#timedOut;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    if (this.#onCallerAbort !== undefined) this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
