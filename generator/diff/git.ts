/**
 * A spec as a git commit has it: `git show <ref>:<path>` for the spec and for every file its `$ref`s reach, written
 * into a temporary folder in the same layout, so that the loader reads the old version exactly as it reads the new.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";

const run = promisify(execFile);

/** A spec that cannot be read from git: not in a repository, an unknown ref, a file not in that ref. */
export class GitSpecError extends Error {
  override readonly name = "GitSpecError";
}

export interface SpecAtRef {
  /** The spec's root file in the temporary folder. */
  readonly file: string;
  /** `HEAD:specs/payments.yaml`, for people and for error messages. */
  readonly label: string;
  /** The spec's path inside the repository, `/`-separated. */
  readonly repoPath: string;
  /** Turns a temporary path in a loader's message back into `<ref>:<path>`. */
  readonly relabel: (text: string) => string;
  readonly remove: () => Promise<void>;
}

/** Files a spec may pull in through `$ref`s, at most: a guard against a runaway, not a limit real specs reach. */
const MAX_FILES = 1000;

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run("git", [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  return stdout;
}

/**
 * The repository root and the spec's path inside it, or a `GitSpecError` saying why there is none. `shown` is the
 * spec's path as the user gave it, for messages.
 */
export async function locateInRepository(specFile: string, shown = specFile): Promise<{ root: string; repoPath: string }> {
  const absolute = path.resolve(specFile);
  const directory = path.dirname(absolute);
  let root: string;
  try {
    root = (await git(directory, ["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new GitSpecError(`${shown} is not in a git repository, so it has no committed version to compare with (${detail})`);
  }
  // Symlinked folders (/tmp on some systems): compare real paths.
  const realRoot = await realpath(root);
  const realDirectory = await realpath(directory).catch(() => directory);
  const repoPath = path.relative(realRoot, path.join(realDirectory, path.basename(absolute))).split(path.sep).join("/");
  if (repoPath.startsWith("../")) throw new GitSpecError(`${shown} is outside the git repository at ${root}`);
  return { root, repoPath };
}

export async function readSpecAtRef(specFile: string, ref: string, shown = specFile): Promise<SpecAtRef> {
  const { root, repoPath } = await locateInRepository(specFile, shown);
  const files = await committedFiles(root, repoPath, ref);
  const folder = await mkdtemp(path.join(os.tmpdir(), "payspec-diff-"));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    for (const [file, text] of files) {
      const target = path.join(folder, ...file.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  } catch (error) {
    await remove();
    throw error;
  }
  const file = path.join(folder, ...repoPath.split("/"));
  // The loader names files absolute, or relative to the process's folder.
  const prefixes = [`${folder}${path.sep}`, `${path.relative(process.cwd(), folder)}${path.sep}`];
  return {
    file,
    label: `${ref}:${repoPath}`,
    repoPath,
    relabel: (text) => prefixes.reduce((result, prefix) => result.split(prefix).join(`${ref}:`), text),
    remove,
  };
}

/**
 * Whether the spec differs from its version at `ref`: some file of the committed version (the spec and every file
 * its `$ref`s reach) reads otherwise in the working tree. If none does, the working tree's spec is those same files.
 * Git calls and text comparisons only, so that `payspec generate` can ask it of every client it rewrites.
 * `undefined` when there is no committed version to compare with (a `GitSpecError`).
 */
export async function changedSince(specFile: string, ref: string): Promise<boolean | undefined> {
  let files: Map<string, string>;
  let root: string;
  try {
    const located = await locateInRepository(specFile);
    root = located.root;
    files = await committedFiles(root, located.repoPath, ref);
  } catch (error) {
    if (error instanceof GitSpecError) return undefined;
    throw error;
  }
  for (const [file, text] of files) {
    const current = await readFile(path.join(root, ...file.split("/")), "utf8").catch(() => undefined);
    if (current !== text) return true;
  }
  return false;
}

/** `git show <ref>:<path>` of the spec at `repoPath` and of every file its `$ref`s reach, by repository path. */
async function committedFiles(root: string, repoPath: string, ref: string): Promise<Map<string, string>> {
  try {
    await git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new GitSpecError(`${ref} is not a commit of the git repository at ${root}`);
  }
  const files = new Map<string, string>();
  const pending = [repoPath];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    if (files.size >= MAX_FILES) throw new GitSpecError(`${ref}:${repoPath} pulls in more than ${MAX_FILES} files through $refs`);
    let text: string;
    try {
      text = await git(root, ["show", `${ref}:${file}`]);
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim().split("\n")[0] ?? "";
      throw new GitSpecError(
        file === repoPath
          ? `${repoPath} is not in ${ref}: there is no committed version to compare with (${detail})`
          : `${file}, which ${repoPath} refers to, is not in ${ref} (${detail})`,
      );
    }
    files.set(file, text);
    for (const referenced of externalRefs(text)) pending.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), referenced)));
  }
  return files;
}

/** The files a YAML/JSON text's `$ref`s point into (not URLs, not the text itself). Unreadable text refers to none. */
function externalRefs(text: string): string[] {
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: -1 });
  } catch {
    return [];
  }
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") {
          const file = value.split("#")[0] ?? "";
          if (file !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(file)) found.add(decoded(file));
        } else walk(value);
      }
    }
  };
  walk(document);
  return [...found];
}

/** A `$ref`'s file part, percent-decoded when it is well formed (the loader reports one that is not). */
function decoded(file: string): string {
  try {
    return decodeURI(file);
  } catch {
    return file;
  }
}
