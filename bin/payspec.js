#!/usr/bin/env node
// The `payspec` command: runs the compiled CLI (dist/cli/main.js, built by `npm run compile` and by `prepack`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("payspec is not built: run `npm run compile` in its folder (an installed package ships it built).");
  process.exit(1);
}
const { runCli } = await import(cli.href);
process.exitCode = await runCli(process.argv.slice(2));
