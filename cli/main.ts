/**
 * `payspec <command> ...`: the one command in front of the generator, the mocks, the docs, the linter and the
 * breaking-change report. bin/payspec.js runs `runCli` from the compiled copy of this module.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../generator/package-root.js";
import { EXIT_OK, EXIT_USAGE, type Command, type CommandIo } from "./command.js";
import { diffCommand } from "./diff.js";
import { docsCommand } from "./docs.js";
import { generateCommand } from "./generate.js";
import { lintCommand } from "./lint.js";
import { mockCommand } from "./mock.js";

export const COMMANDS: readonly Command[] = [generateCommand, mockCommand, docsCommand, lintCommand, diffCommand];

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
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr(`Unknown command "${name}".\n\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

/** What bin/payspec.js calls: the process's own folder and streams. */
export function runCli(argv: readonly string[]): Promise<number> {
  return main(argv, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  });
}
