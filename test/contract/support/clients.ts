/**
 * The generated package of a spec (`generated/<name>/`), loaded as a user would import it, plus the operationId ->
 * method name map of the generator's own model (the generator names methods; the tests must call those names).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpec } from "../../../generator/load.js";
import { specPath, type SpecName } from "../../../mock/index.js";

export const clientClassNames: Readonly<Record<SpecName, string>> = {
  nextcommerce: "NextCommerceClient",
  bigcommerce: "BigCommerceClient",
  medusa: "MedusaClient",
  payments: "PaymentsClient",
};

export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
}
export type ValidationResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly errors: readonly ValidationIssue[] };
export type Validator = (value: unknown) => ValidationResult;
export type OperationValidators = Readonly<Record<string, { readonly request?: Validator; readonly responses: Readonly<Record<string, Validator>> }>>;

type ClientMethod = (input?: unknown, options?: { headers?: Record<string, string> }) => Promise<unknown>;
export type GeneratedClient = Record<string, ClientMethod>;
type ErrorClass = abstract new (...args: never[]) => Error;

export interface GeneratedPackage {
  readonly createClient: (options: Record<string, unknown>) => GeneratedClient;
  readonly errors: {
    readonly RequestValidationError: ErrorClass;
    readonly ResponseValidationError: ErrorClass;
    readonly AuthenticationError: ErrorClass;
    readonly PermissionDeniedError: ErrorClass;
    readonly APIError: ErrorClass;
  };
  /** `undefined` until `generated/<name>/validators.ts` exists. */
  readonly operationValidators: OperationValidators;
  readonly methodNames: ReadonlyMap<string, string>;
}

/**
 * `generated/<spec>/`, or `$PAYSPEC_GENERATED_DIR/<spec>/`: lets the generator's authors run this suite against a
 * candidate output before committing it (the folder must resolve `openapi-fetch`, e.g. via a node_modules link).
 */
const generatedDir = (spec: SpecName) => {
  const root = process.env["PAYSPEC_GENERATED_DIR"];
  return root ? path.resolve(root, spec) + path.sep : fileURLToPath(new URL(`../../../generated/${spec}/`, import.meta.url));
};

export async function loadGenerated(spec: SpecName): Promise<GeneratedPackage> {
  const dir = generatedDir(spec);
  if (!existsSync(`${dir}client.ts`)) {
    throw new Error(`${dir}client.ts does not exist: run \`npm run generate\` to generate the ${spec} client.`);
  }
  const module = (await import(`${dir}index.ts`)) as Record<string, unknown>;
  const Client = module[clientClassNames[spec]] as (new (options: Record<string, unknown>) => GeneratedClient) | undefined;
  if (typeof Client !== "function") throw new Error(`generated/${spec}/index.ts does not export ${clientClassNames[spec]}`);
  const errorClass = (name: string): ErrorClass => {
    const value = module[name];
    if (typeof value !== "function") throw new Error(`generated/${spec}/index.ts does not export ${name}`);
    return value as ErrorClass;
  };
  // The client's two validator tables: requests (validators.ts) and responses (response-validators.ts, which the
  // client itself only loads when validate.response is on).
  const { requestValidators } = (await import(`${dir}validators.ts`)) as { requestValidators?: Readonly<Record<string, Validator>> };
  const { responseValidators } = (await import(`${dir}response-validators.ts`)) as { responseValidators?: Readonly<Record<string, Readonly<Record<string, Validator>>>> };
  if (requestValidators === undefined) throw new Error(`generated/${spec}/validators.ts does not export requestValidators`);
  if (responseValidators === undefined) throw new Error(`generated/${spec}/response-validators.ts does not export responseValidators`);
  const model = await loadSpec(specPath(spec));
  const operationValidators: OperationValidators = Object.fromEntries(
    model.operations.map(({ operationId }) => {
      const request = requestValidators[operationId];
      return [operationId, { ...(request !== undefined ? { request } : {}), responses: responseValidators[operationId] ?? {} }];
    }),
  );
  return {
    createClient: (options) => new Client(options),
    errors: {
      RequestValidationError: errorClass("RequestValidationError"),
      ResponseValidationError: errorClass("ResponseValidationError"),
      AuthenticationError: errorClass("AuthenticationError"),
      PermissionDeniedError: errorClass("PermissionDeniedError"),
      APIError: errorClass("APIError"),
    },
    operationValidators,
    methodNames: new Map(model.operations.map((operation) => [operation.operationId, operation.methodName])),
  };
}

/** A `fetch` that counts the requests it sends: 0 proves the client refused a request before it left the process. */
export function countingFetch(): { fetch: typeof globalThis.fetch; readonly count: () => number } {
  let count = 0;
  return {
    fetch: (input, init) => {
      count++;
      return globalThis.fetch(input, init);
    },
    count: () => count,
  };
}
