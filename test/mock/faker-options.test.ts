import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { preferSeed, startMock, type RunningMock } from "../../mock/index.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const started: RunningMock[] = [];
afterAll(async () => {
  await Promise.all(started.map((mock) => mock.stop()));
});

/** The property names of the dynamic responses for seeds 1..10. */
async function keysOfTenResponses(options: Parameters<typeof startMock>[0]): Promise<string[][]> {
  const mock = await startMock({ ...options, dynamic: true });
  started.push(mock);
  const keys: string[][] = [];
  for (let seed = 1; seed <= 10; seed++) {
    const response = await fetch(`${mock.url}/things/1`, { headers: preferSeed(seed) });
    expect(response.status).toBe(200);
    keys.push(Object.keys((await response.json()) as object).sort());
  }
  return keys;
}

describe("json-schema-faker options of dynamic mocks", () => {
  it("by default Prism fills open objects with extra properties (the control for the two tests below)", async () => {
    const keys = await keysOfTenResponses({ spec: fixture("open-object.yaml") });
    expect(keys.some((names) => names.length > 1)).toBe(true);
    expect(keys.every((names) => names.includes("id"))).toBe(true);
  });

  it("the spec's own x-json-schema-faker options take effect (Prism's extension, applied by mock/prism-process.mjs)", async () => {
    const keys = await keysOfTenResponses({ spec: fixture("open-object-unfilled.yaml") });
    expect(keys).toEqual(Array.from({ length: 10 }, () => ["id"]));
  });

  it("startMock's fakerOptions take effect", async () => {
    const keys = await keysOfTenResponses({ spec: fixture("open-object.yaml"), fakerOptions: { fillProperties: false } });
    expect(keys).toEqual(Array.from({ length: 10 }, () => ["id"]));
  });
});
