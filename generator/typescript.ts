/**
 * The TypeScript compiler API (the `typescript` package, the peer dependency openapi-typescript prints with), for
 * the generator's own few uses: the types' syntax trees (./emit/types.ts, ./emit/recursive-arrays.ts), and at
 * development time scripts/embed-sources.ts.
 *
 * Loaded with `require`, not `import`: Node 20 lexes a CommonJS module that an ES module imports, to find its named
 * exports, and for TypeScript's 9 MB script that costs ~0.3 s more than requiring it (measured: 0.52 against 0.17-0.24
 * s). openapi-typescript requires the same file, so the generator's thread loads it once.
 */
import { createRequire } from "node:module";

export const ts = createRequire(import.meta.url)("typescript") as typeof import("typescript");
