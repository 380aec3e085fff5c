/**
 * Ajv compiles a schema's `$ref`'d schemas recursively, so a spec whose schemas reference each other in a long chain
 * overflowed the main thread's stack and could not be generated. The payspec command generates on a thread with a
 * larger stack (generator/thread.ts): a chain of 1,500 schemas (which overflows the main thread) must generate through
 * the bin, and its validators must work down the whole chain.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "../support/cli.js";
import { tempDir } from "./helpers.js";

const LINKS = 1500;

function chainSpec(): object {
  const schemas: Record<string, object> = {};
  for (let index = 0; index < LINKS; index++) {
    const value = { type: "string" };
    schemas[`Link${index}`] =
      index < LINKS - 1
        ? { type: "object", properties: { value, next: { $ref: `#/components/schemas/Link${index + 1}` } } }
        : { type: "object", properties: { value } };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Chain", version: "1" },
    paths: {
      "/links/{id}": {
        get: {
          operationId: "getLink",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Link0" } } } } },
        },
      },
    },
    components: { schemas },
  };
}

/** `{ value: "0", next: { value: "1", next: ... } }`, `depth` links deep, with `leaf` as the last link's value. */
function chain(depth: number, leaf: unknown): object {
  let link: Record<string, unknown> = { value: leaf };
  for (let index = depth - 2; index >= 0; index--) link = { value: String(index), next: link };
  return link;
}

describe("a spec whose schemas form a long $ref chain", () => {
  it(`generates through the payspec bin (${LINKS} schemas), and its validators check the whole chain`, async () => {
    const dir = await tempDir("long-ref-chain");
    const spec = path.join(dir, "chain.json");
    await writeFile(spec, JSON.stringify(chainSpec()));
    const out = path.join(dir, "chain");
    const run = await runBin(["generate", spec, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const validators = (await import(path.join(out, "validators.ts"))) as Record<string, (value: unknown) => boolean>;
    expect(validators["isLink0"]?.(chain(200, "ok"))).toBe(true);
    expect(validators["isLink0"]?.(chain(200, 42))).toBe(false);
  }, 120_000);
});
