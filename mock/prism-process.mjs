// Serves one spec with Prism in this process, and ends as soon as the parent's end of stdin closes, so that a
// Prism started by `startMock` never outlives the process that started it (stop() and the exit/signal handlers in
// mock/index.ts cover orderly ends; this covers the parent killed by SIGKILL, a crashed test worker, an OOM kill).
//
// Usage: node prism-process.mjs '<JSON of MockProcessOptions>' (see mock/index.ts)
//
// Prism through its libraries' public APIs only, not through prism-cli's private modules: `getHttpOperationsFromSpec`
// and `resetJSONSchemaGenerator` of @stoplight/prism-http, `createServer` of @stoplight/prism-http-server and
// `createLogger` of @stoplight/prism-core, each the package's documented entry point, resolved through the installed
// @stoplight/prism-cli (the peer dependency users install), whose dependencies they are. Doing what prism-cli's
// `mock` command does here also halves start-up: the command dereferences the whole spec a second time only to read
// `x-json-schema-faker`, and dereferencing is what start-up costs (bench/mocks.ts).
//
// What it prints, one line each (mock/index.ts reads them):
//   payspec-mock: resolving <file>                         start-up began
//   payspec-mock: <n> operations resolved in <ms> ms       the spec's $refs are resolved
//   payspec-mock: static fallback for <n> responses (...)  responses Prism cannot build in static mode (see below)
//   Prism is listening on http://host:port                 ready
//   fatal: <message>                                       start-up failed (then exit code 1)
// then Prism's request log: method and path, status, violations; never headers or bodies.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { parse as parseYaml } from "yaml";
import { staticFallbacks } from "./static-fallback.mjs";

const options = JSON.parse(process.argv[2] ?? "{}");

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();

const require = createRequire(import.meta.url);
const requireFromCli = createRequire(require.resolve("@stoplight/prism-cli/package.json"));
const requireFromServer = createRequire(requireFromCli.resolve("@stoplight/prism-http-server"));
const { createServer } = requireFromServer("@stoplight/prism-http-server");
const { createLogger } = requireFromServer("@stoplight/prism-core");
// The prism-http that prism-http-server mocks with: its json-schema-faker is the one dynamic responses come from.
const prismHttp = requireFromServer("@stoplight/prism-http");
const requireFromHttp = createRequire(requireFromServer.resolve("@stoplight/prism-http"));

function fatal(message) {
  process.stdout.write(`fatal: ${String(message).replace(/\s+/g, " ").trim()}\n`, () => process.exit(1));
}

try {
  await serve(options);
} catch (error) {
  fatal(error instanceof Error ? error.message : error);
}

async function serve({ spec, host, port, dynamic, seed, fakerOptions }) {
  process.stdout.write(`payspec-mock: resolving ${spec}\n`);
  const started = performance.now();
  const operations = await prismHttp.getHttpOperationsFromSpec(spec);
  if (operations.length === 0) throw new Error("No operations found in the current file.");
  process.stdout.write(`payspec-mock: ${operations.length} operations resolved in ${Math.round(performance.now() - started)} ms\n`);

  configureFaker(spec, fakerOptions);
  if (!dynamic) {
    const fallbacks = staticFallbacks(operations, requireFromHttp("@stoplight/json-schema-sampler"), seed);
    if (fallbacks.length > 0) {
      process.stdout.write(`payspec-mock: static fallback for ${fallbacks.length} responses Prism cannot build from the schema (generated once, seeded): ${fallbacks.slice(0, 5).join(", ")}${fallbacks.length > 5 ? ", ..." : ""}\n`);
    }
  }

  const logger = createLogger("CLI", { level: "info" }, requestLog());
  const server = createServer(operations, {
    cors: true,
    components: { logger: logger.child({ name: "HTTP SERVER" }) },
    config: {
      isProxy: false,
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      mock: { dynamic: Boolean(dynamic), ...(seed !== undefined ? { seed: String(seed) } : {}) },
    },
  });
  const address = await server.listen(port, host);
  process.stdout.write(`Prism is listening on ${address}\n`);
}

/**
 * The spec's own `x-json-schema-faker` (Prism's documented extension), then startMock's `fakerOptions`, applied to the
 * json-schema-faker that prism-http generates with, over Prism's defaults. Read from the file's top level: no need to
 * resolve the document a second time, as prism-cli does, for one top-level key.
 */
function configureFaker(spec, fakerOptions) {
  prismHttp.resetJSONSchemaGenerator();
  const { JSONSchemaFaker } = requireFromHttp("json-schema-faker");
  const text = readFileSync(spec, "utf8");
  let document;
  try {
    if (text.includes("x-json-schema-faker")) document = /\.json$/i.test(spec) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch {
    document = undefined; // getHttpOperationsFromSpec read it: a file it reads and `yaml` does not is no reason to stop
  }
  const own = document && typeof document === "object" ? document["x-json-schema-faker"] : undefined;
  for (const [option, value] of Object.entries(own && typeof own === "object" ? own : {})) {
    if (option === "locale") JSONSchemaFaker.locate("faker").setLocale(value);
    else JSONSchemaFaker.option(option.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase()), value);
  }
  if (fakerOptions) JSONSchemaFaker.option(fakerOptions);
}

const LEVEL_NAMES = { 10: "trace", 20: "debug", 30: "info", 31: "start", 32: "success", 40: "warn", 50: "error", 60: "fatal" };

/**
 * Prism's pino log -> one line per record: its name and message. Only `msg` is printed, never the objects beside it
 * (the request Prism logs with "Request received" carries every header, credentials included): of those, the method
 * and path only.
 */
function requestLog() {
  let pending = "";
  return new Writable({
    write(chunk, _encoding, done) {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        let record;
        try {
          record = JSON.parse(line);
        } catch {
          continue;
        }
        const level = LEVEL_NAMES[record.level] ?? String(record.level);
        const input = record.input;
        const request = input && typeof input === "object" ? ` ${String(input.method).toUpperCase()} ${input.url?.path ?? ""}` : "";
        process.stdout.write(`${level.padEnd(7)} [${record.name ?? "PRISM"}]${request} ${String(record.msg ?? "")}\n`);
      }
      done();
    },
  });
}
