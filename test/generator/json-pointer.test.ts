import { describe, expect, it } from "vitest";
import { childPointer, escapeToken, pointerOf, pointerOfRef, refOfPointer, resolvePointer, tokensOf, unescapeToken } from "../../generator/json-pointer.js";

describe("JSON pointers (RFC 6901)", () => {
  it("escape ~ before / and unescape in the reverse order", () => {
    expect(escapeToken("a/b~c")).toBe("a~1b~0c");
    expect(unescapeToken("a~1b~0c")).toBe("a/b~c");
    // The RFC's own trap: `~01` is `~1` escaped, not `/`.
    expect(unescapeToken("~01")).toBe("~1");
  });

  it("build and split pointers of keys and indexes", () => {
    expect(pointerOf(["paths", "/orders/{id}", "get", "parameters", 0])).toBe("/paths/~1orders~1{id}/get/parameters/0");
    expect(tokensOf("/paths/~1orders~1{id}/get")).toEqual(["paths", "/orders/{id}", "get"]);
    expect(tokensOf("")).toEqual([]);
    expect(tokensOf("/")).toEqual([""]);
    expect(() => tokensOf("paths")).toThrow(/not a JSON pointer/);
    expect(childPointer("/components/schemas", "a/b")).toBe("/components/schemas/a~1b");
  });

  it("resolve the RFC's examples", () => {
    const doc = { foo: ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, 'k"l': 6, " ": 7, "m~n": 8 };
    expect(resolvePointer(doc, "")).toBe(doc);
    expect(resolvePointer(doc, "/foo")).toEqual(["bar", "baz"]);
    expect(resolvePointer(doc, "/foo/0")).toBe("bar");
    expect(resolvePointer(doc, "/")).toBe(0);
    expect(resolvePointer(doc, "/a~1b")).toBe(1);
    expect(resolvePointer(doc, "/c%d")).toBe(2); // a plain pointer is not percent-decoded
    expect(resolvePointer(doc, "/ ")).toBe(7);
    expect(resolvePointer(doc, "/m~0n")).toBe(8);
    expect(resolvePointer(doc, "/nope/deeper")).toBeUndefined();
  });

  it("reach own properties only", () => {
    expect(resolvePointer({}, "/__proto__")).toBeUndefined();
    expect(resolvePointer({}, "/constructor")).toBeUndefined();
    expect(resolvePointer(JSON.parse('{"__proto__": {"x": 1}}'), "/__proto__/x")).toBe(1);
  });

  it("turn $ref fragments into pointers and back, percent-decoding only there", () => {
    expect(pointerOfRef("#/components/schemas/Order%20Line")).toBe("/components/schemas/Order Line");
    expect(pointerOfRef("#/paths/~1orders~1%7Bid%7D/get")).toBe("/paths/~1orders~1{id}/get");
    expect(pointerOfRef("#")).toBe("");
    expect(pointerOfRef("other.yaml#/a")).toBeUndefined();
    expect(pointerOfRef("#/bad%ZZ")).toBeUndefined();
    expect(refOfPointer("/components/schemas/Order Line")).toBe("#/components/schemas/Order%20Line");
    expect(refOfPointer("/paths/~1orders~1{id}/get")).toBe("#/paths/~1orders~1%7Bid%7D/get");
    expect(refOfPointer("/x/a:b@c")).toBe("#/x/a:b@c");
    for (const pointer of ["/a b/%/{x}", "/~0~1", ""]) expect(pointerOfRef(refOfPointer(pointer))).toBe(pointer);
  });
});
