/**
 * Vitest global setup: empties test-output/generator/, where the generator tests make their temporary folders
 * (test/generator/helpers.ts `tempDir`), at the start of each run. The last run's folders stay for a look after a
 * failure; they no longer pile up run after run.
 */
import { rm } from "node:fs/promises";
import path from "node:path";

export const GENERATOR_TEST_OUTPUT = path.resolve(import.meta.dirname, "../../test-output/generator");

export async function setup(): Promise<void> {
  await rm(GENERATOR_TEST_OUTPUT, { recursive: true, force: true });
}
