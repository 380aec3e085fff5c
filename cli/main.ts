/**
 * `payspec <command> ...`: the one command in front of the generator, the mocks, the docs, the linter and the
 * breaking-change report. bin/payspec.js runs `runCli` from the compiled copy of this module.
 *
 * A command's module is imported only when that command runs: each brings its own libraries (the diff brings
 * TypeScript's compiler, the docs Redocly's renderer), and `payspec generate` need not load the others'.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../generator/package-root.js";
import { EXIT_OK, EXIT_USAGE, type Command, type CommandIo } from "./command.js";

interface CommandEntry {
  readonly name: string;
  /** One line for `payspec --help`. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: "generate", summary: "generate typed clients from OpenAPI specs (every API of redocly.yaml by default)", load: async () => (await import("./generate.js")).generateCommand },
  { name: "mock", summary: "serve specs with Prism contract mocks", load: async () => (await import("./mock.js")).mockCommand },
  { name: "docs", summary: "build the docs site: Redoc pages with client code samples, and a landing page", load: async () => (await import("./docs.js")).docsCommand },
  { name: "lint", summary: "check specs with redocly.yaml's rules and payspec's loading policy", load: async () => (await import("./lint.js")).lintCommand },
  { name: "diff", summary: "what changed between two versions of a spec, and whether code using the generated client still compiles", load: async () => (await import("./diff.js")).diffCommand },
];

function version(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "Usage: payspec <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "`payspec <command> --help` tells more. Settings come from the `apis:` of redocly.yaml (x-payspec blocks).",
    "Exit codes: 0 done, 1 problems found, 2 usage error.",
  ].join("\n");
}

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(version());
    return EXIT_OK;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    io.stderr(`Unknown command "${name}".\n\n${usage()}`);
    return EXIT_USAGE;
  }
  return (await entry.load()).run(rest, io);
}

/** What bin/payspec.js calls: the process's own folder and streams. */
export function runCli(argv: readonly string[]): Promise<number> {
  return main(argv, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  });
}
