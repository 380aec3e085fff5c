/**
 * The project's rule: libraries through their public APIs only. prism-process.mjs runs Prism from its packages'
 * entry points (`require("@stoplight/prism-http")`...), never a file inside a package (`./extensions.js`,
 * `.../dist/...`), and touches no module cache. This reads the launcher's source, so that a reach into a private
 * module fails here rather than on the next Prism upgrade.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SOURCE = readFileSync(new URL("../../mock/prism-process.mjs", import.meta.url), "utf8");

describe("mock/prism-process.mjs", () => {
  it("loads Prism's packages by their names only (an entry point, or package.json to find one)", () => {
    const specifiers = [...SOURCE.matchAll(/\b(?:require\w*|resolve)\(\s*"([^"]+)"\s*\)/g)].map((match) => match[1]!);
    expect(specifiers.length).toBeGreaterThan(3);
    for (const specifier of specifiers) {
      expect(specifier, specifier).toMatch(/^(@[a-z0-9-]+\/)?[a-z0-9-]+(\/package\.json)?$/);
    }
  });

  it("does not patch Prism's modules through require.cache", () => {
    expect(SOURCE).not.toMatch(/require\.cache/);
  });
});
