/** `payspec docs`: the static docs site (one Redoc page per spec and a landing page), built by docs/build.ts. */
import path from "node:path";
import { parseArgs } from "node:util";
import { buildDocs } from "../docs/build.js";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command } from "./command.js";

const USAGE = `Usage: payspec docs [--specs <dir>] [--out <dir>]

Builds a static docs site: one Redoc page per spec and a landing page, every page usable offline.

  --specs <dir>   folder of the specs (default specs/)
  --out <dir>     output folder, replaced whole (default site/)

Exit codes: 0 built, 1 a spec could not be rendered (the old site is kept), 2 usage error.`;

export const docsCommand: Command = {
  name: "docs",
  summary: "build the docs site (Redoc pages and a landing page)",
  usage: USAGE,
  async run(argv, io) {
    let values;
    try {
      ({ values } = parseArgs({ args: [...argv], options: { specs: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h", default: false } } }));
    } catch (error) {
      io.stderr(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (values.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    try {
      const site = await buildDocs({
        specsDir: path.resolve(io.cwd, values.specs ?? "specs"),
        outDir: path.resolve(io.cwd, values.out ?? "site"),
        log: (line) => io.stdout(line),
      });
      io.stdout(`docs: ${site.platforms.length} API pages + index.html in ${path.relative(io.cwd, site.outDir) || "."}`);
      return EXIT_OK;
    } catch (error) {
      io.stderr(`error: ${(error as Error).message}`);
      return EXIT_PROBLEMS;
    }
  },
};
