/** `payspec docs`: the static docs site (one Redoc page per spec, a TypeScript sample of every call, a landing page). */
import path from "node:path";
import { parseArgs } from "node:util";
import { buildDocs } from "../docs/build.js";
import { SpecError } from "../generator/errors.js";
import { displayPath } from "../generator/write.js";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command } from "./command.js";
import { CONFIG_FILE, ConfigError } from "./config.js";
import { clientTargets, NoSpecError } from "./targets.js";
import { warningLines } from "./warnings.js";

const USAGE = `Usage: payspec docs [spec...] [--out <dir>]

Builds a static docs site: one Redoc page per spec, where every operation shows how to call it with its generated
client, and a landing page listing every API. Every page works offline from file://. Needs @redocly/cli, an optional
peer dependency: npm i -D @redocly/cli

  (no spec)      every API under \`apis:\` in ${CONFIG_FILE}
  <spec>         a spec file, or the name of an API in ${CONFIG_FILE}
  --out <dir>    output folder, replaced whole (default site/); a folder holding other files is refused

Exit codes: 0 built, 1 a spec could not be rendered (the old site is kept), 2 usage error.`;

export const docsCommand: Command = {
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { out: { type: "string" }, help: { type: "boolean", short: "h", default: false } } });
    } catch (error) {
      io.stderr(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (parsed.values.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    let targets;
    try {
      targets = await clientTargets(parsed.positionals, {}, io.cwd);
    } catch (error) {
      if (error instanceof NoSpecError) {
        io.stderr(`${error.message}\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`error: ${error.message}`);
      return EXIT_PROBLEMS;
    }
    try {
      const site = await buildDocs({
        apis: targets.map((target) => ({
          spec: target.spec,
          name: target.name,
          importFrom: target.usage.importFrom,
          ...(target.clientName !== undefined ? { clientName: target.clientName } : {}),
        })),
        outDir: path.resolve(io.cwd, parsed.values.out ?? "site"),
        log: (line) => io.stdout(line),
      });
      for (const page of site.pages) for (const line of warningLines(page.model.warnings, io.cwd)) io.stderr(line);
      io.stdout(`docs: ${site.pages.length} API page${site.pages.length === 1 ? "" : "s"} + index.html in ${displayPath(site.outDir, io.cwd)}`);
      return EXIT_OK;
    } catch (error) {
      io.stderr(`error: ${error instanceof SpecError ? error.message : (error as Error).message}`);
      return EXIT_PROBLEMS;
    }
  },
};
