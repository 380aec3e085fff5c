/** Running `payspec diff` in process, as `cli/main.ts` will, and writing spec versions to temporary folders. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { diffCommand } from "../../cli/diff.js";

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runDiff(argv: readonly string[], cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await diffCommand.run(argv, { cwd, stdout: (text) => (stdout += `${text}\n`), stderr: (text) => (stderr += `${text}\n`) });
  return { code, stdout, stderr };
}

export async function tempFolder(prefix: string): Promise<{ readonly dir: string; readonly write: (name: string, content: unknown) => Promise<string>; readonly remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write: async (name, content) => {
      const file = path.join(dir, name);
      await writeFile(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
