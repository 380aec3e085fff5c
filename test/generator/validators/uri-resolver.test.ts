/** The generation-time Ajv's URI resolver gives fast-uri's answers, remembered. */
import uri from "ajv/dist/runtime/uri.js";
import { describe, expect, it } from "vitest";
import { rememberingUriResolver } from "../../../generator/validators/uri-resolver.js";

const fastUri = uri.default;
const URIS = ["payspec:validators", "payspec:validators#/$defs/s:Order", "https://json-schema.org/draft/2020-12/schema", "#/$defs/a%20b", ""];

describe("rememberingUriResolver", () => {
  it("parses, serializes and resolves as fast-uri does, asked once or again", () => {
    const resolver = rememberingUriResolver();
    for (let round = 0; round < 2; round++) {
      for (const text of URIS) {
        expect(resolver.parse(text)).toEqual(fastUri.parse(text));
        expect(resolver.serialize(resolver.parse(text))).toBe(fastUri.serialize(fastUri.parse(text)));
        expect(resolver.resolve("payspec:validators", text)).toBe(fastUri.resolve("payspec:validators", text));
      }
    }
  });

  it("hands out one parse per string, and keeps each resolver's answers to itself", () => {
    const resolver = rememberingUriResolver();
    expect(resolver.parse(URIS[1]!)).toBe(resolver.parse(URIS[1]!));
    expect(rememberingUriResolver().parse(URIS[1]!)).not.toBe(resolver.parse(URIS[1]!));
  });
});
