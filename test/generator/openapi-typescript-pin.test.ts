/**
 * generator/emit/types.ts calls openapi-typescript's private transform modules (2 s faster than `openapiTS()` on
 * GitHub's REST description: see the numbers there), so openapi-typescript is pinned to one exact version. On an
 * upgrade this fails: check that `transformContext` in emit/types.ts still builds what `openapiTS()` builds (its
 * dist/index.mjs), that the three private modules still export what openapi-typescript-internals.d.ts declares,
 * then move the pin. types-transform.test.ts compares the output with `openapiTS()` itself.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers.js";

const PINNED = "7.13.0";
const require = createRequire(path.join(REPO, "package.json"));

describe("openapi-typescript, whose private transform emitTypes calls", () => {
  it("is pinned to an exact version in package.json, and that version is installed", () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { devDependencies: Record<string, string>; dependencies?: Record<string, string> };
    expect(manifest.dependencies?.["openapi-typescript"] ?? manifest.devDependencies["openapi-typescript"]).toBe(PINNED);
    expect((require("openapi-typescript/package.json") as { version: string }).version).toBe(PINNED);
  });

  it("still has the private modules and exports emitTypes uses", () => {
    expect(typeof require("openapi-typescript/dist/transform/index.cjs")).toBe("function");
    expect(typeof (require("openapi-typescript/dist/lib/ts.cjs") as { astToString: unknown }).astToString).toBe("function");
    const utils = require("openapi-typescript/dist/lib/utils.cjs") as { resolveRef: unknown; scanDiscriminators: unknown };
    expect([typeof utils.resolveRef, typeof utils.scanDiscriminators]).toEqual(["function", "function"]);
  });
});
