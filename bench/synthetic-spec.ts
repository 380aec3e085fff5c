/**
 * A deterministic synthetic OpenAPI 3.1 spec for the generation benchmark: 500 operations over 250 paths and
 * 2,000 component schemas that reference each other (objects, arrays, enums, nullable type arrays, oneOf with a
 * discriminator, decimal-string money), with path, query and header parameters. No randomness: the same spec
 * every run, so figures are comparable.
 *
 *   tsx bench/synthetic-spec.ts <out.yaml>   writes it (YAML)
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";

export const SYNTHETIC_OPERATIONS = 500;
export const SYNTHETIC_SCHEMAS = 2000;

const name = (index: number) => `Model${String(index).padStart(4, "0")}`;
const ref = (index: number) => ({ $ref: `#/components/schemas/${name(index % SYNTHETIC_SCHEMAS)}` });

function schema(index: number): Record<string, unknown> {
  switch (index % 5) {
    case 0:
      return {
        oneOf: [ref(index + 1), ref(index + 2)],
        discriminator: { propertyName: "kind" },
      };
    case 1:
      return {
        type: "object",
        required: ["id", "kind", "amount"],
        properties: {
          id: { type: "string" },
          kind: { type: "string" },
          amount: { type: "string", pattern: "^-?\\d{0,7}(?:\\.\\d{0,2})?$" },
          status: { type: "string", enum: ["pending", "paid", "refunded", "void"] },
          note: { type: ["string", "null"] },
          next: ref(index + 3),
          items: { type: "array", items: ref(index + 7) },
          metadata: { type: "object", additionalProperties: { type: "string" } },
        },
      };
    case 2:
      return {
        type: "object",
        required: ["kind"],
        properties: {
          kind: { type: "string" },
          quantity: { type: "integer", minimum: 0 },
          createdAt: { type: "string", format: "date-time", readOnly: true },
          parent: ref(index + 11),
        },
      };
    case 3:
      return { allOf: [ref(index + 13), { type: "object", properties: { extra: { type: "boolean" } } }] };
    default:
      return { type: "array", items: ref(index + 17), maxItems: 100 };
  }
}

export function buildSyntheticSpec(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let index = 0; index < SYNTHETIC_SCHEMAS; index++) schemas[name(index)] = schema(index);
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < SYNTHETIC_OPERATIONS / 2; index++) {
    const resource = `resources${index}`;
    const common = {
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "integer" } },
        { name: "X-Api-Version", in: "header", required: true, schema: { type: "string", const: "2024-01-01" } },
      ],
    };
    paths[`/${resource}/{id}`] = {
      get: {
        operationId: `get${name(index)}`,
        summary: `Retrieve resource ${index}`,
        ...common,
        parameters: [...common.parameters, { name: "expand", in: "query", schema: { type: "array", items: { type: "string" } } }],
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: ref(index * 8) } } },
          "404": { description: "Not found", content: { "application/json": { schema: ref(index * 8 + 1) } } },
        },
      },
      post: {
        operationId: `update${name(index)}`,
        summary: `Update resource ${index}`,
        ...common,
        requestBody: { required: true, content: { "application/json": { schema: ref(index * 8 + 2) } } },
        responses: {
          "201": { description: "Updated", content: { "application/json": { schema: ref(index * 8 + 3) } } },
          default: { description: "Error", content: { "application/json": { schema: ref(index * 8 + 4) } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Synthetic Benchmark API", version: "1.0.0" },
    servers: [{ url: "https://api.example.com" }],
    security: [{ bearerAuth: [] }],
    paths,
    components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } }, schemas },
  };
}

export function writeSyntheticSpec(file: string): void {
  writeFileSync(file, stringify(buildSyntheticSpec(), { aliasDuplicateObjects: false }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const out = process.argv[2];
  if (!out) {
    console.error("Usage: tsx bench/synthetic-spec.ts <out.yaml>");
    process.exit(2);
  }
  writeSyntheticSpec(out);
  console.log(`Wrote ${out}: ${SYNTHETIC_OPERATIONS} operations, ${SYNTHETIC_SCHEMAS} schemas`);
}
