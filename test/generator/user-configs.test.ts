/**
 * Generated code compiles in the projects users have (issue 12 item 3): the four curated clients, the generator's
 * fixtures and the fixtures minimized from the corpus run (test/fixtures/generator/quirks/, bench/corpus.ts), under
 * the three user configs of test/support/user-tsconfigs.ts (Node ESM, create-vite's app, strictest), with zero
 * errors and skipLibCheck on. One TypeScript program per config for all of them; errors are listed per file.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { compileUnder, type UserConfigName } from "../support/user-tsconfigs.js";
import { FIXTURES, REPO, tempDir } from "./helpers.js";

const CURATED = ["bigcommerce", "medusa", "nextcommerce", "payments"].map((name) => path.join(REPO, "generated", name, "index.ts"));
const QUIRKS = path.join(FIXTURES, "quirks");
const GENERATING_QUIRKS = readdirSync(QUIRKS)
  .filter((file) => /\.(ya?ml|json)$/.test(file))
  .sort();
const FIXTURE_SPECS = [
  ...["legacy-30.yaml", "shop-31.yaml"].map((file) => path.join(FIXTURES, file)),
  ...GENERATING_QUIRKS.map((file) => path.join(QUIRKS, file)),
];

let generatedIndexes: string[] = [];

beforeAll(async () => {
  const dir = await tempDir("user-configs");
  generatedIndexes = [];
  for (const spec of FIXTURE_SPECS) {
    const out = path.join(dir, path.basename(spec).replace(/\.(ya?ml|json)$/, ""));
    await writeOutputFolder(out, (await generate(spec)).files);
    generatedIndexes.push(path.join(out, "index.ts"));
  }
}, 240_000);

describe.each(["node", "vite", "strictest"] as const satisfies readonly UserConfigName[])("under the %s user config", (config) => {
  it("the four curated clients and every generator fixture compile with zero errors", () => {
    expect(compileUnder(config, [...CURATED, ...generatedIndexes], REPO)).toEqual([]);
  }, 240_000);
});
