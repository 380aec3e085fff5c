/**
 * `payspec generate --check` keeps the committed `generated/` honest, and output depends only on the spec's content:
 * not on the run, the folder the command runs from, the key order in the YAML, or YAML vs JSON.
 */
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { runCli } from "../support/cli.js";
import { FIXTURES, REPO, tempDir } from "./helpers.js";

/** A folder that is a project of its own (a package.json), with the shop spec in it. */
async function shopProject(prefix: string): Promise<string> {
  const root = await tempDir(prefix);
  await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "shop-app", type: "module" }));
  await cp(path.join(FIXTURES, "shop-31.yaml"), path.join(root, "api.yaml"));
  await cp(path.join(FIXTURES, "shared"), path.join(root, "shared"), { recursive: true });
  return root;
}

describe("the README of a client generated from a spec named on the command line", () => {
  it("imports it from the folder it was written to and gives the command that wrote it; --check agrees", async () => {
    const root = await shopProject("readme-usage");
    const args = ["api.yaml", "--out", "clients/shop", "--client-name", "ShopClient"];
    expect((await runCli(["generate", ...args], root)).code).toBe(0);
    const readme = await readFile(path.join(root, "clients/shop/README.md"), "utf8");
    expect(readme).toContain('import { ShopClient } from "./clients/shop/index.js";');
    expect(readme).toContain("run `npx payspec generate api.yaml --out clients/shop --client-name ShopClient`.");
    expect(readme).not.toContain("payspec/");
    expect((await runCli(["generate", ...args, "--check"], root)).code).toBe(0);
  });

  it("reads the same whichever folder the command ran from: --check from a subfolder passes", async () => {
    const root = await shopProject("readme-cwd");
    expect((await runCli(["generate", "api.yaml", "--out", "clients/shop"], root)).code).toBe(0);
    await mkdir(path.join(root, "clients"), { recursive: true });
    const fromSubfolder = await runCli(["generate", "../api.yaml", "--out", "shop", "--check"], path.join(root, "clients"));
    expect(fromSubfolder.stderr).toBe("");
    expect(fromSubfolder.code).toBe(0);
  });

  it("of this project's own spec is the package's `payspec/<name>`, as redocly.yaml's x-payspec.importAs says", async () => {
    const { code, stdout } = await runCli(["generate", "medusa", "--check"]);
    expect(stdout).toBe("Up to date: generated/medusa, generated/runtime");
    expect(code).toBe(0);
    const readme = await readFile(path.join(REPO, "generated/medusa/README.md"), "utf8");
    expect(readme).toContain('from "payspec/medusa";');
    expect(readme).toContain("npx payspec generate medusa");
  });
});

/** Every mapping's keys in reverse order, at every depth. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reverseKeys((value as Record<string, unknown>)[key])]));
}

/** A copy of this project's specs and redocly.yaml in a temporary folder: a project of its own. */
async function projectCopy(prefix: string): Promise<string> {
  const root = await tempDir(prefix);
  await cp(path.join(REPO, "specs"), path.join(root, "specs"), { recursive: true });
  await cp(path.join(REPO, "redocly.yaml"), path.join(root, "redocly.yaml"));
  return root;
}

describe("payspec generate --check", () => {
  it("passes on the committed tree", async () => {
    const { code, stderr, stdout } = await runCli(["generate", "--check"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Up to date: generated\//);
  });

  it("fails naming the file after a generated file is edited, a file is added, or one is deleted (in a temp copy)", async () => {
    const root = await projectCopy("check");
    // Regenerated in the copy first, so that this test does not depend on the committed tree being fresh.
    expect((await runCli(["generate"], root)).code).toBe(0);
    expect((await runCli(["generate", "--check"], root)).code).toBe(0);

    const client = path.join(root, "generated/nextcommerce/client.ts");
    await writeFile(client, `${await readFile(client, "utf8")}\n// a hand edit\n`);
    await writeFile(path.join(root, "generated/nextcommerce/extra.ts"), "export {};\n");
    await rm(path.join(root, "generated/payments/README.md"));
    const { code, stderr } = await runCli(["generate", "--check"], root);
    expect(code).toBe(1);
    expect(stderr).toContain("generated/nextcommerce/client.ts (differs)");
    expect(stderr).toContain("generated/nextcommerce/extra.ts (unexpected)");
    expect(stderr).toContain("generated/payments/README.md (missing)");

    // --check wrote nothing; a real run repairs the folder, then --check passes again.
    expect(await readFile(client, "utf8")).toContain("// a hand edit");
    expect((await runCli(["generate"], root)).code).toBe(0);
    expect((await runCli(["generate", "--check"], root)).code).toBe(0);
  });

  it("names a missing generated folder", async () => {
    const root = await tempDir("check-missing");
    await mkdir(path.join(root, "specs"), { recursive: true });
    await cp(path.join(FIXTURES, "legacy-30.yaml"), path.join(root, "specs/legacy.yaml"));
    await writeFile(path.join(root, "redocly.yaml"), "apis:\n  legacy:\n    root: specs/legacy.yaml\n");
    const { code, stderr } = await runCli(["generate", "--check"], root);
    expect(code).toBe(1);
    expect(stderr).toContain("generated/legacy/client.ts (missing)");
  });
});

describe("deterministic output", () => {
  it("generating twice gives byte-identical files", async () => {
    const first = await generate(path.join(FIXTURES, "shop-31.yaml"));
    const second = await generate(path.join(FIXTURES, "shop-31.yaml"));
    expect(Object.keys(first.files).length).toBeGreaterThan(4);
    expect(second.files).toEqual(first.files);
  });

  it("a copy of the spec with every mapping's keys reversed (and its $ref'd file too) gives byte-identical files", async () => {
    const dir = await tempDir("reordered");
    await mkdir(path.join(dir, "shared"), { recursive: true });
    for (const file of ["shop-31.yaml", "shared/common.yaml"]) {
      const reordered = stringify(reverseKeys(parse(await readFile(path.join(FIXTURES, file), "utf8"))));
      await writeFile(path.join(dir, file), reordered);
    }
    const original = await generate(path.join(FIXTURES, "shop-31.yaml"));
    const reordered = await generate(path.join(dir, "shop-31.yaml"));
    expect(reordered.files).toEqual(original.files);
  });

  it("the same spec as JSON gives byte-identical files", async () => {
    const dir = await tempDir("json");
    await writeFile(path.join(dir, "legacy-30.json"), JSON.stringify(parse(await readFile(path.join(FIXTURES, "legacy-30.yaml"), "utf8")), null, 2));
    const fromYaml = await generate(path.join(FIXTURES, "legacy-30.yaml"));
    const fromJson = await generate(path.join(dir, "legacy-30.json"));
    expect(fromJson.files).toEqual(fromYaml.files);
  });

  it("no generated file carries a date or an absolute path", async () => {
    const { files } = await generate(path.join(FIXTURES, "shop-31.yaml"));
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith("runtime/")) continue;
      expect(text, file).not.toContain(REPO);
      expect(text, file).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
    }
  });
});
