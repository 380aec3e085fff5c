/**
 * The shape of a `payspec` subcommand. `cli/main.ts` lists the commands (name, one-line summary) and dispatches
 * `payspec <name> ...` to one; each command parses its own arguments (node:util `parseArgs`) and prints its own
 * `--help`.
 *
 * Exit codes, the same for every command: 0 done, 1 problems found (a bad spec, stale files, breaking changes
 * with `--fail-on`), 2 a usage error (unknown option, missing argument), with the usage printed. `payspec diff` is
 * the one exception, as CI tools of its kind have it: 1 is kept for "changes at the --fail-on level", and a spec that
 * does not load is a 2.
 */
export interface CommandIo {
  /** The folder the command was run from: relative paths on the command line and in the config resolve from it. */
  readonly cwd: string;
  /** Prints whole lines: `text` without its final newline, which the output adds. */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface Command {
  /** The whole text of `payspec <name> --help`. */
  readonly usage: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
