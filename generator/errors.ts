/**
 * Errors a user meets when a spec cannot be generated: each says what is wrong, where (file:line:col and
 * JSON pointer) and, when we know it, what to do.
 */

export interface SpecProblem {
  /** File the problem is in (absolute, or as given on the command line). */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer inside that file, e.g. `/paths/~1orders/get/responses/200`. */
  readonly pointer?: string;
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
  /** For a warning: what generation assumed and went on with. */
  readonly assumed?: string;
}

export function formatProblem(problem: SpecProblem): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ""}`;
  const pointer = problem.pointer !== undefined ? ` at #${problem.pointer}` : "";
  const hint = problem.hint ? ` (${problem.hint})` : "";
  const assumed = problem.assumed ? ` (assumed: ${problem.assumed})` : "";
  return `${where}${pointer}: ${problem.message}${assumed}${hint}`;
}

/** A spec that cannot be loaded, bundled or turned into a client. Nothing has been written when it is thrown. */
export class SpecError extends Error {
  override readonly name = "SpecError";
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const [first] = problems;
    const shown = problems.slice(0, 25).map(formatProblem);
    const more = problems.length > 25 ? [`... and ${problems.length - 25} more`] : [];
    super(
      problems.length === 1 && first
        ? formatProblem(first)
        : `${problems.length} problems:\n${[...shown, ...more].map((line) => `  ${line}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

export function specError(problem: SpecProblem): SpecError {
  return new SpecError([problem]);
}
