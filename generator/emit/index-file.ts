/**
 * `emitIndex`: `index.ts`, the module users import (`payspec/<name>`): the client, its option/input/response
 * types, openapi-typescript's `paths`/`operations`/`components`, one alias per component schema, the runtime's
 * errors and types, and the validators when they exist.
 */
import { LOCAL_RUNTIME_IMPORT } from "./runtime.js";
import type { ApiModel } from "../model.js";
import { compareStrings, pascalCase, safeIdentifier, uniqueName } from "../names.js";
import { operationTypes } from "./operation-types.js";
import { generatedHeader } from "./text.js";

export interface EmitIndexOptions {
  /** The runtime folder as a module path from the client's folder (pipeline.ts `EmitContext.runtimeImport`). */
  readonly runtimeImport?: string;
  /** templates/runtime/*, by path relative to that folder (pipeline.ts `EmitContext.runtimeFiles`). */
  readonly runtimeFiles: Readonly<Record<string, string>>;
}

/**
 * The names the runtime's index.ts exports, read from its text (`export { A, B as C } from ...`, `export type {...}`),
 * so that the schema aliases of index.ts, which sit beside `export *` of the runtime, can never take one of them.
 */
export function runtimeExportNames(runtimeFiles: Readonly<Record<string, string>>): string[] {
  const source = runtimeFiles["index.ts"];
  if (source === undefined) throw new Error("the runtime has no index.ts");
  if (/^\s*export\s*\*/m.test(source)) throw new Error("the runtime's index.ts must list its exports by name (export { ... }), not export *");
  const names: string[] = [];
  for (const match of source.matchAll(/^\s*export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of match[1]!.replace(/\/\/.*$/gm, "").split(",")) {
      const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()?.trim();
      if (name) names.push(name);
    }
  }
  for (const match of source.matchAll(/^\s*export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|function|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) names.push(match[1]!);
  return names;
}

/**
 * Alias name of each component schema: `Order` -> `Order`, `2fa` -> `Schema2fa`, `order-line` -> `OrderLine`,
 * a reserved word (`import`, `default`, `type`) -> `Import`, `Default`, `Type`.
 */
export function schemaAliases(model: ApiModel, runtimeExports: readonly string[]): Array<{ schema: string; alias: string }> {
  const taken = new Set<string>([...runtimeExports, ...clientExports(model), "paths", "operations", "components", "webhooks", "$defs"]);
  return Object.keys(model.schemas)
    .sort(compareStrings)
    .map((schema) => {
      let alias = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(schema) && safeIdentifier(schema) === schema ? schema : pascalCase(schema);
      if (alias === "" || /^[0-9]/.test(alias)) alias = `Schema${alias}`;
      return { schema, alias: uniqueName(alias, taken) };
    });
}

function clientExports(model: ApiModel): string[] {
  return [
    model.clientName,
    `${model.clientName}Options`,
    ...model.operations.flatMap((operation) => {
      const types = operationTypes(operation, model);
      return [types.inputName, types.responseName, ...(types.paging !== undefined ? [types.paging.itemName] : [])];
    }),
  ];
}

export function emitIndex(model: ApiModel, options: EmitIndexOptions): string {
  const [clientClass, ...clientTypes] = clientExports(model);
  const lines = [
    generatedHeader(model, "Public module"),
    `export { ${clientClass ?? ""} } from "./client.js";`,
    `export type {\n${clientTypes.map((name) => `  ${name},`).join("\n")}\n} from "./client.js";`,
    `export type { paths, operations, components, webhooks } from "./schema.js";`,
    `export * from "${options.runtimeImport ?? LOCAL_RUNTIME_IMPORT}/index.js";`,
    `export * from "./validators.js";`,
  ];
  const aliases = schemaAliases(model, runtimeExportNames(options.runtimeFiles));
  if (aliases.length > 0) {
    lines.push("", `import type { components } from "./schema.js";`, "");
    for (const { schema, alias } of aliases) lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(schema)}];`);
  }
  return `${lines.join("\n")}\n`;
}
