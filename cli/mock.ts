/**
 * `payspec mock`: serves specs with Prism, one port each, prints a table of spec, URL and mode, then Prism's request
 * log prefixed by spec, until Ctrl-C or SIGTERM stops them all.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { MockStartError, startMock, type RunningMock } from "../mock/index.js";
import type { ProxyViolation } from "../mock/proxy.js";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command, type CommandIo } from "./command.js";
import { CONFIG_FILE, ConfigError, readProjectConfig } from "./config.js";

const USAGE = `Usage: payspec mock [spec...] [--dynamic] [--seed <seed>] [--port <first port>] [--host <host>] [--quiet]
       payspec mock <spec> --proxy <upstream base URL> [--fail-on-violation] [--port <port>] [--host <host>] [--quiet]

Serves each spec with Prism (an optional peer dependency: npm i -D @stoplight/prism-cli), checking every request
against the spec and answering with its examples.

With --proxy, forwards every request to the upstream instead (a sandbox of the real API), checks the request and the
upstream's response against the spec, and returns the upstream's answer unchanged. Prints one line per violation
(operation, direction, JSON pointer, message) and their count when stopped. Credentials pass through to the upstream
and are never printed.

  (no spec)    every API under \`apis:\` in ${CONFIG_FILE}
  <spec>       a spec file, or the name of an API in ${CONFIG_FILE}
  --dynamic    generate responses from the schemas instead of returning the spec's examples
  --seed       seed for dynamic responses (the same response for every call of an operation)
  --port       port of the first spec; the others follow it in the order given (default 4010)
  --host       host to listen on (default 127.0.0.1)
  --quiet      do not print the request log (violations are still printed)
  --proxy      validate live traffic between your client and this upstream base URL (one spec)
  --fail-on-violation  with --proxy: exit with 1 when stopped if any violation was seen

Exit codes: 0 stopped by a signal, 1 a mock could not start (or --fail-on-violation and violations), 2 usage error.`;

interface MockTarget {
  /** What the table shows: the API's name, or the spec file as given. */
  readonly label: string;
  readonly spec: string;
}

class UsageError extends Error {}

