/**
 * Vitest global setup: builds dist/ with the project's own script (`npm run compile`), so that the tests that run
 * bin/payspec.js, or import `payspec/<name>`, run what a user's installed package runs.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const REPO = path.resolve(import.meta.dirname, "../..");

export async function setup(): Promise<void> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  try {
    await promisify(execFile)(npm, ["run", "compile", "--silent"], { cwd: REPO });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run compile failed, so the tests cannot run the payspec command:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}
