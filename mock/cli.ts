/**
 * `npm run mock [-- <spec>...] [--dynamic] [--seed <seed>] [--port <first port>] [--host <host>] [--quiet]`
 *
 * Serves every payspec spec (or the ones named) with Prism, one port each, prints a table of spec, URL and mode,
 * then Prism's request log prefixed by spec, until Ctrl-C or SIGTERM stops them all.
 */
import { parseArgs } from "node:util";
import { startMock, specNames, type RunningMock, MockStartError } from "./index.js";

const USAGE = `Usage: npm run mock -- [spec...] [--dynamic] [--seed <seed>] [--port <first port>] [--host <host>] [--quiet]

  spec         ${specNames.join(", ")} (default: all of them)
  --dynamic    generate responses from the schemas instead of returning the spec's examples
  --seed       seed for dynamic responses (the same response for every call of an operation)
  --port       port of the first spec in the list above; each spec keeps its own offset from it (default 4010)
  --host       host to listen on (default 127.0.0.1)
  --quiet      do not print Prism's request log`;

interface CliOptions {
  readonly specs: readonly string[];
  readonly dynamic: boolean;
  readonly seed?: string;
  readonly firstPort: number;
  readonly host: string;
  readonly quiet: boolean;
}

function parseCli(argv: readonly string[]): CliOptions | "help" {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      dynamic: { type: "boolean", short: "d", default: false },
      seed: { type: "string" },
      port: { type: "string", short: "p", default: "4010" },
      host: { type: "string", short: "h", default: "127.0.0.1" },
      quiet: { type: "boolean", short: "q", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";
  const unknown = positionals.filter((name) => !(specNames as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown spec ${unknown.map((n) => `"${n}"`).join(", ")}: use one of ${specNames.join(", ")}.`);
  }
  const firstPort = Number(values.port);
  if (!Number.isInteger(firstPort) || firstPort < 1 || firstPort + specNames.length - 1 > 65_535) {
    throw new UsageError(`--port must be a port number from 1 to ${65_535 - specNames.length + 1}, got "${values.port}".`);
  }
  return {
    specs: positionals.length > 0 ? [...new Set(positionals)] : specNames,
    dynamic: values.dynamic,
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    firstPort,
    host: values.host,
    quiet: values.quiet,
  };
}

class UsageError extends Error {}

/** Fixed port per spec, so a spec's URL does not depend on which others are served. */
function portOf(spec: string, firstPort: number): number {
  return firstPort + (specNames as readonly string[]).indexOf(spec);
}

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions | "help";
  try {
    options = parseCli(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const { specs, dynamic, seed, firstPort, host, quiet } = options;

  const mocks: RunningMock[] = [];
  const ready = new Set<string>();
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    await Promise.all(mocks.map((mock) => mock.stop()));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    console.error(`\n${signal}: stopping ${mocks.length} mock${mocks.length === 1 ? "" : "s"}...`);
    void stopAll().then(() => process.exit(0));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const width = Math.max(...specs.map((spec) => spec.length));
  const results = await Promise.allSettled(
    specs.map((spec) =>
      startMock({
        spec,
        host,
        port: portOf(spec, firstPort),
        dynamic,
        ...(seed !== undefined ? { seed } : {}),
        onOutput: (line) => {
          if (!quiet && ready.has(spec)) console.log(`${spec.padEnd(width)} | ${line}`);
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
    for (const failure of failures) {
      console.error(failure instanceof MockStartError || failure instanceof Error ? failure.message : String(failure));
    }
    await stopAll();
    return failures.length > 0 ? 1 : 0;
  }

  const mode = dynamic ? `dynamic${seed !== undefined ? ` (seed ${seed})` : ""}` : "static";
  const byName = new Map(mocks.map((mock) => [mock.spec, mock]));
  const rows = [["spec", "URL", "mode"], ...specs.map((spec) => [spec, byName.get(spec)!.url, mode])];
  console.log(formatTable(rows));
  console.log("\nPrism serves each spec's paths at the root of its URL: use the URL as the client's baseUrl.");
  console.log("Ctrl-C stops them all.\n");
  for (const spec of specs) ready.add(spec);
  return await new Promise<number>(() => {}); // runs until a signal
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
