/**
 * What the generator pastes into the modules it writes from three of its own TypeScript files, made at development
 * time by `npm run embed` (scripts/embed-sources.ts) into ./embedded-sources.generated.ts, so that `payspec generate`
 * neither transpiles nor parses TypeScript for it. Why, and the test that keeps the file fresh: the script's comment.
 */
export interface EmbeddedSources {
  /** ./formats.ts as JavaScript declarations to paste into compiled.js: `export` dropped, comments kept. */
  readonly formats: string;
  /** ./paths.ts, the same way. */
  readonly paths: string;
  /** ./issues.ts, for `embeddedIssues` (generator/emit/validators.ts) to cut down to what a module uses. */
  readonly issues: EmbeddedIssuesSource;
}

export interface EmbeddedIssuesSource {
  /** ./issues.ts without its file comment and its `export`s, in TypeScript. */
  readonly text: string;
  /** Its top-level statements in order, each from the end of the one before (leading comments included). */
  readonly statements: readonly SourceStatement[];
  /** The index in `statements` of the `WORDING` table. */
  readonly wording: number;
  /** The table's entries, each with its leading comments and its comma. */
  readonly entries: readonly WordingEntry[];
}

export interface SourceStatement extends SourceRange {
  /** The one name a function, interface, type alias or single-variable statement declares; others are always kept. */
  readonly name?: string;
}

export interface WordingEntry extends SourceRange {
  /** The keyword the entry words (undefined: not a plain key). */
  readonly keyword?: string;
}

export interface SourceRange {
  readonly start: number;
  readonly end: number;
  /** Every name read inside the range (the `WORDING` statement's own: outside its entries). */
  readonly reads: readonly string[];
}
