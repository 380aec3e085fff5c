/** Every committed generated client compiles under the repo's strict tsconfig (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes). */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, typecheck } from "./helpers.js";

const GENERATED = path.join(REPO, "generated");
const names = readdirSync(GENERATED, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
  .map((entry) => entry.name)
  .sort();

describe("committed generated clients", () => {
  it("exist for the project's four specs", () => {
    expect(names).toEqual(expect.arrayContaining(["bigcommerce", "medusa", "nextcommerce", "payments"]));
  });

  it("compile under the strict tsconfig", () => {
    expect(typecheck(names.map((name) => path.join(GENERATED, name, "index.ts")))).toEqual([]);
  });
});
