/**
 * The `payspec` command's shape, in process (cli/main.ts, the code bin/payspec.js runs): help, exit codes (0 done,
 * 1 problems, 2 usage), redocly.yaml's `x-payspec` blocks, the shared runtime folder, and the bin itself.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, hashTree, tempDir } from "../generator/helpers.js";
import { runBin, runCli } from "../support/cli.js";

const COMMANDS = ["generate", "mock", "docs", "lint", "diff"];

/** A project folder: a package.json, the given redocly.yaml (if any), and the legacy 3.0 fixture as api.yaml. */
async function project(prefix: string, redoclyYaml?: string): Promise<string> {
  const root = await tempDir(prefix);
  await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "app", type: "module" }));
  await writeFile(path.join(root, "api.yaml"), await readFile(path.join(FIXTURES, "legacy-30.yaml"), "utf8"));
  if (redoclyYaml !== undefined) await writeFile(path.join(root, "redocly.yaml"), redoclyYaml);
  return root;
}

describe("payspec --help, and usage errors", () => {
  it("lists every command, and each command has its own --help", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
      const own = await runCli([command, "--help"]);
      expect(own.code, command).toBe(0);
      expect(own.stdout, command).toMatch(new RegExp(`^Usage:\\s+payspec ${command}`));
    }
  });

  it("no command, an unknown command or an unknown option is a usage error: exit 2 with the usage", async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: payspec <command>");
    const unknown = await runCli(["generat"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "generat"');
    for (const command of COMMANDS) {
      const wrong = await runCli([command, "--no-such-option"]);
      expect(wrong.code, command).toBe(2);
      expect(wrong.stderr, command).toMatch(new RegExp(`Usage:\\s+payspec ${command}`));
    }
  });

  it("a command that needs specs, run where there is neither a spec argument nor a redocly.yaml, says so (exit 2)", async () => {
    const root = await project("no-config");
    for (const command of ["generate", "lint", "docs", "mock"]) {
      const run = await runCli([command], root);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toMatch(/No spec given, and no redocly\.yaml with `apis:`/);
    }
  });

  it("--version prints the package's version", async () => {
    const manifest = JSON.parse(await readFile(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as { version: string };
    expect((await runCli(["--version"])).stdout).toBe(manifest.version);
  });
});

describe("redocly.yaml's x-payspec blocks", () => {
  it("generate with no argument writes every API where its block says, with its client name and a shared runtime", async () => {
    const root = await project(
      "config",
      ["apis:", "  billing:", "    root: api.yaml", "    x-payspec:", "      output: src/clients/billing", "      clientName: BillingClient", "      runtime: src/clients/runtime", "  plain:", "    root: api.yaml", "    x-payspec:", "      output: src/clients/plain", "      runtime: src/clients/runtime", ""].join("\n"),
    );
    const run = await runCli(["generate"], root);
    expect(run.stderr).toMatch(
      /^note: src\/clients\/billing\/, src\/clients\/plain\/, src\/clients\/runtime\/ import packages that package\.json does not list in its dependencies; the app needs them at run time: npm i openapi-fetch@\^0\.\d+\.\d+$/,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").map((line) => line.replace(/\(\d+ files\)/, "(N files)"))).toEqual([
      "Generated src/clients/billing/ (N files) from api.yaml",
      "Generated src/clients/plain/ (N files) from api.yaml",
      "Generated src/clients/runtime/ (the runtime the clients above share)",
    ]);
    const client = await readFile(path.join(root, "src/clients/billing/client.ts"), "utf8");
    expect(client).toContain("export class BillingClient");
    expect(client).toContain('from "../runtime/index.js"');
    expect(await readFile(path.join(root, "src/clients/plain/client.ts"), "utf8")).toContain("export class LegacyBillingClient");
    expect(Object.keys(await hashTree(path.join(root, "src/clients/billing"))).some((file) => file.startsWith("runtime"))).toBe(false);
    expect(Object.keys(await hashTree(path.join(root, "src/clients/runtime")))).toContain("index.ts");
    const readme = await readFile(path.join(root, "src/clients/billing/README.md"), "utf8");
    expect(readme).toContain('from "./src/clients/billing/index.js"');
    expect(readme).toContain("npx payspec generate billing");
    expect((await runCli(["generate", "--check"], root)).code).toBe(0);
  });

  it("an unknown setting, a bad client name or a missing root is an error naming the file and the key (exit 1, nothing written)", async () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ["apis:\n  a:\n    root: api.yaml\n    x-payspec:\n      outptu: src/a\n", /redocly\.yaml: apis\.a\.x-payspec\.outptu: unknown setting; the settings are output, clientName, runtime, importAs/],
      ["apis:\n  a:\n    root: api.yaml\n    x-payspec:\n      clientName: not a class\n", /apis\.a\.x-payspec\.clientName: must be a TypeScript class name/],
      ["apis:\n  a:\n    x-payspec:\n      output: src/a\n", /redocly\.yaml: apis\.a: needs `root: <path of the spec>`/],
    ];
    for (const [config, message] of cases) {
      const root = await project("bad-config", config);
      const run = await runCli(["generate"], root);
      expect(run.code, config).toBe(1);
      expect(run.stderr, config).toMatch(message);
      await mkdir(path.join(root, "generated"), { recursive: true });
      expect(await hashTree(path.join(root, "generated")), config).toEqual({});
    }
  });

  it("a redocly.yaml that Redocly cannot read is an error saying why, with its line (exit 1, nothing written)", async () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ["apis:\n  a:\n    root: api.yaml\n  b: [\n", /^error: .*redocly\.yaml: cannot read it: .*redocly\.yaml" \(5:1\)$/m],
      ["extends:\n  - no-such-preset\napis:\n  a:\n    root: api.yaml\n", /^error: .*redocly\.yaml: cannot read it: Invalid config no-such-preset: there is no such built-in config\.$/m],
    ];
    for (const [config, message] of cases) {
      const root = await project("unreadable-config", config);
      const run = await runCli(["generate"], root);
      expect(run.code, config).toBe(1);
      expect(run.stderr, config).toMatch(message);
      await mkdir(path.join(root, "generated"), { recursive: true });
      expect(await hashTree(path.join(root, "generated")), config).toEqual({});
    }
  });

  it("two clients written to the same folder are refused before anything is written", async () => {
    const root = await project("clash", "apis:\n  a:\n    root: api.yaml\n    x-payspec:\n      output: out\n  b:\n    root: api.yaml\n    x-payspec:\n      output: out/b\n");
    const run = await runCli(["generate"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/would both be written to .*out: give each its own folder/);
    expect(await hashTree(path.join(root, "out"))).toEqual({});
  });
});

