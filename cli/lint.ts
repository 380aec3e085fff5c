/**
 * `payspec lint`: Redocly's rules as redocly.yaml configures them (per API; Redocly's `recommended` set without a
 * redocly.yaml), which is what `redocly lint` reports, plus what `payspec generate` would say of each spec: its
 * errors, and the warnings it would generate with.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createConfig, getLineColLocation, lint, loadConfig, type Config, type NormalizedProblem } from "@redocly/openapi-core";
import { formatProblem, SpecError, type SpecProblem } from "../generator/errors.js";
import { loadSpec } from "../generator/load.js";
import { displayPath } from "../generator/write.js";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command, type CommandIo } from "./command.js";
import { CONFIG_FILE, ConfigError, readProjectConfig } from "./config.js";
import { warningLines } from "./warnings.js";

const USAGE = `Usage: payspec lint [spec...]

Checks specs with Redocly's rules as ${CONFIG_FILE} sets them (Redocly's recommended rules when there is no
${CONFIG_FILE}), and with payspec's own loading policy: the errors that stop \`payspec generate\`, and the warnings
it generates with.

  (no spec)   every API under \`apis:\` in ${CONFIG_FILE}
  <spec>      a spec file, or the name of an API in ${CONFIG_FILE}

Exit codes: 0 no errors (warnings are printed), 1 errors found, 2 usage error.`;

interface LintTarget {
  readonly spec: string;
  /** The API's name in redocly.yaml, whose rules apply. */
  readonly alias?: string;
}

export const lintCommand: Command = {
  usage: USAGE,
  async run(argv, io) {
    let positionals: string[];
    try {
      const parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: "boolean", short: "h", default: false } } });
      if (parsed.values.help) {
        io.stdout(USAGE);
        return EXIT_OK;
      }
      positionals = parsed.positionals;
    } catch (error) {
      io.stderr(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    let project;
    try {
      project = await readProjectConfig(io.cwd);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`error: ${error.message}`);
      return EXIT_PROBLEMS;
    }
    const apis = project?.apis ?? [];
    let targets: LintTarget[];
    if (positionals.length === 0) {
      if (apis.length === 0) {
        io.stderr(`No spec given, and no ${CONFIG_FILE} with \`apis:\` in ${io.cwd}.\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      targets = apis.map((api) => ({ spec: api.spec, alias: api.name }));
    } else {
      targets = positionals.map((given) => {
        const api = apis.find((candidate) => candidate.name === given || candidate.spec === path.resolve(io.cwd, given));
        return api !== undefined ? { spec: api.spec, alias: api.name } : { spec: path.resolve(io.cwd, given) };
      });
    }
    const config = project !== undefined ? await loadConfig({ configPath: project.file }) : await createConfig({ extends: ["recommended"] });
    let errors = 0;
    let warnings = 0;
    for (const target of targets) {
      const counts = await lintOne(target, config, io);
      errors += counts.errors;
      warnings += counts.warnings;
    }
    io.stdout(`${targets.length} spec${targets.length === 1 ? "" : "s"}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`);
    return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};

async function lintOne(target: LintTarget, config: Config, io: CommandIo): Promise<{ errors: number; warnings: number }> {
  const shownSpec = displayPath(target.spec, io.cwd);
  let errors = 0;
  let warnings = 0;
  const report = (severity: "error" | "warning", problem: SpecProblem) => {
    if (severity === "error") errors++;
    else warnings++;
    io.stderr(`${severity}: ${formatProblem(problem)}`);
  };

  let problems: NormalizedProblem[];
  try {
    problems = await lint({ ref: target.spec, config: target.alias !== undefined ? config.forAlias(target.alias) : config });
  } catch (error) {
    report("error", { file: shownSpec, message: `cannot read the spec: ${(error as Error).message}` });
    return { errors, warnings };
  }
  for (const problem of problems) {
    if (problem.ignored) continue;
    report(problem.severity === "error" ? "error" : "warning", redoclyProblem(problem, io.cwd, shownSpec));
  }

  try {
    const model = await loadSpec(target.spec);
    warnings += model.warnings.length;
    for (const line of warningLines(model.warnings.map((warning) => ({ ...warning, message: `${warning.message} [payspec]` })), io.cwd)) io.stderr(line);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    for (const problem of error.problems) report("error", { ...problem, file: displayPath(problem.file, io.cwd), message: `${problem.message} [payspec]` });
  }
  return { errors, warnings };
}

function redoclyProblem(problem: NormalizedProblem, cwd: string, fallbackFile: string): SpecProblem {
  const message = `${problem.message} [${problem.ruleId}]`;
  const location = problem.location[0];
  if (location === undefined) return { file: fallbackFile, message };
  const { start } = getLineColLocation(location);
  return {
    file: displayPath(location.source.absoluteRef, cwd),
    line: start.line,
    column: start.col,
    ...(location.pointer !== undefined ? { pointer: location.pointer.replace(/^#/, "") } : {}),
    message,
  };
}
