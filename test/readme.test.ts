/**
 * The TypeScript in README.md compiles: every ```ts block, as a module of its own in this repository (so that
 * `payspec/<name>` resolves to this package's compiled exports, as in a user's project), under the strictest of the
 * user configs. A README whose examples do not compile teaches the wrong API.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { compileUnder } from "./support/user-tsconfigs.js";

const REPO = path.resolve(import.meta.dirname, "..");

it("every TypeScript block of README.md compiles under the strictest user config", async () => {
  const readme = await readFile(path.join(REPO, "README.md"), "utf8");
  // Blocks inside the four-backtick example of a Markdown report are part of that example, not code.
  const blocks = [...readme.replace(/````markdown[^]*?````/g, "").matchAll(/^```ts\n([^]*?)^```$/gm)].map((match) => match[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  const dir = path.join(REPO, "test-output", "readme");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files = await Promise.all(
    blocks.map(async (code, index) => {
      const file = path.join(dir, `block-${index + 1}.ts`);
      await writeFile(file, `${code}\nexport {};\n`);
      return file;
    }),
  );
  expect(compileUnder("strictest", files, REPO)).toEqual([]);
});
