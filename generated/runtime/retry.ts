/**
 * When and how long to wait before trying again. Only methods safe to repeat are ever retried: a POST or PATCH
 * (a capture, void, refund, collect-payment) is never sent twice by the client, whatever the failure.
 *
 * ClientCore takes the waits as `ClientParts.retries` (`retryWaits`), which the generated client passes only when its
 * spec has an operation safe to repeat: a client of POSTs alone, which never retries, bundles none of them.
 */
import type { HttpMethod } from "./operation.js";
import { sleep } from "./signals.js";

const REPEATABLE_METHODS: ReadonlySet<HttpMethod> = new Set(["get", "head", "options", "put", "delete", "trace"]);

/** 408 Request Timeout, 429 Too Many Requests, 502/503/504: the request was not acted on, or can be repeated. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** A server asking for a longer wait than this is not retried: the error goes back to the caller at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function isRepeatableMethod(method: HttpMethod): boolean {
  return REPEATABLE_METHODS.has(method);
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * The shapes of an HTTP-date (RFC 9110 5.6.7): IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850
 * form (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`); Date.parse reads the names.
 * Nothing else is a date (`-5` would be read as a year).
 */
const HTTP_DATE = /^[A-Z][a-z]{2,8}, \d\d[ -][A-Z][a-z]{2}[ -]\d{2,4} \d\d:\d\d:\d\d GMT$|^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;

/**
 * The wait the server asked for, in ms: `retry-after-ms` (a non-negative number of milliseconds), else `Retry-After`
 * as non-negative whole seconds or an HTTP-date (a date in the past gives 0). `undefined` for anything else (`-5`,
 * `1.5`, `soon`): the caller then backs off as if nothing was asked.
 */
export function serverRequestedDelayMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms !== undefined && /^\d+(?:\.\d+)?$/.test(ms)) return Number(ms);
  const value = headers.get("retry-after")?.trim();
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const date = Date.parse(value.endsWith("GMT") ? value : `${value} GMT`); // asctime has no zone, and means GMT
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff: 0.5 s doubling per retry up to 8 s, with ±25% jitter. `retry` counts from 0. */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  return base * (1 + (random() - 0.5) / 2);
}

/**
 * How long to wait before retry number `retry` (0-based) after a response with these headers (none for a
 * connection failure or timeout); `undefined` means do not retry because the server asked for too long a wait.
 */
export function retryDelayMs(retry: number, headers?: Headers): number | undefined {
  const requested = headers === undefined ? undefined : serverRequestedDelayMs(headers);
  if (requested === undefined) return backoffDelayMs(retry);
  return requested <= MAX_RETRY_AFTER_MS ? requested : undefined;
}

/** What ClientCore takes of this module and signals.ts to retry (`ClientParts.retries`). */
export interface RetryWaits {
  /**
   * How long to wait before retry number `retry` (0-based) after an attempt that got `response`, or none (a timeout
   * or connection failure); `undefined`: do not retry (a status not worth it, or a server asking for too long a wait).
   */
  readonly delayMs: (retry: number, response: Response | undefined) => number | undefined;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const retryWaits: RetryWaits = {
  delayMs: (retry, response) => (response === undefined || isRetryableStatus(response.status) ? retryDelayMs(retry, response?.headers) : undefined),
  sleep,
};
