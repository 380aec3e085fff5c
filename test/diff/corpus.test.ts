/**
 * Every case of the corpus (corpus.ts) through the whole diff: both versions loaded, both clients generated and
 * compiled. The changes reported must be exactly the ones the case lists by hand; and the corpus must exercise every
 * check of the catalogue.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_IDS, CHECKS } from "../../generator/diff/checks.js";
import { diffSpecFiles } from "../../generator/diff/diff-specs.js";
import { BASE, CASES, type Doc } from "./corpus.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "payspec-diff-corpus-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function write(name: string, doc: Doc): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, JSON.stringify(doc, null, 2));
  return file;
}

describe("the corpus", () => {
  it("has at least 60 cases, every one named once", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it("exercises every check of the catalogue", () => {
    const exercised = new Set(CASES.flatMap((c) => c.expected.map((expected) => expected.check)));
    expect(CHECK_IDS.filter((id) => !exercised.has(id))).toEqual([]);
  });

  it("states for each change the level the catalogue gives its check", () => {
    // A level differing from the catalogue's would be a change the catalogue describes wrongly.
    const mismatches = CASES.flatMap((c) => c.expected.filter((expected) => CHECKS[expected.check].level !== expected.classification).map((expected) => `${c.name}: ${expected.check}`));
    expect(mismatches).toEqual([]);
  });
});

describe("each change of the corpus gets its verdict", () => {
  CASES.forEach((testCase, index) => {
    it(testCase.name, async () => {
      const before = structuredClone(BASE);
      testCase.before?.(before);
      const after = structuredClone(before);
      testCase.after(after);
      const report = await diffSpecFiles(await write(`${index}-old.json`, before), await write(`${index}-new.json`, after), { name: "shop" });

      const found = report.changes.map((change) => ({
        check: change.check,
        classification: change.classification,
        operationId: change.operation?.operationId ?? null,
        compiler: change.compiler.verdict,
      }));
      const wanted = testCase.expected.map(({ check, classification, operationId, compiler }) => ({ check, classification, operationId, compiler }));
      const order = (a: { check: string; operationId: string | null }, b: { check: string; operationId: string | null }) =>
        `${a.check} ${a.operationId ?? ""}`.localeCompare(`${b.check} ${b.operationId ?? ""}`);
      expect(found.sort(order)).toEqual(wanted.sort(order));

      for (const expected of testCase.expected) {
        const change = report.changes.find((candidate) => candidate.check === expected.check && (candidate.operation?.operationId ?? null) === expected.operationId);
        if (expected.pointer !== undefined) expect(change?.pointer).toBe(expected.pointer);
        if (expected.clientChange !== undefined) expect(change?.clientChange).toBe(expected.clientChange);
        // The compiler has the last word on compiling: a change whose code does not compile is never counted below
        // what that means.
        if (change && change.compiler.verdict === "does-not-compile") expect(change.impact).toBe("breaking");
        if (change && change.compiler.verdict === "does-not-compile-where-used") expect(["breaking", "possibly-breaking"]).toContain(change.impact);
      }
    });
  });
});
