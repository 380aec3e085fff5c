// Static mode's fallback: where a success response has no example and Prism's static sampler gives up on its schema
// (it answers 500 "Schema too complex" past 2,500 steps, as it does for large recursive schemas), the response gets
// an example generated from the schema once, at start-up, so that Prism's static mode returns it.
//
// The example comes from json-schema-faker (the library the MSW handlers generate with: zero dependencies, seeded,
// cycle-safe), seeded so that every start gives the same body; its default depth limit (5) ends schemas that refer to
// themselves. Whether Prism would give up is asked of the sampler Prism itself uses
// (@stoplight/json-schema-sampler's public `sample` and `SchemaSizeExceededError`), with Prism's own step limit.
import { generateSync } from "json-schema-faker";

/** Prism's limit (prism-http's `generateStatic`). */
const SAMPLER_TICKS = 2500;
const FALLBACK_KEY = "payspec-generated";

/** Fills in the examples; returns `METHOD /path status` of each response it gave one. */
export function staticFallbacks(operations, sampler, seed) {
  const filled = [];
  for (const operation of operations) {
    for (const response of operation.responses ?? []) {
      if (!/^2/.test(String(response.code))) continue;
      for (const content of response.contents ?? []) {
        if (content.schema === undefined || (Array.isArray(content.examples) && content.examples.length > 0)) continue;
        if (!tooComplex(sampler, content.schema, operation)) continue;
        content.examples = [{ key: FALLBACK_KEY, value: generateFromSchema(content.schema, operation, seed) }];
        filled.push(`${operation.method.toUpperCase()} ${operation.path} ${response.code}`);
      }
    }
  }
  return filled;
}

function tooComplex(sampler, schema, operation) {
  try {
    sampler.sample(schema, { ticks: SAMPLER_TICKS }, operation);
    return false;
  } catch (error) {
    return error instanceof sampler.SchemaSizeExceededError;
  }
}

/** A value of `schema`, whose `$ref`s point into the operation's `__bundled__` (how Prism keeps shared schemas). */
export function generateFromSchema(schema, operation, seed) {
  const root = typeof schema === "object" && schema !== null && operation.__bundled__ !== undefined ? { ...schema, __bundled__: operation.__bundled__ } : schema;
  return generateSync(root, {
    seed: Number.isInteger(Number(seed)) ? Number(seed) : 1,
    maxDefaultItems: 2,
    alwaysFakeOptionals: false,
    optionalsProbability: 0.5,
    failOnInvalidTypes: false,
  });
}
