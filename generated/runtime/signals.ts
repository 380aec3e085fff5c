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
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`Attempt timed out after ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
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
