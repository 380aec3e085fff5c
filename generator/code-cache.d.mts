/** Declarations of ./code-cache.mjs, which generator/run.mjs (plain JavaScript) and the generator both import. */

/** TypeScript's two copies, as Node resolves them from their users. */
export function typescriptFiles(repo: string): { readonly openapiTypescript: string; readonly tsMorph: string };

/** Loads each CommonJS `file` into require's cache, compiled from (or into) the cache in `cacheDir`. */
export function preloadFromCodeCache(files: readonly string[], cacheDir: string): void;
