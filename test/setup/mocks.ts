/**
 * Vitest global setup: one static Prism per payspec spec, started through `startMock` (the helper users get as
 * `payspec/mock`) and stopped in teardown, which vitest runs also when tests fail. If vitest itself is interrupted,
 * mock/index.ts kills the mocks on exit/SIGINT/SIGTERM, and a Prism whose parent died (even by SIGKILL) ends itself
 * (mock/prism-process.mjs), so no Prism outlives the run.
 *
 * Tests read the URLs with `inject("payspecMocks")`. A spec whose mock could not start gets `{ error }` instead of
 * aborting the whole run: its contract tests fail with that message, everyone else's tests still run.
 * Dynamic mocks are started by the contract test files themselves (test/contract/support/suite.ts).
 */
import type { TestProject } from "vitest/node";
import { specNames, startMock, type RunningMock, type SpecName } from "../../mock/index.js";

export type MockEntry = { readonly url: string } | { readonly error: string };
export type PayspecMocks = Readonly<Record<SpecName, MockEntry>>;

declare module "vitest" {
  export interface ProvidedContext {
    payspecMocks: PayspecMocks;
  }
}

/**
 * The specs whose contract tests (`test/contract/<spec>.test.ts`) are in this run: `vitest run test/generator` need
 * not pay for four Prism boots, nor `vitest run test/contract/medusa.test.ts` for three.
 */
async function specsUnderTest(project: TestProject): Promise<ReadonlySet<SpecName>> {
  // `filenamePattern` holds the CLI file filters (`vitest run test/mock`); it is not typed as public API, so a
  // missing field means "cannot tell" and every mock starts.
  const filters = (project.vitest as unknown as { filenamePattern?: unknown }).filenamePattern;
  if (!Array.isArray(filters) || filters.length === 0) return new Set(specNames);
  const { testFiles } = await project.globTestFiles(filters.map(String));
  return new Set(
    specNames.filter((spec) => testFiles.some((file) => file.replace(/\\/g, "/").endsWith(`/test/contract/${spec}.test.ts`))),
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const running: RunningMock[] = [];
  const entries = {} as Record<SpecName, MockEntry>;
  const wanted = await specsUnderTest(project);
  await Promise.all(
    specNames.map(async (spec) => {
      if (!wanted.has(spec)) {
        entries[spec] = { error: `not started: this run does not include test/contract/${spec}.test.ts` };
        return;
      }
      try {
        const mock = await startMock({ spec });
        running.push(mock);
        entries[spec] = { url: mock.url };
      } catch (error) {
        entries[spec] = { error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  project.provide("payspecMocks", entries);
  return async () => {
    await Promise.all(running.map((mock) => mock.stop()));
  };
}
