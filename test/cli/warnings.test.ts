/**
 * How `payspec generate` prints many warnings of one kind (cli/warnings.ts): the first places in full, then one line
 * that says where the others are, precisely enough to find each (Codat's one-line JSON spec has 27 `nullable`s, all on
 * line 1).
 */
import { describe, expect, it } from "vitest";
import { warningLines } from "../../cli/warnings.js";
import type { SpecProblem } from "../../generator/errors.js";

const CWD = "/project";
const nullable = (file: string, line: number | undefined, column: number, pointer: string): SpecProblem => ({
  file,
  ...(line !== undefined ? { line, column } : {}),
  pointer,
  message: "Property `nullable` is not expected here. [struct]",
  assumed: 'read as "or null"',
});

describe("warningLines", () => {
  it("prints the first three in full, then the rest of one file by line and column, naming the file once", () => {
    const warnings = [4100, 8155, 9020, 12001, 15877].map((column, index) => nullable("/project/specs/bank.json", 1, column, `/components/schemas/S${index}/nullable`));
    expect(warningLines(warnings, CWD)).toEqual([
      'warning: specs/bank.json:1:4100 at #/components/schemas/S0/nullable: Property `nullable` is not expected here. [struct] (assumed: read as "or null")',
      'warning: specs/bank.json:1:8155 at #/components/schemas/S1/nullable: Property `nullable` is not expected here. [struct] (assumed: read as "or null")',
      'warning: specs/bank.json:1:9020 at #/components/schemas/S2/nullable: Property `nullable` is not expected here. [struct] (assumed: read as "or null")',
      "warning: the same 2 more times in specs/bank.json: 1:12001, 1:15877",
    ]);
  });

  it("names the file of each place when they are in several, the pointer where the line is not known, and counts what it does not list", () => {
    const warnings = [
      ...[1, 2, 3].map((line) => nullable("/project/a.yaml", line, 5, `/a${line}`)),
      nullable("/project/b.yaml", 7, 9, "/b"),
      nullable("/project/a.yaml", undefined, 0, "/components/schemas/Late/nullable"),
      ...Array.from({ length: 13 }, (_, index) => nullable("/project/a.yaml", 100 + index, 3, `/c${index}`)),
    ];
    const summary = warningLines(warnings, CWD).at(-1)!;
    expect(summary).toMatch(/^warning: the same 15 more times: b\.yaml:7:9, a\.yaml #\/components\/schemas\/Late\/nullable, a\.yaml:100:3, /);
    expect(summary).toMatch(/a\.yaml:109:3, and 3 more$/);
  });

  it("prints each distinct warning once in full when it occurs once", () => {
    expect(warningLines([nullable("/project/a.yaml", 3, 5, "/x")], CWD, "note")).toEqual([
      'note: a.yaml:3:5 at #/x: Property `nullable` is not expected here. [struct] (assumed: read as "or null")',
    ]);
  });
});
