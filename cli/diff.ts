/**
 * `payspec diff`: what changed between two versions of a spec, classified from the client's side, with what each
 * change does to code written against the generated client (judged by the TypeScript compiler).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, SpecError } from "../generator/errors.js";
import { diffAgainstRef, diffSpecFiles } from "../generator/diff/diff-specs.js";
import { formatChecks, formatReport, type DiffFormat } from "../generator/diff/format.js";
import { GitSpecError } from "../generator/diff/git.js";
import type { DiffReport } from "../generator/diff/report.js";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command, type CommandIo } from "./command.js";
import { ConfigError, readProjectConfig } from "./config.js";
import { warningLines } from "./warnings.js";

const FORMATS: readonly DiffFormat[] = ["text", "markdown", "json"];
const FAIL_ON = ["breaking", "possibly-breaking"] as const;
type FailOn = (typeof FAIL_ON)[number];

const USAGE = `Usage:
  payspec diff <old-spec> <new-spec> [options]
  payspec diff <spec> --base <git-ref> [options]

Compares two versions of an OpenAPI 3.0/3.1 spec. Each change is classified from the side of a client built for the
old spec (breaking, possibly breaking, non-breaking, annotation), names the operation, the JSON pointer, the old and
new values, the generated client's method and member it touches, and whether code written against the old client
still compiles (the TypeScript compiler judges, on both generated clients).

Options:
  --base <ref>           compare <spec> with its version in a git commit (e.g. HEAD, main, v1.2.0)
  --format <format>      text (default), markdown (for a pull-request comment) or json
  --fail-on <level>      exit 1 when a change has this impact or worse: breaking, possibly-breaking
  --name <name>          the spec's name (default: the (old) spec's file name without extension)
  --client-name <Name>   the client class name (default: this project's name for its specs, else from info.title)
  --checks               list every check: its id, level and what it means
  -h, --help             show this help

Exit codes: 0 done (and nothing at the --fail-on level), 1 a change at the --fail-on level, 2 a usage or spec error.
`;

export const diffCommand: Command = {
  usage: USAGE,
  async run(argv: readonly string[], io: CommandIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: {
          base: { type: "string" },
          format: { type: "string", default: "text" },
          "fail-on": { type: "string" },
          name: { type: "string" },
          "client-name": { type: "string" },
          checks: { type: "boolean" },
          help: { type: "boolean", short: "h" },
        },
      });
    } catch (error) {
      return usageError(io, (error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (values.checks) {
      io.stdout(formatChecks());
      return EXIT_OK;
    }
    const format = values.format as DiffFormat;
    if (!FORMATS.includes(format)) return usageError(io, `--format must be one of ${FORMATS.join(", ")}, not ${JSON.stringify(values.format)}`);
    const failOn = FAIL_ON.find((level) => level === values["fail-on"]);
    if (values["fail-on"] !== undefined && failOn === undefined) return usageError(io, `--fail-on must be one of ${FAIL_ON.join(", ")}, not ${JSON.stringify(values["fail-on"])}`);
    const expected = values.base !== undefined ? 1 : 2;
    if (positionals.length !== expected) {
      return usageError(
        io,
        values.base !== undefined
          ? `with --base, give one spec (got ${positionals.length})`
          : `give the old and the new spec, or one spec and --base <git-ref> (got ${positionals.length} argument${positionals.length === 1 ? "" : "s"})`,
      );
    }
    // An API of redocly.yaml, named or given by its spec file, keeps its name and client class name.
    let apis;
    try {
      apis = (await readProjectConfig(io.cwd))?.apis ?? [];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return usageError(io, error.message);
    }
    const newest = positionals[positionals.length - 1]!;
    const api = apis.find((candidate) => candidate.name === newest || candidate.spec === path.resolve(io.cwd, newest));
    const specs = positionals.map((given) => apis.find((candidate) => candidate.name === given)?.spec ?? given);
    const name = values.name ?? api?.name;
    const clientName = values["client-name"] ?? api?.clientName;
    const options = {
      cwd: io.cwd,
      ...(name !== undefined ? { name } : {}),
      ...(clientName !== undefined ? { clientName } : {}),
    };
    let report: DiffReport;
    try {
      // Paths are taken from io.cwd (options.cwd), and shown as given.
      report =
        values.base !== undefined
          ? await diffAgainstRef(specs[0]!, values.base, options)
          : await diffSpecFiles(specs[0]!, specs[1]!, options);
    } catch (error) {
      if (error instanceof SpecError) {
        io.stderr(`payspec diff: the spec cannot be loaded:\n${error.problems.map((problem) => `  ${formatProblem(problem)}`).join("\n")}`);
        return EXIT_USAGE;
      }
      if (error instanceof GitSpecError) {
        io.stderr(`payspec diff: ${error.message}`);
        return EXIT_USAGE;
      }
      throw error;
    }
    for (const line of warningLines(report.warnings, io.cwd)) io.stderr(line);
    io.stdout(formatReport(report, format).replace(/\n$/, ""));
    return failOn !== undefined && fails(report, failOn) ? EXIT_PROBLEMS : EXIT_OK;
  },
};

/** A change whose impact (wire-level and compiler together) is at the `--fail-on` level or worse. */
function fails(report: DiffReport, failOn: FailOn): boolean {
  return report.changes.some((change) => change.impact === "breaking" || (failOn === "possibly-breaking" && change.impact === "possibly-breaking"));
}

function usageError(io: CommandIo, message: string): number {
  io.stderr(`payspec diff: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}
