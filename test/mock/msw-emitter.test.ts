/**
 * The MSW emitter (generator/emit/msw.ts) as users build with it: every generated folder has msw.ts, it compiles
 * under the three user configs, and the client's index.ts does not pull it in (an app that never mocks must not
 * bundle msw or json-schema-faker).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { writeOutputFolder } from "../../generator/write.js";
import { compileUnder, type UserConfigName } from "../support/user-tsconfigs.js";
import { FIXTURES, REPO, tempDir } from "../generator/helpers.js";

const CURATED = ["bigcommerce", "medusa", "nextcommerce", "payments"];
const QUIRKS = path.join(FIXTURES, "quirks");
const FIXTURE_SPECS = [
  path.join(FIXTURES, "legacy-30.yaml"),
  path.join(FIXTURES, "shop-31.yaml"),
  ...readdirSync(QUIRKS)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => path.join(QUIRKS, file)),
];

let mswFiles: string[] = [];

beforeAll(async () => {
  const dir = await tempDir("msw-emitter");
  mswFiles = CURATED.map((name) => path.join(REPO, "generated", name, "msw.ts"));
  for (const spec of FIXTURE_SPECS) {
    const out = path.join(dir, path.basename(spec).replace(/\.(ya?ml|json)$/, ""));
    const { files } = await generate(spec, { msw: true });
    expect(Object.keys(files)).toContain("msw.ts");
    await writeOutputFolder(out, files);
    mswFiles.push(path.join(out, "msw.ts"));
  }
}, 240_000);

describe.each(["node", "vite", "strictest"] as const satisfies readonly UserConfigName[])("msw.ts under the %s user config", (config) => {
  it("compiles with zero errors in msw.ts, for the curated clients and every generator fixture", () => {
    // Only msw.ts's own lines are this test's: the runtime and client it imports are test/generator/user-configs.test.ts's.
    const errors = compileUnder(config, mswFiles, REPO).filter((line) => /(^|\/)msw\.ts:/.test(line));
    expect(errors).toEqual([]);
  }, 240_000);
});

describe("the client's index.ts", () => {
  it.each(CURATED)("of %s bundles neither msw.ts, msw nor json-schema-faker", async (name) => {
    const result = await build({
      entryPoints: [path.join(REPO, "generated", name, "index.ts")],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "browser",
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.endsWith(`generated/${name}/client.ts`))).toBe(true);
    expect(inputs.filter((input) => /msw|json-schema-faker/.test(input))).toEqual([]);
  });
});
