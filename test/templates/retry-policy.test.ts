import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  isRepeatableMethod,
  isRetryableStatus,
  retryDelayMs,
  serverRequestedDelayMs,
} from "../../templates/runtime/retry.js";

describe("retry policy", () => {
  it("repeats only methods that are safe to send twice", () => {
    expect(["get", "head", "options", "put", "delete", "trace"].every((m) => isRepeatableMethod(m as "get"))).toBe(true);
    expect(isRepeatableMethod("post")).toBe(false);
    expect(isRepeatableMethod("patch")).toBe(false);
  });

  it("retries 408, 429, 502, 503, 504 and nothing else", () => {
    const retried = [400, 401, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504].filter(isRetryableStatus);
    expect(retried).toEqual([408, 429, 502, 503, 504]);
  });

  it("reads retry-after-ms, Retry-After seconds and Retry-After HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(serverRequestedDelayMs(new Headers({ "retry-after-ms": "250" }), now)).toBe(250);
    expect(serverRequestedDelayMs(new Headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(serverRequestedDelayMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(serverRequestedDelayMs(new Headers({ "retry-after": "Wed, 31 Dec 2025 23:00:00 GMT" }), now)).toBe(0);
    expect(serverRequestedDelayMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(serverRequestedDelayMs(new Headers({ "retry-after-ms": "-5", "retry-after": "1" }), now)).toBe(1000);
    expect(serverRequestedDelayMs(new Headers({ "retry-after": "Thursday, 01-Jan-26 00:00:02 GMT" }), now)).toBe(2000);
    expect(serverRequestedDelayMs(new Headers({ "retry-after": "Thu Jan  1 00:00:03 2026" }), now)).toBe(3000);
    expect(serverRequestedDelayMs(new Headers({ "retry-after-ms": "12.5" }), now)).toBe(12.5);
  });

  it("reads nothing else as a wait: negative or fractional seconds, dates in other formats", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    for (const value of ["-5", "1.5", "+3", "3s", "2026-01-01T00:00:05Z", "01 Jan 2026 00:00:05 GMT", "Thu, 01 Jan 2026 00:00:05 +0000", " "]) {
      expect(serverRequestedDelayMs(new Headers({ "retry-after": value }), now), value).toBeUndefined();
    }
    expect(serverRequestedDelayMs(new Headers({ "retry-after-ms": "-1" }), now)).toBeUndefined();
    expect(serverRequestedDelayMs(new Headers(), now)).toBeUndefined();
  });

  it("backs off from 0.5 s doubling to an 8 s cap, with jitter within ±25%", () => {
    expect([0, 1, 2, 3, 4, 10].map((retry) => backoffDelayMs(retry, () => 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelayMs(0, () => 0)).toBe(375);
    expect(backoffDelayMs(0, () => 1)).toBe(625);
    expect(backoffDelayMs(10, () => 1)).toBe(10_000);
  });

  it("uses the server's delay up to 60 s and declines to retry beyond", () => {
    expect(retryDelayMs(0, new Headers({ "retry-after": "60" }))).toBe(60_000);
    expect(retryDelayMs(0, new Headers({ "retry-after": "61" }))).toBeUndefined();
    const fallback = retryDelayMs(1, new Headers());
    expect(fallback).toBeGreaterThanOrEqual(750);
    expect(fallback).toBeLessThanOrEqual(1250);
  });
});
