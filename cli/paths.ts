/** Paths as the commands print and embed them. */
import { existsSync } from "node:fs";
import path from "node:path";

/** `/` separators, whatever the platform: paths embedded in generated files must not depend on it. */
export function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

/**
 * The project a folder belongs to: the nearest folder at or above it holding a package.json or redocly.yaml.
 * Generated READMEs give paths from there, so they read the same whichever folder the command ran from.
 */
export function projectRoot(dir: string): string {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, "package.json")) || existsSync(path.join(current, "redocly.yaml"))) return current;
    if (path.dirname(current) === current) return path.dirname(path.resolve(dir));
  }
}

/** Words as a POSIX shell command line: quoted only where a word needs it. */
export function shellCommand(words: readonly string[]): string {
  return words.map((word) => (/^[\w./:=@+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`)).join(" ");
}
