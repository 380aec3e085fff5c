/**
 * payspec as a user gets it: the package packed by npm from a copy of this working tree (what a fresh clone holds,
 * with its own `prepack`), installed into a new, empty project. Shared by the new-user test and the bench's install
 * size.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
export const REPO = path.resolve(import.meta.dirname, "../..");

/** Runs npm in `cwd`, quietly and offline when the cache has what it needs; throws with npm's own output on failure. */
export async function npm(args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await exec(NPM, [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/**
 * `npm pack` of this working tree, as a fresh clone with `npm ci` would give it: the tracked and new (not ignored)
 * files are copied to `workDir/source`, beside this repository's node_modules (linked, as `npm ci` would install
 * them), and packed there, so that `prepack` builds everything from nothing without touching this tree's dist/.
 * Returns the tarball's path.
 */
export async function packWorkingTree(workDir: string): Promise<string> {
  const source = path.join(workDir, "source");
  const { stdout } = await exec("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
  const files = stdout.split("\0").filter((file) => file !== "");
  for (const file of files) {
    const from = path.join(REPO, file);
    if (!(await stat(from).catch(() => undefined))?.isFile()) continue; // deleted in the working tree
    await mkdir(path.dirname(path.join(source, file)), { recursive: true });
    await cp(from, path.join(source, file));
  }
  await symlink(path.join(REPO, "node_modules"), path.join(source, "node_modules"), "junction");
  const tarballs = path.join(workDir, "tarballs");
  await mkdir(tarballs, { recursive: true });
  await npm(["pack", "--pack-destination", tarballs], source);
  const [tarball] = (await readdir(tarballs)).filter((file) => file.endsWith(".tgz"));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball in ${tarballs}`);
  return path.join(tarballs, tarball);
}

/** A new project as `npm init -y && npm pkg set type=module && npm i <tarball> ...extra` makes it. */
export async function newProject(dir: string, tarball: string, extra: readonly string[] = []): Promise<void> {
  await mkdir(dir, { recursive: true });
  await npm(["init", "-y"], dir);
  await npm(["pkg", "set", "type=module"], dir);
  await npm(["install", "--prefer-offline", tarball, ...extra], dir);
}

/** Bytes of every file under `dir`, following no links. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
