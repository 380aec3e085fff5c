/**
 * `emitIndex`: `index.ts`, the module users import (`payspec/<name>`): the client, its option/input/response
 * types, openapi-typescript's `paths`/`operations`/`components`, one alias per component schema, the runtime's
 * errors and types, and the validators when they exist.
 */
import { LOCAL_RUNTIME_IMPORT } from "./runtime.js";
import type { ApiModel } from "../model.js";
import { compareStrings, pascalCase, uniqueName } from "../names.js";
import { operationTypes } from "./operation-types.js";
import { generatedHeader } from "./text.js";

/** Names the runtime exports (templates/runtime/index.ts, per the runtime contract); schema aliases avoid them. */
const RUNTIME_EXPORTS = [
  "HttpMethod", "SecurityRequirement", "SecuritySchemeInfo", "Credential", "ValidationIssue", "ValidationResult", "Validator",
  "OperationInfo", "CallInput", "CoreOptions", "RequestOptions", "ClientCore", "resolveServerUrl", "PayspecError", "APIError",
  "BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError", "ConflictError", "UnprocessableEntityError",
  "RateLimitError", "InternalServerError", "APIConnectionError", "APIConnectionTimeoutError", "APIUserAbortError",
  "ValidationError", "RequestValidationError", "ResponseValidationError",
];

export interface EmitIndexOptions {
  /** The runtime folder as a module path from the client's folder (pipeline.ts `EmitContext.runtimeImport`). */
  readonly runtimeImport?: string;
}

/** Alias name of each component schema: `Order` -> `Order`, `2fa` -> `Schema2fa`, `order-line` -> `OrderLine`. */
export function schemaAliases(model: ApiModel): Array<{ schema: string; alias: string }> {
  const taken = new Set<string>([...RUNTIME_EXPORTS, ...clientExports(model), "paths", "operations", "components", "webhooks", "$defs"]);
  return Object.keys(model.schemas)
    .sort(compareStrings)
    .map((schema) => {
      let alias = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(schema) ? schema : pascalCase(schema);
      if (alias === "" || /^[0-9]/.test(alias)) alias = `Schema${alias}`;
      return { schema, alias: uniqueName(alias, taken) };
    });
}

function clientExports(model: ApiModel): string[] {
  return [
    model.clientName,
    `${model.clientName}Options`,
    ...model.operations.flatMap((operation) => {
      const types = operationTypes(operation);
      return [types.inputName, types.responseName];
    }),
  ];
}

export function emitIndex(model: ApiModel, options: EmitIndexOptions = {}): string {
  const [clientClass, ...clientTypes] = clientExports(model);
  const lines = [
    generatedHeader(model, "Public module"),
    `export { ${clientClass ?? ""} } from "./client.js";`,
    `export type {\n${clientTypes.map((name) => `  ${name},`).join("\n")}\n} from "./client.js";`,
    `export type { paths, operations, components, webhooks } from "./schema.js";`,
    `export * from "${options.runtimeImport ?? LOCAL_RUNTIME_IMPORT}/index.js";`,
    `export * from "./validators.js";`,
  ];
  const aliases = schemaAliases(model);
  if (aliases.length > 0) {
    lines.push("", `import type { components } from "./schema.js";`, "");
    for (const { schema, alias } of aliases) lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(schema)}];`);
  }
  return `${lines.join("\n")}\n`;
}
