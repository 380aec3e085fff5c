import { describe, expect, it } from "vitest";
import { PayspecError, resolveServerUrl } from "../../templates/runtime/index.js";

const nextCommerce = "https://{store}.29next.store/api/admin";
const storeVariable = { store: { default: "example" } };

describe("resolveServerUrl", () => {
  it("fills a variable with the given value", () => {
    expect(resolveServerUrl(nextCommerce, storeVariable, { store: "acme" })).toBe("https://acme.29next.store/api/admin");
  });

  it("uses defaults for variables left out or undefined", () => {
    expect(resolveServerUrl(nextCommerce, storeVariable)).toBe("https://example.29next.store/api/admin");
    expect(resolveServerUrl(nextCommerce, storeVariable, { store: undefined })).toBe("https://example.29next.store/api/admin");
  });

  it("fills several variables, each occurrence, and leaves a URL without placeholders alone", () => {
    const variables = { region: { default: "us", enum: ["us", "eu"] }, version: { default: "v3" } };
    expect(resolveServerUrl("https://{region}.api.test/{version}/{region}", variables, { region: "eu" })).toBe(
      "https://eu.api.test/v3/eu",
    );
    expect(resolveServerUrl("https://api.test/v1", {})).toBe("https://api.test/v1");
  });

  it("rejects a value outside the variable's enum, naming the variable and the allowed values", () => {
    const variables = { region: { default: "us", enum: ["us", "eu"] } };
    const attempt = () => resolveServerUrl("https://{region}.api.test", variables, { region: "mars" });
    expect(attempt).toThrow(PayspecError);
    expect(attempt).toThrow('Server variable "region" for https://{region}.api.test must be one of "us", "eu", got "mars".');
  });

  it("rejects a variable the server does not declare, listing the declared ones", () => {
    expect(() => resolveServerUrl(nextCommerce, storeVariable, { shop: "acme" })).toThrow(
      'Unknown server variable "shop" for https://{store}.29next.store/api/admin: declared variables are "store".',
    );
    expect(() => resolveServerUrl("https://api.test", {}, { store: "acme" })).toThrow(/it declares no variables/);
  });

  it("rejects a placeholder that has no declared variable", () => {
    expect(() => resolveServerUrl("https://{tenant}.api.test", {})).toThrow(
      'Server URL https://{tenant}.api.test uses {tenant} but declares no variable "tenant"',
    );
  });
});
