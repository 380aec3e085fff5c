/**
 * The documents' example bodies (test/fixtures/<spec>/<operationId>.<request|response.NNN>.json, extracted
 * from the seed documents) validate against the bundled specs, declare no field the spec does not, and are
 * exactly the examples the specs carry. Every success response of every spec has a valid example.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkBody, listOperations, resolveRef, type BodyTarget } from "./spec-schemas.js";

const SPECS = ["nextcommerce", "bigcommerce", "medusa", "payments"] as const;
const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const FIXTURE_NAME = /^(?<operationId>[A-Za-z][\w]*)\.(?<target>request|response\.\d{3})\.json$/;
/** Document 003 (payments) is prose and attribute tables only: it shows no example body to extract. */
const DOCUMENTS_WITHOUT_EXAMPLES = new Set<string>(["payments"]);
/** Success statuses that carry no body by definition. */
const BODILESS = new Set(["204", "205", "304"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function fixtureFiles(spec: string): string[] {
  try {
    return readdirSync(`${FIXTURES}${spec}`).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
}

function jsonMediaTypes(content: unknown): [string, Record<string, unknown>][] {
  return Object.entries((content ?? {}) as Record<string, Record<string, unknown>>).filter(([type]) =>
    /^application\/(?:[\w.+-]+\+)?json\b/.test(type),
  );
}

/** The example bodies a media type object carries: `example`, or the values of `examples`. */
function mediaExamples(media: Record<string, unknown>): Json[] {
  if (media["example"] !== undefined) return [media["example"] as Json];
  const examples = (media["examples"] ?? {}) as Record<string, { value?: Json }>;
  return Object.values(examples).flatMap((example) => (example.value === undefined ? [] : [example.value]));
}

async function specExamples(spec: string, operationId: string, target: BodyTarget): Promise<Json[]> {
  const operation = (await listOperations(spec)).get(operationId)?.operation;
  if (!operation) return [];
  const holder = (await resolveRef(
    spec,
    target === "request"
      ? operation["requestBody"]
      : (operation["responses"] as Record<string, unknown> | undefined)?.[target.slice("response.".length)],
  )) as Record<string, unknown> | undefined;
  return jsonMediaTypes(holder?.["content"]).flatMap(([, media]) => mediaExamples(media));
}

describe.each(SPECS)("%s: the documents' example bodies", (spec) => {
  const files = fixtureFiles(spec);

  it("has fixtures named <operationId>.<request|response.NNN>.json", () => {
    if (!DOCUMENTS_WITHOUT_EXAMPLES.has(spec)) {
      expect(files.length, `no fixtures in test/fixtures/${spec}/`).toBeGreaterThan(0);
    }
    expect(files.filter((name) => !FIXTURE_NAME.test(name))).toEqual([]);
  });

  it.each(files.filter((name) => FIXTURE_NAME.test(name)))("%s", async (name) => {
    const { operationId, target } = FIXTURE_NAME.exec(name)!.groups as { operationId: string; target: BodyTarget };
    const body = JSON.parse(readFileSync(`${FIXTURES}${spec}/${name}`, "utf8")) as Json;

    const { errors, undeclared } = await checkBody(spec, operationId, target, body);
    expect(errors, `test/fixtures/${spec}/${name} does not validate against ${operationId} ${target}`).toEqual([]);
    expect(undeclared, `test/fixtures/${spec}/${name} has fields ${operationId} ${target} does not declare`).toEqual(
      [],
    );

    const examples = await specExamples(spec, operationId, target);
    expect(examples.length, `specs/${spec}.yaml: ${operationId} ${target} carries no example`).toBeGreaterThan(0);
    expect(examples, `specs/${spec}.yaml: the example of ${operationId} ${target} is not the document's`).toContainEqual(
      body,
    );
  });
});

describe.each(SPECS)("%s: every success response has a valid example", (spec) => {
  it("each 2xx JSON response carries an example that validates and declares every field", async () => {
    const operations = await listOperations(spec);
    expect(operations.size, `specs/${spec}.yaml has no operations`).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const [operationId, { operation }] of operations) {
      const responses = (operation["responses"] ?? {}) as Record<string, unknown>;
      for (const [status, responseOrRef] of Object.entries(responses)) {
        if (!/^2\d\d$/.test(status) || BODILESS.has(status)) continue;
        const response = (await resolveRef(spec, responseOrRef)) as Record<string, unknown>;
        const media = jsonMediaTypes(response["content"]);
        if (media.length === 0) failures.push(`${operationId} ${status}: no JSON body`);
        for (const [type, mediaType] of media) {
          const examples = mediaExamples(mediaType);
          if (examples.length === 0) failures.push(`${operationId} ${status} ${type}: no example`);
          for (const example of examples) {
            const { errors, undeclared } = await checkBody(spec, operationId, `response.${status}`, example);
            for (const error of errors) failures.push(`${operationId} ${status}: invalid example: ${error}`);
            for (const pointer of undeclared) failures.push(`${operationId} ${status}: undeclared field ${pointer}`);
          }
        }
      }
    }
    expect(failures, `specs/${spec}.yaml`).toEqual([]);
  });
});
