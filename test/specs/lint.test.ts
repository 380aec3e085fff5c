/**
 * Runs `npm run lint` (`payspec lint`: Redocly's rules as redocly.yaml sets them, on every api declared there, and
 * payspec's loading policy) and fails on any error or warning; and checks that the rule set rejects breaches of the
 * project's conventions.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { source: { ref: string }; pointer?: string }[];
}
interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

/** `redocly lint --format=json` prints one JSON report per api, back to back. */
function parseReports(stdout: string): LintReport[] {
  const joined = stdout.trim().replace(/\}\s*\{\s*"totals"/g, '},{"totals"');
  return JSON.parse(`[${joined}]`) as LintReport[];
}

function describeProblem(problem: LintProblem): string {
  const where = problem.location[0];
  return `${problem.severity} ${where?.source.ref ?? "?"}${where?.pointer ?? ""} [${problem.ruleId}] ${problem.message}`;
}

describe("npm run lint (payspec lint: redocly.yaml's rules and payspec's loading policy)", () => {
  it("reports no errors and no warnings for any spec in redocly.yaml", async () => {
    let stdout = "";
    let stderr = "";
    let exitCode = 0;
    try {
      ({ stdout, stderr } = await run("npm", ["run", "--silent", "lint"], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1", REDOCLY_TELEMETRY: "off" } }));
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; code?: number };
      stdout = failed.stdout ?? "";
      stderr = failed.stderr ?? "";
      exitCode = failed.code ?? 1;
    }
    expect(stderr, "every problem is printed on stderr, one per line").toBe("");
    expect(stdout.trim()).toBe("4 specs: 0 errors, 0 warnings.");
    expect(exitCode).toBe(0);
  });

  it("redocly.yaml itself is a valid Redocly config (its x-payspec blocks included)", async () => {
    const { stdout, stderr } = await run("npx", ["redocly", "check-config"], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1", REDOCLY_TELEMETRY: "off" } });
    expect(`${stdout}${stderr}`).toContain("Your config is valid");
  });

  it("exits 1 and names the file, line, pointer and rule of an error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "payspec-lint-"));
    try {
      const file = join(dir, "breaches.yaml");
      await writeFile(file, CONVENTION_BREACHES);
      const failed = await run("node", [join(REPO_ROOT, "bin/payspec.js"), "lint", file], { cwd: REPO_ROOT }).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failed?.code).toBe(1);
      const lines = (failed?.stderr ?? "").trim().split("\n");
      expect(lines).toHaveLength(4);
      expect(lines[0]).toBe(
        `error: ${file}:9:7 at #/paths/~1missing-extensions/post/x-source: Every operation needs \`x-source: "<seed file name>"\` naming the document it comes from (e.g. 000_fbfa1c8c38c0c67c.txt). [rule/operation-x-source]`,
      );
      expect(lines[3]).toMatch(/^error: \S+breaches\.yaml:32:32 at #\/paths\/~1unknown-action\/post\/responses\/200\/content\/application~1json\/example\/undeclared_field: .*\[no-invalid-media-type-examples\]$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A spec breaking this project's conventions; the rule set in redocly.yaml must reject each breach. */
const CONVENTION_BREACHES = `openapi: 3.1.0
info: {title: t, version: "1", description: d}
servers: [{url: "https://api.payspec.invalid"}]
security: []
tags: [{name: a, description: b}]
paths:
  /missing-extensions:
    post:
      operationId: missingExtensions
      summary: s
      description: d
      tags: [a]
      responses:
        "200": {description: ok}
  /unknown-action:
    post:
      operationId: unknownAction
      summary: s
      description: d
      tags: [a]
      x-source: 000_fbfa1c8c38c0c67c.txt
      x-payment-actions: [capture, teleport]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: integer}
              example: {id: 1, undeclared_field: true}
`;

describe("redocly.yaml rule set", () => {
  it("rejects operations without x-source/x-payment-actions, unknown actions and undeclared example fields", async () => {
    const dir = await mkdtemp(join(tmpdir(), "payspec-lint-"));
    try {
      const file = join(dir, "breaches.yaml");
      await writeFile(file, CONVENTION_BREACHES);
      let stdout = "";
      try {
        ({ stdout } = await run(
          "npx",
          ["redocly", "lint", file, "--config", join(REPO_ROOT, "redocly.yaml"), "--format=json"],
          { cwd: REPO_ROOT, maxBuffer: 8 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
        ));
      } catch (error) {
        stdout = (error as { stdout?: string }).stdout ?? "";
      }
      const problems = parseReports(stdout).flatMap((r) => r.problems);
      const found = problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ""}`).sort();
      expect(found).toEqual(
        [
          "rule/operation-x-source #/paths/~1missing-extensions/post/x-source",
          "rule/operation-x-payment-actions #/paths/~1missing-extensions/post/x-payment-actions",
          "rule/operation-x-payment-actions #/paths/~1unknown-action/post/x-payment-actions/teleport",
          "no-invalid-media-type-examples #/paths/~1unknown-action/post/responses/200/content/application~1json/example/undeclared_field",
        ].sort(),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
