/**
 * Printing a spec's warnings short: a spec with 79 `nullable`s would print 79 lines of the same sentence. Each
 * distinct warning (its message and assumption) is printed in full at its first places, then one line says how many
 * more there are and where.
 */
import { formatProblem, type SpecProblem } from "../generator/errors.js";
import { displayPath } from "../generator/write.js";

/** How many places of one warning are printed in full. */
const IN_FULL = 3;
/** How many further places are listed by line. */
const LISTED = 12;

export function warningLines(warnings: readonly SpecProblem[], cwd: string, label = "warning"): string[] {
  const groups = new Map<string, SpecProblem[]>();
  for (const warning of warnings) {
    const key = `${warning.message}\u0000${warning.assumed ?? ""}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [warning]);
    else group.push(warning);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    for (const warning of group.slice(0, IN_FULL)) lines.push(`${label}: ${formatProblem({ ...warning, file: displayPath(warning.file, cwd) })}`);
    const rest = group.slice(IN_FULL);
    if (rest.length === 0) continue;
    // All in one file (the usual case): the file once, then line:column of each (a one-line JSON file has only line 1).
    const file = rest.every((warning) => warning.file === rest[0]!.file) ? displayPath(rest[0]!.file, cwd) : undefined;
    const places = rest.slice(0, LISTED).map((warning) => place(warning, file === undefined ? displayPath(warning.file, cwd) : undefined));
    const more = rest.length > LISTED ? `, and ${rest.length - LISTED} more` : "";
    lines.push(`${label}: the same ${rest.length} more time${rest.length === 1 ? "" : "s"}${file !== undefined ? ` in ${file}` : ""}: ${places.join(", ")}${more}`);
  }
  return lines;
}

/** `12:5`, or `#/pointer` where the line is not known; after `file` when given (`file:12:5`, `file #/pointer`). */
function place(warning: SpecProblem, file: string | undefined): string {
  if (warning.line === undefined) return `${file !== undefined ? `${file} ` : ""}#${warning.pointer ?? ""}`;
  return `${file !== undefined ? `${file}:` : ""}${warning.line}${warning.column !== undefined ? `:${warning.column}` : ""}`;
}
