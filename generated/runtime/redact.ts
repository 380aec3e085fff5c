/**
 * Keeps credentials out of everything an error exposes: its message, response headers, body and cause chain.
 * The runtime never logs, so errors are the only way a secret could leave through this code.
 */

export const REDACTED = "[redacted]";

const SENSITIVE_HEADER_NAMES = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
const SENSITIVE_HEADER_PATTERN = /api[-_]?key|token|secret|password|session/i;

/** True for headers whose value is a credential by name, or one of `extraNames` (e.g. a spec's apiKey header). */
export function isSensitiveHeader(name: string, extraNames: ReadonlySet<string> = new Set()): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADER_NAMES.has(lower) || SENSITIVE_HEADER_PATTERN.test(lower) || extraNames.has(lower);
}

/**
 * A copy of `headers` with every sensitive value replaced by `[redacted]` (`extraNames` must be lower case), and
 * known secrets scrubbed from the others (a server may echo a token under an innocuous name).
 */
export function redactHeaders(headers: Headers, extraNames: ReadonlySet<string> = new Set(), scrub?: SecretScrubber): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    copy.append(name, isSensitiveHeader(name, extraNames) ? REDACTED : (scrub?.text(value) ?? value));
  });
  return copy;
}

/**
 * Replaces every occurrence of a known secret (and its URL-encoded form, as it travels in a query or cookie) by
 * `[redacted]`; `secretsOf` adds the base64 pair of basic credentials. Built once per client from its credentials.
 */
export class SecretScrubber {
  readonly #secrets: readonly string[];

  constructor(secrets: Iterable<string>) {
    const all = new Set<string>();
    for (const secret of secrets) {
      if (secret.length === 0) continue;
      all.add(secret);
      all.add(encodeURIComponent(secret));
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.#secrets = [...all].sort((a, b) => b.length - a.length);
  }

  get isEmpty(): boolean {
    return this.#secrets.length === 0;
  }

  text(text: string): string {
    let result = text;
    for (const secret of this.#secrets) result = result.split(secret).join(REDACTED);
    return result;
  }

  /** A deep copy of a JSON-like value with secrets removed from every string (keys included). */
  value(value: unknown, depth = 0): unknown {
    if (this.isEmpty) return value;
    if (typeof value === "string") return this.text(value);
    if (depth > 32 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[this.text(key)] = this.value(item, depth + 1);
    return copy;
  }
}

const SAFE_ERROR_FIELDS = ["code", "errno", "syscall", "address", "port", "hostname"] as const;

/**
 * Rebuilds an error's cause chain from plain fields only. fetch implementations attach arbitrary objects to their
 * errors (undici can carry the request, with its headers); none of them survives this copy, and every string
 * that does is scrubbed.
 */
export function sanitizeCause(error: unknown, scrub: SecretScrubber, depth = 0): Error {
  if (!(error instanceof Error)) {
    return new Error(scrub.text(typeof error === "string" ? error : `non-error thrown: ${typeof error}`));
  }
  const copy = new Error(scrub.text(error.message));
  copy.name = error.name;
  copy.stack = scrub.text(error.stack ?? `${error.name}: ${error.message}`);
  const fields = error as unknown as Record<string, unknown>;
  for (const field of SAFE_ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === "string") Object.defineProperty(copy, field, { value: scrub.text(value), enumerable: true });
    else if (typeof value === "number") Object.defineProperty(copy, field, { value, enumerable: true });
  }
  if (error.cause !== undefined && depth < 5) {
    Object.defineProperty(copy, "cause", {
      value: sanitizeCause(error.cause, scrub, depth + 1),
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