describe("what the generated code needs at run time", () => {
  it("is named, with the install command, when the project's package.json does not list it; not when it does", async () => {
    const root = await project("dependencies");
    await writeFile(path.join(root, "payments.yaml"), await readFile(path.resolve(import.meta.dirname, "../../specs/payments.yaml"), "utf8"));
    const missing = await runCli(["generate", "payments.yaml", "--out", "src/api"], root);
    expect(missing.code).toBe(0);
    expect(missing.stderr).toMatch(/^note: src\/api\/ import packages that package\.json does not list in its dependencies; the app needs them at run time: npm i ajv@\^8\.\d+\.\d+ openapi-fetch@\^0\.\d+\.\d+$/m);
    await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "app", type: "module", dependencies: { ajv: "^8", "openapi-fetch": "^0.17.0" } }));
    const listed = await runCli(["generate", "payments.yaml", "--out", "src/api"], root);
    expect(listed.stderr).toBe("");
  });
});

describe("generate --msw", () => {
  it("also writes msw.ts, and names what it needs for tests (npm i -D) when package.json does not list it", async () => {
    const root = await project("msw");
    await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "app", type: "module", dependencies: { "openapi-fetch": "^0.17.0" } }));
    const without = await runCli(["generate", "api.yaml", "--out", "src/api"], root);
    expect(Object.keys(await hashTree(path.join(root, "src/api")))).not.toContain("msw.ts");
    expect(without.stderr).toBe("");
    const withMsw = await runCli(["generate", "api.yaml", "--out", "src/api", "--msw"], root);
    expect(withMsw.code).toBe(0);
    expect(Object.keys(await hashTree(path.join(root, "src/api")))).toContain("msw.ts");
    expect(withMsw.stderr).toMatch(/^note: src\/api\/msw\.ts \(MSW handlers for tests\) import packages that package\.json does not list: npm i -D json-schema-faker@\S+ msw@\S+$/);
    expect(await readFile(path.join(root, "src/api/README.md"), "utf8")).toContain("npx payspec generate api.yaml --out src/api --msw");
  });
});

describe("generate --strict", () => {
  it("refuses a spec with warnings, writing nothing; without it, the warnings are printed and the client written", async () => {
    const root = await project("strict");
    await writeFile(path.join(root, "quirky.yaml"), await readFile(path.join(FIXTURES, "quirks/nullable-in-31.yaml"), "utf8"));
    const strict = await runCli(["generate", "quirky.yaml", "--out", "out", "--strict"], root);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^error: quirky\.yaml:\d+:\d+ at #\/components\/schemas\/\S+\/nullable: .*\(assumed: /m);
    expect(strict.stderr).toContain("Nothing was written");
    expect(await hashTree(path.join(root, "out"))).toEqual({});
    const lenient = await runCli(["generate", "quirky.yaml", "--out", "out"], root);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/^warning: quirky\.yaml:\d+:\d+ at #\/components\/schemas\/\S+\/nullable: /m);
    expect(Object.keys(await hashTree(path.join(root, "out")))).toContain("client.ts");
  });
});

describe("bin/payspec.js", () => {
  it("runs the compiled CLI: the same help, and exit code 2 for a usage error", async () => {
    const help = await runBin(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await runCli(["--help"])).stdout);
    expect((await runBin(["lint", "--bogus"])).code).toBe(2);
  });
});
