import { describe, expect, it, vi } from "vitest";
import { attemptSignal, sleep } from "../../templates/runtime/signals.js";

describe("signals", () => {
  it("attemptSignal follows the caller's signal, with its reason, even one aborted already", () => {
    const caller = new AbortController();
    const attempt = attemptSignal(caller.signal, 60_000);
    expect(attempt.signal.aborted).toBe(false);
    caller.abort("stop");
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe("stop");
    expect(attempt.timedOut()).toBe(false);
    attempt.dispose();
    const early = attemptSignal(AbortSignal.abort("already"), 60_000);
    expect(early.signal.reason).toBe("already");
    early.dispose();
  });

  it("attemptSignal tells a timeout from a caller abort", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const timed = attemptSignal(undefined, 20);
    vi.advanceTimersByTime(19);
    expect(timed.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    expect(timed.timedOut()).toBe(true);
    expect((timed.signal.reason as DOMException).name).toBe("TimeoutError");

    const caller = new AbortController();
    const aborted = attemptSignal(caller.signal, 10_000);
    caller.abort();
    expect(aborted.signal.aborted).toBe(true);
    expect(aborted.timedOut()).toBe(false);
    aborted.dispose();
  });

  it("sleep rejects with the signal's reason when aborted, and at once when already aborted", async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort("stop");
    await expect(pending).rejects.toBe("stop");
    await expect(sleep(10_000, AbortSignal.abort("now"))).rejects.toBe("now");
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
