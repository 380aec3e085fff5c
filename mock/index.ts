/**
 * payspec/mock: start a Prism contract mock for a payspec spec (or any OpenAPI file) from a test suite.
 *
 * ```ts
 * import { startMock } from "payspec/mock";
 * const mock = await startMock({ spec: "medusa" });          // free port on 127.0.0.1, static examples
 * const client = new MedusaClient({ baseUrl: mock.url, credentials: { jwtToken: "test" } });
 * ...
 * await mock.stop();                                          // the port is free again when this resolves
 * ```
 *
 * Prism serves every path of the spec at the root of its URL: the spec's server URL (host and base path,
 * e.g. `https://{store}.29next.store/api/admin`) plays no part, so `mock.url` is the client's whole `baseUrl`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { isAbsolute, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";

export interface StartMockOptions {
  /** A payspec spec name (`nextcommerce`, `bigcommerce`, `medusa`, `payments`) or a path to an OpenAPI file. */
  readonly spec: string;
  /** Port to listen on; by default a free one is picked. */
  readonly port?: number;
  /** Host to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Generate responses from the schemas (json-schema-faker) instead of returning the spec's examples. */
  readonly dynamic?: boolean;
  /**
   * Seed for dynamic responses. Prism re-seeds its generator for every request, so with a seed every call of an
   * operation gets the same response; send `Prefer: seed=<n>` on a request to choose its seed (see `preferSeed`).
   */
  readonly seed?: string | number;
  /**
   * json-schema-faker options for dynamic responses, applied over the spec's own `x-json-schema-faker` (Prism's
   * extension for the same thing), e.g. `{ refDepthMax: 1 }` to bound how deep recursive schemas are expanded.
   */
  readonly fakerOptions?: Readonly<Record<string, unknown>>;
  /** How long to wait for Prism to answer before giving up; default `DEFAULT_STARTUP_TIMEOUT_MS` (60 s). */
  readonly startupTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before it sends SIGKILL; default 3 s. */
  readonly stopGraceMs?: number;
  /**
   * Receives every line the mock prints: start-up progress (`payspec-mock: ...`), then Prism's request log at level
   * info (method, path, status, violations; never headers or bodies).
   */
  readonly onOutput?: (line: string) => void;
}

