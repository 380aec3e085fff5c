// Runs the Prism CLI inside this process, and ends it as soon as the parent's end of stdin closes.
// `startMock` spawns this file instead of Prism's bin so that a Prism can never outlive the process
// that started it: stop(), the exit/signal handlers in mock/index.ts cover orderly ends, and this
// covers the rest (the parent killed by SIGKILL, a crashed test worker, an OOM kill).
//
// Usage: node prism-process.mjs <prism arguments...>   (e.g. `mock -h 127.0.0.1 -p 4010 spec.yaml`)
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const prismPackageJson = require.resolve("@stoplight/prism-cli/package.json");
const prismBin = join(dirname(prismPackageJson), require(prismPackageJson).bin.prism);

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();

// Prism generates dynamic responses with prism-http's copy of json-schema-faker, but applies the spec's
// `x-json-schema-faker` options (and --json-schema-faker-fillProperties) to prism-cli's copy. When npm cannot hoist
// one shared copy (this project's own json-schema-faker@0.6 takes the top-level slot), each package gets its own and
// those options silently do nothing. Make prism-cli load prism-http's copy so that Prism's documented options work.
const requireFromCli = createRequire(prismBin);
const requireFromHttp = createRequire(requireFromCli.resolve("@stoplight/prism-http"));
const cliFaker = requireFromCli.resolve("json-schema-faker");
const httpFaker = requireFromHttp.resolve("json-schema-faker");
if (cliFaker !== httpFaker) {
  requireFromHttp("json-schema-faker");
  require.cache[cliFaker] = require.cache[httpFaker];
}

// startMock's `fakerOptions` (JSON in PAYSPEC_PRISM_FAKER_OPTIONS): json-schema-faker options applied after the
// spec's own `x-json-schema-faker`, through the same hook Prism uses for that extension.
const fakerOptions = process.env["PAYSPEC_PRISM_FAKER_OPTIONS"];
if (fakerOptions) {
  const extensions = requireFromCli("./extensions.js");
  const configure = extensions.configureExtensionsUserProvided;
  extensions.configureExtensionsUserProvided = async (...args) => {
    await configure(...args);
    requireFromHttp("json-schema-faker").JSONSchemaFaker.option(JSON.parse(fakerOptions));
  };
}

// Prism's CLI (yargs) parses process.argv.slice(2).
process.argv = [process.argv[0] ?? process.execPath, prismBin, ...process.argv.slice(2)];
require(prismBin);
