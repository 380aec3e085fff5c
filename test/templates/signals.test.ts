import { describe, expect, it } from "vitest";
import { attemptSignal, linkSignals, sleep } from "../../templates/runtime/signals.js";

describe("signals", () => {
  it("linkSignals (the AbortSignal.any fallback) follows the first signal to abort, with its reason", () => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = linkSignals([a.signal, b.signal]);
    expect(linked.aborted).toBe(false);
    b.abort("second");
    a.abort("first");
    expect(linked.aborted).toBe(true);
    expect(linked.reason).toBe("second");
    expect(linkSignals([AbortSignal.abort("already"), a.signal]).reason).toBe("already");
  });

  it("attemptSignal tells a timeout from a caller abort", async () => {
    const timed = attemptSignal(undefined, 20);
    await new Promise((resolve) => timed.signal.addEventListener("abort", resolve));
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
