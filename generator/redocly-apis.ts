/**
 * The `apis:` map of a redocly.yaml as Redocly itself reads it (its `$ref`s resolved, `extends` and plugins applied,
 * as for `redocly lint`), cut down to what payspec reads of each API: `root` and the `x-payspec` block. Plain data,
 * so that it can come back from the generator's thread (./thread.ts), where Redocly is loaded anyway.
 */
export async function redoclyApis(file: string): Promise<Readonly<Record<string, unknown>>> {
  const { loadConfig } = await import("@redocly/openapi-core");
  let config;
  try {
    config = await loadConfig({ configPath: file });
  } catch (error) {
    throw new UnreadableConfig(error instanceof Error ? error.message : String(error));
  }
  const apis = (config.resolvedConfig.apis ?? {}) as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(apis).map(([name, api]) => {
      if (api === null || typeof api !== "object") return [name, api];
      const { root, "x-payspec": block } = api as { readonly root?: unknown; readonly "x-payspec"?: unknown };
      return [name, { root, ...(block !== undefined ? { "x-payspec": block } : {}) }];
    }),
  );
}

/** Redocly's reason for refusing a redocly.yaml (its YAML, its `extends`, a plugin...), in Redocly's words. */
export class UnreadableConfig extends Error {
  override readonly name = "UnreadableConfig";
}
