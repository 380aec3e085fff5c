/**
 * The tests' own reading of a spec, through Redocly's bundler (dereferenced), independent of docs/:
 * what the pages must show is taken from the spec here, not from the code that renders it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { bundle, createConfig } from "@redocly/openapi-core";

export interface SpecOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly actions: readonly string[];
  readonly versionHeaderValues: readonly string[];
}

export interface SpecFacts {
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly serverUrls: readonly string[];
  readonly securitySchemes: readonly string[];
  readonly operations: readonly SpecOperation[];
}

type Json = Record<string, any>;

/**
 * The APIs `payspec docs` documents in a project, in the order its redocly.yaml lists them (the site's order); each
 * must be a spec file of specsDir, and every spec file there must be listed.
 */
export function specNames(specsDir: string, configFile: string): string[] {
  const apis = Object.keys((parse(readFileSync(configFile, "utf8")) as { apis?: Record<string, unknown> }).apis ?? {});
  const files = readdirSync(specsDir).filter((file) => /\.ya?ml$/.test(file)).map((file) => file.replace(/\.ya?ml$/, ""));
  if ([...apis].sort().join() !== files.sort().join()) throw new Error(`${configFile} lists ${apis.join(", ")}; ${specsDir} holds ${files.join(", ")}`);
  return apis;
}

/** What the spec `file` says, for checking a page built under `name`. */
export async function readSpecFacts(file: string, name: string): Promise<SpecFacts> {
  const result = await bundle({ ref: file, config: await createConfig({}), dereference: true });
  const document = result.bundle.parsed as Json;
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Json>(document["paths"] ?? {})) {
    for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"]) {
      const operation: Json | undefined = item[method];
      if (!operation) continue;
      const parameters: Json[] = [...(item["parameters"] ?? []), ...(operation["parameters"] ?? [])];
      const versionHeaderValues = parameters
        .filter((parameter) => parameter["in"] === "header" && /version/i.test(parameter["name"]))
        .map((parameter) => parameter["schema"]?.["const"] ?? (parameter["schema"]?.["enum"]?.length === 1 ? parameter["schema"]["enum"][0] : undefined))
        .filter((value): value is string => typeof value === "string");
      operations.push({
        operationId: operation["operationId"],
        method: method.toUpperCase(),
        path,
        summary: operation["summary"] ?? "",
        actions: operation["x-payment-actions"] ?? [],
        versionHeaderValues,
      });
    }
  }
  return {
    name,
    title: document["info"]["title"],
    version: document["info"]["version"],
    serverUrls: (document["servers"] ?? []).map((server: Json) => server["url"]),
    securitySchemes: Object.keys(document["components"]?.["securitySchemes"] ?? {}),
    operations,
  };
}
