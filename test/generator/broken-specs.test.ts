/**
 * Broken specs: each gives an error naming the file, the line or JSON pointer, and what is wrong, exits 1, and
 * leaves the output folder byte for byte as it was.
 */
import { cp, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBin, runCli } from "../support/cli.js";
import { FIXTURES, hashTree, REPO, tempDir } from "./helpers.js";

const BROKEN = path.join(FIXTURES, "broken");
const shown = (file: string) => path.relative(REPO, path.join(BROKEN, file));
/** `error: <file>...`, or `error: N problems:` then `<file>...` on the next line. */
const errorIn = (file: string) => new RegExp(`error: (\\d+ problems:\\n\\s+)?${shown(file).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** [spec file, what the error must say (after the file name)]. */
const CASES: ReadonlyArray<readonly [string, RegExp]> = [
  ["bad-yaml.yaml", /:10:3: invalid YAML: Flow map/],
  ["duplicate-yaml-key.yaml", /:4:1: invalid YAML: Map keys must be unique/],
  ["empty.yaml", /:1: the file is empty/],
  ["non-object-root.yaml", /:1 at #: the document root must be an object .* found a list/],
  ["swagger-2.yaml", /:1:1 at #\/swagger: Swagger 2\.0 is not supported.*convert it first/],
  ["unknown-version.yaml", /:1:1 at #\/openapi: unsupported OpenAPI version "4\.0\.0"/],
  ["version-not-string.yaml", /:1:1 at #\/openapi: unsupported OpenAPI version 3\.1 /],
  ["dangling-ref.yaml", /:12:23 at #\/paths\/~1orders\/get\/responses\/200\/content\/application~1json\/schema: Can't resolve \$ref `#\/components\/schemas\/Order`/],
  ["dangling-ref-across-files.yaml", /:12:23 at #\/paths\/~1orders\/get\/responses\/200\/content\/application~1json\/schema: Can't resolve \$ref `\.\.\/shared\/common\.yaml#\/Nope`/],
  ["ref-to-missing-file.yaml", /:12:23 at #\/paths\/~1orders\/get\/responses\/200\/content\/application~1json\/schema: Can't resolve \$ref `\.\/no-such-file\.yaml#\/Order`: ENOENT/],
  ["duplicate-operation-id.yaml", /:10:7 at #\/paths\/~1refunds\/get\S*: Every operation must have a unique `operationId`/],
  ["path-param-not-in-path.yaml", /:8:18 at #\/paths\/~1orders\/get\/parameters\/0\/name: Path parameter `id` is not used in the path `\/orders`/],
  ["path-param-not-declared.yaml", /:5:5 at #\/paths\/~1orders~1\{id\}\/get\/parameters: The operation does not define the path parameter `\{id\}`/],
  ["invalid-schema-type.yaml", /:12:30 at #\/paths\/~1orders\/get\/responses\/200\/content\/application~1json\/schema\/type: `type` can be one of .*did you mean `string`/],
  ["circular-alias.yaml", /:12:15 at #\/paths\/~1orders\/get\/responses\/200\/content\/application~1json\/schema: circular \$ref alias: .*#\/components\/schemas\/A -> #\/components\/schemas\/B -> #\/components\/schemas\/A/],
  ["malformed-ref.yaml", /:12:15 at #\/paths\/~1orders\/get\/responses\/200\/content\/application~1json\/schema: malformed \$ref "#\/components\/schemas\/100%": a percent sign must start a %XX escape/],
  ["undefined-security-scheme.yaml", /:3:12 at #\/security\/0: security requirement names `tokenAuth`, which components\.securitySchemes does not define/],
  ["no-such-file.yaml", /: file not found/],
  // Every dangling reference is named, not only the first.
  ["dangling-refs-several.yaml", /:12:23 [^\n]*`#\/components\/schemas\/Order`[^\n]*\n[^\n]*:17:23 [^\n]*`#\/components\/schemas\/Problem`[^\n]*\n[^\n]*:23:18 at #\/components\/schemas\/Line\/properties\/product: Can't resolve \$ref `#\/components\/schemas\/Product`/],
  // Where a parameter goes is not a style matter: without `in`, the client cannot send it.
  ["parameter-without-in.yaml", /:8:11 at #\/paths\/~1orders\/get\/parameters\/0: The field `in` must be present/],
  ["query-in-path.yaml", /:5:3 at #\/paths\/~1alerts\?lat=\{lat\}: Don't put query string items in the path.*declare the query items as `in: query` parameters/],
  ["schema-type-not-a-list.yaml", /:17:12 at #\/components\/schemas\/Spell: Expected type `AllOf` \(array\) but got `object`, reached through the \$ref at \S+schema-type-not-a-list\.yaml:14 \(#\/paths\/~1spells\/get\/responses\/200\/content\/application~1json\/schema\/allOf\)/],
  // codat.io's accounting spec (the corpus run): what such a schema admits is anybody's guess, so it is not guessed.
  ["type-is-a-schema.yaml", /:24:13 at #\/components\/schemas\/Item\/definitions\/itemType\/type: `type` can be one of the following only: "object", /],
  // Found by Ajv after loading, reported at the schema's line all the same.
  ["schema-meta-violation.yaml", /:10:7 at #\/components\/schemas\/Amount\/multipleOf: multipleOf must be > 0/],
  // Redocly reports this one twice: it must be said once.
  ["dangling-mapping.yaml", /^error: \S+:24:17 at #\/components\/schemas\/Payment\/discriminator\/mapping\/card: Can't resolve \$ref [^\n]*\nNothing was written/],
];


describe("broken specs", () => {
  let out: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    // A real previous output in the folder the broken specs are generated into.
    out = path.join(await tempDir("broken"), "client");
    expect((await runCli(["generate", path.join(FIXTURES, "legacy-30.yaml"), "--out", out])).code).toBe(0);
    before = await hashTree(out);
    expect(Object.keys(before)).toContain("client.ts");
  });

  it("covers at least 15 kinds of breakage", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)("%s: names the file, where, and what is wrong; writes nothing", async (file, expected) => {
    const { code, stderr } = await runCli(["generate", shown(file), "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(errorIn(file));
    expect(stderr).toMatch(expected);
    expect(stderr).toContain("Nothing was written");
    expect(await hashTree(out)).toEqual(before);
  });

  it("--check on a broken spec also fails without writing", async () => {
    const { code, stderr } = await runCli(["generate", path.join(BROKEN, "dangling-ref.yaml"), "--out", out, "--check"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Can't resolve \$ref/);
    expect(await hashTree(out)).toEqual(before);
  });

  it("a bad command line is a usage error (exit 2), not a crash", async () => {
    const { code, stderr } = await runCli(["generate", "a.yaml", "b.yaml", "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/apply to exactly one spec/);
    expect(await hashTree(out)).toEqual(before);
  });
});

describe("broken specs through the payspec bin: reported the same", () => {
  const runs = new Map<string, { status: number | null; stderr: string }>();
  let out: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    out = path.join(await tempDir("broken-launcher"), "client");
    await cp(path.join(FIXTURES, "legacy-30.yaml"), path.join(out, "keep.yaml"));
    before = await hashTree(out);
    const launch = async (file: string) => {
      const { code, stderr } = await runBin(["generate", shown(file), "--out", out]);
      runs.set(file, { status: code, stderr });
    };
    const queue = CASES.map(([file]) => file);
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) await launch(file);
    }));
  }, 120_000);

  it.each(CASES)("%s: the same error as in-process, exit 1, nothing written", async (file, expected) => {
    const run = runs.get(file)!;
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(errorIn(file));
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toContain("Nothing was written");
    expect(await hashTree(out)).toEqual(before);
  });
});

describe("project mode with one broken spec among good ones", () => {
  it("writes none of them", async () => {
    const root = await tempDir("project-broken");
    await cp(path.join(FIXTURES, "shop-31.yaml"), path.join(root, "specs/a.yaml"));
    await cp(path.join(FIXTURES, "shared"), path.join(root, "specs/shared"), { recursive: true });
    await cp(path.join(BROKEN, "dangling-ref.yaml"), path.join(root, "specs/b.yaml"));
    await writeFile(path.join(root, "redocly.yaml"), "apis:\n  a:\n    root: specs/a.yaml\n  b:\n    root: specs/b.yaml\n");
    const { code, stderr } = await runCli(["generate"], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/specs\/b\.yaml:12:23 .*Can't resolve \$ref/);
    expect(await hashTree(path.join(root, "generated"))).toEqual({});
  });
});
