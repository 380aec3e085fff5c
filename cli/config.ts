/**
 * The project's APIs, read from the `apis:` map of `redocly.yaml` in the folder the command runs from: the file that
 * Redocly and openapi-typescript (`x-openapi-ts`) already read. Each API may carry an `x-payspec` block:
 *
 *   apis:
 *     shop:
 *       root: specs/shop.yaml
 *       x-payspec:
 *         output: src/api/shop          # default: generated/<api name>
 *         clientName: ShopClient        # default: from info.title
 *         runtime: src/api/runtime      # a runtime folder shared by several clients (default: a copy in each)
 *         importAs: "@acme/api/shop"    # how users import the client, for its README (default: a relative path)
 *         msw: true                     # also write msw.ts, MSW request handlers for tests (default: false)
 *
 * Paths are relative to the folder of redocly.yaml. Redocly's own config loader reads the file, so `extends`,
 * comments and anchors work as they do for `redocly lint`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { redoclyApis, UnreadableConfig } from "../generator/redocly-apis.js";

export const CONFIG_FILE = "redocly.yaml";

export interface ApiEntry {
  /** The key under `apis:`, e.g. `shop` or `orders@v2`. */
  readonly name: string;
  /** Absolute path of the API's `root` spec. */
  readonly spec: string;
  /** Absolute output folder. */
  readonly output: string;
  readonly clientName?: string;
  /** Absolute path of a runtime folder this client shares with others. */
  readonly runtime?: string;
  readonly importAs?: string;
  readonly msw: boolean;
}

export interface ProjectConfig {
  /** Absolute path of redocly.yaml. */
  readonly file: string;
  readonly apis: readonly ApiEntry[];
}

/** A redocly.yaml that cannot be used: the message names the file, the key and what to do. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const PAYSPEC_KEYS = ["output", "clientName", "runtime", "importAs", "msw"] as const;
/** The settings whose value is a path or a name; `msw` is a boolean. */
type TextSetting = Exclude<(typeof PAYSPEC_KEYS)[number], "msw">;

/**
 * The config in `cwd`, or undefined when there is no redocly.yaml there. `readApis` reads the file's `apis:` map, or
 * throws UnreadableConfig with Redocly's reason: Redocly on this thread by default (loaded only when there is a
 * redocly.yaml, ~0.25 s), or elsewhere (`payspec generate` asks its generator thread, which loads Redocly anyway).
 */
export async function readProjectConfig(cwd: string, readApis: (file: string) => Promise<Readonly<Record<string, unknown>>> = redoclyApis): Promise<ProjectConfig | undefined> {
  const file = path.join(cwd, CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  let apis: Readonly<Record<string, unknown>>;
  try {
    apis = await readApis(file);
  } catch (error) {
    if (!(error instanceof UnreadableConfig)) throw error;
    throw new ConfigError(`${file}: cannot read it: ${error.message}`);
  }
  const dir = path.dirname(file);
  return { file, apis: Object.entries(apis).map(([name, api]) => apiEntry(file, dir, name, api)) };
}

function apiEntry(file: string, dir: string, name: string, api: unknown): ApiEntry {
  const where = `${file}: apis.${name}`;
  if (!isObject(api) || typeof api["root"] !== "string" || api["root"] === "") {
    throw new ConfigError(`${where}: needs \`root: <path of the spec>\``);
  }
  const block = api["x-payspec"] ?? {};
  if (!isObject(block)) throw new ConfigError(`${where}.x-payspec: must be a mapping of ${PAYSPEC_KEYS.join(", ")}`);
  for (const [key, value] of Object.entries(block)) {
    if (!(PAYSPEC_KEYS as readonly string[]).includes(key)) {
      throw new ConfigError(`${where}.x-payspec.${key}: unknown setting; the settings are ${PAYSPEC_KEYS.join(", ")}`);
    }
    if (key === "msw" ? typeof value !== "boolean" : typeof value !== "string" || value === "") {
      throw new ConfigError(`${where}.x-payspec.${key}: must be ${key === "msw" ? "true or false" : "a non-empty string"}`);
    }
  }
  const setting = (key: TextSetting) => block[key] as string | undefined;
  if (block["clientName"] !== undefined && !/^[A-Za-z_$][\w$]*$/.test(block["clientName"] as string)) {
    throw new ConfigError(`${where}.x-payspec.clientName: must be a TypeScript class name such as ShopClient`);
  }
  const output = setting("output");
  const runtime = setting("runtime");
  const clientName = setting("clientName");
  const importAs = setting("importAs");
  return {
    name,
    spec: path.resolve(dir, api["root"]),
    output: path.resolve(dir, output ?? path.join("generated", name.replace(/@.*$/, ""))),
    ...(clientName !== undefined ? { clientName } : {}),
    ...(runtime !== undefined ? { runtime: path.resolve(dir, runtime) } : {}),
    ...(importAs !== undefined ? { importAs } : {}),
    msw: block["msw"] === true,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
