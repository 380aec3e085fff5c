/**
 * Running the `payspec` command in tests: `runCli` calls the CLI's `main` in this process (fast, same code), and
 * `runBin` runs bin/payspec.js in a child process, as a user does (the compiled dist/, which the test setup builds
 * with `npm run compile`).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { main } from "../../cli/main.js";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(REPO, "bin", "payspec.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], cwd = REPO): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { cwd, stdout: (text) => void stdout.push(text), stderr: (text) => void stderr.push(text) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

export function runBin(args: readonly string[], cwd = REPO, env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: stdout.trimEnd(), stderr: stderr.trimEnd() }));
  });
}
