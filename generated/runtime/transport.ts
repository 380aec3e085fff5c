/**
 * What happens between openapi-fetch and the network: redirects that never carry a credential to another origin,
 * and response bodies read no further than `maxResponseBytes`.
 *
 * Redirects are followed here rather than by fetch (`redirect: "manual"`) whenever a request carries a credential or
 * is not a GET or HEAD: fetch would send an apiKey header or query parameter to whatever origin `Location` names,
 * and would turn a redirected POST into a GET that looks like a success. So:
 * - a GET or HEAD follows up to `MAX_REDIRECTS` http(s) redirects; when one leaves the origin, the credential
 *   headers (Authorization, Cookie, the spec's apiKey headers) and query parameters (the spec's apiKey names, and any
 *   whose value is a credential) are dropped, for that hop and every later one;
 * - any other method is never redirected: the call fails with a RedirectError (see core.ts).
 * A browser does not let scripts see a manual redirect (`opaqueredirect`); that too is a RedirectError.
 *
 * ClientCore takes the following as `ClientParts.redirects` (`fetchFollowing`), which the generated client passes only
 * when its spec has a GET or HEAD operation: without it, no redirect is followed (nor needs to be).
 */

export const MAX_REDIRECTS = 10;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Where credentials travel, so that they can be taken off a request before it leaves their origin. */
export interface CredentialPlaces {
  /** Lower-cased header names. */
  readonly headers: ReadonlySet<string>;
  readonly query: ReadonlySet<string>;
  /** Credential values: a query parameter holding one is dropped whatever its name. */
  readonly values: ReadonlySet<string>;
}

export type FetchOnce = (request: Request) => Promise<Response>;

/** A redirect this module follows: a 301/302/303/307/308 with a `Location`. */
export function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) && response.headers.has("location");
}

function isSafeToFollow(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/**
 * Sends `request` and follows the redirects of a GET or HEAD as described above. Returns the first answer that is
 * not followed: a final answer, or a redirect that was not (another method, not http(s), one too many).
 */
export async function fetchFollowing(request: Request, fetchOnce: FetchOnce, credentials: CredentialPlaces): Promise<Response> {
  const origin = new URL(request.url).origin;
  let current = request;
  let stripped = false;
  let response = await fetchOnce(current);
  for (let hops = 0; hops < MAX_REDIRECTS && isSafeToFollow(current.method) && isRedirect(response); hops++) {
    const next = redirectTarget(response, current.url);
    if (next === undefined) return response;
    const headers = new Headers(current.headers);
    if (stripped || next.origin !== origin) {
      stripped = true;
      for (const name of credentials.headers) headers.delete(name);
      const dropped = [...next.searchParams].filter(([name, value]) => credentials.query.has(name) || credentials.values.has(value));
      for (const [name] of dropped) next.searchParams.delete(name);
    }
    await response.body?.cancel();
    current = new Request(next, { method: current.method, headers, signal: current.signal, redirect: "manual" });
    response = await fetchOnce(current);
  }
  return response;
}

/** The http(s) URL a redirect points to, resolved against the request's; undefined for any other scheme or none. */
export function redirectTarget(response: Response, base: string): URL | undefined {
  try {
    const target = new URL(response.headers.get("location") ?? "", base);
    return target.protocol === "http:" || target.protocol === "https:" ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body as text, reading no more than `maxBytes` (counted after fetch has decompressed them): past that, the read
 * is cancelled (the rest is never downloaded) and `tooLarge()` is thrown, so memory stays bounded whatever the
 * server sends. A body whose Content-Length (without Content-Encoding) already says it is too large is not read.
 * (Read chunk by chunk rather than through a TransformStream, which cost a local call 40% more in
 * bench/client-calls.ts; this loop costs what `response.text()` does.)
 */
export async function readText(response: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const length = response.headers.get("content-length");
  const encoding = response.headers.get("content-encoding");
  if (length !== null && (encoding === null || encoding === "identity") && Number(length) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let seen = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    seen += value.byteLength;
    if (seen > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}
