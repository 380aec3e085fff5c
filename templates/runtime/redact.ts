/**
 * Keeps credentials out of everything an error exposes. The runtime never logs, so errors are the only way a secret
 * could leave through this code. Structurally first:
 *
 * - errors never carry a request: no request headers, no request URL (a query credential would be in it);
 * - response headers that carry credentials by name are replaced by `[redacted]` (`redactHeaders`);
 * - the SDK's own wording (messages, the keys and paths of its objects) is never searched or rewritten.
 *
 * Then, as a backstop, `SecretScrubber` replaces known secrets in text that came from outside: what the server sent
 * back (body, header values, a redirect's location), the renderings of values in validation issues, and what a
 * fetch implementation wrote into its errors. Only secrets of at least 8 characters are searched for (a shorter one
 * matches ordinary words), as the client sends them (trimmed), each part of a basic credential too; the replacement
 * is one pass, so a replacement is never searched again.
 */
import type { ValidationIssue } from "./operation.js";

export const REDACTED = "[redacted]";

/** Shorter secrets are not searched for in text: `test` would turn `qa@test.example` into `qa@[redacted].example`. */
export const MIN_SCRUBBED_LENGTH = 8;

const SENSITIVE_HEADER_NAMES = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
const SENSITIVE_HEADER_PATTERN = /api[-_]?key|token|secret|password|session/i;

/** True for headers whose value is a credential by name, or one of `extraNames` (lower case: a spec's apiKey headers). */
export function isSensitiveHeader(name: string, extraNames: ReadonlySet<string> = new Set()): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADER_NAMES.has(lower) || SENSITIVE_HEADER_PATTERN.test(lower) || extraNames.has(lower);
}

/**
 * A copy of response `headers` with every sensitive value replaced by `[redacted]`, and known secrets scrubbed from
 * the others (a server may echo a token under an innocuous name).
 */
export function redactHeaders(headers: Headers, extraNames: ReadonlySet<string>, scrub: SecretScrubber): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    copy.append(name, isSensitiveHeader(name, extraNames) ? REDACTED : scrub.text(value));
  });
  return copy;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces known secrets (as given, and %-encoded as in a query or cookie) in text that came from outside the SDK. */
export class SecretScrubber {
  /** One alternation, longest secret first, so that a secret containing another is replaced whole. */
  readonly #pattern: RegExp | undefined;

  constructor(secrets: Iterable<string>) {
    const all = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < MIN_SCRUBBED_LENGTH) continue;
      all.add(secret);
      all.add(encodeURIComponent(secret));
    }
    const sorted = [...all].sort((a, b) => b.length - a.length);
    this.#pattern = sorted.length === 0 ? undefined : new RegExp(sorted.map(escapeRegExp).join("|"), "g");
  }

  get isEmpty(): boolean {
    return this.#pattern === undefined;
  }

  text(text: string): string {
    return this.#pattern === undefined ? text : text.replace(this.#pattern, REDACTED);
  }

  /** A deep copy of a JSON value the server sent, secrets removed from every string and key. */
  value(value: unknown, depth = 0): unknown {
    if (this.#pattern === undefined) return value;
    if (typeof value === "string") return this.text(value);
    if (depth > 32 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[this.text(key)] = this.value(item, depth + 1);
    return copy;
  }

  /**
   * A validation issue with the rendering of the offending value (`found`) scrubbed, in its message too; the rest of
   * the issue is the SDK's own wording and is left as it is.
   */
  issue(issue: ValidationIssue): ValidationIssue {
    if (issue.found === undefined) return issue;
    const found = this.text(issue.found);
    if (found === issue.found) return issue;
    return { ...issue, found, message: issue.message.split(issue.found).join(found) };
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