export const mockCommand: Command = {
  usage: USAGE,
  async run(argv, io) {
    let options;
    try {
      options = parseCommandLine(argv);
      if (options === "help") {
        io.stdout(USAGE);
        return EXIT_OK;
      }
    } catch (error) {
      io.stderr(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    let targets: MockTarget[];
    try {
      targets = await resolveTargets(options.positionals, io);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`${error.message}\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      if (error instanceof ConfigError) {
        io.stderr(`error: ${error.message}`);
        return EXIT_PROBLEMS;
      }
      throw error;
    }
    if (options.proxy !== undefined) {
      if (targets.length !== 1) {
        io.stderr(`--proxy checks one spec against one upstream; got ${targets.length} specs.\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      return serveProxy(targets[0]!, options.proxy, options, io);
    }
    if (options.failOnViolation) {
      io.stderr(`--fail-on-violation goes with --proxy.\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (!prismInstalled()) {
      io.stderr("error: payspec mock runs Prism, an optional peer dependency that is not installed. Install it beside payspec:\n  npm i -D @stoplight/prism-cli");
      return EXIT_PROBLEMS;
    }
    if (options.firstPort + targets.length - 1 > 65_535) {
      io.stderr(`--port ${options.firstPort} leaves no room for ${targets.length} specs.\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    return serve(targets, options, io);
  },
};

interface MockOptions {
  readonly positionals: readonly string[];
  readonly dynamic: boolean;
  readonly seed?: string;
  readonly firstPort: number;
  readonly host: string;
  readonly quiet: boolean;
  readonly proxy?: string;
  readonly failOnViolation: boolean;
}

function parseCommandLine(argv: readonly string[]): MockOptions | "help" {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      dynamic: { type: "boolean", short: "d", default: false },
      seed: { type: "string" },
      port: { type: "string", short: "p", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      quiet: { type: "boolean", short: "q", default: false },
      proxy: { type: "string" },
      "fail-on-violation": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  const firstPort = Number(values.port);
  if (!Number.isInteger(firstPort) || firstPort < 1 || firstPort > 65_535) {
    throw new UsageError(`--port must be a port number from 1 to 65535, got "${values.port}".`);
  }
  if (values.proxy !== undefined) {
    let upstream: URL;
    try {
      upstream = new URL(values.proxy);
    } catch {
      throw new UsageError(`--proxy must be the upstream's base URL (http:// or https://), got "${values.proxy}".`);
    }
    if (upstream.protocol !== "http:" && upstream.protocol !== "https:") {
      throw new UsageError(`--proxy must be an http:// or https:// URL, got "${values.proxy}".`);
    }
    if (values.dynamic || values.seed !== undefined) throw new UsageError("--proxy answers with the upstream's responses: --dynamic and --seed do not apply.");
  }
  return {
    positionals,
    dynamic: values.dynamic,
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    firstPort,
    host: values.host,
    quiet: values.quiet,
    ...(values.proxy !== undefined ? { proxy: values.proxy } : {}),
    failOnViolation: values["fail-on-violation"],
  };
}

async function resolveTargets(positionals: readonly string[], io: CommandIo): Promise<MockTarget[]> {
  const apis = (await readProjectConfig(io.cwd))?.apis ?? [];
  if (positionals.length === 0) {
    if (apis.length === 0) throw new UsageError(`No spec given, and no ${CONFIG_FILE} with \`apis:\` in ${io.cwd}.`);
    return apis.map((api) => ({ label: api.name, spec: api.spec }));
  }
  return [...new Set(positionals)].map((given) => {
    const api = apis.find((candidate) => candidate.name === given);
    return api !== undefined ? { label: api.name, spec: api.spec } : { label: given, spec: path.resolve(io.cwd, given) };
  });
}

async function serve(targets: readonly MockTarget[], options: MockOptions, io: CommandIo): Promise<number> {
  const mocks: RunningMock[] = [];
  const ready = new Set<string>();
  let stopping = false;
  let stopped: () => void = () => {};
  const stopAll = async () => {
    stopping = true;
    await Promise.all(mocks.map((mock) => mock.stop()));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    io.stderr(`\n${signal}: stopping ${mocks.length} mock${mocks.length === 1 ? "" : "s"}...`);
    void stopAll().then(() => stopped());
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const width = Math.max(...targets.map((target) => target.label.length));
    const results = await Promise.allSettled(
      targets.map((target, index) =>
        startMock({
          spec: target.spec,
          host: options.host,
          port: options.firstPort + index,
          dynamic: options.dynamic,
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
          onOutput: (line) => {
            if (!options.quiet && ready.has(target.label)) io.stdout(`${target.label.padEnd(width)} | ${line}`);
          },
        }).then((mock) => {
          mocks.push(mock);
          if (stopping) void mock.stop();
          return mock;
        }),
      ),
    );
    const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    if (failures.length > 0 || stopping) {
      for (const failure of failures) io.stderr(failure instanceof MockStartError || failure instanceof Error ? failure.message : String(failure));
      await stopAll();
      return failures.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
    }
    const mode = options.dynamic ? `dynamic${options.seed !== undefined ? ` (seed ${options.seed})` : ""}` : "static";
    const rows = [["spec", "URL", "mode"], ...targets.map((target, index) => [target.label, results[index]!.status === "fulfilled" ? (results[index] as PromiseFulfilledResult<RunningMock>).value.url : "", mode])];
    io.stdout(formatTable(rows));
    io.stdout("\nPrism serves each spec's paths at the root of its URL: use the URL as the client's baseUrl.\nCtrl-C stops them all.\n");
    for (const target of targets) ready.add(target.label);
    await new Promise<void>((resolve) => (stopped = resolve));
    return EXIT_OK;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Whether Prism resolves from here, where startMock looks for it. */
function prismInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json");
    return true;
  } catch {
    return false;
  }
}

/** `payspec mock <spec> --proxy <upstream>`: the validation proxy (mock/proxy.ts) until a signal stops it. */
async function serveProxy(target: MockTarget, upstream: string, options: MockOptions, io: CommandIo): Promise<number> {
  const { startProxy } = await import("../mock/proxy.js");
  let stopped: () => void = () => {};
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    stopped = () => onSignal("SIGTERM");
  });
  let proxy;
  try {
    proxy = await startProxy({
      spec: target.spec,
      upstream,
      host: options.host,
      port: options.firstPort,
      onViolation: (violation) => io.stdout(formatViolation(violation)),
      ...(options.quiet ? {} : { onRequest: (line: string) => io.stdout(line) }),
    });
  } catch (error) {
    stopped();
    io.stderr(`Cannot start the validation proxy for ${target.label}: ${(error as Error).message}`);
    return EXIT_PROBLEMS;
  }
  io.stdout(formatTable([["spec", "URL", "mode"], [target.label, proxy.url, `proxy to ${new URL(upstream).origin}${new URL(upstream).pathname.replace(/\/$/, "")}`]]));
  io.stdout("\nSend your client's requests to the URL: each goes to the upstream, and its request and response are checked against the spec.\nCtrl-C stops it.\n");
  const signal = await signalled;
  await proxy.stop();
  const requests = proxy.violations.filter((violation) => violation.direction === "request").length;
  const responses = proxy.violations.length - requests;
  io.stderr(
    `\n${signal}: stopped. ${proxy.violations.length} violation${proxy.violations.length === 1 ? "" : "s"} ` +
      `(${requests} in requests, ${responses} in responses) in ${proxy.requests()} request${proxy.requests() === 1 ? "" : "s"}.`,
  );
  return options.failOnViolation && proxy.violations.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** One line per violation: `violation <operation> <direction> <pointer> <message>`. */
function formatViolation(violation: ProxyViolation): string {
  return `violation ${violation.operationId} ${violation.direction} ${violation.pointer || "/"} ${violation.message}`;
}

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}
