/**
 * What generated code needs at run time, said where it is missing: the packages the written files import (openapi-fetch
 * for the client, Ajv's run-time helpers for the validators...) that the project's package.json does not list among
 * its dependencies. payspec itself is usually a dev dependency, so an app built for production would not have them.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../generator/package-root.js";

type Manifest = {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
};

/** The packages a set of modules imports: bare specifiers, reduced to their package names. */
export function importedPackages(texts: Iterable<string>): Set<string> {
  const packages = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/^\s*(?:import|export)\b[^"'\n]*?from\s*["']([^"'./][^"']*)["']|\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/gm)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith("node:")) continue;
      packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
    }
  }
  return packages;
}

/**
 * The command that adds what `projectDir`'s package.json lacks of `packages`, at the versions payspec is built and
 * tested with; undefined when nothing is missing or there is no package.json. `dev`: the packages are for tests
 * (devDependencies will do, and the command adds them there).
 */
export function installCommand(packages: ReadonlySet<string>, projectDir: string, dev = false): string | undefined {
  const manifestFile = path.join(projectDir, "package.json");
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const listed = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...(dev ? Object.keys(manifest.devDependencies ?? {}) : []),
  ]);
  const ours = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as Manifest;
  const missing = [...packages].filter((name) => !listed.has(name)).sort();
  if (missing.length === 0) return undefined;
  const versioned = missing.map((name) => {
    const range = ours.dependencies?.[name] ?? ours.peerDependencies?.[name];
    return range !== undefined ? `${name}@${range}` : name;
  });
  return `npm i ${dev ? "-D " : ""}${versioned.join(" ")}`;
}
