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
