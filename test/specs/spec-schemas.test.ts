/**
 * The spec test harness itself (checkBody), on small specs written for each case: composition keywords, maps,
 * free-form objects, recursion, OpenAPI formats and extension keywords, and its errors for bad input.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkBody } from "./spec-schemas.js";

const dir = mkdtempSync(join(tmpdir(), "payspec-spec-schemas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeSpec(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const COMPOSED = writeSpec(
  "composed.yaml",
  `openapi: 3.1.0
info: {title: composed, version: "1"}
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                price: {$ref: "#/components/schemas/Price"}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Price:
      type: string
      format: decimal
      pattern: ^\\d+(?:\\.\\d{2})?$
      x-inferred: an extension keyword inside a schema
      example: "1.00"
    Money:
      allOf:
        - type: object
          properties:
            amount: {$ref: "#/components/schemas/Price"}
        - type: object
          properties:
            currency: {type: string}
    Card:
      type: object
      required: [last4]
      properties:
        last4: {type: string}
    Bank:
      type: object
      required: [iban]
      properties:
        iban: {type: string}
    Thing:
      type: object
      properties:
        id: {type: integer, format: int64}
        total: {$ref: "#/components/schemas/Money"}
        method:
          oneOf:
            - {$ref: "#/components/schemas/Card"}
            - {$ref: "#/components/schemas/Bank"}
        counts:
          type: object
          additionalProperties: {type: integer}
        metadata: {type: object}
        created_at: {type: string, format: date-time}
        children:
          type: array
          items: {$ref: "#/components/schemas/Thing"}
`,
);

describe("checkBody", () => {
  it("accepts a valid body and reports nothing undeclared", async () => {
    const body = {
      id: 1,
      total: { amount: "1.00", currency: "USD" },
      method: { last4: "4242" },
      counts: { a: 1, b: 2 },
      metadata: { anything: { at: ["all"] } },
      created_at: "2019-08-24T14:15:22Z",
      children: [{ id: 2, children: [] }],
    };
    expect(await checkBody(COMPOSED, "createThing", "response.201", body)).toEqual({ errors: [], undeclared: [] });
  });

  it("reports errors as '<instancePath> <message>' at any depth, through $ref, allOf, items and maps", async () => {
    const body = {
      id: "1",
      total: { amount: "1.5" },
      counts: { a: "x" },
      created_at: "later",
      children: [{ children: [{ id: 1.5 }] }],
    };
    const { errors } = await checkBody(COMPOSED, "createThing", "response.201", body);
    expect(errors.sort()).toEqual(
      [
        "/id must be integer",
        '/total/amount must match pattern "^\\d+(?:\\.\\d{2})?$"',
        "/counts/a must be integer",
        '/created_at must match format "date-time"',
        "/children/0/children/0/id must be integer",
        '/children/0/children/0/id must match format "int64"',
      ].sort(),
    );
  });

  it("finds undeclared names through allOf, oneOf, items and recursion, but not in maps or free-form objects", async () => {
    const body = {
      total: { amount: "1.00", currency: "USD", rate: 1 },
      method: { iban: "DE00", bic: "X" },
      counts: { anything: 1 },
      metadata: { anything: 1 },
      children: [{ children: [{ id: 1, "a/b~c": true }] }],
      extra: null,
    };
    const { errors, undeclared } = await checkBody(COMPOSED, "createThing", "response.201", body);
    expect(errors).toEqual([]);
    expect(undeclared.sort()).toEqual(
      ["/total/rate", "/method/bic", "/children/0/children/0/a~1b~0c", "/extra"].sort(),
    );
  });

  it("names the unknown field of a closed request body", async () => {
    expect(await checkBody(COMPOSED, "createThing", "request", { price: "2.00", qty: 1 })).toEqual({
      errors: [" must NOT have additional properties (qty)"],
      undeclared: ["/qty"],
    });
  });

  it("says which operations and responses exist when asked for a missing one", async () => {
    await expect(checkBody(COMPOSED, "deleteThing", "request", {})).rejects.toThrow(
      /composed\.yaml: no operation with operationId "deleteThing" \(operations: createThing\)/,
    );
    await expect(checkBody(COMPOSED, "createThing", "response.200", {})).rejects.toThrow(
      /operation "createThing" has no response "200" \(responses: 201\)/,
    );
  });

  it("refuses a spec whose $ref cannot be resolved, naming the file and pointer", async () => {
    const broken = writeSpec(
      "broken.yaml",
      `openapi: 3.1.0
info: {title: broken, version: "1"}
paths:
  /x:
    get:
      operationId: getX
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Missing"}
`,
    );
    await expect(checkBody(broken, "getX", "response.200", {})).rejects.toThrow(/Cannot bundle .*broken\.yaml/s);
  });

  it("runs Ajv in strict mode: a misspelt keyword (minimun) is an error, not silently ignored", async () => {
    const loose = writeSpec(
      "loose.yaml",
      `openapi: 3.1.0
info: {title: loose, version: "1"}
paths:
  /x:
    get:
      operationId: getX
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: integer, minimun: 1}
`,
    );
    await expect(checkBody(loose, "getX", "response.200", "a")).rejects.toThrow(/unknown keyword: "minimun"/);
  });
});
