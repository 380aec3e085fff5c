/** A real node:http server on 127.0.0.1 (port 0) that records every request it receives, for the runtime tests. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";
import { fetchFollowing, querySerializerFor, retryWaits, withCookies, type ClientParts, type OperationInfo, type RetryEvent } from "../../templates/runtime/index.js";

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query exactly as sent, e.g. `/orders/42?api_key=k`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body bytes as text, to compare byte for byte. */
  readonly body: string;
}

/** Answers request number `index` (0-based); may leave `response` unanswered to simulate a hung server. */
export type Handler = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

export interface TestServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      handler(received, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: a port we bound and released. */
export async function closedPortUrl(): Promise<string> {
  const server = await startServer(() => undefined);
  const url = server.url;
  await server.close();
  return url;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(text);
}

/** `OperationInfo.responses` of an operation answering JSON on any 2xx status. */
export const JSON_SUCCESS: OperationInfo["responses"] = { "2XX": { content: ["application/json"] } };

/**
 * Every runtime part a generated client may pass its ClientCore (`ClientParts`): what the client of a spec with
 * query and cookie parameters, operations safe to repeat and GETs gets.
 */
export const EVERY_PART: ClientParts = { query: querySerializerFor, cookies: withCookies, retries: retryWaits, redirects: fetchFollowing };

/** Resolves once `condition` holds, polling on the event loop's check phase (not a timer: tests may fake timers). */
export async function until(condition: () => boolean, bound = 100_000): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i >= bound) throw new Error("condition never held");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Fakes setTimeout and clearTimeout for the test that calls it (undo with `vi.useRealTimers()` in afterEach), so
 * that no test waits for real. `onRetry`, given to a client, records each retry and advances the fake clock by its
 * announced wait as soon as the client has started waiting: the retry then happens at once, and the test asserts
 * the wait through the recorded events.
 */
export function fakeClock(): { readonly events: RetryEvent[]; readonly onRetry: (event: RetryEvent) => void } {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const events: RetryEvent[] = [];
  return {
    events,
    onRetry: (event) => {
      events.push(event);
      setImmediate(() => void vi.advanceTimersByTimeAsync(event.delayMs));
    },
  };
}
