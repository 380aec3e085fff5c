/**
 * generator/validators/embedded-sources.generated.ts is made by `npm run embed` (scripts/embed-sources.ts) from
 * formats.ts, paths.ts and issues.ts, and checked in so that `payspec generate` needs no TypeScript transpiler or
 * parser for them. Edit one of those files without running the script, and the generated clients would paste the old
 * code: this fails first.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EMBEDDED_SOURCES_FILE, embeddedSourcesModule } from "../../scripts/embed-sources.js";

describe("embedded-sources.generated.ts", () => {
  it("is what `npm run embed` writes from formats.ts, paths.ts and issues.ts as they are now", () => {
    expect(readFileSync(EMBEDDED_SOURCES_FILE, "utf8") === embeddedSourcesModule(), "stale: run `npm run embed`").toBe(true);
  });
});