export interface RunningMock {
  /** Base URL of the mock, e.g. `http://127.0.0.1:41234`: pass it as the client's `baseUrl`. */
  readonly url: string;
  /** The spec as given in the options. */
  readonly spec: string;
  /** Absolute path of the OpenAPI file Prism serves. */
  readonly specFile: string;
  readonly host: string;
  readonly port: number;
  readonly dynamic: boolean;
  /** Process id of the Prism process (leader of its own process group). */
  readonly pid: number;
  /** The last lines Prism printed (for failure messages). */
  output(): string;
  /** Stops Prism (SIGTERM to its process group, SIGKILL after the grace period); resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

/** Prism could not be started or did not answer: the message says which spec, why (Prism's own words) and what to do. */
export class MockStartError extends Error {
  override readonly name = "MockStartError";
  constructor(
    message: string,
    readonly spec: string,
    readonly output: string,
  ) {
    super(message);
  }
}

const PRISM_PROCESS = fileURLToPath(new URL("./prism-process.mjs", import.meta.url));
// specs/ sits next to mock/ in the repository, and two levels up from the compiled dist/mock/index.js.
const SPECS_DIR =
  [new URL("../specs/", import.meta.url), new URL("../../specs/", import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL("../specs/", import.meta.url));
const LISTENING = /Prism is listening on (http:\/\/\S+)/;
const OUTPUT_TAIL_LINES = 200;
/**
 * Start-up is Prism resolving the spec's `$ref`s once (bench/mocks.ts): about 1 s for a 200-operation spec, 2-4 s for
 * 450, 8-10 s for GitHub's REST description (1,223 operations, 13 MB) on 2 busy cores. A minute leaves room for
 * specs well past the largest measured on a slow machine; a spec Prism cannot resolve at all gets a message that says
 * so (see startupPhase) rather than a longer wait.
 */
export const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;
const PORT_ATTEMPTS = 5;
/** Path of the readiness probe; Prism's log line about it (a 404) is not passed on. */
const READINESS_PATH = "/__payspec_mock_ready";

/** The names of payspec's own specs, in the order `npm run mock` lists them. */
export const specNames = ["nextcommerce", "bigcommerce", "medusa", "payments"] as const;
export type SpecName = (typeof specNames)[number];

/** Absolute path of a payspec spec by name (`medusa` -> `<package>/specs/medusa.yaml`), or of a given file path. */
export function specPath(spec: string): string {
  if ((specNames as readonly string[]).includes(spec)) return resolve(SPECS_DIR, `${spec}.yaml`);
  if (/\.(ya?ml|json)$/i.test(spec) || spec.includes("/") || spec.includes("\\")) {
    return isAbsolute(spec) ? spec : resolve(spec);
  }
  throw new Error(
    `Unknown spec "${spec}": use one of ${specNames.join(", ")}, or a path to an OpenAPI file (.yaml, .yml or .json).`,
  );
}

/** `Prefer` header value that makes Prism generate this request's dynamic response from `seed`. */
export function preferSeed(seed: number | string): Record<string, string> {
  return { Prefer: `seed=${seed}` };
}

/** Starts Prism for one spec, waits until it answers HTTP, and returns its URL and a `stop()`. */
export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  const specFile = specPath(options.spec);
  if (!existsSync(specFile)) {
    throw new MockStartError(
      `Cannot mock spec "${options.spec}": ${specFile} does not exist.`,
      options.spec,
      "",
    );
  }
  const host = options.host ?? "127.0.0.1";
  if (options.port !== undefined) return launch(options, specFile, host, options.port);
  // A port found free can be taken by someone else before Prism binds it: pick another and retry.
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort(host);
    try {
      return await launch(options, specFile, host, port);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

class PortInUseError extends MockStartError {}

function findFreePort(host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function launch(options: StartMockOptions, specFile: string, host: string, port: number): Promise<RunningMock> {
  const dynamic = options.dynamic ?? false;
  const processOptions = {
    spec: specFile,
    host,
    port,
    dynamic,
    ...(options.seed !== undefined ? { seed: String(options.seed) } : {}),
    ...(options.fakerOptions ? { fakerOptions: options.fakerOptions } : {}),
  };

  const child = spawn(process.execPath, [PRISM_PROCESS, JSON.stringify(processOptions)], {
    detached: true, // own process group, so stop() reaches anything Prism forks
    stdio: ["pipe", "pipe", "pipe"], // stdin stays open: prism-process.mjs exits when it closes
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const pid = child.pid;
  if (pid === undefined) {
    return Promise.reject(new MockStartError(`Cannot start Prism for "${options.spec}": spawn failed.`, options.spec, ""));
  }
  live.add(child);
  installExitHandlers();

  const tail: string[] = [];
  const output = () => tail.join("\n");
  const onLine = (line: string) => {
    const clean = stripVTControlCharacters(line).trimEnd();
    if (clean === "" || clean.includes(READINESS_PATH)) return;
    tail.push(clean);
    if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
    options.onOutput?.(clean);
  };
  // Prism logs every request: keep reading both streams for its whole life, or a full pipe would block it.
  readLines(child.stdout, onLine);
  readLines(child.stderr, onLine);

  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once("exit", () => resolveExit());
  });
  void exited.then(() => live.delete(child));

  const stopGraceMs = options.stopGraceMs ?? 3_000;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      child.stdin?.end();
      if (!killGroup(pid, "SIGTERM")) return exited;
      const timer = setTimeout(() => killGroup(pid, "SIGKILL"), stopGraceMs);
      await exited;
      clearTimeout(timer);
      killGroup(pid, "SIGKILL"); // anything left in the group
    })();
    return stopping;
  };

  const startupTimeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const where = `${specFile} on ${host}:${port}${dynamic ? " (dynamic)" : ""}`;
  return new Promise<RunningMock>((resolveStart, rejectStart) => {
    let settled = false;
    const fail = (error: MockStartError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => rejectStart(error));
    };
    const timer = setTimeout(() => {
      fail(
        new MockStartError(
          `Prism did not answer within ${startupTimeoutMs} ms for spec "${options.spec}" (${where}); it was stopped ${startupPhase(output())}.` +
            describeOutput(output()),
          options.spec,
          output(),
        ),
      );
    }, startupTimeoutMs);

    child.once("error", (error) => {
      fail(new MockStartError(`Cannot start Prism for "${options.spec}": ${error.message}`, options.spec, output()));
    });
    void exited.then(() => {
      if (settled) return;
      const text = output();
      const reason = prismFailure(text);
      const hint = /EADDRINUSE/.test(text)
        ? options.port !== undefined
          ? ` Port ${port} is taken: stop whatever listens on ${host}:${port}, or leave out the port to use a free one.`
          : ""
        : " Fix the spec (`npm run lint` points at the line) and start the mock again.";
      const message =
        `Prism exited before serving spec "${options.spec}" (${where}, exit code ${child.exitCode ?? child.signalCode}): ` +
        `${reason}.${hint}`;
      fail(
        /EADDRINUSE/.test(text)
          ? new PortInUseError(message, options.spec, text)
          : new MockStartError(message, options.spec, text),
      );
    });

    const watchForListening = (line: string) => {
      const match = LISTENING.exec(stripVTControlCharacters(line));
      if (!match?.[1] || settled) return;
      const url = match[1].replace(/\/$/, "");
      void waitUntilAnswering(url, () => settled).then((ok) => {
        if (settled || !ok) return;
        settled = true;
        clearTimeout(timer);
        child.stdout?.off("data", watchData);
        resolveStart({ url, spec: options.spec, specFile, host, port, dynamic, pid, output, stop });
      });
    };
    let pending = "";
    const watchData = (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(watchForListening);
    };
    child.stdout?.on("data", watchData);
  });
}

