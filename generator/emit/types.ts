/**
 * `emitTypes`: `schema.ts`, openapi-typescript's types for the bundled document (`paths`, `operations`,
 * `components`, `webhooks`). We do not write our own JSON Schema -> TypeScript: openapi-typescript is the
 * reference for it, and the client's input/response types are indexed from its output.
 */
import { createRequire } from "node:module";
import openapiTS, { astToString } from "openapi-typescript";
import type { ApiModel } from "../model.js";

type RedoclyConfig = NonNullable<NonNullable<Parameters<typeof openapiTS>[1]>["redocly"]>;

/**
 * openapi-typescript lints the document again with Redocly's "minimal" rules before transforming it. `loadSpec`
 * has already linted and bundled it, so we hand openapi-typescript a config with no rules, built by the
 * openapi-core version openapi-typescript itself depends on (1.x; ours is 2.x): same output, half the time on
 * large specs (see bench/generation.ts).
 */
let noRulesConfig: Promise<RedoclyConfig> | undefined;
function openapiTsConfig(): Promise<RedoclyConfig> {
  noRulesConfig ??= (async () => {
    const requireFromOpenapiTs = createRequire(createRequire(import.meta.url).resolve("openapi-typescript"));
    const core = (await import(requireFromOpenapiTs.resolve("@redocly/openapi-core"))) as {
      createConfig: (config: object, options: object) => Promise<RedoclyConfig>;
    };
    return core.createConfig({ rules: {} }, { extends: [] });
  })();
  return noRulesConfig;
}

export async function emitTypes(model: ApiModel): Promise<string> {
  // openapi-typescript may mutate what it is given; it gets a copy so the model stays as loaded.
  const document = structuredClone(model.document) as unknown as Parameters<typeof openapiTS>[0];
  // defaultNonNullable off: a property with a `default` may still be left out of a request body.
  const ast = await openapiTS(document, { silent: true, defaultNonNullable: false, redocly: await openapiTsConfig() });
  return astToString(ast);
}
