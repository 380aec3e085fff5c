/**
 * Redocly's openapi-core, as load.ts uses it.
 *
 * Run compiled (generator/run.mjs), it is the one-file copy of the package that run.mjs bundled beside the compiled
 * generator (`vendor/openapi-core.cjs`, esbuild), compiled from a V8 code cache kept beside it. The package itself
 * is some 250 ES modules and their dependencies, which Node 20 reads, links and compiles one by one on every run:
 * about 0.25 s, spent before the spec thread can load a spec, while everything else waits for that spec. The copy
 * takes about 0.05 s. Anywhere else (the tests, tsx), or if run.mjs could not bundle it, it is the package.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { preloadFromCodeCache } from "./code-cache.mjs";
import { requireLibrary } from "./libraries.js";

type Redocly = typeof import("@redocly/openapi-core");

/** Where generator/run.mjs writes the bundle, relative to this module compiled. */
const REDOCLY_BUNDLE = "../vendor/openapi-core.cjs";

function bundledCopy(): string | undefined {
  if (!import.meta.url.endsWith(".js")) return undefined;
  const file = fileURLToPath(new URL(REDOCLY_BUNDLE, import.meta.url));
  return existsSync(file) ? file : undefined;
}

async function loadRedocly(): Promise<Redocly> {
  const bundle = bundledCopy();
  if (bundle === undefined) return import("@redocly/openapi-core");
  preloadFromCodeCache([bundle], path.dirname(bundle));
  return requireLibrary(bundle) as Redocly;
}

export const redocly: Redocly = await loadRedocly();