/** Polls the URL until Prism answers HTTP at all (its 404 problem+json for an unknown path is an answer). */
async function waitUntilAnswering(url: string, cancelled: () => boolean): Promise<boolean> {
  while (!cancelled()) {
    try {
      const response = await fetch(`${url}${READINESS_PATH}`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return false;
}

/**
 * Where start-up was when it was given up, from the progress lines of prism-process.mjs. Resolving the spec's `$ref`s
 * is what takes the time on a large spec, and how long depends on how its schemas refer to each other, not on its
 * count of operations (bench/mocks.ts): a spec whose schemas share much may never finish.
 */
function startPhase(output: string): "resolving" | "resolved" | "starting" {
  if (/payspec-mock: \d+ operations resolved/.test(output)) return "resolved";
  if (output.includes("payspec-mock: resolving")) return "resolving";
  return "starting";
}

function startupPhase(output: string): string {
  switch (startPhase(output)) {
    case "resolving":
      return (
        "while it was still resolving the spec's $refs (Prism's json-schema-ref-parser; its time grows with how much the " +
        "schemas refer to each other). Give it longer with startupTimeoutMs, or use the generated MSW handlers " +
        "(msw.ts), which need no resolving at start-up"
      );
    case "resolved":
      return "after it had resolved the spec, before it listened";
    default:
      return "before it began to read the spec";
  }
}

/** The reason for failing that prism-process.mjs printed (`fatal: <message>`), else the last line that says one. */
function prismFailure(output: string): string {
  const lines = output.split("\n");
  const fatal = lines
    .map((line) => /^fatal:\s*(.*)$/.exec(line)?.[1]?.trim() ?? "")
    .filter((text) => text !== "");
  if (fatal.length > 0) return fatal.join("; ").replace(/[:.]$/, "");
  // A failed listen() leaves an empty fatal line; node's message is the last line of stderr.
  const listen = lines.find((line) => /\b(EADDRINUSE|EACCES|EADDRNOTAVAIL)\b/.test(line));
  if (listen) return listen.trim();
  return lines.at(-1)?.trim() ?? "it printed nothing";
}

function describeOutput(output: string): string {
  const last = output.split("\n").slice(-10).join("\n");
  return last === "" ? " Prism printed nothing." : ` Prism's last output:\n${last}`;
}

function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    lines.forEach(onLine);
  });
  stream.on("end", () => {
    if (pending !== "") onLine(pending);
  });
}

/** Sends a signal to a whole process group; false when the group no longer exists. */
function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

// Every Prism this process started and that still runs: killed when this process exits or is interrupted.
const live = new Set<ChildProcess>();
let handlersInstalled = false;

function killAllLive(): void {
  for (const child of live) if (child.pid !== undefined) killGroup(child.pid, "SIGKILL");
  live.clear();
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once("exit", killAllLive);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      // When the program handles the signal itself (the mock CLI, vitest), it stops its mocks and exits, and the
      // `exit` handler catches whatever is left. Otherwise end the process as it would have ended without us.
      if (process.listenerCount(signal) > 1) return;
      killAllLive();
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
