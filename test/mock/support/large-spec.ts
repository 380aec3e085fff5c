/**
 * A generated 300-operation spec shaped like a vendor's: 100 resources, each listed, created and fetched by id, each
 * schema referring to shared ones (Money, Address) and to the next resource (a cycle through all 100, as real specs
 * have), half of the responses with examples. Deterministic. The real specs (GitHub's, APIs.guru's) are measured in
 * bench/mocks.ts; this one keeps the tests small.
 */
import { writeFileSync } from "node:fs";
import { stringify } from "yaml";

export const LARGE_SPEC_RESOURCES = 100;
export const LARGE_SPEC_OPERATIONS = LARGE_SPEC_RESOURCES * 3;

const name = (index: number) => `Resource${String(index % LARGE_SPEC_RESOURCES).padStart(3, "0")}`;
const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });

export function largeSpec(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Money: { type: "object", required: ["amount", "currency"], properties: { amount: { type: "string", pattern: "^-?\\d{0,7}(?:\\.\\d{0,2})?$" }, currency: { type: "string", minLength: 3, maxLength: 3 } } },
    Address: { type: "object", properties: { line1: { type: "string" }, city: { type: "string" }, country: { type: "string" } } },
  };
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < LARGE_SPEC_RESOURCES; index++) {
    const schema = name(index);
    schemas[schema] = {
      type: "object",
      required: ["id", "total"],
      properties: {
        id: { type: "integer" },
        status: { type: "string", enum: ["open", "paid", "void"] },
        total: ref("Money"),
        shipping: ref("Address"),
        next: ref(name(index + 1)),
      },
    };
    const example = { id: index, status: "open", total: { amount: "10.00", currency: "EUR" } };
    const body = (content: Record<string, unknown>) => ({ content: { "application/json": content } });
    const withExample = index % 2 === 0;
    const collection = `/resources-${index}`;
    paths[collection] = {
      get: {
        operationId: `list${schema}`,
        parameters: [{ name: "page", in: "query", schema: { type: "integer", minimum: 1 } }],
        responses: { "200": { description: "A page.", ...body({ schema: { type: "array", items: ref(schema) }, ...(withExample ? { example: [example] } : {}) }) } },
      },
      post: {
        operationId: `create${schema}`,
        requestBody: { required: true, ...body({ schema: { type: "object", required: ["total"], additionalProperties: false, properties: { total: ref("Money") } } }) },
        responses: { "201": { description: "Created.", ...body({ schema: ref(schema), ...(withExample ? { example } : {}) }) } },
      },
    };
    paths[`${collection}/{id}`] = {
      get: {
        operationId: `get${schema}`,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "One.", ...body({ schema: ref(schema), ...(withExample ? { example } : {}) }) } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Large generated spec", version: "1" },
    servers: [{ url: "https://large.test/api" }],
    security: [{ bearerAuth: [] }],
    paths,
    components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } }, schemas },
  };
}

export function writeLargeSpec(file: string): void {
  writeFileSync(file, stringify(largeSpec()));
}
