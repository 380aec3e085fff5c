/**
 * `requireLibrary`: how the generator loads its CommonJS libraries (ts-morph, openapi-typescript's transform, Ajv,
 * ajv-formats): with `require`, not `import`.
 *
 * Why: Node 20's ES module loader, handed a CommonJS file, first reads and compiles it to detect its syntax, then
 * runs its export lexer over it, and only then lets the CommonJS loader compile it again. For TypeScript's 9 MB
 * (which openapi-typescript loads) that is a large part of every `npm run generate`; `require` compiles each file
 * once (bench/generation.ts measures the whole run). Types still come from the packages' declarations:
 *
 *   const { Project } = requireLibrary("ts-morph") as typeof import("ts-morph");
 */
import { createRequire } from "node:module";

export const requireLibrary = createRequire(import.meta.url);

let beforeTypeScript: (() => void) | undefined;

/**
 * What to run before TypeScript is first loaded on this thread through `requireTypeScript`: the spec thread, which
 * needs it only for some specs, loads it from a V8 code cache (generator/spec-thread-entry.ts).
 */
export function setBeforeTypeScript(hook: () => void): void {
  beforeTypeScript = hook;
}

/** ts-morph's TypeScript, for modules that need it only now and then. */
export function requireTypeScript(): typeof import("ts-morph").ts {
  const hook = beforeTypeScript;
  beforeTypeScript = undefined;
  hook?.();
  return (requireLibrary("ts-morph") as typeof import("ts-morph")).ts;
}
