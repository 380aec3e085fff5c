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

// Prism's CLI (yargs) parses process.argv.slice(2).
process.argv = [process.argv[0] ?? process.execPath, prismBin, ...process.argv.slice(2)];
require(prismBin);
