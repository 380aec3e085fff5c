/**
 * Generated clients compile, with zero errors, in the projects users have (test/support/user-tsconfigs.ts): a Node
 * ESM project without the DOM lib, create-vite's app config without @types/node, and the strictest settings. Checked
 * for the four curated clients and for the clients of the generator's fixture specs (their validators included).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { compileUnder, type UserConfigName } from "../support/user-tsconfigs.js";
import { FIXTURES, REPO, tempDir } from "./helpers.js";

const CONFIGS: readonly UserConfigName[] = ["node", "vite", "strictest"];

const CURATED = ["bigcommerce", "medusa", "nextcommerce", "payments"].map((name) => path.join(REPO, "generated", name, "index.ts"));

/** Every spec directly in test/fixtures/generator (the broken ones are in a folder of their own). */
const FIXTURE_SPECS = readdirSync(FIXTURES).filter((name) => /\.ya?ml$/.test(name));

describe("generated code in users' projects", () => {
  const fixtureClients: string[] = [];
  beforeAll(async () => {
    const dir = await tempDir("user-configs");
    for (const spec of FIXTURE_SPECS) {
      const out = path.join(dir, spec.replace(/\.ya?ml$/, ""));
      await writeOutputFolder(out, (await generate(path.join(FIXTURES, spec))).files);
      fixtureClients.push(path.join(out, "index.ts"));
    }
  });

  it("covers the fixture specs", () => {
    expect(FIXTURE_SPECS).toEqual(expect.arrayContaining(["shop-31.yaml", "legacy-30.yaml"]));
  });

  it.each(CONFIGS)("the four curated clients compile under the %s config", (config) => {
    expect(compileUnder(config, CURATED, REPO)).toEqual([]);
  });

  it.each(CONFIGS)("the fixture specs' clients compile under the %s config", (config) => {
    expect(compileUnder(config, fixtureClients, REPO)).toEqual([]);
  });
});
