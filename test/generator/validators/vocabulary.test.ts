/**
 * The keywords the schema set takes as known (no warning) are keywords Ajv's draft 2020-12 applies or knows as
 * annotations: a strict Ajv, which refuses unknown keywords, accepts each of them.
 */
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { KNOWN_KEYWORDS, OPENAPI_ANNOTATION_KEYWORDS } from "../../../generator/validators/vocabulary.js";

function unknownToStrictAjv(keyword: string): boolean {
  try {
    new Ajv2020({ strict: true }).compile({ [keyword]: {} });
    return false;
  } catch (error) {
    return /unknown keyword/.test((error as Error).message);
  }
}

describe("vocabulary", () => {
  it("knows only keywords that Ajv's draft 2020-12 knows", () => {
    expect([...KNOWN_KEYWORDS].filter(unknownToStrictAjv)).toEqual([]);
  });

  it("keeps OpenAPI's annotations apart: Ajv does not know them, and they are not checked", () => {
    expect([...OPENAPI_ANNOTATION_KEYWORDS].filter((keyword) => !unknownToStrictAjv(keyword))).toEqual([]);
  });
});
