/**
 * Per-attempt timeouts combined with the caller's AbortSignal, and an abortable sleep. Web globals only (no
 * node:timers), so the runtime also works in browsers.
 */

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True once this attempt's own timeout fired (as opposed to the caller aborting). */
  readonly timedOut: () => boolean;
  /** Clears the timer; call when the attempt is over, whatever its outcome. */
  readonly dispose: () => void;
}

/** A signal that aborts when the caller's does or after `timeoutMs`, whichever comes first. */
export function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const timeout = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    timeout.abort(new DOMException(`Attempt timed out after ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  const signal = callerSignal === undefined ? timeout.signal : anySignal([callerSignal, timeout.signal]);
  return { signal, timedOut: () => timedOut, dispose: () => clearTimeout(timer) };
}

/** `AbortSignal.any` (Node 20.3+, current browsers), with `linkSignals` as the fallback for older runtimes. */
function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  return typeof AbortSignal.any === "function" ? AbortSignal.any([...signals]) : linkSignals(signals);
}

/** A signal that aborts, with the same reason, when the first of `signals` does. */
export function linkSignals(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
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
